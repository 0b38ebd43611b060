// The essay's lenses in the page: turnover vs consumption, the Jevons explorer, the scorecard,
// the speculation shock, the valuation lenses and the walk through the essay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, withPage, report, ARTIFACTS } from './lib/setup.js';
import { figure, figures, chartPixels, andRedraw } from './lib/page.js';

const env = suite();


const exact = { exact: true };
const shot = (page, selector, name) => page.locator(selector).screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

test('turnover stays high while consumption goes to zero without a burn', async () => {
  await withPage(env, {}, async (page) => {
    assert.equal(await figure(page, 'mean_turnover'), 12);
    assert.ok((await figure(page, 'mean_consumption_rate')) > 0);
    await andRedraw(page, () => page.getByLabel('Burn share', exact).fill('0'));
    await andRedraw(page, () => page.getByLabel('Staking yield source', exact).selectOption({ label: 'Protocol revenue' }));
    // Nothing is burned: what is left of consumption is staking's, stake locked less stake that left.
    assert.equal(await figure(page, 'mean_burn_rate'), 0);
    const consumed = await figure(page, 'mean_consumption_rate');
    assert.ok(Math.abs(consumed - (await figure(page, 'mean_staking_consumption_rate'))) < 1e-12);
    assert.ok(Math.abs(consumed) < 0.01, `consumption ${consumed} beside turnover of 1,200 %`);
    assert.equal(await figure(page, 'mean_turnover'), 12, 'turnover untouched by the design');
    // With a stake that never moves, nothing at all is consumed.
    await page.locator('#advanced summary').click();
    await andRedraw(page, () => page.getByLabel('Stake adjustment speed', exact).fill('0'));
    assert.equal(await figure(page, 'mean_consumption_rate'), 0);
    await shot(page, '#turnover', 'panel-turnover-vs-consumption');
  });
});

test('the Jevons explorer reproduces the essay and drives fee growth', async () => {
  await withPage(env, {}, async (page) => {
    await page.getByRole('button', { name: 'AI tokens 2023–2025' }).click();
    const implied = await figure(page, 'jevons_elasticity');
    assert.ok(Math.abs(implied - (1 + Math.log(4.2) / Math.log(300))) < 0.001, `implied elasticity ${implied}`);
    await shot(page, '#jevons', 'panel-jevons');

    await page.getByLabel('Solve for', exact).selectOption({ label: 'Spend, from an elasticity' });
    // Switching what is solved keeps the answer: the solved elasticity is carried, not rounded.
    const carried = await figure(page, 'jevons_spend_multiple');
    assert.ok(Math.abs(carried - 4.2) < 1e-4, `spend multiple after switching ${carried}`);
    await page.getByLabel('Demand elasticity', exact).fill('1.25');
    const spend = await figure(page, 'jevons_spend_multiple');
    assert.ok(Math.abs(spend - 300 ** 0.25) < 1e-9, `spend multiple ${spend}`);

    await page.getByRole('button', { name: 'AI tokens 2023–2025' }).click();
    const supply = await chartPixels(page, 'Projected supply');
    const burnedBefore = await figure(page, 'cumulative_burned');
    await andRedraw(page, () => page.getByRole('button', { name: 'Use as fee growth' }).click());
    const growth = Number(await page.getByLabel('Fee growth', exact).inputValue());
    assert.ok(Math.abs(growth - (Math.sqrt(4.2) - 1) * 100) < 0.01, `fee growth ${growth}`);
    // For the explorer's two years only: from month 25 the design's own 20 %/yr again, as a change.
    if (!(await page.locator('#advanced').evaluate((d) => d.open))) await page.locator('#advanced > summary').click();
    assert.equal(await page.getByLabel('Change 1: from month', exact).inputValue(), '25');
    assert.equal(await page.getByLabel('Change 1: lever', exact).inputValue(), 'fee_growth');
    assert.equal(Number(await page.getByLabel('Change 1: new value (%/yr)', exact).inputValue()), 20);
    assert.ok((await figure(page, 'cumulative_burned')) > burnedBefore);
    assert.notEqual(await chartPixels(page, 'Projected supply'), supply);

    await page.getByLabel('Unit price decline', exact).fill('abc');
    await page.locator('#jevons .lever-error').waitFor();
    assert.match(await page.locator('#jevons .lever-error').textContent(), /not a number/);
  });
});

test('the scorecard grades token-denominated fees by denomination, live', async () => {
  await withPage(env, {}, async (page) => {
    const grade = (key) => page.locator(`[data-criterion="${key}"]`).getAttribute('data-grade');
    assert.equal(await grade('token_denominated_fees'), 'pass');
    await andRedraw(page, () => page.getByLabel('Fee denomination', exact).selectOption({ label: 'Stablecoin' }));
    assert.equal(await grade('token_denominated_fees'), 'fail');
    assert.match(await page.locator('[data-criterion="token_denominated_fees"]').textContent(), /stablecoins/);
    await andRedraw(page, () => page.getByLabel('Staking yield source', exact).selectOption({ label: 'Protocol revenue' }));
    // Revenue-paid stakers, but holders govern and can lose nothing (holders.test.js makes it pass).
    assert.equal(await grade('downside_alignment'), 'fail');
    assert.match(await page.locator('[data-criterion="downside_alignment"]').textContent(), /influence without consequence/);
    await shot(page, '#scorecard', 'panel-scorecard');
  });
});

test('a speculation shock shows on the charts and in a before/after comparison', async () => {
  await withPage(env, {}, async (page) => {
    assert.match(await page.locator('#shock').textContent(), /No shock in this design/);
    assert.ok(await page.getByLabel('Shock year', exact).isDisabled());
    const supply = await chartPixels(page, 'Projected supply');
    const turnoverChart = await chartPixels(page, 'Turnover vs consumption');
    await andRedraw(page, () => page.getByLabel('Speculation shock', exact).check());
    assert.ok(await page.getByLabel('Shock year', exact).isEnabled());
    assert.notEqual(await chartPixels(page, 'Projected supply'), supply, 'shock line on the supply chart');
    assert.notEqual(await chartPixels(page, 'Turnover vs consumption'), turnoverChart);
    const table = page.locator('#shock table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    assert.ok(rows.some((r) => /^Turnover/.test(r) && /−80\.0 %/.test(r)), rows.join('\n'));
    assert.ok(rows.some((r) => /^Value capture ratio.*unchanged/.test(r)), rows.join('\n'));
    await andRedraw(page, () => page.getByLabel('Shock year', exact).fill('5'));
    assert.match(await page.locator('#shock thead').textContent(), /From year 5/);
    await shot(page, '#shock', 'panel-shock');
    await shot(page, '#valuation', 'panel-valuation');
    const pv = await figure(page, 'present_value_per_token');
    assert.ok(pv > 0 && pv < 1, `present value per token ${pv}`);
  });
});

test('when speculation fades, a consumption loop keeps more of its price than a casino unless its fees were speculation', async () => {
  const kept = async (page, preset, share) => {
    await andRedraw(page, () => page.getByLabel('Preset', exact).selectOption({ label: preset }));
    await andRedraw(page, () => page.getByLabel('Speculation shock', exact).check());
    await andRedraw(page, () => page.getByLabel('Shock year', exact).fill('4'));
    await andRedraw(page, () => page.getByLabel('Speculative share of fees', exact).fill(String(share)));
    return figure(page, 'price_kept');
  };
  await withPage(env, {}, async (page) => {
    const [loopUse, casinoUse] = [await kept(page, 'Consumption loop', 0), await kept(page, 'Inflationary casino', 0)];
    const [loopSpec, casinoSpec] = [await kept(page, 'Consumption loop', 100), await kept(page, 'Inflationary casino', 100)];
    report('price_kept_after_shock', { loop_use: loopUse, casino_use: casinoUse, loop_speculative: loopSpec, casino_speculative: casinoSpec });
    assert.ok(loopUse > casinoUse + 0.15, `fees from use: loop ${loopUse}, casino ${casinoUse}`);
    assert.ok(loopSpec - casinoSpec < loopUse - casinoUse, 'the gap narrows when fees were speculation');
    await shot(page, '#shock', 'panel-shock-market');
  });
});

test('the walk through the essay loads designs, moves with the keyboard and keeps the design on leaving', async () => {
  await withPage(env, { width: 1280, height: 800 }, async (page) => {
    await page.getByRole('button', { name: 'Walk through the essay' }).click();
    const walk = page.getByRole('dialog');
    await walk.waitFor();
    assert.match(await walk.textContent(), /step 1 of 7/);
    assert.match(await walk.textContent(), /Turnover is not consumption/);
    assert.equal(await figure(page, 'mean_turnover'), 50);
    await page.waitForTimeout(600); // smooth scroll to the pointed chart
    await page.screenshot({ path: path.join(ARTIFACTS, 'walk-step-1.png') });

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.walk')?.textContent.includes('step 2 of 7'));
    assert.equal(await page.getByLabel('Fee denomination', exact).inputValue(), 'stablecoin');
    assert.equal(await page.locator('.walk-target').getAttribute('id'), 'fees');
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(ARTIFACTS, 'walk-step-2.png') });

    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('.walk')?.textContent.includes('step 1 of 7'));
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.keyboard.press('Escape');
    await walk.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Fee denomination', exact).inputValue(), 'stablecoin', 'leaving keeps the design');
    assert.equal(await page.locator('.walk-target').count(), 0);
  });
});

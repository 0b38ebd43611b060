// Holders who respond, as a founder meets them in the advanced part: stakers who follow the
// yield, a treasury that spends, slashing and governance, and burn and mint; each lever moves the
// page, the charts draw what it does, and a share link and a saved design carry it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, withPage, ARTIFACTS } from './lib/setup.js';
import { figures, figure, chartPixels, andRedraw } from './lib/page.js';

const env = suite();
const exact = { exact: true };

test('stakers follow the yield, the treasury spends, and the link and a saved design carry both', async () => {
  await withPage(env, {}, async (page) => {
    const base = await figures(page);
    assert.ok(base.final_staked_share < 0.4 && base.final_staked_share > 0, `the stake moved from 40 % (${base.final_staked_share})`);
    assert.ok(base.treasury_runway > 12, 'the default treasury lasts beyond the horizon');
    await page.locator('#advanced summary').click();
    await page.getByText('Stakers who follow the yield').waitFor();
    await page.locator('.advanced').getByText('Stakers who follow the yield').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'advanced-holders.png') });

    // Zero speed: the stake stays where it started, and the levers that describe the move say why they are off.
    await andRedraw(page, () => page.getByLabel('Stake adjustment speed', exact).fill('0'));
    assert.equal(await figure(page, 'final_staked_share'), 0.4);
    assert.ok(await page.getByLabel('Required staking yield', exact).isDisabled());
    await andRedraw(page, () => page.getByLabel('Stake adjustment speed', exact).fill('20'));
    // A dearer alternative keeps less stake.
    const cheap = await figure(page, 'final_staked_share');
    await andRedraw(page, () => page.getByLabel('Required staking yield', exact).fill('12'));
    assert.ok((await figure(page, 'final_staked_share')) < cheap, 'a higher required yield keeps less stake');

    // A budget the treasury cannot keep: it runs dry, the headline says when, the charts mark it.
    await andRedraw(page, () => page.getByLabel('Treasury budget', exact).fill('20000'));
    await page.locator('[data-figure="treasury_runway"]').filter({ hasText: 'dry in year' }).waitFor();
    await page.waitForFunction(() => location.search.includes('treasury_budget_usd=20000000'));
    const designed = await figures(page);

    const link = await page.evaluate(() => location.href);
    await page.getByLabel('Design name', exact).fill('Spender');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved "Spender"' }).waitFor();
    await page.goto(env.url);
    await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
    await andRedraw(page, () => page.getByRole('button', { name: 'Load Spender' }).click());
    assert.deepEqual(await figures(page), designed, 'the saved design carries the new levers');
    await page.goto(link);
    await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
    assert.deepEqual(await figures(page), designed, 'the link carries them');
  });
});

test('slashable governance passes downside alignment, insulated governance fails it', async () => {
  await withPage(env, {}, async (page) => {
    const grade = () => page.locator('#scorecard [data-criterion="downside_alignment"]').getAttribute('data-grade');
    await andRedraw(page, () => page.getByLabel('Staking yield source', exact).selectOption({ label: 'Protocol revenue' }));
    assert.equal(await grade(), 'fail', 'holders govern and can lose nothing');
    await page.locator('#advanced summary').click();
    await andRedraw(page, () => page.getByLabel('Slashing rate', exact).fill('1'));
    await page.getByLabel('Governance', exact).selectOption({ label: 'Slashable stake' });
    await page.locator('#scorecard [data-criterion="downside_alignment"][data-grade="pass"]').waitFor();
    const burned = await figure(page, 'cumulative_burned');
    assert.ok(burned > 0);
  });
});

test('burn and mint marks where the burn passes the minting and draws the usage where they meet', async () => {
  await withPage(env, {}, async (page) => {
    await andRedraw(page, () => page.getByLabel('Preset', exact).selectOption({ label: 'AI API tokens' }));
    assert.equal(await page.getByLabel('Fee denomination', exact).inputValue(), 'burn_and_mint');
    assert.ok(await page.getByLabel('Burn share', exact).isDisabled(), 'every fee dollar burns: the split does not apply');
    const fees = page.locator('#fees');
    await fees.scrollIntoViewIfNeeded();
    const drawn = await chartPixels(page, 'Where the fees go');
    await fees.screenshot({ path: path.join(ARTIFACTS, 'panel-fees-burn-and-mint.png') });
    // The read-out names the equilibrium usage.
    await fees.locator('canvas').hover({ position: { x: 300, y: 150 } });
    await fees.getByText('Usage where burn = mint').first().waitFor();
    const net = await figure(page, 'net_supply_change');
    assert.ok(net < 0 && net > -0.2, `supply rises, then falls once usage passes the emission (${net})`);
    await andRedraw(page, () => page.getByLabel('Fee growth', exact).fill('0'));
    assert.ok((await figure(page, 'net_supply_change')) > 0, 'usage below the emission: supply only rises');
    assert.notEqual(await chartPixels(page, 'Where the fees go'), drawn);
  });
});

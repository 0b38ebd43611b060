// Where supply comes from, as a founder meets it: the allocation table typed and checked to
// 100 %, a cliff that fails the horizon named by row, the emission picker and its preview, a
// change at a month marked on the charts, and a link with ten buckets and five changes that
// opens as it was made, within the update budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, withPage, report, ARTIFACTS } from './lib/setup.js';
import { figures, chartPixels, andRedraw, median, percentile, openLevers } from './lib/page.js';

const env = suite();
const exact = { exact: true };

/** Commit a cell the way a keyboard user does: select it, type, press Enter. */
async function type(page, label, text) {
  const cell = page.getByLabel(label, exact);
  await cell.fill(text);
  await cell.press('Enter');
}

test('the allocation table is collapsed at first, checked to 100 %, and applied once it sums', async () => {
  await withPage(env, {}, async (page) => {
    const advanced = page.locator('#advanced');
    assert.equal(await advanced.evaluate((d) => d.open), false, 'the advanced part starts collapsed');
    assert.ok(await page.getByLabel('Burn share', exact).isVisible(), 'the essay levers come first');
    await advanced.locator('summary').click();
    await page.locator('.edit-table tbody tr').first().waitFor(); // drawn once the toggle is handled
    assert.equal(await page.locator('.edit-table tbody tr').count(), 5, 'five default buckets');
    const base = await figures(page);

    await type(page, 'team: share (%)', '15');
    await page.getByText('Shares sum to 95 %').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Shares: Must be shares that sum to 100 %' }).waitFor();
    assert.deepEqual(await figures(page), base, 'the last valid projection stays on screen');

    await andRedraw(page, () => type(page, 'community: share (%)', '40'));
    assert.equal(await page.locator('.row-errors').count(), 0);
    const after = await figures(page);
    assert.notEqual(after.final_price_usd, base.final_price_usd, 'a smaller team moves the price');
    await page.waitForFunction(() => location.search.includes('allocation=team%3A0.15'));

    // A cliff beyond the ten-year horizon: the row and the column are named, nothing applied.
    await type(page, 'investors: cliff (months)', '130');
    await page.getByRole('alert').filter({ hasText: 'Row 2 (investors), cliff months' }).waitFor();
    assert.equal(await page.getByLabel('investors: cliff (months)', exact).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await figures(page), after);
    await andRedraw(page, () => type(page, 'investors: cliff (months)', '6'));
  });
});

test('buckets are added, renamed and removed from the keyboard', async () => {
  await withPage(env, {}, async (page) => {
    await page.locator('#advanced summary').click();
    const add = page.getByRole('button', { name: 'Add a bucket', exact: true });
    await add.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.edit-table tbody tr').count(), 6);
    await type(page, 'Row 6: name', 'advisors');
    await type(page, 'advisors: share (%)', '5');
    await andRedraw(page, () => type(page, 'ecosystem: share (%)', '5'));
    await page.waitForFunction(() => location.search.includes('allocation=advisors%3A0.05'));
    await page.getByRole('button', { name: 'Remove advisors', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Shares sum to 95 %').waitFor();
    await andRedraw(page, () => page.getByRole('button', { name: 'Default table', exact: true }).click());
    assert.equal(await page.locator('.row-errors').count(), 0);
  });
});

test('an emission schedule shows its own parameters, a preview, and retires the yield source', async () => {
  await withPage(env, {}, async (page) => {
    await page.locator('#advanced summary').click();
    await andRedraw(page, () => page.getByLabel('Emission schedule', exact).selectOption('disinflation'));
    assert.ok(await page.getByLabel('Initial inflation', exact).isVisible());
    assert.equal(await page.getByLabel('Tokens a year', exact).count(), 0, 'the halving parameters are hidden');
    assert.ok(await page.getByLabel('Staking yield source', exact).isDisabled());
    assert.ok(await page.getByLabel('Target staking APR', exact).isDisabled());
    assert.match(await page.locator('.emission-preview figcaption').textContent(), /Minted in the first year .*, in the last/);
    await page.waitForFunction(() => location.search.includes('emission.schedule=disinflation'));
    await andRedraw(page, () => page.getByLabel('Cap the supply', exact).check());
    await page.waitForFunction(() => location.search.includes('max_supply=2000000000'));
  });
});

test('a change at a month is applied from then on, marked on the charts, and kept by the link', async () => {
  let link, seen;
  await withPage(env, {}, async (page) => {
    await page.locator('#advanced summary').click();
    const price = await chartPixels(page, 'Price');
    await andRedraw(page, () => page.getByRole('button', { name: 'Add a change', exact: true }).click());
    await andRedraw(page, () => type(page, 'Change 1: from month', '25'));
    await andRedraw(page, () => type(page, 'Change 1: new value (%)', '60'));
    await page.waitForFunction(() => location.search.includes('change=25%3Aburn_share%3A0.6'));
    assert.notEqual(await chartPixels(page, 'Price'), price, 'the price chart is redrawn with the change');
    // Bad input is named by row and the last good projection stays.
    seen = await figures(page);
    await type(page, 'Change 1: from month', '0');
    await page.getByRole('alert').filter({ hasText: 'Change 1, month' }).waitFor();
    assert.deepEqual(await figures(page), seen);
    // Back to the design on screen: nothing to recompute, the message goes.
    await type(page, 'Change 1: from month', '25');
    await page.locator('.row-errors').waitFor({ state: 'detached' });
    assert.deepEqual(await figures(page), seen);
    link = page.url();
  });
  await withPage(env, {}, async (page) => {
    assert.deepEqual(await figures(page), seen, 'the link opens the same design');
    await page.locator('#advanced summary').click();
    assert.equal(await page.getByLabel('Change 1: from month', exact).inputValue(), '25');
  }, { url: link });
});

// Ten buckets and five changes, the engine's own link (crates/engine/tests/supply.rs).
const LONG = 'version=3&allocation=core+team%3A0.1%3A0%3A12%3A36%3A0.25&allocation=seed%3A0.1%3A0%3A6%3A18%3A0.5&allocation=series+A%3A0.1%3A0%3A12%3A24%3A0.4&allocation=advisors%3A0.1%3A0%3A6%3A12%3A0.3&allocation=community%3A0.1%3A0.25%3A0%3A24%3A0.2&allocation=airdrop%3A+season+1%3A0.1%3A0.25%3A0%3A0%3A0.7&allocation=treasury%3A0.1%3A0.25%3A0%3A48%3A0%3Atreasury&allocation=ecosystem%3A0.1%3A0.25%3A3%3A36%3A0.3&allocation=market+makers%3A0.1%3A0.25%3A0%3A6%3A1&allocation=foundation%3A0.1%3A0.25%3A24%3A48%3A0.1&change=13%3Aprotocol_take%3A0.8&change=25%3Aburn_share%3A0.6&change=27%3Aannual_fees_usd%3A4000000&change=37%3Aemission.initial_rate%3A0.05&change=61%3Atarget_staking_apr%3A0.03';

/** The `update` medians of 60 burn-share slider steps, as { median, p95, n }. */
async function sliderUpdates(page) {
  const slider = page.getByLabel('Burn share slider', exact);
  await slider.focus();
  await page.evaluate(() => performance.clearMeasures('update'));
  for (let i = 0; i < 60; i++) {
    await andRedraw(page, () => page.keyboard.press(i % 20 < 10 ? 'ArrowRight' : 'ArrowLeft'));
  }
  const durations = await page.evaluate(() => performance.getEntriesByName('update').map((e) => e.duration));
  return { median: Number(median(durations).toFixed(2)), p95: Number(percentile(durations, 95).toFixed(2)), n: durations.length };
}

test('a link with ten buckets and five changes opens as made, and updates stay within budget', async () => {
  await withPage(env, {}, async (page) => {
    assert.equal(await page.locator('.banner.notice').count(), 0, 'nothing in the link was ignored');
    // As the page opens: the advanced part closed, the levers beside the first charts.
    const closed = await sliderUpdates(page);
    report('update_ms_ten_buckets_five_changes', closed);
    assert.ok(closed.median < 8, `update median ${closed.median} ms with ten buckets and five changes`);
    await page.locator('#advanced summary').click();
    await page.locator('.edit-table tbody tr').first().waitFor(); // drawn once the toggle is handled
    assert.equal(await page.locator('.edit-table').first().locator('tbody tr').count(), 10);
    assert.equal(await page.getByLabel('airdrop: season 1: share (%)', exact).inputValue(), '10');
    // With the table open beside the levers (it is not redrawn while the slider moves).
    report('update_ms_ten_buckets_five_changes_table_open', await sliderUpdates(page));
    await chartPixels(page, 'Unlocks');
  }, { url: `${env.url}?${LONG}` });
});

test('the advanced part and the Unlocks chart at 1280x800, 1280x720 and 390x844', async () => {
  for (const [name, width, height, scale] of [['desktop-1280x800', 1280, 800, 1], ['desktop-1280x720', 1280, 720, 1], ['phone-390x844', 390, 844, 2]]) {
    await withPage(env, { width, height, deviceScaleFactor: scale }, async (page) => {
      // On a phone the levers' dock opens on its handle first.
      await openLevers(page);
      await page.locator('#advanced summary').click();
      await type(page, 'team: share (%)', '25'); // a draft off 100 %, to show its message
      await page.getByText('Shares sum to 105 %').waitFor();
      // The levers scroll in their own column on a desktop: the table is brought into view there.
      await page.locator('.table-sum').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `advanced-${name}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scroll at ${width}px with the table open (overflow ${overflow}px)`);
      await chartPixels(page, 'Unlocks');
      await page.locator('#unlocks').screenshot({ path: path.join(ARTIFACTS, `panel-unlocks-${name}.png`) });
    }, { url: `${env.url}?version=3&change=25%3Aburn_share%3A0.6&change=61%3Aannual_fees_usd%3A4000000&max_supply=1200000000` });
  }
});

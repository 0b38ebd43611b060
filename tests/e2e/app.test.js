// The calculator as a user meets it: levers found by their labels, figures that move the right way,
// charts that redraw, bad input that is explained, and nothing sent anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { suite, withPage, report, ARTIFACTS, DIST } from './lib/setup.js';
import { figure, figures, chartPixels, andRedraw, median, percentile } from './lib/page.js';

const env = suite();


const exact = { exact: true };
// The page's wasm and JS, gzipped: KiB (1,024 bytes), Node's zlib at level 9. A bundle at or over
// it fails the run. Issue 8 set 250 KB; issue 14 raised it to 300 KB for the mechanisms to come,
// because the budget a person feels is the load on a phone, which is measured on its own; issue
// 17's mechanisms (the step's new flows, ten scenario fields read and written, their levers and
// the charts' new lines: +9.4 KB, twiggy diff in the stop's note) took the page to 304 KB, and the
// budget to 310 KB. Issue 18's real protocols (five presets with their sources and checkpoints,
// 6.5 KB of the gzipped data, and the fit table, calendar dates and date axes) took it to 321.5 KB
// and the budget to 325 KB; the checkpoints could move to the worker (see the stop's note).
// Issue 19's model-notes links on every lever and chart, the "what this assumes" line and the
// messages in the units typed took it to 327.5 KB and the budget to 330 KB (then the PNG footer in
// words, asking before a saved design is replaced and design A in the link: 329.7 KB): the load a person feels is now measured directly
// (load.test.js, Lighthouse's mobile profile; the first view drawn at build time is readable in
// 0.6 s and the page interactive in 2.25 s, served in brotli, 259 KiB for the module). Then the
// presets' evidence and the walk's steps left the module for files fetched on demand, six
// stateless components became functions and wasm-opt converges (−6 KB), which paid for the
// lever dock, presentation mode, dark mode and the charts' keyboard cursor: 328.7 KB.
const BUDGET_KB = 330;

test('the four essay levers are found by label and move the figures the right way', async () => {
  await withPage(env, {}, async (page) => {
    const supplyChart = await chartPixels(page, 'Projected supply');
    const feeChart = await chartPixels(page, 'Where the fees go');
    const base = await figures(page);

    // Burn share up: more burned, less supply.
    await andRedraw(page, () => page.getByLabel('Burn share', exact).fill('70'));
    const burnier = await figures(page);
    assert.ok(burnier.cumulative_burned > base.cumulative_burned, 'more burned');
    assert.ok(burnier.final_supply < base.final_supply, 'less supply');
    assert.notEqual(await chartPixels(page, 'Projected supply'), supplyChart, 'supply chart redrawn');

    // Fee growth up: more fees, more burned.
    await andRedraw(page, () => page.getByLabel('Fee growth', exact).fill('25'));
    const busier = await figures(page);
    assert.ok(busier.cumulative_burned > burnier.cumulative_burned, 'faster growth burns more');
    assert.ok(busier.final_supply < burnier.final_supply);

    // Stablecoin fees: the buyback leaks, and without every user buying the token its price ends lower.
    await andRedraw(page, () => page.getByLabel('Fee denomination', exact).selectOption({ label: 'Stablecoin' }));
    const stable = await figures(page);
    assert.ok(stable.leaked_usd > busier.leaked_usd, 'conversion cost and slippage leak');
    assert.ok(stable.value_capture_ratio < busier.value_capture_ratio);
    assert.ok(stable.final_price_usd < busier.final_price_usd, 'native fees hold the price higher');
    assert.ok(stable.final_market_cap_usd < busier.final_market_cap_usd);
    assert.notEqual(await chartPixels(page, 'Where the fees go'), feeChart, 'fee chart redrawn');

    // Inflation-funded staking: minting rises, supply with it.
    await andRedraw(page, () => page.getByLabel('Staking yield source', exact).selectOption({ label: 'Inflation' }));
    const inflated = await figures(page);
    assert.ok(inflated.cumulative_minted > stable.cumulative_minted, 'inflation mints more');
    assert.ok(inflated.final_supply > stable.final_supply);

    // Revenue-funded: nothing minted at all.
    await andRedraw(page, () => page.getByLabel('Staking yield source', exact).selectOption({ label: 'Protocol revenue' }));
    assert.equal(await figure(page, 'cumulative_minted'), 0);
  });
});

test('sliders move by keyboard and drive the same figures', async () => {
  await withPage(env, {}, async (page) => {
    const before = await figure(page, 'cumulative_burned');
    const slider = page.getByLabel('Burn share slider', exact);
    await slider.focus();
    await andRedraw(page, () => page.keyboard.press('ArrowRight'));
    assert.equal(await page.getByLabel('Burn share', exact).inputValue(), '51');
    assert.ok((await figure(page, 'cumulative_burned')) > before);
  });
});

test('an invalid value shows the message beside the control and keeps the last projection', async () => {
  await withPage(env, {}, async (page) => {
    const before = await figures(page);
    const pixels = await chartPixels(page, 'Projected supply');
    const box = page.getByLabel('Burn share', exact);
    const cases = [
      ['abc', '"abc" is not a number.'],
      ['150', 'Must be between 0 % and 100 %; got 150 %.'],
      ['1e309', 'Must be a finite number between 0 % and 100 %; got 1e309 %.'],
      ['NaN', 'Must be a finite number between 0 % and 100 %; got NaN.'],
      ['80', 'Must be at most 70 % so burn and staker shares sum to at most 100 %; got 80 %.'],
      ['', 'Enter a number.'],
    ];
    for (const [text, message] of cases) {
      await box.fill(text);
      const error = page.locator('#lever-burn_share-error');
      await error.waitFor();
      assert.equal(await error.textContent(), message, `message for ${JSON.stringify(text)}`);
      assert.equal(await box.getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await figures(page), before, `figures kept after ${JSON.stringify(text)}`);
    }
    assert.equal(await chartPixels(page, 'Projected supply'), pixels, 'chart kept');
    await box.fill('40');
    await page.locator('#lever-burn_share-error').waitFor({ state: 'detached' });
    assert.ok((await figure(page, 'cumulative_burned')) < before.cumulative_burned);
  });
});

test('levers that do not apply are disabled with the reason, and Reset restores the defaults', async () => {
  await withPage(env, {}, async (page) => {
    const defaults = await figures(page);
    assert.ok(await page.getByLabel('Conversion cost', exact).isDisabled(), 'no buyback for native fees');
    assert.ok(await page.getByLabel('Market depth', exact).isEnabled(), 'the default price model is the market');
    await page.getByLabel('Price model', exact).selectOption({ label: 'Fixed trend' });
    assert.ok(await page.getByLabel('Price-to-fees multiple', exact).isDisabled());
    assert.ok(await page.getByLabel('Market depth', exact).isDisabled());
    assert.match(await page.locator('#lever-liquidity-help').textContent(), /Not used: only the market price model/);
    await page.getByLabel('Price model', exact).selectOption({ label: 'Fee multiple' });
    assert.ok(await page.getByLabel('Price growth', exact).isDisabled());
    assert.ok(await page.getByLabel('Price-to-fees multiple', exact).isEnabled());
    assert.match(await page.locator('#lever-price_growth-help').textContent(), /Not used: under the fee-multiple model/);
    await page.getByLabel('Fee denomination', exact).selectOption({ label: 'External assets' });
    assert.ok(await page.getByLabel('Conversion cost', exact).isEnabled());
    await page.getByLabel('Years', exact).fill('25');
    assert.match(await page.locator('[data-figure="final_supply"] dt').textContent(), /Supply after 25 years/);
    await andRedraw(page, () => page.getByRole('button', { name: 'Reset to defaults' }).click());
    assert.deepEqual(await figures(page), defaults);
    assert.equal(await page.getByLabel('Price model', exact).inputValue(), 'market');
  });
});

test('every lever has a visible label, a help text and a unit', async () => {
  await withPage(env, {}, async (page) => {
    const labels = [
      'Fee denomination', 'Burn share', 'Staker share', 'Protocol take', 'Staking yield source',
      'Target staking APR', 'Staked fraction', 'Reward sell share', 'Fee growth', 'Annual fees',
      'Initial supply', 'Token price', 'Price model', 'Price growth', 'Price-to-fees multiple',
      'Turnover', 'Conversion cost', 'Years',
    ];
    for (const label of labels) {
      const control = page.getByLabel(label, exact);
      assert.equal(await control.count(), 1, `one control labelled ${label}`);
      assert.ok(await page.locator(`label:text-is("${label}")`).isVisible(), `${label} label visible`);
      const help = await control.getAttribute('aria-describedby');
      assert.ok(help, `${label} has a help text`);
    }
  });
});

test('charts are crisp at device pixel ratio 2, redraw on resize, and read out the month under the pointer', async () => {
  await withPage(env, { width: 1280, height: 800, deviceScaleFactor: 2 }, async (page) => {
    const canvas = page.locator('[data-chart="Projected supply"] canvas');
    const size = await canvas.evaluate((c) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight }));
    assert.equal(size.w, size.cw * 2, 'backing store is 2x the CSS width');
    assert.equal(size.h, size.ch * 2);

    await canvas.scrollIntoViewIfNeeded(); // below the headline figures, which wrap to three rows
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    const readout = page.locator('[data-chart="Projected supply"] .readout');
    await readout.waitFor();
    const text = await readout.textContent();
    assert.match(text, /month \d+ \(year \d+\)/);
    assert.match(text, /Total supply.*tokens/);

    await page.setViewportSize({ width: 700, height: 800 });
    await page.waitForFunction(
      () => {
        const c = document.querySelector('[data-chart="Projected supply"] canvas');
        return c.width === c.clientWidth * 2;
      },
      null,
      { timeout: 5000 },
    );
    const resized = await canvas.evaluate((c) => c.width);
    assert.ok(resized < size.w, 'canvas resized with its container');
  });
});

test('the price is an outcome: native fees make users buyers and hold the price above a stablecoin design', async () => {
  await withPage(env, {}, async (page) => {
    const native = await figures(page);
    assert.ok(native.final_price_usd > 1, 'fees growing 20 % a year lift the default design above its launch price');
    const flows = page.locator('#flows');
    await flows.scrollIntoViewIfNeeded();
    const nativeFlows = await chartPixels(page, 'Who buys, who sells');
    await page.locator('#price').screenshot({ path: path.join(ARTIFACTS, 'panel-price.png') });
    await flows.screenshot({ path: path.join(ARTIFACTS, 'panel-flows-native.png') });
    await andRedraw(page, () => page.getByLabel('Fee denomination', exact).selectOption({ label: 'Stablecoin' }));
    const stable = await figures(page);
    assert.ok(native.final_price_usd > 1.05 * stable.final_price_usd, `native ${native.final_price_usd} vs stablecoin ${stable.final_price_usd}`);
    assert.ok(native.final_circulating < stable.final_circulating, 'the treasury keeps its fees in the token');
    assert.notEqual(await chartPixels(page, 'Who buys, who sells'), nativeFlows, 'the flows chart redrawn');
    await flows.screenshot({ path: path.join(ARTIFACTS, 'panel-flows-stablecoin.png') });
    // The read-out names every source of the month under the pointer.
    const box = await flows.locator('canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    const readout = await flows.locator('.readout').textContent();
    assert.match(readout, /Buybacks to burn/);
    assert.match(readout, /Net: buys less sells/);
    // Under the fee-multiple model the choice says that fees cancel out of the burn.
    await page.getByLabel('Price model', exact).selectOption({ label: 'Fee multiple' });
    assert.match(await page.locator('#lever-price_model-help').textContent(), /fees cancel out of the burn/);
  });
});

test('screenshots at 1280x800, 1280x720 and 390x844', async () => {
  for (const [name, width, height, scale] of [['desktop-1280x800', 1280, 800, 1], ['desktop-1280x720', 1280, 720, 1], ['phone-390x844', 390, 844, 2]]) {
    await withPage(env, { width, height, deviceScaleFactor: scale }, async (page) => {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-full.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scroll at ${width}px (overflow ${overflow}px)`);
    });
  }
});

test('performance: the update measure over 100 slider changes, first projection, bundle size', async () => {
  await withPage(env, {}, async (page) => {
    const slider = page.getByLabel('Burn share slider', exact);
    await slider.focus();
    await page.evaluate(() => performance.clearMeasures('update'));
    for (let i = 0; i < 100; i++) {
      await andRedraw(page, () => page.keyboard.press(i % 40 < 20 ? 'ArrowRight' : 'ArrowLeft'));
    }
    const durations = await page.evaluate(() => performance.getEntriesByName('update').map((e) => e.duration));
    assert.equal(durations.length, 100);
    const firstProjection = await page.evaluate(() => performance.getEntriesByName('first-projection')[0].startTime);
    report('update_ms_bands_off', {
      median: Number(median(durations).toFixed(2)),
      p95: Number(percentile(durations, 95).toFixed(2)),
      n: durations.length,
    });
    report('first_projection_ms', Number(firstProjection.toFixed(1)));
    // The compute worker's module is not part of loading the page: nothing has asked for it yet.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    assert.ok(fetched.some((u) => u.endsWith('consumption-lab-app_bg.wasm')), fetched.join(' '));
    assert.ok(!fetched.some((u) => u.includes('worker')), `fetched at load: ${fetched.join(' ')}`);
    assert.equal(page.workers().length, 0, 'no worker started at load');
  });
  await withPage(env, {}, async (page) => {
    await page.getByLabel('Monte Carlo bands', exact).check();
    await page.waitForFunction(() => performance.getEntriesByName('bands').length > 0, null, { timeout: 20000 });
    assert.equal(page.workers().length, 1, 'bands started the compute worker');
    // The map computes once it comes near the screen.
    await page.locator('#sensitivity').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => performance.getEntriesByName('sweep').length > 0, null, { timeout: 20000 });
    const slider = page.getByLabel('Burn share slider', exact);
    await slider.focus();
    await page.evaluate(() => {
      performance.clearMeasures('update');
      performance.clearMeasures('bands');
      performance.clearMeasures('sweep');
    });
    for (let i = 0; i < 100; i++) {
      const bands = await page.evaluate(() => performance.getEntriesByName('bands').length);
      await andRedraw(page, () => page.keyboard.press(i % 40 < 20 ? 'ArrowRight' : 'ArrowLeft'));
      await page.waitForFunction((n) => performance.getEntriesByName('bands').length > n, bands, { timeout: 20000 });
    }
    // The sensitivity map recomputes when a lever it does not sweep moves (staked fraction here).
    const staked = page.getByLabel('Staked fraction slider', exact);
    await staked.focus();
    for (let i = 0; i < 20; i++) {
      const sweeps = await page.evaluate(() => performance.getEntriesByName('sweep').length);
      await page.keyboard.press(i % 10 < 5 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForFunction((n) => performance.getEntriesByName('sweep').length > n, sweeps, { timeout: 20000 });
    }
    const read = (name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
    const [update, bands, sweep] = [(await read('update')).slice(0, 100), await read('bands'), await read('sweep')];
    assert.equal(update.length, 100);
    const stats = (d) => ({ median: Number(median(d).toFixed(2)), p95: Number(percentile(d, 95).toFixed(2)), n: d.length });
    report('update_ms_bands_on_2000_paths', stats(update));
    report('bands_ms_input_to_bands_drawn', stats(bands));
    report('sweep_64x64_ms_input_to_map_drawn', stats(sweep));
    assert.match(await page.locator('[data-figure="probability_supply_below_start"]').textContent(), /%/);
    await page.locator('#uncertainty').screenshot({ path: path.join(ARTIFACTS, 'panel-uncertainty.png') });
    await page.locator('#sensitivity').screenshot({ path: path.join(ARTIFACTS, 'panel-sensitivity.png') });
  });
  // The page's own module is what a visit downloads before the first projection; the worker's
  // module comes later, and only for bands, the map or an export.
  const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length / 1024;
  const kb = (files) => Number(files.reduce((n, f) => n + gz(f), 0).toFixed(1));
  const bundle = {
    page_wasm_gz_kb: kb(['consumption-lab-app_bg.wasm']),
    page_js_gz_kb: kb(['consumption-lab-app.js']),
    page_total_gz_kb: kb(['consumption-lab-app_bg.wasm', 'consumption-lab-app.js']),
    worker_total_gz_kb: kb(['consumption-lab-worker_bg.wasm', 'consumption-lab-worker.js', 'compute-worker.js']),
    budget_kb: BUDGET_KB,
  };
  report('bundle', bundle);
  assert.ok(bundle.page_total_gz_kb < BUDGET_KB, `the page's bundle is over budget: ${bundle.page_total_gz_kb} KB gzipped`);
});

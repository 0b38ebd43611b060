// The charts' cursor without a mouse (issue 19): a focused chart is a slider over the months that
// the arrow keys, Home and End move, with the read-out following; a tap on a phone shows the
// tapped month's read-out until a tap elsewhere; the sensitivity map reads a tapped cell. Axe
// stays clean with a chart's read-out open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, withPage } from './lib/setup.js';
import { ready } from './lib/page.js';
import { seriousViolations } from './lib/axe.js';

const env = suite();

const title = (page, chart) => page.locator(`[data-chart="${chart}"] .readout-title`);

test('the arrow keys, Shift, Home, End and Escape move the read-out of a focused chart', async () => {
  await withPage(env, {}, async (page) => {
    const canvas = page.locator('[data-chart="Projected supply"] canvas');
    assert.match(await canvas.getAttribute('aria-label'), /Use the left and right arrow keys to read each month/);
    await canvas.focus();
    // On focus it reads the last month.
    await title(page, 'Projected supply').waitFor();
    assert.equal(await title(page, 'Projected supply').textContent(), 'month 120 (year 10)');
    assert.equal(await canvas.getAttribute('aria-valuetext'), 'month 120 (year 10)');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await title(page, 'Projected supply').textContent(), 'month 119 (year 10)');
    await page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await title(page, 'Projected supply').textContent(), 'month 107 (year 9)');
    await page.keyboard.press('ArrowRight');
    assert.equal(await title(page, 'Projected supply').textContent(), 'month 108 (year 9)');
    assert.equal(await canvas.getAttribute('aria-valuenow'), '108');
    await page.keyboard.press('Home');
    assert.equal(await title(page, 'Projected supply').textContent(), 'start');
    await page.keyboard.press('ArrowLeft'); // already at the start: stays
    assert.equal(await title(page, 'Projected supply').textContent(), 'start');
    await page.keyboard.press('End');
    assert.equal(await title(page, 'Projected supply').textContent(), 'month 120 (year 10)');
    assert.match(await page.locator('[data-chart="Projected supply"] .readout').textContent(), /Total supply.*tokens/);
    await page.keyboard.press('Escape');
    await page.locator('[data-chart="Projected supply"] .readout').waitFor({ state: 'detached' });

    // Flows start at month 1; leaving the chart hides its read-out.
    const flows = page.locator('[data-chart="Who buys, who sells"] canvas');
    await flows.focus();
    await page.keyboard.press('Home');
    assert.equal(await title(page, 'Who buys, who sells').textContent(), 'month 1 (year 1)');
    await page.keyboard.press('Tab');
    await page.locator('[data-chart="Who buys, who sells"] .readout').waitFor({ state: 'detached' });
  });
});

test('axe finds no serious or critical violation with a chart focused and its read-out open', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  await ready(page, env.url);
  await page.locator('[data-chart="Price"] canvas').focus();
  await page.keyboard.press('ArrowLeft');
  await title(page, 'Price').waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await context.close();
});

test('on a phone a tap reads the tapped month until a tap elsewhere; a tap on the map reads its cell', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await ready(page, env.url);
  const card = page.locator('[data-chart="Projected supply"]');
  const canvas = card.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await card.locator('.readout').waitFor();
  assert.match(await card.locator('.readout-title').textContent(), /month \d+ \(year \d+\)/);
  const first = await card.locator('.readout-title').textContent();
  await page.touchscreen.tap(box.x + box.width * 0.8, box.y + box.height * 0.5);
  await page.waitForFunction((t) => document.querySelector('[data-chart="Projected supply"] .readout-title')?.textContent !== t, first);
  // A tap outside the chart (on its caption) puts the read-out away.
  const caption = await card.locator('.caption').boundingBox();
  await page.touchscreen.tap(caption.x + 10, caption.y + 5);
  await card.locator('.readout').waitFor({ state: 'detached' });

  const map = page.locator('#sensitivity');
  await map.scrollIntoViewIfNeeded();
  assert.equal(await map.locator('.map-readout').textContent(), 'Point at or tap a cell to read it.');
  await page.waitForFunction(() => document.querySelector('#sensitivity')?.getAttribute('aria-busy') === 'false' && document.querySelector('.map-ring'));
  const mapBox = await map.locator('canvas').boundingBox();
  await page.touchscreen.tap(mapBox.x + mapBox.width * 0.5, mapBox.y + mapBox.height * 0.5);
  await page.waitForFunction(() => /→/.test(document.querySelector('#sensitivity .map-readout').textContent));
  assert.deepEqual(errors, []);
  await context.close();
});

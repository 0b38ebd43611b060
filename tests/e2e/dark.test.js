// Dark mode: the page follows the system's `prefers-color-scheme`. The page's colours are CSS
// custom properties (static/style.css); the charts read the setting when they draw and draw the
// dark palette (src/charts/palette.rs). axe-core stays clean, the charts' paper is dark and their
// text light, the first view drawn at build time is dark before the module runs, and screenshots
// at the three widths go to artifacts/dark-*.png for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, ARTIFACTS } from './lib/setup.js';
import { ready } from './lib/page.js';
import { seriousViolations } from './lib/axe.js';

const env = suite();

/** Relative luminance (WCAG) of a CSS `rgb(r, g, b)` or `#rrggbb` colour. */
function luminance(css) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  const rgb = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Record the fill colour of the texts each canvas draws (before the page's scripts run). */
function recordTextColours() {
  const { fillText } = CanvasRenderingContext2D.prototype;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    (this.canvas.__colours ??= new Set()).add(String(this.fillStyle));
    return fillText.call(this, text, ...rest);
  };
}

async function darkPage(width, height, options = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme: 'dark', ...options });
  return { context, page: await context.newPage() };
}

for (const [name, width, height] of [['desktop', 1280, 800], ['desktop', 1280, 720], ['phone', 390, 844]]) {
  test(`dark mode at ${width}×${height}: dark charts with light text, axe-core clean, screenshots`, async () => {
    const { context, page } = await darkPage(width, height, { bypassCSP: true });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await page.addInitScript(recordTextColours);
      await ready(page, env.url);
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
      const body = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
      assert.ok(luminance(body[0]) < 0.05 && luminance(body[1]) > 0.6, `page colours ${body}`);

      const card = page.locator('[data-chart="Projected supply"]');
      await page.waitForFunction(() => document.querySelector('[data-chart="Projected supply"]')?.dataset.stale === 'false');
      const chart = await card.locator('canvas').evaluate((c) => {
        const [r, g, b] = c.getContext('2d').getImageData(2, 2, 1, 1).data;
        return { paper: `rgb(${r}, ${g}, ${b})`, text: [...(c.__colours ?? [])] };
      });
      assert.ok(luminance(chart.paper) < 0.05, `the chart's paper is dark: ${chart.paper}`);
      assert.ok(chart.text.length > 0, 'the chart drew text');
      for (const colour of chart.text) assert.ok(luminance(colour) > 0.3, `chart text ${colour} is light`);

      await page.screenshot({ path: path.join(ARTIFACTS, `dark-${name}-${width}x${height}.png`) });
      if (height !== 720) {
        await page.locator('#sensitivity').scrollIntoViewIfNeeded();
        await page.waitForFunction(() => performance.getEntriesByName('sweep').length > 0, null, { timeout: 30000 });
        await page.screenshot({ path: path.join(ARTIFACTS, `dark-${name}-${width}x${height}-full.png`), fullPage: true });
        await page.locator('[data-chart="Projected supply"]').getByRole('button', { name: 'Show as table' }).click();
        assert.deepEqual(await seriousViolations(page, `axe_dark_${name}`), []);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('switching the system to dark mode redraws the charts dark, and back', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const page = await context.newPage();
  try {
    await ready(page, env.url);
    await page.waitForFunction(() => document.querySelector('[data-chart="Projected supply"]')?.dataset.stale === 'false');
    const paper = () =>
      page.locator('[data-chart="Projected supply"] canvas').evaluate((c) => {
        const [r, g, b] = c.getContext('2d').getImageData(2, 2, 1, 1).data;
        return `rgb(${r}, ${g}, ${b})`;
      });
    assert.ok(luminance(await paper()) > 0.9, 'light paper first');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-chart="Projected supply"] canvas');
      return c.getContext('2d').getImageData(2, 2, 1, 1).data[0] < 60;
    });
    assert.ok(luminance(await paper()) < 0.05, 'dark paper after the switch');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-chart="Projected supply"] canvas');
      return c.getContext('2d').getImageData(2, 2, 1, 1).data[0] > 200;
    });
  } finally {
    await context.close();
  }
});

test('the model notes in dark mode: dark, axe-core clean', async () => {
  const { context, page } = await darkPage(1280, 800, { bypassCSP: true });
  try {
    await page.goto(new URL('model.html', env.url).href);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.ok(luminance(bg) < 0.05, `notes page background ${bg}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dark-notes-1280x800.png') });
    assert.deepEqual(await seriousViolations(page, 'axe_dark_notes'), []);
  } finally {
    await context.close();
  }
});

test('dark mode before the module runs: the first view is dark, not a white box', async () => {
  for (const width of [1280, 390]) {
    const { context, page } = await darkPage(width, 844);
    try {
      await page.route(/\.wasm$/, (route) => route.abort());
      await page.goto(env.url);
      const chart = page.locator('#first-view svg.first-view-chart:visible');
      await chart.waitFor();
      const [paper, ink] = await chart.evaluate((svg) => [
        getComputedStyle(svg.querySelector('rect[fill="#FFFFFF"]')).fill,
        getComputedStyle(svg.querySelector('text[fill="#1D2733"]') ?? svg.querySelector('[fill="#5B6775"]')).fill,
      ]);
      assert.ok(luminance(paper) < 0.05, `first view paper ${paper} at ${width}`);
      assert.ok(luminance(ink) > 0.3, `first view text ${ink} at ${width}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `dark-first-view-${width}.png`) });
    } finally {
      await context.close();
    }
  }
});

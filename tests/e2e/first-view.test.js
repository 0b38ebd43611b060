// The first view drawn at build time (src/snapshot.rs, scripts/first-view.mjs): what a visitor
// reads before the page's module runs. It must show the default design as the page computes it,
// leave when the page arrives, and never show the default over a link that carries a design.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite } from './lib/setup.js';
import { openPage } from './lib/browser.js';
import { ready } from './lib/page.js';

const env = suite();

/** A page whose own module never arrives (the first view is all it can show). */
async function withoutModule(url, width, body) {
  const { page, context } = await openPage(env.browser, env.url, { width, height: 844 });
  try {
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(url);
    await body(page);
  } finally {
    await context.close();
  }
}

test('before the module runs, the default design is readable: headline figures and the supply chart', async () => {
  for (const width of [1280, 390]) {
    await withoutModule(env.url, width, async (page) => {
      const view = page.locator('#first-view');
      await view.waitFor();
      assert.ok(await view.locator('[data-figure="final_supply"]').isVisible(), `figures at ${width}`);
      const charts = view.locator('svg.first-view-chart');
      assert.equal(await charts.count(), 3);
      // One drawing shows, the one drawn for the width, filling the card.
      const shown = await charts.evaluateAll((all) =>
        all.filter((c) => getComputedStyle(c).display !== 'none').map((c) => [c.classList[1], c.getBoundingClientRect().width]),
      );
      assert.equal(shown.length, 1, `one chart at ${width}`);
      assert.equal(shown[0][0], width > 520 ? 'wide' : 'narrow');
      assert.ok(shown[0][1] > width * 0.25, `the chart fills its card at ${width}`);
      // Nothing in it can take focus: it only shows.
      assert.equal(await view.getAttribute('inert'), 'inert');
    });
  }
});

test('the first view shows the figures the page then computes, and leaves when the page arrives', async () => {
  let shown;
  await withoutModule(env.url, 1280, async (page) => {
    shown = await page.locator('#first-view [data-figure]').evaluateAll((all) => all.map((f) => [f.dataset.figure, f.dataset.value]));
  });
  assert.ok(shown.length >= 8, 'the headline figures');
  const { page, context, problems } = await openPage(env.browser, env.url, { width: 1280, height: 800 });
  try {
    await ready(page, env.url);
    assert.equal(await page.locator('#first-view').count(), 0, 'removed before the page renders');
    assert.equal(await page.locator('#summary').count(), 1, 'one headline strip');
    const live = await page.locator('#summary [data-figure]').evaluateAll((all) => all.map((f) => [f.dataset.figure, f.dataset.value]));
    assert.deepEqual(live, shown, 'the build drew what the page computes (rebuild the page after changing the model)');
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a link that carries a design never shows the default design first', async () => {
  await withoutModule(`${env.url}?burn_share=0.9`, 1280, async (page) => {
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.locator('#first-view').isVisible(), false);
  });
});

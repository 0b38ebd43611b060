// The model notes in the site (issue 19): docs/model.md rendered at build time as model.html,
// every lever's and chart's "How is this computed?" link landing on a section that exists, and
// the notes page readable and accessible on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, report } from './lib/setup.js';
import { ready } from './lib/page.js';
import { seriousViolations } from './lib/axe.js';

const env = suite();

test('every lever and chart links to a section of the model notes that exists', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await ready(page, env.url);
    // The advanced levers too: open every collapsed part of the levers.
    for (const summary of await page.locator('#levers details:not([open]) > summary').all()) await summary.click();
    // The advanced part renders its levers once opened: wait for them before counting.
    await page.locator('#advanced .lever').first().waitFor();
    // Every design lever (number boxes and choices; the toggles open their own levers) has one.
    const without = await page
      .locator('#levers .lever:not(.toggle)')
      .evaluateAll((all) => all.filter((l) => !l.querySelector('a.help-notes') && !l.querySelector('#preset')).map((l) => l.textContent.slice(0, 40)));
    assert.deepEqual(without, [], 'levers without a link to the model notes');
    const links = await page.locator('a.help-notes').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    const levers = await page.locator('#levers .lever:not(.toggle)').count();
    assert.ok(links.length >= levers, `${links.length} links for ${levers} levers`);
    const notes = await context.newPage();
    const response = await notes.goto(new URL('model.html', env.url).href);
    assert.equal(response.status(), 200);
    const ids = new Set(await notes.locator('[id]').evaluateAll((all) => all.map((e) => e.id)));
    const missing = [...new Set(links)].filter((href) => !ids.has(decodeURIComponent(href.split('#')[1])));
    assert.deepEqual(missing, [], 'links to sections that do not exist');
    report('notes_links', { links: links.length, distinct: new Set(links).size, levers });

    // Following a lever's link lands on its section: the heading is at the top of the window.
    await notes.goto(new URL('model.html#field-burn_share', env.url).href);
    const top = await notes.locator('#field-burn_share').evaluate((e) => e.closest('h2, h3').getBoundingClientRect().top);
    assert.ok(top >= -4 && top < 40, `the section heading at ${top}px`);
    assert.equal(await notes.locator('#field-burn_share').evaluate((e) => e.closest('h2, h3').textContent.trim()), 'Fee split', 'the section the Parameters table names for burn_share');
  } finally {
    await context.close();
  }
});

test('the model notes page: the document, its tables, a way back, and axe-core clean', async () => {
  for (const [name, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]]) {
    const context = await env.browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(new URL('model.html', env.url).href);
      assert.equal(await page.locator('h1').textContent(), 'The Consumption Lab model');
      assert.ok((await page.locator('main table').count()) >= 5, 'tables render');
      assert.equal(await page.getByRole('link', { name: '← Back to the calculator' }).getAttribute('href'), './');
      // Nothing wider than the window but a table's own scroll box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at ${width}`);
      assert.deepEqual(await seriousViolations(page, `axe_notes_${name}`), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

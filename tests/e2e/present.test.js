// Presentation mode: one chart at a time in large type beside two or three levers, readable from
// the back of a room at 1280×720, in the share link so an educator can prepare a link per slide;
// a clicker's Page Up and Page Down move between slides; the walk runs in it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, withPage, report, ARTIFACTS } from './lib/setup.js';
import { figure, ready } from './lib/page.js';
import { seriousViolations } from './lib/axe.js';

const env = suite();
const exact = { exact: true };

/** Record the largest font each canvas draws text in, CSS px (fonts are set in device pixels). */
const recordFonts = () => {
  const original = CanvasRenderingContext2D.prototype.fillText;
  window.__fonts = new Map();
  CanvasRenderingContext2D.prototype.fillText = function (...args) {
    const px = Number(/([\d.]+)px/.exec(this.font)?.[1] ?? 0) / devicePixelRatio;
    const id = this.canvas.closest('[id]')?.id;
    window.__fonts.set(id, Math.max(window.__fonts.get(id) ?? 0, px));
    return original.apply(this, args);
  };
};
const largestFont = (page, id) => page.evaluate((id) => window.__fonts.get(id) ?? 0, id);

/** What is on screen in the results: the ids of the visible cards and the visible levers' labels. */
const shown = (page) =>
  page.evaluate(() => ({
    cards: [...document.querySelectorAll('.results > [id]')].filter((el) => el.checkVisibility()).map((el) => el.id),
    levers: [...document.querySelectorAll('#levers .lever')].filter((el) => el.checkVisibility()).map((el) => el.querySelector('label')?.textContent),
  }));

test('a link opens a slide: one chart, its levers, the link\'s design, and larger chart text', async () => {
  await withPage(env, { width: 1280, height: 720 }, async (page) => {
    await page.addInitScript(recordFonts);
    await ready(page, `${env.url}?version=4&burn_share=0.7&present=price`);
    assert.equal(await page.getByLabel('Burn share', exact).inputValue(), '70', "the link's design");
    assert.match(await page.getByRole('navigation', { name: 'Presentation' }).innerText(), /Slide 2 of 7: Price/);
    assert.deepEqual(await shown(page), { cards: ['price'], levers: ['Fee denomination', 'Burn share', 'Market depth'] });
    // The slide fits the projector's screen: the card and the levers, whole.
    const card = await page.locator('#price').boundingBox();
    assert.ok(card.y >= 0 && card.y + card.height <= 720, `the card ${JSON.stringify(card)} fits 1280×720`);
    const lever = await page.getByLabel('Market depth', exact).boundingBox();
    assert.ok(lever.y + lever.height <= 720, 'the levers are in view');
    await page.waitForFunction(() => document.querySelector('#price')?.dataset.stale === 'false');
    const large = await largestFont(page, 'price');
    await page.screenshot({ path: path.join(ARTIFACTS, 'present-1280x720.png') });

    // Page Down (a clicker) goes to the next slide, and the link follows.
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => location.search.includes('present=flows'));
    assert.deepEqual((await shown(page)).cards, ['flows']);
    await page.keyboard.press('PageUp');
    await page.waitForFunction(() => location.search.includes('present=price'));

    // Leaving shows every card again, at the usual size, and the link no longer presents.
    await page.getByRole('button', { name: 'Leave presentation' }).click();
    await page.waitForFunction(() => !location.search.includes('present='));
    assert.ok((await shown(page)).cards.length >= 8, 'every card again');
    await page.locator('#price').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#price')?.dataset.stale === 'false');
    await page.evaluate(() => window.__fonts.clear());
    await page.getByLabel('Burn share', exact).fill('60'); // a redraw at the usual size
    await page.waitForFunction(() => (window.__fonts.get('price') ?? 0) > 0);
    const usual = await largestFont(page, 'price');
    report('presentation_chart_text', { usual_px: usual, presenting_px: large });
    assert.ok(large >= 1.5 * usual, `chart text ${large} px presenting against ${usual} px`);
  });
});

test('the Present button starts at the first slide; Next walks the slides; the walk shows its own target', async () => {
  await withPage(env, { width: 1280, height: 800 }, async (page) => {
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const bar = page.getByRole('navigation', { name: 'Presentation' });
    for (const [i, id] of ['supply', 'price', 'flows', 'fees', 'unlocks', 'turnover', 'jevons'].entries()) {
      assert.match(await bar.innerText(), new RegExp(`Slide ${i + 1} of 7`));
      const now = await shown(page);
      assert.deepEqual(now.cards, [id]);
      // The Jevons explorer brings its own inputs, in its card: no lever of the design beside it.
      if (id === 'jevons') assert.deepEqual(now.levers, [], 'the explorer alone');
      else assert.ok(now.levers.length >= 2 && now.levers.length <= 3, `${id}: ${now.levers}`);
      if (i < 6) await bar.getByRole('button', { name: 'Next →' }).click();
    }
    assert.equal(await bar.getByRole('button', { name: 'Next →' }).isDisabled(), true, 'the last slide');
    // The walk in presentation mode: the card it points at, beside every lever.
    await page.getByRole('button', { name: 'Walk through the essay' }).click();
    await page.waitForFunction(() => document.querySelector('.walk')?.textContent.includes('step 1 of 7'));
    // While the walk decides what shows, the slide bar waits.
    assert.equal(await bar.isVisible(), false);
    await page.getByRole('dialog').getByRole('button', { name: 'Next →' }).click();
    await page.waitForFunction(() => document.querySelector('.walk')?.textContent.includes('step 2 of 7'));
    const walking = await shown(page);
    assert.deepEqual(walking.cards, ['fees'], 'step 2 points at the fee chart');
    assert.ok(walking.levers.includes('Fee denomination') && walking.levers.length > 10, 'every lever while walking');
    await page.getByRole('dialog').getByRole('button', { name: 'Leave the walk' }).click();
    assert.match(await bar.innerText(), /Slide 7 of 7/, 'the slides again when the walk ends');
  });
});

test('presentation mode: axe-core clean, and screenshots at the three widths', async () => {
  for (const [name, width, height] of [['1280x720', 1280, 720], ['1280x800', 1280, 800], ['390x844', 390, 844]]) {
    const context = await env.browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    await ready(page, `${env.url}?present=supply`);
    await page.waitForFunction(() => document.querySelector('#supply')?.dataset.stale === 'false');
    await page.screenshot({ path: path.join(ARTIFACTS, `present-supply-${name}.png`) });
    assert.deepEqual(await seriousViolations(page), [], name);
    assert.ok((await figure(page, 'final_supply')) > 0);
    await context.close();
  }
});

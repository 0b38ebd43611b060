// The levers beside the charts at every width, and the walk docked where the levers are: on a phone
// the levers sit in a dock over the bottom of the screen, so a chart and the lever moving it are in
// view together; the walk through the essay never covers what it points at, its steps' controls are
// one press away, and its steps are fetched only when it is started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, withPage, ARTIFACTS } from './lib/setup.js';
import { andRedraw, figure } from './lib/page.js';

const env = suite();
const exact = { exact: true };
const phone = { width: 390, height: 844, hasTouch: true, isMobile: true };

/** Rectangles (CSS px, viewport) of the walk, its target, the levers' panel and the focused element. */
const layout = (page) =>
  page.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    return {
      walk: box(document.querySelector('.walk')),
      target: box(document.querySelector('.walk-target')),
      panel: box(document.querySelector('#levers')),
      focused: box(document.activeElement),
      focusedId: document.activeElement?.id,
      viewport: { width: innerWidth, height: innerHeight },
    };
  });

const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
/** `a` wholly inside `b`, within a pixel. */
const inside = (a, b) => a.top >= b.top - 1 && a.bottom <= b.bottom + 1 && a.left >= b.left - 1 && a.right <= b.right + 1;

/** Wait for the smooth scroll to the step's target to settle. */
async function settled(page) {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const now = JSON.stringify(await layout(page));
    if (now === last) return JSON.parse(now);
    last = now;
    await page.waitForTimeout(120);
  }
  throw new Error(`the page never stopped scrolling: ${last}`);
}

for (const [name, options] of [['1280x800', { width: 1280, height: 800 }], ['1280x720', { width: 1280, height: 720 }], ['390x844', phone]]) {
  test(`at ${name} the walk never covers its target, and each step's control is one press away`, async () => {
    await withPage(env, options, async (page) => {
      const fetched = page.waitForResponse((r) => r.url().endsWith('/walk.json') && r.ok());
      await page.getByRole('button', { name: 'Walk through the essay' }).click();
      await fetched;
      const walk = page.getByRole('dialog');
      for (let step = 1; step <= 7; step++) {
        await page.waitForFunction((n) => document.querySelector('.walk')?.textContent.includes(`step ${n} of 7`), step);
        const at = await settled(page);
        const view = { top: 0, left: 0, bottom: at.viewport.height, right: at.viewport.width };
        assert.ok(at.target, `step ${step}: a target is marked`);
        assert.ok(!overlap(at.walk, at.target), `step ${step}: the walk ${JSON.stringify(at.walk)} covers its target ${JSON.stringify(at.target)}`);
        assert.ok(inside(at.target, view), `step ${step}: the target ${JSON.stringify(at.target)} is in view`);
        // On a phone the dock covers the bottom of the screen: the target stays above it.
        if (options.isMobile) assert.ok(at.target.bottom <= at.panel.top + 1, `step ${step}: the target is above the dock`);
        await page.screenshot({ path: path.join(ARTIFACTS, `walk-${name}-step-${step}.png`) });

        // The step names a control; its button brings it into view, focused, not under the walk.
        const show = walk.getByRole('button', { name: /^Show “/ });
        const label = (await show.innerText()).slice(6, -1);
        assert.match(await walk.locator('.walk-invite').innerText(), new RegExp(`"${label}"`), `step ${step} names "${label}"`);
        await show.click();
        const shown = await settled(page);
        // The control itself, or a number lever's slider (a phone's keyboard would cover the box).
        const focused = await page.evaluate(() => ({ id: document.activeElement.id, label: document.activeElement.getAttribute('aria-label') }));
        const control = await page.getByLabel(label, exact).getAttribute('id');
        assert.ok(focused.id === control || focused.label === `${label} slider`, `step ${step}: "${label}" has focus (${JSON.stringify(focused)})`);
        assert.ok(inside(shown.focused, view), `step ${step}: "${label}" ${JSON.stringify(shown.focused)} is on screen`);
        assert.ok(!overlap(shown.focused, shown.walk), `step ${step}: "${label}" is not under the walk`);
        if (step < 7) await walk.getByRole('button', { name: 'Next →' }).click();
      }
      await walk.getByRole('button', { name: 'Leave the walk' }).click();
      await walk.waitFor({ state: 'detached' });
    });
  });
}

test('on a phone a lever and the chart it moves are in view together, and the dock folds', async () => {
  await withPage(env, phone, async (page) => {
    // A phone opens on the answer: the dock is folded to its handle until asked for.
    assert.ok((await page.locator('#levers').boundingBox()).height < 70, 'folded at first');
    await page.getByRole('button', { name: 'Show the levers', exact: true }).tap();
    const supply = page.locator('#supply');
    await supply.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const slider = page.getByLabel('Burn share slider', exact);
    // Reach the lever inside the dock (its own scroll), not by scrolling the page.
    await slider.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    const start = (await supply.locator('canvas').boundingBox()).y;
    const before = await figure(page, 'final_supply');
    await slider.focus();
    for (let i = 0; i < 3; i++) {
      await andRedraw(page, () => page.keyboard.press('ArrowRight'));
      const [chart, lever, dock] = await Promise.all([
        supply.locator('canvas').boundingBox(),
        slider.boundingBox(),
        page.locator('#levers').boundingBox(),
      ]);
      assert.ok(chart.y >= 0 && chart.y + chart.height <= dock.y + 1, `the supply chart ${JSON.stringify(chart)} is above the dock at ${dock.y}`);
      assert.ok(lever.y >= dock.y && lever.y + lever.height <= 844, `the slider ${JSON.stringify(lever)} is in the dock`);
      // The figures above may change height; scroll anchoring keeps the chart where it was.
      assert.ok(Math.abs(chart.y - start) <= 2, `the chart stays put while the lever moves (${start} → ${chart.y})`);
    }
    assert.ok((await figure(page, 'final_supply')) < before, 'burning more leaves less supply');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dock-390x844.png') });

    // Folded, the dock is a bar: the handle alone, and the page has room for the results again.
    const handle = page.getByRole('button', { name: 'Fold the levers', exact: true });
    await handle.click();
    const bar = await page.locator('#levers').boundingBox();
    assert.ok(bar.height < 70, `folded to ${bar.height} px`);
    await page.getByRole('button', { name: 'Show the levers', exact: true }).tap();
    assert.ok((await page.locator('#levers').boundingBox()).height > 300, 'open again');
    assert.equal(await page.getByRole('button', { name: 'Fold the levers', exact: true }).getAttribute('aria-expanded'), 'true');
  });
});

test('on a phone the keyboard opens the folded dock by moving into it', async () => {
  await withPage(env, { width: 390, height: 844 }, async (page) => {
    assert.ok((await page.locator('#levers').boundingBox()).height < 70, 'folded at first');
    const burn = page.getByLabel('Burn share', exact);
    await burn.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab'); // focus by keyboard, as a person tabbing in
    const dock = await page.locator('#levers').boundingBox();
    assert.ok(dock.height > 300, `open while a field in it has the keyboard's focus (${dock.height} px)`);
    const box = await burn.boundingBox();
    assert.ok(box.y >= dock.y && box.y + box.height <= 844, 'the focused field is in the dock, in view');
    // The dock's state says so, and its handle folds it again.
    const handle = page.locator('.dock-handle');
    assert.equal(await handle.getAttribute('aria-expanded'), 'true');
    await handle.focus();
    await page.keyboard.press('Enter');
    assert.ok((await page.locator('#levers').boundingBox()).height < 70, 'folded from the keyboard');
  });
});

test('wide and landscape screens keep the levers in a side panel, with no dock handle', async () => {
  // 853×480 is a 1280×720 laptop at 150 % zoom.
  for (const size of [{ width: 1280, height: 800 }, { width: 853, height: 480 }]) {
    await withPage(env, size, async (page) => {
      const [panel, results] = await Promise.all([page.locator('#levers').boundingBox(), page.locator('.results').boundingBox()]);
      assert.ok(panel.x + panel.width <= results.x, `${size.width}: the levers beside the results`);
      assert.ok(panel.y < size.height, `${size.width}: the levers in view at the top`);
      assert.equal(await page.locator('.dock-handle').isVisible(), false);
    });
  }
});

// Every chart's text, measured as it is drawn: no label overlaps another and none is cut off by
// its canvas' edge, at 1280×800, 1280×720 and on a phone (390×844), for the default design and
// a few that stress the axes. The page is unchanged for it: an init script wraps the canvas'
// fillText and records each text's inked box (measureText's actual bounding box, through the
// current transform, so rotated axis titles count as drawn).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, withPage, report } from './lib/setup.js';
import { andRedraw, openLevers } from './lib/page.js';

const env = suite();
const exact = { exact: true };

/** Runs in the page before its scripts: record each canvas' texts since its last full clear. */
function recordTexts() {
  const ctx = CanvasRenderingContext2D.prototype;
  const { fillText, strokeText, fillRect, clearRect } = ctx;
  const reset = (c, x, y, w, h) => {
    if (x <= 0 && y <= 0 && x + w >= c.canvas.width && y + h >= c.canvas.height) {
      c.canvas.__texts = [];
      c.canvas.__drawn = performance.now();
    }
  };
  const record = (c, text, x, y) => {
    const s = String(text);
    if (!s.trim()) return;
    const m = c.measureText(s);
    const t = c.getTransform();
    const [l, r, a, d] = [m.actualBoundingBoxLeft, m.actualBoundingBoxRight, m.actualBoundingBoxAscent, m.actualBoundingBoxDescent];
    const corners = [[x - l, y - a], [x + r, y - a], [x - l, y + d], [x + r, y + d]].map(([px, py]) => [
      t.a * px + t.c * py + t.e,
      t.b * px + t.d * py + t.f,
    ]);
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    (c.canvas.__texts ??= []).push({ text: s, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] });
    c.canvas.__drawn = performance.now();
  };
  ctx.fillText = function (text, x, y, ...rest) {
    record(this, text, x, y);
    return fillText.call(this, text, x, y, ...rest);
  };
  ctx.strokeText = function (text, x, y, ...rest) {
    record(this, text, x, y);
    return strokeText.call(this, text, x, y, ...rest);
  };
  ctx.fillRect = function (x, y, w, h) {
    reset(this, x, y, w, h);
    return fillRect.call(this, x, y, w, h);
  };
  ctx.clearRect = function (x, y, w, h) {
    reset(this, x, y, w, h);
    return clearRect.call(this, x, y, w, h);
  };
}

/** Scroll `canvas` into view and wait until it has drawn text and stopped redrawing. */
async function settled(page, canvas) {
  await canvas.scrollIntoViewIfNeeded();
  await canvas.evaluate(
    (c) =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        const tick = () => {
          const quiet = c.__texts?.length && performance.now() - c.__drawn > 400;
          if (quiet) resolve();
          else if (performance.now() - start > 30000) reject(new Error(`${c.getAttribute('aria-label')}: drew no text`));
          else setTimeout(tick, 100);
        };
        tick();
      }),
  );
}

/** The problems of one canvas' texts, in CSS pixels: pairs that overlap, texts outside. */
async function problemsOf(canvas) {
  return canvas.evaluate((c) => {
    const css = c.getBoundingClientRect().width / c.width;
    const [w, h] = [c.width * css, c.height * css];
    const seen = new Set();
    const texts = [];
    for (const { text, box } of c.__texts ?? []) {
      const b = box.map((v) => v * css);
      const key = `${text}@${b.map((v) => v.toFixed(1)).join(',')}`;
      if (!seen.has(key)) texts.push({ text, b }) && seen.add(key);
    }
    const tol = 1;
    const out = [];
    const name = (c.getAttribute('aria-label') ?? '').split(':')[0];
    const fmt = (t) => `"${t.text}" [${t.b.map((v) => v.toFixed(0)).join(',')}]`;
    for (const t of texts) {
      if (t.b[0] < -tol || t.b[1] < -tol || t.b[2] > w + tol || t.b[3] > h + tol) {
        out.push(`${name}: ${fmt(t)} outside the ${w.toFixed(0)}×${h.toFixed(0)} canvas`);
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [p, q] = [texts[i].b, texts[j].b];
        const across = Math.min(p[2], q[2]) - Math.max(p[0], q[0]);
        const down = Math.min(p[3], q[3]) - Math.max(p[1], q[1]);
        if (across > tol && down > tol) out.push(`${name}: ${fmt(texts[i])} overlaps ${fmt(texts[j])}`);
      }
    }
    return { count: texts.length, problems: out };
  });
}

/** Check every chart canvas on the page; returns the problems found. */
async function checkAll(page, label) {
  await openLevers(page);
  await page.getByLabel('Monte Carlo bands', exact).check();
  await page.waitForFunction(() => performance.getEntriesByName('bands').length > 0, null, { timeout: 30000 });
  const canvases = page.locator('canvas');
  const problems = [];
  const n = await canvases.count();
  let texts = 0;
  for (let i = 0; i < n; i++) {
    const canvas = canvases.nth(i);
    if (!(await canvas.isVisible())) continue;
    await settled(page, canvas);
    const found = await problemsOf(canvas);
    texts += found.count;
    problems.push(...found.problems.map((p) => `${label}: ${p}`));
  }
  assert.ok(n >= 8, `only ${n} chart canvases on the page`);
  assert.ok(texts > 100, `only ${texts} texts recorded`);
  return problems;
}

const SIZES = [
  ['desktop', 1280, 800],
  ['short', 1280, 720],
  ['phone', 390, 844],
];

for (const [name, width, height] of SIZES) {
  test(`no chart text overlaps another or leaves its canvas (${name}, ${width}×${height})`, async () => {
    await withPage(env, { width, height }, async (page) => {
      await page.addInitScript(recordTexts);
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
      const problems = await checkAll(page, 'default design');
      report(`label_problems_${name}`, problems.length);
      assert.deepEqual(problems, []);
      // The map's fee growth axis runs from −90 % to 300 %: its negative part has a tick label too.
      const ticks = await page.locator('#sensitivity canvas').evaluate((c) => c.__texts.map((t) => t.text));
      assert.ok(ticks.some((t) => /^[−-]\d+$/.test(t)), `no negative tick on the map: ${ticks.join(' | ')}`);
    });
  });
}

test('stressed axes: a real preset with large numbers, a huge and a tiny supply (desktop and phone)', async () => {
  for (const [, width, height] of [SIZES[0], SIZES[2]]) {
    await withPage(env, { width, height }, async (page) => {
      await page.addInitScript(recordTexts);
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
      const problems = [];
      await andRedraw(page, () => page.getByLabel('Preset', exact).selectOption('ethereum_merge'));
      problems.push(...(await checkAll(page, `Ethereum ${width}`)));
      await page.locator('#preset').scrollIntoViewIfNeeded();
      await andRedraw(page, () => page.getByLabel('Preset', exact).selectOption('inflationary_casino'));
      await andRedraw(page, () => page.getByLabel('Initial supply', exact).fill('1000000'));
      problems.push(...(await checkAll(page, `huge supply ${width}`)));
      await andRedraw(page, () => page.getByLabel('Initial supply', exact).fill('1'));
      problems.push(...(await checkAll(page, `tiny supply ${width}`)));
      assert.deepEqual(problems, []);
    });
  }
});

test('presentation mode: every slide\'s chart, in its large type, at 1280×720 and on a phone', async () => {
  const slides = ['supply', 'price', 'flows', 'fees', 'unlocks', 'turnover', 'jevons'];
  for (const [width, height] of [[1280, 720], [390, 844]]) {
    await withPage(env, { width, height }, async (page) => {
      await page.addInitScript(recordTexts);
      const problems = [];
      for (const slide of slides) {
        await page.goto(`${env.url}?present=${slide}`);
        await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
        const canvas = page.locator(`#${slide} canvas`);
        await settled(page, canvas);
        problems.push(...(await problemsOf(canvas)).problems.map((p) => `${slide} ${width}: ${p}`));
      }
      assert.deepEqual(problems, []);
    });
  }
});

// Reading the page as a user would, plus the few hooks a test needs (figure values, canvas pixels).

/** Raw value of a headline figure, by its data-figure id. */
export async function figure(page, id) {
  const raw = await page.locator(`[data-figure="${id}"]`).getAttribute('data-value');
  return Number(raw);
}

/** All headline figures as { id: number }. */
export async function figures(page) {
  return page.$$eval('[data-figure]', (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.figure, Number(e.dataset.value)])),
  );
}

/** The pixels of the chart titled `title`, as a data URL (to compare before and after). A card
 *  draws only near the screen: it is scrolled to first, and read once it shows the latest design. */
export async function chartPixels(page, title) {
  const card = page.locator(`[data-chart="${title}"]`);
  await card.scrollIntoViewIfNeeded();
  await page.waitForFunction((t) => document.querySelector(`[data-chart="${t}"]`)?.dataset.stale === 'false', title);
  return card.locator('canvas').evaluate((c) => c.toDataURL());
}

/** Wait until every chart has been redrawn after the last input (the `update` measure count grows). */
export async function updates(page) {
  return page.evaluate(() => performance.getEntriesByName('update').length);
}

/** Do `action`, then wait for its update measure (input → recompute → redraw). */
export async function andRedraw(page, action) {
  const before = await updates(page);
  await action();
  await page.waitForFunction((n) => performance.getEntriesByName('update').length > n, before);
}

/** On a phone the levers sit in a dock folded to its handle at first: open it, as a person would. */
export async function openLevers(page) {
  const show = page.getByRole('button', { name: 'Show the levers', exact: true });
  if (await show.isVisible()) await show.click();
}

/** Load the app and wait for the first projection on screen. */
export async function ready(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

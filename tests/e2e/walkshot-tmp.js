import path from 'node:path';
import { serve } from './lib/server.js';
import { launch, openPage } from './lib/browser.js';
const out = process.argv[2] ?? '/tmp/shots';
const server = await serve(path.resolve(import.meta.dirname, '../../dist'));
const browser = await launch();
for (const [name, w, h, mobile] of [['wide', 1280, 720, false], ['phone', 390, 844, true]]) {
  const { page, context, problems } = await openPage(browser, server.url, { width: w, height: h, hasTouch: mobile, isMobile: mobile, deviceScaleFactor: mobile ? 2 : 1 });
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
  await page.screenshot({ path: `${out}/${name}-dock.png` });
  await page.getByRole('button', { name: 'Walk through the essay' }).click();
  for (let i = 0; i < 7; i++) {
    await page.getByRole('dialog').waitFor();
    await page.waitForFunction((n) => document.querySelector('.walk')?.textContent.includes(`step ${n} of`), i + 1);
    await page.waitForTimeout(900);
    const boxes = await page.evaluate(() => { const t = document.querySelector('.walk-target')?.getBoundingClientRect(); const wk = document.querySelector('.walk').getBoundingClientRect(); const d = document.querySelector('#levers').getBoundingClientRect(); return { t: t && [t.top, t.bottom, t.left, t.right].map(Math.round), walk: [wk.top, wk.bottom, wk.left, wk.right].map(Math.round), dock: [d.top, d.bottom].map(Math.round) }; });
    console.log(name, i + 1, JSON.stringify(boxes));
    await page.screenshot({ path: `${out}/${name}-walk-${i + 1}.png` });
    if (i < 6) await page.getByRole('button', { name: 'Next →' }).click();
  }
  console.log(JSON.stringify(problems));
  await context.close();
}
await browser.close(); await server.close();

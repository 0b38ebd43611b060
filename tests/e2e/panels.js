// Screenshots of single panels for a person to look at: node panels.js out-dir width height query ids...
// (e.g. node panels.js artifacts 1280 800 '?fee_denomination=burn_and_mint' supply fees advanced)
import path from 'node:path';
import fs from 'node:fs/promises';
import { serve } from './lib/server.js';
import { launch, openPage } from './lib/browser.js';

const [out = 'artifacts', width = '1280', height = '800', query = '', ...ids] = process.argv.slice(2);
const dist = path.resolve(import.meta.dirname, '../../dist');
await fs.mkdir(out, { recursive: true });
const server = await serve(dist);
const browser = await launch();
const { page, context, problems } = await openPage(browser, server.url, { width: Number(width), height: Number(height) });
await page.goto(server.url + query);
await page.waitForSelector('canvas');
for (const id of ids) {
  if (id === 'advanced') await page.locator('#advanced summary').click();
  const panel = page.locator(`#${id}`);
  await panel.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await panel.screenshot({ path: path.join(out, `${id}-${width}.png`) });
}
console.log(JSON.stringify(problems));
await context.close();
await browser.close();
await server.close();

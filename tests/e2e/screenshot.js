// Screenshots of the release bundle for a person to look at: node screenshot.js [out-dir] [query]
import path from 'node:path';
import fs from 'node:fs/promises';
import { serve } from './lib/server.js';
import { launch, openPage } from './lib/browser.js';

const out = process.argv[2] ?? 'artifacts';
const query = process.argv[3] ?? '';
const dist = path.resolve(import.meta.dirname, '../../dist');
await fs.mkdir(out, { recursive: true });
const server = await serve(dist);
const browser = await launch();
for (const [name, width, height, scale] of [['wide', 1280, 800, 1], ['phone', 390, 844, 2]]) {
  const { page, context, problems } = await openPage(browser, server.url, { width, height, deviceScaleFactor: scale });
  await page.goto(server.url + query);
  await page.waitForSelector('canvas');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  await page.screenshot({ path: path.join(out, `${name}-full.png`), fullPage: true });
  console.log(name, JSON.stringify(problems));
  await context.close();
}
await browser.close();
await server.close();

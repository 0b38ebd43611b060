// Screenshots of a preset chosen from the menu, with its sources and fit open, for a person to look
// at: node preset-shots.js out-dir 'Preset label' [width height]...
import path from 'node:path';
import fs from 'node:fs/promises';
import { serve } from './lib/server.js';
import { launch, openPage } from './lib/browser.js';

const [out = 'artifacts', label = 'Ethereum after the Merge (as of 2025-06)'] = process.argv.slice(2);
const sizes = [[1280, 800], [1280, 720], [390, 844]];
const dist = path.resolve(import.meta.dirname, '../../dist');
await fs.mkdir(out, { recursive: true });
const server = await serve(dist);
const browser = await launch();
for (const [width, height] of sizes) {
  const { page, context, problems } = await openPage(browser, server.url, { width, height });
  await page.goto(server.url);
  await page.waitForSelector('canvas');
  await page.getByLabel('Preset', { exact: true }).selectOption({ label });
  await page.locator('.preset-fit summary').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(out, `preset-${width}x${height}.png`) });
  await page.locator('#supply').scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `preset-supply-${width}x${height}.png`) });
  console.log(width, height, JSON.stringify(problems));
  await context.close();
}
await browser.close();
await server.close();

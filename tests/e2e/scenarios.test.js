// Scenarios people keep, share and compare: presets, share links, saved designs, A/B comparison,
// exports (the CSV must equal the command line's) and imports, and links that were tampered with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { suite, withPage, ARTIFACTS } from './lib/setup.js';
import { figures, chartPixels, andRedraw } from './lib/page.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const env = suite();


const exact = { exact: true };

/** Run the command line (built by cargo on demand) with `stdin`; returns stdout. */
function cli(args, stdin) {
  return execFileSync('cargo', ['run', '-q', '-p', 'consumption-lab-cli', '--', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8' });
}

async function download(page, buttonName) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
  const to = path.join(os.tmpdir(), `cl-${process.pid}-${file.suggestedFilename()}`);
  await file.saveAs(to);
  return { name: file.suggestedFilename(), path: to, text: fs.readFileSync(to, 'utf8'), bytes: fs.readFileSync(to) };
}

test('a preset plus a lever change survives a copied link opened in a fresh page', async () => {
  let link, seen;
  await withPage(env, {}, async (page) => {
    const historyAtStart = await page.evaluate(() => history.length);
    await andRedraw(page, () => page.getByLabel('Preset', exact).selectOption({ label: 'EIP-1559-style' }));
    assert.match(await page.locator('#preset-note').textContent(), /Illustrative/);
    await andRedraw(page, () => page.getByLabel('Fee growth', exact).fill('35'));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    link = await page.evaluate(() => navigator.clipboard.readText());
    await page.waitForFunction((l) => location.href === l, link); // the address bar follows once levers rest
    assert.equal(link, page.url());
    assert.match(link, /burn_share=0\.8/);
    assert.match(link, /fee_growth=0\.35/);
    assert.match(link, /staking_yield_source=inflation/);
    seen = await figures(page);
    const slider = page.getByLabel('Burn share slider', exact);
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const historyNow = await page.evaluate(() => history.length);
    assert.equal(historyNow, historyAtStart, 'lever moves replace the history entry instead of adding ones');
  }, { clipboard: true });
  await withPage(env, {}, async (page) => {
    assert.deepEqual(await figures(page), seen, 'same summary from the link');
    assert.equal(await page.getByLabel('Fee growth', exact).inputValue(), '35');
    assert.equal(await page.locator('.banner.notice').count(), 0);
  }, { url: link, clipboard: true });
});

test('a tampered link names what was ignored and still shows a working page', async () => {
  const url = `${env.url}?burn_share=7&fee_denomination=euro&turnover=20&nonsense=1&years=1e309`;
  await withPage(env, {}, async (page) => {
    const notice = await page.locator('.banner.notice').textContent();
    assert.match(notice, /burn_share=7 ignored: must be between 0 and 1/);
    assert.match(notice, /fee_denomination=euro ignored/);
    assert.match(notice, /unknown key `nonsense` ignored/);
    assert.match(notice, /years=1e309 ignored/);
    const f = await figures(page);
    assert.equal(await page.getByLabel('Turnover', exact).inputValue(), '20', 'the valid part of the link is used');
    assert.ok(f.final_supply > 0);
    await andRedraw(page, () => page.getByLabel('Burn share', exact).fill('60'));
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.locator('.banner.notice').count(), 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tampered-link.png') });
  }, { url });
});

test('a saved design survives a reload and loads back; rename and delete work', async () => {
  await withPage(env, {}, async (page) => {
    await andRedraw(page, () => page.getByLabel('Burn share', exact).fill('65'));
    const saved = await figures(page);
    await page.getByLabel('Design name', exact).fill('Heavy burn');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved "Heavy burn"' }).waitFor();
    // The same name again asks first: Cancel keeps what was saved, Replace saves over it.
    await andRedraw(page, () => page.getByLabel('Burn share', exact).fill('10'));
    const save = async () => {
      await page.getByLabel('Design name', exact).fill('Heavy burn');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'A design called "Heavy burn" is already saved. Replace it' }).waitFor();
    };
    await save();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.locator('.saved .confirm').waitFor({ state: 'detached' });
    const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('consumption-lab.designs')).designs.map((d) => d.scenario.burn_share));
    assert.deepEqual(await stored(), [0.65], 'cancelled: the saved design is untouched');
    await save();
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Replaced "Heavy burn"' }).waitFor();
    assert.deepEqual(await stored(), [0.1], 'replaced, once asked');
    await andRedraw(page, () => page.getByLabel('Burn share', exact).fill('65'));
    await save();
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Replaced "Heavy burn"' }).waitFor();
    assert.deepEqual(await stored(), [0.65]);

    await page.goto(env.url); // a reload without the link: defaults, but the design is kept
    await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
    assert.notDeepEqual(await figures(page), saved);
    await andRedraw(page, () => page.getByRole('button', { name: 'Load Heavy burn' }).click());
    assert.deepEqual(await figures(page), saved);

    await page.getByRole('button', { name: 'Rename Heavy burn' }).click();
    await page.getByLabel('New name', exact).fill('Burn 65');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('button', { name: 'Load Burn 65' }).waitFor();
    await page.getByRole('button', { name: 'Delete Burn 65' }).click();
    await page.getByText('Nothing saved yet').waitFor();
  });
});

test('unreadable saved data is kept aside with a notice, not dropped', async () => {
  await withPage(env, {}, async (page) => {
    await page.evaluate(() => localStorage.setItem('consumption-lab.designs', '{"schema": 1, "designs": [{"name": "broken", "saved": "x", "scenario": {"burn_share": 5}}]'));
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
    const notice = await page.locator('.banner.notice').textContent();
    assert.match(notice, /could not be read/);
    assert.match(notice, /kept aside/);
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('consumption-lab.unreadable.')));
    assert.equal(aside.length, 1);
    assert.match(await page.evaluate((k) => localStorage.getItem(k), aside[0]), /"burn_share": 5/);
  });
});

test('pin A, change B, and see both on the charts and in the table', async () => {
  await withPage(env, {}, async (page) => {
    await page.getByRole('button', { name: 'Pin as A to compare' }).click();
    const table = page.locator('#compare');
    await table.waitFor();
    const pinnedChart = await chartPixels(page, 'Projected supply');
    await andRedraw(page, () => page.getByLabel('Staking yield source', exact).selectOption({ label: 'Inflation' }));
    assert.notEqual(await chartPixels(page, 'Projected supply'), pinnedChart);
    const row = await table.locator('tr', { hasText: 'Cumulative minted' }).textContent();
    assert.match(row, /^Cumulative minted\d+(\.\d)?M tokens\d+(\.\d+)?M tokens\+/);
    await table.screenshot({ path: path.join(ARTIFACTS, 'panel-compare.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'compare-a-b.png'), fullPage: false });

    // A rides in the link: reloaded through it, A is still pinned, named and drawn, B as it was.
    await page.waitForFunction(() => location.search.includes('&pin=version%3D4'));
    const [drawn, compared] = [await chartPixels(page, 'Projected supply'), await table.textContent()];
    await page.goto(await page.evaluate(() => location.href));
    await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
    await table.waitFor();
    assert.equal(await table.textContent(), compared, 'the same A against the same B');
    assert.match(compared, /A: Default design/);
    assert.equal(await chartPixels(page, 'Projected supply'), drawn, 'A drawn dashed again');
    assert.equal(await page.locator('.banner.notice').count(), 0, 'nothing in the link ignored');

    await page.getByRole('button', { name: 'Unpin A' }).first().click();
    await table.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !location.search.includes('pin='));
  });
});

test('the browser CSV equals the command line CSV for the same scenario; JSON and PNG exports', async () => {
  await withPage(env, {}, async (page) => {
    await andRedraw(page, () => page.getByLabel('Preset', exact).selectOption({ label: 'Stablecoin buyback and burn' }));
    await andRedraw(page, () => page.getByLabel('Years', exact).fill('7'));
    const scenario = await download(page, 'Scenario JSON');
    assert.equal(scenario.name, 'consumption-lab-scenario.json');
    assert.equal(JSON.parse(scenario.text).years, 7);
    const csv = await download(page, 'Download CSV');
    assert.equal(csv.name, 'consumption-lab-projection.csv');
    assert.equal(csv.text, cli(['project', '--scenario', '-'], scenario.text), 'browser CSV = CLI CSV');
    assert.equal(csv.text.split('\n')[0].split(',')[0], 'month');
    const json = JSON.parse((await download(page, 'Download JSON')).text);
    assert.equal(json.scenario.years, 7);
    assert.equal(json.months.length, 84);
    assert.ok(json.summary && json.lenses.scorecard);
    assert.deepEqual(JSON.parse(cli(['project', '--scenario', '-', '--format', 'json'], scenario.text)), json);
    // The picture's own text, as drawn: the title, then the design in words and its link.
    await page.evaluate(() => {
      window.drawnText = [];
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        window.drawnText.push(String(text));
        return fill.call(this, text, ...rest);
      };
    });
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the Projected supply chart as PNG' }).click()]);
    const pngPath = path.join(ARTIFACTS, 'export-projected-supply.png');
    await png.saveAs(pngPath);
    assert.deepEqual([...fs.readFileSync(pngPath).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
    const drawn = (await page.evaluate(() => window.drawnText)).join('\n');
    assert.match(drawn, /Consumption Lab \d+\.\d+\.\d+, \d{4}-\d\d-\d\d · Stablecoin buyback and burn \(modified\) · Stablecoin fees \$/, drawn);
    assert.match(drawn, /· 7 years/);
    assert.match(drawn, /^http:\/\/[^\n]*\?version=4&/m, 'the share link on its own line');
    assert.doesNotMatch(drawn, /design: version=/, 'no raw query string as the description');
  });
});

test('files asked for in quick succession all arrive, in order, while the worker module is still loading', async () => {
  await withPage(env, {}, async (page) => {
    const names = [];
    page.on('download', (d) => names.push(d.suggestedFilename()));
    // Three clicks before the first answer: the compute worker has not even loaded yet.
    for (const name of ['Download CSV', 'Download JSON', 'Download CSV']) {
      await page.getByRole('button', { name, exact: true }).click();
    }
    await page.waitForFunction(() => !document.querySelector('.exports[aria-busy="true"]'));
    await expectEventually(() => names.length === 3);
    assert.deepEqual(names, ['consumption-lab-projection.csv', 'consumption-lab-projection.json', 'consumption-lab-projection.csv']);
  });
});

/** Poll `condition` for up to fifteen seconds (a fresh clone's first run once took more than five
 *  for the browser to report three downloads). */
async function expectEventually(condition) {
  for (let i = 0; i < 150 && !condition(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(condition());
}

test('import by file picker and by drag and drop; a bad file changes nothing', async () => {
  await withPage(env, {}, async (page) => {
    const before = await figures(page);
    const picker = page.getByLabel('Import scenario JSON file');
    await picker.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"burn_share": 2}') });
    await page.locator('.banner.notice').filter({ hasText: '"bad.json" was not imported' }).waitFor();
    assert.match(await page.locator('.banner.notice').textContent(), /Burn share must be between 0 % and 100 %; got 200 %\./);
    assert.deepEqual(await figures(page), before, 'a bad import leaves the design as it was');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    // In words: the first problem by its label, with how many more; an unknown field with the nearest known one.
    await picker.setInputFiles({ name: 'two.json', mimeType: 'application/json', buffer: Buffer.from('{"burn_share": 2, "years": 0}') });
    await page.locator('.banner.notice').filter({ hasText: '"two.json" was not imported' }).waitFor();
    assert.match(await page.locator('.banner.notice').textContent(), /Burn share must be between 0 % and 100 %; got 200 % \(and 1 more field to fix\)\./);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await picker.setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from('{"burn_shar": 0.5}') });
    await page.locator('.banner.notice').filter({ hasText: '"typo.json" was not imported' }).waitFor();
    const typo = await page.locator('.banner.notice').textContent();
    assert.match(typo, /The file has a field this version does not know: "burn_shar"; did you mean "burn_share"\?/);
    assert.doesNotMatch(typo, /expected one of/, 'not every field name');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await picker.setInputFiles({ name: 'picture.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]) });
    await page.locator('.banner.notice').filter({ hasText: '"picture.png" was not imported' }).waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    await andRedraw(page, () => picker.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from('{"burn_share": 0.1, "years": 4}') }));
    assert.equal(await page.getByLabel('Years', exact).inputValue(), '4');

    await andRedraw(page, () => page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{"fee_denomination": "external", "years": 6}'], 'dropped.json', { type: 'application/json' }));
      document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }));
    assert.equal(await page.getByLabel('Fee denomination', exact).inputValue(), 'external');
    assert.equal(await page.getByLabel('Years', exact).inputValue(), '6');
  });
});

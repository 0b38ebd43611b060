// Real protocols in the page: the preset menu keeps them apart from the archetypes with their
// as-of month; choosing one dates the design (the link carries its start), shows its sources and
// the fit of its checkpoints, and it can be pinned as A to compare a design of one's own with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, withPage, ARTIFACTS } from './lib/setup.js';
import { figures, andRedraw } from './lib/page.js';

const env = suite();
const exact = { exact: true };

test('a real protocol shows its sources and fit, is dated in the link, and pins as A', async () => {
  await withPage(env, {}, async (page) => {
    const groups = await page.locator('#preset optgroup').evaluateAll((gs) => gs.map((g) => [g.label, g.children.length]));
    assert.deepEqual(groups.map((g) => g[0]), ['Illustrative archetypes', 'Real protocols, fitted to public numbers']);
    assert.ok(groups[1][1] >= 5, `${groups[1][1]} real protocols`);

    await andRedraw(page, () => page.getByLabel('Preset', exact).selectOption({ label: 'Ethereum after the Merge (as of 2025-06)' }));
    await page.waitForFunction(() => location.search.includes('start=2022-09'));
    const fit = page.locator('.preset-fit');
    // The evidence is not in the page's module: it is fetched when the section is first opened.
    const fetched = page.waitForResponse((r) => r.url().endsWith('/evidence/ethereum_merge.json') && r.ok());
    await fit.locator('summary').click();
    await fetched;
    await fit.locator('tbody tr').first().waitFor();
    const rows = await fit.locator('tbody tr').allInnerTexts();
    assert.ok(rows.length >= 5, `${rows.length} checkpoints`);
    assert.ok(rows.some((r) => r.includes('fitted')) && rows.some((r) => r.includes('held out')), rows.join('\n'));
    assert.ok(rows[0].startsWith('2024-04') && rows[0].includes('supply'), rows[0]);
    assert.ok((await fit.locator('.sources a').count()) >= 5, 'sources listed with links');
    await page.locator('.scenario-bar').screenshot({ path: path.join(ARTIFACTS, 'preset-fit.png') });

    // Pin the protocol, then change the design: the page compares the two.
    await page.getByRole('button', { name: 'Pin as A to compare' }).click();
    const ethereum = await figures(page);
    await andRedraw(page, () => page.getByLabel('Burn share', exact).fill('30'));
    const mine = await figures(page);
    assert.ok(mine.net_supply_change > ethereum.net_supply_change, 'burning less leaves more supply');
    assert.equal(await page.locator('.preset-fit').count(), 0, 'a modified design is not the preset: no fit shown');
    // The menu still names the preset, as modified, and keeps its note with what changed.
    const shown = await page.locator('#preset').evaluate((s) => s.options[s.selectedIndex].text);
    assert.equal(shown, 'Ethereum after the Merge (modified)');
    assert.match(await page.locator('#preset-note').innerText(), /^Modified from Ethereum after the Merge \(Burn share\)\. /);
  });
});

test('sources that cannot be fetched say so and point at the calibration notes', async () => {
  await withPage(env, {}, async (page) => {
    await page.route('**/evidence/*.json', (route) => route.abort());
    await page.getByLabel('Preset', exact).selectOption({ label: "Solana's disinflation (as of 2025-01)" });
    await page.locator('.preset-fit summary').click();
    const said = page.locator('.preset-fit [role="status"]');
    await said.filter({ hasText: 'could not be loaded' }).waitFor();
    assert.match(await said.innerText(), /^evidence\/solana\.json could not be loaded: the same table is in the calibration notes\.$/);
    assert.equal(await said.locator('a').getAttribute('href'), 'calibration.html');
  }, { allowConsole: ['Failed to load resource'] });
});

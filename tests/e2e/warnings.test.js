// Warnings, not silence (issue 19): a result outside the range where the model means anything is
// said in words beside its headline figure, and the default design says nothing of the kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, withPage, ARTIFACTS } from './lib/setup.js';

const env = suite();

test('the default design carries no warning', async () => {
  await withPage(env, {}, async (page) => {
    assert.equal(await page.locator('.figure-warning').count(), 0);
  });
});

test('doubling fees for years and a cap below a year of fees are named beside their figures', async () => {
  await withPage(env, { width: 390, height: 844 }, async (page) => {
    const growth = page.locator('[data-figure="net_supply_change"] .figure-warning');
    await growth.waitFor();
    assert.match(await growth.innerText(), /Fees double every year for 9 years from year 2/);
    const cap = page.locator('[data-figure="final_market_cap_usd"] .figure-warning');
    assert.match(await cap.innerText(), /below what one year of its fees pays/);
    assert.equal(await page.locator('.figure.warned').count(), 2);
    await page.locator('#summary').screenshot({ path: path.join(ARTIFACTS, 'warnings-390.png') });
  }, { url: `${env.url}?fee_growth=1.05` });
});

test('a burn that takes the supply to nothing says so beside the supply', async () => {
  const query = '?price_model=fixed&annual_fees_usd=500000000&burn_share=1&staker_share=0&staked_fraction=0';
  await withPage(env, {}, async (page) => {
    const supply = page.locator('[data-figure="final_supply"] .figure-warning');
    await supply.waitFor();
    assert.match(await supply.innerText(), /Supply falls below 1 % of its start in month \d+/);
  }, { url: `${env.url}${query}` });
});

test('while a lever holds an unusable value, every chart says it shows the last valid design', async () => {
  await withPage(env, {}, async (page) => {
    const marker = () =>
      page.locator('#supply figcaption').evaluate((w) => getComputedStyle(w, '::after').content);
    assert.equal(await marker(), 'none');
    await page.getByLabel('Burn share', { exact: true }).fill('abc');
    await page.locator('#lever-burn_share-error').waitFor();
    assert.match(await marker(), /last valid design/);
    await page.getByLabel('Burn share', { exact: true }).fill('40');
    await page.locator('#lever-burn_share-error').waitFor({ state: 'detached' });
    assert.equal(await marker(), 'none');
  });
});

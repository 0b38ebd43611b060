// Offline and installable (issue 19): after one visit the page opens with no network, share links
// included, the compute worker too once it has been used; a new deployment is offered as a reload
// and then replaces the old version whole. Needs a release build (a debug build has no service
// worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { suite, DIST } from './lib/setup.js';
import { openPage } from './lib/browser.js';
import { ready } from './lib/page.js';
import { serve } from './lib/server.js';

const env = suite();
const exact = { exact: true };

/** Visit `url` once online and wait until the service worker is active. */
async function firstVisit(page, url) {
  await ready(page, url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
}

test('after one visit the page opens offline, a share link too, and the compute worker once used', async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { width: 1280, height: 800 });
  try {
    await firstVisit(page, env.url);
    // Use the compute worker once, online: its files are cached at their first use.
    await page.getByLabel('Monte Carlo bands', exact).check();
    await page.waitForFunction(() => performance.getEntriesByName('bands').length > 0, null, { timeout: 30000 });

    await context.setOffline(true);
    await ready(page, env.url);
    assert.ok(await page.locator('[data-figure="final_supply"]').isVisible(), 'the page opened offline');
    await ready(page, `${env.url}?burn_share=0.9`);
    assert.equal(await page.getByLabel('Burn share', exact).inputValue(), '90', "the link's design, offline");
    await page.getByLabel('Monte Carlo bands', exact).check();
    await page.waitForFunction(() => performance.getEntriesByName('bands').length > 0, null, { timeout: 30000 });
    // A real preset's sources, fetched on demand, were cached at install.
    await page.getByLabel('Preset', exact).selectOption({ label: 'Uniswap: the fee switch (as of 2025-12)' });
    await page.locator('.preset-fit summary').click();
    await page.locator('.preset-fit tbody tr').first().waitFor();
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('installable: the manifest parses and Chromium finds nothing stopping an install', async () => {
  const { page, context } = await openPage(env.browser, env.url, { width: 1280, height: 800 });
  try {
    await firstVisit(page, env.url);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], 'manifest errors');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // The test's browser context is an incognito one, which no page can change.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), [], 'installability errors');
  } finally {
    await context.close();
  }
});

test('a new deployment is offered as a reload, and then the page runs it whole', async () => {
  // A copy of the build this test can redeploy; its own origin, so its own service worker.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-deploy-'));
  fs.cpSync(DIST, root, { recursive: true });
  const server = await serve(root);
  const { page, context } = await openPage(env.browser, server.url, { width: 1280, height: 800 });
  try {
    await firstVisit(page, server.url);
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1);

    // Deploy: a changed page, and the service worker with the new version (as the build writes it).
    const redeploy = (name, edit) => {
      const file = path.join(root, name);
      fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
      for (const copy of ['.br', '.gz']) fs.rmSync(file + copy, { force: true });
    };
    redeploy('index.html', (html) => html.replace('<head>', '<head><meta name="deployment" content="second" />'));
    redeploy('sw.js', (sw) => sw.replace(/^const VERSION = '([0-9a-f]+)';$/m, "const VERSION = 'f0000000000000ff';"));

    // Still the old version (from the cache), with the new one offered.
    await ready(page, server.url);
    await page.locator('#update-ready').waitFor({ timeout: 30000 });
    const deployment = () => page.evaluate(() => document.querySelector('meta[name="deployment"]')?.content ?? 'first');
    assert.equal(await deployment(), 'first');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to use it' }).click()]);
    await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
    assert.equal(await deployment(), 'second', 'the new files');
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['consumption-lab-f0000000000000ff'], 'the old cache is gone');
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// Never crash, never leak, usable by everyone: the content policy is in force, nothing leaves the
// page's origin, every number box rejects bad input with the field's message, a panic shows a
// recoverable banner, keyboard users see where they are, charts have a text alternative, and
// axe-core finds no serious or critical accessibility violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, withPage, report, ARTIFACTS } from './lib/setup.js';
import { figures, ready } from './lib/page.js';
import { seriousViolations } from './lib/axe.js';

const env = suite();


test('a strict Content-Security-Policy is in force: injected scripts do not run', async () => {
  await withPage(env, {}, async (page) => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /https?:|\*/, 'no remote origins and no wildcards');
    const result = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 200));
      return { ran: window.__injected === true, violations };
    });
    assert.equal(result.ran, false, 'an injected inline script must not run');
    assert.ok(result.violations.some((v) => v.startsWith('script-src')), JSON.stringify(result.violations));
  }, { allowConsole: ['Content Security Policy', 'Refused to'] });
});

test('the page loads nothing from any host but its own', async () => {
  await withPage(env, {}, async (page) => {
    const origin = new URL(env.url).origin;
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    assert.ok(resources.length >= 3, 'js, wasm and css were loaded');
    for (const r of resources) assert.ok(r.startsWith(origin), `resource from elsewhere: ${r}`);
  });
});

test('every number box rejects text, NaN, infinities and out-of-range values with its message', async () => {
  const tried = [];
  await withPage(env, {}, async (page) => {
    const before = await figures(page);
    const boxes = await page.locator('.controls input[type="text"]:not([disabled])').all();
    assert.ok(boxes.length >= 12, `${boxes.length} number boxes`);
    for (const box of boxes) {
      const id = await box.getAttribute('id');
      const label = await page.locator(`label[for="${id}"]`).textContent();
      for (const text of ['abc', 'NaN', 'Infinity', '-inf', '1e309', '99999999999999999999', '-1e12', '']) {
        await box.fill(text);
        const error = page.locator(`#${id}-error`);
        await error.waitFor();
        const message = await error.textContent();
        assert.match(message, /not a number|Must be|Enter a number/, `${label} with ${JSON.stringify(text)}: ${message}`);
        if (label === 'Burn share') tried.push({ input: text, message });
      }
      assert.deepEqual(await figures(page), before, `${label}: the last good projection stays`);
      await box.fill(await box.evaluate((el) => el.defaultValue || ''));
      await box.press('Tab');
    }
  });
  report('bad_inputs_burn_share', tried);
});

test('a panic shows a recoverable banner and keeps the design in the link', async () => {
  await withPage(env, {}, async (page) => {
    await page.getByLabel('Burn share', { exact: true }).fill('65');
    await page.waitForFunction(() => location.search.includes('burn_share=0.65'));
    const url = page.url();
    await page.evaluate(() => {
      try {
        window.wasmBindings.panic_for_test();
      } catch {
        /* the wasm trap surfaces here after the hook has run */
      }
    });
    const banner = page.locator('#panic-banner');
    await banner.waitFor();
    assert.match(await banner.textContent(), /Your design is kept in the address bar/);
    assert.equal(await banner.getByRole('link', { name: 'Reload with this design' }).getAttribute('href'), url);
    await page.screenshot({ path: path.join(ARTIFACTS, 'panic-banner.png') });
    await banner.getByRole('link').click();
    await page.waitForFunction(() => performance.getEntriesByName('first-projection').length > 0);
    assert.equal(await page.getByLabel('Burn share', { exact: true }).inputValue(), '65');
    assert.equal(await page.locator('#panic-banner').count(), 0);
  }, { allowConsole: ['Consumption Lab stopped on an internal error', 'unreachable', 'RuntimeError'] });
});

test('keyboard users can reach every control and see where focus is', async () => {
  await withPage(env, {}, async (page) => {
    const seen = new Set();
    for (let i = 0; i < 140; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const ring = el.closest('.number-box') ? getComputedStyle(el.closest('.number-box')).outlineStyle : style.outlineStyle;
        return { id: el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30), tag: el.tagName, ring };
      });
      if (info.tag === 'BODY') continue;
      assert.notEqual(info.ring, 'none', `focus ring on ${info.tag} ${info.id}`);
      seen.add(info.id);
    }
    for (const id of ['lever-burn_share', 'lever-fee_denomination', 'lever-staking_yield_source', 'lever-fee_growth', 'preset']) {
      assert.ok(seen.has(id), `reached ${id} by keyboard`);
    }
    assert.ok([...seen].some((s) => /Reset to defaults/.test(s)));
  });
});

test('charts have a text alternative: a table of the plotted series', async () => {
  await withPage(env, {}, async (page) => {
    const card = page.locator('[data-chart="Projected supply"]');
    await card.getByRole('button', { name: 'Show as table' }).click();
    const table = card.locator('table');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 10);
    assert.match(await table.locator('thead').textContent(), /Total supply.*Cumulative burned/);
    assert.equal(await card.getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded'), 'true');
    assert.match(await card.locator('canvas').getAttribute('aria-label'), /Projected supply/);
  });
});

test('axe-core finds no serious or critical violations', async () => {
  for (const [name, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]]) {
    const context = await env.browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    await ready(page, env.url);
    await page.locator('[data-chart="Projected supply"]').getByRole('button', { name: 'Show as table' }).click();
    assert.deepEqual(await seriousViolations(page, `axe_${name}`), []);
    await context.close();
  }
});

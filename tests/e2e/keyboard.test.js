// The keyboard (issue 19): the first Tab stop is the skip link on every width, shown when
// focused, and it takes the next Tab into the levers: the preset menu, then the first lever
// within eleven stops. (The charts' own keys are in cursor.test.js.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, withPage } from './lib/setup.js';

const env = suite();

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`at ${width}×${height} the first Tab reaches the skip link, which leads into the levers`, async () => {
    await withPage(env, { width, height }, async (page) => {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const a = document.activeElement;
        const box = a.getBoundingClientRect();
        return { text: a.textContent, width: box.width, height: box.height, top: box.top };
      });
      assert.equal(focused.text, 'Jump to the design levers ↓');
      assert.ok(focused.width > 50 && focused.height > 10 && focused.top >= 0, `visible when focused: ${JSON.stringify(focused)}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const inLevers = await page.evaluate(() => document.getElementById('levers').contains(document.activeElement));
      assert.ok(inLevers, 'the next Tab after the skip link is a lever');
      // On a phone the skip link opened the levers' dock, whose handle comes first.
      if (width < 600) {
        assert.equal(await page.evaluate(() => document.activeElement.className), 'dock-handle');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true', 'the dock opened');
        await page.keyboard.press('Tab');
      }
      assert.equal(await page.evaluate(() => document.activeElement.id), 'preset', 'the preset menu first');
      // Then the share link, pinning, the exports, import and saving (ten stops in all), and the levers.
      let stops = 1;
      while (!(await page.evaluate(() => document.activeElement.id.startsWith('lever-'))) && stops < 20) {
        await page.keyboard.press('Tab');
        stops += 1;
      }
      assert.ok(stops <= 11, `the first lever is ${stops} stops after the skip link`);
    });
  });
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`at ${width}×${height} Tab alone reaches the preset menu after the masthead's few stops`, async () => {
    await withPage(env, { width, height }, async (page) => {
      // The skip link, the walk, Present (and on a phone the dock's handle), then the levers: they
      // come before the results in the page, as they stand to the left of them on a wide screen.
      let stops = 0;
      while ((await page.evaluate(() => document.activeElement.id)) !== 'preset' && stops < 30) {
        await page.keyboard.press('Tab');
        stops += 1;
      }
      assert.equal(stops, width < 600 ? 5 : 4, `the preset menu is Tab stop ${stops}`);
    });
  });
}

// axe-core in the page, the one way every suite runs it. The page must be opened with
// `bypassCSP: true` (axe is injected as a script the page's policy would refuse).
import { createRequire } from 'node:module';
import { report } from './setup.js';

const require = createRequire(import.meta.url);

/** Run axe-core on `page`; report every violation as `reportAs` when given; return the serious and
 *  critical ones as "rule: first three targets", the list a suite asserts empty. */
export async function seriousViolations(page, reportAs) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  if (reportAs) report(reportAs, results.violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length})`));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

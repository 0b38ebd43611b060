// Post-build step (scripts/post-build.mjs): write the page's first view into the built
// index.html, so a visitor reads the default design's headline figures and supply chart while the
// page's module downloads (about two seconds on a phone over a slow network). The view is drawn by
// the page's own components and chart code, natively (`consumption-lab-app first-view`,
// src/snapshot.rs). A line of script before it hides it when the link carries a design (it would
// show the wrong one), one after it removes it when the page renders its own; the
// Content-Security-Policy step then allows both by their hashes.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/** Before the view: hide it when the address carries a design (any query). */
const HIDE_WHEN_LINKED = "if (location.search.length > 1) document.documentElement.classList.add('linked');";

/** After it: remove it the moment the page appends its own root to the body (Yew renders there),
 * in the same task, so the two are never on screen together. */
const REMOVE_ON_RENDER =
  "new MutationObserver((_, watch) => { if (document.querySelector('body > .app:not(#first-view)')) { document.getElementById('first-view')?.remove(); watch.disconnect(); } }).observe(document.body, { childList: true });";

/** Draw the first view and write it at the start of `dir`/index.html's body. */
export function writeFirstView(dir) {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  const view = execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'consumption-lab-app', '--', 'first-view'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  }).trim();
  if (!view.startsWith('<div id="first-view"')) throw new Error('first-view.mjs: the first view is not what src/snapshot.rs draws');
  if (!/<body>/.test(html)) throw new Error('first-view.mjs: index.html has no <body>');
  html = html.replace('<body>', `<body>\n    <script>${HIDE_WHEN_LINKED}</script>\n    ${view}\n    <script>${REMOVE_ON_RENDER}</script>`);
  fs.writeFileSync(file, html);
  console.log(`first-view.mjs: first view written (${view.length} characters)`);
}

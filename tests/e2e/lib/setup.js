// Shared before/after for the suites: serve dist/ on 127.0.0.1 and launch Chromium once per file.
import path from 'node:path';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { serve } from './server.js';
import { launch, openPage } from './browser.js';
import { ready } from './page.js';

export const DIST = path.resolve(import.meta.dirname, '../../../dist');
export const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

export async function start() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`no release bundle in ${DIST}: run \`trunk build --release\` first (scripts/test.sh does)`);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = await serve(DIST);
  const browser = await launch();
  return { server, browser, url: server.url };
}

/** Append measured numbers to artifacts/report.json, for the README's bench section and the notes. */
export function report(key, value) {
  const file = path.join(ARTIFACTS, 'report.json');
  const data = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  data[key] = value;
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  console.log(`# ${key}: ${JSON.stringify(value)}`);
}

/**
 * Register before/after hooks that serve the bundle and launch Chromium once for the test file;
 * returns the object they fill in ({ server, browser, url }).
 */
export function suite() {
  const env = {};
  before(async () => Object.assign(env, await start()));
  after(async () => {
    await env.browser.close();
    await env.server.close();
  });
  return env;
}

/**
 * Run `body(page, context, problems)` on a fresh page at `url` (the app's root by default), then
 * assert that nothing went wrong on it: no uncaught error, no console error (but those matching
 * `allowConsole`), no request to another host.
 */
export async function withPage(env, options, body, { url, allowConsole = [], clipboard = false } = {}) {
  const { page, context, problems } = await openPage(env.browser, env.url, options);
  if (clipboard) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  }
  try {
    await ready(page, url ?? env.url);
    await body(page, context, problems);
  } finally {
    await context.close();
  }
  const unexpected = (list) => list.filter((e) => !allowConsole.some((a) => e.includes(a)));
  assert.deepEqual(unexpected(problems.pageErrors), [], 'uncaught errors in the page');
  assert.deepEqual(unexpected(problems.consoleErrors), [], 'console errors');
  assert.deepEqual(problems.foreignRequests, [], 'requests to hosts other than 127.0.0.1');
}

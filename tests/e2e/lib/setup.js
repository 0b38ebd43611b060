// Shared before/after for the suites: serve dist/ on 127.0.0.1 and launch Chromium once per file.
import path from 'node:path';
import fs from 'node:fs';
import { serve } from './server.js';
import { launch } from './browser.js';

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

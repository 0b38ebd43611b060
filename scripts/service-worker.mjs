// Post-build step (scripts/post-build.mjs): fill in the service worker (static/sw.js) with what
// it caches and the version that names its cache. After the Content-Security-Policy step (the
// final index.html is what is hashed) and before the compressed copies. A debug build gets no
// service worker: a developer's rebuild must never be served from a cache.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** The compute worker's files: cached at their first use, not at install (a first visit on a
 * phone does not need them). */
const cachedAtFirstUse = (name) => name.includes('worker');

/** Write VERSION and PRECACHE into `dir`/sw.js, or remove it from a debug build. */
export function writeServiceWorker(dir, release) {
  const file = path.join(dir, 'sw.js');
  if (!release) {
    fs.rmSync(file, { force: true });
    console.log('service-worker.mjs: debug build, no service worker');
    return;
  }
  // Every built file but this one and the compressed copies, in folders too (the presets'
  // evidence: a few KB, so a classroom offline can still open "Sources and fit").
  const names = fs
    .readdirSync(dir, { recursive: true })
    .filter((name) => fs.statSync(path.join(dir, name)).isFile() && name !== 'sw.js' && !/\.(br|gz)$/.test(name))
    .sort();
  // The version covers every file the page may fetch, the compute worker's too.
  const hash = crypto.createHash('sha256');
  for (const name of names) hash.update(name).update('\0').update(fs.readFileSync(path.join(dir, name)));
  const version = hash.digest('hex').slice(0, 16);
  const precache = ['./', ...names.filter((name) => !cachedAtFirstUse(name))];
  let sw = fs.readFileSync(file, 'utf8');
  const filled = sw
    .replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`)
    .replace(/^const PRECACHE = .*;$/m, `const PRECACHE = ${JSON.stringify(precache)};`);
  if (filled === sw || !filled.includes(version) || !filled.includes('"./"')) {
    throw new Error('service-worker.mjs: sw.js no longer has the VERSION and PRECACHE lines to fill in');
  }
  fs.writeFileSync(file, filled);
  console.log(`service-worker.mjs: version ${version}, ${precache.length} files cached at install`);
}

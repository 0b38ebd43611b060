// Post-build step (scripts/post-build.mjs): shorten the names a wasm module and its JS glue call
// each other by.
//
// Why: wasm-bindgen names each import after the JS function plus a 16-hex-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`), and each name is written twice, in the module's
// import section and as a key in the JS glue, with the module name "./consumption-lab-app_bg.js"
// repeated on every import. Hex hashes hardly compress: measured, these names were 7.7 KB of the
// page's 261 KB gzipped download. wasm-bindgen has no option to shorten them (wasm-bindgen issue
// #3909), so this does what Emscripten does in its optimized builds: Binaryen's
// `--minify-imports-and-exports-and-modules` pass renames every import, export and import module
// to one or two letters and prints the mapping, and this script applies the mapping to the JS.
// Terser then minifies the JS glue.
//
// Every rename is checked, and the build fails rather than ship a page that cannot start: the
// module must import from one JS module, which the glue provides as one import object; each old
// import name must be a key there exactly once; afterwards no old name is left in the JS and
// every `wasm.NAME` it calls is an export of the new module. The Subresource Integrity hashes
// Trunk wrote into index.html are recomputed for the changed files, and every hash in the page
// is then checked against its file.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

// The same wasm features index.html gives Trunk's wasm-opt run (the module uses them already).
const FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

const fail = (message) => {
  throw new Error(`minify-bindings.mjs: ${message}`);
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rename the imports and exports of `<name>_bg.wasm` and apply the same renames to `<name>.js`. */
function minify(dir, name) {
  const wasmFile = path.join(dir, `${name}_bg.wasm`);
  const jsFile = path.join(dir, `${name}.js`);
  const before = fs.statSync(wasmFile).size;
  // Binaryen merges every import module into one; the glue must have had exactly one to match.
  const imported = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmFile)));
  const oldModules = new Set(imported.map((i) => i.module));
  if (oldModules.size !== 1) fail(`${name}_bg.wasm imports from ${oldModules.size} modules, expected one`);
  const [oldModule] = oldModules;
  const printed = execFileSync(
    'wasm-opt',
    [wasmFile, '--minify-imports-and-exports-and-modules', ...FEATURES, '-o', wasmFile],
    { encoding: 'utf8', maxBuffer: 16 << 20 },
  );
  const map = JSON.parse(printed);
  let js = fs.readFileSync(jsFile, 'utf8');
  const moduleKey = `${JSON.stringify(oldModule)}: import0`;
  const importObjects = js.match(/"[^"\n]+":\s*import\d+\b/g) ?? [];
  if (importObjects.length !== 1 || importObjects[0] !== moduleKey) {
    fail(`${name}.js: expected one import object, ${moduleKey}; found ${importObjects.join(', ') || 'none'}`);
  }

  // The import object's keys: `__wbg_addEventListener_f2d2…: function(…)`.
  for (const [, from, to] of map.imports) {
    const key = new RegExp(`(?<![\\w$])${escape(from)}(?=\\s*:)`, 'g');
    const found = js.match(key)?.length ?? 0;
    if (found !== 1) fail(`${name}.js: import ${from} is a key ${found} times, expected once`);
    js = js.replace(key, to);
  }
  // Calls into the module: `wasm.__wbindgen_malloc(…)`.
  for (const [from, to] of map.exports) {
    js = js.replace(new RegExp(`\\bwasm\\.${escape(from)}(?![\\w$])`, 'g'), `wasm.${to}`);
  }
  // The import module's new name, the key the import object is returned under.
  const module = new WebAssembly.Module(fs.readFileSync(wasmFile));
  const [newModule] = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
  js = js.replace(moduleKey, `${JSON.stringify(newModule)}: import0`);

  // Check: no old import name is left, no old export name is used on `wasm` (its own JS function
  // of the same name is fine), and every call into the module names one of its exports.
  for (const [, from] of map.imports) {
    if (new RegExp(`(?<![\\w$])${escape(from)}(?![\\w$])`).test(js)) fail(`${name}.js: import ${from} is still named`);
  }
  for (const [from] of map.exports) {
    if (new RegExp(`\\bwasm\\s*(\\.\\s*${escape(from)}|\\[\\s*["'\`]${escape(from)})`).test(js)) {
      fail(`${name}.js: export ${from} is still called by its old name`);
    }
  }
  const exports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  for (const [, called] of js.matchAll(/\bwasm\.([\w$]+)/g)) {
    if (!exports.has(called)) fail(`${name}.js: calls wasm.${called}, which the module does not export`);
  }

  fs.writeFileSync(jsFile, js);
  const jsBefore = fs.statSync(jsFile).size;
  // Then the glue itself, with Terser (Trunk's own JS minifier fails on wasm-bindgen's output).
  execFileSync('terser', [jsFile, '--module', '--compress', '--mangle', '-o', jsFile]);
  const after = fs.statSync(wasmFile).size;
  console.log(
    `minify-bindings.mjs: ${name}: ${map.imports.length} imports, ${map.exports.length} exports renamed; ` +
      `.wasm ${before} → ${after} bytes, .js ${jsBefore} → ${fs.statSync(jsFile).size} bytes`,
  );
}

/** The file in `dir` a tag's `href`/`src` points to, whatever the public URL (`/`, `/lab/`). */
function fileOf(dir, url) {
  const file = path.join(dir, decodeURIComponent(url.split(/[?#]/)[0].split('/').pop()));
  return fs.existsSync(file) ? file : null;
}

/** Integrity value of `file` with `algorithm` (sha256/384/512), as in an `integrity` attribute. */
const integrityOf = (algorithm, file) =>
  `${algorithm}-${crypto.createHash(algorithm).update(fs.readFileSync(file)).digest('base64')}`;

/**
 * Recompute the `integrity` of every tag in index.html whose file this script changed, then
 * check every integrity in the page against its file.
 */
function updateIntegrity(dir, changed) {
  const file = path.join(dir, 'index.html');
  // A tag with an integrity attribute: its URL, its hash algorithm and the file it names.
  const checked = (tag) => {
    const algorithm = tag.match(/\bintegrity="(sha\d+)-/)?.[1];
    if (!algorithm) return null;
    const url = tag.match(/\b(?:href|src)="([^"]+)"/)?.[1];
    const target = url && fileOf(dir, url);
    if (!target) fail(`index.html: ${tag} names no file of the build`);
    return { url, algorithm, target };
  };
  let html = fs.readFileSync(file, 'utf8').replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
    const t = checked(tag);
    if (!t || !changed.includes(path.basename(t.target))) return tag;
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${integrityOf(t.algorithm, t.target)}"`);
  });
  fs.writeFileSync(file, html);
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const t = checked(tag);
    if (t && !tag.includes(`integrity="${integrityOf(t.algorithm, t.target)}"`)) {
      fail(`index.html: the integrity of ${t.url} does not match the file`);
    }
  }
}

/** Minify the bindings of every wasm-bindgen module in `dir` (the page's and the worker's). */
export function minifyBindings(dir) {
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('_bg.wasm'))
    .map((f) => f.slice(0, -'_bg.wasm'.length))
    .filter((n) => fs.existsSync(path.join(dir, `${n}.js`)));
  if (names.length === 0) fail('no wasm-bindgen module found');
  names.forEach((name) => minify(dir, name));
  updateIntegrity(dir, names.flatMap((n) => [`${n}_bg.wasm`, `${n}.js`]));
}

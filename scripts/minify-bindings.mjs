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
// Every rename is checked: each old import name must occur exactly once in the JS (its key in
// the import object), and afterwards every import the new module asks for must be a key there.
// The Subresource Integrity hashes Trunk wrote into index.html are recomputed for the files
// changed here, or the browser would refuse them.
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
  console.error(`minify-bindings.mjs: ${message}`);
  process.exit(1);
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rename the imports and exports of `<name>_bg.wasm` and apply the same renames to `<name>.js`. */
function minify(dir, name) {
  const wasmFile = path.join(dir, `${name}_bg.wasm`);
  const jsFile = path.join(dir, `${name}.js`);
  const before = fs.statSync(wasmFile).size;
  const printed = execFileSync(
    'wasm-opt',
    [wasmFile, '--minify-imports-and-exports-and-modules', ...FEATURES, '-o', wasmFile],
    { encoding: 'utf8', maxBuffer: 16 << 20 },
  );
  const map = JSON.parse(printed);
  let js = fs.readFileSync(jsFile, 'utf8');

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
  // The import module's name, the key the import object is returned under.
  const module = new WebAssembly.Module(fs.readFileSync(wasmFile));
  const imports = WebAssembly.Module.imports(module);
  const modules = new Set(imports.map((i) => i.module));
  if (modules.size !== 1) fail(`${name}_bg.wasm imports from ${modules.size} modules, expected one`);
  const [newModule] = modules;
  const moduleKey = `"./${name}_bg.js": import0`;
  if (!js.includes(moduleKey)) fail(`${name}.js: no ${moduleKey}`);
  js = js.replace(moduleKey, `${JSON.stringify(newModule)}: import0`);

  // Check: everything the module imports is provided, and nothing refers to an old export name.
  for (const i of imports) {
    if (!new RegExp(`(?<![\\w$])${escape(i.name)}\\s*:`).test(js)) fail(`${name}.js: nothing provides import ${i.name}`);
  }
  for (const e of WebAssembly.Module.exports(module)) {
    if (!/^[\w$]+$/.test(e.name)) fail(`${name}_bg.wasm: unexpected export name ${e.name}`);
  }
  const stale = js.match(/\bwasm\.(__wbindgen_\w+|__externref_\w+|wasm_bindgen__\w+)/);
  if (stale) fail(`${name}.js: ${stale[0]} was not renamed`);

  fs.writeFileSync(jsFile, js);
  const jsBefore = js.length;
  // Then the glue itself, with Terser (Trunk's own JS minifier fails on wasm-bindgen's output).
  execFileSync('terser', [jsFile, '--module', '--compress', '--mangle', '-o', jsFile]);
  const after = fs.statSync(wasmFile).size;
  console.log(
    `minify-bindings.mjs: ${name}: ${map.imports.length} imports, ${map.exports.length} exports renamed; ` +
      `.wasm ${before} → ${after} bytes, .js ${jsBefore} → ${fs.statSync(jsFile).size} bytes`,
  );
}

/** Recompute the `integrity` of every tag in index.html whose file this script changed. */
function updateIntegrity(dir, changed) {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  html = html.replace(/<(link|script)\b[^>]*>/g, (tag) => {
    const href = tag.match(/\b(?:href|src)="\/?([^"]+)"/)?.[1];
    const integrity = tag.match(/\bintegrity="(sha\d+)-[^"]*"/);
    if (!href || !integrity || !changed.includes(href)) return tag;
    const algorithm = integrity[1];
    const digest = crypto.createHash(algorithm).update(fs.readFileSync(path.join(dir, href))).digest('base64');
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="${algorithm}-${digest}"`);
  });
  fs.writeFileSync(file, html);
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

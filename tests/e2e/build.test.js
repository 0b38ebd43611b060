// The post-build step that shortens the names between a wasm module and its JS glue
// (scripts/minify-bindings.mjs), on a small module in wasm-bindgen's shape: after it, the glue
// still instantiates the module and calls through, the integrity hashes match the files, and
// each way the glue could fall out of step with the module stops the build instead of shipping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { minifyBindings } from '../../scripts/minify-bindings.mjs';

// Two imports named the way wasm-bindgen names them, memory and two functions exported.
const WAT = `(module
  (import "./fixture_bg.js" "__wbg_log_0123456789abcdef" (func $log (param i32)))
  (import "./fixture_bg.js" "__wbg_now_fedcba9876543210" (func $now (result f64)))
  (memory (export "memory") 1)
  (func (export "__wbindgen_start") (call $log (i32.const 7)))
  (func (export "twice_now") (result f64) (f64.add (call $now) (call $now))))`;

// The glue, as wasm-bindgen's web target writes it: one import object under the module's name,
// calls into the module as \`wasm.NAME\`.
const GLUE = `let wasm;
export const logged = [];
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_log_0123456789abcdef: function(arg0) {
            logged.push(arg0);
        },
        __wbg_now_fedcba9876543210: function() {
            return 21;
        },
    };
    return {
        __proto__: null,
        "./fixture_bg.js": import0,
    };
}
export function twice_now() {
    return wasm.twice_now();
}
export default async function init(bytes) {
    const { instance } = await WebAssembly.instantiate(bytes, __wbg_get_imports());
    wasm = instance.exports;
    wasm.__wbindgen_start();
    return wasm;
}
`;

const sri = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64')}`;

/** A staging directory like Trunk's, with the fixture built; `edit` may spoil it. */
function stage(edit = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minify-bindings-'));
  fs.writeFileSync(path.join(dir, 'fixture.wat'), WAT);
  execFileSync('wasm-as', [path.join(dir, 'fixture.wat'), '-o', path.join(dir, 'fixture_bg.wasm')]);
  fs.rmSync(path.join(dir, 'fixture.wat'));
  fs.writeFileSync(path.join(dir, 'fixture.js'), (edit.glue ?? ((g) => g))(GLUE));
  fs.writeFileSync(path.join(dir, 'style.css'), 'body { margin: 0 }\n');
  const html = `<!doctype html><html><head>
<link rel="stylesheet" href="/lab/style.css" integrity="${sri(path.join(dir, 'style.css'))}"/>
<link rel="modulepreload" href="/lab/fixture.js" crossorigin="anonymous" integrity="${sri(path.join(dir, 'fixture.js'))}">
<link rel="preload" href="/lab/fixture_bg.wasm" crossorigin="anonymous" integrity="${sri(path.join(dir, 'fixture_bg.wasm'))}" as="fetch" type="application/wasm">
</head><body></body></html>`;
  fs.writeFileSync(path.join(dir, 'index.html'), (edit.html ?? ((h) => h))(html));
  return dir;
}

test('after the renames the glue still drives the module, and the integrity hashes match', async () => {
  const dir = stage();
  minifyBindings(dir);
  const wasmFile = path.join(dir, 'fixture_bg.wasm');
  const module = new WebAssembly.Module(fs.readFileSync(wasmFile));
  const names = [...WebAssembly.Module.imports(module), ...WebAssembly.Module.exports(module)].map((x) => x.name);
  assert.ok(names.every((n) => n.length <= 2), `short names: ${names.join(' ')}`);
  const glue = fs.readFileSync(path.join(dir, 'fixture.js'), 'utf8');
  assert.doesNotMatch(glue, /__wbg_|__wbindgen_start|fixture_bg/, 'no old name left in the glue');

  const { default: init, twice_now, logged } = await import(pathToFileURL(path.join(dir, 'fixture.js')));
  await init(fs.readFileSync(wasmFile));
  assert.deepEqual(logged, [7], 'the start function called an import');
  assert.equal(twice_now(), 42, 'an export called two imports');

  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  for (const file of ['style.css', 'fixture.js', 'fixture_bg.wasm']) {
    assert.ok(html.includes(`href="/lab/${file}" `) || html.includes(`href="/lab/${file}"`), file);
    assert.ok(html.includes(`integrity="${sri(path.join(dir, file))}"`), `${file}: integrity matches`);
  }
});

test('a glue that could fall out of step with its module stops the build', () => {
  const cases = [
    ['a second import object', { glue: (g) => g.replace('"./fixture_bg.js": import0,', '"./fixture_bg.js": import0,\n"./snippets/x.js": import1,') }, /one import object/],
    ['an import the glue does not provide', { glue: (g) => g.replace('__wbg_now_fedcba9876543210:', '__wbg_now_0000000000000000:') }, /__wbg_now_fedcba9876543210 is a key 0 times/],
    ['an export called by a computed name', { glue: (g) => g.replace('wasm.twice_now()', 'wasm["twice_now"]()') }, /twice_now is still called by its old name/],
    ['a call to something the module does not export', { glue: (g) => g.replace('return wasm.twice_now();', 'return wasm.twice_now() + wasm.thrice_now();') }, /wasm\.thrice_now/],
    ['a file whose hash does not match', { html: (h) => h.replace(/(style\.css" integrity="sha384-)./, '$1!') }, /integrity of \/lab\/style\.css does not match/],
    ['a hash for a file that is not there', { html: (h) => h.replace('/lab/style.css', '/lab/missing.css') }, /names no file of the build/],
  ];
  for (const [what, edit, message] of cases) {
    assert.throws(() => minifyBindings(stage(edit)), message, what);
  }
});

// The page's size rules on linked code (scripts/check-page-wasm.mjs), on modules assembled with
// their function names kept: a module with only allowed code passes, and each forbidden piece of
// code (by its mangled name, as rustc writes it) fails with its rule's name.
test('the size check reads function names and fails on each forbidden piece of code', async () => {
  const { violations, RULES } = await import('../../scripts/check-page-wasm.mjs');
  const architecture = fs.readFileSync(new URL('../../ARCHITECTURE.md', import.meta.url), 'utf8');
  for (const rule of RULES) {
    assert.ok(architecture.includes(`| ${rule.name} |`), `rule "${rule.name}" is a row of ARCHITECTURE.md's Size rules`);
  }
  const moduleWith = (names) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'size-rules-'));
    const funcs = names.map((n) => `(func $${n} (export "${n}"))`).join('\n  ');
    fs.writeFileSync(path.join(dir, 'm.wat'), `(module\n  ${funcs})`);
    execFileSync('wasm-as', ['-g', path.join(dir, 'm.wat'), '-o', path.join(dir, 'm.wasm')]);
    return new Uint8Array(fs.readFileSync(path.join(dir, 'm.wasm')));
  };
  const talc = '_ZN4talc4base17Talc8allocate17h0123456789abcdefE';
  const page = '_ZN22consumption_lab_engine5model4step4step17h0123456789abcdefE';
  assert.deepEqual(violations(moduleWith([talc, page])), []);
  const cases = [
    ['_RNvMs_NtNtNtCs0_4core3num7dec2flt11decimal_seq5round', /numbers through number::parse/],
    ['_ZN22consumption_lab_engine4wire7respond6answer17h0123456789abcdefE', /worker jobs stay in the worker/],
    ['_ZN22consumption_lab_engine8analysis10montecarlo8simulate17h0123456789abcdefE', /worker jobs stay in the worker/],
    ['_ZN3csv6writer6Writer5flush17h0123456789abcdefE', /worker jobs stay in the worker/],
    ['_ZN19serde_path_to_error2de4path17h0123456789abcdefE', /one JSON reader/],
    ['_RNvMs0_NtCs0_8dlmalloc8dlmalloc4free', /Talc allocates/],
  ];
  for (const [name, rule] of cases) {
    const broken = violations(moduleWith([talc, page, name]));
    assert.equal(broken.length, 1, `${name}: ${broken}`);
    assert.match(broken[0], rule);
  }
  assert.match(violations(moduleWith([page]))[0], /Talc allocates/, 'the allocator must be Talc');
  assert.match(violations(moduleWith([]))[0], /no function names/, 'a module without names is not a pass');
});

#!/usr/bin/env node
// The page's size rules that only the linked module can show: code that must not be in the
// page's wasm, looked up by function name in the module rustc wrote (before wasm-bindgen and
// wasm-opt strip the names). Each rule is a row of ARCHITECTURE.md's "Size rules" table, by its
// name; a broken rule fails the build with that name and the functions that broke it.
//
//   node scripts/check-page-wasm.mjs target/wasm32-unknown-unknown/page/consumption-lab-app.wasm
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Rules on the page's module: `forbid` matches names that must be absent, `require` one that must be there. */
export const RULES = [
  { name: 'numbers through number::parse', forbid: /dec2flt/ },
  { name: 'worker jobs stay in the worker', forbid: /4wire7respond|montecarlo8simulate|montecarlo4fast8simulate|montecarlo11monte_carlo|5sweep5sweep17h|3csv6writer/ },
  { name: 'one JSON reader', forbid: /serde_path_to_error/ },
  { name: 'Talc allocates', forbid: /dlmalloc/, require: /4talc4base/ },
];

/** Function names in a module's `name` custom section (subsection 1). */
export function functionNames(bytes) {
  let at = 8; // magic and version
  const names = [];
  const leb = () => {
    let value = 0, shift = 0, byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const text = (len) => new TextDecoder().decode(bytes.subarray(at, (at += len)));
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 0 && text(leb()) === 'name') {
      while (at < end) {
        const sub = bytes[at++];
        const subSize = leb();
        const subEnd = at + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            leb(); // function index
            names.push(text(leb()));
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  return names;
}

/** The broken rules, as sentences; empty when the module keeps them all. */
export function violations(bytes, rules = RULES) {
  const names = functionNames(bytes);
  if (names.length === 0) {
    return ['the module has no function names: the check reads the module rustc wrote, before names are stripped'];
  }
  const broken = [];
  for (const rule of rules) {
    const found = rule.forbid ? names.filter((n) => rule.forbid.test(n)) : [];
    if (found.length > 0) {
      broken.push(`size rule "${rule.name}" broken: the page links ${found.slice(0, 3).join(', ')}${found.length > 3 ? ` and ${found.length - 3} more` : ''}`);
    }
    if (rule.require && !names.some((n) => rule.require.test(n))) {
      broken.push(`size rule "${rule.name}" broken: nothing matches ${rule.require}`);
    }
  }
  return broken;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  const broken = violations(new Uint8Array(fs.readFileSync(file)));
  if (broken.length > 0) {
    for (const b of broken) console.error(`error: ${b} (see ARCHITECTURE.md, "Size rules")`);
    process.exit(1);
  }
  console.log(`size rules kept in ${file}: ${RULES.map((r) => r.name).join('; ')}`);
}

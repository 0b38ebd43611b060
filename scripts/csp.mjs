// Post-build step (scripts/post-build.mjs): write a strict Content-Security-Policy into the built
// index.html. Trunk's loader is one inline module script; it is allowed by its SHA-256 hash,
// computed here from the exact bytes Trunk wrote, so no other inline script can run. Static
// hosting cannot issue per-request nonces, which is why the policy uses a hash.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/** Write the policy into `dir`/index.html, allowing its inline scripts by their hashes. */
export function writeCsp(dir) {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');

  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );

  const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    // Yew sets positions of the hover read-out as style attributes; attributes only, not <style>.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    // The compute worker is a file of this origin (static/compute-worker.js).
    "worker-src 'self'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "manifest-src 'self'",
  ].join('; ');

  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
  html = html.replace(/(<meta charset="utf-8"\s*\/?>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  fs.writeFileSync(file, html);
  console.log(`csp.mjs: policy written with ${hashes.length} script hash(es)`);
}

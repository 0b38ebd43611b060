// Post-build step (scripts/post-build.mjs), the last: write a brotli (`.br`) and a gzip (`.gz`)
// copy beside every text and wasm file of the build, at the highest levels, so a host that serves
// precompressed files (nginx's gzip_static and brotli_static, Caddy's `precompressed`, most static
// hosts) sends the smallest without compressing on each request. On Lighthouse's mobile profile
// brotli's page module is the difference that matters: the module is most of the download.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The files worth compressing (images other than SVG are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.webmanifest', '.txt']);

/** Compress every compressible file of `dir` and its folders (the presets' evidence). */
export function precompress(dir) {
  const sizes = [];
  for (const name of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile() || !COMPRESSIBLE.has(path.extname(name))) continue;
    const body = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_MODE]:
          path.extname(name) === '.wasm' ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
      },
    });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
    sizes.push(`${name} ${(br.length / 1024).toFixed(1)} KiB`);
  }
  console.log(`precompress.mjs: brotli and gzip beside ${sizes.length} files (${sizes.join(', ')})`);
}

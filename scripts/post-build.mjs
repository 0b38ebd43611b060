// Trunk's post-build hook (Trunk.toml). Trunk starts all hooks of a stage at once, and the steps
// rewrite index.html, so they run here one after the other: first the bindings' names (which
// changes files and their integrity hashes; release builds only, so a debug build keeps its
// names for the debugger), then the first view drawn at build time (first-view.mjs), the model
// notes' pages (notes.mjs), the Content-Security-Policy (it hashes the inline scripts the steps
// before it wrote), the service worker's list of files and version (service-worker.mjs), and last
// the brotli and gzip copies of the finished files (precompress.mjs).
import { minifyBindings } from './minify-bindings.mjs';
import { writeCsp } from './csp.mjs';
import { writeFirstView } from './first-view.mjs';
import { writeNotes } from './notes.mjs';
import { precompress } from './precompress.mjs';
import { writeServiceWorker } from './service-worker.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
try {
  const release = process.env.TRUNK_PROFILE === 'release';
  if (release) {
    minifyBindings(dir);
  } else {
    console.log(`post-build.mjs: ${process.env.TRUNK_PROFILE ?? 'unknown'} build, bindings left as they are`);
  }
  writeFirstView(dir);
  writeNotes(dir);
  writeCsp(dir);
  writeServiceWorker(dir, release);
  precompress(dir);
} catch (e) {
  // A failed step fails the build: Trunk then keeps the previous dist/.
  console.error(e.message);
  process.exit(1);
}

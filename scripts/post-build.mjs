// Trunk's post-build hook (Trunk.toml). Trunk starts all hooks of a stage at once, and both steps
// rewrite index.html, so they run here one after the other: first the bindings' names (which
// changes files and their integrity hashes; release builds only, so a debug build keeps its
// names for the debugger), then the Content-Security-Policy.
import { minifyBindings } from './minify-bindings.mjs';
import { writeCsp } from './csp.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
try {
  if (process.env.TRUNK_PROFILE === 'release') {
    minifyBindings(dir);
  } else {
    console.log(`post-build.mjs: ${process.env.TRUNK_PROFILE ?? 'unknown'} build, bindings left as they are`);
  }
  writeCsp(dir);
} catch (e) {
  // A failed step fails the build: Trunk then keeps the previous dist/.
  console.error(e.message);
  process.exit(1);
}

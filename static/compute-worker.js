// The compute worker: loads the app's own wasm module (Trunk builds it with stable file names, see
// Trunk.toml) and answers JSON requests with the exported `compute`. The module's `main` sees no
// window here and returns without rendering.
import init, { compute } from './consumption-lab-app.js';

const ready = init({ module_or_path: './consumption-lab-app_bg.wasm' });

self.onmessage = async (event) => {
  await ready;
  self.postMessage(compute(event.data));
};

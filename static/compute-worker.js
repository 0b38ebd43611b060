// The compute worker: loads the worker's own small wasm module (crates/worker; Trunk builds it with
// stable file names, see Trunk.toml) and answers JSON requests with its exported `compute`.
import init, { compute } from './consumption-lab-worker.js';

const ready = init({ module_or_path: './consumption-lab-worker_bg.wasm' });

self.onmessage = async (event) => {
  await ready;
  self.postMessage(compute(event.data));
};

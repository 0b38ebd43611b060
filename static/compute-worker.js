// The compute worker: loads the worker's own small wasm module (crates/worker; Trunk builds it with
// stable file names, see Trunk.toml) and answers each JSON request with `[text, numbers]`, the
// numbers' buffer moved to the page rather than copied.
import init, { compute } from './consumption-lab-worker.js';

const ready = init({ module_or_path: './consumption-lab-worker_bg.wasm' });

self.onmessage = async (event) => {
  await ready;
  const answer = compute(event.data);
  self.postMessage(answer, [answer[1].buffer]);
};

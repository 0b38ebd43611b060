// The compute worker: loads the worker's own small wasm module (crates/worker; Trunk builds it with
// stable file names, see Trunk.toml) and answers each JSON request with `[text, numbers]`, the
// numbers' buffer moved to the page rather than copied. If the module cannot be loaded or a job
// fails, the answer is an error frame (kind 3, id 0: see crates/engine/src/frame.rs), so the page
// says so instead of waiting for ever.
import init, { compute } from './consumption-lab-worker.js';

const ready = init({ module_or_path: './consumption-lab-worker_bg.wasm' });

self.onmessage = async (event) => {
  try {
    await ready;
    const answer = compute(event.data);
    self.postMessage(answer, [answer[1].buffer]);
  } catch (error) {
    self.postMessage([`the compute worker failed: ${error}`, new Float64Array([3, 0])]);
  }
};

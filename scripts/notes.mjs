// Post-build step (scripts/post-build.mjs): the model notes as pages of the site, so the page's
// "How is this computed?" links land on the section that argues each lever. `docs/model.md` and
// `docs/calibration.md` (which it links to) are rendered by the page's own binary, natively
// (`consumption-lab-app notes`, src/notes_page.rs): one source, the Markdown the repository shows.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const DOCUMENTS = [
  ['docs/model.md', 'model.html'],
  ['docs/calibration.md', 'calibration.html'],
];

/** Render each document into `dir`. */
export function writeNotes(dir) {
  for (const [source, page] of DOCUMENTS) {
    const html = execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'consumption-lab-app', '--', 'notes', source], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    });
    if (!html.startsWith('<!doctype html>')) throw new Error(`notes.mjs: ${source} did not render`);
    fs.writeFileSync(path.join(dir, page), html);
  }
  console.log(`notes.mjs: ${DOCUMENTS.map(([, page]) => page).join(' and ')} written`);
}

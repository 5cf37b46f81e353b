import { computeVolume } from './compute-volume.js';
import { readPageOptions } from './page-options.js';

// The page's only entry: wires the form to computeVolume(). Rendering states are exposed as
// `data-state` on the output element (idle → running → done | error) for the e2e test.
const form = document.querySelector<HTMLFormElement>('#volume-form');
const output = document.querySelector<HTMLOutputElement>('#output');
const target = document.querySelector<HTMLElement>('#target');
const options = readPageOptions(location.search);

if (target) target.textContent = options.baseUrl ? `Spark: ${options.baseUrl}${options.guard ? ' (no allowBrowser)' : ''}` : 'No ?baseUrl= given';

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!output) return;
  const data = new FormData(form);
  const radius = Number(data.get('radius'));
  const height = Number(data.get('height'));
  output.dataset['state'] = 'running';
  output.textContent = 'Computing…';
  computeVolume(options, { radius, height }).then(
    (volume) => {
      output.dataset['state'] = 'done';
      output.textContent = `Volume: ${volume}`;
    },
    (error: unknown) => {
      output.dataset['state'] = 'error';
      output.textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    },
  );
});

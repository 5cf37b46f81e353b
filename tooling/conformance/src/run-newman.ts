import newman, { type NewmanRunOptions, type NewmanSummary } from 'newman';

/** Runs a collection with newman (no reporters) and resolves with its summary. */
export function runNewman(options: NewmanRunOptions): Promise<NewmanSummary> {
  return new Promise((resolve, reject) => {
    newman.run({ reporters: [], timeoutRequest: 30_000, ...options }, (error, summary) => (error ? reject(error) : resolve(summary)));
  });
}

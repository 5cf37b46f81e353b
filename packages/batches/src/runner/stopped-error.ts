/** Raised into the run (and `summary`) when the consumer stops iterating before the end. */
export class BatchRunStoppedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('the batch run was stopped: its consumer stopped reading results');
  }
}

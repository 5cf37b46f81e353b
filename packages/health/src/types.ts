/** What `GET {origin}/health` answers: `{ status: 'UP' }` (other keys are kept). */
export interface HealthCheckResult {
  /** `UP` when the environment is healthy. */
  status: string;
  [key: string]: unknown;
}

/** Per-call options of the health operations. */
export interface HealthCheckOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Per-call timeout in ms (overrides the client's). */
  timeout?: number;
}

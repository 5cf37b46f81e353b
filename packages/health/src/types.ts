/** What `GET {origin}/health` answers: `{ status: 'UP' }` (other keys are kept). */
export interface HealthCheckResult {
  /** `UP` when the environment is healthy. */
  status: string;
  [key: string]: unknown;
}

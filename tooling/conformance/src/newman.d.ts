// The few parts of newman's API the suite uses (newman ships no types).
declare module 'newman' {
  export interface NewmanExecution {
    item: { name: string };
    request: { method: string; url: { toString(): string } };
    response?: { code: number; stream?: Buffer; headers: { get(name: string): string | undefined } };
    requestError?: { message: string };
  }
  export interface NewmanSummary {
    run: { executions: NewmanExecution[]; failures: { error: { message: string }; source?: { name?: string } }[] };
  }
  export interface NewmanRunOptions {
    collection: unknown;
    environment?: unknown;
    reporters?: string[];
    timeoutRequest?: number;
    insecure?: boolean;
    ignoreRedirects?: boolean;
    workingDir?: string;
  }
  export function run(options: NewmanRunOptions, callback: (error: Error | null, summary: NewmanSummary) => void): unknown;
  const newman: { run: typeof run };
  export default newman;
}

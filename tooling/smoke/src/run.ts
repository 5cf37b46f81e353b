import { spawn } from 'node:child_process';

/** Outcome of a child process. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without a shell, collecting its output; kills it after `timeoutMs`.
 *
 * @param command - executable path
 * @param args - arguments
 * @param options - working directory, extra environment (`undefined` removes a variable), timeout
 * @returns exit code and output
 * @example
 * const { code, stdout } = await run(process.execPath, ['-e', 'console.log(1)'], { cwd: SMOKE_DIR });
 */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** One package's import result as printed by runtime/imports.mjs and runtime/requires.cjs. */
export interface LoadResult {
  name: string;
  ok: boolean;
  exports: string[];
  error?: string;
}

/**
 * Parses the last JSON line a runtime script printed.
 *
 * @param result - the child's output
 * @returns the parsed value
 * @example
 * const loads = lastJsonLine<LoadResult[]>(await run(node, ['runtime/imports.mjs', '@spark/core'], { cwd }));
 */
export function lastJsonLine<T>(result: RunResult): T {
  const line = result.stdout.trim().split('\n').filter((l) => l.startsWith('[') || l.startsWith('{')).pop();
  if (!line) throw new Error(`no JSON output (exit ${result.code}).\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  return JSON.parse(line) as T;
}

import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import type { JsonObject } from '../types.js';
import { ModelError, type ModelResult } from '../state/model-types.js';

interface Runner {
  append(config: { id: string; url: Buffer }): Promise<void>;
  execute(payload: unknown): Promise<unknown>;
  remove(id: string): Promise<void>;
  dispose(): Promise<void>;
}

const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  trace() {},
  fatal() {},
  child() {
    return silent;
  },
};

/**
 * Owns one `@coherentglobal/wasm-runner` instance (loaded lazily, on the first WASM
 * package) and runs Spark WASM packages with it.
 */
export class WasmHost {
  private runner: Runner | undefined;
  private disposed = false;
  /** Loads and executions under way: dispose() waits for them, as the runner deletes its workers' files. */
  private readonly busy = new Set<Promise<unknown>>();

  private track<T>(work: Promise<T>): Promise<T> {
    this.busy.add(work);
    const done = (): void => void this.busy.delete(work);
    work.then(done, done);
    return work;
  }

  private get(): Runner {
    if (this.disposed) throw new Error('WASM host is closed');
    if (!this.runner) {
      const require = createRequire(import.meta.url);
      // The runner's worker-side pino logger writes to stdout at "info" unless silenced.
      const log = require('@coherentglobal/wasm-runner/dist/node/logger.js') as { default?: { level: string } };
      if (log.default) log.default.level = process.env['LOG_LEVEL'] ?? 'silent';
      const { WasmRunner } = require('@coherentglobal/wasm-runner') as {
        WasmRunner: new (cfg: unknown, resolver: string, options: unknown) => Runner;
      };
      this.runner = new WasmRunner(undefined, '', { logger: silent });
    }
    return this.runner;
  }

  /** Loads a WASM package (the inner `{versionId}.zip`) under a runner id. */
  async load(id: string, zip: Uint8Array): Promise<void> {
    try {
      await this.track(this.get().append({ id, url: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) }));
    } catch (error) {
      const hint = isMainThread ? '' : ' (the wasm-runner cannot start its thread pool inside a worker thread: run in a main thread, e.g. vitest pool "forks")';
      throw new Error(`cannot load WASM package: ${error instanceof Error ? error.message : String(error)}${hint}`, { cause: error });
    }
  }

  /** Executes one record. */
  async execute(id: string, inputs: JsonObject, meta: JsonObject): Promise<ModelResult> {
    let response: unknown;
    try {
      response = await this.track(this.get().execute({ request_data: { inputs }, request_meta: { ...meta, version_id: id } }));
    } catch (error) {
      throw new ModelError(error instanceof Error ? error.message : String(error), error);
    }
    const r = (response ?? {}) as { response_data?: { outputs?: JsonObject; warnings?: unknown[]; errors?: unknown[] } };
    const data = r.response_data ?? {};
    return { outputs: data.outputs ?? {}, warnings: data.warnings ?? null, errors: data.errors ?? null };
  }

  /** Unloads one package. */
  async unload(id: string): Promise<void> {
    if (this.runner) await this.runner.remove(id).catch(() => undefined);
  }

  /** Terminates every worker. */
  async dispose(): Promise<void> {
    this.disposed = true;
    // A worker still starting reads its script from the runner's temp folder, which dispose() removes:
    // let loads and executions under way settle first (a close during a load crashed the worker).
    await Promise.allSettled([...this.busy]);
    const r = this.runner;
    this.runner = undefined;
    if (r) await r.dispose().catch(() => undefined);
  }
}

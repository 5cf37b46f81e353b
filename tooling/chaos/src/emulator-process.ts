import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EmulatorOptions, EmulatorStats, FaultRule } from '@spark/emulator';

/** An emulator running in a child process, with the `chaos/echo` model (`y = x * 3`). */
export interface RemoteEmulator {
  url: string;
  baseUrl: string;
  stats(): Promise<EmulatorStats>;
  setFaults(rules: FaultRule[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts `@spark/emulator` in a child process (JSON-serialisable options only: string fault
 * matches), so the parent's heap and event loop measure the client alone.
 *
 * @param options - emulator options (`faults` must use string `match`es)
 * @returns a handle talking to the child over IPC
 * @example
 * const emu = await spawnEmulator({ latencyMs: 100 });
 */
export async function spawnEmulator(options: Omit<EmulatorOptions, 'models' | 'logger'> = {}): Promise<RemoteEmulator> {
  const child = fork(fileURLToPath(new URL('./emulator-process.mjs', import.meta.url)), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  const ready = new Promise<{ url: string; baseUrl: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator process exited early (${code})`)));
    child.on('message', (message: { ready?: boolean; id?: number; value?: unknown; url: string; baseUrl: string }) => {
      if (message.ready) resolve(message);
      else waiting.get(message.id!)?.(message.value);
    });
  });
  const ask = <T>(cmd: string, extra: Record<string, unknown> = {}): Promise<T> => new Promise((resolve) => {
    const id = next++;
    waiting.set(id, (value) => { waiting.delete(id); resolve(value as T); });
    child.send({ id, cmd, ...extra });
  });
  const { url, baseUrl } = await ready;
  child.removeAllListeners('exit');
  return {
    url,
    baseUrl,
    stats: () => ask<EmulatorStats>('stats'),
    setFaults: async (rules) => { await ask('faults', { rules }); },
    close: async () => {
      if (child.exitCode !== null || !child.connected) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask('close');
      await exited;
    },
  };
}

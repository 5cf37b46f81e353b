import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '@spark/emulator';

/** Credentials a {@link withEmulator} emulator accepts. */
export interface EmulatorCredentials {
  /** An accepted API key (the first of `options.apiKeys`, default `test-api-key`). */
  readonly apiKey: string;
  /** An accepted bearer token (the first of `options.tokens`, default `test-access-token`). */
  readonly token: string;
  /** Accepted OAuth2 client credentials (the first of `options.clients`, default `test-client`). */
  readonly oauth: { clientId: string; clientSecret: string };
}

/** The emulator of a suite (its members throw outside the suite's tests and hooks) and its credentials. */
export type EmulatorFixture = Emulator & EmulatorCredentials;

/**
 * Starts `@spark/emulator` on 127.0.0.1, port 0, before the suite's tests (`beforeAll`) and
 * closes it after them (`afterAll`). Call it in a suite body, at the top of a test file or in
 * a `describe`; hooks registered after it see the emulator running. The fixture reads through
 * to the running emulator (`emu.baseUrl`, `emu.requests`, `emu.addModel()`, …) and adds the
 * credentials it accepts.
 *
 * @example
 * const emu = withEmulator({ batch: { workers: 2 } });
 * it('executes', async () => {
 *   await using spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey });
 *   expect(emu.requests).toHaveLength(0);
 * });
 */
export function withEmulator(options: Omit<EmulatorOptions, 'host' | 'port'> = {}): EmulatorFixture {
  let running: Emulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ ...options, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    const emulator = running;
    running = undefined;
    await emulator?.close();
  });
  const credentials: EmulatorCredentials = {
    apiKey: options.apiKeys?.[0] ?? 'test-api-key',
    token: options.tokens?.[0] ?? 'test-access-token',
    oauth: options.clients?.[0] ?? { clientId: 'test-client', clientSecret: 'test-client-secret' },
  };
  return new Proxy(credentials as EmulatorFixture, {
    get(target, key) {
      if (key in target) return Reflect.get(target, key);
      if (!running) throw new Error(`withEmulator(): emulator.${String(key)} read outside the suite (the emulator runs from beforeAll to afterAll)`);
      const value: unknown = Reflect.get(running, key);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}

import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '@spark/emulator';

/** A running emulator and the credentials it accepts, from {@link withEmulator}. */
export interface EmulatorFixture {
  /** The emulator (throws outside the suite's tests and hooks). */
  readonly emulator: Emulator;
  /** `http://127.0.0.1:<port>/<tenant>`: the base URL for `createClient`. */
  readonly baseUrl: string;
  /** An accepted API key (the first of `options.apiKeys`, default `test-api-key`). */
  readonly apiKey: string;
  /** An accepted bearer token (the first of `options.tokens`, default `test-bearer-token`). */
  readonly token: string;
  /** Accepted OAuth2 client credentials (the first of `options.clients`, default `test-client`). */
  readonly oauth: { clientId: string; clientSecret: string };
}

/**
 * Starts `@spark/emulator` on 127.0.0.1, port 0, before the suite's tests (`beforeAll`) and
 * closes it after them (`afterAll`). Call it in a suite body, at the top of a test file or in
 * a `describe`; hooks registered after it see the emulator running.
 *
 * @example
 * const emu = withEmulator({ batch: { workers: 2 } });
 * it('executes', async () => {
 *   await using spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey });
 *   expect(emu.emulator.requests).toHaveLength(0);
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
  const emulator = (): Emulator => {
    if (!running) throw new Error('withEmulator(): the emulator runs only during the suite (use it inside tests and hooks)');
    return running;
  };
  return {
    get emulator() { return emulator(); },
    get baseUrl() { return emulator().baseUrl; },
    apiKey: options.apiKeys?.[0] ?? 'test-api-key',
    token: options.tokens?.[0] ?? 'test-bearer-token',
    oauth: options.clients?.[0] ?? { clientId: 'test-client', clientSecret: 'test-client-secret' },
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRequestId, staticSdkHeaders } from './sdk-headers.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newRequestId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is a UUID v4, a new one each time, with every variant and hex digit in use', () => {
    const ids = Array.from({ length: 20_000 }, newRequestId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
    for (const position of [0, 9, 15, 20, 35]) expect(new Set(ids.map((id) => id[position])).size).toBe(16);
  });

  it('never reaches for WebCrypto (its first use costs a cold process milliseconds)', () => {
    vi.stubGlobal('crypto', new Proxy({}, { get: () => { throw new Error('crypto used'); } }));
    expect(newRequestId()).toMatch(UUID_V4);
  });
});

describe('staticSdkHeaders', () => {
  it("names this SDK, not the official one, with the runtime", () => {
    const headers = staticSdkHeaders();
    expect(headers['user-agent']).toMatch(/^Spark TypeScript SDK v\d+\.\d+\.\d+ \(Node\/\d+\.\d+\.\d+\)$/);
    expect(headers['x-spark-ua']).toMatch(/^agent=spark-typescript-sdk\/\d+\.\d+\.\d+; env=Node\/\d+/);
  });
});

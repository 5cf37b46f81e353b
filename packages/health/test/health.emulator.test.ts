import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SparkClient } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { checkHealth, checkHealthAt, isHealthy, health } from '../src/index.js';

describe('health against the emulator', () => {
  const emu = withEmulator();
  let spark: SparkClient;

  beforeAll(async () => {
    spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey });
  });
  afterAll(async () => {
    spark?.close();
  });

  it('checks health over HTTP', async () => {
    expect(await checkHealth(spark)).toEqual({ status: 'UP' });
    expect(await spark.use(health).health.ok()).toBe(true);
  });

  it('needs no credentials', async () => {
    const anonymous = createClient({ baseUrl: emu.baseUrl, apiKey: 'open' });
    try {
      expect(await isHealthy(anonymous)).toBe(true);
    } finally {
      anonymous.close();
    }
    expect(emu.requests.some((r) => r.path === '/health' && r.headers['x-synthetic-key'] === undefined)).toBe(true);
  });

  it('checks health without a client', async () => {
    expect(await checkHealthAt(emu.url)).toEqual({ status: 'UP' });
  });

  it('reports an unhealthy environment as false', async () => {
    emu.faults.add({ match: 'GET /health', status: 503, count: 1 });
    const noRetry = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey, maxRetries: 0 });
    try {
      expect(await isHealthy(noRetry)).toBe(false);
    } finally {
      noRetry.close();
      emu.faults.clear();
    }
  });

  it('reports an unreachable environment as false', async () => {
    const gone = createClient({ baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k', maxRetries: 0 });
    try {
      expect(await isHealthy(gone)).toBe(false);
    } finally {
      gone.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { post, readSample } from './helpers.js';

describe('startEmulator', () => {
  it('serves packages given as options from the very first request', async () => {
    const lines: string[] = [];
    const emu = await startEmulator({ builtins: false, packages: { 'demo/cyl': readSample('volume-cylinder.zip') }, logger: (l) => lines.push(l) });
    try {
      const r = await post(`${emu.baseUrl}/api/v3/folders/demo/services/cyl/execute`, { request_data: { inputs: { radius: 2, height: 3 } } });
      expect(r.body.response_data.outputs).toEqual({ volume: 37.699 });
      const loaded = lines.findIndex((l) => l.includes('loaded demo/cyl'));
      expect(loaded).toBeGreaterThan(-1);
      expect(lines.findIndex((l) => l.includes('listening on'))).toBeGreaterThan(loaded);
    } finally {
      await emu.close();
    }
  }, 30_000);

  it('rejects with EADDRINUSE when the port is taken, after loading packages', async () => {
    const first = await startEmulator();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startEmulator({ port, packages: { 'demo/cyl': readSample('volume-cylinder.zip') } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  }, 30_000);
});

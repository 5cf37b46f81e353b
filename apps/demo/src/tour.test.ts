import { afterAll, describe, expect, it, vi } from 'vitest';
import { chooseTarget, type Target } from './target.js';
import { tour } from './tour.js';

describe('demo tour', () => {
  let target: Target | undefined;
  afterAll(async () => {
    await target?.emulator?.close();
    vi.restoreAllMocks();
  });

  it('runs every step against the embedded emulator with correct results', async () => {
    vi.stubEnv('CSPARK_BASE_URL', '');
    target = await chooseTarget();
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { lines.push(args.join(' ')); });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await tour(target, 2_000);
    const text = lines.join('\n');
    expect(text).toContain('embedded emulator at http://127.0.0.1:');
    expect(text).toMatch(/health\s+\{"status":"UP"\}/);
    expect(text).toMatch(/outputs\s+\{"volume":37\.69911184307752\}/);
    expect(text).toMatch(/volumes\s+\[3\.142,37\.699,785\.398\]/);
    expect(text).toMatch(/validated inputs\s+\["height","radius"\]/);
    expect(text).toMatch(/results\s+2,000 results, 0 wrong, 0 failed/);
    expect(text).toMatch(/service\s+my-folder\/volume-cylinder/);
    expect(text).toMatch(/inputs\s+\{"radius":2,"height":3\}/);
    expect(text).toContain('8. Shutdown');
  });
});

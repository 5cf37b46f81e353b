import { describe, expect, it } from 'vitest';
import { JobStore } from './jobs.js';

const job = (id: string, size: number) => ({ id, bytes: new Uint8Array(size) });

describe('JobStore', () => {
  it('drops the oldest jobs once their bytes pass maxBytes, and keeps the count bound', () => {
    const store = new JobStore<{ id: string; bytes: Uint8Array }>(3, (j) => j.bytes.byteLength, 100);
    store.add(job('a', 40));
    store.add(job('b', 40));
    expect(store.all().map((j) => j.id)).toEqual(['a', 'b']);
    store.add(job('c', 40)); // 120 bytes: a goes
    expect(store.all().map((j) => j.id)).toEqual(['b', 'c']);
    store.add(job('b', 10)); // replacing b frees its 40 bytes: 50 in all, nothing dropped
    expect(store.all().map((j) => j.id)).toEqual(['c', 'b']);
    store.add(job('d', 1));
    store.add(job('e', 1)); // four jobs: past the count of 3, c goes
    expect(store.all().map((j) => j.id)).toEqual(['b', 'd', 'e']);
    expect(store.get('c')).toBeUndefined();
  });

  it('keeps the newest job even when it alone is larger than maxBytes', () => {
    const store = new JobStore<{ id: string; bytes: Uint8Array }>(10, (j) => j.bytes.byteLength, 100);
    store.add(job('a', 50));
    store.add(job('big', 500));
    expect(store.all().map((j) => j.id)).toEqual(['big']);
  });
});

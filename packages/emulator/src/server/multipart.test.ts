import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from './multipart.js';

describe('parseMultipart', () => {
  it('parses text and file parts as sent by fetch FormData', async () => {
    const form = new FormData();
    form.append('Name', 'pricing');
    form.append('file', new Blob([new Uint8Array([0, 1, 13, 10, 255])], { type: 'application/zip' }), 'package.zip');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const boundary = boundaryOf(req.headers.get('content-type') ?? '') as string;
    const parts = parseMultipart(Buffer.from(await req.arrayBuffer()), boundary);
    expect(parts.map((p) => p.name)).toEqual(['Name', 'file']);
    expect(parts[0]?.data.toString()).toBe('pricing');
    expect(parts[1]).toMatchObject({ filename: 'package.zip', contentType: 'application/zip' });
    expect([...(parts[1]?.data ?? [])]).toEqual([0, 1, 13, 10, 255]);
  });
});

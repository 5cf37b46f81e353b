import { describe, expect, test } from 'vitest';
import { NodeHeaders, NodeResponse } from './node-response.js';
import { toHeaders } from './spark-response.js';

const RAW = ['Content-Type', 'application/json', 'Set-Cookie', 'a=1', 'X-Trace', 'one', 'x-trace', 'two', 'Retry-After', '3'];

describe('NodeHeaders', () => {
  test('get() ignores case and joins repeated headers like Headers.get', () => {
    const headers = new NodeHeaders(RAW);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('CONTENT-TYPE')).toBe('application/json');
    expect(headers.get('x-trace')).toBe('one, two');
    expect(headers.get('missing')).toBeNull();
    expect(headers.get('retry-after')).toBe(new Headers([['Retry-After', '3']]).get('retry-after'));
  });

  test('forEach() gives lower-case names in arrival order; toHeaders() makes an equal Headers', () => {
    const seen: string[] = [];
    new NodeHeaders(RAW).forEach((value, name) => seen.push(`${name}=${value}`));
    expect(seen).toEqual(['content-type=application/json', 'set-cookie=a=1', 'x-trace=one', 'x-trace=two', 'retry-after=3']);
    const real = toHeaders(new NodeHeaders(RAW));
    expect(real).toBeInstanceOf(Headers);
    expect(real.get('x-trace')).toBe('one, two');
    expect(real.getSetCookie()).toEqual(['a=1']);
  });

  test('toHeaders() returns a fetch Headers as it is', () => {
    const headers = new Headers({ a: 'b' });
    expect(toHeaders(headers)).toBe(headers);
  });
});

describe('NodeResponse', () => {
  test('text() and arrayBuffer() read the body already read, without copying the view wrongly', async () => {
    const pooled = Buffer.from('xx{"ok":true}yy').subarray(2, 13);
    const response = new NodeResponse(200, 'OK', new NodeHeaders([]), { raw: pooled });
    expect(await response.text()).toBe('{"ok":true}');
    expect((await response.arrayBuffer()).byteLength).toBe(11);
    expect(response.body).toBeNull();
  });
});

describe('sparkResponse', () => {
  test('headers is an own enumerable getter, made once, kept by a spread', async () => {
    const { sparkResponse } = await import('./spark-response.js');
    const response = sparkResponse(200, new NodeHeaders(['X-A', '1']), { ok: true }, 'rid', 'http://x/');
    expect(Object.keys(response)).toEqual(['status', 'headers', 'data', 'requestId', 'url']);
    expect(response.headers).toBe(response.headers);
    const copy = { ...response };
    expect(copy.headers.get('x-a')).toBe('1');
    expect(JSON.parse(JSON.stringify(response))).toEqual({ status: 200, headers: {}, data: { ok: true }, requestId: 'rid', url: 'http://x/' });
  });

  test('every response shares one headers getter (a closure per response gave each its own hidden class, kept past young collections)', async () => {
    const { sparkResponse } = await import('./spark-response.js');
    const a = sparkResponse(200, new NodeHeaders(['X-A', '1']), 1, 'a', 'http://x/a');
    const b = sparkResponse(201, new NodeHeaders(['X-A', '2']), 2, 'b', 'http://x/b');
    const getter = (r: object) => Object.getOwnPropertyDescriptor(r, 'headers')!.get;
    expect(getter(a)).toBeTypeOf('function');
    expect(getter(a)).toBe(getter(b));
    expect([a.headers.get('x-a'), b.headers.get('x-a')]).toEqual(['1', '2']);
  });
});

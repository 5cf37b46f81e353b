import { describe, expect, it } from 'vitest';
import { nodeOrigin, plainPath } from './node-target.js';

const URLS = [
  'http://127.0.0.1:8080/my-tenant/api/v3/folders/f/services/s/execute',
  'https://excel.uat.us.coherent.global/t/api/v3/public/version/abc?x=1&y=a%20b',
  'http://[::1]:3000/t/api/v1/product/list?page=2',
  'https://h.example/t/a%2Fb/c',
  'https://h.example',
  'https://h.example/',
  "https://h.example/t/file?name=o'brien",
  'https://h.example/t/a b',
  'https://h.example/t/./x',
  'https://h.example/t/%2e%2e/x',
  'https://h.example/t/%2E/x',
  'https://h.example/t/x#frag',
  'https://h.example/t/x?q={1}',
  'https://h.example/t/ünï',
  'https://h.example/t/x\\y',
  'https://user:pass@h.example/t/x',
  'https://h.example:443/t/x',
  'http://h.example:80/t/x',
  'https://h.example?X-Amz-Signature=abc',
  'https://h.example#frag',
  'https://h.example\\evil.test/x',
  'https://h.example:8443?a=1',
];

describe('nodeOrigin / plainPath', () => {
  it.each(URLS)('a path given as it is is exactly what the URL parser makes of it: %s', (url) => {
    const parsed = new URL(url);
    const origin = nodeOrigin(url);
    expect(origin.host).toBe(parsed.host);
    expect(origin.hostname).toBe(parsed.hostname.replace(/^\[|\]$/g, ''));
    expect(origin.port).toBe(parsed.port ? Number(parsed.port) : undefined);
    const path = plainPath(url, origin);
    if (path !== undefined) expect(path).toBe(parsed.pathname + parsed.search);
  });

  it('sends the SDK\'s own paths as they are, and leaves anything the parser would change to it', () => {
    const plain = (url: string) => plainPath(url, nodeOrigin(url));
    expect(plain(URLS[0]!)).toBe('/my-tenant/api/v3/folders/f/services/s/execute');
    expect(plain(URLS[1]!)).toBe('/t/api/v3/public/version/abc?x=1&y=a%20b');
    expect(plain('https://h.example')).toBe('/');
    // A query (or a fragment) straight after the host: the path is '/', the query kept.
    expect(plain('https://h.example?X-Amz-Signature=abc')).toBe('/?X-Amz-Signature=abc');
    expect(plain('https://h.example:8443?a=1')).toBe('/?a=1');
    for (const url of URLS.slice(6, 16)) expect(plain(url), url).toBeUndefined();
  });

  it('remembers an origin: the same object for every URL under it, another for another origin', () => {
    const a = nodeOrigin('http://a.example:1/x');
    expect(nodeOrigin('http://a.example:1/y?z')).toBe(a);
    expect(nodeOrigin('http://a.example:12/x')).not.toBe(a);
    expect(nodeOrigin('http://a.example:12/x').port).toBe(12);
  });
});

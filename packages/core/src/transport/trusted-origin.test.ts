import { describe, expect, test } from 'vitest';
import { shownUrl, urlSecrets } from './trusted-origin.js';

const SPARK = 'https://excel.uat.us.coherent.global';
const ORIGINS = [SPARK, 'https://files.example.com'];

describe('shownUrl', () => {
  test.each([
    // Spark's own origin and a trusted one: the caller's query is shown.
    [`${SPARK}/t/api/v3/folders?page=2&size=10`, `${SPARK}/t/api/v3/folders?page=2&size=10`],
    [`${SPARK}/t/x#frag`, `${SPARK}/t/x#frag`],
    ['https://files.example.com/f.zip?token=abc', 'https://files.example.com/f.zip?token=abc'],
    // Trusted by its normalised origin (case, default port): shown as given, userinfo dropped.
    ['HTTPS://EXCEL.uat.us.coherent.global:443/t?page=2', 'HTTPS://EXCEL.uat.us.coherent.global:443/t?page=2'],
    [`https://u:p@excel.uat.us.coherent.global/t?page=2`, `${SPARK}/t?page=2`],
    // Off-origin (presigned) URLs: the query becomes ?…, the fragment and userinfo go.
    ['https://bucket.s3.amazonaws.com/f.bin?X-Amz-Signature=SIG&X-Amz-Credential=CRED', 'https://bucket.s3.amazonaws.com/f.bin?…'],
    ['https://acct.blob.core.windows.net/c/f?sv=1&sig=SIG#part', 'https://acct.blob.core.windows.net/c/f?…'],
    ['https://cdn.test/f#token=SIG', 'https://cdn.test/f'],
    ['https://user:SECRET@cdn.test/f?sig=SIG', 'https://cdn.test/f?…'],
    ['https://cdn.test/plain/path', 'https://cdn.test/plain/path'],
    // Look-alikes of Spark's origin are foreign.
    [`${SPARK}.evil.test/f?sig=SIG`, `${SPARK}.evil.test/f?…`],
    [`${SPARK}@evil.test/f?sig=SIG`, 'https://evil.test/f?…'],
    // A '?' or '\' ends the authority as the URL parser says: no query survives behind it.
    ['https://cdn.test?sig=SIG@x/y', 'https://cdn.test?…'],
    ['https://cdn.test\\u:SECRET@x/y?sig=SIG', 'https://cdn.test\\u:SECRET@x/y?…'],
    // Not a URL at all (refused input): still no query.
    ['s3://bucket/key?X-Amz-Signature=SIG', 's3://bucket/key?…'],
    ['/relative?sig=SIG', '/relative?…'],
  ])('%s -> %s', (url, shown) => {
    expect(shownUrl(url, ORIGINS)).toBe(shown);
  });

  test('with no trusted origins every query is hidden', () => {
    expect(shownUrl(`${SPARK}/t?page=2`, [])).toBe(`${SPARK}/t?…`);
  });
});

describe('urlSecrets', () => {
  test('userinfo, and query values of 8 characters or more, as sent and decoded', () => {
    const signed = 'https://u:pw@b.test/f?X-Amz-Signature=abc123def456&X-Amz-Credential=AKIA0%2F20261207%2Fus-east-1&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&flag#x=1';
    expect(new Set(urlSecrets(signed))).toEqual(new Set(
      ['u', 'pw', 'abc123def456', 'AKIA0%2F20261207%2Fus-east-1', 'AKIA0/20261207/us-east-1'],
    ));
    expect(urlSecrets('https://b.test/f')).toEqual([]);
  });
});

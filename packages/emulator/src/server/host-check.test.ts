import { describe, expect, it } from 'vitest';
import { hostPolicy } from './host-check.js';

// The DNS-rebinding guard's rules one by one (the loopback side is test/security-exposure.test.ts).
describe('hostPolicy', () => {
  it('accepts localhost and the bound address on any port, and refuses other names', () => {
    const ok = hostPolicy('127.0.0.1');
    for (const h of ['localhost', 'LOCALHOST:3000', 'localhost.:80', '127.0.0.1:3000', '127.0.0.1']) expect(ok(h), h).toBe(true);
    for (const h of ['attacker.example', 'attacker.example:3000', '127.0.0.1.attacker.example', 'localhost.attacker.example', '10.0.0.5:3000']) {
      expect(ok(h), h).toBe(false);
    }
  });

  it('bound to an IPv6 address, accepts that address in brackets and refuses others', () => {
    const ok = hostPolicy('::1');
    expect(ok('[::1]:3000')).toBe(true);
    expect(ok('[::1]')).toBe(true);
    expect(ok('[::2]:3000')).toBe(false);
    expect(ok('attacker.example:3000')).toBe(false);
  });

  it('bound to a wildcard address, accepts any IP literal but never a DNS name', () => {
    for (const bound of ['0.0.0.0', '::']) {
      const ok = hostPolicy(bound);
      for (const h of ['192.168.1.20:3000', '[fe80::1]:3000', 'localhost:3000']) expect(ok(h), `${bound} ${h}`).toBe(true);
      expect(ok('attacker.example:3000'), bound).toBe(false);
    }
  });

  it('allowedHosts: exact names, ".suffix" with its subdomains (not look-alikes), "*" for all', () => {
    const ok = hostPolicy('127.0.0.1', ['dev.example', '.corp.example', '::1']);
    for (const h of ['dev.example:8080', 'corp.example', 'a.b.corp.example:1', '[::1]:3000']) expect(ok(h), h).toBe(true);
    for (const h of ['evilcorp.example', 'corp.example.evil', 'x.dev.example']) expect(ok(h), h).toBe(false);
    expect(hostPolicy('127.0.0.1', ['*'])('attacker.example')).toBe(true);
  });

  it('lets a request without Host (HTTP/1.0) through', () => {
    expect(hostPolicy('127.0.0.1')(undefined)).toBe(true);
  });
});

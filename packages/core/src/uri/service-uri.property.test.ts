import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SparkSdkError } from '../errors/sdk-error.js';
import { succeedsOrSdkError } from '../../test/property.js';
import { formatServiceUri, parseServiceUri, requireFolderService, servicePath, type ServiceUri } from './service-uri.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2_000);

/** Characters that break naive locators: separators, brackets, percent signs, spaces, unicode. */
const tricky = fc.constantFrom('/', '[', ']', '%', '%2F', '%20', ' ', '  ', '?', '#', '&', '+', 'é', 'ü', '中', '😀', '\u0301', '\\', '.', '..', '\uD800', '\uDC00', '\t');
const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }), tricky);
const name = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
/** A name with no locator syntax in it: what a string locator can carry. */
const plainName = fc.array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.constantFrom('%', '%2F', ' x', 'é', '中', '😀', '-', '.')), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('').replace(/[/[\]]/g, '_').trim())
  .filter((s) => s !== '' && !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));

const locatorObject = fc.record(
  { folder: name, service: name, version: name, serviceId: name, versionId: name, proxy: name, public: fc.boolean() },
  { requiredKeys: [] },
);
const locatorString = fc.oneof(
  fc.tuple(name, name).map(([f, s]) => `${f}/${s}`),
  fc.tuple(name, name, name).map(([f, s, v]) => `${f}/${s}[${v}]`),
  fc.tuple(name, name).map(([f, s]) => `folders/${f}/services/${s}`),
  name.map((id) => `service/${id}`),
  name.map((id) => `version/${id}`),
  name.map((p) => `proxy/${p}`),
  name,
);
const anyInput = fc.oneof(locatorString, locatorObject, fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withDate: true }));


/** What the string form keeps: the locator that wins by precedence, without `public`. */
function kept(uri: ServiceUri): ServiceUri {
  if (uri.proxy) return { proxy: uri.proxy };
  if (uri.versionId) return { versionId: uri.versionId };
  if (uri.serviceId) return { serviceId: uri.serviceId };
  return { folder: uri.folder, service: uri.service, ...(uri.version ? { version: uri.version } : {}) };
}

describe('service URI locator (property-based)', () => {
  test('parse, format, servicePath and requireFolderService succeed or throw SparkSdkError for any input', () => {
    fc.assert(fc.property(anyInput, (input) => {
      succeedsOrSdkError(() => parseServiceUri(input as never));
      succeedsOrSdkError(() => formatServiceUri(input as never));
      succeedsOrSdkError(() => formatServiceUri(input as never, { long: true }));
      succeedsOrSdkError(() => servicePath(input as never, { endpoint: 'execute' }));
      succeedsOrSdkError(() => requireFolderService(input as never, 'test.op'));
    }), { numRuns: RUNS });
  });

  test('format is stable: parse(format(parse(x))) equals what parse(x) locates', () => {
    fc.assert(fc.property(fc.oneof(locatorString, locatorObject), fc.boolean(), (input, long) => {
      const parsed = succeedsOrSdkError(() => parseServiceUri(input));
      if (parsed instanceof SparkSdkError) return;
      const text = succeedsOrSdkError(() => formatServiceUri(parsed, { long }));
      if (text instanceof SparkSdkError) return; // names the string form cannot carry are refused, not garbled
      const again = parseServiceUri(text);
      expect(again).toEqual(kept(parsed));
      if (typeof input === 'string' && !parsed.public) expect(again).toEqual(parsed);
      expect(formatServiceUri(again, { long })).toBe(text);
    }), { numRuns: RUNS });
  });

  test('string locators made of plain names always format back to themselves', () => {
    fc.assert(fc.property(plainName, plainName, fc.option(plainName, { nil: undefined }), (folder, service, version) => {
      fc.pre(!['service', 'version', 'proxy', 'folders'].includes(folder));
      const text = `${folder}/${service}${version ? `[${version}]` : ''}`;
      expect(formatServiceUri(text)).toBe(text);
      expect(parseServiceUri(text)).toEqual({ folder, service, ...(version ? { version } : {}) });
    }), { numRuns: RUNS });
  });

  test('each name is percent-encoded exactly once in the path (object form: slashes, brackets, %, unicode)', () => {
    fc.assert(fc.property(name, name, fc.boolean(), (folder, service, isPublic) => {
      const path = succeedsOrSdkError(() => servicePath({ folder, service, public: isPublic }, { endpoint: 'execute' }));
      if (path instanceof SparkSdkError) {
        const dots = ['.', '..'];
        expect(folder.trim() === '' || service.trim() === '' || dots.includes(folder) || dots.includes(service) || /[\uD800-\uDFFF]/.test(folder + service)).toBe(true);
        return;
      }
      const segments = path.split('/');
      expect(segments.slice(0, isPublic ? 4 : 3)).toEqual(isPublic ? ['api', 'v3', 'public', 'folders'] : ['api', 'v3', 'folders']);
      const rest = segments.slice(isPublic ? 4 : 3);
      expect(rest).toHaveLength(4);
      expect(decodeURIComponent(rest[0]!)).toBe(folder);
      expect(rest[1]).toBe('services');
      expect(decodeURIComponent(rest[2]!)).toBe(service);
      expect(rest[3]).toBe('execute');
      for (const segment of rest) expect(segment).not.toMatch(/[^A-Za-z0-9\-_.!~*'()%]/);
    }), { numRuns: RUNS });
  });

  test('ids are encoded once too', () => {
    fc.assert(fc.property(name, fc.constantFrom('serviceId', 'versionId'), (id, key) => {
      const path = succeedsOrSdkError(() => servicePath({ [key]: id }));
      if (path instanceof SparkSdkError) return;
      const [, , kind, encoded, ...extra] = path.split('/');
      expect(kind).toBe(key === 'serviceId' ? 'service' : 'version');
      expect(extra).toEqual([]);
      expect(decodeURIComponent(encoded!)).toBe(id);
    }), { numRuns: RUNS });
  });

  test('examples the properties found', () => {
    expect(() => parseServiceUri({ folder: 1n } as never)).toThrow(SparkSdkError); // was a TypeError (BigInt in JSON.stringify)
    expect(() => servicePath({ folder: 'a\uD800', service: 's' })).toThrow(SparkSdkError); // was a URIError
    expect(() => formatServiceUri({ folder: 'a/b', service: 's' })).toThrow(SparkSdkError); // was 'a/b/s': folder 'a', service 'b/s'
    expect(() => formatServiceUri({ folder: 'f', service: 's[1]' })).toThrow(SparkSdkError); // was 'f/s[1]': service 's' version '1'
    expect(() => formatServiceUri('folders/service/services/x')).toThrow(SparkSdkError); // was 'service/x': a service id
    expect(parseServiceUri('f/a\nb[1]')).toEqual({ folder: 'f', service: 'a\nb', version: '1' }); // was a TypeError (regex without the s flag)
    expect(servicePath({ folder: 'a/b %', service: 'é[1]' })).toBe('api/v3/folders/a%2Fb%20%25/services/%C3%A9%5B1%5D');
  });
});

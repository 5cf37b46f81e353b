import { describe, expect, test } from 'vitest';
import { SparkSdkError } from '../errors/sdk-error.js';
import { encodePath, formatServiceUri, parseServiceUri, requireFolderService, servicePath, type ServiceUriInput } from './service-uri.js';

const FORMS =
  'expected "folder/service", "folder/service[1.2.3]", "folders/{folder}/services/{service}", ' +
  '"service/{serviceId}", "version/{versionId}", "proxy/{path}", or { folder, service, version?, serviceId?, versionId?, proxy?, public? }';

describe('service URI forms', () => {
  // input, parsed, formatted, servicePath(endpoint 'execute')
  test.each<[ServiceUriInput, object, string, string]>([
    ['folder/service', { folder: 'folder', service: 'service' }, 'folder/service', 'api/v3/folders/folder/services/service/execute'],
    ['folder/service[1.2.3]', { folder: 'folder', service: 'service', version: '1.2.3' }, 'folder/service[1.2.3]', 'api/v3/folders/folder/services/service/execute'],
    ['folders/f/services/s[1.0]', { folder: 'f', service: 's', version: '1.0' }, 'f/s[1.0]', 'api/v3/folders/f/services/s/execute'],
    ['service/abc-123', { serviceId: 'abc-123' }, 'service/abc-123', 'api/v3/service/abc-123/execute'],
    ['version/9129-aa', { versionId: '9129-aa' }, 'version/9129-aa', 'api/v3/version/9129-aa/execute'],
    ['proxy/a/b', { proxy: 'a/b' }, 'proxy/a/b', 'api/v3/proxy/a/b'],
    [{ folder: 'f', service: 's', public: true }, { folder: 'f', service: 's', public: true }, 'f/s', 'api/v3/public/folders/f/services/s/execute'],
    [{ versionId: 'v1', public: true }, { versionId: 'v1', public: true }, 'version/v1', 'api/v3/public/version/v1/execute'],
    [{ folder: 'f', service: 's', version: '2.0', serviceId: undefined }, { folder: 'f', service: 's', version: '2.0' }, 'f/s[2.0]', 'api/v3/folders/f/services/s/execute'],
    ['///f//s//', { folder: 'f', service: 's' }, 'f/s', 'api/v3/folders/f/services/s/execute'],
    ['f/s[]', { folder: 'f', service: 's' }, 'f/s', 'api/v3/folders/f/services/s/execute'],
    ['  f/s[ 1.0 ]  ', { folder: 'f', service: 's', version: '1.0' }, 'f/s[1.0]', 'api/v3/folders/f/services/s/execute'],
    ['my folder/my service', { folder: 'my folder', service: 'my service' }, 'my folder/my service', 'api/v3/folders/my%20folder/services/my%20service/execute'],
    ['my%20folder/svc', { folder: 'my%20folder', service: 'svc' }, 'my%20folder/svc', 'api/v3/folders/my%2520folder/services/svc/execute'],
    ['dossier é/服务', { folder: 'dossier é', service: '服务' }, 'dossier é/服务', 'api/v3/folders/dossier%20%C3%A9/services/%E6%9C%8D%E5%8A%A1/execute'],
    ['f/a[b]c', { folder: 'f', service: 'a[b]c' }, 'f/a[b]c', 'api/v3/folders/f/services/a%5Bb%5Dc/execute'],
    ['f/100%', { folder: 'f', service: '100%' }, 'f/100%', 'api/v3/folders/f/services/100%25/execute'],
    ['proxy/my path/%41', { proxy: 'my path/%41' }, 'proxy/my path/%41', 'api/v3/proxy/my%20path/%2541'],
  ])('%j', (input, parsed, formatted, path) => {
    expect(parseServiceUri(input)).toEqual(parsed);
    expect(formatServiceUri(input)).toBe(formatted);
    expect(servicePath(input, { endpoint: 'execute' })).toBe(path);
  });

  test('long format, other api versions and no endpoint', () => {
    expect(formatServiceUri('f/s[1.0]', { long: true })).toBe('folders/f/services/s[1.0]');
    expect(servicePath('f/s', { api: 'api/v4' })).toBe('api/v4/folders/f/services/s');
    expect(servicePath({ serviceId: 'x', versionId: 'y' }, { endpoint: 'metadata' })).toBe('api/v3/version/y/metadata');
  });

  test('encodePath encodes each segment once, drops edge slashes, refuses empty and dot segments', () => {
    expect(encodePath('/a b/c%d/')).toBe('a%20b/c%25d');
    for (const bad of ['a//b', 'a/./b', '../admin', '..', '']) expect(() => encodePath(bad)).toThrow(SparkSdkError);
  });

  test('requireFolderService', () => {
    expect(requireFolderService('f/s[1]', 'op')).toEqual({ folder: 'f', service: 's', version: '1' });
    const error = (() => { try { requireFolderService('service/x', 'services.getVersions'); } catch (e) { return e as Error; } })();
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error?.message).toBe('services.getVersions needs a folder/service locator, got "service/x"');
  });
});

describe('malformed service URIs', () => {
  test.each<[unknown, string]>([
    ['', 'invalid service URI "": it needs a folder and a service'],
    ['f', 'invalid service URI "f": it needs a folder and a service'],
    ['/f/', 'invalid service URI "/f/": it needs a folder and a service'],
    ['service/', 'invalid service URI "service/": it needs a folder and a service'],
    ['service/a/b', 'invalid service URI "service/a/b": an id is a single path segment'],
    ['folders/x', 'invalid service URI "folders/x": the long form is folders/{folder}/services/{service}'],
    ['f/[1.0]', 'invalid service URI "f/[1.0]": the service name is missing'],
    [{ folder: 'f' }, 'invalid service URI {"folder":"f"}: the service name is missing'],
    [{ service: 's' }, 'invalid service URI {"service":"s"}: the folder name is missing'],
    [{}, 'invalid service URI {}: a locator is required'],
    [{ folder: 'f', service: 's', name: 'x' }, 'invalid service URI {"folder":"f","service":"s","name":"x"}: unknown field "name"'],
    [{ folder: 'f', service: ' ' }, 'invalid service URI {"folder":"f","service":" "}: service must be a non-empty string'],
    [{ folder: 'f', service: 's', public: 'yes' }, 'invalid service URI {"folder":"f","service":"s","public":"yes"}: public must be a boolean'],
    [42, 'invalid service URI 42: a service URI must be a string or an object'],
    [null, 'invalid service URI null: a service URI must be a string or an object'],
    [undefined, 'invalid service URI undefined: a service URI must be a string or an object'],
  ])('%j', (input, message) => {
    for (const fn of [parseServiceUri, formatServiceUri, servicePath] as Array<(i: unknown) => unknown>) {
      let error: unknown;
      try { fn(input); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(SparkSdkError);
      expect((error as Error).message).toBe(`${message}; ${FORMS}`);
      expect((error as Error).cause).toBe(input);
    }
  });
});

import { SparkSdkError } from '../errors/sdk-error.js';
import { pathSegment, pathSegments } from './path-segment.js';
import { isServiceDescriptor, type AnyServiceDescriptor } from './service-descriptor.js';

/** A service locator in object form. */
export interface ServiceUri {
  folder?: string | undefined;
  service?: string | undefined;
  /** Semantic version (revision), e.g. `0.4.2`. */
  version?: string | undefined;
  serviceId?: string | undefined;
  versionId?: string | undefined;
  /** Custom endpoint path (`proxy/...`). */
  proxy?: string | undefined;
  /** Use the public (unauthenticated) API variant. */
  public?: boolean | undefined;
}

/** Every way a service can be named: a string form or a {@link ServiceUri}. */
export type ServiceUriInput = string | ServiceUri;

const FORMS =
  'expected "folder/service", "folder/service[1.2.3]", "folders/{folder}/services/{service}", ' +
  '"service/{serviceId}", "version/{versionId}", "proxy/{path}", or { folder, service, version?, serviceId?, versionId?, proxy?, public? }';
const KEYS = new Set(['folder', 'service', 'version', 'serviceId', 'versionId', 'proxy', 'public']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parses a service URI into its parts. Names are taken literally (never percent-decoded):
 * pass plain names such as `my folder`, and the SDK encodes them exactly once.
 *
 * @example
 * parseServiceUri('my-folder/my-service[1.2.3]') // { folder: 'my-folder', service: 'my-service', version: '1.2.3' }
 * parseServiceUri('version/9129…')               // { versionId: '9129…' }
 * parseServiceUri(volumeCylinder)                // a descriptor: its `uri`, parsed
 */
export function parseServiceUri(input: ServiceUriInput | AnyServiceDescriptor): ServiceUri {
  if (isServiceDescriptor(input)) return parseServiceUri(input.uri);
  if (typeof input === 'object' && input !== null) return fromObject(input);
  if (typeof input !== 'string') throw invalid(input, 'a service URI must be a string or an object');
  // encodeURIComponent throws a URIError on a lone surrogate: refuse it here, as bad input.
  if (LONE_SURROGATE.test(input)) throw invalid(input, 'it is not well-formed Unicode');
  const text = input.trim().replace(/\/{2,}/g, '/').replace(/^\/|\/$/g, '');
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) throw invalid(input, 'it needs a folder and a service');
  const head = text.slice(0, slash);
  const rest = text.slice(slash + 1);
  switch (head) {
    case 'service':
      return { serviceId: single(rest, input) };
    case 'version':
      return { versionId: single(rest, input) };
    case 'proxy':
      return { proxy: rest };
    case 'folders': {
      const marker = rest.indexOf('/services/');
      if (marker <= 0) throw invalid(input, 'the long form is folders/{folder}/services/{service}');
      return named(rest.slice(0, marker), rest.slice(marker + '/services/'.length), input);
    }
    default:
      return named(head, rest, input);
  }
}

function named(folder: string, tail: string, input: string): ServiceUri {
  // `s`: a name may hold a line break; without it exec() returned null (a TypeError).
  const match = /^(.*?)(?:\[([^[\]]*)\])?$/s.exec(tail)!;
  const service = match[1]!;
  const version = match[2]?.trim();
  if (!service) throw invalid(input, 'the service name is missing');
  return { folder, service, ...(version ? { version } : {}) };
}

function single(value: string, input: string): string {
  if (value.includes('/') || value.trim() === '') throw invalid(input, 'an id is a single path segment');
  return value;
}

function fromObject(input: ServiceUri): ServiceUri {
  const out: ServiceUri = {};
  for (const [key, value] of Object.entries(input)) {
    if (!KEYS.has(key)) throw invalid(input, `unknown field "${key}"`);
    if (value === undefined) continue;
    if (key === 'public') {
      if (typeof value !== 'boolean') throw invalid(input, 'public must be a boolean');
    } else if (typeof value !== 'string' || value.trim() === '') {
      throw invalid(input, `${key} must be a non-empty string`);
    } else if (LONE_SURROGATE.test(value)) {
      throw invalid(input, `${key} is not well-formed Unicode`);
    }
    (out as Record<string, unknown>)[key] = value;
  }
  if (!out.versionId && !out.serviceId && !out.proxy) {
    if (!out.folder && !out.service) throw invalid(input, 'a locator is required');
    if (!out.folder) throw invalid(input, 'the folder name is missing');
    if (!out.service) throw invalid(input, 'the service name is missing');
  }
  return out;
}

function invalid(input: unknown, why: string): SparkSdkError {
  const shown = typeof input === 'string' ? `"${input}"` : show(input);
  return new SparkSdkError(`invalid service URI ${shown}: ${why}; ${FORMS}`, { cause: input });
}

/** JSON for messages; never throws (BigInt, cycles, symbols). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Formats a locator as a string (`folder/service[version]`, `service/{id}`, `version/{id}`,
 * `proxy/{path}`): the form Spark expects in JSON bodies (v4 execute, batches, exports).
 *
 * @example
 * formatServiceUri({ folder: 'f', service: 's', version: '1.0.0' }) // 'f/s[1.0.0]'
 */
export function formatServiceUri(input: ServiceUriInput, options: { long?: boolean } = {}): string {
  const uri = parseServiceUri(input);
  // Some names may not survive the string form ('a/b', ' x', 's[1]', a folder named
  // 'service' given as an object or in the long form): refuse rather than hand Spark a string
  // that names another service.
  const text = written(uri, options.long === true);
  const back = parseServiceUri(text);
  const kept = written(back, options.long === true) === text && sameLocator(uri, back);
  if (!kept) throw invalid(input, 'its names cannot be written as a string locator (slashes, brackets, edge spaces or a reserved folder name)');
  return text;
}

function written(uri: ServiceUri, long: boolean): string {
  if (uri.proxy) return `proxy/${uri.proxy}`;
  if (uri.versionId) return `version/${uri.versionId}`;
  if (uri.serviceId) return `service/${uri.serviceId}`;
  const version = uri.version ? `[${uri.version}]` : '';
  return long ? `folders/${uri.folder}/services/${uri.service}${version}` : `${uri.folder}/${uri.service}${version}`;
}

/** Whether two locators name the same service in the precedence the string form keeps. */
function sameLocator(a: ServiceUri, b: ServiceUri): boolean {
  if (a.proxy) return a.proxy === b.proxy;
  if (a.versionId) return a.versionId === b.versionId;
  if (a.serviceId) return a.serviceId === b.serviceId;
  return a.folder === b.folder && a.service === b.service && (a.version ?? '') === (b.version ?? '') && !b.proxy && !b.serviceId && !b.versionId;
}

/**
 * Builds the URL path locating a service, each name encoded exactly once:
 * `api/v3[/public]/version/{id}` > `service/{id}` > `folders/{f}/services/{s}` > `proxy/{p}`,
 * then `/{endpoint}` (never after a proxy path).
 *
 * @example
 * servicePath('my folder/svc', { endpoint: 'execute' }) // 'api/v3/folders/my%20folder/services/svc/execute'
 */
export function servicePath(input: ServiceUriInput, options: { api?: string; endpoint?: string } = {}): string {
  const uri = parseServiceUri(input);
  let path = (options.api ?? 'api/v3') + (uri.public ? '/public' : '');
  if (uri.versionId) path += `/version/${pathSegment(uri.versionId, 'versionId')}`;
  else if (uri.serviceId) path += `/service/${pathSegment(uri.serviceId, 'serviceId')}`;
  else if (uri.folder && uri.service) path += `/folders/${pathSegment(uri.folder, 'folder')}/services/${pathSegment(uri.service, 'service')}`;
  else if (uri.proxy) return `${path}/proxy/${pathSegments(uri.proxy, 'proxy')}`;
  return options.endpoint ? `${path}/${options.endpoint}` : path;
}

/**
 * Encodes each segment of a `/`-separated path once (see {@link pathSegments}: an empty, `.`
 * or `..` segment is refused).
 *
 * @example
 * encodePath('a b/c') // 'a%20b/c'
 */
export function encodePath(path: string): string {
  return pathSegments(path, 'path');
}

/**
 * Requires a folder + service locator (for endpoints that address services by name).
 *
 * @example
 * const { folder, service } = requireFolderService('f/s', 'services.getVersions');
 */
export function requireFolderService(input: ServiceUriInput, operation: string): Required<Pick<ServiceUri, 'folder' | 'service'>> & ServiceUri {
  const uri = parseServiceUri(input);
  if (!uri.folder || !uri.service) {
    throw new SparkSdkError(`${operation} needs a folder/service locator, got ${show(input)}`, { cause: input });
  }
  return uri as Required<Pick<ServiceUri, 'folder' | 'service'>> & ServiceUri;
}

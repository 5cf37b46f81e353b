import { formatServiceUri, isServiceDescriptor, parseServiceUri, servicePath, type AnyServiceDescriptor, type ServiceUri, type ServiceUriInput } from '@spark/core';

/** A service as executeService addresses it: the parsed locator, then its string form and v3 path once asked. */
export interface ExecuteTarget {
  readonly locator: Readonly<ServiceUri>;
  /** `formatServiceUri(locator)`, once computed (it throws for names the string form cannot keep). */
  service?: string;
  /** The v3 execute path, once computed (it throws for a `.`/`..` name). */
  v3Path?: string;
}

const TARGETS = new Map<string, ExecuteTarget>();
const MAX_TARGETS = 256;

/**
 * The parsed locator of a service URI, cached per string (an application calls the same few
 * services again and again: parsing, formatting and encoding the path took ~1.5 µs and 1 KB
 * of garbage per call). Only strings (and descriptors, by their `uri`) are cached, at most
 * 256 of them (the cache is emptied when full); a locator object is parsed every time, as the
 * caller may change it between calls. A string that does not parse is never cached: it throws
 * every time. The cached locator is frozen.
 *
 * @example
 * const target = executeTarget('my-folder/volume-cylinder');
 * target.v3Path ??= servicePath(target.locator, { endpoint: 'execute' });
 */
export function executeTarget(uri: ServiceUriInput | AnyServiceDescriptor): ExecuteTarget {
  const key = typeof uri === 'string' ? uri : isServiceDescriptor(uri) ? uri.uri : undefined;
  if (key === undefined) return { locator: parseServiceUri(uri) };
  let target = TARGETS.get(key);
  if (!target) {
    target = { locator: Object.freeze(parseServiceUri(key)) };
    if (TARGETS.size >= MAX_TARGETS) TARGETS.clear();
    TARGETS.set(key, target);
  }
  return target;
}

/** The service's string form (`spark.service.uri`), computed once per cached target. */
export function targetService(target: ExecuteTarget): string {
  return (target.service ??= formatServiceUri(target.locator));
}

/** The v3 execute path, computed once per cached target. */
export function targetV3Path(target: ExecuteTarget): string {
  const { locator } = target;
  return (target.v3Path ??= servicePath(locator, { endpoint: locator.versionId || locator.serviceId ? '' : 'execute' }));
}

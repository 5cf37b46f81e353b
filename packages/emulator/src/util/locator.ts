/** A parsed service locator (body form: `f/s[v]`, `folders/f/services/s[v]`, `service/{id}`, `version/{id}`, or a bare id). */
export interface Locator {
  folder?: string;
  service?: string;
  version?: string;
  serviceId?: string;
  versionId?: string;
  proxy?: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decodes a body locator literally (no percent-decoding, per contract §5.8).
 * @param value - e.g. `pricing/volume-cylinder[0.1.0]`
 * @returns the locator parts; empty when nothing matched
 */
export function parseLocator(value: string): Locator {
  const clean = value.replace(/\/+/g, '/').replace(/^\/|\/$/g, '').replace(/^folders\//i, '').replace(/\/services\//i, '/');
  if (UUID_RE.test(clean)) return { serviceId: clean };
  const m = /^([^/]+)\/([^[]+)(?:\[(.*?)\])?$/.exec(clean);
  if (!m) return {};
  const [, first = '', rest = '', version] = m;
  const lower = first.toLowerCase();
  if (lower === 'version') return { versionId: rest };
  if (lower === 'service') return { serviceId: rest };
  if (lower === 'proxy') return { proxy: rest };
  return { folder: first, service: rest, ...(version ? { version } : {}) };
}

/** Formats `folder/service[version]`. */
export function formatUri(folder: string, service: string, version?: string): string {
  return version ? `${folder}/${service}[${version}]` : `${folder}/${service}`;
}

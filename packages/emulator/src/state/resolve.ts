import type { EmulatorState } from './state.js';
import type { ServiceEntry, VersionEntry } from './registry.js';
import type { Locator } from '../util/locator.js';
import { HttpError } from '../server/http-error.js';

/** Extra version selectors found in request metadata. */
export interface VersionSelector {
  version?: string | undefined;
  versionId?: string | undefined;
  /** ISO date: newest version effective at that time (`transaction_date`, `version_by_timestamp`). */
  at?: string | undefined;
  /** A `/public/` route: a service not marked public is refused with 401. */
  publicOnly?: boolean;
}

function pick(service: ServiceEntry, sel: VersionSelector): VersionEntry | undefined {
  const versions = service.versions;
  if (sel.version) return versions.find((v) => v.revision === sel.version);
  if (sel.at) {
    const t = Date.parse(sel.at);
    if (!Number.isNaN(t)) {
      for (let i = versions.length - 1; i >= 0; i--) {
        const v = versions[i] as VersionEntry;
        if (Date.parse(v.effectiveStartDate) <= t && t <= Date.parse(v.effectiveEndDate)) return v;
      }
      return versions.at(-1);
    }
  }
  return versions.at(-1);
}

/**
 * Finds the version a call targets: a version id wins, then the service (by id, folder/name
 * or proxy path) narrowed by semantic version or date, else its latest version.
 * @throws HttpError 404 when nothing matches, 401 when `publicOnly` finds a non-public service
 */
export function resolveVersion(state: EmulatorState, loc: Locator, sel: VersionSelector = {}): VersionEntry {
  const v = locate(state, loc, sel);
  if (sel.publicOnly && !v.service.public) {
    const name = `${v.service.folder.name}/${v.service.name}`;
    throw new HttpError(401, `unauthorized: service ${name} is not public; call it with credentials on the non-public route`, 'UNAUTHORIZED');
  }
  return v;
}

function locate(state: EmulatorState, loc: Locator, sel: VersionSelector): VersionEntry {
  const { registry } = state;
  const versionId = loc.versionId ?? sel.versionId;
  if (versionId) {
    const v = registry.versionById(versionId);
    if (!v) throw new HttpError(404, `service version ${versionId} not found`, 'VERSION_NOT_FOUND');
    return v;
  }
  let service: ServiceEntry | undefined;
  if (loc.serviceId) {
    service = registry.serviceById(loc.serviceId);
  } else if (loc.folder && loc.service) {
    service = registry.service(loc.folder, loc.service);
  } else if (loc.proxy !== undefined) {
    const v = registry.byProxy(loc.proxy);
    if (v) return v;
    const [f, ...rest] = loc.proxy.split('/');
    if (f && rest.length > 0) service = registry.service(f, rest.join('/'));
  } else {
    throw new HttpError(400, 'service uri locator is required', 'BAD_REQUEST');
  }
  const label = loc.serviceId ?? (loc.proxy !== undefined ? `proxy/${loc.proxy}` : `${loc.folder}/${loc.service}`);
  if (!service || service.versions.length === 0) throw new HttpError(404, `service ${label} not found`, 'SERVICE_NOT_FOUND');
  const v = pick(service, { ...sel, version: loc.version ?? sel.version });
  if (!v) throw new HttpError(404, `version ${loc.version ?? sel.version} of ${label} not found`, 'VERSION_NOT_FOUND');
  return v;
}

/** A folder+service from path params (404 when absent). */
export function serviceFromParams(state: EmulatorState, params: Record<string, string>): ServiceEntry {
  const folder = params['folder'] ?? '';
  const name = params['service'] ?? '';
  const s = state.registry.service(folder, name);
  if (!s) throw new HttpError(404, `service ${folder}/${name} not found`, 'SERVICE_NOT_FOUND');
  return s;
}

import { createHash } from 'node:crypto';
import type { JsonObject } from '../types.js';
import type { EmulatorState } from './state.js';
import type { VersionEntry } from './registry.js';
import { modelMetaFor, validationsFor, versionPackage } from './descriptors.js';
import { formatUri, parseLocator } from '../util/locator.js';
import { makeZip } from '../util/zip.js';
import { HttpError } from '../server/http-error.js';
import { asObject } from '../util/ids.js';

/**
 * Picks the versions an export request names: folders and services (latest version,
 * or all with `version_filter: "all"`; an explicit `[version]` pins one) and version ids.
 */
export function selectVersions(state: EmulatorState, inputs: JsonObject, versionFilter: string): VersionEntry[] {
  const picked = new Map<string, VersionEntry>();
  const all = versionFilter.toLowerCase() === 'all';
  const addService = (versions: VersionEntry[]) => {
    for (const v of all ? versions : versions.slice(-1)) picked.set(v.id, v);
  };
  for (const f of Array.isArray(inputs['folders']) ? inputs['folders'] : []) {
    for (const s of state.registry.list(String(f))) addService(s.versions);
  }
  for (const raw of Array.isArray(inputs['services']) ? inputs['services'] : []) {
    const loc = parseLocator(String(raw));
    if (loc.versionId) {
      const v = state.registry.versionById(loc.versionId);
      if (v) picked.set(v.id, v);
      continue;
    }
    const s = loc.serviceId ? state.registry.serviceById(loc.serviceId) : loc.folder && loc.service ? state.registry.service(loc.folder, loc.service) : undefined;
    if (!s) throw new HttpError(404, `service ${String(raw)} not found`, 'SERVICE_NOT_FOUND', 'v4');
    if (loc.version) {
      const v = s.versions.find((x) => x.revision === loc.version);
      if (!v) throw new HttpError(404, `version ${loc.version} of ${String(raw)} not found`, 'VERSION_NOT_FOUND', 'v4');
      picked.set(v.id, v);
    } else addService(s.versions);
  }
  for (const id of Array.isArray(inputs['version_ids']) ? inputs['version_ids'] : []) {
    const v = state.registry.versionById(String(id));
    if (!v) throw new HttpError(404, `version ${String(id)} not found`, 'VERSION_NOT_FOUND', 'v4');
    picked.set(v.id, v);
  }
  return [...picked.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The `outputs.services` / `outputs.service_versions` of an export (and its manifest). */
export function exportOutputs(versions: VersionEntry[]): JsonObject {
  const services = new Map<string, JsonObject>();
  for (const v of versions) {
    const f = v.service.folder.name;
    services.set(v.service.id, { service_uri_source: formatUri(f, v.service.name), folder_source: f, service_source: v.service.name, service_id_source: v.service.id });
  }
  return {
    services: [...services.values()],
    service_versions: versions.map((v) => ({
      service_uri_source: formatUri(v.service.folder.name, v.service.name, v.revision),
      folder_source: v.service.folder.name,
      service_source: v.service.name,
      version_source: v.revision,
      service_id_source: v.service.id,
      version_id_source: v.id,
    })),
  };
}

/** Builds a real export package (contract §6.11 layout) and returns its bytes and hash. */
export function buildExportZip(state: EmulatorState, jobId: string, versions: VersionEntry[], origin: string): { zip: Uint8Array; hash: string } {
  const t = state.tenant;
  const files: Record<string, string | Uint8Array> = {
    [`${t}/manifest.json`]: JSON.stringify({ object: 'export', id: jobId, outputs: { files: null, ...exportOutputs(versions) } }),
  };
  for (const v of versions) {
    const dir = `${t}/${v.service.folder.name}/${v.service.name}/${v.revision}/`;
    files[`${dir}ModelMetaData.json`] = JSON.stringify(modelMetaFor(v, t, origin));
    files[`${dir}WASMMetaData.json`] = JSON.stringify({ Revision: v.revision });
    files[`${dir}DefaultValidations.json`] = JSON.stringify(asObject(validationsFor(v)));
    files[`${dir}${v.id}.zip`] = versionPackage(v);
  }
  const zip = makeZip(files);
  return { zip, hash: createHash('sha256').update(zip).digest('hex') };
}

import type { JsonObject } from '../types.js';
import type { EmulatorState } from './state.js';
import { parsePackage } from '../wasm/package.js';
import { modelFromPackage } from './package-models.js';
import { formatUri } from '../util/locator.js';
import { asObject, asString } from '../util/ids.js';
import { splitUri } from './state.js';

const strip = (uri: string): string => uri.replace(/\[.*\]$/, '').toLowerCase();

/**
 * Imports an export package: each version goes to the destination named by
 * `inputs.services_modify` (or its source folder/service), honouring `services_existing`
 * (`abort` skips existing services, `replace` drops their versions, `add_version` appends).
 * Missing destination folders are created. The package may unpack to `maxBodyBytes` at most.
 * @returns the `outputs` of the import status
 */
export async function importPackage(state: EmulatorState, zip: Uint8Array, entity: JsonObject): Promise<JsonObject> {
  const pkg = parsePackage(zip, state.maxBodyBytes);
  if (pkg.kind !== 'export') throw new Error('the file is not an export package (no manifest.json)');
  const modify = (Array.isArray(asObject(entity['inputs'])['services_modify']) ? (asObject(entity['inputs'])['services_modify'] as unknown[]) : []).map(asObject);
  const existing = String(entity['services_existing'] ?? 'add_version').toLowerCase();
  const services = new Map<string, JsonObject>();
  const serviceVersions: JsonObject[] = [];
  const replaced = new Set<string>();
  for (const pv of pkg.versions) {
    const folder = pv.folder ?? 'my-folder';
    const service = pv.service ?? 'service';
    const source = formatUri(folder, service);
    const rule = modify.find((m) => strip(String(m['service_uri_source'] ?? '')) === source.toLowerCase());
    const dest = splitUri(asString(rule?.['service_uri_destination']) ?? source);
    const destKey = `${dest.folder}/${dest.service}`.toLowerCase();
    const current = state.registry.service(dest.folder, dest.service);
    let status = current && current.versions.length > 0 ? 'updated' : 'added';
    const sourceInfo = { service_uri_source: source, folder_source: folder, service_source: service };
    if (current && current.versions.length > 0 && existing === 'abort' && !replaced.has(destKey)) {
      services.set(destKey, { status: 'skipped', ...sourceInfo, service_uri_destination: formatUri(dest.folder, dest.service), folder_destination: dest.folder, service_destination: dest.service, service_id_destination: current.id });
      continue;
    }
    if (current && existing === 'replace' && !replaced.has(destKey)) {
      for (const old of state.registry.clearVersions(current)) void old.model.dispose?.();
      status = 'replaced';
    }
    replaced.add(destKey);
    const model = await modelFromPackage(pv, state.wasm, (ref) => state.registry.modelForRef(ref));
    const meta = pv.modelMeta ?? {};
    const info = asObject(meta['EngineInformation']);
    const v = state.registry.addVersion(dest.folder, dest.service, model, {
      versionDifference: asString(rule?.['update_version_type']) ?? 'minor',
      fileName: asString(info['OriginalFileName']) ?? `${dest.service}.xlsx`,
      ...(asString(meta['EffectiveStartDate']) ? { startDate: meta['EffectiveStartDate'] as string } : {}),
      ...(asString(meta['EffectiveEndDate']) ? { endDate: meta['EffectiveEndDate'] as string } : {}),
    });
    const destInfo = { service_uri_destination: formatUri(dest.folder, dest.service), folder_destination: dest.folder, service_destination: dest.service, service_id_destination: v.service.id };
    if (!services.has(destKey) || services.get(destKey)?.['status'] !== 'replaced') services.set(destKey, { status, ...sourceInfo, ...destInfo });
    serviceVersions.push({
      status: 'added',
      service_uri_source: formatUri(folder, service, pv.version),
      folder_source: folder,
      service_source: service,
      version_source: pv.version ?? null,
      version_id_source: pv.versionId ?? null,
      ...destInfo,
      service_uri_destination: formatUri(dest.folder, dest.service, v.revision),
      version_destination: v.revision,
      version_id_destination: v.id,
    });
  }
  return { services: [...services.values()], service_versions: serviceVersions };
}

import { asObject } from '../util/ids.js';
import { isZip, parseJsonBytes, readZip, type UnpackBudget } from '../util/zip.js';
import type { JsonObject } from '../types.js';

/** One service version found in a package. */
export interface PackageVersion {
  folder?: string;
  service?: string;
  version?: string;
  versionId?: string;
  /** The inner WASM package (or emulator-generated JS package) bytes. */
  zip: Uint8Array;
  /** Entries of the inner zip. */
  files: Record<string, Uint8Array>;
  modelMeta?: JsonObject;
  defaultValidations?: JsonObject;
}

/** What a zip turned out to be. */
export interface ParsedPackage {
  kind: 'inner' | 'export';
  tenant?: string;
  manifest?: JsonObject;
  versions: PackageVersion[];
}

/**
 * Recognises a WASM package (`*.wasm` or `emulator-model.json` at the root) or an
 * export package (`{tenant}/manifest.json` + `{tenant}/{folder}/{service}/{version}/{versionId}.zip`).
 * `maxUnpackedBytes` bounds what the package and the zips inside it unpack to, together (a
 * package that came in a request: its body's cap, `maxBodyBytes`).
 * @throws Error when the bytes are neither, or unpack to more than `maxUnpackedBytes`
 */
export function parsePackage(bytes: Uint8Array, maxUnpackedBytes = Number.POSITIVE_INFINITY): ParsedPackage {
  if (!isZip(bytes)) throw new Error('not a zip file');
  const budget: UnpackBudget = { maxBytes: maxUnpackedBytes, used: 0 };
  const files = readZip(bytes, budget);
  const names = Object.keys(files);
  if (names.some((n) => !n.includes('/') && (n.endsWith('.wasm') || n === 'emulator-model.json'))) {
    return { kind: 'inner', versions: [innerVersion(bytes, files)] };
  }
  const manifestName = names.find((n) => /^[^/]+\/manifest\.json$/.test(n));
  if (!manifestName) throw new Error('zip is neither a WASM package nor an export package');
  const tenant = manifestName.split('/')[0] as string;
  const versions: PackageVersion[] = [];
  for (const name of names) {
    const m = /^[^/]+\/(.+)\/([^/]+)\/([^/]+)\/([^/]+)\.zip$/.exec(name);
    if (!m) continue;
    const [, folder = '', service = '', version = '', versionId = ''] = m;
    const dir = name.slice(0, name.lastIndexOf('/') + 1);
    const inner = files[name] as Uint8Array;
    const v = innerVersion(inner, readZip(inner, budget));
    v.folder = folder;
    v.service = service;
    v.version = version;
    v.versionId = versionId;
    const meta = parseJsonBytes(files[`${dir}ModelMetaData.json`]);
    if (meta) v.modelMeta = asObject(meta);
    const dv = parseJsonBytes(files[`${dir}DefaultValidations.json`]);
    if (dv) v.defaultValidations = asObject(dv);
    versions.push(v);
  }
  return { kind: 'export', tenant, manifest: asObject(parseJsonBytes(files[manifestName])), versions };
}

function innerVersion(zip: Uint8Array, files: Record<string, Uint8Array>): PackageVersion {
  const v: PackageVersion = { zip, files };
  const dvName = Object.keys(files).find((n) => n.endsWith('DefaultValidations.json'));
  if (dvName) {
    const service = dvName.slice(dvName.lastIndexOf('/') + 1, -'DefaultValidations.json'.length);
    if (service) v.service = service;
    const dv = parseJsonBytes(files[dvName]);
    if (dv) v.defaultValidations = asObject(dv);
  }
  return v;
}

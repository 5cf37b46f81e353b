import type { EmulatorState } from './state.js';
import type { VersionEntry } from './registry.js';
import { parsePackage, type ParsedPackage } from '../wasm/package.js';
import { modelFromPackage } from './package-models.js';
import { splitUri } from './state.js';

/** Where to put the versions of a package. */
export interface LoadTarget {
  /** `folder/service` for every version (default: the package's own names). */
  uri?: string;
  /** Keep the package's version ids when free (default true). */
  keepIds?: boolean;
  /** The id to give the version when the package holds exactly one (an upload's announced id). */
  versionId?: string;
  /** What the package may unpack to (a package that came in a request: `state.maxBodyBytes`; default no cap). */
  maxUnpackedBytes?: number;
}

/**
 * Loads a WASM package or a whole export package into the registry, one new version
 * per package version (real WASM models run through the wasm-runner). A version whose id
 * already belongs to the same service (the same package uploaded again) keeps its id and
 * entry; only its model is replaced.
 */
export async function loadPackage(state: EmulatorState, zip: Uint8Array, target: LoadTarget = {}, parsed?: ParsedPackage): Promise<VersionEntry[]> {
  const pkg = parsed ?? parsePackage(zip, target.maxUnpackedBytes);
  const fixed = target.uri ? splitUri(target.uri) : undefined;
  const out: VersionEntry[] = [];
  for (const pv of pkg.versions) {
    const folder = fixed?.folder ?? pv.folder ?? 'my-folder';
    const service = fixed?.service ?? pv.service ?? 'wasm-service';
    const model = await modelFromPackage(pv, state.wasm, (ref) => state.registry.modelForRef(ref));
    const meta = pv.modelMeta;
    const info = (meta?.['EngineInformation'] ?? {}) as Record<string, unknown>;
    const own = target.keepIds === false ? undefined : (pv.versionId ?? (typeof meta?.['VersionId'] === 'string' ? meta['VersionId'] : undefined));
    const versionId = target.versionId !== undefined && pkg.versions.length === 1 ? target.versionId : own;
    const same = versionId ? state.registry.versionById(versionId) : undefined;
    if (same && same.service.folder.name.toLowerCase() === folder.toLowerCase() && same.service.name.toLowerCase() === service.toLowerCase()) {
      // The same package again (a runner re-uploading): same version, new model; a runner keys on VersionId.
      const old = same.model;
      same.model = model;
      await old.dispose?.().catch(() => undefined);
      out.push(same);
      continue;
    }
    out.push(
      state.registry.addVersion(folder, service, model, {
        ...(versionId ? { versionId } : {}),
        fileName: typeof info['OriginalFileName'] === 'string' ? info['OriginalFileName'] : `${service}.xlsx`,
        ...(typeof meta?.['EffectiveStartDate'] === 'string' ? { startDate: meta['EffectiveStartDate'] } : {}),
        ...(typeof meta?.['EffectiveEndDate'] === 'string' ? { endDate: meta['EffectiveEndDate'] } : {}),
      }),
    );
  }
  return out;
}

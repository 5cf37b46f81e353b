import { parseServiceUri, pathSegment, SparkSdkError, type CallOptions, type ServiceUriInput, type SparkCore, type SparkDownload, requireCore } from '@spark/core';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'wasm.download';

/**
 * Builds `api/v3/nodegen[/public]/getnodegenzipbyId/{locator}`. The version id is preferred,
 * then the service id, then `folders/{f}/services/{s}` with `[version]` appended when the
 * locator names one (as the Python SDK 0.3 does; TS 0.4 dropped the version).
 * Both SDKs spell the endpoint `getnodegenzipbyId`; Postman writes `getnodegenzipbyid`.
 * Spark matches it case-insensitively, so we keep the SDKs' spelling.
 *
 * @example
 * wasmPath('my-folder/volume-cylinder[0.1.0]')
 * // 'api/v3/nodegen/getnodegenzipbyId/folders/my-folder/services/volume-cylinder[0.1.0]'
 */
export function wasmPath(uri: ServiceUriInput): string {
  const loc = parseServiceUri(uri);
  const base = `api/v3/nodegen${loc.public ? '/public' : ''}/getnodegenzipbyId`;
  if (loc.versionId) return `${base}/version/${pathSegment(loc.versionId, 'versionId')}`;
  if (loc.serviceId) return `${base}/service/${pathSegment(loc.serviceId, 'serviceId')}`;
  if (loc.folder && loc.service) {
    const version = loc.version ? `[${pathSegment(loc.version, 'version')}]` : '';
    return `${base}/folders/${pathSegment(loc.folder, 'folder')}/services/${pathSegment(loc.service, 'service')}${version}`;
  }
  throw new SparkSdkError(`${OPERATION}: a WASM module is located by version/{id}, service/{id} or folder/service, not a proxy path`, { cause: uri });
}

/**
 * Downloads a service's WebAssembly package (a zip holding the `.wasm` module, its JS glue,
 * `.data`, default validations and checksums) — what a hybrid runner executes:
 * `GET {tenant URL}/api/v3/nodegen[/public]/getnodegenzipbyId/{locator}`.
 *
 * @param core - a client from `createClient()`
 * @param uri - `version/{id}` (preferred), `service/{id}`, `folder/service[version]`, or a locator object (`public: true` for the public API)
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the zip as a download (`bytes()`, `stream`, `toFile(path)`)
 *
 * @example
 * const pkg = await downloadWasm(spark, 'version/9129ab32-…');
 * await pkg.toFile('./volume-cylinder.zip');
 */
export async function downloadWasm(core: SparkCore, uri: ServiceUriInput, options: CallOptions = {}): Promise<SparkDownload> {
  requireCore(core, OPERATION);
  const path = wasmPath(uri);
  const call = checkCallOptions(options, OPERATION);
  return core.download({ operation: OPERATION, method: 'GET', path, ...call });
}

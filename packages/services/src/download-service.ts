import * as v from 'valibot';
import {
  parseParams, pathSegment, requireFolderService,
  type ServiceUriInput, type SparkCore, type SparkDownload, type CallOptions, requireCore,
} from '@spark/core';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'services.download';

/** Options of {@link downloadService}. */
export interface DownloadServiceParams extends CallOptions {
  /** A specific version (default: the latest); also read from a `{ folder, service, versionId }` locator. */
  versionId?: string;
  /** Name Spark gives the file (default: the uploaded file's name). */
  fileName?: string;
  /** `original` (default): the uploaded workbook; `configured`: with Spark's metadata added. */
  type?: 'original' | 'configured';
}

const ParamsSchema = v.object({
  ...callOptionsEntries,
  versionId: v.optional(nonEmptyString),
  fileName: v.optional(v.string()),
  type: v.optional(v.picklist(['original', 'configured'])),
});

/**
 * Downloads a service's Excel workbook.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service` or `{ folder, service, versionId? }`
 * @param params - `versionId`, `fileName`, `type`, `signal`, `timeout`, `maxResponseBytes`
 * @returns a {@link SparkDownload}: `stream`, `bytes()`, `toFile(path)` (Node)
 * @example
 * const file = await downloadService(spark, 'my-folder/volume-cylinder', { type: 'configured' });
 * await file.toFile('./volume-cylinder.xlsx');
 */
export async function downloadService(core: SparkCore, uri: ServiceUriInput, params: DownloadServiceParams = {}): Promise<SparkDownload> {
  requireCore(core, OPERATION);
  const locator = requireFolderService(uri, OPERATION);
  const options = parseParams(ParamsSchema, params, OPERATION);
  const versionId = options.versionId ?? locator.versionId;
  // The latest version is `…/download/` with the trailing slash both official SDKs send (they
  // were fixed against the live API; the Postman collection drops the slash) — contract §13.
  const path = `api/v1/product/${pathSegment(locator.folder, 'folder')}/engines/${pathSegment(locator.service, 'service')}/download/`
    + (versionId ? pathSegment(versionId, 'versionId') : '');
  return core.download({
    operation: OPERATION,
    method: 'GET',
    path,
    // Both query parameters are always present, empty when defaulted (as both SDKs send them).
    query: { filename: options.fileName ?? '', type: options.type === 'configured' ? 'withmetadata' : '' },
    ...pickCallOptions(options),
  });
}

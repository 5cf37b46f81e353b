import * as v from 'valibot';
import {
  parseParams, pathSegment, requireFolderService,
  type ServiceUriInput, type SparkCore, type SparkJobOptions, type SparkDateInput, type SparkV3Response, requireCore,
} from '@spark/core';
import { waitForCompilation, requireJobId, type CompilationProgress } from './compilation.js';
import { effectiveDates } from './dates.js';
import { checkEnvelope } from './envelope.js';
import type { ExecuteMeta } from './execute-types.js';
import { dateInputSchema, SOURCE_SYSTEM, jobOptionsEntries, joinList, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'services.recompile';

/** Parameters of {@link recompileService}. */
export interface RecompileParams extends SparkJobOptions<CompilationProgress> {
  /** The version to recompile (default: the latest); also read from a `{ folder, service, versionId }` locator. */
  versionId?: string;
  /** Neuron compiler: `StableLatest` (default), `TenantDefault`, `ReleaseCandidate`, `Neuron_vX.Y.Z`. */
  compiler?: string;
  /** Default `Recompiled via Spark TypeScript SDK`. */
  releaseNotes?: string;
  /** Version label of the new version. */
  label?: string;
  startDate?: SparkDateInput;
  endDate?: SparkDateInput;
  /** How the new version number grows (default `patch`). */
  upgrade?: 'major' | 'minor' | 'patch';
  tags?: string | readonly string[];
  /** Wait until the compilation has finished (default `true`). */
  wait?: boolean;
  /** Extra `request_data` keys merged last. */
  extras?: Record<string, unknown>;
}

/** `response_data` of a recompilation request. */
export interface RecompileData {
  versionId: string;
  revision: string;
  jobId: string;
  [key: string]: unknown;
}

/** What {@link recompileService} returns. */
export interface RecompileResult {
  /** Spark's answer to the request (new `versionId`, `revision`, `jobId`). */
  recompilation: SparkV3Response<RecompileData, ExecuteMeta>;
  /** The final compilation status (absent with `wait: false`). */
  compilation?: CompilationProgress;
}

const ParamsSchema = v.object({
  ...jobOptionsEntries,
  versionId: v.optional(nonEmptyString),
  compiler: v.optional(nonEmptyString),
  releaseNotes: v.optional(v.string()),
  label: v.optional(v.string()),
  startDate: v.optional(dateInputSchema),
  endDate: v.optional(dateInputSchema),
  upgrade: v.optional(v.picklist(['major', 'minor', 'patch'])),
  tags: v.optional(v.union([v.string(), v.array(v.string())])),
  wait: v.optional(v.boolean()),
  extras: v.optional(v.record(v.string(), v.unknown())),
});

/**
 * Recompiles a service version with another Neuron compiler, creating a new version, and by
 * default waits for the compilation to finish.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service` or `{ folder, service, versionId? }`
 * @param params - compiler, version details, `wait` and the polling options
 * @returns Spark's answer plus, when waiting, the final compilation status
 * @example
 * const { recompilation } = await recompileService(spark, 'my-folder/volume-cylinder', { compiler: 'StableLatest', upgrade: 'minor' });
 * console.log(recompilation.response_data.revision);
 */
export async function recompileService(core: SparkCore, uri: ServiceUriInput, params: RecompileParams = {}): Promise<RecompileResult> {
  requireCore(core, OPERATION);
  const locator = requireFolderService(uri, OPERATION);
  const options = parseParams(ParamsSchema, params, OPERATION) as RecompileParams;
  const dates = effectiveDates(options.startDate, options.endDate, OPERATION);
  const response = await core.request<RecompileResult['recompilation']>({
    operation: OPERATION,
    method: 'POST',
    path: `api/v3/folders/${pathSegment(locator.folder, 'folder')}/services/${pathSegment(locator.service, 'service')}/recompileNodgen`,
    json: {
      request_data: {
        versionId: options.versionId ?? locator.versionId ?? null,
        upgradeType: options.upgrade ?? 'patch',
        neuronCompilerVersion: options.compiler ?? 'StableLatest',
        releaseNotes: options.releaseNotes || `Recompiled via ${SOURCE_SYSTEM}`,
        // §9/§13: PY sends `label`, TS and the Postman collection `versionLabel`; we follow Postman.
        versionLabel: options.label ?? null,
        effectiveStartDate: dates.start,
        effectiveEndDate: dates.end,
        tags: joinList(options.tags) ?? null,
        ...options.extras,
      },
    },
    ...pickCallOptions(options, 'job'),
  });
  const recompilation = checkEnvelope(OPERATION, 'POST', response);
  if (options.wait === false) return { recompilation };
  const jobId = requireJobId(OPERATION, 'POST', response, recompilation?.response_data?.jobId);
  const compilation = await waitForCompilation(core, OPERATION, locator, jobId, options);
  return { recompilation, compilation };
}

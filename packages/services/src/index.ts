export { executeService } from './execute-service.js';
export { ExecuteParamsSchema, ExecuteMetaSchema, type ExecuteParams, type ExecuteMetaParams } from './execute-params.js';
export type { ExecuteResult, ExecuteV3Original, ExecuteMeta, ExecuteData, SparkV3Response } from './execute-types.js';
export { v3Meta, v4Meta, joinList, isoDate, SOURCE_SYSTEM } from './execute-body.js';
export { services, createServicesApi, type ServicesApi } from './plugin.js';

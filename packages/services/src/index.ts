export { executeService } from './execute-service.js';
export type { ExecuteParams, ExecuteMetaParams, TypedExecuteParams } from './execute-params.js';
export { checkInputs } from './check-inputs.js';
export type { ExecuteResult, ExecuteV3Original, ExecuteMeta, ExecuteData } from './execute-types.js';
export { transformService, type TransformParams } from './transform-service.js';
export { validateService, type ValidateParams, type ValidateResult, type ValidationEntry } from './validate-service.js';
export { getServiceSchema, type ServiceSchema } from './get-service-schema.js';
export { getServiceMetadata, type ServiceMetadataResult } from './get-service-metadata.js';
export { getServiceVersions, type ServiceVersion } from './get-service-versions.js';
export { getServiceSwagger, type GetSwaggerParams, type SwaggerDocument } from './get-service-swagger.js';
export {
  searchServices,
  SERVICE_SEARCH_FIELDS,
  type SearchServicesParams,
  type SearchServicesResult,
  type ServiceSummary,
  type SearchMeta,
} from './search-services.js';
export { searchAllServices, type SearchAllServicesParams } from './search-all-services.js';
export { downloadService, type DownloadServiceParams } from './download-service.js';
export { recompileService, type RecompileParams, type RecompileResult, type RecompileData } from './recompile-service.js';
export type { CompilationProgress } from './compilation.js';
export { initiateCompilation, getCompilationStatus, type InitiateCompilationParams, type CompilationJob } from './compilation-steps.js';
export { compileService, type CompileParams, type CompileResult, type UploadData } from './compile-service.js';
export { publishService, type PublishParams, type PublishResult, type PublishDetails } from './publish-service.js';
export { createService, type CreateServiceParams, type CreateServiceResult } from './create-service.js';
export { deleteService, type DeleteServiceResult } from './delete-service.js';
export { serviceExists } from './service-exists.js';
export type { ServiceFile } from './upload-file.js';
export { services, createServicesApi, type ServicesApi } from './plugin.js';

import type { ServiceDescriptor, ServiceUriInput, SparkCore, SparkDownload, SparkPlugin, CallOptions } from '@spark/core';
import { compileService, type CompileParams, type CompileResult } from './compile-service.js';
import type { CompilationProgress } from './compilation.js';
import { getCompilationStatus, initiateCompilation, type CompilationJob, type InitiateCompilationParams } from './compilation-steps.js';
import { createService, type CreateServiceParams, type CreateServiceResult } from './create-service.js';
import { deleteService, type DeleteServiceResult } from './delete-service.js';
import { downloadService, type DownloadServiceParams } from './download-service.js';
import { executeService } from './execute-service.js';
import type { ExecuteParams, TypedExecuteParams } from './execute-params.js';
import type { ExecuteResult, ExecuteV3Original } from './execute-types.js';
import { getServiceMetadata, type ServiceMetadataResult } from './get-service-metadata.js';
import { getServiceSchema, type ServiceSchema } from './get-service-schema.js';
import { getServiceSwagger, type GetSwaggerParams, type SwaggerDocument } from './get-service-swagger.js';
import { getServiceVersions, type ServiceVersion } from './get-service-versions.js';
import { publishService, type PublishParams, type PublishResult } from './publish-service.js';
import { recompileService, type RecompileParams, type RecompileResult } from './recompile-service.js';
import { searchAllServices, type SearchAllServicesParams } from './search-all-services.js';
import { searchServices, type SearchServicesParams, type SearchServicesResult } from './search-services.js';
import { serviceExists } from './service-exists.js';
import { transformService, type TransformParams } from './transform-service.js';
import { validateService, type ValidateParams, type ValidateResult } from './validate-service.js';

/** The `services` namespace of a client: every operation of `@spark/services`, bound to it. */
export interface ServicesApi {
  /** Executes a service (v3 for one record, v4 for many). See {@link executeService}. */
  execute<I extends object, O>(service: ServiceDescriptor<I, O>, params?: TypedExecuteParams<NoInfer<I>> & { responseFormat?: 'alike' }): Promise<ExecuteResult<O>>;
  execute<I extends object, O>(
    service: ServiceDescriptor<I, O>,
    params: TypedExecuteParams<NoInfer<I>> & { responseFormat: 'original' },
  ): Promise<ExecuteV3Original<O> | Record<string, unknown>>;
  execute<I extends object = Record<string, unknown>, O = Record<string, unknown>>(
    uri: ServiceUriInput,
    params?: ExecuteParams<I> & { responseFormat?: 'alike' },
  ): Promise<ExecuteResult<O>>;
  execute<I extends object = Record<string, unknown>, O = Record<string, unknown>>(
    uri: ServiceUriInput,
    params: ExecuteParams<I> & { responseFormat: 'original' },
  ): Promise<ExecuteV3Original<O> | Record<string, unknown>>;
  execute<I extends object = Record<string, unknown>, O = Record<string, unknown>>(
    uri: ServiceUriInput,
    params?: ExecuteParams<I>,
  ): Promise<ExecuteResult<O> | ExecuteV3Original<O> | Record<string, unknown>>;
  /** Executes a service through a Transform document. See {@link transformService}. */
  transform<O = unknown>(uri: ServiceUriInput, params: TransformParams): Promise<O>;
  /** Gets the validation rules of a service's inputs. See {@link validateService}. */
  validate<I extends object = Record<string, unknown>>(uri: ServiceUriInput, params?: ValidateParams<I>): Promise<ValidateResult>;
  /** Gets a service's schema. See {@link getServiceSchema}. */
  getSchema<T = ServiceSchema>(uri: ServiceUriInput, options?: CallOptions): Promise<T>;
  /** Gets a service's `Metadata.*` values. See {@link getServiceMetadata}. */
  getMetadata(uri: ServiceUriInput, options?: CallOptions): Promise<ServiceMetadataResult>;
  /** Lists a service's versions, newest first. See {@link getServiceVersions}. */
  getVersions(uri: ServiceUriInput, options?: CallOptions): Promise<ServiceVersion[]>;
  /** Gets a service's Swagger document. See {@link getServiceSwagger}. */
  getSwagger<T = SwaggerDocument>(uri: ServiceUriInput, params?: GetSwaggerParams & { downloadable?: false }): Promise<T>;
  getSwagger(uri: ServiceUriInput, params: GetSwaggerParams & { downloadable: true }): Promise<SparkDownload>;
  getSwagger(uri: ServiceUriInput, params?: GetSwaggerParams): Promise<SwaggerDocument | SparkDownload>;
  /** Searches services (one page). See {@link searchServices}. */
  search(params?: SearchServicesParams): Promise<SearchServicesResult>;
  /** Iterates over every page of a search. See {@link searchAllServices}. */
  searchAll(params?: SearchAllServicesParams): AsyncGenerator<SearchServicesResult, void, undefined>;
  /** Downloads a service's workbook. See {@link downloadService}. */
  download(uri: ServiceUriInput, params?: DownloadServiceParams): Promise<SparkDownload>;
  /** Recompiles a service version (and waits by default). See {@link recompileService}. */
  recompile(uri: ServiceUriInput, params?: RecompileParams): Promise<RecompileResult>;
  /** Uploads, compiles and publishes a workbook. See {@link createService}. */
  create(params: CreateServiceParams): Promise<CreateServiceResult>;
  /** Uploads and compiles a workbook without publishing it. See {@link compileService}. */
  compile(params: CompileParams): Promise<CompileResult>;
  /** Publishes a compiled upload. See {@link publishService}. */
  publish(params: PublishParams): Promise<PublishResult>;
  /** A compilation step by step (what `compile` does in one call). */
  readonly compilation: {
    /** See {@link initiateCompilation}. */
    initiate(params: InitiateCompilationParams): Promise<CompilationJob>;
    /** See {@link getCompilationStatus}. */
    getStatus(uri: ServiceUriInput, params: { jobId: string } & CallOptions): Promise<CompilationProgress>;
  };
  /** Deletes a service with all its versions. See {@link deleteService}. */
  delete(uri: ServiceUriInput, options?: CallOptions): Promise<DeleteServiceResult>;
  /** Tells whether a service exists. See {@link serviceExists}. */
  exists(uri: ServiceUriInput, options?: CallOptions): Promise<boolean>;
}

/**
 * Binds the services operations to one client.
 *
 * @param core - the client's core
 * @returns the `services` namespace
 * @example
 * const services = createServicesApi(spark);
 * await services.exists('my-folder/volume-cylinder');
 */
export function createServicesApi(core: SparkCore): ServicesApi {
  return {
    execute: ((uri: ServiceUriInput, params?: ExecuteParams<object>) => executeService(core, uri, params)) as ServicesApi['execute'],
    transform: (uri, params) => transformService(core, uri, params),
    validate: (uri, params) => validateService(core, uri, params),
    getSchema: (uri, options) => getServiceSchema(core, uri, options),
    getMetadata: (uri, options) => getServiceMetadata(core, uri, options),
    getVersions: (uri, options) => getServiceVersions(core, uri, options),
    getSwagger: ((uri: ServiceUriInput, params?: GetSwaggerParams) => getServiceSwagger(core, uri, params)) as ServicesApi['getSwagger'],
    search: (params) => searchServices(core, params),
    searchAll: (params) => searchAllServices(core, params),
    download: (uri, params) => downloadService(core, uri, params),
    recompile: (uri, params) => recompileService(core, uri, params),
    create: (params) => createService(core, params),
    compile: (params) => compileService(core, params),
    publish: (params) => publishService(core, params),
    compilation: {
      initiate: (params) => initiateCompilation(core, params),
      getStatus: (uri, params) => getCompilationStatus(core, uri, params),
    },
    delete: (uri, options) => deleteService(core, uri, options),
    exists: (uri, options) => serviceExists(core, uri, options),
  };
}

/**
 * The services plugin: `createClient(opts).use(services)` adds `client.services`.
 *
 * @example
 * const spark = createClient({ baseUrl, auth: apiKey(key) }).use(services);
 * const { outputs } = await spark.services.execute('my-folder/my-service', { inputs: { x: 1 } });
 */
export const services: SparkPlugin<'services', ServicesApi> = { key: 'services', create: createServicesApi };

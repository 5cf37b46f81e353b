export { generateServiceTypes, describeServiceTypes, type GenerateServiceTypesOptions } from './generate-service-types.js';
export { printServiceTypes, type PrintServiceTypesOptions } from './print-service-types.js';
export { serviceTypeSource } from './service-type-source.js';
export type { ServiceTypeSource, ServiceDocuments } from './types.js';

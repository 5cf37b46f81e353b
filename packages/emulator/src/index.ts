export { startEmulator } from './emulator.js';
export type {
  AddModelOptions,
  BatchOptions,
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  FaultRule,
  JsonObject,
  ModelDefinition,
  ModelFn,
  ModelInput,
  ModelMeta,
  RecordedRequest,
  ServiceRecord,
} from './types.js';

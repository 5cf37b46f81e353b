import type { Route } from '../server/router.js';
import type { EmulatorState } from '../state/state.js';
import type { BatchManager } from '../batch/manager.js';
import { systemRoutes } from './system.js';
import { folderRoutes } from './folders.js';
import { categoryRoutes } from './categories.js';
import { compileRoutes } from './services-compile.js';
import { serviceInfoRoutes } from './services-info.js';
import { executeV3Routes } from './execute-v3.js';
import { executeV4Routes } from './execute-v4.js';
import { validationRoutes } from './validation.js';
import { transformRoutes } from './transforms.js';
import { batchRoutes } from './batches.js';
import { logRoutes } from './logs.js';
import { wasmDownloadRoutes } from './wasm-download.js';
import { impexRoutes } from './impex.js';
import { hybridRoutes } from './hybrid.js';

/** The complete route table. */
export function allRoutes(state: EmulatorState, batches: BatchManager): Route[] {
  return [
    ...systemRoutes(state),
    ...hybridRoutes(state),
    ...folderRoutes(state),
    ...categoryRoutes(state),
    ...compileRoutes(state),
    ...serviceInfoRoutes(state),
    ...executeV3Routes(state),
    ...executeV4Routes(state),
    ...validationRoutes(state),
    ...transformRoutes(state),
    ...batchRoutes(batches),
    ...logRoutes(state),
    ...wasmDownloadRoutes(state),
    ...impexRoutes(state),
  ];
}

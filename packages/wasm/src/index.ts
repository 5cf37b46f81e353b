export { downloadWasm, wasmPath } from './download-wasm.js';
export { wasm, createWasmApi, type WasmApi } from './plugin.js';

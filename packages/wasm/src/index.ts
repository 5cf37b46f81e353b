export { downloadWasm, wasmPath, type DownloadWasmOptions } from './download-wasm.js';
export { wasm, createWasmApi, type WasmApi } from './plugin.js';

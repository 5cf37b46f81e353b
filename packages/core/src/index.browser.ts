// The `browser` export condition (see package.json): the default build, with a createClient
// that reads no environment variables (client/create-client.browser.ts).
export * from './public-api.js';
export { createClient } from './client/create-client.browser.js';
export { toUploadBlob } from './upload/to-upload-blob.js';

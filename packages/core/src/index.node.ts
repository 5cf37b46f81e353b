export * from './public-api.js';
export { createClient } from './client/create-client.node.js';
export { toUploadBlob } from './upload/to-upload-blob.node.js';

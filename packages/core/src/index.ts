export * from './public-api.js';
export { createClient } from './client/create-client.js';
export { toUploadBlob } from './upload/to-upload-blob.js';

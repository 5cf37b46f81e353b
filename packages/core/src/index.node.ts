export * from './public-api.js';
export { createClient } from './client/create-client.node.js';

export * from './index.js';
export { createClient } from './client/create-client.node.js';

import { defineConfig, defaultClientConditions, type Plugin } from 'vite';

/** Modules that only make sense in Node (core's `node` entry and its node:http pool). */
const NODE_ONLY = /[\\/]core[\\/]dist[\\/].*\.node\.js$|node-transport|write-file\.node/;

/** Fails the build when a Node-only module of the SDK reaches the browser bundle. */
function forbidNodeOnly(): Plugin {
  return {
    name: 'spark:forbid-node-only',
    enforce: 'pre',
    load(id) {
      if (NODE_ONLY.test(id)) this.error(`Node-only module in the browser bundle: ${id} (check resolve.conditions)`);
      return null;
    },
  };
}

/**
 * Browser build of the demo page. `@spark/core` exports a `node` condition (a node:http
 * connection pool) and a `default` one (global fetch): a browser bundle must take `default`.
 * Vite's client conditions never include `node`; they are spelled out here, and a plugin
 * fails the build if Node-only SDK code is ever pulled in (the e2e test checks the output too).
 */
export default defineConfig({
  base: './',
  plugins: [forbidNodeOnly()],
  resolve: {
    conditions: [...defaultClientConditions],
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});

import { defineConfig, defaultClientConditions } from 'vite';

/**
 * Browser build of the demo page. `@spark/core` exports a `node` condition (a node:http
 * connection pool) and a `default` one (global fetch): a browser bundle must take `default`.
 * Vite's client conditions never include `node`; they are spelled out here so that a change
 * of defaults cannot pull Node-only code into the page (the e2e test also checks the bundle).
 */
export default defineConfig({
  base: './',
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

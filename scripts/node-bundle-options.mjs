// The esbuild options of every Node bundle the repository builds: the SDK packages' dist/index.node.js
// (scripts/build-package.mjs) and the `spark` CLI's dist/main.js (apps/cli/scripts/build.mjs).
// No minifyWhitespace: a bundle keeps one statement per line, so the source line Node prints above an
// uncaught error's stack is one line of code, not the whole bundle, and stack traces name real lines
// (DESIGN §10). The source map (read by `node --enable-source-maps`) points them at src/.
export const NODE_BUNDLE = Object.freeze({
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

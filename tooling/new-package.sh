#!/usr/bin/env bash
# Scaffolds a resource package packages/<dir> as @spark/<dir>, built like every other package
# (scripts/README.md): tsc per-file output for browsers and bundlers plus one esbuild Node
# bundle (scripts/build-package.mjs), an API report (scripts/api-report.mjs), vitest beside the
# source, @spark/core as a peer. It writes a plugin skeleton to replace with real operations.
#   tooling/new-package.sh <dir> "<description>" [repository root, default: this checkout]
set -euo pipefail
dir=${1:?usage: tooling/new-package.sh <dir> "<description>" [root]}
desc=${2:?a one-line description is required}
root=${3:-$(cd "$(dirname "$0")/.." && pwd)}
p=$root/packages/$dir
if [ -e "$p" ]; then echo "$p already exists" >&2; exit 1; fi
mkdir -p "$p/src"
cat > "$p/package.json" <<JSON
{
  "name": "@spark/$dir",
  "version": "0.1.0",
  "description": "$desc",
  "license": "Apache-2.0",
  "type": "module",
  "sideEffects": false,
  "exports": {
    ".": {
      "types": "./dist/index.d.ts",
      "node": "./dist/index.node.js",
      "default": "./dist/index.js"
    },
    "./package.json": "./package.json"
  },
  "files": [
    "dist"
  ],
  "engines": {
    "node": ">=20.19.0"
  },
  "scripts": {
    "build": "node ../../scripts/build-package.mjs",
    "typecheck": "tsc -p tsconfig.json --noEmit",
    "test": "vitest run",
    "api:check": "node ../../scripts/api-report.mjs",
    "api:update": "node ../../scripts/api-report.mjs --update"
  },
  "peerDependencies": {
    "@spark/core": "workspace:^"
  },
  "devDependencies": {
    "@spark/core": "workspace:*",
    "@spark/test-utils": "workspace:*"
  }
}
JSON
cat > "$p/tsconfig.json" <<'JSON'
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "noEmit": true, "types": ["node"] },
  "include": ["src", "test", "*.config.ts"]
}
JSON
cat > "$p/tsconfig.build.json" <<'JSON'
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist", "types": ["node"] },
  "include": ["src"],
  "exclude": ["src/**/*.test.ts", "src/**/*.test-d.ts", "src/test-utils"]
}
JSON
cat > "$p/vitest.config.ts" <<'TS'
import { sparkTestConfig } from '../../vitest.shared.js';

export default sparkTestConfig();
TS
key=$(printf '%s' "$dir" | sed -E 's/-([a-z])/\U\1/g')
type=$(printf '%s' "$key" | sed -E 's/^(.)/\U\1/')Api
cat > "$p/src/plugin.ts" <<TS
import type { SparkCore, SparkPlugin } from '@spark/core';

/** The \`$key\` namespace of a client: one method per operation of this package. */
export interface $type {
  /** The client this namespace is bound to. */
  readonly core: SparkCore;
}

/**
 * Binds the $dir operations to one client.
 *
 * @example
 * const api = create$type(spark);
 */
export function create$type(core: SparkCore): $type {
  return { core };
}

/**
 * The $dir plugin: \`createClient(opts).use($key)\` adds \`client.$key\`.
 *
 * @example
 * const spark = createClient({ baseUrl, apiKey }).use($key);
 */
export const $key: SparkPlugin<'$key', $type> = { key: '$key', create: create$type };
TS
cat > "$p/src/index.ts" <<TS
export { $key, create$type, type $type } from './plugin.js';
TS
cat > "$p/README.md" <<MD
# @spark/$dir

$desc

Operations take a client first and \`{ signal, timeout }\` (\`CallOptions\` from \`@spark/core\`) last.
MD
echo "scaffolded $p: run pnpm install, write the operations, then pnpm --filter @spark/$dir build && pnpm --filter @spark/$dir api:update"

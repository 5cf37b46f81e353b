#!/usr/bin/env bash
# Scaffolds packages/<dir> as @spark/<dir>: ESM-only, per-file tsc output, vitest beside the source.
set -euo pipefail
dir=$1; desc=$2; deps=${3:-}
p=packages/$dir
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
    ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
    "./package.json": "./package.json"
  },
  "files": ["dist"],
  "engines": { "node": ">=20.19.0" },
  "scripts": {
    "build": "tsc -p tsconfig.build.json",
    "typecheck": "tsc -p tsconfig.json --noEmit",
    "test": "vitest run"
  }$deps
}
JSON
cat > "$p/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "noEmit": true, "types": ["node"] },
  "include": ["src", "test", "*.config.ts"]
}
JSON
cat > "$p/tsconfig.build.json" <<JSON
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

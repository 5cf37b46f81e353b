import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');

/**
 * Type-checks files with the real `tsc` under `strict` and `skipLibCheck: false`, in a
 * temporary folder inside this package (so `@spark/core` and `@spark/services` resolve to
 * the workspace's built packages). Resolves with tsc's exit code and output.
 */
export async function typecheck(files: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(join(packageDir, '.typecheck-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const compilerOptions = {
      target: 'ES2022', lib: ['ES2022', 'DOM', 'ESNext.Disposable'], module: 'NodeNext', moduleResolution: 'NodeNext',
      strict: true, skipLibCheck: false, noEmit: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, types: [],
    };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
    return await new Promise((resolve) => {
      execFile(process.execPath, [tsc, '-p', dir], (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

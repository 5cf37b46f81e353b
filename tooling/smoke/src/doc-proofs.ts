import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { sourceFiles } from './import-cycles.js';

/** Test files and folders a proof cell names: full paths, or a bare `name.test.ts`. */
const NAMED = /`((?:packages|apps|tooling)\/[^`\s]+|[\w.-]+\.test\.ts)`/g;
/** Test names a proof cell quotes. */
const QUOTED = /"([^"]+)"/g;

function testFiles(root: string): string[] {
  return ['packages', 'apps', 'tooling'].flatMap((group) => sourceFiles(join(root, group))).filter((f) => f.endsWith('.test.ts'));
}

/**
 * The proofs of a guarantees document (docs/security.md) that do not hold: in every table whose
 * last column is "proof (test)", each named test file or folder must exist (a bare
 * `name.test.ts` must be one file of the repository), and each quoted test name must be in one
 * of the files the cell names, or the previous row's files when the cell says "same file".
 * @returns one line per broken proof, e.g. `docs/security.md:12: no file packages/x/test/y.test.ts`
 * @example missingProofs(ROOT, 'docs/security.md') // []
 */
export function missingProofs(root: string, doc: string): string[] {
  const all = testFiles(root);
  const bad: string[] = [];
  let inProofTable = false;
  let previous: string[] = [];
  readFileSync(join(root, doc), 'utf8').split('\n').forEach((line, i) => {
    const where = `${doc}:${i + 1}`;
    if (!line.startsWith('|')) return void (inProofTable = false);
    const cells = line.split(' | ');
    if (/proof \(test\) \|$/.test(line)) return void (inProofTable = true);
    if (!inProofTable || line.startsWith('| ---')) return;
    const proof = cells.at(-1) ?? '';
    const files: string[] = [];
    for (const [, name] of proof.matchAll(NAMED)) {
      const found = name!.includes('/') ? (existsSync(join(root, name!)) ? [join(root, name!)] : []) : all.filter((f) => basename(f) === name);
      if (found.length !== 1) bad.push(`${where}: ${found.length === 0 ? 'no file' : 'several files named'} ${name}`);
      files.push(...found);
    }
    const same = files.length === 0 && /same file/.test(proof);
    // A row whose proof names no test file (left out, without backticks, not `.test.ts`) proves nothing.
    if (files.length === 0 && !same && !bad.some((b) => b.startsWith(`${where}:`))) bad.push(`${where}: the proof names no test file`);
    const scope = files.length > 0 ? files : same ? previous : [];
    const texts = scope.filter((f) => statSync(f).isFile()).map((f) => readFileSync(f, 'utf8'));
    for (const [, quoted] of proof.matchAll(QUOTED)) {
      if (!texts.some((t) => t.includes(quoted!))) bad.push(`${where}: no test "${quoted}" in ${scope.map((f) => relative(root, f)).join(', ') || '(no file named)'}`);
    }
    previous = scope;
  });
  return bad;
}

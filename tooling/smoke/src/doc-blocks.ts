import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './packages.js';

/** One fenced ts/js code block of a markdown file. */
export interface DocBlock {
  /** `docs/services.md:17` (the line of the opening fence), relative to the repo root. */
  where: string;
  lang: 'ts' | 'js';
  /** Info-string tag `tenant`: needs a real Spark tenant (or hybrid runner), so it is type-checked, not run. */
  tenant: boolean;
  /**
   * Info-string tag `file=NAME` (```ts file=spark-types.ts): the block is also saved under that
   * name beside the others, so that a later block can import it (`./spark-types.js`).
   */
  saveAs?: string;
  code: string;
  /** 1-based line of the block's first code line in the markdown file. */
  firstLine: number;
}

const LANGS: Record<string, 'ts' | 'js'> = { ts: 'ts', typescript: 'ts', js: 'js', javascript: 'js' };

/**
 * The markdown files whose code blocks are checked: README.md, docs/*.md and the READMEs of
 * packages/* and apps/*.
 *
 * @returns absolute paths
 * @example
 * docFiles().length; // 35
 */
export function docFiles(): string[] {
  const readmes = (base: string) =>
    readdirSync(join(ROOT, base)).map((d) => join(ROOT, base, d, 'README.md')).filter((f) => existsSync(f));
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f));
  return [join(ROOT, 'README.md'), ...docs.sort(), ...readmes('packages').sort(), ...readmes('apps').sort()];
}

/**
 * Extracts the fenced `ts`/`typescript`/`js`/`javascript` blocks of a markdown file; the
 * info string may add the tag `tenant` (```ts tenant) for a block that needs a real tenant,
 * and `file=NAME` for a block that others import under that name.
 *
 * @param file - absolute path of a markdown file
 * @returns its blocks in order
 * @example
 * extractBlocks(join(ROOT, 'README.md'))[0].where; // 'README.md:31'
 */
export function extractBlocks(file: string): DocBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', info = '', tags = ''] = open;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(`${indent}${fence}`) && l.trim() === fence);
    if (end === -1) break;
    const lang = LANGS[info.toLowerCase()];
    if (lang) {
      const saveAs = /(?:^|\s)file=([\w.-]+\.ts)(?:\s|$)/.exec(tags)?.[1];
      blocks.push({
        where: `${relative(ROOT, file)}:${i + 1}`,
        lang,
        tenant: tags.split(/\s+/).includes('tenant'),
        ...(saveAs ? { saveAs } : {}),
        code: lines.slice(i + 1, end).map((l) => l.slice(indent.length)).join('\n'),
        firstLine: i + 2,
      });
    }
    i = end;
  }
  return blocks;
}

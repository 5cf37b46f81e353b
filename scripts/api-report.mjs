// Writes or checks a package's API report (run from the package folder, after its build):
//   node ../../scripts/api-report.mjs            checks: fails when api/*.api.md differs from
//                                                 what dist/*.d.ts exports (`pnpm api:update`)
//   node ../../scripts/api-report.mjs --update   rewrites api/*.api.md
// One report per public entry point (`exports` with a `types` condition, except ./valibot, a
// re-export of valibot itself), made by @microsoft/api-extractor from the built declarations.
// A change to what a package exports then shows in review as a diff of its report.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel, ExtractorMessageCategory } from '@microsoft/api-extractor';

const dir = process.cwd();
const update = process.argv.includes('--update');
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const base = pkg.name.replace(/^@[^/]+\//, '');
const entries = Object.entries(pkg.exports ?? {}).filter(([key, value]) => key !== './valibot' && typeof value === 'object' && value.types);
mkdirSync(join(dir, 'api'), { recursive: true });

let failed = false;
for (const [key, value] of entries) {
  const name = key === '.' ? base : `${base}-${key.slice(2).replaceAll('/', '-')}`;
  const config = ExtractorConfig.prepare({
    packageJsonFullPath: join(dir, 'package.json'),
    configObjectFullPath: join(dir, 'api-extractor.json'), // virtual: the config is this object
    configObject: {
      projectFolder: dir,
      mainEntryPointFilePath: join(dir, value.types),
      compiler: { tsconfigFilePath: join(dir, existsSync(join(dir, 'tsconfig.build.json')) ? 'tsconfig.build.json' : 'tsconfig.json') },
      apiReport: { enabled: true, reportFileName: `${name}.api.md`, reportFolder: join(dir, 'api'), reportTempFolder: join(dir, 'dist/api-temp') },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        // The report records API shape only; release tags (@public, @beta) are not used here.
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          'ae-missing-release-tag': { logLevel: 'none' },
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          'ae-undocumented': { logLevel: 'none' },
          'ae-unresolved-link': { logLevel: 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false, messageCallback: quiet });
  if (!result.succeeded) {
    failed = true;
    if (result.apiReportChanged) console.error(`${pkg.name}${key.slice(1)}: api/${name}.api.md is out of date; run \`pnpm api:update\` and commit it`);
  }
}
if (failed) process.exitCode = 1;

/** Keeps api-extractor's own chatter (its TypeScript version, "analysis will use…") off the log. */
function quiet(message) {
  if (message.category === ExtractorMessageCategory.Console && message.logLevel !== ExtractorLogLevel.Error) message.handled = true;
}

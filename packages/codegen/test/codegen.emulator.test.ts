import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkSdkError, type SparkClient } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { samplePath } from '@spark/test-utils';
import { generateServiceTypes } from '../src/index.js';
import { typecheck } from './compile.js';

const SERVICES = ['my-folder/volume-cylinder', 'my-folder/loan-payment', 'wasm-folder/volume-cylinder'];
const USE = `import { createClient } from '@spark/core';
import { executeService } from '@spark/services';
import { loanPayment, wasmFolderVolumeCylinder } from './spark-types.js';

export async function use(): Promise<number> {
  using spark = createClient({ baseUrl: 'http://127.0.0.1:9/t', apiKey: 'k' });
  const loan = await executeService(spark, loanPayment, { inputs: { principal: 1000, years: 15 } });
  const volume = await executeService(spark, wasmFolderVolumeCylinder, { inputs: [{ radius: 1 }, { height: 2 }] });
  return loan.outputs[0]!.payment + volume.outputs[1]!.volume;
}
`;

const emu = withEmulator();
let spark: SparkClient;
let code: string;
beforeAll(async () => {
  // The real WASM model of the SDK docs, as the emulator's own tests load it.
  await emu.loadWasmPackage('wasm-folder/volume-cylinder', new Uint8Array(readFileSync(samplePath('volume-cylinder.zip'))));
  spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey });
  code = await generateServiceTypes(spark, SERVICES);
}, 60_000);
afterAll(async () => {
  spark?.close();
});

describe('generateServiceTypes against the emulator', () => {
  it('types a JS model: optional inputs with descriptions and defaults, required outputs, a descriptor', () => {
    expect(code).toContain('import { defineService } from "@spark/core";');
    expect(code).toContain(
      'export interface MyFolderVolumeCylinderInputs {\n  /**\n   * Height of the cylinder\n   * @default 4\n   */\n  height?: number;\n',
    );
    expect(code).toContain('export interface MyFolderVolumeCylinderOutputs {\n  volume: number;\n}');
    expect(code).toContain(
      'export const myFolderVolumeCylinder = defineService<MyFolderVolumeCylinderInputs, MyFolderVolumeCylinderOutputs>("my-folder/volume-cylinder");',
    );
  });

  it('turns validation rules into enums and @minimum / @maximum', () => {
    expect(code).toContain('   * @default 0.05\n   * @minimum 0\n   * @maximum 1\n   */\n  annual_rate?: number;');
    expect(code).toContain('years?: 10 | 15 | 20 | 25 | 30;');
    expect(code).toContain('export interface LoanPaymentOutputs {\n  payment: number;\n  total_paid: number;\n}');
    expect(code).toContain('export const loanPayment = defineService<LoanPaymentInputs, LoanPaymentOutputs>("my-folder/loan-payment");');
  });

  it('types the real WASM model from its own package metadata', () => {
    expect(code).toContain('export interface WasmFolderVolumeCylinderInputs {\n  /**\n   * Height of the cylinder\n   * @default 4\n   */\n  height?: number;');
    expect(code).toContain('   * Radius of the cylinder\n   * @default 7\n   */\n  radius?: number;');
    expect(code).toContain('export interface WasmFolderVolumeCylinderOutputs {\n  volume: number;\n}');
  });

  it('is stable: the same services give the same bytes', async () => {
    expect(await generateServiceTypes(spark, SERVICES)).toBe(code);
  });

  it('embeds the input schema for validate: true only when asked', async () => {
    const withSchema = await generateServiceTypes(spark, ['my-folder/loan-payment'], { schema: true, importFrom: '@spark/sdk' });
    expect(withSchema).toContain('import { defineService } from "@spark/sdk";\nimport { checkInputs } from "@spark/sdk";\n');
    expect(withSchema).toContain(
      'defineService<LoanPaymentInputs, LoanPaymentOutputs>("my-folder/loan-payment", { inputSchema: {"type":"object","additionalProperties":false,' +
        '"properties":{"principal":{"type":"number","minimum":0},"annual_rate":{"type":"number","minimum":0,"maximum":1},"years":{"type":"number","enum":[10,15,20,25,30]}}}, checkInputs });',
    );
  });

  it('compiles under strict and skipLibCheck: false; wrong inputs and unknown outputs do not', async () => {
    const bad = USE.replace('years: 15', 'years: 12').replace('volume.outputs[1]!.volume', 'volume.outputs[1]!.area') +
      "\nimport type { LoanPaymentInputs } from './spark-types.js';\nexport const wrong: LoanPaymentInputs = { principal: '1000' };\n";
    // With the embedded schemas and checker, so both forms of the file are compiled.
    const withSchema = await generateServiceTypes(spark, SERVICES, { schema: true });
    const result = await typecheck({ 'spark-types.ts': withSchema, 'use.ts': USE, 'bad.ts': bad });
    const errors = result.output.trim().split('\n').filter((line) => /error TS/.test(line));
    // use.ts and the generated file are clean; every error is in bad.ts, where it was put.
    expect(errors.map((line) => line.replace(/^.*?(\w+\.ts\(\d+),\d+\): (error TS\d+).*$/, '$1): $2'))).toEqual([
      'bad.ts(7): error TS2769',
      'bad.ts(9): error TS2339',
      'bad.ts(13): error TS2322',
    ]);
    expect(result.output).toContain("Property 'area' does not exist on type 'WasmFolderVolumeCylinderOutputs'");
    expect(result.output).toContain("Type 'string' is not assignable to type 'number'");
  }, 90_000);

  it('refuses an empty list and reports a missing service as Spark does', async () => {
    await expect(generateServiceTypes(spark, [])).rejects.toThrow(SparkSdkError);
    await expect(generateServiceTypes(spark, ['my-folder/volume-cylinder', 'my-folder/volume-cylinder'])).rejects.toThrow(/listed twice/);
    await expect(generateServiceTypes(spark, ['my-folder/nope'])).rejects.toMatchObject({ status: 404 });
  });
});

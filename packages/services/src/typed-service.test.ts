import { describe, expect, it } from 'vitest';
import { defineService, SparkSdkError, type ServiceInputSchema } from '@spark/core';
import { json, recorder, testClient, v3 } from '@spark/test-utils';
import { checkInputs } from './check-inputs.js';
import { executeService } from './execute-service.js';

const schema: ServiceInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['radius', 'height'],
  properties: {
    radius: { type: 'number', minimum: 0 },
    height: { type: 'number', maximum: 100 },
    shape: { type: 'string', enum: ['round', 'flat'] },
    rows: { type: 'array', items: { type: 'object', properties: { age: { type: 'integer' } } } },
  },
};
interface Inputs { radius: number; height: number; shape?: 'round' | 'flat'; rows?: { age?: number }[] }
const checked = defineService<Inputs, { volume: number }>('my-folder/volume-cylinder', { inputSchema: schema, checkInputs, validate: true });
const plain = defineService<Inputs, { volume: number }>('my-folder/volume-cylinder', { inputSchema: schema, checkInputs });
const REPLY = v3({ outputs: { volume: 37.7 }, warnings: null, errors: null, service_chain: [] }, { version_id: 'vid', call_id: 'cid' });

describe('executeService with a typed descriptor', () => {
  it('sends to the descriptor\'s URI, exactly as the string form would', async () => {
    const rec = recorder(json(REPLY));
    const result = await executeService(testClient(rec.fetch), plain, { inputs: { radius: 2, height: 3 } });
    expect(rec.last.path).toBe('/my-tenant/api/v3/folders/my-folder/services/volume-cylinder/execute');
    expect(rec.last.json).toMatchObject({ request_data: { inputs: { radius: 2, height: 3 } } });
    expect(result.outputs[0]!.volume).toBe(37.7);
  });

  it.each([
    [{ radius: 'x', height: 3 }, '"inputs.radius" must be a number (got "x")'],
    [{ radius: -1, height: 3 }, '"inputs.radius" must be at least 0 (got -1)'],
    [{ radius: 1, height: 101 }, '"inputs.height" must be at most 100 (got 101)'],
    [{ radius: 1 }, '"inputs.height" is required'],
    [{ radius: 1, height: 2, shape: 'square' }, '"inputs.shape" must be one of "round", "flat" (got "square")'],
    [{ radius: 1, height: 2, heigth: 2 }, '"inputs.heigth" is not an input of this service (inputs: radius, height, shape, rows)'],
    [{ radius: 1, height: 2, rows: [{ age: 1 }, { age: 1.5 }] }, '"inputs.rows[1].age" must be an integer (got 1.5)'],
  ])('validate: true on the descriptor rejects %j before sending', async (inputs, message) => {
    const rec = recorder(json(REPLY));
    const call = executeService(testClient(rec.fetch), checked, { inputs: inputs as unknown as Inputs });
    await expect(call).rejects.toThrow(SparkSdkError);
    await expect(call).rejects.toThrow(`services.execute: ${message}`);
    expect(rec.calls).toHaveLength(0);
  });

  it('names the record of a many-record (v4) call', async () => {
    const rec = recorder(json({ outputs: [] }));
    const call = executeService(testClient(rec.fetch), plain, { inputs: [{ radius: 1, height: 2 }, { radius: 1, height: '2' as unknown as number }], validate: true });
    await expect(call).rejects.toThrow('services.execute: "inputs[1].height" must be a number (got "2")');
    expect(rec.calls).toHaveLength(0);
  });

  it('the call\'s validate: false overrides the descriptor, and valid inputs are sent', async () => {
    const rec = recorder(json(REPLY), json(REPLY));
    await executeService(testClient(rec.fetch), checked, { inputs: { radius: 1, height: 2, heigth: 3 } as Inputs, validate: false });
    await executeService(testClient(rec.fetch), checked, { inputs: { radius: 1, height: 2, shape: 'flat', rows: [{ age: 3 }] } });
    expect(rec.calls).toHaveLength(2);
  });

  it('validate without a schema is a clear error, not a silent pass', async () => {
    const rec = recorder(json(REPLY));
    await expect(executeService(testClient(rec.fetch), 'my-folder/volume-cylinder', { inputs: { radius: 1 }, validate: true })).rejects.toThrow(
      'services.execute: "validate" needs a service descriptor with an inputSchema and checkInputs',
    );
    expect(rec.calls).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { applyTemplate } from './json-transform.js';

describe('applyTemplate (JSONtransforms subset)', () => {
  it('maps quoted and dotted paths with >= guards', () => {
    const t = "{'radius':$.'radius_field'>=0?$.'radius_field','height':$.'height_field'>=0?$.'height_field'}";
    expect(applyTemplate(t, { radius_field: 2, height_field: 3 })).toEqual({ radius: 2, height: 3 });
    expect(applyTemplate(t, { radius_field: -1, height_field: 3 })).toEqual({ height: 3 });
    expect(applyTemplate("{'v':$.response_data.outputs.volume, 'k': 'const', n: 5}", { response_data: { outputs: { volume: 9 } } })).toEqual({ v: 9, k: 'const', n: 5 });
  });

  it('returns undefined for unsupported expressions', () => {
    expect(applyTemplate("{'a': $sum($.x)}", {})).toBeUndefined();
    expect(applyTemplate('$.x', {})).toBeUndefined();
  });
});

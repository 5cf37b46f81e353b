import { describe, expect, it } from 'vitest';
import { resumeCommand } from './run-report.js';

describe('resumeCommand', () => {
  it('repeats the command with --resume, secrets masked, --force dropped, shell-quoted', () => {
    expect(
      resumeCommand(['batch', 'run', 'f/s', '-i', 'my file.csv', '-o', 'out.csv', '--api-key', 'k1', '--token=t1', '--force', '-H', 'Authorization: Bearer x', '-H', 'x-trace: 1']),
    ).toBe("spark batch run f/s -i 'my file.csv' -o out.csv --api-key '…' --token='…' -H '…' -H 'x-trace: 1' --resume");
    expect(resumeCommand(['batch', 'run', 'f/s', '--resume'])).toBe('spark batch run f/s --resume');
  });
});

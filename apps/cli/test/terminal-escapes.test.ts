import { describe, expect, it } from 'vitest';
import { fakeSpark } from './fake-spark.js';
import { cleanEnv, runCli } from './helpers.js';

// A hostile Spark whose strings carry terminal controls: OSC 52 (write the clipboard), clear the
// screen, a carriage return that overwrites the line, a C1 CSI, and a right-to-left override.
const OSC52 = '\x1b]52;c;cm0gLXJmIH4=\x07';
const NOTE = `${OSC52}done\x1b[2J\rok\u009b31m\u202egnp.exe`;
const WARNING = '\x1b[1A\x1b[2Kall good';
const FAILURE = 'bad\x1b]0;owned\x07 input';

const spark = fakeSpark('escapes', (req, res) => {
  req.resume();
  const fail = req.url!.includes('/broken/');
  const body = fail
    ? { status: 'Error', error: { message: FAILURE }, response_data: null, response_meta: {} }
    : { status: 'Success', response_data: { outputs: { note: NOTE }, warnings: [{ message: WARNING }] }, response_meta: { version_id: 'v', call_id: 'c' }, error: null };
  res.writeHead(fail ? 422 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});

const execute = (service: string, ...flags: string[]) =>
  runCli(['services', 'execute', service, '--inputs', '{"radius":1}', '--base-url', spark.baseUrl, '--api-key', 'k', '--max-retries', '0', ...flags], cleanEnv(spark.root));
/** Any character a terminal acts on, other than tab and newline. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('server strings in human output', () => {
  it('reach the terminal as visible escapes: outputs on stdout, warnings on stderr', async () => {
    const { code, stdout, stderr } = await execute('f/cylinder');
    expect(code, stderr).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    expect(stderr).not.toMatch(CONTROL);
    expect(stdout).toContain('note: \\x1b]52;c;cm0gLXJmIH4=\\x07done\\x1b[2J\\x0dok\\x9b31m\\u202egnp.exe');
    expect(stderr).toContain('warning: \\x1b[1A\\x1b[2Kall good');
  });

  it('an error message from the server is escaped in the error line', async () => {
    const { code, stderr } = await execute('f/broken');
    expect(code).not.toBe(0);
    expect(stderr).not.toMatch(CONTROL);
    expect(stderr).toContain('bad\\x1b]0;owned\\x07 input');
  });

  it('--json keeps every string exactly as the server sent it', async () => {
    const { code, stdout } = await execute('f/cylinder', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { outputs: { note: string }[]; warnings: { message: string }[][] };
    expect(result.outputs[0]!.note).toBe(NOTE);
    expect(result.warnings[0]![0]!.message).toBe(WARNING);
  });
});

// The floor for a `spark` command: one fresh Node process that makes the same call with raw
// node:http and prints the answer. Arguments: <baseUrl with tenant> <apiKey> [health | execute]
import http from 'node:http';

const [baseUrl, apiKey, what = 'health'] = process.argv.slice(2);
const base = new URL(baseUrl);
const health = what === 'health';
const path = health ? '/health' : `${base.pathname}/api/v3/folders/my-folder/services/volume-cylinder/execute`;
const body = health ? undefined : JSON.stringify({ request_data: { inputs: { radius: 2, height: 3 } }, request_meta: { call_purpose: 'Single Execution' } });
const headers = health ? {} : { 'content-type': 'application/json', 'x-synthetic-key': apiKey, 'x-tenant-name': base.pathname.slice(1) };
const req = http.request(new URL(path, base), { method: health ? 'GET' : 'POST', headers }, (res) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => {
    const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    console.log(health ? json.status : json.response_data.outputs.volume);
  });
});
req.end(body);

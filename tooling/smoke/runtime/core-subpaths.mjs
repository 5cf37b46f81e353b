// Imports `@spark/core/valibot` and `@spark/core/wire` beside `@spark/core` in Node and prints one
// JSON line: each subpath's export names next to its default (tsc) build's, and whether errors
// made through them are core's own classes (one SparkSdkError, one SparkApiError in Node).
import * as core from '@spark/core';
import * as valibot from '@spark/core/valibot';
import * as wire from '@spark/core/wire';

const names = (mod) => Object.keys(mod).sort();
const defaultBuild = async (file) => names(await import(new URL(`../node_modules/@spark/core/dist/${file}`, import.meta.url).href));
const thrown = (fn) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};
const badTimeout = thrown(() => wire.checkCallOptions({ timeout: -1 }, 'smoke.call'));
const badField = thrown(() => core.parseParams(valibot.object({ name: valibot.string() }), { name: 1 }, 'smoke.parse'));
const answered = { status: 200, url: 'http://127.0.0.1/x', requestId: 'r-1', data: null, headers: new Headers() };
console.log(JSON.stringify({
  valibot: names(valibot),
  valibotDefault: await defaultBuild('valibot-functions.js'),
  wire: names(wire),
  wireDefault: await defaultBuild('wire.js'),
  timeoutIsSdkError: badTimeout instanceof core.SparkSdkError,
  timeoutMessage: badTimeout?.message,
  fieldIsSdkError: badField instanceof core.SparkSdkError,
  fieldMessage: badField?.message,
  responseIsApiError: wire.responseError('smoke.get', 'GET', answered, 'no id') instanceof core.SparkApiError,
}));

export { recorder, type RecordedCall, type Recorder, type Reply } from './recorder.js';
export { bytes, json, ok, v3 } from './responses.js';
export { BASE, ORIGIN, testClient } from './client.js';
export { rejection } from './rejection.js';
export { repositoryRoot, samplePath } from './samples.js';
export { eventually, within } from './waits.js';

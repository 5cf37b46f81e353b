export { recorder, type RecordedCall, type Recorder, type Reply } from './recorder.js';
export { bytes, json, ok, v3 } from './responses.js';
export { BASE, ORIGIN, rejection, testClient } from './client.js';
export { repositoryRoot, samplePath } from './samples.js';

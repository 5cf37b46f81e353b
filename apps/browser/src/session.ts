import { parseServiceUri, type ServiceUri, type SparkClient } from '@spark/core';
import { connect } from './connect.js';
import { keyAllowed, readPanel } from './connection-panel.js';
import { setStatus } from './dom.js';
import { explainError } from './explain-error.js';
import { PageInputError } from './page-input-error.js';
import { saveSettings, type Settings } from './settings.js';

/**
 * The page's `localStorage`, when the browser allows it.
 *
 * @returns the storage, or `undefined` when it is disabled
 * @example
 * loadSettings(location.hash, pageStorage());
 */
export function pageStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled for this page
  }
}

/**
 * Saves the fields (`localStorage`, the secret only with "remember") and mirrors the
 * shareable part in the URL hash.
 *
 * @returns the settings saved
 * @example
 * byId('base-url').addEventListener('change', persist);
 */
export function persist(): Settings {
  const settings = readPanel();
  history.replaceState(null, '', saveSettings(settings, pageStorage()));
  return settings;
}

/**
 * The service locator typed on the page (public API variant for public access).
 *
 * @param settings - the fields
 * @returns the locator
 * @example
 * serviceLocator(readPanel()); // { folder: 'my-folder', service: 'volume-cylinder' }
 */
export function serviceLocator(settings: Settings): ServiceUri {
  if (settings.service === '') throw new PageInputError('Enter a service as folder/service, or list a folder and pick one.');
  const uri = parseServiceUri(settings.service);
  return settings.auth === 'public' ? { ...uri, public: true } : uri;
}

/**
 * Runs one action of the page with a fresh client: checks the fields in order (base URL,
 * credentials), shows "running", and turns any failure into a status that says what
 * is wrong. The client is closed afterwards.
 *
 * @param running - status text while it runs
 * @param action - what to do; returns the "done" headline
 * @returns once the status shows the outcome
 * @example
 * await withClient('Loading…', async (spark, settings) => `Loaded ${settings.service}`);
 */
export async function withClient(running: string, action: (spark: SparkClient, settings: Settings) => Promise<string>): Promise<void> {
  const settings = persist();
  let spark: SparkClient | undefined;
  try {
    spark = connect(settings, keyAllowed());
    setStatus('running', running);
    setStatus('done', await action(spark, settings));
  } catch (error) {
    const { headline, detail } = explainError(error, settings.baseUrl, location.origin);
    setStatus('error', headline, detail);
  } finally {
    spark?.close();
  }
}

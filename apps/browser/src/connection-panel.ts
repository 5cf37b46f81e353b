import { byId } from './dom.js';
import type { AuthMode, Settings } from './settings.js';

/**
 * Reads the connection and service fields.
 *
 * @returns the settings as typed
 * @example
 * const settings = readPanel();
 */
export function readPanel(): Settings {
  const checked = document.querySelector<HTMLInputElement>('input[name="auth"]:checked');
  return {
    baseUrl: byId<HTMLInputElement>('base-url').value.trim(),
    auth: (checked?.value ?? 'bearer') as AuthMode,
    secret: byId<HTMLInputElement>('secret').value,
    remember: byId<HTMLInputElement>('remember').checked,
    service: byId<HTMLInputElement>('service').value.trim(),
  };
}

/**
 * Whether the "send the key from this page anyway" box is ticked (API key mode only).
 *
 * @returns the `allowBrowser` opt-in
 * @example
 * connect(readPanel(), keyAllowed());
 */
export function keyAllowed(): boolean {
  return readPanel().auth === 'apiKey' && byId<HTMLInputElement>('allow-key').checked;
}

/**
 * Shows the fields the chosen credentials need: the token or key box (hidden for public
 * access) and, for an API key, the warning with its opt-in.
 *
 * @example
 * syncAuthFields();
 */
export function syncAuthFields(): void {
  const { auth } = readPanel();
  byId('secret-row').hidden = auth === 'public';
  byId('key-warning').hidden = auth !== 'apiKey';
  byId('secret-label').textContent = auth === 'apiKey' ? 'API key' : 'Bearer token';
}

/**
 * Puts settings into the fields.
 *
 * @param settings - from `loadSettings()`
 * @example
 * fillPanel(loadSettings(location.hash, localStorage));
 */
export function fillPanel(settings: Settings): void {
  byId<HTMLInputElement>('base-url').value = settings.baseUrl;
  byId<HTMLInputElement>(`auth-${settings.auth}`).checked = true;
  byId<HTMLInputElement>('secret').value = settings.secret;
  byId<HTMLInputElement>('remember').checked = settings.remember;
  byId<HTMLInputElement>('service').value = settings.service;
  syncAuthFields();
}

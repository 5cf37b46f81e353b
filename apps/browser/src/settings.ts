/** How the page authenticates. */
export type AuthMode = 'bearer' | 'public' | 'apiKey';

/** The connection and service the page works with. */
export interface Settings {
  /** Spark base URL with the tenant, e.g. `http://127.0.0.1:3000/my-tenant`. */
  baseUrl: string;
  auth: AuthMode;
  /** The bearer token or API key (unused for public access). */
  secret: string;
  /** Keep the secret in `localStorage` too (off by default). */
  remember: boolean;
  /** `folder/service` to describe and execute. */
  service: string;
}

/** Where `spark emulator start` (and `spark-emulator`) listen by default. */
export const EMULATOR_BASE_URL = 'http://127.0.0.1:3000/my-tenant';
/** The emulator's built-in test token: a public value, useless against a real tenant. */
export const EMULATOR_TOKEN = 'test-access-token';
/** The `localStorage` entry. */
export const STORAGE_KEY = 'spark-browser-demo';

const MODES: readonly AuthMode[] = ['bearer', 'public', 'apiKey'];

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stored(storage: Storage | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Reads the settings: the URL hash (`#baseUrl=…&auth=…&service=…`, shareable, never a secret)
 * wins over `localStorage`; with neither, the emulator's defaults (its test token included, so
 * `spark emulator start` + this page works with no typing). A remembered token or key is filled
 * in only for the base URL it was remembered with.
 *
 * @param hash - `location.hash`
 * @param storage - `localStorage`, when the browser allows it
 * @returns the settings to show
 * @example
 * loadSettings('#baseUrl=http%3A%2F%2F127.0.0.1%3A3000%2Fmy-tenant', localStorage);
 */
export function loadSettings(hash: string, storage: Storage | undefined): Settings {
  const saved = stored(storage);
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const baseUrl = query.get('baseUrl') ?? text(saved['baseUrl']) ?? EMULATOR_BASE_URL;
  const mode = query.get('auth') ?? text(saved['auth']);
  const auth = MODES.find((m) => m === mode) ?? 'bearer';
  // A remembered secret belongs to the base URL it was saved with: a link whose hash names
  // another server must not get it sent there.
  const remembered = saved['secretFor'] === baseUrl ? text(saved['secret']) : undefined;
  const secret = remembered ?? (auth === 'bearer' && baseUrl === EMULATOR_BASE_URL ? EMULATOR_TOKEN : '');
  const service = query.get('service') ?? text(saved['service']) ?? 'my-folder/volume-cylinder';
  return { baseUrl, auth, secret, remember: saved['remember'] === true, service };
}

/**
 * Saves the settings to `localStorage` (the secret, tied to its base URL, only when `remember`
 * is ticked) and returns the hash that shares them (without the secret).
 *
 * @param settings - what the page shows
 * @param storage - `localStorage`, when the browser allows it
 * @returns the new `location.hash`, e.g. `#baseUrl=…&auth=bearer&service=…`
 * @example
 * history.replaceState(null, '', saveSettings(settings, localStorage));
 */
export function saveSettings(settings: Settings, storage: Storage | undefined): string {
  const { secret, ...shared } = settings;
  const entry: Record<string, unknown> = { ...shared };
  if (settings.remember && settings.auth !== 'public') Object.assign(entry, { secret, secretFor: settings.baseUrl });
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(entry));
  } catch {
    // Storage full or disabled (private mode): the hash still carries the shareable part.
  }
  return `#${new URLSearchParams({ baseUrl: settings.baseUrl, auth: settings.auth, service: settings.service })}`;
}

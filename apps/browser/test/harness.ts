import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type Emulator } from '@spark/emulator';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** The built page. */
export const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The emulator, the page's static server (another origin) and Chromium, for one test file. */
export interface Harness {
  emulator: Emulator;
  site: StaticServer;
  browser: Browser;
  /** A fresh context (own storage) with the page open at `hash`; errors collected. */
  open(hash?: string): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }>;
  /** Saves a screenshot as `browser-<name>.png` (kept in `E2E_SCREENSHOT_DIR`, else a temp dir). */
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts everything a test file needs. Fails with the fix when Chromium or `dist/` is missing.
 *
 * @returns the harness
 * @example
 * const hx = await startHarness();
 */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's chromium with ` +
        '`bash apps/browser/scripts/ensure-chromium.sh` (apt-get install -y chromium), or set CHROMIUM_PATH.',
    );
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build the page first (pnpm --filter @spark/browser-demo build).`);
  }
  const keep = process.env['E2E_SCREENSHOT_DIR'];
  const shots = keep ?? mkdtempSync(join(tmpdir(), 'spark-browser-e2e-'));
  mkdirSync(shots, { recursive: true });
  const emulator = await startEmulator({ port: 0 });
  const site = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 90_000 });
  return {
    emulator,
    site,
    browser,
    async open(hash = '') {
      const context = await browser.newContext({ viewport: { width: 820, height: 640 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${site.url}/${hash}`, { waitUntil: 'load' });
      return { context, page, pageErrors };
    },
    async shot(page, name) {
      const path = join(shots, `browser-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close();
      await site.close();
      await emulator.close();
      if (!keep) rmSync(shots, { recursive: true, force: true });
    },
  };
}

/**
 * Clicks a button and waits for the status line to settle.
 *
 * @param page - the page
 * @param selector - what to click
 * @returns the status state, its headline and its detail
 * @example
 * const { state, headline } = await clickAndWait(page, '#load');
 */
export async function clickAndWait(page: Page, selector: string): Promise<{ state: string; headline: string; detail: string }> {
  // Mark the status first, so a fast action cannot be mistaken for the previous outcome.
  await page.evaluate(() => {
    document.getElementById('status')!.dataset['state'] = 'idle';
  });
  await page.click(selector);
  await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: 30_000 });
  const status = page.locator('#status');
  return {
    state: (await status.getAttribute('data-state')) ?? '',
    headline: (await status.locator('strong').textContent()) ?? '',
    detail: (await status.locator('code').count()) ? ((await status.locator('code').textContent()) ?? '') : '',
  };
}

/**
 * Points the page at the test emulator (the one thing a user types when not on port 3000).
 *
 * @param page - the page
 * @param baseUrl - the emulator's base URL
 * @example
 * await useBaseUrl(page, hx.emulator.baseUrl);
 */
export async function useBaseUrl(page: Page, baseUrl: string): Promise<void> {
  await page.fill('#base-url', baseUrl);
  await page.dispatchEvent('#base-url', 'change');
}

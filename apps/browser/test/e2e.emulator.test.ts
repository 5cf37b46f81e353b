import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type Emulator } from '@spark/emulator';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './static-server.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const API_KEY = 'test-api-key';
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

let emulator: Emulator | undefined;
let site: StaticServer | undefined;
let browser: Browser | undefined;
let shots: string;

function pageUrl(extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ baseUrl: emulator!.baseUrl, apiKey: API_KEY, ...extra });
  return `${site!.url}/index.html?${query}`;
}

async function compute(page: Page, radius: string, height: string): Promise<{ state: string; text: string }> {
  await page.fill('#radius', radius);
  await page.fill('#height', height);
  await page.click('#run');
  await page.waitForSelector('#output[data-state="done"], #output[data-state="error"]', { timeout: 30_000 });
  const output = page.locator('#output');
  return { state: (await output.getAttribute('data-state')) ?? '', text: (await output.textContent()) ?? '' };
}

function bundleFiles(): string[] {
  const assets = join(DIST, 'assets');
  return readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => join(assets, f));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's chromium with ` +
        '`bash apps/browser/scripts/ensure-chromium.sh` (apt-get install -y chromium), or set CHROMIUM_PATH.',
    );
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build the page first (pnpm --filter @spark/browser-demo build).`);
  }
  // Screenshots go to a fresh temp dir (removed afterwards) unless E2E_SCREENSHOT_DIR keeps them.
  shots = process.env['E2E_SCREENSHOT_DIR'] ?? mkdtempSync(join(tmpdir(), 'spark-browser-e2e-'));
  mkdirSync(shots, { recursive: true });
  emulator = await startEmulator({ port: 0 });
  site = await serveStatic(DIST);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await emulator?.close();
  if (shots && !process.env['E2E_SCREENSHOT_DIR']) rmSync(shots, { recursive: true, force: true });
});

describe('browser demo (real Chromium, emulator over CORS)', () => {
  it('ships a browser bundle without Node-only code', () => {
    const code = bundleFiles().map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code.length).toBeGreaterThan(0);
    expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(code).not.toContain('__vite-browser-external');
    expect(code).toContain('volume-cylinder');
  });

  it('executes my-folder/volume-cylinder and shows the volume', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const before = emulator!.requests.length;
    await page.goto(pageUrl(), { waitUntil: 'load' });
    await expect(page.locator('#target').textContent()).resolves.toContain(emulator!.baseUrl);

    const { state, text } = await compute(page, '2', '3');
    expect(state, text).toBe('done');
    const volume = Number(text.replace(/^Volume:\s*/, ''));
    expect(volume).toBeCloseTo(Math.PI * 2 * 2 * 3, 9); // 37.699…
    expect(text).toMatch(/^Volume: 37\.699/);

    const shot = join(shots, 'volume.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(1_000);

    // The call really crossed origins: the browser sent Origin and the key, and the emulator ran v3.
    const calls = emulator!.requests.slice(before).filter((r) => r.method === 'POST' && r.path.includes('/execute'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.path).toBe(`/${emulator!.tenant}/api/v3/folders/my-folder/services/volume-cylinder/execute`);
    expect(calls[0]!.headers['origin']).toBe(site!.url);
    expect(calls[0]!.headers['x-synthetic-key']).toBe(API_KEY);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a Spark API error from the emulator (wrong key → 401)', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    await page.goto(pageUrl({ apiKey: 'wrong-key' }));
    const { state, text } = await compute(page, '1', '1');
    expect(state).toBe('error');
    expect(text).toMatch(/^SparkUnauthorizedError:/);
    await context.close();
  });

  it('refuses an API key in the browser without allowBrowser (?guard=1)', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const before = emulator!.requests.length;
    await page.goto(pageUrl({ guard: '1' }));
    const { state, text } = await compute(page, '2', '3');
    await page.screenshot({ path: join(shots, 'guard.png') });
    expect(state, text).toBe('error');
    expect(text).toMatch(/^SparkSdkError:/);
    expect(text).toContain('allowBrowser');
    expect(emulator!.requests.length).toBe(before); // nothing was sent
    await context.close();
  });
});

// The machine's browsers, driven headless: Debian's chromium through
// playwright-core and Debian's firefox-esr through puppeteer-core over
// WebDriver BiDi. Each starts with a fresh profile in a temporary directory
// and no network beyond 127.0.0.1. A browser that cannot start throws,
// which fails the test (never a skip).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';
const RESULT_TIMEOUT = 60_000;

function requireBinary(file, debianPackage) {
  if (!existsSync(file)) throw new Error(`${file} is missing: install the Debian package ${debianPackage} (bash .ci/setup does)`);
}

/** A fresh headless Chromium: { context (a playwright BrowserContext), close() }. */
export async function launchChromium() {
  requireBinary(CHROMIUM, 'chromium');
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'completion-wasm-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh headless Firefox over WebDriver BiDi: { browser (a puppeteer Browser), close() }. */
export async function launchFirefox() {
  requireBinary(FIREFOX, 'firefox-esr');
  const { default: puppeteer } = await import('puppeteer-core');
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'completion-wasm-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    env: { ...process.env, HOME: userDataDir, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens url in a new page of either driver and waits for the page to set
 * window.__result. Page errors and console errors are collected: a page
 * that never reports fails with them in the message.
 * Returns { result, errors, page } (the page stays open; close it).
 */
export async function openForResult(contextOrBrowser, url, label) {
  const page = await contextOrBrowser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message ?? error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  // A bounded poll through evaluate, which both drivers have in the same form.
  const deadline = Date.now() + RESULT_TIMEOUT;
  while (Date.now() < deadline) {
    const result = await page.evaluate(() => window.__result ?? null);
    if (result !== null) return { result, errors, page };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.close();
  throw new Error(`${label}: ${url} reported no result within ${RESULT_TIMEOUT} ms. Errors: ${errors.join(' | ') || 'none'}`);
}

// The package in real browsers, loaded with no bundler from the installed
// tarball (import map, strict CSP): Debian's Chromium through playwright-core
// and Debian's Firefox ESR through puppeteer-core over WebDriver BiDi, on a
// page and in a module Web Worker. Every run must give exactly what Node
// gives for the shared vectors. A browser that cannot start fails the test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium, launchFirefox, openForResult } from '../runtimes/browsers.js';
import { writeBrowserPages } from '../runtimes/pages.js';
import { assertMatchesReference, parseReport, runProgram } from '../runtimes/reference.js';
import { makeScratchProject } from '../runtimes/scratch.js';
import { serveDirectory } from '../runtimes/server.js';

let scratch;
let reference;
let pages;
let server;

before(async () => {
  scratch = makeScratchProject('browsers');
  reference = parseReport('node 20', runProgram('node 20', process.execPath, ['driver.js'], { cwd: scratch.dir }));
  pages = writeBrowserPages(scratch);
  server = await serveDirectory(scratch.dir, {
    headersFor: (_pathname, url) => ({
      'Content-Security-Policy': url.searchParams.get('csp') === 'no-wasm' ? pages.cspNoWasm : pages.cspStrict,
    }),
  });
});
after(async () => {
  await server?.close();
  scratch?.remove();
});

/** Opens a page, checks it reported vectors without errors, and compares them with Node's. */
async function vectorsFrom(driver, pathAndQuery, label) {
  const { result, errors, page } = await openForResult(driver, `${server.origin}${pathAndQuery}`, label);
  await page.close();
  assert.equal(result.error, undefined, `${label}: ${result.error}`);
  assert.deepEqual(errors, [], `${label}: no page or console errors (CSP violations show here)`);
  assertMatchesReference(label, parseReport(label, result.output), reference);
  return result;
}

async function firstCallRefused(driver, label) {
  const { result, page } = await openForResult(driver, `${server.origin}/page.html?mode=first-call&csp=no-wasm`, label);
  await page.close();
  assert.match(result.firstCall ?? result.error, /^completion-wasm: this runtime refuses to compile WebAssembly from bytes/, label);
  assert.ok(result.firstCall.includes("add 'wasm-unsafe-eval' to script-src"), `${label}: names the CSP fix: ${result.firstCall}`);
}

describe('Chromium (Debian chromium, playwright-core)', () => {
  let chromium;
  before(async () => {
    chromium = await launchChromium();
  });
  after(async () => chromium?.close());

  test("page under script-src 'self' 'wasm-unsafe-eval': the default entry, unconfigured", async () => {
    const before = server.requests.length;
    await vectorsFrom(chromium.context, '/page.html', 'chromium page');
    assert.ok(server.requests.slice(before).includes(pages.entryUrl), 'the import map led to the default entry');
  });

  test('module Web Worker under the same CSP', async () => {
    const result = await vectorsFrom(chromium.context, '/worker.html', 'chromium worker');
    assert.equal(result.inWorker, true, 'ran inside a worker');
  });

  test('init(fetch(the raw .wasm export)) compiles from the response', async () => {
    const before = server.requests.length;
    await vectorsFrom(chromium.context, '/page.html?mode=init-fetch', 'chromium init-fetch');
    assert.ok(server.requests.slice(before).includes(pages.wasmUrl), 'the .wasm was fetched');
  });

  test("a CSP without 'wasm-unsafe-eval': the error names the header that fixes it", async () => {
    await firstCallRefused(chromium.context, 'chromium no-wasm CSP');
  });
});

describe('Firefox (Debian firefox-esr, puppeteer-core over WebDriver BiDi)', () => {
  let firefox;
  before(async () => {
    firefox = await launchFirefox();
  });
  after(async () => firefox?.close());

  test('the browser is Firefox, driven over BiDi', async () => {
    assert.match(await firefox.browser.version(), /firefox/i);
    assert.equal(firefox.browser.protocol, 'webDriverBiDi');
  });

  test("page under script-src 'self' 'wasm-unsafe-eval': the default entry, unconfigured", async () => {
    await vectorsFrom(firefox.browser, '/page.html', 'firefox page');
  });

  test('module Web Worker under the same CSP', async () => {
    const result = await vectorsFrom(firefox.browser, '/worker.html', 'firefox worker');
    assert.equal(result.inWorker, true, 'ran inside a worker');
  });

  test("a CSP without 'wasm-unsafe-eval': the error names the header that fixes it", async () => {
    await firstCallRefused(firefox.browser, 'firefox no-wasm CSP');
  });
});

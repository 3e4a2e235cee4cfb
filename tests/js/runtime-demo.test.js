// The demo in web/ (what `npm start` serves), driven in Debian's Chromium:
// paste a valid and an invalid response, fetch one from the mock server,
// open a file of non-UTF-8 bytes, and check what the page shows against
// what the package says in Node. Screenshots go to build/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { collectCompletion, parseCompletionResponse, validateCompletionResponse } from '../../js/index.js';
import { CSP, startDemoServer } from '../../web/server.js';
import { indexAt, pieces, tokenEnd } from '../../web/highlight.js';
import { launchChromium } from '../runtimes/browsers.js';
import { repoRoot } from '../runtimes/scratch.js';

const screenshots = path.join(repoRoot, 'build/screenshots');
const example = (name) => readFileSync(path.join(repoRoot, 'examples', name), 'utf8');
/** A transcript as the one chunk of an async iterable, a source collectCompletion takes. */
const collect = (text) =>
  collectCompletion(
    (async function* () {
      yield text;
    })(),
  );

describe("web/highlight.js (the page's position arithmetic)", () => {
  test('indexAt turns line and UTF-16 column into a string index, across LF, CR and CRLF', () => {
    const text = 'ab\r\n😀"x"\rq\nlast';
    assert.equal(indexAt(text, 1, 1), 0);
    assert.equal(text.slice(indexAt(text, 2, 3)), '"x"\rq\nlast'); // the emoji is two units
    assert.equal(text[indexAt(text, 3, 1)], 'q');
    assert.equal(text.slice(indexAt(text, 4, 1)), 'last');
    assert.equal(indexAt(text, 9, 1), text.length, 'past the end: clamped');
  });

  test('tokenEnd covers a string (with escapes), a number, a literal, one bracket', () => {
    const text = '{"a": "x\\"y", "b": -1.5e3, "c": null, "d": [1]}';
    const at = (needle) => text.indexOf(needle);
    assert.equal(text.slice(at('"x'), tokenEnd(text, at('"x'))), '"x\\"y"');
    assert.equal(text.slice(at('-1'), tokenEnd(text, at('-1'))), '-1.5e3');
    assert.equal(text.slice(at('null'), tokenEnd(text, at('null'))), 'null');
    assert.equal(text.slice(at('[1'), tokenEnd(text, at('[1'))), '[');
    assert.equal(tokenEnd(text, text.length), text.length);
  });

  test('pieces marks every issue of the invalid example at its value, and reassembles the text', () => {
    const text = example('invalid.json');
    const issues = validateCompletionResponse(text);
    const cut = pieces(text, issues);
    assert.equal(cut.map((piece) => piece.text).join(''), text);
    const marked = cut.filter((piece) => piece.issues !== null);
    assert.deepEqual(
      marked.flatMap((piece) => piece.issues).sort(),
      issues.map((_, i) => i),
    );
    assert.ok(marked.some((piece) => piece.text === '"yesterday"'));
    assert.ok(marked.some((piece) => piece.text === '17.5'));
  });
});

describe('web/server.js', () => {
  let server;
  before(async () => {
    server = await startDemoServer({ port: 0 });
  });
  after(async () => server?.close());

  test('binds 127.0.0.1 and sends the strict CSP with every file', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const [file, type] of [
      ['', 'text/html'],
      ['app.js', 'text/javascript'],
      ['pkg/index.js', 'text/javascript'],
      ['pkg/completion.wasm', 'application/wasm'],
    ]) {
      const response = await fetch(new URL(file, server.url));
      assert.equal(response.status, 200, file);
      assert.ok(response.headers.get('content-type').startsWith(type), `${file}: ${response.headers.get('content-type')}`);
      assert.equal(response.headers.get('content-security-policy'), CSP, file);
      await response.arrayBuffer();
    }
    assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(CSP, /unsafe-inline|https?:/, 'nothing inline, no other origin');
  });

  test('serves only the page and the package: no other file, no path tricks', async () => {
    for (const file of ['pkg/cli.js', 'server.js', '../package.json', '%2e%2e/package.json', 'pkg/../../package.json']) {
      const response = await fetch(`${server.url}${file}`);
      assert.equal(response.status, 404, file);
      await response.arrayBuffer();
    }
  });

  test('the mock /v1/completions answers valid and broken responses as the scenarios say', async () => {
    const ask = async (body) => {
      const response = await fetch(new URL('v1/completions', server.url), { method: 'POST', body: JSON.stringify(body) });
      return { status: response.status, text: await response.text() };
    };
    const valid = await ask({ prompt: 'Say this is a test' });
    assert.equal(valid.status, 200);
    assert.equal(parseCompletionResponse(valid.text).choices[0].text, '\n\nThis is indeed a test.');
    const codes = async (scenario) => validateCompletionResponse((await ask({ prompt: 'p', scenario })).text).map((i) => i.code);
    assert.deepEqual(await codes('wrong-types'), ['invalid_type', 'not_integer']);
    assert.deepEqual(await codes('bad-finish-reason'), ['missing_field', 'invalid_enum']);
    assert.ok((await codes('chat')).includes('invalid_literal'));
    for (const [scenario, profile] of [
      ['openai', 'openai'],
      ['vllm', 'openai-compatible'],
    ]) {
      const text = (await ask({ prompt: 'p', scenario })).text;
      assert.deepEqual(validateCompletionResponse(text, { profile }), [], `${scenario} under ${profile}`);
      assert.ok(
        validateCompletionResponse(text).some((issue) => issue.code === 'invalid_literal'),
        `${scenario} under r9s`,
      );
    }
    assert.deepEqual(await codes('truncated'), ['invalid_json']);
    // The streamed scenarios, read as a client would read them.
    const stream = await ask({ prompt: 'Say this is a test', scenario: 'stream' });
    assert.equal((await collect(stream.text)).choices[0].text, '\n\nThis is indeed a test.');
    await assert.rejects(collect((await ask({ prompt: 'p', scenario: 'stream-cut' })).text), (error) => error.issues[0].code === 'truncated_stream');
    await assert.rejects(collect((await ask({ prompt: 'p', scenario: 'stream-error' })).text), { name: 'CompletionApiError' });
    assert.equal((await ask({ scenario: 'nope', prompt: 'p' })).status, 400);
    assert.equal((await fetch(new URL('v1/completions', server.url))).status, 405);
  });
});

describe('the demo page in Chromium', () => {
  let server;
  let chromium;
  let page;
  const problems = [];

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startDemoServer({ port: 0 });
    chromium = await launchChromium();
    await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    page = await chromium.context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="yes"]', { timeout: 30_000 });
  });
  after(async () => {
    await chromium?.close();
    await server?.close();
  });

  /** Pastes through the clipboard, as a person does: select all, Ctrl+V. */
  async function paste(text) {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await page.click('#input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.waitForFunction((value) => document.getElementById('input').value === value, text, { timeout: 10_000 });
  }

  const shownIssues = () =>
    page.$$eval('.issue', (buttons) =>
      buttons.map((button) => ({
        position: button.querySelector('.position').textContent,
        code: button.querySelector('.code').textContent,
        path: button.querySelector('.path')?.textContent ?? '',
        message: button.querySelector('.message').textContent,
      })),
    );
  const expectedIssues = (text) =>
    validateCompletionResponse(text).map((issue) => ({
      position: `${issue.line}:${issue.column}`,
      code: issue.code,
      path: issue.pathString,
      message: issue.message,
    }));

  test('pasting the valid example shows the typed object', async () => {
    const text = example('valid.json');
    await paste(text);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'valid');
    assert.match(await page.textContent('#status'), /Valid CompletionResponse/);
    assert.deepEqual(JSON.parse(await page.textContent('#typed')), parseCompletionResponse(text));
    assert.equal(await page.locator('.issue').count(), 0);
    assert.equal(await page.locator('mark').count(), 0);
    await page.screenshot({ path: path.join(screenshots, 'demo-valid.png') });
  });

  test('pasting the invalid example lists every issue and marks it at its line and column', async () => {
    const text = example('invalid.json');
    await paste(text);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'invalid');
    const expected = expectedIssues(text);
    assert.ok(expected.length >= 3);
    assert.deepEqual(await shownIssues(), expected);
    assert.match(await page.textContent('#status'), new RegExp(`${expected.length} issues`));
    assert.equal(await page.isHidden('#typed'), true);
    // Each mark covers the text at its issue's line and column.
    const marks = await page.$$eval('mark', (elements) => elements.map((mark) => ({ text: mark.textContent, issues: mark.dataset.issues })));
    const issues = validateCompletionResponse(text);
    for (const mark of marks) {
      const issue = issues[Number(mark.issues.split(' ')[0])];
      const start = indexAt(text, issue.line, issue.column);
      assert.equal(mark.text, text.slice(start, tokenEnd(text, start)), `mark for ${issue.code}`);
    }
    assert.ok(
      marks.some((mark) => mark.text === '"yesterday"'),
      'the string created is marked',
    );
    await page.hover('.issue >> nth=1');
    await page.screenshot({ path: path.join(screenshots, 'demo-invalid.png') });
  });

  test('clicking an issue selects its value in the text', async () => {
    const text = example('invalid.json');
    const issue = validateCompletionResponse(text).find((candidate) => candidate.code === 'not_integer');
    await page.click(`.issue:has-text("${issue.pathString}")`);
    const selected = await page.evaluate(() => {
      const input = document.getElementById('input');
      return input.value.slice(input.selectionStart, input.selectionEnd);
    });
    assert.equal(selected, issue.received);
  });

  test('Fetch asks the mock server and checks the body as received', async () => {
    await page.selectOption('#scenario', 'chat');
    await page.click('#fetch');
    await page.waitForFunction(() => document.getElementById('source').textContent.startsWith('POST'), null, { timeout: 10_000 });
    const text = await page.inputValue('#input');
    assert.match(text, /"chat.completion"/);
    assert.deepEqual(await shownIssues(), expectedIssues(text));
    await page.screenshot({ path: path.join(screenshots, 'demo-fetch-chat.png') });
  });

  test("the profile selector: OpenAI's answer is invalid under r9s, with the advice, and valid under openai", async () => {
    assert.deepEqual(await page.$$eval('#profile option', (options) => options.map((o) => o.value)), ['r9s', 'openai', 'openai-compatible']);
    await page.selectOption('#scenario', 'openai');
    await page.click('#fetch');
    await page.waitForFunction(() => document.getElementById('input').value.includes('"text_completion"'), null, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelectorAll('.issue').length > 0, null, { timeout: 10_000 });
    assert.match((await shownIssues())[0].message, /use profile "openai"/);
    const previous = await page.textContent('#status');
    await page.selectOption('#profile', 'openai');
    await statusChangedFrom(previous);
    assert.deepEqual(await shownIssues(), []);
    const text = await page.inputValue('#input');
    assert.deepEqual(JSON.parse(await page.textContent('#typed')), JSON.parse(JSON.stringify(parseCompletionResponse(text, { profile: 'openai' }))));
    await page.screenshot({ path: path.join(screenshots, 'demo-profile-openai.png') });
    await page.selectOption('#profile', 'r9s');
  });

  /** Waits until the status shows something other than what it showed before. */
  async function statusChangedFrom(previous) {
    await page.waitForFunction((old) => document.getElementById('status').textContent !== old, previous, { timeout: 10_000 });
  }

  test('a fetched stream is collected into the typed object', async () => {
    await page.selectOption('#scenario', 'stream');
    const previous = await page.textContent('#status');
    await page.click('#fetch');
    await statusChangedFrom(previous);
    const text = await page.inputValue('#input');
    assert.match(text, /^data: /);
    assert.match(await page.textContent('#status'), /Valid stream.*5 events/);
    assert.deepEqual(JSON.parse(await page.textContent('#typed')), await collect(text));
    await page.screenshot({ path: path.join(screenshots, 'demo-stream.png') });
  });

  test('a pasted transcript with a bad event: the issue is marked in the transcript, at the value', async () => {
    const event = (finish) => `data: {"id":"c","object":"completion","created":1,"model":"m","choices":[{"text":"t","index":0,"finish_reason":${finish}}]}\n\n`;
    const text = `${event('null')}${event('"stopp"')}data: [DONE]\n\n`;
    const previous = await page.textContent('#status');
    await paste(text);
    await statusChangedFrom(previous);
    const shown = await shownIssues();
    assert.deepEqual(
      shown.map((issue) => [issue.code, issue.path]),
      [['invalid_enum', 'choices[0].finish_reason']],
    );
    const [line, column] = shown[0].position.split(':').map(Number);
    const start = indexAt(text, line, column);
    assert.equal(text.slice(start, tokenEnd(text, start)), '"stopp"', `the position ${line}:${column} is the value`);
    assert.deepEqual(await page.$$eval('mark', (marks) => marks.map((mark) => mark.textContent)), ['"stopp"']);
  });

  test('a stream with an error event and one cut short are reported', async () => {
    await page.selectOption('#scenario', 'stream-error');
    let previous = await page.textContent('#status');
    await page.click('#fetch');
    await statusChangedFrom(previous);
    assert.match(await page.textContent('#status'), /The stream sent an error/);
    assert.match((await shownIssues())[0].message, /The server is overloaded/);
    await page.selectOption('#scenario', 'stream-cut');
    previous = await page.textContent('#status');
    await page.click('#fetch');
    await statusChangedFrom(previous);
    assert.deepEqual(
      (await shownIssues()).map((issue) => issue.code),
      ['truncated_stream'],
    );
  });

  test('an opened file is checked as bytes: Latin-1 text gives invalid_utf8', async () => {
    const bytes = readFileSync(path.join(repoRoot, 'tests/fixtures/invalid/latin1-text.json'));
    await page.setInputFiles('#file', { name: 'latin1-text.json', mimeType: 'application/json', buffer: bytes });
    await page.waitForFunction(() => document.getElementById('source').textContent.includes('latin1-text.json'), null, { timeout: 10_000 });
    const shown = await shownIssues();
    assert.deepEqual(
      shown.map((issue) => issue.code),
      ['invalid_utf8'],
    );
    assert.deepEqual(
      shown,
      validateCompletionResponse(new Uint8Array(bytes)).map((issue) => ({
        position: `${issue.line}:${issue.column}`,
        code: issue.code,
        path: issue.pathString,
        message: issue.message,
      })),
    );
  });

  test('no script errors, console errors or CSP violations on the way', () => {
    assert.deepEqual(problems, []);
  });
});

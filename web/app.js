// The demo page: check what is in the editor on every change and show the
// typed object, or the issues listed and marked where they are. A response
// is checked with safeParseCompletionResponse; an SSE transcript (lines of
// `data: ...`) with collectCompletion, as a streamed answer would be. A
// dropped, opened or fetched body is checked as bytes (so invalid UTF-8 is
// caught, as a server's raw body would be) until the text is edited.
import { collectCompletion, init, PROFILES, safeParseCompletionResponse } from '/pkg/index.js';
import { indexAt, pieces, tokenEnd } from '/highlight.js';
import { CODE, KEYS, STREAM_CODES, UNKNOWN_KEYS } from '/schema.js';

const $ = (id) => document.getElementById(id);
const ui = {
  panel: $('input-panel'),
  input: $('input'),
  backdrop: $('backdrop'),
  gutter: $('gutter'),
  status: $('status'),
  issues: $('issues'),
  typed: $('typed'),
  scenario: $('scenario'),
  fetch: $('fetch'),
  open: $('open'),
  file: $('file'),
  clear: $('clear'),
  profile: $('profile'),
  keys: $('keys'),
  unknownKeys: $('unknownKeys'),
  openEnums: $('openEnums'),
  source: $('source'),
  timing: $('timing'),
};

const encoder = new TextEncoder();
/** What is checked: the editor's text, or the bytes of a file until the text is edited. */
let source = { kind: 'text' };
/** The issues listed now, for going to one. */
let shownIssues = [];
/** Counts checks, so that a stream check that finishes late does not overwrite a newer one. */
let generation = 0;

function options() {
  return { profile: ui.profile.value, keys: ui.keys.value, unknownKeys: ui.unknownKeys.value, openEnums: ui.openEnums.checked };
}

// The profiles and option values as the library names them; the first of each is its default.
for (const profile of PROFILES) ui.profile.append(new Option(profile, profile));
const KEY_LABELS = { [KEYS.WIRE]: 'wire (as sent)', [KEYS.CAMEL]: 'camel (SDK shape)' };
for (const keys of Object.values(KEYS)) ui.keys.append(new Option(KEY_LABELS[keys], keys));
for (const value of Object.values(UNKNOWN_KEYS)) ui.unknownKeys.append(new Option(value, value));

// ---- checking ----

/** An SSE transcript starts with a field (data:, event:, id:, retry:) or a comment; JSON never does. */
function looksLikeStream(text) {
  return /^(?:data|event|id|retry)[ \t]*:|^:/.test(text.trimStart());
}

async function check() {
  const run = ++generation;
  const text = ui.input.value;
  renderGutter(text);
  if (source.kind === 'text' && text === '') {
    showStatus('empty', 'Nothing to check yet', 'paste a response or an SSE transcript, drop a file, or press Fetch');
    showIssues([], text);
    ui.timing.textContent = '';
    return;
  }
  const input = source.kind === 'bytes' ? source.bytes : text;
  const stream = looksLikeStream(text);
  const started = performance.now();
  let outcome;
  try {
    outcome = stream ? await checkStream(input) : checkDocument(input);
  } catch (error) {
    if (run === generation) showStatus('invalid', 'Could not check', error.message);
    return;
  }
  if (run !== generation) return;
  const elapsed = performance.now() - started;
  const size = source.kind === 'bytes' ? source.bytes.length : encoder.encode(text).length;
  ui.timing.textContent = `Checked ${size.toLocaleString('en')} bytes in ${elapsed.toFixed(2)} ms.`;
  if (outcome.issues) {
    showInvalid(outcome.issues, text, outcome.title);
  } else if (stream) {
    const { events, data } = outcome;
    showValid(data, text, '✓ Valid stream', `${events} event${events === 1 ? '' : 's'} collected into one CompletionResponse · model ${JSON.stringify(data.model)}`);
  } else {
    const choices = outcome.data.choices.length;
    showValid(outcome.data, text, '✓ Valid CompletionResponse', `${choices} choice${choices === 1 ? '' : 's'} · model ${JSON.stringify(outcome.data.model)}`);
  }
}

function checkDocument(input) {
  const result = safeParseCompletionResponse(input, options());
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

/** Collects a transcript into one response, as collectCompletion does with a streamed answer. */
async function checkStream(input) {
  let events = 0;
  const chunks = (async function* () {
    yield input;
  })();
  try {
    const data = await collectCompletion(chunks, {
      ...options(),
      onEvent: () => {
        events += 1;
      },
    });
    return { data, events };
  } catch (error) {
    if (error.name === 'CompletionApiError') return { issues: [apiErrorIssue(error)], title: '✗ The stream sent an error' };
    if (error.name === 'CompletionValidationError') return { issues: error.issues.map((issue) => inTranscript(issue, error.event)) };
    throw error;
  }
}

/**
 * An event's issues are placed in its data (as for a whole document): move
 * them to the transcript. The data starts at dataLine:dataColumn; only its
 * first line is shifted by the `data: ` prefix.
 */
function inTranscript(issue, event) {
  if (event === undefined || STREAM_CODES.includes(issue.code)) return issue;
  return {
    ...issue,
    line: event.dataLine + issue.line - 1,
    column: issue.line === 1 ? event.dataColumn + issue.column - 1 : issue.column,
  };
}

/** An error envelope sent as an event, listed like an issue at that event. */
function apiErrorIssue(error) {
  return {
    code: 'error event',
    pathString: '',
    message: error.message,
    line: error.event?.dataLine ?? 1,
    column: error.event?.dataColumn ?? 1,
  };
}

function showStatus(state, title, detail) {
  ui.status.dataset.state = state;
  ui.status.replaceChildren(title);
  if (detail) {
    const span = document.createElement('span');
    span.className = 'detail';
    span.textContent = detail;
    ui.status.append(span);
  }
}

function showValid(data, text, title, detail) {
  showStatus('valid', title, detail);
  showIssues([], text);
  ui.typed.hidden = false;
  ui.typed.textContent = JSON.stringify(data, null, 2);
}

function showInvalid(issues, text, title) {
  const capped = issues[issues.length - 1]?.code === CODE.TOO_MANY_ISSUES;
  const count = capped ? `more than ${issues.length - 1}` : String(issues.length);
  showStatus('invalid', title ?? `✗ ${count} issue${issues.length === 1 ? '' : 's'}`, 'click one to go to it');
  ui.typed.hidden = true;
  ui.typed.textContent = '';
  showIssues(issues, text);
}

// ---- the issues, listed and marked ----

function showIssues(issues, text) {
  ui.issues.replaceChildren(...issues.map(issueItem));
  renderBackdrop(text, issues);
  shownIssues = issues;
}

function issueItem(issue, index) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'issue';
  button.dataset.index = String(index);
  const position = span('position', `${issue.line}:${issue.column}`);
  const headline = document.createElement('span');
  headline.append(span('code', issue.code));
  if (issue.pathString) headline.append(span('path', issue.pathString));
  button.append(position, headline, span('message', issue.message));
  item.append(button);
  return item;
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function renderBackdrop(text, issues) {
  const nodes = pieces(text, issues).map((piece) => {
    if (piece.issues === null) return document.createTextNode(piece.text);
    const mark = document.createElement('mark');
    mark.textContent = piece.text;
    mark.dataset.issues = piece.issues.join(' ');
    if (piece.text === '') mark.className = 'at-end';
    return mark;
  });
  // A last line break keeps the backdrop as tall as the textarea's content.
  ui.backdrop.replaceChildren(...nodes, document.createTextNode('\n'));
  syncScroll();
}

function renderGutter(text) {
  const lines = text.split(/\r\n|\r|\n/).length;
  let numbers = '';
  for (let line = 1; line <= lines; line++) numbers += `${line}\n`;
  ui.gutter.textContent = numbers;
}

function syncScroll() {
  ui.backdrop.scrollTop = ui.input.scrollTop;
  ui.backdrop.scrollLeft = ui.input.scrollLeft;
  ui.gutter.scrollTop = ui.input.scrollTop;
}

function setActive(index) {
  for (const element of document.querySelectorAll('mark, .issue')) {
    const indices = element.tagName === 'MARK' ? element.dataset.issues.split(' ') : [element.dataset.index];
    element.classList.toggle('active', index !== null && indices.includes(String(index)));
  }
}

function goTo(index) {
  const issue = shownIssues[index];
  const text = ui.input.value;
  const start = indexAt(text, issue.line, issue.column);
  ui.input.focus();
  ui.input.setSelectionRange(start, tokenEnd(text, start));
  const lineHeight = parseFloat(getComputedStyle(ui.input).lineHeight);
  ui.input.scrollTop = Math.max(0, (issue.line - 4) * lineHeight);
  syncScroll();
  setActive(index);
}

// ---- getting a response in ----

function setText(text, newSource, label) {
  source = newSource;
  ui.input.value = text;
  ui.input.scrollTop = 0;
  ui.source.textContent = label;
  check();
}

async function loadFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  setText(new TextDecoder().decode(bytes), { kind: 'bytes', bytes }, `checking the bytes of ${file.name}`);
}

async function fetchFromMock() {
  ui.fetch.disabled = true;
  try {
    const response = await fetch('/v1/completions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'mock-instruct', prompt: 'Say this is a test', scenario: ui.scenario.value }),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    setText(new TextDecoder().decode(bytes), { kind: 'bytes', bytes }, `POST /v1/completions → HTTP ${response.status}, checked as received`);
  } catch (error) {
    showStatus('invalid', 'The mock server did not answer', `${error.message} (is \`npm start\` running?)`);
  } finally {
    ui.fetch.disabled = false;
  }
}

async function loadScenarios() {
  try {
    const response = await fetch('/v1/scenarios');
    const scenarios = await response.json();
    ui.scenario.replaceChildren(...scenarios.map(({ name, label }) => new Option(label, name)));
  } catch {
    // Served without the mock server (plain static hosting): no fetching.
    ui.scenario.closest('.field').hidden = true;
    ui.fetch.hidden = true;
  }
}

// ---- wiring ----

ui.input.addEventListener('input', () => {
  source = { kind: 'text' };
  ui.source.textContent = ui.input.value === '' ? '' : 'checking the text above';
  check();
});
ui.input.addEventListener('scroll', syncScroll);
for (const control of [ui.profile, ui.keys, ui.unknownKeys, ui.openEnums]) control.addEventListener('change', check);
ui.fetch.addEventListener('click', fetchFromMock);
ui.open.addEventListener('click', () => ui.file.click());
ui.clear.addEventListener('click', () => setText('', { kind: 'text' }, ''));
ui.file.addEventListener('change', () => {
  if (ui.file.files[0]) loadFile(ui.file.files[0]);
  ui.file.value = '';
});
ui.issues.addEventListener('click', (event) => {
  const button = event.target.closest('.issue');
  if (button) goTo(Number(button.dataset.index));
});
ui.issues.addEventListener('mouseover', (event) => {
  const button = event.target.closest('.issue');
  setActive(button ? Number(button.dataset.index) : null);
});
ui.issues.addEventListener('mouseleave', () => setActive(null));

ui.panel.addEventListener('dragover', (event) => {
  event.preventDefault();
  ui.panel.classList.add('dragging');
});
ui.panel.addEventListener('dragleave', () => ui.panel.classList.remove('dragging'));
ui.panel.addEventListener('drop', (event) => {
  event.preventDefault();
  ui.panel.classList.remove('dragging');
  const file = event.dataTransfer.files[0];
  if (file) loadFile(file);
  else setText(event.dataTransfer.getData('text/plain'), { kind: 'text' }, 'checking the text above');
});

// Compile the module now rather than on the first keystroke.
Promise.all([init(), loadScenarios()]).then(
  () => {
    check();
    document.body.dataset.ready = 'yes';
  },
  (error) => showStatus('invalid', 'The WebAssembly core did not load', error.message),
);

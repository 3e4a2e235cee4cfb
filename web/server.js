#!/usr/bin/env node
// The demo's server (`npm start`): the page in web/, the package's own files
// from js/ under /pkg/, and a mock `POST /v1/completions` that answers like an
// OpenAI-style server, correctly or in one of the ways real servers get it
// wrong. 127.0.0.1 only, a strict Content-Security-Policy on everything,
// nothing from a CDN. Only node: built-ins.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(webDir, '..');

// 'wasm-unsafe-eval' lets the page compile the module, and nothing else runs
// but the page's own files: no inline script or style, no eval.
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

// The package's built modules (js/dist/, what its exports point at), as /pkg/<name>.
const distDir = path.join(repoDir, 'js/dist');
const packageFiles = readdirSync(distDir)
  .filter((file) => /\.(js|wasm|map)$/.test(file))
  .map((file) => path.join(distDir, file));

// Exactly the files the page may load: no paths are built from the URL.
const STATIC = new Map([
  ['/', path.join(webDir, 'index.html')],
  ['/app.js', path.join(webDir, 'app.js')],
  ['/highlight.js', path.join(webDir, 'highlight.js')],
  // The codes and option values as src/schema.yaml names them (the generated module the package is built from).
  ['/schema.js', path.join(repoDir, 'js/schema.js')],
  ['/style.css', path.join(webDir, 'style.css')],
  ['/favicon.svg', path.join(webDir, 'favicon.svg')],
  ...packageFiles.map((file) => [`/pkg/${path.basename(file)}`, file]),
]);

const MAX_REQUEST_BYTES = 64 * 1024;

// ---- the mock /v1/completions ----

/** A response as a correct server sends it: the OpenAI docs' example, or an echo of the prompt. */
function completion(prompt, model) {
  const text = /^say this is a test\.?$/i.test(prompt.trim()) ? '\n\nThis is indeed a test.' : `\n\nYou wrote: ${prompt.trim()}`;
  const promptTokens = prompt.split(/\s+/).filter(Boolean).length;
  const completionTokens = text.split(/\s+/).filter(Boolean).length;
  return {
    id: `cmpl-mock${Date.now().toString(36)}`,
    object: 'completion',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_mock',
    choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

/** What each scenario does to the correct response; the body is sent as text. */
export const SCENARIOS = {
  valid: { label: 'a correct response', body: (r) => JSON.stringify(r, null, 2) },
  'wrong-types': {
    label: 'wrong types',
    body: (r) => JSON.stringify({ ...r, created: new Date(r.created * 1000).toISOString(), usage: { ...r.usage, total_tokens: r.usage.total_tokens + 0.5 } }, null, 2),
  },
  'bad-finish-reason': {
    label: 'a bad finish_reason',
    body: (r) => JSON.stringify({ ...r, choices: [{ text: r.choices[0].text, logprobs: null, finish_reason: 'end_turn' }] }, null, 2),
  },
  openai: {
    label: "OpenAI's shape",
    body: (r) => JSON.stringify({ ...r, object: 'text_completion' }, null, 2),
  },
  vllm: {
    label: "vLLM's shape",
    body: (r) =>
      JSON.stringify(
        {
          ...r,
          object: 'text_completion',
          system_fingerprint: null,
          choices: [{ ...r.choices[0], stop_reason: null, prompt_logprobs: null }],
          usage: { ...r.usage, prompt_tokens_details: null },
          kv_transfer_params: null,
        },
        null,
        2,
      ),
  },
  chat: {
    label: 'a chat.completion instead',
    body: (r) =>
      JSON.stringify(
        {
          id: r.id,
          object: 'chat.completion',
          created: r.created,
          model: r.model,
          choices: [{ index: 0, message: { role: 'assistant', content: r.choices[0].text }, finish_reason: 'stop' }],
          usage: r.usage,
        },
        null,
        2,
      ),
  },
  truncated: {
    label: 'a body cut off',
    body: (r) => {
      const full = JSON.stringify(r, null, 2);
      return full.slice(0, Math.floor(full.length * 0.6));
    },
  },
  stream: { label: 'a stream (event-stream)', type: 'text/event-stream', body: (r) => sse(r, { done: true }) },
  'stream-cut': { label: 'a stream without [DONE]', type: 'text/event-stream', body: (r) => sse(r, { done: false }) },
  'stream-error': {
    label: 'a stream with an error event',
    type: 'text/event-stream',
    body: (r) =>
      `${sse(r, { done: false }).split('\n\n').slice(0, 2).join('\n\n')}\n\ndata: ${JSON.stringify({ error: { message: 'The server is overloaded', type: 'server_error' } })}\n\n`,
  },
};

/** The response as a stream of events: the text a few characters at a time, then usage, then [DONE]. */
function sse(r, { done }) {
  const {
    usage,
    choices: [choice],
    ...head
  } = r;
  const pieces = choice.text.match(/[\s\S]{1,6}/g) ?? [''];
  const events = pieces.map((text, i) => ({
    ...head,
    choices: [{ text, index: 0, logprobs: null, finish_reason: i === pieces.length - 1 ? 'stop' : null }],
  }));
  events.push({ ...head, choices: [], usage });
  const body = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('');
  return done ? `${body}data: [DONE]\n\n` : body;
}

async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function mockCompletions(request, response) {
  let params;
  try {
    params = JSON.parse((await readBody(request)) || '{}');
  } catch (error) {
    send(response, error.status ?? 400, 'application/json', JSON.stringify({ error: { message: error.message } }));
    return;
  }
  const scenario = SCENARIOS[params.scenario ?? 'valid'];
  if (!scenario || typeof params.prompt !== 'string') {
    const message = `send {"prompt": string, "model"?: string, "scenario"?: ${Object.keys(SCENARIOS)
      .map((s) => JSON.stringify(s))
      .join(' | ')}}`;
    send(response, 400, 'application/json', JSON.stringify({ error: { message } }));
    return;
  }
  const model = typeof params.model === 'string' ? params.model : 'mock-instruct';
  send(response, 200, scenario.type ?? 'application/json', scenario.body(completion(params.prompt.slice(0, 2000), model)));
}

// ---- serving ----

function send(response, status, type, body) {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

async function handle(request, response) {
  const { pathname } = new URL(request.url, 'http://127.0.0.1');
  if (pathname === '/v1/completions') {
    if (request.method === 'POST') return mockCompletions(request, response);
    return send(response, 405, 'text/plain', 'POST only\n');
  }
  if (pathname === '/v1/scenarios' && request.method === 'GET') {
    const list = Object.entries(SCENARIOS).map(([name, { label }]) => ({ name, label }));
    return send(response, 200, 'application/json', JSON.stringify(list));
  }
  const file = STATIC.get(pathname);
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) return send(response, 404, 'text/plain', 'not found\n');
  let body;
  try {
    body = await readFile(file);
  } catch {
    return send(response, 500, 'text/plain', `missing ${path.relative(repoDir, file)}: run \`npm run build\`\n`);
  }
  send(response, 200, CONTENT_TYPES[path.extname(file)] ?? CONTENT_TYPES['.html'], request.method === 'HEAD' ? undefined : body);
}

/** Starts the demo on host:port (port 0: any free one). Resolves to { url, close() }. */
export function startDemoServer({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `${error.message}\n`);
      else response.destroy(error);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

// `node web/server.js [--port N]` or `PORT=N npm start`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PORT ?? 8080));
  startDemoServer({ port }).then(
    ({ url }) => console.log(`completion-wasm demo: ${url}  (Ctrl-C stops it)`),
    (error) => {
      console.error(error.code === 'EADDRINUSE' ? `port ${port} is taken: try PORT=8081 npm start` : error.message);
      process.exit(1);
    },
  );
}

// Download sizes: each package entry with every module it imports (its
// static import graph, .wasm included), raw, gzip -9 and brotli. A browser
// user gets the default entry, whose graph carries the .wasm inline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["'](\.\/[^"']+)["']|(?:^|\n)\s*import\s*["'](\.\/[^"']+)["']/g;

/** The files an entry loads, itself first, following relative static imports. */
export function importGraph(jsDir, entry) {
  const seen = [];
  const visit = (file) => {
    if (seen.includes(file)) return;
    seen.push(file);
    if (!file.endsWith('.js')) return;
    const source = readFileSync(path.join(jsDir, file), 'utf8');
    for (const match of source.matchAll(IMPORT)) visit(path.posix.normalize((match[1] ?? match[2]).replace(/\?.*$/, '')));
  };
  visit(entry);
  return seen;
}

export function fileSizes(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}

const sum = (list) => list.reduce((total, sizes) => ({
  raw: total.raw + sizes.raw, gzip: total.gzip + sizes.gzip, brotli: total.brotli + sizes.brotli,
}), { raw: 0, gzip: 0, brotli: 0 });

/**
 * { wasm, files: {name: sizes}, entries: {subpath: {files, raw, gzip, brotli}} }.
 * An entry's size is the sum over its files, each compressed on its own, as
 * a server sends them unbundled.
 */
export function measureSizes(jsDir, exportsMap) {
  const entries = {};
  const files = {};
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const targets = typeof target === 'string' ? { default: target } : target;
    for (const [condition, file] of Object.entries(targets)) {
      if (!file.startsWith('./js/') || !file.endsWith('.js')) continue;
      const graph = importGraph(jsDir, file.slice('./js/'.length));
      for (const name of graph) files[name] ??= fileSizes(path.join(jsDir, name));
      const key = condition === 'default' ? subpath : `${subpath} [${condition}]`;
      entries[key] = { files: graph, ...sum(graph.map((name) => files[name])) };
    }
  }
  return { wasm: fileSizes(path.join(jsDir, 'completion.wasm')), files, entries };
}

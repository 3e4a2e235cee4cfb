// Download sizes of the package as shipped: each export's file with every
// module it imports statically (its start-up download), raw, gzip -9 and
// brotli, and separately the modules it imports on first use (import()). A
// browser user gets the default entry, which carries the .wasm inline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

// Relative specifiers of static imports (`import x from"./a.js"`, minified or
// not) and of dynamic ones (`import("./b.js")`).
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g;

const relativeTo = (file, specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.replace(/\?.*$/, '')));

/** { atStart, onFirstUse }: the files an entry loads (itself first), by static and by dynamic import. */
export function importGraph(packageDir, entry) {
  const atStart = [];
  const onFirstUse = [];
  const visit = (file, list) => {
    if (atStart.includes(file) || onFirstUse.includes(file)) return;
    list.push(file);
    if (!file.endsWith('.js')) return;
    const source = readFileSync(path.join(packageDir, file), 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) visit(relativeTo(file, match[1]), list);
    for (const match of source.matchAll(DYNAMIC_IMPORT)) visit(relativeTo(file, match[1]), onFirstUse);
  };
  visit(entry, atStart);
  return { atStart, onFirstUse };
}

export function fileSizes(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}

const sum = (list) =>
  list.reduce(
    (total, sizes) => ({
      raw: total.raw + sizes.raw,
      gzip: total.gzip + sizes.gzip,
      brotli: total.brotli + sizes.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );

/**
 * { wasm, files: {path: sizes}, entries: {subpath: {files, raw, gzip, brotli, onFirstUse: {files, raw, gzip, brotli}}} }
 * for the package in packageDir (the repository or an installed copy). An
 * entry's size is the sum over its files, each compressed on its own, as a
 * server sends them.
 */
export function measureSizes(packageDir, exportsMap) {
  const entries = {};
  const files = {};
  const sizesOf = (list) => {
    for (const name of list) files[name] ??= fileSizes(path.join(packageDir, name));
    return { files: list, ...sum(list.map((name) => files[name])) };
  };
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const targets = typeof target === 'string' ? { default: target } : target;
    for (const [condition, file] of Object.entries(targets)) {
      if (!file.endsWith('.js')) continue;
      const graph = importGraph(packageDir, path.posix.normalize(file));
      const key = condition === 'default' ? subpath : `${subpath} [${condition}]`;
      entries[key] = { ...sizesOf(graph.atStart), onFirstUse: sizesOf(graph.onFirstUse) };
    }
  }
  return { wasm: fileSizes(path.join(packageDir, exportsMap['./completion.wasm'])), files, entries };
}

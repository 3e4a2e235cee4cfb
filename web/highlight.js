// Where an issue sits in the text on screen. Issues give a 1-based line and
// a 1-based column in UTF-16 code units (a JS string index within the line),
// so the page can find the spot without re-encoding anything. No DOM here:
// tests/js/runtime-demo.test.js imports this file in Node as well.

const LINE_END = /\r\n|\r|\n/g;

/** The string index of (line, column), clamped to the text. */
export function indexAt(text, line, column) {
  let start = 0;
  LINE_END.lastIndex = 0;
  for (let current = 1; current < line; current++) {
    const match = LINE_END.exec(text);
    if (match === null) return text.length;
    start = match.index + match[0].length;
  }
  return Math.min(start + column - 1, text.length);
}

/**
 * Where the highlight for an issue at `start` ends: a whole string or
 * number or literal, a single bracket for an object or array (marking all of
 * it would hide the issues inside), one character otherwise.
 */
export function tokenEnd(text, start) {
  const first = text[start];
  if (first === undefined) return start;
  if (first === '"') {
    let i = start + 1;
    while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    return Math.min(i + 1, text.length);
  }
  if (first === '{' || first === '[') return start + 1;
  const word = /^[^\s,:\]}"[{]+/.exec(text.slice(start, start + 400));
  return start + (word ? word[0].length : 1);
}

/**
 * The text cut into plain and marked pieces, in order:
 * [{ text, issues: [indices] | null }]. Issues at the same spot share a
 * mark; an issue at the very end (truncated input) gets an empty mark.
 */
export function pieces(text, issues) {
  const spans = issues
    .map((issue, index) => {
      const start = indexAt(text, issue.line, issue.column);
      return { start, end: tokenEnd(text, start), index };
    })
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const result = [];
  let at = 0;
  let mark = null;
  for (const span of spans) {
    // At the previous mark's spot or inside it (the same value): share that mark.
    if (mark !== null && (span.start < at || span.start === mark.start)) {
      mark.issues.push(span.index);
      continue;
    }
    if (span.start > at) result.push({ text: text.slice(at, span.start), issues: null });
    mark = { text: text.slice(span.start, span.end), issues: [span.index], start: span.start };
    result.push(mark);
    at = span.end;
  }
  if (at < text.length) result.push({ text: text.slice(at), issues: null });
  return result.map(({ text: piece, issues: marked }) => ({ text: piece, issues: marked }));
}

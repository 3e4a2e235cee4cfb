// assemble-chat.js: a chat stream (chat.completion.chunk events, already
// validated) assembled into one chat.completion, by the rules of the openai
// package's ChatCompletionStream (#accumulateChatCompletion, then
// finalizeChatCompletion), which is what users of finalChatCompletion() get:
// the same values, in the same field order. Where the openai package throws
// or builds a broken document (a sparse array, a tool call it drops), this
// assembler reports an issue naming the event and the path instead; profile
// openai-compatible forgives what named servers send (LENIENT below).
// Texts arrive in many small deltas: they are gathered by TextParts and
// joined once, so that memory stays a small multiple of the result.
import { ASSEMBLY } from "../boundary.js";
import { camelCase } from "../decode.js";
import { assemblyIssue, pathStringOf } from "./errors.js";

/**
 * The largest choice or tool-call index assembled: OpenAI's `n` asks for at
 * most 128 choices, and parallel tool calls are far fewer. A larger index is
 * an issue, never a sparse array (whose length one event could make huge).
 */
export const MAX_INDEX = 127;

/**
 * Deltas gathered into one string with bounded overhead: up to BATCH pieces
 * are kept as sent, then joined into one batch, so that a million
 * one-character deltas cost a thousand batches rather than a million strings
 * (or ropes, which `+=` makes), and the text is copied twice in all.
 */
const BATCH = 1024;
class TextParts {
  constructor() {
    this.batches = [];
    this.pieces = [];
  }

  push(text) {
    this.pieces.push(text);
    if (this.pieces.length === BATCH) {
      this.batches.push(this.pieces.join(""));
      this.pieces = [];
    }
  }

  join() {
    return this.batches.join("") + this.pieces.join("");
  }
}

/** The text of a TextParts, or a value as it is. */
const textOf = (value) => (value instanceof TextParts ? value.join() : value);

/** Appends text to the TextParts at target[key], made when missing (the key then takes its place in target's order). */
function append(target, key, text) {
  if (!(target[key] instanceof TextParts)) target[key] = new TextParts();
  target[key].push(text);
}

/**
 * The profiles that forgive, beyond the openai package, a tool-call delta
 * without `index`: Ollama's OpenAI-compatible API (ollama/ollama#7881) and
 * Gemini's OpenAI endpoint (openai/openai-python#2806) send each tool call
 * whole in a chunk of its own without index. Such a delta with an `id` is
 * the next tool call; one without an id continues the last (as
 * openai/openai-python#3246 infers it), or is the first.
 */
const LENIENT = new Set(["openai-compatible"]);

/**
 * Builds the chat.completion of a chat stream; add() takes each valid chunk
 * with its event number in the stream, finish() gives { value, issues }.
 * The rules, as the openai package's:
 * - the response's fields from the first chunk, then (last value wins) from
 *   every chunk with an id; `object` becomes "chat.completion",
 *   system_fingerprint stays only when not empty; obfuscation (per-event
 *   padding) is dropped, as for completions;
 * - per choice (by index): content and refusal appended, role set, the last
 *   non-null finish_reason, logprobs' content and refusal lists appended
 *   (other logprobs fields: last value wins), other delta and choice fields
 *   last value wins; audio: id and expires_at set, data and transcript
 *   appended; function_call: name set, arguments appended;
 * - per tool call (by index): id, type and function.name set when sent,
 *   function.arguments appended, other fields last value wins.
 */
export class ChatAssembly {
  constructor(settings) {
    const name = settings.keys === "camel" ? camelCase : (key) => key;
    this.names = {
      finishReason: name("finish_reason"),
      toolCalls: name("tool_calls"),
      functionCall: name("function_call"),
      systemFingerprint: name("system_fingerprint"),
      expiresAt: name("expires_at"),
    };
    this.lenient = LENIENT.has(settings.profile);
    // Whether a choice may end without finish_reason (the openai package requires one): the profile's
    // decision for completions (schema.yaml), until the chat schema has its own. openai-compatible needs
    // it for chat too: TGI 3.1.2 ends a tool-call stream with none (tests/fixtures/chat-servers/tgi/).
    this.finishMayLack = ASSEMBLY[settings.profile].finishExpected === null;
    this.maxIssues = settings.maxIssues;
    this.head = null; // the response's fields, in the order the openai package keeps them
    this.choices = [];
    this.issues = [];
  }

  /** One valid chunk, the `event`-th event of the stream (0-based, as a StreamEventInfo's index). */
  add(chunk, event) {
    const { choices, obfuscation, ...fields } = chunk;
    if (this.head === null) this.head = fields;
    else if (chunk.id) Object.assign(this.head, fields);
    if (choices === undefined) return;
    for (let position = 0; position < choices.length; position++) {
      const choice = choices[position];
      if (this.indexIsValid(choice.index, ["choices", position, "index"], event)) this.addChoice(choice, position, event);
    }
  }

  addChoice(choice, position, event) {
    const { delta, [this.names.finishReason]: finishReason, index, logprobs = null, ...other } = choice;
    let slot = this.choices[index];
    if (slot === undefined) {
      slot = { finishReason, index, message: {}, logprobs: copyLogprobs(logprobs), other: {}, audioDone: false };
      this.choices[index] = slot;
    } else if (logprobs) mergeLogprobs(slot, logprobs);
    if (finishReason) slot.finishReason = finishReason;
    Object.assign(slot.other, other);
    if (delta) this.addDelta(slot, delta, ["choices", position, "delta"], event);
  }

  addDelta(slot, delta, path, event) {
    const { toolCalls, functionCall, expiresAt } = this.names;
    const { audio, content, refusal, [functionCall]: call, role, [toolCalls]: calls, ...rest } = delta;
    const message = slot.message;
    Object.assign(message, rest);
    // An audio delta with expires_at alone ends the audio: it stands for finish_reason "stop" (finish()).
    slot.audioDone =
      audio?.[expiresAt] != null &&
      audio.id == null &&
      audio.data == null &&
      audio.transcript == null &&
      content == null &&
      refusal == null &&
      call == null &&
      role == null &&
      calls == null &&
      Object.keys(rest).length === 0;
    if (refusal) append(message, "refusal", refusal);
    if (role) message.role = role;
    if (audio) addAudio((message.audio ??= {}), audio, expiresAt);
    if (call) addFunctionCall(message, functionCall, call);
    if (content) append(message, "content", content);
    if (calls) {
      message[toolCalls] ??= [];
      for (let position = 0; position < calls.length; position++) this.addToolCall(message[toolCalls], calls[position], [...path, toolCalls, position], event);
    }
  }

  addToolCall(list, delta, path, event) {
    const { index: sent, id, type, function: fn, ...rest } = delta;
    const index = sent === undefined && this.lenient ? (id || list.length === 0 ? list.length : list.length - 1) : sent;
    if (!this.indexIsValid(index, [...path, "index"], event)) return;
    const call = (list[index] ??= {});
    Object.assign(call, rest);
    if (id) call.id = id;
    if (type) call.type = type;
    if (fn) call.function ??= { name: fn.name ?? "", arguments: "" };
    if (fn?.name) call.function.name = fn.name;
    if (fn?.arguments) append(call.function, "arguments", fn.arguments);
  }

  /** Whether an index (of a choice or a tool call) can be used; if not, the issue is reported. */
  indexIsValid(index, path, event) {
    if (Number.isInteger(index) && index >= 0 && index <= MAX_INDEX) return true;
    const expected = `an integer from 0 to ${MAX_INDEX}`;
    if (index === undefined) this.report(eventIssue("missing_field", path, expected, "nothing", event, "the openai package would drop this delta"));
    else if (index > MAX_INDEX) this.report(eventIssue("too_large", path, expected, JSON.stringify(index), event, "a larger index would make a sparse array"));
    else this.report(eventIssue("invalid_type", path, expected, JSON.stringify(index), event, "no choice or tool call has that index"));
    return false;
  }

  report(issue) {
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
  }

  /** { value, issues }: issues when the stream broke a rule; `end` is where the stream ended. */
  finish(end) {
    end ??= { offset: 0, line: 1, column: 1 };
    if (this.head === null) {
      for (const key of ["id", "created", "model"]) {
        this.report(assemblyIssue([key], "a value from the stream's chunks", `${key}: no chunk carried it (the stream had no chunks)`, end));
      }
      return { issues: this.issues };
    }
    const choices = [];
    for (let index = 0; index < this.choices.length; index++) {
      const slot = this.choices[index];
      if (slot === undefined) this.report(assemblyIssue(["choices", index], `choice ${index}`, `choices[${index}]: no chunk carried choice ${index}, though a later one did`, end));
      else choices.push(this.finishChoice(slot, end));
    }
    const value = this.finishHead(choices);
    // An event's issue has no position of its own here (its `event` says which): where the stream ended, as for the others.
    for (const issue of this.issues) if (issue.offset === undefined) Object.assign(issue, { offset: end.offset, line: end.line, column: end.column });
    return { value, issues: this.issues };
  }

  /** finalizeChatCompletion's field order: the other fields as first sent, then id, choices, created, model, object, system_fingerprint. */
  finishHead(choices) {
    const { id, created, model, [this.names.systemFingerprint]: fingerprint, ...rest } = this.head;
    const value = { ...rest, id, choices, created, model, object: "chat.completion" };
    if (fingerprint) value[this.names.systemFingerprint] = fingerprint;
    return value;
  }

  finishChoice(slot, end) {
    const { finishReason: finishName, functionCall, toolCalls } = this.names;
    const { index, logprobs, other } = slot;
    const at = (...path) => ["choices", index, ...path];
    const { content = null, [functionCall]: call, [toolCalls]: calls, audio, ...messageRest } = slot.message;
    const finishReason = slot.finishReason ?? (slot.audioDone && isCompleteAudio(audio, this.names.expiresAt) ? "stop" : null);
    if (!finishReason && !this.finishMayLack) {
      this.report(assemblyIssue(at(finishName), "a finish_reason", `choices[${index}].finish_reason: no chunk gave choice ${index} a finish_reason`, end));
    }
    const role = slot.message.role;
    if (!role) this.report(assemblyIssue(at("message", "role"), "a role", `choices[${index}].message.role: no chunk gave choice ${index} a role`, end));
    const audioField = audio ? { audio: finishAudio(audio) } : {};
    const refusal = textOf(slot.message.refusal) ?? null;
    const text = textOf(content);
    if (call) {
      const { arguments: args, name } = call;
      if (args == null)
        this.report(assemblyIssue(at("message", functionCall, "arguments"), "arguments", `choices[${index}].message.${functionCall}.arguments: none was sent`, end));
      if (!name) this.report(assemblyIssue(at("message", functionCall, "name"), "a name", `choices[${index}].message.${functionCall}.name: none was sent`, end));
      const message = { ...audioField, content: text, [functionCall]: { arguments: textOf(args), name }, role, refusal };
      return { ...other, message, [finishName]: finishReason, index, logprobs };
    }
    if (calls) {
      const message = { ...finishTexts(messageRest), ...audioField, role, content: text, refusal };
      message[toolCalls] = this.finishToolCalls(calls, at("message", toolCalls), end);
      return { ...other, index, [finishName]: finishReason, logprobs, message };
    }
    const message = { ...finishTexts(messageRest), ...audioField, content: text, role, refusal };
    return { ...other, message, [finishName]: finishReason, index, logprobs };
  }

  finishToolCalls(calls, path, end) {
    const done = [];
    for (let index = 0; index < calls.length; index++) {
      const call = calls[index];
      const at = [...path, index];
      if (call === undefined) {
        this.report(assemblyIssue(at, `tool call ${index}`, `${pathStringOf(at)}: no chunk carried tool call ${index}, though a later one did`, end));
        continue;
      }
      const { function: fn, type, id, ...rest } = call;
      const { arguments: args, name, ...fnRest } = fn ?? {};
      // The openai package makes up an id (call_ and a UUID) when none was sent; an id no server gave is not assembled here.
      for (const [field, value] of [
        ["id", id],
        ["type", type],
        ["function.name", name],
        ["function.arguments", args],
      ]) {
        if (value == null || (field === "id" && !value)) this.report(assemblyIssue([...at, ...field.split(".")], `a ${field}`, `${pathStringOf(at)}.${field}: none was sent`, end));
      }
      done.push({ ...rest, id, type, function: { ...fnRest, name, arguments: textOf(args) } });
    }
    return done;
  }
}

/** An issue of one chunk: where the stream had it is its event number (the chunk has no text of its own here). */
function eventIssue(code, path, expected, received, event, why) {
  const where = `${pathStringOf(path)} of event ${event}`;
  return { code, path, pathString: pathStringOf(path), expected, received, message: `${where}: expected ${expected}, got ${received}; ${why}`, event };
}

/** A choice's first logprobs, with lists of its own, so that appending to them never touches a chunk's. */
function copyLogprobs(logprobs) {
  if (!logprobs) return logprobs;
  const copy = { ...logprobs };
  if (Array.isArray(copy.content)) copy.content = [...copy.content];
  if (Array.isArray(copy.refusal)) copy.refusal = [...copy.refusal];
  return copy;
}

/**
 * logprobs after a choice's first chunk: the content and refusal lists
 * appended, the other fields last value wins. (The openai package appends
 * onto the first chunk's own logprobs object, so that the first chunk's
 * lists count twice there; here each entry counts once.)
 */
function mergeLogprobs(slot, next) {
  if (!slot.logprobs) {
    slot.logprobs = copyLogprobs(next);
    return;
  }
  const { content, refusal, ...rest } = next;
  Object.assign(slot.logprobs, rest);
  if (content) for (const item of content) (slot.logprobs.content ??= []).push(item);
  if (refusal) for (const item of refusal) (slot.logprobs.refusal ??= []).push(item);
}

/** The legacy function_call: the first as sent, then name set and arguments appended. */
function addFunctionCall(message, key, call) {
  if (message[key] === undefined) {
    message[key] = { ...call };
    if (typeof call.arguments === "string") append(message[key], "arguments", call.arguments);
    return;
  }
  if (call.name) message[key].name = call.name;
  if (call.arguments) append(message[key], "arguments", call.arguments);
}

function addAudio(target, audio, expiresAt) {
  if (audio.id != null) target.id = audio.id;
  if (audio.data != null) append(target, "data", audio.data);
  if (audio.transcript != null) append(target, "transcript", audio.transcript);
  if (audio[expiresAt] != null) target[expiresAt] = audio[expiresAt];
}

function isCompleteAudio(audio, expiresAt) {
  return audio?.id != null && audio.data != null && audio.transcript != null && audio[expiresAt] != null;
}

/** An object whose TextParts become their text, its field order kept. */
function finishTexts(object) {
  const done = {};
  for (const key of Object.keys(object)) done[key] = textOf(object[key]);
  return done;
}

const finishAudio = finishTexts;

// assemble-completion.js: the legacy /completions stream (text_completion
// chunks) assembled into one CompletionResponse, the rules of which are the
// class comment below. Its entry in assemblers.js names the document it
// assembles; collect() (events.js) feeds it each valid event.
import { ASSEMBLY, FLAGS, KEYS } from "../schema.js";
import { assemblyIssue } from "./errors.js";

/**
 * Builds the CompletionResponse: the response's own fields (id, object,
 * created, model, and system_fingerprint where the profile names it) from
 * the first event that carries each, each index's texts joined in order,
 * each choice's last non-null finish_reason, logprobs merged (arrays
 * concatenated), the last usage sent; with unknownKeys "keep", unknown fields
 * (last value wins). obfuscation is per-event padding and is dropped.
 */
export class CompletionAssembly {
  constructor(settings) {
    const { head, finishExpected } = ASSEMBLY[settings.profile];
    this.head = head[settings.keys];
    this.finishName = settings.keys === KEYS.CAMEL ? "finishReason" : "finish_reason";
    // What a choice without finish_reason lacks (null: the profile's response allows null there).
    this.finishExpected = finishExpected?.[settings.flags & FLAGS.OPEN_ENUMS ? 1 : 0];
    this.keep = (settings.flags & FLAGS.UNKNOWN_KEEP) !== 0;
    this.known = [...this.head, "choices", "usage", "obfuscation"];
    this.fields = {};
    this.choices = new Map();
    this.usage = undefined;
    this.extra = {};
    this.events = 0;
  }

  /** One valid event (its number in the stream is not needed: no rule here spans events). */
  add(event) {
    this.events++;
    for (const name of this.head) if (this.fields[name] === undefined && event[name] !== undefined) this.fields[name] = event[name];
    // A usage-only last event may come without choices (openai-compatible).
    if (event.choices !== undefined) for (const choice of event.choices) this.addChoice(choice);
    if (event.usage != null) this.usage = event.usage; // null until the last event, with include_usage
    if (this.keep) copyUnknown(this.extra, event, this.known);
  }

  addChoice(choice) {
    let slot = this.choices.get(choice.index);
    if (slot === undefined) {
      slot = { texts: [], logprobs: undefined, finish: null, extra: {} };
      this.choices.set(choice.index, slot);
    }
    slot.texts.push(choice.text);
    const reason = choice[this.finishName];
    if (reason !== undefined && reason !== null) slot.finish = reason;
    if (choice.logprobs !== undefined) slot.logprobs = mergeLogprobs(slot.logprobs, choice.logprobs);
    if (this.keep) copyUnknown(slot.extra, choice, ["text", "index", "logprobs", this.finishName]);
  }

  /** { value, issues }: issues when a required field has no value; `end` is where the stream ended. */
  finish(end) {
    const issues = [];
    if (this.events === 0) {
      for (const key of ["id", "object", "created", "model"]) {
        issues.push(assemblyIssue([key], "a value from the stream's events", `${key}: no event carried it (the stream had no events)`, end));
      }
      return { issues };
    }
    const choices = [...this.choices.keys()]
      .sort((a, b) => a - b)
      .map((index) => {
        const slot = this.choices.get(index);
        const choice = { text: slot.texts.join(""), index };
        if (slot.logprobs !== undefined) choice.logprobs = slot.logprobs;
        choice[this.finishName] = slot.finish;
        if (slot.finish === null && this.finishExpected) {
          issues.push(
            assemblyIssue(["choices", index, "finish_reason"], this.finishExpected, `choices[${index}].finish_reason: no event gave choice ${index} a finish_reason`, end),
          );
        }
        return Object.assign(choice, slot.extra);
      });
    const value = { ...this.fields, choices };
    if (this.usage !== undefined) value.usage = this.usage;
    Object.assign(value, this.extra);
    return { value, issues };
  }
}

function copyUnknown(target, source, known) {
  for (const key of Object.keys(source)) {
    if (known.includes(key)) continue;
    Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
  }
}

/** Legacy completion logprobs arrive per chunk ({tokens: [...], token_logprobs: [...], ...}): arrays are joined. */
function mergeLogprobs(sofar, next) {
  if (next === null) return sofar === undefined ? null : sofar;
  if (sofar === undefined || sofar === null) sofar = {};
  const merged = { ...sofar };
  for (const key of Object.keys(next)) {
    const value = next[key];
    const before = merged[key];
    const joined = Array.isArray(before) && Array.isArray(value) ? before.concat(value) : value;
    Object.defineProperty(merged, key, { value: joined, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

// assemblers.js: which assembler builds which document from a stream, so
// that collect() (events.js) has one place to ask. A new kind of stream is a
// new assembler module and an entry here: a class whose constructor takes
// the settings, add(event, index) takes each valid event with its number in
// the stream, and finish(end) gives { value, issues } (`end`: where the
// stream ended, for the issues' positions).
import { ChatAssembly } from "./assemble-chat.js";
import { CompletionAssembly } from "./assemble-completion.js";
import { documentOf } from "./endpoints.js";

/**
 * By the document the stream's events are checked as (the names of
 * DOCUMENT in schema.js, from src/schema.yaml): the assembler, the name of
 * the document it builds and that of one event, for the errors' messages.
 */
export const ASSEMBLERS = {
  streamEvent: { Assembler: CompletionAssembly, document: "CompletionResponse", event: "CompletionStreamEvent" },
  chatChunk: { Assembler: ChatAssembly, document: "ChatCompletion", event: "ChatCompletionChunk" },
};

/** The assembler of the stream the settings describe: that of their endpoint's stream event. */
export function assemblerFor(settings) {
  return ASSEMBLERS[documentOf(settings, "streamEvent")];
}

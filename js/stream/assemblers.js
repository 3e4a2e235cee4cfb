// assemblers.js: which assembler builds which document from a stream, so
// that collect() (events.js) has one place to ask. A new kind of stream is a
// new assembler module and an entry here: a class whose constructor takes
// the settings, add(event, index) takes each valid event with its number in
// the stream, and finish(end) gives { value, issues } (`end`: where the
// stream ended, for the issues' positions).
import { ChatAssembly } from "./assemble-chat.js";
import { CompletionAssembly } from "./assemble-completion.js";

/**
 * By the document the stream's events are checked as (the names of
 * DOCUMENT in schema.js, from src/schema.yaml): the assembler, and the
 * name of the document it builds, for the error's message.
 */
export const ASSEMBLERS = {
  streamEvent: { Assembler: CompletionAssembly, document: "CompletionResponse" },
  // Not reachable yet: src/sse.c checks every event as a streamEvent, and the
  // settings name no stream document. When the chat schema lands, its chunk
  // document takes this key's place (its name in DOCUMENT), and
  // readStreamOptions sets settings.streamDocument to it for chat streams.
  chatStreamEvent: { Assembler: ChatAssembly, document: "ChatCompletion" },
};

/** The assembler of the stream the settings describe: a completions stream unless they name another document. */
export function assemblerFor(settings) {
  return ASSEMBLERS[settings.streamDocument ?? "streamEvent"];
}

// The types of completion-wasm/stream (its entry: stream-subpath.js): a
// synchronous stream parser (eventsource-parser's createParser shape) and a
// TransformStream of typed events.
import type {
  CompletionApiError,
  CompletionStreamValidationError,
  KeysOption,
  ParsedChatStreamChunk,
  ParsedStreamEvent,
  ParseOptions,
  Profile,
  StreamCallbacks,
  StreamEventInfo,
  StreamOptions,
} from "completion-wasm";

export interface CompletionStreamParserCallbacks<O extends ParseOptions> {
  /** Each valid event, called synchronously inside feed(). */
  onEvent: (event: ParsedStreamEvent<O>, info: StreamEventInfo) => void;
  /**
   * Each invalid event, error event (CompletionApiError) and, from end(), a
   * missing [DONE]; parsing goes on. Without it, feed()/end() throw the first
   * one, and the parser refuses chunks until reset().
   */
  onError?: (error: CompletionStreamValidationError | CompletionApiError) => void;
  /** The `data: [DONE]` event; chunks fed after it are not read. */
  onDone?: (info: StreamEventInfo) => void;
}

/** The callbacks of createChatCompletionStreamParser: those of the /completions parser, each chunk a ChatCompletionChunk. */
export interface ChatCompletionStreamParserCallbacks<O extends ParseOptions> extends Omit<CompletionStreamParserCallbacks<O>, "onEvent"> {
  /** Each valid chunk, called synchronously inside feed(). */
  onEvent: (chunk: ParsedChatStreamChunk<O>, info: StreamEventInfo) => void;
}

export interface CompletionStreamParser {
  /** Parses a chunk of the stream (bytes or text); callbacks run before it returns. */
  feed(chunk: Uint8Array | string): void;
  /** The stream ended: reports a missing [DONE], then readies the parser for another stream. */
  end(): void;
  /** Forgets the stream read so far (and a stop at an error), reporting nothing. */
  reset(): void;
}

/** A parser in eventsource-parser's shape; the options are StreamOptions without onInvalid. Bad options throw here. */
export declare function createCompletionStreamParser<
  // One parameter per option the event type depends on: TypeScript infers these from the
  // options object before it types the callbacks beside them (a whole-object parameter it would not).
  P extends Profile = "r9s",
  K extends "wire" | "camel" = "wire",
  E extends boolean = false,
>(
  options: Omit<StreamOptions, "onInvalid" | "profile" | "keys" | "openEnums"> & { profile?: P; keys?: K; openEnums?: E } & CompletionStreamParserCallbacks<{
      profile: P;
      keys: K;
      openEnums: E;
    }>,
): CompletionStreamParser;

/**
 * `response.body.pipeThrough(new CompletionEventStream(options))`: bytes or
 * text in, typed events out, ending at [DONE]. An invalid event, an error
 * event or a missing [DONE] errors the readable side after the events before
 * it have been read (with `onInvalid: "skip"` they go to onInvalidEvent
 * instead); onEvent sees each event as it passes. A writable and readable
 * pair rather than a TransformStream, which discards the events it still
 * holds when it errors.
 */
export declare class CompletionEventStream<O extends StreamOptions = {}> implements ReadableWritablePair<ParsedStreamEvent<O>, Uint8Array | string> {
  constructor(options?: O & StreamCallbacks);
  readonly readable: ReadableStream<ParsedStreamEvent<O>>;
  readonly writable: WritableStream<Uint8Array | string>;
}

/** createCompletionStreamParser for a /chat/completions stream: each chunk validated as a ChatCompletionChunk. */
export declare function createChatCompletionStreamParser<P extends Profile = "r9s", K extends KeysOption = "wire", E extends boolean = false>(
  options: Omit<StreamOptions, "onInvalid" | "profile" | "keys" | "openEnums"> & { profile?: P; keys?: K; openEnums?: E } & ChatCompletionStreamParserCallbacks<{
      profile: P;
      keys: K;
      openEnums: E;
    }>,
): CompletionStreamParser;

/** CompletionEventStream for a /chat/completions stream: bytes or text in, typed ChatCompletionChunks out. */
export declare class ChatCompletionEventStream<O extends StreamOptions = {}> implements ReadableWritablePair<ParsedChatStreamChunk<O>, Uint8Array | string> {
  constructor(options?: O & StreamCallbacks);
  readonly readable: ReadableStream<ParsedChatStreamChunk<O>>;
  readonly writable: WritableStream<Uint8Array | string>;
}

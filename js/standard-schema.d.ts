// completion-wasm/standard-schema: the response and the stream event as
// Standard Schema v1 (https://standardschema.dev), for up-fetch, form
// libraries and frameworks that accept any Standard Schema.
import type { CompletionIssue, ParsedChatCompletion, ParsedChatStreamChunk, ParseOptions, ParsedResponse, ParsedStreamEvent } from "completion-wasm";

/**
 * The Standard Schema v1 interface, written out as its authors recommend so
 * that no dependency is needed; tests check it against @standard-schema/spec.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "completion-wasm";
    readonly validate: (value: unknown) => StandardResult<Output>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** Our issues are Standard Schema issues (`message`, `path`) with our fields kept. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<CompletionIssue | { readonly message: string; readonly path: readonly [] }> };

/**
 * What validate takes: the JSON text (a string, Uint8Array, ArrayBuffer or
 * DataView: checked strictly, with byte offsets), or a value already parsed,
 * which is serialised with JSON.stringify first. A parsed value cannot show
 * duplicate keys, the original byte offsets, or how numbers were spelled
 * (1.0 vs 1, an integer beyond 2^53 already rounded): pass the text when you
 * have it.
 */
export type StandardInput = unknown;

/** The profile's CompletionResponse (in the key style of `keys`) as a Standard Schema. Bad options throw here. */
export declare function completionResponseSchema<O extends ParseOptions | undefined = undefined>(options?: O): StandardSchemaV1<StandardInput, ParsedResponse<O>>;

/** One event's data, a CompletionStreamEvent, as a Standard Schema. Bad options throw here. */
export declare function completionStreamEventSchema<O extends ParseOptions | undefined = undefined>(options?: O): StandardSchemaV1<StandardInput, ParsedStreamEvent<O>>;

/** The profile's ChatCompletion (a /chat/completions body) as a Standard Schema. Bad options throw here. */
export declare function chatCompletionSchema<O extends ParseOptions | undefined = undefined>(options?: O): StandardSchemaV1<StandardInput, ParsedChatCompletion<O>>;

/** One chunk of a /chat/completions stream, a ChatCompletionChunk, as a Standard Schema. Bad options throw here. */
export declare function chatCompletionChunkSchema<O extends ParseOptions | undefined = undefined>(options?: O): StandardSchemaV1<StandardInput, ParsedChatStreamChunk<O>>;

// endpoints.js: which endpoint a stream or body is from, and the settings
// that check its documents. The endpoints, their paths and their documents
// are src/schema.yaml's (ENDPOINTS in schema.js); the settings of the stream
// functions name their endpoint (core.js's readStreamOptions) but no document.
import { DOCUMENT, ENDPOINTS, SCHEMA_MASK, SCHEMA_SHIFT } from "../schema.js";
import { tag } from "../input.js";

/** Document names by number (DOCUMENT's keys, in the order of their numbers). */
const DOCUMENT_NAMES = Object.keys(DOCUMENT);

// Longest path first, so that /chat/completions is not taken for /completions.
const BY_PATH = Object.keys(ENDPOINTS).sort((a, b) => ENDPOINTS[b].path.length - ENDPOINTS[a].path.length);

/** The endpoint a request URL (a string, URL or Request) goes to, by the end of its path; undefined for any other. */
export function endpointOfRequest(input) {
  const url = typeof input === "string" ? input : tag(input) === "[object URL]" ? input.href : input?.url;
  if (typeof url !== "string" || url === "") return undefined;
  const { pathname } = new URL(url, "http://relative.invalid");
  const path = pathname.replace(/\/$/, "");
  // Each path starts with "/", so a match ends the URL's path at a segment boundary.
  return BY_PATH.find((name) => path.endsWith(ENDPOINTS[name].path));
}

/** The name (a key of DOCUMENT) of the endpoint's document in `role`: "response" or "streamEvent". */
export function documentOf(settings, role) {
  return DOCUMENT_NAMES[ENDPOINTS[settings.endpoint][role]];
}

/** The settings that check the endpoint's document in `role`. */
export function settingsFor(settings, role) {
  const flags = (settings.flags & ~SCHEMA_MASK) | (ENDPOINTS[settings.endpoint][role] << SCHEMA_SHIFT);
  return flags === settings.flags ? settings : { ...settings, flags };
}

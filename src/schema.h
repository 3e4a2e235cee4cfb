/*
 * schema.h: the shape of the tables the walker reads (src/completion.c).
 * The tables themselves are generated from src/schema.yaml into
 * src/schema_tables.c by src/generate.js; nothing here names a field.
 */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stdint.h>

#include "completion.h"

/* The JSON kinds a type accepts (cw_type.accepts): the bits of cJSON's own
 * type numbers (completion.c checks that they agree), so that one AND tells
 * whether a value's kind is accepted. ACCEPT_INTEGER is a number whose
 * decimal text must also be whole and safe: the number bit and a bit cJSON
 * never sets on what it parses (cJSON_Raw). */
enum {
    ACCEPT_BOOLEAN = (1u << 0) | (1u << 1), /* cJSON_False | cJSON_True */
    ACCEPT_NULL = 1u << 2,
    ACCEPT_NUMBER = 1u << 3,
    ACCEPT_STRING = 1u << 4,
    ACCEPT_ARRAY = 1u << 5,
    ACCEPT_OBJECT = 1u << 6,
    ACCEPT_WHOLE_ONLY = 1u << 7,
    ACCEPT_INTEGER = ACCEPT_NUMBER | ACCEPT_WHOLE_ONLY,
    ACCEPT_ANY = 0x7f
};

/* What a string from a fixed set is: a literal (invalid_literal, never
 * opened) or an enum (invalid_enum; CW_OPEN_ENUMS accepts any string). */
enum { VALUES_NONE = 0, VALUES_LITERAL, VALUES_ENUM };

/* The tables are arrays indexed by small numbers rather than structs of
 * pointers: a quarter of the size, which the wasm's download budget needs.
 * src/generate.js reads the widths of these members from this file and
 * refuses a description whose numbers one of them cannot hold. */

/* One bit per field of an object: the walker's sets of the fields seen (and
 * seen not null). An object of the description has at most this many fields. */
typedef uint32_t cw_field_set;

typedef struct cw_type {
    uint8_t accepts;     /* ACCEPT_ bits */
    uint8_t values_kind; /* VALUES_: strings must be one of the value_count entries of cw_values from first_value */
    uint8_t value_count;
    uint8_t first_value;
    /* Members of an object: 1 + an index of cw_objects; 0: any object, kept as sent. For a union of
     * objects (its extra names a discriminator), the first of its variants, which follow each other. */
    uint8_t object;
    uint8_t items;     /* items of an array: 1 + an index of cw_types; 0: any items, kept as sent */
    uint8_t extra;     /* what only a few types need: 1 + an index of cw_type_extras; 0: none */
    uint16_t expected; /* what an issue says the schema wanted: an offset in cw_texts */
} cw_type;

/* Kept apart from cw_type, which most types would carry unused: the table's
 * size is the wasm's. */
typedef struct cw_type_extra {
    /* A union of objects: 1 + an index of cw_types, the literal type of the field that tells them apart
     * (each variant's first field), its i-th value choosing the i-th variant; 0: not a union. */
    uint8_t discriminator;
    uint8_t hint_value;     /* a wrong literal worth a word of advice (an index of cw_values) */
    uint16_t hint;          /* and that advice, the detail: an offset in cw_texts; 0 (an empty text) for none */
    uint16_t expected_open; /* an enum's expected with CW_OPEN_ENUMS: an offset in cw_texts */
} cw_type_extra;

typedef struct cw_field {
    uint8_t key; /* cw_key */
    /* 0: optional; 1: required; 2 + i: required unless the sibling field i is there and not null */
    uint8_t required;
    uint8_t type; /* an index of cw_types */
} cw_field;

typedef struct cw_object_schema {
    uint16_t first_field; /* count entries of cw_fields */
    uint8_t count;
    /* Members the fields do not name: 0 means they are unknown fields (the
     * unknownKeys option decides); else 1 + an index of cw_types, and each is
     * data of that type, kept whatever unknownKeys says (a map, e.g. the
     * entries of top_logprobs). */
    uint8_t members;
} cw_object_schema;

/* The documents of a profile, by the document number in the flags
 * (CW_SCHEMA_): indexes of cw_objects. */
extern const struct cw_profile_documents { uint8_t object[CW_DOCUMENT_COUNT]; } cw_profiles[CW_PROFILE_COUNT];
extern const cw_object_schema cw_objects[];
extern const cw_field cw_fields[];
extern const cw_type cw_types[];
extern const cw_type_extra cw_type_extras[];
extern const struct cw_text_ref {
    uint16_t text;                        /* an offset in cw_texts */
    uint8_t length;                       /* in bytes, so that comparing needs no strlen */
} cw_values[];                            /* the strings of literals and enums */
extern const char cw_texts[];             /* NUL-separated texts; offset 0 is the empty text */
extern const char *const cw_code_names[]; /* by cw_code; [0] is "unknown" */
extern const unsigned cw_code_count;
extern const struct cw_text_ref cw_key_names[CW_KEY_COUNT]; /* by cw_key */

#endif /* SCHEMA_H */

/*
 * completion.c: cw_check. The input goes through two stages:
 *   1. cJSON, patched to be strict (src/vendor/cjson/README.md), builds the
 *      tree in the per-call arena, checking syntax, UTF-8 and depth on the way
 *      (one issue, then stop) and recording an entry per key and value
 *      (json_strict.h);
 *   2. the schema walker visits the tree in document order, reading the
 *      entries alongside, collects issues and writes the tape.
 *      What it checks comes from the tables of src/schema_tables.c (the
 *      profile's documents, generated from src/schema.yaml): one walker for
 *      every profile.
 */
#include "completion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "json_strict.h"
#include "schema.h"
#include "vendor/cjson/cJSON.h"

_Static_assert(CW_MAX_INPUT == SCAN_MAX_INPUT, "string lengths in scan entries must hold any accepted input");

/* A growable array of fixed-size items, reused across calls. */
typedef struct growable {
    void *items;
    size_t count;
    size_t capacity;
} growable;

struct cw_context {
    arena scratch; /* cJSON's tree and the walker's tables; reset before cw_check returns */
    arena results; /* issue paths and texts; reset when the next call starts */
    scan_entries entries;
    growable issues;  /* cw_issue */
    growable tape;    /* uint32_t */
    growable numbers; /* double */
    growable strings; /* char: decoded bytes of escaped strings */
    cw_result result;
};

/* Room for `more` items; NULL when memory ran out. Not inlined: the tape's
 * writer checks for room itself and calls this only to grow. */
#if defined(__clang__)
__attribute__((noinline))
#endif
static void *
grow(growable *g, size_t item_size, size_t more) {
    if (g->capacity - g->count < more) {
        size_t capacity = g->capacity ? g->capacity : 64;
        while (capacity - g->count < more) capacity *= 2;
        void *items = realloc(g->items, capacity * item_size);
        if (items == NULL) return NULL;
        g->items = items;
        g->capacity = capacity;
    }
    void *slot = (char *)g->items + g->count * item_size;
    g->count += more;
    return slot;
}

/* Whether a[0..length) equals b[0..length). Keys and enum values are short:
 * compared inline, they cost less than a call to the C library's memcmp,
 * which in wasm is a byte loop behind a call. */
static int bytes_equal(const char *a, const char *b, size_t length) {
#if defined(__clang__)
#pragma clang loop vectorize(disable) unroll(disable) /* a few bytes: unrolled copies only add size */
#endif
    for (size_t i = 0; i < length; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

/* ---- the walker ---- */

typedef struct walker {
    cw_context *context;
    const uint8_t *json;
    const uint8_t *json_end;
    const scan_entry *entries;
    size_t next_entry;
    uint32_t flags;
    uint32_t max_issues;
    int writing_tape; /* CW_WRITE_TAPE was asked for and no issue was found yet */
    int out_of_memory;
    cw_segment *path; /* the path to the value being walked */
    uint32_t path_length;
    uint32_t first_dropped_offset;
} walker;

typedef struct issue_spec {
    uint32_t code;
    uint32_t offset;
    const char *expected;
    const char *received; /* a static type name, or NULL with text */
    const uint8_t *text;  /* received_text: copied into the result */
    uint32_t text_length;
    const char *detail;
} issue_spec;

static const scan_entry *take_entry(walker *w) { return &w->entries[w->next_entry++]; }
static const scan_entry *peek_entry(walker *w) { return &w->entries[w->next_entry]; }

static void *copy_to_results(walker *w, const void *bytes, size_t length) {
    void *copy = arena_alloc(&w->context->results, length ? length : 1);
    if (copy == NULL) {
        w->out_of_memory = 1;
        return NULL;
    }
    if (length > 0) memcpy(copy, bytes, length); /* bytes may be NULL when length is 0 */
    return copy;
}

/* Copies the current path (keys included) into the result arena. */
static const cw_segment *copy_path(walker *w) {
    cw_segment *path = copy_to_results(w, w->path, w->path_length * sizeof *path);
    for (uint32_t i = 0; path != NULL && i < w->path_length; i++)
        if (path[i].kind == CW_SEG_KEY) path[i].key = copy_to_results(w, path[i].key, path[i].key_length);
    return path;
}

/* Where an issue at `offset` goes in the list, which is kept sorted by
 * offset; issues at the same offset keep the order they were found in. */
static size_t insertion_point(const cw_issue *issues, size_t count, uint32_t offset) {
    size_t at = count;
    while (at > 0 && issues[at - 1].offset > offset) at--;
    return at;
}

static void note_dropped(walker *w, uint32_t offset) {
    if (w->context->result.issues_dropped++ == 0 || offset < w->first_dropped_offset) w->first_dropped_offset = offset;
}

/* Records an issue. The list holds the max_issues first issues in document
 * order: missing_field and duplicate_key are found after the issues inside
 * their object, so a full list may still take one in, pushing its last out. */
static void report(walker *w, issue_spec spec) {
    cw_context *c = w->context;
    cw_issue *issues = c->issues.items;
    size_t count = c->issues.count;
    w->writing_tape = 0;
    if (count >= w->max_issues) {
        /* Full: the new issue goes in only if it comes before the last one. */
        int goes_in = spec.offset < issues[count - 1].offset;
        note_dropped(w, goes_in ? issues[count - 1].offset : spec.offset);
        if (!goes_in) return;
        c->issues.count = --count;
    }
    if (grow(&c->issues, sizeof(cw_issue), 1) == NULL) {
        w->out_of_memory = 1;
        return;
    }
    issues = c->issues.items;
    size_t at = insertion_point(issues, count, spec.offset);
    memmove(&issues[at + 1], &issues[at], (count - at) * sizeof *issues);
    cw_issue *issue = &issues[at];
    memset(issue, 0, sizeof *issue);
    issue->code = spec.code;
    issue->offset = spec.offset;
    issue->expected = spec.expected;
    issue->received = spec.received;
    issue->detail = spec.detail;
    if (spec.text != NULL) {
        issue->received_text = copy_to_results(w, spec.text, spec.text_length);
        issue->received_length = spec.text_length;
    }
    issue->path_length = w->path_length;
    issue->path = copy_path(w);
}

static void push_key(walker *w, const char *key, uint32_t length) {
    cw_segment *s = &w->path[w->path_length++];
    s->kind = CW_SEG_KEY;
    s->index = 0;
    s->key = key;
    s->key_length = length;
}

static void push_index(walker *w, uint32_t index) {
    cw_segment *s = &w->path[w->path_length++];
    s->kind = CW_SEG_INDEX;
    s->index = index;
    s->key = NULL;
    s->key_length = 0;
}

/* ---- tape ---- */

static void emit(walker *w, uint32_t word) {
    if (!w->writing_tape) return;
    growable *tape = &w->context->tape;
    uint32_t *slot = tape->count < tape->capacity ? (uint32_t *)tape->items + tape->count++ /* most words */
                                                  : grow(tape, sizeof *slot, 1);
    if (slot == NULL) {
        w->out_of_memory = 1;
        w->writing_tape = 0;
        return;
    }
    *slot = word;
}

/* A string or key: its bytes stay in the input unless escapes changed them.
 * A key's text is decoded (cJSON decodes keys); a string value with escapes
 * (raw) is decoded here, straight into the tape's strings: only what is read
 * is ever decoded. */
static void emit_string(walker *w, uint32_t op, const char *text, const scan_entry *e, int raw) {
    if (!w->writing_tape) return;
    uint32_t length = e->info & SCAN_LENGTH_MASK, offset = e->offset + 1;
    uint32_t operand = (e->info & SCAN_ASCII) ? CW_TAPE_ASCII : 0;
    if (e->info & SCAN_ESCAPED) {
        growable *strings = &w->context->strings;
        offset = (uint32_t)strings->count;
        char *copy = grow(strings, 1, length);
        if (copy == NULL) {
            w->out_of_memory = 1;
            w->writing_tape = 0;
            return;
        }
        if (raw) json_strict_decode(w->json + e->offset + 1, w->json_end, (uint8_t *)copy);
        else memcpy(copy, text, length);
        operand |= CW_TAPE_IN_STRINGS;
    }
    emit(w, op | operand);
    emit(w, offset);
    emit(w, length);
}

/* A number cJSON converted exactly, or its text for the reader to convert:
 * json_strict_number (cw_exact_decimal) gives an infinite value when it cannot be exact. */
static void emit_number(walker *w, double value, const scan_entry *e) {
    if (!w->writing_tape) return;
    if (isinf(value)) {
        emit(w, CW_TAPE_NUMBER_TEXT);
        emit(w, e->offset);
        emit(w, e->info & SCAN_LENGTH_MASK);
        return;
    }
    double *slot = grow(&w->context->numbers, sizeof *slot, 1);
    if (slot == NULL) {
        w->out_of_memory = 1;
        w->writing_tape = 0;
        return;
    }
    *slot = value;
    emit(w, CW_TAPE_NUMBER);
}

/* ---- duplicate keys ---- */

typedef struct member_key {
    const char *bytes;
    uint32_t length;
    uint32_t offset;
    uint32_t order; /* position in the object */
} member_key;

static int same_key(const member_key *a, const member_key *b) {
    return a->length == b->length && bytes_equal(a->bytes, b->bytes, a->length);
}

static int compare_keys(const void *left, const void *right) {
    const member_key *a = left, *b = right;
    if (a->length != b->length) return a->length < b->length ? -1 : 1;
    int order = memcmp(a->bytes, b->bytes, a->length);
    if (order != 0) return order;
    return a->order < b->order ? -1 : a->order > b->order;
}

static void report_duplicate(walker *w, const member_key *key) {
    push_key(w, key->bytes, key->length);
    report(w, (issue_spec){CW_DUPLICATE_KEY, key->offset, "a key not used before in this object", NULL,
                           (const uint8_t *)key->bytes, key->length, "JSON.parse would keep only the last value"});
    w->path_length--;
}

/* Reports every key that repeats an earlier one. Small objects compare
 * pairwise; large ones sort, so a hostile object cannot make this quadratic. */
static void check_duplicates(walker *w, member_key *keys, uint32_t count) {
    if (count <= 16) {
        for (uint32_t i = 1; i < count; i++)
            for (uint32_t j = 0; j < i; j++)
                if (same_key(&keys[i], &keys[j])) {
                    report_duplicate(w, &keys[i]);
                    break;
                }
        return;
    }
    qsort(keys, count, sizeof *keys, compare_keys);
    for (uint32_t i = 1; i < count; i++)
        if (same_key(&keys[i], &keys[i - 1])) report_duplicate(w, &keys[i]);
}

static member_key *new_key_list(walker *w, const cJSON *object, uint32_t *count) {
    uint32_t n = 0;
    for (const cJSON *child = object->child; child != NULL; child = child->next) n++;
    *count = 0;
    member_key *keys = arena_alloc(&w->context->scratch, (n ? n : 1) * sizeof *keys);
    if (keys == NULL) w->out_of_memory = 1;
    return keys;
}

static void add_key(member_key *keys, uint32_t *count, const cJSON *child, const scan_entry *e) {
    if (keys == NULL) return;
    member_key *k = &keys[*count];
    k->bytes = child->string;
    k->length = e->info & SCAN_LENGTH_MASK;
    k->offset = e->offset;
    k->order = (*count)++;
}

/* ---- walking ---- */

static const char *type_name(const cJSON *node) {
    switch (node->type & 0xFF) {
    case cJSON_False:
    case cJSON_True: return "boolean";
    case cJSON_NULL: return "null";
    case cJSON_Number: return "number";
    case cJSON_String: return "string";
    case cJSON_Array: return "array";
    default: return "object";
    }
}

/* Any JSON value: checked for duplicate keys, copied to the tape when `keep`. */
static void walk_any(walker *w, const cJSON *node, int keep) {
    const scan_entry *e = take_entry(w);
    int was_writing = w->writing_tape;
    if (!keep) w->writing_tape = 0;
    switch (node->type & 0xFF) {
    case cJSON_Object: {
        uint32_t count;
        member_key *keys = new_key_list(w, node, &count);
        emit(w, CW_TAPE_OBJECT_BEGIN);
        for (const cJSON *child = node->child; child != NULL; child = child->next) {
            const scan_entry *key = take_entry(w);
            add_key(keys, &count, child, key);
            emit_string(w, CW_TAPE_KEY, child->string, key, 0);
            push_key(w, child->string, key->info & SCAN_LENGTH_MASK);
            walk_any(w, child, keep);
            w->path_length--;
        }
        if (keys != NULL) check_duplicates(w, keys, count);
        emit(w, CW_TAPE_OBJECT_END);
        break;
    }
    case cJSON_Array: {
        uint32_t index = 0;
        emit(w, CW_TAPE_ARRAY_BEGIN);
        for (const cJSON *child = node->child; child != NULL; child = child->next) {
            push_index(w, index++);
            walk_any(w, child, keep);
            w->path_length--;
        }
        emit(w, CW_TAPE_ARRAY_END);
        break;
    }
    case cJSON_String: emit_string(w, CW_TAPE_STRING, node->valuestring, e, 1); break;
    case cJSON_Number: emit_number(w, node->valuedouble, e); break;
    case cJSON_True: emit(w, CW_TAPE_TRUE); break;
    case cJSON_False: emit(w, CW_TAPE_FALSE); break;
    default: emit(w, CW_TAPE_NULL); break;
    }
    /* An issue inside turns the tape off for good; otherwise restore it. */
    if (!keep && w->context->issues.count == 0 && w->context->result.issues_dropped == 0) w->writing_tape = was_writing;
}

/* A value of the wrong JSON type: report it, then still walk it for duplicate keys. */
static void wrong_type(walker *w, const cJSON *node, const char *expected) {
    report(w, (issue_spec){CW_INVALID_TYPE, peek_entry(w)->offset, expected, type_name(node), NULL, 0, NULL});
    walk_any(w, node, 0);
}

/* What only a few types carry (see cw_type_extra), or NULL. */
static const cw_type_extra *extra_of(const cw_type *type) {
    return type->extra ? &cw_type_extras[type->extra - 1] : NULL;
}

static const char *expected_of(const walker *w, const cw_type *type) {
    return cw_texts + (type->values_kind == VALUES_ENUM && (w->flags & CW_OPEN_ENUMS) ? extra_of(type)->expected_open
                                                                                      : type->expected);
}

_Static_assert(ACCEPT_BOOLEAN == (cJSON_False | cJSON_True) && ACCEPT_NULL == cJSON_NULL &&
                   ACCEPT_NUMBER == cJSON_Number && ACCEPT_STRING == cJSON_String && ACCEPT_ARRAY == cJSON_Array &&
                   ACCEPT_OBJECT == cJSON_Object && ACCEPT_WHOLE_ONLY == cJSON_Raw,
               "a type's accepted kinds are cJSON's type bits");

static void walk_object(walker *w, const cJSON *node, const cw_object_schema *schema);
static void walk_value(walker *w, const cJSON *node, const cw_type *type);

/* The tables refer to their entries by 1 + index, 0 meaning none. */
static const cw_object_schema *object_of(uint8_t reference) { return reference ? &cw_objects[reference - 1] : NULL; }
static const cw_type *type_of(uint8_t reference) { return reference ? &cw_types[reference - 1] : NULL; }

static void walk_integer(walker *w) {
    const scan_entry *e = take_entry(w);
    const uint8_t *text = w->json + e->offset;
    uint32_t text_length = e->info & SCAN_LENGTH_MASK;
    double value = 0; /* from the text, exact: the parse gives up on some whole numbers (0e400) */
    uint32_t number_class = json_number_class(text, text_length, &value);
    if (number_class == NUMBER_FRACTIONAL)
        report(w, (issue_spec){CW_NOT_INTEGER, e->offset, "integer", NULL, text, text_length, "not a whole number"});
    else if (number_class == NUMBER_UNSAFE)
        report(w, (issue_spec){CW_UNSAFE_INTEGER, e->offset, "integer within +-(2^53-1)", NULL, text, text_length,
                               "a JavaScript number cannot hold it exactly"});
    else emit_number(w, value, e);
}

static int string_equals(const char *value, const scan_entry *e, const struct cw_text_ref *text) {
    return (e->info & SCAN_LENGTH_MASK) == text->length && bytes_equal(value, cw_texts + text->text, text->length);
}

/* A string value's text, decoded when it has escapes (into the scratch
 * arena); NULL when memory ran out. Not inlined: its two callers would each
 * carry a copy (180 bytes of wasm), for strings that are short and few. */
#if defined(__clang__)
__attribute__((noinline))
#endif
static const char *
read_string(walker *w, const cJSON *node, const scan_entry *e) {
    if (!(e->info & SCAN_ESCAPED)) return node->valuestring;
    char *decoded = arena_alloc(&w->context->scratch, (e->info & SCAN_LENGTH_MASK) + 1);
    if (decoded == NULL) {
        w->out_of_memory = 1;
        return NULL;
    }
    json_strict_decode(w->json + e->offset + 1, w->json_end, (uint8_t *)decoded);
    return decoded;
}

/* Which of a type's values a string is: its index, or -1. */
static int value_index(const char *value, const scan_entry *e, const cw_type *type) {
    for (uint32_t i = 0; i < type->value_count; i++)
        if (string_equals(value, e, &cw_values[type->first_value + i])) return (int)i;
    return -1;
}

/* A string that a literal or an enum restricts to a fixed set: read, so decoded
 * when it has escapes. */
static void walk_string(walker *w, const cJSON *node, const cw_type *type) {
    const scan_entry *e = take_entry(w);
    const char *value = read_string(w, node, e);
    if (value == NULL) return;
    if ((type->values_kind == VALUES_ENUM && (w->flags & CW_OPEN_ENUMS)) || value_index(value, e, type) >= 0) {
        emit_string(w, CW_TAPE_STRING, value, e, 0);
        return;
    }
    const cw_type_extra *extra = extra_of(type);
    const char *hint = extra != NULL && extra->hint != 0 && string_equals(value, e, &cw_values[extra->hint_value])
                           ? cw_texts + extra->hint
                           : NULL;
    report(w, (issue_spec){type->values_kind == VALUES_ENUM ? CW_INVALID_ENUM : CW_INVALID_LITERAL, e->offset,
                           cw_texts + type->expected, NULL, (const uint8_t *)value, e->info & SCAN_LENGTH_MASK, hint});
}

/* The entries a value takes in the scan: its own, and a key's and the
 * value's for each member (an item's for each item). */
static size_t entry_count(const cJSON *node) {
    size_t count = 1, per_key = (node->type & 0xFF) == cJSON_Object;
    for (const cJSON *child = node->child; child != NULL; child = child->next) count += per_key + entry_count(child);
    return count;
}

/* The variant of a union of objects that the object's discriminator (each
 * variant's first field, a literal) names, its i-th value the i-th variant;
 * or NULL, once an issue says why: the discriminator is missing, not a
 * string, or none of the union's values. The member is found by its exact
 * key, its length from the scan entries (so that "type\u0000x" is not
 * "type"), looking ahead of the walk, past the entries of the members before it. */
static const cw_object_schema *choose_variant(walker *w, const cJSON *node, const cw_type *type,
                                              uint8_t discriminator) {
    const cw_type *tag = type_of(discriminator);
    const cw_object_schema *variants = object_of(type->object);
    const struct cw_text_ref *name = &cw_key_names[cw_fields[variants->first_field].key];
    const char *expected = cw_texts + tag->expected;
    issue_spec issue = {CW_MISSING_FIELD, peek_entry(w)->offset, expected, "nothing", NULL, 0, NULL};
    const char *key = cw_texts + name->text;
    size_t at = w->next_entry + 1;
    for (const cJSON *child = node->child; child != NULL; at += 1 + entry_count(child), child = child->next) {
        const scan_entry *e = &w->entries[at + 1]; /* the value's, after the key's */
        if ((w->entries[at].info & SCAN_LENGTH_MASK) != name->length || !bytes_equal(child->string, key, name->length))
            continue;
        if ((child->type & 0xFF) != cJSON_String) {
            issue = (issue_spec){CW_INVALID_TYPE, e->offset, expected, type_name(child), NULL, 0, NULL};
        } else {
            const char *value = read_string(w, child, e);
            if (value == NULL) return NULL;
            int index = value_index(value, e, tag);
            if (index >= 0) return &variants[index];
            issue = (issue_spec){CW_INVALID_LITERAL,         e->offset, expected, NULL, (const uint8_t *)value,
                                 e->info & SCAN_LENGTH_MASK, NULL};
        }
        break;
    }
    push_key(w, key, name->length);
    report(w, issue);
    w->path_length--;
    return NULL;
}

static void walk_array(walker *w, const cJSON *node, const cw_type *items) {
    take_entry(w);
    emit(w, CW_TAPE_ARRAY_BEGIN);
    uint32_t index = 0;
    for (const cJSON *child = node->child; child != NULL; child = child->next) {
        push_index(w, index++);
        walk_value(w, child, items);
        w->path_length--;
    }
    emit(w, CW_TAPE_ARRAY_END);
}

/* Any value against a type of the tables. What the type leaves open (any
 * object, any items, null, booleans) is copied to the tape as sent. */
static void walk_value(walker *w, const cJSON *node, const cw_type *type) {
    const cw_object_schema *schema;
    const cw_type_extra *extra;
    if (!(type->accepts & node->type & ACCEPT_ANY)) {
        wrong_type(w, node, expected_of(w, type));
        return;
    }
    switch (node->type & 0xFF) {
    case cJSON_Object:
        if (type->object == 0) {
            walk_any(w, node, 1);
            break;
        }
        /* One call of walk_object, so that it is not inlined twice. A union's object names
         * its variant, or, when it names none (an issue said why), is walked for its duplicate keys. */
        extra = extra_of(type);
        schema = extra != NULL && extra->discriminator != 0 ? choose_variant(w, node, type, extra->discriminator)
                                                            : object_of(type->object);
        if (schema != NULL) walk_object(w, node, schema);
        else walk_any(w, node, 0);
        break;
    case cJSON_Array:
        if (type->items != 0) walk_array(w, node, type_of(type->items));
        else walk_any(w, node, 1);
        break;
    case cJSON_Number:
        if (type->accepts & ACCEPT_WHOLE_ONLY) walk_integer(w);
        else emit_number(w, node->valuedouble, take_entry(w));
        break;
    case cJSON_String:
        if (type->values_kind == VALUES_NONE)
            emit_string(w, CW_TAPE_STRING, node->valuestring, take_entry(w), 1); /* most strings */
        else walk_string(w, node, type);
        break;
    default: walk_any(w, node, 1); break;
    }
}

static int find_field(const cw_object_schema *schema, const char *key, uint32_t length) {
    const cw_field *fields = &cw_fields[schema->first_field];
    for (uint32_t i = 0; i < schema->count; i++) {
        const struct cw_text_ref *name = &cw_key_names[fields[i].key];
        if (name->length == length && bytes_equal(cw_texts + name->text, key, length)) return (int)i;
    }
    return -1;
}

/* A member the schema does not name: an entry of a map (data, always kept),
 * or an unknown field (dropped, kept or reported, as asked). */
static void walk_unknown(walker *w, const cJSON *child, const scan_entry *key, const cw_object_schema *schema) {
    if (schema->members != 0) {
        emit_string(w, CW_TAPE_KEY, child->string, key, 0);
        walk_value(w, child, type_of(schema->members));
    } else if (w->flags & CW_UNKNOWN_REJECT) {
        report(w, (issue_spec){CW_UNKNOWN_FIELD, key->offset, "only the fields of the schema", NULL,
                               (const uint8_t *)child->string, key->info & SCAN_LENGTH_MASK, NULL});
        walk_any(w, child, 0);
    } else if (w->flags & CW_UNKNOWN_KEEP) {
        emit_string(w, CW_TAPE_KEY, child->string, key, 0);
        walk_any(w, child, 1);
    } else {
        walk_any(w, child, 0);
    }
}

static void report_missing(walker *w, const cw_field *f, uint32_t object_offset) {
    push_key(w, cw_texts + cw_key_names[f->key].text, cw_key_names[f->key].length);
    report(w,
           (issue_spec){CW_MISSING_FIELD, object_offset, expected_of(w, &cw_types[f->type]), "nothing", NULL, 0, NULL});
    w->path_length--;
}

static void walk_object(walker *w, const cJSON *node, const cw_object_schema *schema) {
    if (!cJSON_IsObject(node)) {
        wrong_type(w, node, "object");
        return;
    }
    const scan_entry *e = take_entry(w);
    const cw_field *fields = &cw_fields[schema->first_field];
    cw_field_set seen = 0, not_null = 0;
    uint32_t count;
    member_key *keys = new_key_list(w, node, &count);
    emit(w, CW_TAPE_OBJECT_BEGIN);
    for (const cJSON *child = node->child; child != NULL; child = child->next) {
        const scan_entry *key = take_entry(w);
        uint32_t length = key->info & SCAN_LENGTH_MASK;
        push_key(w, child->string, length);
        int i = find_field(schema, child->string, length), repeated = 0;
        if (i < 0) {
            /* Only another unnamed key can repeat an unnamed key: check_duplicates compares those. */
            add_key(keys, &count, child, key);
            walk_unknown(w, child, key, schema);
        } else if (seen & ((cw_field_set)1 << i)) {
            repeated = 1; /* a schema field seen before: the seen bits tell it, no comparing needed */
            walk_any(w, child, 0);
        } else {
            seen |= (cw_field_set)1 << i;
            if ((child->type & 0xFF) != cJSON_NULL) not_null |= (cw_field_set)1 << i;
            emit(w, CW_TAPE_KEY_KNOWN | ((uint32_t)fields[i].key << 8));
            walk_value(w, child, &cw_types[fields[i].type]);
        }
        w->path_length--;
        if (repeated) report_duplicate(w, &(member_key){child->string, length, key->offset, 0});
    }
    if (keys != NULL) check_duplicates(w, keys, count);
    for (uint32_t i = 0; i < schema->count; i++) {
        const cw_field *f = &fields[i];
        if (!f->required || (seen & ((cw_field_set)1 << i))) continue;
        int excused = f->required >= 2 && (not_null & ((cw_field_set)1 << (f->required - 2)));
        if (!excused) report_missing(w, f, e->offset);
    }
    emit(w, CW_TAPE_OBJECT_END);
}

/* ---- results ---- */

/* Fills line and column of issues sorted by offset, in one pass over the input.
 * Lines end at LF, CR or CRLF; columns count UTF-16 code units, like JS strings. */
static void locate_issues(cw_issue *issues, size_t count, const uint8_t *json, size_t length) {
    size_t pos = 0;
    uint32_t line = 1, column = 1;
    for (size_t i = 0; i < count; i++) {
        size_t target = issues[i].offset < length ? issues[i].offset : length;
        for (; pos < target; pos++) {
            uint8_t c = json[pos];
            if (c == '\n' || (c == '\r' && !(pos + 1 < length && json[pos + 1] == '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && (c & 0xC0) != 0x80) {
                column += c >= 0xF0 ? 2 : 1; /* 4-byte sequences are surrogate pairs in UTF-16 */
            }
        }
        issues[i].line = line;
        issues[i].column = column;
    }
}

static const cw_result *finish(walker *w, const uint8_t *json, size_t length) {
    cw_context *c = w->context;
    cw_result *r = &c->result;
    if (r->issues_dropped > 0) {
        cw_issue *marker = grow(&c->issues, sizeof *marker, 1);
        if (marker == NULL) return NULL;
        memset(marker, 0, sizeof *marker);
        marker->code = CW_TOO_MANY_ISSUES;
        marker->offset = w->first_dropped_offset;
        marker->expected = "at most maxIssues issues";
        marker->received = "more";
        marker->detail = "further issues were not reported";
    }
    cw_issue *issues = c->issues.items;
    size_t count = c->issues.count, sorted = count - (r->issues_dropped > 0);
    locate_issues(issues, sorted, json, length);
    if (sorted < count) locate_issues(&issues[sorted], 1, json, length); /* the marker */
    r->valid = count == 0;
    r->issue_count = (uint32_t)count;
    r->issues = issues;
    /* The tape and its numbers and strings describe a valid document only. */
    r->tape = r->valid ? c->tape.items : NULL;
    r->tape_length = r->valid ? (uint32_t)c->tape.count : 0;
    r->numbers = r->valid ? c->numbers.items : NULL;
    r->number_count = r->valid ? (uint32_t)c->numbers.count : 0;
    r->strings = r->valid ? c->strings.items : NULL;
    return w->out_of_memory ? NULL : r;
}

static void report_scan_error(walker *w, const scan_error *error, const uint8_t *json) {
    const char *received = error->length == 0 ? "end of input" : error->code == CW_TOO_DEEP ? "deeper nesting" : NULL;
    report(w, (issue_spec){error->code, error->offset, error->expected, received,
                           received ? NULL : json + error->offset, error->length, error->detail});
}

static void reset_results(cw_context *c) {
    arena_reset(&c->results);
    c->issues.count = c->tape.count = c->numbers.count = c->strings.count = 0;
    memset(&c->result, 0, sizeof c->result);
}

/* The document the flags name, or NULL when they name no profile or no document. */
static const cw_object_schema *schema_for(uint32_t flags) {
    uint32_t profile = (flags & CW_PROFILE_MASK) >> CW_PROFILE_SHIFT;
    uint32_t document = (flags & CW_SCHEMA_MASK) >> CW_SCHEMA_SHIFT;
    if (profile >= CW_PROFILE_COUNT || document >= CW_DOCUMENT_COUNT) return NULL;
    return &cw_objects[cw_profiles[profile].object[document]];
}

/* Both stages; returns 0 when memory ran out. */
static int parse_and_walk(walker *w, const uint8_t *json, size_t length, uint32_t max_depth) {
    cw_context *c = w->context;
    scan_error error;
    const char *end = NULL;
    json_strict_begin(json, length, max_depth, &c->entries, &error);
    arena_use_for_cjson(&c->scratch);
    cJSON *root = cJSON_ParseWithLengthOpts((const char *)json, length, &end, 0);
    arena_use_for_cjson(NULL);
    int parsed = json_strict_end(root, (const uint8_t *)end);
    if (c->scratch.out_of_memory || parsed < 0) return 0;
    if (parsed == 0) {
        report_scan_error(w, &error, json);
        return 1;
    }
    w->path = arena_alloc(&c->scratch, (CW_MAX_DEPTH_LIMIT + 2) * sizeof *w->path);
    if (w->path == NULL) return 0;
    if (parsed != 1) /* cannot happen: cJSON fails only where a rule says why, or out of memory */
        report(w, (issue_spec){CW_INVALID_JSON, 0, "JSON text", "text cJSON rejected", NULL, 0,
                               "internal error: cJSON failed without saying why"});
    else {
        w->entries = c->entries.items;
        walk_object(w, root, schema_for(w->flags));
    }
    return !c->scratch.out_of_memory;
}

const cw_result *cw_check(cw_context *c, const uint8_t *json, size_t length, const cw_options *options) {
    cw_options o = options ? *options : (cw_options){0, 0, 0, 0};
    size_t max_bytes = o.max_bytes ? o.max_bytes : CW_DEFAULT_MAX_BYTES;
    uint32_t max_depth = o.max_depth ? o.max_depth : CW_DEFAULT_MAX_DEPTH;
    walker w = {c,
                json,
                NULL,
                NULL,
                0,
                o.flags,
                o.max_issues ? o.max_issues : CW_DEFAULT_MAX_ISSUES,
                (o.flags & CW_WRITE_TAPE) != 0,
                0,
                NULL,
                0,
                0};
    reset_results(c);
    if (schema_for(o.flags) == NULL) return NULL;
    if (length > max_bytes || length > CW_MAX_INPUT) {
        report(&w, (issue_spec){CW_TOO_LARGE, 0, "at most maxBytes bytes", "a larger input", NULL, 0, NULL});
        return finish(&w, (const uint8_t *)"", 0);
    }
    if (json == NULL && length > 0) return NULL;
    if (json == NULL) w.json = json = (const uint8_t *)"";
    w.json_end = json + length;
    int ok = parse_and_walk(&w, json, length, max_depth);
    arena_reset(&c->scratch);
    return ok ? finish(&w, json, length) : NULL;
}

cw_context *cw_context_new(void) {
    cw_context *c = calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    arena_init(&c->scratch);
    arena_init(&c->results);
    arena_use_for_cjson(NULL); /* installs cJSON's hooks once */
    return c;
}

void cw_context_free(cw_context *c) {
    if (c == NULL) return;
    arena_free(&c->scratch);
    arena_free(&c->results);
    scan_entries_free(&c->entries);
    free(c->issues.items);
    free(c->tape.items);
    free(c->numbers.items);
    free(c->strings.items);
    free(c);
}

const char *cw_code_name(uint32_t code) { return code < cw_code_count ? cw_code_names[code] : cw_code_names[0]; }

const char *cw_key_name(uint32_t key) { return key < CW_KEY_COUNT ? cw_texts + cw_key_names[key].text : NULL; }

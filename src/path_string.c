/*
 * path_string.c: cw_path_string, the text form of an issue's path, written
 * the way a JavaScript reader would index the value: choices[2].finish_reason,
 * or ["key with spaces"] for names that are not identifiers.
 */
#include <stdio.h>
#include <string.h>

#include "completion.h"

typedef struct writer {
    char *buffer;
    size_t capacity;
    size_t length; /* what the whole text needs, even past capacity */
} writer;

static void put(writer *out, const char *text, size_t n) {
    for (size_t i = 0; i < n; i++, out->length++)
        if (out->length + 1 < out->capacity) out->buffer[out->length] = text[i];
}

static int is_identifier(const char *key, size_t n) {
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) return 0;
    }
    return 1;
}

/* A control character escaped as JSON.stringify does, so C and JS paths match. */
static void put_control_escape(writer *out, unsigned char c) {
    char escape[8];
    int n;
    switch (c) {
    case '\b': n = snprintf(escape, sizeof escape, "\\b"); break;
    case '\f': n = snprintf(escape, sizeof escape, "\\f"); break;
    case '\n': n = snprintf(escape, sizeof escape, "\\n"); break;
    case '\r': n = snprintf(escape, sizeof escape, "\\r"); break;
    case '\t': n = snprintf(escape, sizeof escape, "\\t"); break;
    default: n = snprintf(escape, sizeof escape, "\\u%04x", c); break;
    }
    put(out, escape, (size_t)n);
}

/* ["..."] with JSON string escaping, so any key reads back unambiguously. */
static void put_quoted_key(writer *out, const char *key, size_t n) {
    put(out, "[\"", 2);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)key[i];
        if (c == '"' || c == '\\') {
            put(out, "\\", 1);
            put(out, (const char *)&key[i], 1);
        } else if (c < 0x20) {
            put_control_escape(out, c);
        } else {
            put(out, (const char *)&key[i], 1);
        }
    }
    put(out, "\"]", 2);
}

size_t cw_path_string(const cw_issue *issue, char *buffer, size_t capacity) {
    writer out = {buffer, capacity, 0};
    for (uint32_t i = 0; i < issue->path_length; i++) {
        const cw_segment *s = &issue->path[i];
        if (s->kind == CW_SEG_INDEX) {
            char index[16];
            int n = snprintf(index, sizeof index, "[%u]", (unsigned)s->index);
            put(&out, index, (size_t)n);
        } else if (is_identifier(s->key, s->key_length)) {
            if (i > 0) put(&out, ".", 1);
            put(&out, s->key, s->key_length);
        } else {
            put_quoted_key(&out, s->key, s->key_length);
        }
    }
    if (capacity > 0) buffer[out.length < capacity ? out.length : capacity - 1] = '\0';
    return out.length;
}

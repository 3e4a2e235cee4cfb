/*
 * replay.c: runs files through the fuzz target's LLVMFuzzerTestOneInput
 * without libFuzzer, so any compiler (and valgrind) can check a corpus, and
 * ctest can replay the seed inputs with every property of fuzz_check.c.
 *
 *   fuzz_replay [--json [--sse]] [--mutations N] PATH...
 *
 * The same source drives both targets: linked with fuzz_check.c it is
 * fuzz_replay, with fuzz_sse.c fuzz_sse_replay.
 * PATHs are files or directories (searched recursively, dot files skipped).
 * Without --json a file is a fuzzer input as libFuzzer writes it (the option
 * bytes, then the text), e.g. a crash reproducer. With --json a file is JSON
 * text: it runs once behind each of a few option prefixes, then N deterministic
 * mutations of it (byte changes, truncations, insertions of bytes that
 * matter to JSON, UTF-8 and event streams, deletions) run too. With --sse
 * the JSON is first wrapped in an event stream (see wrap_in_event_stream).
 * Every input is in a buffer of exactly its size, so reading past the end is
 * caught by ASan and valgrind.
 * Exit 0 when every property held; a violation aborts with the input shown.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Option prefixes for JSON files (fuzz_check.c's two option bytes, see options_from_prefix):
 * 0x08 parse a CompletionResponse with the default limits;
 * 0xC9 keep unknown fields + parse, max_depth 1000, max_issues 5;
 * 0xE6 reject unknown fields + open enums, max_depth 3, max_issues 2;
 * 0xD8 parse, max_depth 1, max_issues 1;
 * 0xF8 parse with max_bytes 100;
 * 0x28 the r9s error schema, parse;
 * 0x48 and 0x88 parse under openai and openai-compatible;
 * 0x98 an openai-compatible stream event, parse;
 * 0x78 the openai profile's any-error document, parse;
 * each with byte 1 = 0; and 0x48 and 0x98 with byte 1 = 1: documents 4 and 5 of fuzz_check.c's
 * table (modulo its length: the response and the stream event while it has four). */
#define CHECK_PREFIX_BYTES 2
static const uint8_t check_prefixes[][CHECK_PREFIX_BYTES] = {
    {0x08, 0}, {0xC9, 0}, {0xE6, 0}, {0xD8, 0}, {0xF8, 0}, {0x28, 0},
    {0x48, 0}, {0x88, 0}, {0x98, 0}, {0x78, 0}, {0x48, 1}, {0x98, 1},
};

/* For fuzz_sse.c's one option byte: chunk seeds 0, 1, 2, 3, 15 (odd: events as chat chunks) with max_event_bytes
 * default, default + tape, 4096 + reject, 16 + reject, 100 + tape. */
static const uint8_t sse_prefixes[][1] = {{0x00}, {0x14}, {0x2B}, {0x39}, {0xF6}};

/* Bytes that change the meaning of JSON or UTF-8 around them. */
static const uint8_t special_bytes[] = {'"',  '\\', '{',  '}',  '[',  ']',  ',',  ':',  '-',  '0',  'e',
                                        '.',  'u',  'd',  ' ',  '\n', '\r', 0x00, 0x1F, 0x7F, 0x80, 0xBF,
                                        0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};

static unsigned long inputs_run, files_read;
static int with_options, as_event_stream;
static unsigned mutations;

static uint64_t rng_state;
static uint64_t next_random(void) { /* xorshift64: deterministic from the seed */
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Runs prefix[0..prefix_length) + text[0..length), from a buffer of exactly that size. */
static void run_input(const uint8_t *prefix, size_t prefix_length, const uint8_t *text, size_t length) {
    size_t size = prefix_length + length;
    uint8_t *input = malloc(size ? size : 1);
    if (input == NULL) {
        perror("fuzz_replay: malloc");
        exit(2);
    }
    if (prefix_length) memcpy(input, prefix, prefix_length);
    if (length) memcpy(input + prefix_length, text, length);
    LLVMFuzzerTestOneInput(input, size);
    free(input);
    inputs_run++;
}

/* An event stream carrying text as one event's data (one data line per
 * line of text), between other fields, a comment and a [DONE] event. */
static uint8_t *wrap_in_event_stream(const uint8_t *text, size_t length, size_t *wrapped_length) {
    static const char head[] = "\xEF\xBB\xBF: a comment\r\nevent: completion\nid: 7\ndata: ";
    static const char tail[] = "\n\nretry: 1500\r\rdata: [DONE]\n\n";
    size_t lines = 0;
    for (size_t i = 0; i < length; i++) lines += text[i] == '\n';
    uint8_t *out = malloc(sizeof head + length + lines * 6 + sizeof tail);
    if (out == NULL) exit(2);
    size_t n = 0;
    memcpy(out, head, sizeof head - 1);
    n += sizeof head - 1;
    for (size_t i = 0; i < length; i++) {
        if (text[i] == '\n') {
            memcpy(out + n, "\ndata: ", 7);
            n += 7;
        } else {
            out[n++] = text[i];
        }
    }
    memcpy(out + n, tail, sizeof tail - 1);
    *wrapped_length = n + sizeof tail - 1;
    return out;
}

/* One mutation of text into out (room for length + 1 bytes); returns the new length. */
static size_t mutate(const uint8_t *text, size_t length, uint8_t *out) {
    memcpy(out, text, length);
    size_t at = length ? next_random() % length : 0;
    uint8_t special = special_bytes[next_random() % sizeof special_bytes];
    switch (next_random() % 5) {
    case 0: /* replace a byte with a special one */
        if (length) out[at] = special;
        return length;
    case 1: /* flip one bit */
        if (length) out[at] ^= (uint8_t)(1u << (next_random() % 8));
        return length;
    case 2: /* cut the text short */ return at;
    case 3: /* insert a special byte */
        memmove(out + at + 1, out + at, length - at);
        out[at] = special;
        return length + 1;
    default: /* delete a byte */
        if (length) memmove(out + at, out + at + 1, length - at - 1);
        return length ? length - 1 : 0;
    }
}

static void run_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        perror(path);
        exit(2);
    }
    size_t length = 0, capacity = 1, n;
    uint8_t *text = malloc(capacity); /* never NULL, even for an empty file */
    if (text == NULL) exit(2);
    uint8_t chunk[65536];
    while ((n = fread(chunk, 1, sizeof chunk, file)) > 0) {
        if (length + n > capacity) {
            capacity = (length + n) * 2;
            text = realloc(text, capacity);
            if (text == NULL) exit(2);
        }
        memcpy(text + length, chunk, n);
        length += n;
    }
    fclose(file);
    files_read++;
    if (as_event_stream) {
        size_t wrapped_length;
        uint8_t *wrapped = wrap_in_event_stream(text, length, &wrapped_length);
        free(text);
        text = wrapped;
        length = wrapped_length;
    }
    if (!with_options) {
        run_input(NULL, 0, text, length);
    } else {
        const uint8_t *prefixes = as_event_stream ? sse_prefixes[0] : check_prefixes[0];
        size_t width = as_event_stream ? sizeof sse_prefixes[0] : sizeof check_prefixes[0];
        size_t count = as_event_stream ? sizeof sse_prefixes / width : sizeof check_prefixes / width;
        for (size_t i = 0; i < count; i++) run_input(prefixes + i * width, width, text, length);
        uint8_t *mutated = malloc(length + 1);
        if (mutated == NULL) exit(2);
        rng_state = 0x9E3779B97F4A7C15ull ^ (files_read * 0x100000001B3ull);
        for (unsigned m = 0; m < mutations; m++) {
            size_t mutated_length = mutate(text, length, mutated);
            uint8_t prefix[CHECK_PREFIX_BYTES];
            for (size_t i = 0; i < width; i++) prefix[i] = (uint8_t)next_random();
            run_input(prefix, width, mutated, mutated_length);
        }
        free(mutated);
    }
    free(text);
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Files in sorted order, so a run is the same on every machine. */
static void run_path(const char *path) {
    struct stat info;
    if (stat(path, &info) != 0) {
        perror(path);
        exit(2);
    }
    if (!S_ISDIR(info.st_mode)) {
        run_file(path);
        return;
    }
    DIR *dir = opendir(path);
    if (dir == NULL) {
        perror(path);
        exit(2);
    }
    char **names = NULL;
    size_t count = 0;
    for (struct dirent *entry; (entry = readdir(dir)) != NULL;) {
        if (entry->d_name[0] == '.') continue;
        names = realloc(names, (count + 1) * sizeof *names);
        size_t size = strlen(path) + strlen(entry->d_name) + 2;
        if (names == NULL || (names[count] = malloc(size)) == NULL) exit(2);
        snprintf(names[count++], size, "%s/%s", path, entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof *names, compare_names);
    for (size_t i = 0; i < count; i++) {
        run_path(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    int first_path = 1;
    for (; first_path < argc && strncmp(argv[first_path], "--", 2) == 0; first_path++) {
        if (strcmp(argv[first_path], "--json") == 0) with_options = 1;
        else if (strcmp(argv[first_path], "--sse") == 0) as_event_stream = 1;
        else if (strcmp(argv[first_path], "--mutations") == 0 && first_path + 1 < argc)
            mutations = (unsigned)strtoul(argv[++first_path], NULL, 10);
        else {
            fprintf(stderr, "usage: fuzz_replay [--json [--sse]] [--mutations N] PATH...\n");
            return 2;
        }
    }
    if (first_path == argc || (as_event_stream && !with_options)) {
        fprintf(stderr, "usage: fuzz_replay [--json [--sse]] [--mutations N] PATH...\n");
        return 2;
    }
    /* The environment can scale mutations down, e.g. under valgrind. */
    const char *scale = getenv("CW_REPLAY_MUTATIONS");
    if (scale != NULL && *scale != '\0') mutations = (unsigned)strtoul(scale, NULL, 10);
    for (int i = first_path; i < argc; i++) run_path(argv[i]);
    printf("fuzz_replay: %lu inputs from %lu files, every property held\n", inputs_run, files_read);
    return 0;
}

/*
 * The safe YAML loader under the panel file: what ordinary YAML it accepts
 * and how it looks once loaded, and every hostile-input limit of
 * spec/yaml-format.md with the message and place a user is shown.
 *
 * PB_HOSTILE_DIR names the hostile YAML corpus; the test that walks it is
 * skipped when the variable is not set.
 */
#include "doc.h"

#include <panelboard/base.h>
#include <panelboard/error.h>

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static char temp_dir[64];

static int make_temp_dir(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(temp_dir, sizeof temp_dir, "%s/test_doc.XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(temp_dir) ? 0 : -1;
}

static int remove_temp_dir(void **state)
{
    (void)state;
    DIR *dir = opendir(temp_dir);
    if (!dir)
        return -1;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.')
            continue;
        char *path = pb_xasprintf("%s/%s", temp_dir, entry->d_name);
        unlink(path);
        free(path);
    }
    closedir(dir);
    return rmdir(temp_dir);
}

static char *temp_path(const char *name)
{
    return pb_xasprintf("%s/%s", temp_dir, name);
}

/* ---- helpers ---- */

static struct doc load_ok(const char *text)
{
    struct doc d;
    struct pb_error err;
    pb_error_clear(&err);
    if (doc_load_buffer("panel.yaml", (const unsigned char *)text, strlen(text), &d, &err) != PB_OK)
        fail_msg("refused at %d:%d: %s", err.line, err.column, err.message);
    assert_non_null(d.root);
    return d;
}

static void assert_refused_bytes(const char *bytes, size_t len, const char *message, int line,
                                 int column)
{
    struct doc d;
    struct pb_error err;
    pb_error_clear(&err);
    assert_int_equal(doc_load_buffer("panel.yaml", (const unsigned char *)bytes, len, &d, &err),
                     PB_ERR_DATA);
    assert_int_equal(err.status, PB_ERR_DATA);
    assert_string_equal(err.file, "panel.yaml");
    assert_string_equal(err.message, message);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
    assert_null(d.root);
    doc_free(&d);
}

static void assert_refused(const char *text, const char *message, int line, int column)
{
    assert_refused_bytes(text, strlen(text), message, line, column);
}

static const struct doc_node *value_of(const struct doc_node *map, const char *key)
{
    assert_int_equal(map->kind, DOC_MAPPING);
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->keys[i]->text, key) == 0)
            return map->items[i];
    fail_msg("no key '%s'", key);
    return NULL;
}

static void assert_scalar(const struct doc_node *node, const char *text, bool plain)
{
    assert_int_equal(node->kind, DOC_SCALAR);
    assert_string_equal(node->text, text);
    assert_int_equal(node->len, strlen(text));
    assert_int_equal(node->plain, plain);
}

/* ---- ordinary YAML ---- */

static void doc__loads_block_mapping__with_positions_of_keys_and_values(void **state)
{
    (void)state;
    struct doc d = load_ok("panelboard: 1\n"
                           "members:\n"
                           "  - id: thirkill\n"
                           "    name:   Cllr Thirkill\n");
    assert_int_equal(d.root->kind, DOC_MAPPING);
    assert_int_equal(d.root->n, 2);
    assert_scalar(d.root->keys[0], "panelboard", true);
    assert_int_equal(d.root->keys[0]->line, 1);
    assert_int_equal(d.root->keys[0]->column, 1);
    const struct doc_node *version = value_of(d.root, "panelboard");
    assert_scalar(version, "1", true);
    assert_int_equal(version->column, 13);
    const struct doc_node *members = value_of(d.root, "members");
    assert_int_equal(members->kind, DOC_SEQUENCE);
    assert_int_equal(members->n, 1);
    assert_int_equal(members->line, 3);
    assert_int_equal(members->column, 3);
    const struct doc_node *member = members->items[0];
    assert_int_equal(member->line, 3);
    assert_int_equal(member->column, 5);
    const struct doc_node *name = value_of(member, "name");
    assert_scalar(name, "Cllr Thirkill", true);
    assert_int_equal(name->line, 4);
    assert_int_equal(name->column, 13);
    doc_free(&d);
}

static void doc__accepts_flow_style(void **state)
{
    (void)state;
    struct doc d = load_ok("subgroup: [thirkill, 'kay', {id: x, n: 2}]\n");
    const struct doc_node *list = value_of(d.root, "subgroup");
    assert_int_equal(list->kind, DOC_SEQUENCE);
    assert_int_equal(list->n, 3);
    assert_scalar(list->items[0], "thirkill", true);
    assert_scalar(list->items[1], "kay", false);
    assert_scalar(value_of(list->items[2], "id"), "x", true);
    assert_int_equal(list->items[2]->column, 29);
    doc_free(&d);
}

static void doc__accepts_block_scalars__keeping_their_newlines(void **state)
{
    (void)state;
    struct doc d = load_ok("thoughts: |\n"
                           "  Liaising with Louise Kay.\n"
                           "  Then the DWP.\n"
                           "notes: >\n"
                           "  one\n"
                           "  two\n");
    assert_scalar(value_of(d.root, "thoughts"), "Liaising with Louise Kay.\nThen the DWP.\n",
                  false);
    assert_scalar(value_of(d.root, "notes"), "one two\n", false);
    doc_free(&d);
}

static void doc__accepts_crlf_and_a_leading_bom(void **state)
{
    (void)state;
    struct doc d = load_ok("\xEF\xBB\xBFname: Cllr K\xC3\xA4y\r\n"
                           "notes: |\r\n"
                           "  a\r\n"
                           "  b\r\n");
    assert_int_equal(d.root->keys[0]->line, 1);
    assert_int_equal(d.root->keys[0]->column, 1);
    assert_scalar(value_of(d.root, "name"), "Cllr K\xC3\xA4y", true);
    assert_scalar(value_of(d.root, "notes"), "a\nb\n", false);
    assert_int_equal(d.root->keys[1]->line, 2);
    doc_free(&d);
}

static void doc__tells_plain_from_quoted_and_tagged_scalars(void **state)
{
    (void)state;
    struct doc d = load_ok("a: ~\n"
                           "b: \"~\"\n"
                           "c: '~'\n"
                           "d: !!str 07949489308\n"
                           "e:\n"
                           "f: !!int 7\n"
                           "g: !<tag:yaml.org,2002:str> true\n"
                           "h: !!null null\n");
    assert_scalar(value_of(d.root, "a"), "~", true);
    assert_scalar(value_of(d.root, "b"), "~", false);
    assert_scalar(value_of(d.root, "c"), "~", false);
    const struct doc_node *phone = value_of(d.root, "d");
    assert_scalar(phone, "07949489308", true);
    assert_true(phone->tagged_str);
    assert_int_equal(phone->tag, DOC_TAG_STR);
    assert_scalar(value_of(d.root, "e"), "", true);
    assert_false(value_of(d.root, "e")->tagged_str);
    assert_int_equal(value_of(d.root, "f")->tag, DOC_TAG_INT);
    assert_true(value_of(d.root, "g")->tagged_str);
    assert_int_equal(value_of(d.root, "h")->tag, DOC_TAG_NULL);
    doc_free(&d);
}

static void doc__keeps_newlines_tabs_and_unicode_from_escapes(void **state)
{
    (void)state;
    struct doc d = load_ok("said: \"Jos\\u00e9 said:\\n\\tno\"\n");
    assert_scalar(value_of(d.root, "said"), "Jos\xC3\xA9 said:\n\tno", false);
    doc_free(&d);
}

static void doc__shares_aliased_nodes_within_the_limits(void **state)
{
    (void)state;
    struct doc d = load_ok("base: &b {kind: officer, voting: false}\n"
                           "x: *b\n"
                           "y: [*b, *b]\n");
    const struct doc_node *base = value_of(d.root, "base");
    assert_ptr_equal(value_of(d.root, "x"), base);
    assert_ptr_equal(value_of(d.root, "y")->items[1], base);
    assert_scalar(value_of(value_of(d.root, "x"), "kind"), "officer", true);
    doc_free(&d);
}

static void doc__accepts_redefined_anchor__alias_takes_the_latest(void **state)
{
    (void)state;
    struct doc d = load_ok("a: &v first\n"
                           "b: &v second\n"
                           "c: *v\n");
    assert_scalar(value_of(d.root, "c"), "second", true);
    doc_free(&d);
}

/* ---- aliases ---- */

/* Five levels of ten: d stands for 11,111 nodes. Before e there are 12,349
 * nodes; e and its key make 12,351; seven aliases to d reach 90,128. */
static char *alias_ladder(int aliases_in_e)
{
    struct pb_buf b = {0};
    pb_buf_puts(&b, "a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    pb_buf_puts(&b, "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
    pb_buf_puts(&b, "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n");
    pb_buf_puts(&b, "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n");
    pb_buf_puts(&b, "e: [");
    for (int i = 0; i < aliases_in_e; i++)
        pb_buf_puts(&b, i ? ", *d" : "*d");
    pb_buf_puts(&b, "]\n");
    return pb_buf_take(&b);
}

static void doc__accepts_aliases_expanding_to_fewer_than_100000_nodes(void **state)
{
    (void)state;
    char *text = alias_ladder(7);
    struct doc d = load_ok(text);
    assert_int_equal(value_of(d.root, "e")->n, 7);
    doc_free(&d);
    free(text);
}

static void doc__rejects_alias_bomb__at_the_alias_that_crosses_100000(void **state)
{
    (void)state;
    char *text = alias_ladder(10);
    /* The eighth "*d" on line 5 takes the count to 101,239. */
    assert_refused(text, "aliases expand to more than 100000 nodes", 5, 33);
    free(text);
}

static void doc__rejects_alias_inside_its_own_anchored_node(void **state)
{
    (void)state;
    assert_refused("a: &loop [x, *loop]\n", "alias '*loop' refers to the node that contains it", 1,
                   14);
    assert_refused("a: &m {b: {c: *m}}\n", "alias '*m' refers to the node that contains it", 1, 15);
}

static void doc__rejects_undefined_alias(void **state)
{
    (void)state;
    assert_refused("lead: *nobody\n", "undefined alias '*nobody': no anchor '&nobody' before it", 1,
                   7);
    assert_refused("a: *later\nb: &later x\n",
                   "undefined alias '*later': no anchor '&later' before it", 1, 4);
}

/* ---- size, encoding, emptiness ---- */

static void doc__refuses_file_over_64_mib__before_reading_it(void **state)
{
    (void)state;
    char *path = temp_path("big.yaml");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), (off_t)DOC_MAX_FILE_SIZE + 1), 0);
    fclose(f);
    struct doc d;
    struct pb_error err;
    assert_int_equal(doc_load_file(path, &d, &err), PB_ERR_DATA);
    assert_string_equal(err.message, "file is larger than 64 MiB");
    assert_string_equal(err.file, path);
    assert_null(d.root);

    /* Exactly 64 MiB is read: these zeros are then refused for what they are. */
    f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), (off_t)DOC_MAX_FILE_SIZE), 0);
    fclose(f);
    assert_int_equal(doc_load_file(path, &d, &err), PB_ERR_DATA);
    assert_string_equal(err.message, "NUL byte in the file");
    unlink(path);
    free(path);
}

static void doc__reports_unreadable_file_as_no_input(void **state)
{
    (void)state;
    char *path = temp_path("missing.yaml");
    struct doc d;
    struct pb_error err;
    assert_int_equal(doc_load_file(path, &d, &err), PB_ERR_NO_INPUT);
    assert_string_equal(err.file, path);
    char *expected = pb_xasprintf("cannot read the file: %s", strerror(ENOENT));
    assert_string_equal(err.message, expected);
    assert_null(d.root);
    free(expected);
    free(path);

    assert_int_equal(doc_load_file(temp_dir, &d, &err), PB_ERR_NO_INPUT);
    expected = pb_xasprintf("cannot read the file: %s", strerror(EISDIR));
    assert_string_equal(err.message, expected);
    free(expected);
}

static void doc__loads_a_file_from_disk(void **state)
{
    (void)state;
    char *path = temp_path("ok.yaml");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("panelboard: 1\n", f);
    fclose(f);
    struct doc d;
    struct pb_error err;
    assert_int_equal(doc_load_file(path, &d, &err), PB_OK);
    assert_scalar(value_of(d.root, "panelboard"), "1", true);
    doc_free(&d);
    unlink(path);
    free(path);
}

static void doc__rejects_empty_blank_and_comment_only_files(void **state)
{
    (void)state;
    const char *texts[] = {
        "", "\n", "   \t \n\t\n", "# only\n   # comments\n", "\xEF\xBB\xBF", "\r\n\r\n"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        assert_refused(texts[i], "empty file: no panel document", 1, 1);
}

static void doc__rejects_invalid_utf8__where_it_is(void **state)
{
    (void)state;
    assert_refused("name: ok\nnotes: Jos\xE9 \n", "not UTF-8: invalid byte 0xE9", 2, 11);
    assert_refused("a: \xC0\xAF\n", "not UTF-8: invalid byte 0xC0", 1, 4);         /* overlong */
    assert_refused("a: x\xED\xA0\x80\n", "not UTF-8: invalid byte 0xED", 1, 5);    /* surrogate */
    assert_refused("a: \xF4\x90\x80\x80\n", "not UTF-8: invalid byte 0xF4", 1, 4); /* > U+10FFFF */
    assert_refused("a: \xC3\xA9\xC3", "not UTF-8: invalid byte 0xC3", 1, 5);       /* cut short */
}

static void doc__rejects_utf16_and_nul_bytes(void **state)
{
    (void)state;
    assert_refused_bytes("\xFF\xFE"
                         "a\0:\0",
                         6, "not UTF-8: the file starts with a UTF-16 byte-order mark", 1, 1);
    assert_refused_bytes("\xFE\xFF\0a\0:", 6,
                         "not UTF-8: the file starts with a UTF-16 byte-order mark", 1, 1);
    assert_refused_bytes("a\0:\0", 4, "NUL byte in the file", 1, 2);
    assert_refused_bytes("a: x\0y\n", 7, "NUL byte in the file", 1, 5);
}

static void doc__rejects_raw_control_characters_anywhere(void **state)
{
    (void)state;
    assert_refused("a: \x1B[31mred\n", "control character U+001B in the file", 1, 4);
    assert_refused("a: b\x7F\n", "control character U+007F in the file", 1, 5);
    assert_refused("a: \xC2\x9B"
                   "31m\n",
                   "control character U+009B in the file", 1, 4);
    assert_refused("a: 1\xC2\x85"
                   "b: 2\n",
                   "control character U+0085 in the file", 1, 5);
    assert_refused("# bell \x07\na: 1\n", "control character U+0007 in the file", 1, 8);
}

static void doc__reports_libyaml_reader_errors_at_line_and_column(void **state)
{
    (void)state;
    assert_refused("a: 1\r\nb: x\xEF\xBF\xBE\n",
                   "character U+FFFE is not allowed (control characters are not allowed)", 2, 5);
}

/* ---- structure ---- */

static char *nested(int levels)
{
    struct pb_buf b = {0};
    pb_buf_puts(&b, "a: ");
    for (int i = 0; i < levels; i++)
        pb_buf_puts(&b, "[");
    for (int i = 0; i < levels; i++)
        pb_buf_puts(&b, "]");
    pb_buf_puts(&b, "\n");
    return pb_buf_take(&b);
}

static void doc__accepts_64_levels_and_refuses_the_65th(void **state)
{
    (void)state;
    char *text = nested(63); /* the root mapping is level 1 */
    struct doc d = load_ok(text);
    doc_free(&d);
    free(text);
    text = nested(64);
    assert_refused(text, "nesting deeper than 64 levels", 1, 67);
    free(text);
    struct pb_buf b = {0};
    pb_buf_puts(&b, "a:\n  ");
    for (int i = 0; i < 64; i++)
        pb_buf_puts(&b, "- ");
    pb_buf_puts(&b, "x\n");
    assert_refused(b.data, "nesting deeper than 64 levels", 2, 3 + 2 * 63);
    pb_buf_free(&b);
}

static void doc__rejects_a_second_document__where_it_starts(void **state)
{
    (void)state;
    assert_refused("a: 1\n---\nb: 2\n",
                   "several documents in one file: a second document starts here", 2, 1);
    assert_refused("a: 1\n...\n---\nb: 2\n",
                   "several documents in one file: a second document starts here", 3, 1);
}

static void doc__says_when_the_file_is_cut_off(void **state)
{
    (void)state;
    assert_refused("owners: [thirkill, kay\n",
                   "file cut off inside a flow sequence that starts at line 1, column 9: "
                   "did not find expected ',' or ']'",
                   2, 1);
    assert_refused("a: 1\nb: \"Housing and\n",
                   "file cut off inside a quoted scalar that starts at line 2, column 4: "
                   "found unexpected end of stream",
                   3, 1);
    assert_refused("a: {k: v\r\n\r\n# trailing comment\r\n",
                   "file cut off inside a flow mapping that starts at line 1, column 4: "
                   "did not find expected ',' or '}'",
                   4, 1);
}

static void doc__reports_other_syntax_errors_with_libyaml_context(void **state)
{
    (void)state;
    assert_refused("a: \"bad \\q escape\"\nb: 1\n",
                   "syntax error: found unknown escape character "
                   "(while parsing a quoted scalar at line 1, column 4)",
                   1, 9);
}

static void doc__allows_only_core_schema_tags(void **state)
{
    (void)state;
    assert_refused("a: !!python/object/apply:os.system [ls]\n",
                   "tag '!!python/object/apply:os.system' is not allowed", 1, 4);
    assert_refused("a: !member x\n", "tag '!member' is not allowed", 1, 4);
    assert_refused("a: !<tag:example.com,2000:x> y\n",
                   "tag 'tag:example.com,2000:x' is not allowed", 1, 4);
    assert_refused("a: ! x\n", "tag '!' is not allowed", 1, 4);
    assert_refused("a: !!binary aGVsbG8=\n", "tag '!!binary' is not allowed", 1, 4);
    assert_refused("%TAG !! tag:evil.example,2024:\n---\na: !!str x\n",
                   "tag 'tag:evil.example,2024:str' is not allowed", 3, 4);
    assert_refused("a: !!map x\n", "tag '!!map' is not allowed on a scalar", 1, 4);
    assert_refused("a: !!str [x]\n", "tag '!!str' is not allowed on a sequence", 1, 4);

    struct doc d = load_ok("!!map {a: !!seq [!!float 1.5, !!bool true], "
                           "b: !<tag:yaml.org,2002:int> 3}\n");
    assert_int_equal(d.root->tag, DOC_TAG_MAP);
    assert_int_equal(value_of(d.root, "a")->tag, DOC_TAG_SEQ);
    assert_int_equal(value_of(d.root, "a")->items[0]->tag, DOC_TAG_FLOAT);
    assert_int_equal(value_of(d.root, "a")->items[1]->tag, DOC_TAG_BOOL);
    assert_int_equal(value_of(d.root, "b")->tag, DOC_TAG_INT);
    doc_free(&d);
}

static void doc__rejects_a_key_given_twice__naming_the_first_line(void **state)
{
    (void)state;
    assert_refused("members: []\nthemes: []\nmembers: []\n",
                   "duplicate key 'members' (first at line 1)", 3, 1);
    assert_refused("- {role: x, name: y, role: z}\n", "duplicate key 'role' (first at line 1)", 1,
                   22);
    assert_refused("? role\n: x\nrole: y\n", "duplicate key 'role' (first at line 1)", 3, 1);

    /* Keys are compared byte for byte, and per mapping. */
    struct doc d = load_ok("role: 1\nRole: 2\nrole_: 3\nrole\xE2\x80\x8B: 4\n"
                           "list:\n  - role: a\n  - role: b\n");
    assert_int_equal(d.root->n, 5);
    doc_free(&d);
}

static void doc__finds_duplicates_among_many_keys(void **state)
{
    (void)state;
    struct pb_buf b = {0};
    for (int i = 0; i < 30000; i++)
        pb_buf_addf(&b, "k%d: v\n", i);
    pb_buf_puts(&b, "k12345: again\n");
    assert_refused(b.data, "duplicate key 'k12345' (first at line 12346)", 30001, 1);
    pb_buf_free(&b);
}

static void doc__rejects_keys_that_are_not_scalars(void **state)
{
    (void)state;
    assert_refused("[a, b]: 1\n", "a key must be a plain scalar, not a sequence", 1, 1);
    assert_refused("? {id: x}\n: 1\n", "a key must be a plain scalar, not a mapping", 1, 3);
    assert_refused("a: &k name\n*k : 1\n", "a key must be a plain scalar, not an alias", 2, 1);
}

static void doc__rejects_the_merge_key(void **state)
{
    (void)state;
    assert_refused("base: &b {kind: officer}\nm:\n  <<: *b\n  id: x\n",
                   "the merge key '<<' is not supported", 3, 3);
}

/* yaml-format.md: a key that is not a plain scalar is refused, so that
 * "name" and name cannot be two spellings of one key. */
static void doc__rejects_quoted_keys(void **state)
{
    (void)state;
    assert_refused("a: 1\n\"a\": 2\n", "a key must be a plain scalar, not quoted: 'a'", 2, 1);
    assert_refused("- {'name': x}\n", "a key must be a plain scalar, not quoted: 'name'", 1, 4);
    assert_refused("? |\n  long\n: x\n", "a key must be a plain scalar, not quoted: 'long?'", 1,
                   3);
}


static void doc__rejects_control_characters_written_as_escapes(void **state)
{
    (void)state;
    assert_refused("said: \"\\e[2J\"\n", "control character U+001B in text", 1, 7);
    assert_refused("said: \"a\\0b\"\n", "control character U+0000 in text", 1, 7);
    assert_refused("said: \"\\x1b\"\n", "control character U+001B in text", 1, 7);
    assert_refused("said: \"\\u0085\"\n", "control character U+0085 in text", 1, 7);
    assert_refused("said: \"\\N\"\n", "control character U+0085 in text", 1, 7);
    assert_refused("said: \"\\x7f\"\n", "control character U+007F in text", 1, 7);
    assert_refused("said: \"line\\r\"\n", "control character U+000D in text", 1, 7);
    assert_refused("\"k\\x9f\": 1\n", "control character U+009F in text", 1, 1);
}

static void doc__rejects_a_bom_inside_a_key(void **state)
{
    (void)state;
    assert_refused("members:\n  - \xEF\xBB\xBFname: Alice\n",
                   "byte-order mark U+FEFF inside the key '\xEF\xBB\xBFname'", 2, 5);
    struct doc d = load_ok("name: Al\xEF\xBB\xBFice\n");
    assert_scalar(value_of(d.root, "name"), "Al\xEF\xBB\xBFice", true);
    doc_free(&d);
}

static char *flat_sequence(int items)
{
    struct pb_buf b = {0};
    pb_buf_puts(&b, "[");
    for (int i = 0; i < items; i++)
        pb_buf_puts(&b, i ? ",0" : "0");
    pb_buf_puts(&b, "]\n");
    return pb_buf_take(&b);
}

/* A large panel (100,000 members) is written out, not expanded: only what
 * aliases add is capped; what the file spells out is bounded by its size. */
static void doc__loads_more_than_100000_written_nodes(void **state)
{
    (void)state;
    char *text = flat_sequence(3 * DOC_MAX_NODES);
    struct doc d = load_ok(text);
    assert_int_equal(d.root->n, 3 * DOC_MAX_NODES);
    doc_free(&d);
    free(text);
}

/* What the file spells out is capped, so memory stays bounded however the
 * 64 MiB are spent. */
static void doc__refuses_more_than_3000000_values(void **state)
{
    (void)state;
    char *text = flat_sequence(DOC_MAX_HELD_NODES);
    assert_refused(text,
                   "more than 3000000 values to hold at once (actions and feedback count one at "
                   "a time): split the file",
                   1,
                   2 * DOC_MAX_HELD_NODES);
    free(text);
}

/* ---- streaming ---- */

/* What a stream was handed: each item's first value and line, as text. */
struct handed {
    char seen[512];
    int items;
};

static bool actions_only(const char *key, void *ctx)
{
    (void)ctx;
    return strcmp(key, "actions") == 0;
}

static enum pb_status note_item(const char *key, const struct doc_node *item, void *ctx,
                                struct pb_error *err)
{
    (void)err;
    struct handed *h = ctx;
    const struct doc_node *first = item->kind == DOC_MAPPING ? item->items[0] : item;
    size_t used = strlen(h->seen);
    snprintf(h->seen + used, sizeof h->seen - used, "%s:%s@%d;", key,
             first->kind == DOC_SCALAR ? first->text : "[..]", item->line);
    h->items++;
    return PB_OK;
}

static enum pb_status stream_text(const char *text, struct handed *h, const struct doc *same_as,
                                  struct doc *out, struct pb_error *err)
{
    struct doc_stream stream = {actions_only, note_item, h, same_as};
    return doc_stream_buffer("panel.yaml", (const unsigned char *)text, strlen(text), &stream,
                             out, err);
}

/* Each action is handed over as it ends, in order, with its place; the
 * tree keeps everything else, and the streamed list stays empty in it. An
 * anchor in one action still stands for its value in a later one, after
 * the first is freed. */
static void doc__streams_each_item__keeping_anchors_for_later_ones(void **state)
{
    (void)state;
    const char *text = "panelboard: 1\n"
                       "actions:\n"
                       "  - {title: &t First visit, owners: [knox]}\n"
                       "  - title: Second\n"
                       "  - {title: *t}\n"
                       "  - 5\n"
                       "members: [knox]\n";
    struct handed h = {0};
    struct doc d;
    struct pb_error err = {0};
    assert_int_equal(stream_text(text, &h, NULL, &d, &err), PB_OK);
    assert_string_equal(h.seen, "actions:First visit@3;actions:Second@4;actions:First visit@5;"
                                "actions:5@6;");
    assert_int_equal(h.items, 4);
    assert_int_equal(d.root->n, 3);
    assert_string_equal(d.root->keys[1]->text, "actions");
    assert_int_equal(d.root->items[1]->kind, DOC_SEQUENCE);
    assert_int_equal(d.root->items[1]->n, 0);
    assert_string_equal(d.root->items[2]->items[0]->text, "knox");
    doc_free(&d);
}

/* An alias to the whole streamed list would stand for items already gone. */
static void doc__refuses_an_alias_to_a_streamed_list(void **state)
{
    (void)state;
    struct handed h = {0};
    struct doc d;
    struct pb_error err = {0};
    assert_int_equal(stream_text("panelboard: 1\nactions: &all\n  - {title: A}\nmembers: *all\n",
                                 &h, NULL, &d, &err),
                     PB_ERR_DATA);
    assert_string_equal(err.message,
                        "alias '*all' stands for a whole list of records, which is not supported");
    assert_int_equal(err.line, 4);
    doc_free(&d);
}

/* The second reading of a file must be of the same bytes as the first. */
static void doc__refuses_a_second_reading_of_other_bytes(void **state)
{
    (void)state;
    struct handed h = {0};
    struct doc first, again;
    struct pb_error err = {0};
    assert_int_equal(stream_text("panelboard: 1\nactions:\n  - {title: A}\n", &h, NULL, &first,
                                 &err),
                     PB_OK);
    assert_int_equal(stream_text("panelboard: 1\nactions:\n  - {title: B}\n", &h, &first, &again,
                                 &err),
                     PB_ERR_DATA);
    assert_string_equal(err.message, "the file changed while it was being imported: nothing was "
                                     "written; import it again");
    assert_int_equal(h.items, 1);
    assert_int_equal(stream_text("panelboard: 1\nactions:\n  - {title: A}\n", &h, &first, &again,
                                 &err),
                     PB_OK);
    assert_int_equal(h.items, 2);
    doc_free(&first);
    doc_free(&again);
}

/* The cap counts what is held at once: a streamed list of more values
 * than that, one at a time, is read whole. */
static void doc__streams_more_than_3000000_values_one_at_a_time(void **state)
{
    (void)state;
    char *list = flat_sequence(DOC_MAX_HELD_NODES + 10);
    char *text = pb_xasprintf("panelboard: 1\nactions: %s", list);
    struct handed h = {0};
    struct doc d;
    struct pb_error err = {0};
    assert_int_equal(stream_text(text, &h, NULL, &d, &err), PB_OK);
    assert_int_equal(h.items, DOC_MAX_HELD_NODES + 10);
    doc_free(&d);
    free(text);
    free(list);
}

/* ---- hostile files, generated and stored ---- */

static void doc__stops_at_once_on_100000_nested_flow_sequences(void **state)
{
    (void)state;
    char *path = temp_path("deep.yaml");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("members: ", f);
    for (int i = 0; i < 100000; i++)
        fputc('[', f);
    for (int i = 0; i < 100000; i++)
        fputc(']', f);
    fputc('\n', f);
    fclose(f);
    struct doc d;
    struct pb_error err;
    assert_int_equal(doc_load_file(path, &d, &err), PB_ERR_DATA);
    assert_string_equal(err.message, "nesting deeper than 64 levels");
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 9 + 64); /* "members: " then the 64th '[' */
    unlink(path);
    free(path);
}

static void doc__loads_20000_anchors_and_aliases(void **state)
{
    (void)state;
    char *path = temp_path("anchors.yaml");
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("anchors:\n", f);
    for (int i = 0; i < 20000; i++)
        fprintf(f, "  - &a%d v%d\n", i, i);
    fputs("members:\n", f);
    for (int i = 0; i < 20000; i++)
        fprintf(f, "  - {name: *a%d}\n", 19999 - i);
    fclose(f);
    struct doc d;
    struct pb_error err;
    if (doc_load_file(path, &d, &err) != PB_OK)
        fail_msg("%d:%d: %s", err.line, err.column, err.message);
    const struct doc_node *anchors = value_of(d.root, "anchors");
    const struct doc_node *members = value_of(d.root, "members");
    assert_int_equal(members->n, 20000);
    assert_ptr_equal(value_of(members->items[0], "name"), anchors->items[19999]);
    assert_ptr_equal(value_of(members->items[19999], "name"), anchors->items[0]);
    assert_scalar(value_of(members->items[5], "name"), "v19994", true);
    doc_free(&d);
    unlink(path);
    free(path);
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

static void doc__handles_every_file_of_the_hostile_corpus(void **state)
{
    (void)state;
    const char *dir_path = getenv("PB_HOSTILE_DIR");
    if (!dir_path || !*dir_path)
        skip();
    DIR *dir = opendir(dir_path);
    assert_non_null(dir);
    int files = 0;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (!ends_with(entry->d_name, ".yaml"))
            continue;
        char *path = pb_xasprintf("%s/%s", dir_path, entry->d_name);
        struct doc d;
        struct pb_error err;
        pb_error_clear(&err);
        enum pb_status s = doc_load_file(path, &d, &err);
        bool must_load = ends_with(entry->d_name, "-VALID.yaml") ||
                         strncmp(entry->d_name, "00-baseline", 11) == 0;
        if (s == PB_OK) {
            assert_non_null(d.root);
        } else {
            if (must_load)
                fail_msg("%s refused: %d:%d: %s", entry->d_name, err.line, err.column, err.message);
            assert_int_equal(s, PB_ERR_DATA);
            assert_string_equal(err.file, path);
            assert_true(err.line >= 1 && err.column >= 1);
            assert_true(err.message[0] != '\0');
            assert_null(d.root);
        }
        doc_free(&d);
        free(path);
        files++;
    }
    closedir(dir);
    assert_true(files > 50);
}

static void doc__refuses_the_classic_hostile_files_for_the_right_reason(void **state)
{
    (void)state;
    const char *dir_path = getenv("PB_HOSTILE_DIR");
    if (!dir_path || !*dir_path)
        skip();
    static const struct {
        const char *file;
        const char *message;
    } cases[] = {
        {"alias-billion-laughs.yaml", "aliases expand to more than 100000 nodes"},
        {"alias-self-reference.yaml", "alias '*loop' refers to the node that contains it"},
        {"bom-utf16le.yaml", "not UTF-8: the file starts with a UTF-16 byte-order mark"},
        {"deep-nesting-2000-flow.yaml", "nesting deeper than 64 levels"},
        {"tag-python-object.yaml", "tag '!!python/object/apply:os.system' is not allowed"},
        {"merge-key.yaml", "the merge key '<<' is not supported"},
        {"multi-document.yaml", "several documents in one file: a second document starts here"},
        {"display-terminal-escapes.yaml", "control character U+001B in text"},
        {"comments-only.yaml", "empty file: no panel document"},
        {"whitespace-only.yaml", "empty file: no panel document"},
        {"latin1-encoded.yaml", "not UTF-8: invalid byte 0xE9"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *path = pb_xasprintf("%s/%s", dir_path, cases[i].file);
        struct doc d;
        struct pb_error err;
        assert_int_equal(doc_load_file(path, &d, &err), PB_ERR_DATA);
        assert_string_equal(err.message, cases[i].message);
        free(path);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(doc__loads_block_mapping__with_positions_of_keys_and_values),
        cmocka_unit_test(doc__accepts_flow_style),
        cmocka_unit_test(doc__accepts_block_scalars__keeping_their_newlines),
        cmocka_unit_test(doc__accepts_crlf_and_a_leading_bom),
        cmocka_unit_test(doc__tells_plain_from_quoted_and_tagged_scalars),
        cmocka_unit_test(doc__keeps_newlines_tabs_and_unicode_from_escapes),
        cmocka_unit_test(doc__shares_aliased_nodes_within_the_limits),
        cmocka_unit_test(doc__accepts_redefined_anchor__alias_takes_the_latest),
        cmocka_unit_test(doc__streams_each_item__keeping_anchors_for_later_ones),
        cmocka_unit_test(doc__refuses_an_alias_to_a_streamed_list),
        cmocka_unit_test(doc__refuses_a_second_reading_of_other_bytes),
        cmocka_unit_test(doc__streams_more_than_3000000_values_one_at_a_time),
        cmocka_unit_test(doc__accepts_aliases_expanding_to_fewer_than_100000_nodes),
        cmocka_unit_test(doc__rejects_alias_bomb__at_the_alias_that_crosses_100000),
        cmocka_unit_test(doc__rejects_alias_inside_its_own_anchored_node),
        cmocka_unit_test(doc__rejects_undefined_alias),
        cmocka_unit_test(doc__refuses_file_over_64_mib__before_reading_it),
        cmocka_unit_test(doc__reports_unreadable_file_as_no_input),
        cmocka_unit_test(doc__loads_a_file_from_disk),
        cmocka_unit_test(doc__rejects_empty_blank_and_comment_only_files),
        cmocka_unit_test(doc__rejects_invalid_utf8__where_it_is),
        cmocka_unit_test(doc__rejects_utf16_and_nul_bytes),
        cmocka_unit_test(doc__rejects_raw_control_characters_anywhere),
        cmocka_unit_test(doc__reports_libyaml_reader_errors_at_line_and_column),
        cmocka_unit_test(doc__accepts_64_levels_and_refuses_the_65th),
        cmocka_unit_test(doc__rejects_a_second_document__where_it_starts),
        cmocka_unit_test(doc__says_when_the_file_is_cut_off),
        cmocka_unit_test(doc__reports_other_syntax_errors_with_libyaml_context),
        cmocka_unit_test(doc__allows_only_core_schema_tags),
        cmocka_unit_test(doc__rejects_a_key_given_twice__naming_the_first_line),
        cmocka_unit_test(doc__finds_duplicates_among_many_keys),
        cmocka_unit_test(doc__rejects_keys_that_are_not_scalars),
        cmocka_unit_test(doc__rejects_the_merge_key),
        cmocka_unit_test(doc__rejects_quoted_keys),
        cmocka_unit_test(doc__refuses_more_than_3000000_values),
        cmocka_unit_test(doc__rejects_control_characters_written_as_escapes),
        cmocka_unit_test(doc__rejects_a_bom_inside_a_key),
        cmocka_unit_test(doc__loads_more_than_100000_written_nodes),
        cmocka_unit_test(doc__stops_at_once_on_100000_nested_flow_sequences),
        cmocka_unit_test(doc__loads_20000_anchors_and_aliases),
        cmocka_unit_test(doc__handles_every_file_of_the_hostile_corpus),
        cmocka_unit_test(doc__refuses_the_classic_hostile_files_for_the_right_reason),
    };
    return cmocka_run_group_tests(tests, make_temp_dir, remove_temp_dir);
}

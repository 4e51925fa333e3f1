/*
 * The minutes in HTML and plain text, rendered from their Markdown by cmark
 * so that the three formats cannot say different things. HTML is cmark's
 * own, in a document a browser opens; each line of the Markdown is a line of
 * the page (hard breaks: "Present:", "In attendance:" and "Action:" lines
 * stay apart). Plain text walks cmark's tree, because cmark's own
 * plain-text renderer keeps headings as typed and the council prints them
 * in capitals.
 */
#include <panelboard/minutes.h>

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

static void html_escape(struct pb_buf *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': pb_buf_puts(out, "&amp;"); break;
        case '<': pb_buf_puts(out, "&lt;"); break;
        case '>': pb_buf_puts(out, "&gt;"); break;
        case '"': pb_buf_puts(out, "&quot;"); break;
        default: pb_buf_add(out, s, 1); break;
        }
    }
}

/* The text of a node's inlines, marks left out. */
static void inline_text(struct pb_buf *out, cmark_node *node)
{
    for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
        switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            pb_buf_puts(out, cmark_node_get_literal(c));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            pb_buf_puts(out, "\n");
            break;
        case CMARK_NODE_LINK:
            inline_text(out, c);
            if (cmark_node_get_url(c) && *cmark_node_get_url(c))
                pb_buf_addf(out, " (%s)", cmark_node_get_url(c));
            break;
        default:
            inline_text(out, c);
            break;
        }
    }
}

/* Appends s with every line after the first indented by indent. */
static void indented(struct pb_buf *out, const char *s, const char *indent)
{
    for (; *s; s++) {
        pb_buf_add(out, s, 1);
        if (*s == '\n' && s[1])
            pb_buf_puts(out, indent);
    }
}

static void text_blocks(struct pb_buf *out, cmark_node *parent, const char *indent);

static void text_block(struct pb_buf *out, cmark_node *node, const char *indent)
{
    struct pb_buf b = {0};
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING:
        inline_text(&b, node);
        for (size_t i = 0; i < b.len; i++)
            if (b.data[i] >= 'a' && b.data[i] <= 'z')
                b.data[i] = (char)(b.data[i] - 'a' + 'A');
        pb_buf_addf(out, "%s%s\n", indent, b.data ? b.data : "");
        break;
    case CMARK_NODE_PARAGRAPH:
        inline_text(&b, node);
        pb_buf_puts(out, indent);
        indented(out, b.data ? b.data : "", indent);
        pb_buf_puts(out, "\n");
        break;
    case CMARK_NODE_CODE_BLOCK:
        pb_buf_puts(out, indent);
        indented(out, cmark_node_get_literal(node), indent);
        break;
    case CMARK_NODE_BLOCK_QUOTE: {
        char *deeper = pb_xasprintf("%s    ", indent);
        text_blocks(out, node, deeper);
        free(deeper);
        break;
    }
    case CMARK_NODE_LIST: {
        int number = cmark_node_get_list_start(node);
        bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        for (cmark_node *item = cmark_node_first_child(node); item;
             item = cmark_node_next(item)) {
            char *mark = ordered ? pb_xasprintf("%d. ", number++) : pb_xstrdup("- ");
            char *deeper = pb_xasprintf("%s%*s", indent, (int)strlen(mark), "");
            struct pb_buf inner = {0};
            text_blocks(&inner, item, deeper);
            /* the item's first line carries the mark in place of its indent */
            const char *body = inner.data ? inner.data + strlen(deeper) : "";
            pb_buf_addf(out, "%s%s%s", indent, mark, inner.len >= strlen(deeper) ? body : "");
            pb_buf_free(&inner);
            free(deeper);
            free(mark);
        }
        break;
    }
    case CMARK_NODE_THEMATIC_BREAK:
        pb_buf_addf(out, "%s* * *\n", indent);
        break;
    default: /* raw HTML: left out, as cmark's safe HTML leaves it out */
        break;
    }
    pb_buf_free(&b);
}

/* Blocks apart by a blank line, but the items of a tight list. */
static void text_blocks(struct pb_buf *out, cmark_node *parent, const char *indent)
{
    bool tight = cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
                 cmark_node_get_list_tight(cmark_node_parent(parent));
    for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
        if (c != cmark_node_first_child(parent) && !tight)
            pb_buf_puts(out, "\n");
        text_block(out, c, indent);
    }
}

static void render_html(cmark_node *doc, struct pb_buf *out)
{
    struct pb_buf title = {0};
    for (cmark_node *c = cmark_node_first_child(doc); c && !title.len; c = cmark_node_next(c))
        if (cmark_node_get_type(c) == CMARK_NODE_HEADING)
            inline_text(&title, c);
    char *body = cmark_render_html(doc, CMARK_OPT_HARDBREAKS);
    pb_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<title>");
    html_escape(out, title.data ? title.data : "Minutes");
    pb_buf_addf(out, "</title>\n</head>\n<body>\n%s</body>\n</html>\n", body);
    free(body);
    pb_buf_free(&title);
}

void pb_minutes_render(const char *md, enum pb_minutes_format format, struct pb_buf *out)
{
    if (format == PB_MINUTES_MD) {
        pb_buf_puts(out, md);
        return;
    }
    cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
    if (format == PB_MINUTES_HTML)
        render_html(doc, out);
    else
        text_blocks(out, doc, "");
    cmark_node_free(doc);
}

enum pb_status pb_minutes_write(struct pb_db *db, const char *id, enum pb_minutes_format format,
                                bool exempt, struct pb_buf *out, struct pb_error *err)
{
    struct pb_meeting *meeting = NULL;
    enum pb_status s = pb_meeting_load(db, id, &meeting, err);
    if (s != PB_OK)
        return s;
    struct pb_buf md = {0};
    pb_minutes_format(meeting, exempt, &md);
    pb_meeting_free(meeting);
    pb_minutes_render(md.data ? md.data : "", format, out);
    pb_buf_free(&md);
    return PB_OK;
}

/*
** fmt.h -- markup handling for documents.
**
** Turns a document's original bytes (Markdown, MediaWiki or HTML) into plain
** analysis text, and keeps a map from every plain byte back to the original
** bytes, so that anything found in the plain text can be reported at its
** offset in the file the user wrote.
**
** Basic use:
**     sift_plain p;
**     if (sift_fmt_strip(SIFT_FMT_HTML, src, len, &p) != 0) -> out of memory
**     ... analyse p.text[0 .. p.len) ...
**     size_t a = sift_plain_src_start(&p, plain_start);
**     size_t b = sift_plain_src_end(&p, plain_end);   -- [a, b) in src
**     sift_plain_free(&p);
**
** Plain text keeps the structure segmentation needs: a heading becomes a line
** of its own followed by a blank line, block elements (paragraphs, list
** items, table rows, <br>, <p>, <div>, <li>, <h1>..) end with a newline, and
** paragraphs are separated by a blank line. Emphasis marks, links' targets,
** templates, references, comments, scripts and styles are dropped; HTML
** entities are decoded.
**
** Ownership: everything in a sift_plain belongs to it and is released by
** sift_plain_free, which accepts a zeroed or already freed struct.
** Thread safety: no global state; distinct sift_plain values may be used
** from distinct threads at once.
*/
#ifndef SIFT_FMT_H
#define SIFT_FMT_H

#include <stddef.h>
#include <stdint.h>

typedef enum { SIFT_FMT_TEXT, SIFT_FMT_MARKDOWN, SIFT_FMT_WIKI, SIFT_FMT_HTML } sift_fmt;

/*
** A run of plain text and the original bytes it came from. When plain_len ==
** src_len the bytes correspond one to one (a copy); otherwise the piece is a
** replacement (an entity such as "&amp;", a "<br>" turned into "\n") and every
** position inside it maps to the whole source run.
*/
typedef struct {
    uint32_t plain, src, plain_len, src_len;
} sift_piece;

/* A heading (section title): a range of plain text and its level (1 = top). */
typedef struct {
    uint32_t start, end;
    uint8_t level;
} sift_heading;

typedef struct {
    char *text;         /* plain text, NUL-terminated; UTF-8 if the source was */
    size_t len;         /* bytes in text, without the NUL */
    sift_piece *pieces; /* sorted by plain; together they cover [0, len) exactly */
    size_t npieces;
    sift_heading *headings; /* in document order */
    size_t nheadings;
    char *title; /* HTML <title>, else the first level-1 heading, else NULL */
} sift_plain;

/* Choose a format from a file name's extension (.md .markdown .wiki .mediawiki .html .htm). */
sift_fmt sift_fmt_from_path(const char *path);

/* Fill *out from src[0 .. len). Returns 0, or -1 when memory runs out (then
** *out is zeroed). For SIFT_FMT_TEXT the plain text is a copy in one piece. */
int sift_fmt_strip(sift_fmt fmt, const char *src, size_t len, sift_plain *out);

void sift_plain_free(sift_plain *p);

/* Offset in the source of the plain byte at plain_off (plain_off <= len; for
** len, the end of the last piece). */
size_t sift_plain_src_start(const sift_plain *p, size_t plain_off);

/* Exclusive source end for a plain range ending (exclusively) at plain_end:
** the end of the source run that produced byte plain_end - 1. */
size_t sift_plain_src_end(const sift_plain *p, size_t plain_end);

#endif

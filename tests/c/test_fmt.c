/*
** test_fmt.c -- unit tests for runtime/fmt.c (markup stripping).
**
** Covers each construct of the three markup formats, the piece map (checked
** for its invariants after every strip of every fixture), headings and
** titles, offsets through entities, hostile inputs (10 MB of unclosed
** openers in every format must finish; invalid UTF-8 and NUL bytes), random
** markup soup, allocation failure at every allocation, and
** sift_fmt_from_path. Fixtures are written here; nothing is read from disk.
*/
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

/* Allocation-failure injection: the fail_at-th allocation (0-based) fails. */
static long fail_at = -1, nallocs;

static void *test_realloc(void *p, size_t n)
{
    if (fail_at >= 0 && nallocs++ == fail_at) return NULL;
    return realloc(p, n);
}

#define FMT_REALLOC(p, n) test_realloc((p), (n))
#include "../../runtime/fmt.c"
#include "test.h"

static const char *const fmtname[] = {"text", "markdown", "wiki", "html"};

/*
** Checks every invariant of the piece map of p, stripped from src[0 .. len):
** pieces contiguous from 0 and covering the text, source runs in order and
** disjoint, copies byte-identical, src_start/src_end consistent with the
** pieces, headings inside the text, no run of two blank lines. dense makes it
** query every plain offset (quadratic-free: O(len log n)).
*/
static void check_map(const sift_plain *p, const char *src, size_t len, sift_fmt f, int dense)
{
    size_t plain = 0, srcend = 0;
    CHECK(p->text != NULL);
    if (!p->text) return;
    CHECK(p->text[p->len] == 0);
    for (size_t i = 0; i < p->npieces; i++) {
        const sift_piece *c = &p->pieces[i];
        if (c->plain != plain || !c->plain_len || !c->src_len) {
            FAILF("%s: piece %zu at %u (len %u, src len %u), expected at %zu", fmtname[f], i,
                  c->plain, c->plain_len, c->src_len, plain);
            return;
        }
        if ((i && c->src < srcend) || (size_t)c->src + c->src_len > len) {
            FAILF("%s: piece %zu source run [%u, +%u) out of order", fmtname[f], i, c->src,
                  c->src_len);
            return;
        }
        if (c->plain_len == c->src_len && memcmp(p->text + c->plain, src + c->src, c->plain_len)) {
            FAILF("%s: copy piece %zu differs from its source", fmtname[f], i);
            return;
        }
        plain += c->plain_len;
        srcend = (size_t)c->src + c->src_len;
    }
    CHECK_INT(plain, p->len);
    if (p->len) CHECK_INT(sift_plain_src_start(p, p->len), srcend);
    for (size_t i = 0; dense && i < p->len; i++) {
        size_t a = sift_plain_src_start(p, i), b = sift_plain_src_end(p, i + 1);
        const sift_piece *c = &p->pieces[pieceat(p, i)];
        int copied = c->plain_len == c->src_len;
        if (a >= len || b <= a || (copied && (src[a] != p->text[i] || b != a + 1))) {
            FAILF("%s: plain byte %zu maps to [%zu, %zu)", fmtname[f], i, a, b);
            return;
        }
    }
    for (size_t i = 0; i < p->nheadings; i++) {
        const sift_heading *h = &p->headings[i];
        CHECK(h->start < h->end && h->end <= p->len && h->level >= 1 && h->level <= 6);
        if (i) CHECK(h->start >= p->headings[i - 1].end);
    }
    if (f != SIFT_FMT_TEXT && p->len >= 3) {
        const char *t = p->text;
        for (size_t i = 0; i + 2 < p->len; i++) {
            if (t[i] == '\n' && t[i + 1] == '\n' && t[i + 2] == '\n') {
                FAILF("%s: two blank lines at plain %zu", fmtname[f], i);
                break;
            }
        }
    }
}

static sift_plain stripn(sift_fmt f, const char *src, size_t len)
{
    sift_plain p;
    int rc = sift_fmt_strip(f, src, len, &p);
    CHECK_INT(rc, 0);
    if (!rc) check_map(&p, src, len, f, 1);
    return p;
}

static sift_plain strip(sift_fmt f, const char *src)
{
    return stripn(f, src, strlen(src));
}

/* Strips src and compares the text with want. */
#define EXPECT(f, src, want)                                                                       \
    do {                                                                                           \
        sift_plain p_ = strip((f), (src));                                                         \
        CHECK_MEM(p_.text, p_.len, (want));                                                        \
        sift_plain_free(&p_);                                                                      \
    } while (0)

/* Strips src and checks the heading list: "level:text|level:text...". */
static void check_headings(sift_fmt f, const char *src, const char *want)
{
    sift_plain p = strip(f, src);
    char got[512] = "";
    size_t k = 0;
    for (size_t i = 0; i < p.nheadings && k < sizeof got - 64; i++) {
        const sift_heading *h = &p.headings[i];
        int w = (int)(h->end - h->start);
        k += (size_t)snprintf(got + k, sizeof got - k, "%s%d:%.*s", i ? "|" : "", h->level,
                              w > 40 ? 40 : w, p.text + h->start);
    }
    CHECK_STR(got, want);
    sift_plain_free(&p);
}

static void check_title(sift_fmt f, const char *src, const char *want)
{
    sift_plain p = strip(f, src);
    if (!want) {
        if (p.title) FAILF("title is \"%s\", expected NULL", p.title);
    } else {
        CHECK_STR(p.title, want);
    }
    sift_plain_free(&p);
}

/* Plain offset of the first occurrence of word in p's text. */
static size_t plain_find(const sift_plain *p, const char *word)
{
    const char *hit = strstr(p->text, word);
    return hit ? (size_t)(hit - p->text) : (size_t)-1;
}

/* ---------------------------------------------------------------- fixtures */

/* Documents run through every format by the invariant tests. */
static const char *const fixtures[] = {
    "# Harbour report\n\nThe *ferry* left at **dawn**, and __nobody__ saw _it_ go.\n",
    "Setext title\n============\n\nSecond level\n------------\nbody text\n",
    "A [link to the port](http://example.org/port \"Port\") and ![a crane](crane.png) "
    "and [a ref][harbour] and [harbour].\n\n[harbour]: http://example.org/h\n",
    "Run `make check` now.\n\n```sh\nmake\n\n\n\nmake install\n```\nafter the fence\n",
    "- apples\n- pears\n* plums\n1. first\n2) second\n\n> a quoted\n> line\n\n***\n\n"
    "<!-- hidden\nnote -->\nvisible\n",
    "snake_case_name and 5 * 3 = 15 and a*b*c and 2*3*4.\n",
    "Tom &amp; Jerry &copy; 2024 &bogus; &#233;t&#xE9; caf&eacute;\n",
    "line one  \nline two\\\nline three\n\n\n\n\nafter gap\n",
    "'''Lyon''' is a [[city]] in [[France|the French republic]].{{Infobox|a={{b|c}}}}\n"
    "== Economy ==\nTrade<ref>A source</ref> grew<ref name=\"x\" /> fast.\n",
    "[[File:Quay.jpg|thumb|The [[quay]] at [[night|dusk]]]]Text after.\n"
    "[[Image:a.png]] [[Category:Ports]] [http://example.org the site] [http://example.org]\n",
    "{| class=\"wikitable\"\n|+ Tonnage\n! Year !! Tons\n|-\n| style=\"color:red\" | 1990 || 12\n"
    "|-\n| 2000\n| 15\n|}\nAfter the table.\n",
    "__NOTOC__\n* one\n** two\n# three\n: indented\n<!-- c -->\n----\nend\n",
    "<!DOCTYPE html><html><head><title>Port &amp; City</title><meta charset=utf-8>"
    "<style>p { color: red }</style><script>if (a < b) { x = '</p>'; }</script></head>"
    "<body><h1>News</h1><p>First&nbsp;para &mdash; ok.</p><p>a<br>b</p>"
    "<table><tr><td>c1</td><td>c2</td></tr></table></body></html>",
    "<div><p>Nested <b>bold <i>italic</i></b> text</p></div><ul><li>one<li>two</ul>"
    "<a href=\"x>y\" title='q>r'>link</a><noscript>no js</noscript><template>t</template>",
    "<p>Unclosed <b>bold <span class=\"x",
    "text with <![CDATA[raw <data>]]> and <?pi x?> and </ weird> end",
    "<pre>  keep\n    this\n\n\n\nspacing</pre><p>after</p>",
    "",
    "\n\n\n",
    "plain words only",
    "<<<<[[[[{{{{&&&&]]]]}}}}>>>>",
    "**unclosed emphasis and [unclosed link and `unclosed code",
    "{{unclosed template [[unclosed link '''bold",
};

#define NFIX (sizeof fixtures / sizeof fixtures[0])

/* ---------------------------------------------------------------- Markdown */

TEST(md_headings)
{
    EXPECT(SIFT_FMT_MARKDOWN, "# Title\nbody\n", "Title\n\nbody\n");
    EXPECT(SIFT_FMT_MARKDOWN, "para\n## Two ##\nmore\n", "para\n\nTwo\n\nmore\n");
    EXPECT(SIFT_FMT_MARKDOWN, "Big\n===\nSmall\n---\ntext\n", "Big\n\nSmall\n\ntext\n");
    EXPECT(SIFT_FMT_MARKDOWN, "#hashtag is not a heading\n", "#hashtag is not a heading\n");
    EXPECT(SIFT_FMT_MARKDOWN, "####### seven\n", "####### seven\n");
    check_headings(SIFT_FMT_MARKDOWN, "# One\n\n## Two *em*\n\nThree\n=====\n\nFour\n----\n",
                   "1:One|2:Two em|1:Three|2:Four");
    check_title(SIFT_FMT_MARKDOWN, "intro\n\n## Sub\n\n# Main  title #\n", "Main title");
    check_title(SIFT_FMT_MARKDOWN, "## Only a sub\n", NULL);
}

TEST(md_emphasis)
{
    EXPECT(SIFT_FMT_MARKDOWN, "*em* **strong** _em_ __strong__ ***both***\n",
           "em strong em strong both\n");
    EXPECT(SIFT_FMT_MARKDOWN, "snake_case_name stays\n", "snake_case_name stays\n");
    EXPECT(SIFT_FMT_MARKDOWN, "5 * 3 = 15 and 2 * 4\n", "5 * 3 = 15 and 2 * 4\n");
    EXPECT(SIFT_FMT_MARKDOWN, "a **b _c_ d** e\n", "a b c d e\n");
    EXPECT(SIFT_FMT_MARKDOWN, "un*frigging*believable\n", "unfriggingbelievable\n");
    EXPECT(SIFT_FMT_MARKDOWN, "**unclosed and *lone\n", "**unclosed and *lone\n");
    EXPECT(SIFT_FMT_MARKDOWN, "~~gone~~ word\n", "gone word\n");
    EXPECT(SIFT_FMT_MARKDOWN, "*across\nlines*\n", "across\nlines\n");
    EXPECT(SIFT_FMT_MARKDOWN, "_foo_bar_ and *a **b** c*\n", "foo_bar and a b c\n");
    EXPECT(SIFT_FMT_MARKDOWN, "\\*not em\\* and \\_x\\_\n", "*not em* and _x_\n");
}

TEST(md_links_images_refs)
{
    EXPECT(SIFT_FMT_MARKDOWN, "see [the docs](http://x.org/a_(b) \"T\") now\n",
           "see the docs now\n");
    EXPECT(SIFT_FMT_MARKDOWN, "an ![alt text](p.png) image\n", "an  image\n");
    EXPECT(SIFT_FMT_MARKDOWN, "word![alt](p.png)word\n", "word word\n");
    EXPECT(SIFT_FMT_MARKDOWN, "[full][r] [collapsed][] [r]\n\n[r]: http://x\n[collapsed]: <y>\n",
           "full collapsed r\n");
    EXPECT(SIFT_FMT_MARKDOWN, "[not a ref] [x](\n", "[not a ref] [x](\n");
    EXPECT(SIFT_FMT_MARKDOWN, "[a [nested](u) b](v)\n", "[a nested b](v)\n");
    EXPECT(SIFT_FMT_MARKDOWN, "[link\nacross](u) lines\n", "link\nacross lines\n");
    EXPECT(SIFT_FMT_MARKDOWN, "[![badge](b.svg)](http://ci)\nText\n", "Text\n");
    EXPECT(SIFT_FMT_MARKDOWN, "Fact[^1] here.\n\n[^1]: The note.\n", "Fact here.\n\nThe note.\n");
    EXPECT(SIFT_FMT_MARKDOWN, "mail <someone@example.org> or <https://example.org/x>\n",
           "mail someone@example.org or https://example.org/x\n");
}

TEST(md_code_spans)
{
    EXPECT(SIFT_FMT_MARKDOWN, "run `make all` and `` a`b `` ok\n", "run make all and a`b ok\n");
    EXPECT(SIFT_FMT_MARKDOWN, "`*not em*` and `<b>`\n", "*not em* and <b>\n");
    EXPECT(SIFT_FMT_MARKDOWN, "a ``` b\n", "a ``` b\n");
    EXPECT(SIFT_FMT_MARKDOWN, "```\ncode *x*\n```\n", "code *x*\n");
    EXPECT(SIFT_FMT_MARKDOWN, "before\n~~~python\nx = 1\n\n\n\ny = 2\n~~~\nafter\n",
           "before\n\nx = 1\n\ny = 2\n\nafter\n");
    EXPECT(SIFT_FMT_MARKDOWN, "```\nunclosed fence\n# not a heading\n",
           "unclosed fence\n# not a heading\n");
}

TEST(md_block_structure)
{
    EXPECT(SIFT_FMT_MARKDOWN, "- one\n- two\n+ three\n* four\n", "one\ntwo\nthree\nfour\n");
    EXPECT(SIFT_FMT_MARKDOWN, "1. first\n2. second\n10) tenth\n", "first\nsecond\ntenth\n");
    EXPECT(SIFT_FMT_MARKDOWN, "text\n- item\n", "text\nitem\n");
    EXPECT(SIFT_FMT_MARKDOWN, "> quoted\n> still\n\n> > nested\n", "quoted\nstill\n\nnested\n");
    EXPECT(SIFT_FMT_MARKDOWN, "para\n> quote\n", "para\n\nquote\n");
    EXPECT(SIFT_FMT_MARKDOWN, "> - item *one*\n> - item two\n", "item one\nitem two\n");
    EXPECT(SIFT_FMT_MARKDOWN, "> lazy\ncontinuation\n", "lazy\ncontinuation\n");
    EXPECT(SIFT_FMT_MARKDOWN, "a\n\n---\n\nb\n\n* * *\n_ _ _\nc\n", "a\n\nb\n\nc\n");
    EXPECT(SIFT_FMT_MARKDOWN, "[id]: http://x \"t\"\ntext\n", "text\n");
    EXPECT(SIFT_FMT_MARKDOWN, "---\ntitle: x\ndate: y\n---\nBody\n", "Body\n");
    EXPECT(SIFT_FMT_MARKDOWN, "p1\n\n\n\n\np2\n", "p1\n\np2\n");
    EXPECT(SIFT_FMT_MARKDOWN, "hard  \nbreak\\\nhere\r\nCRLF\r\n", "hard\nbreak\nhere\nCRLF\n");
}

TEST(md_html)
{
    EXPECT(SIFT_FMT_MARKDOWN, "a <!-- hidden --> b\n", "a  b\n");
    EXPECT(SIFT_FMT_MARKDOWN, "x<!-- c -->y\n", "x y\n");
    EXPECT(SIFT_FMT_MARKDOWN, "<!--\nblock\n\ncomment\n-->\ntext\n", "text\n");
    EXPECT(SIFT_FMT_MARKDOWN, "one<br>two <span class=\"k\">three</span>\n", "one\ntwo three\n");
    EXPECT(SIFT_FMT_MARKDOWN, "<script>\nvar x = 1;\n\nvar y;\n</script>\nafter\n", "after\n");
    EXPECT(SIFT_FMT_MARKDOWN, "a < b and c<d and x <notatag> y\n",
           "a < b and c<d and x <notatag> y\n");
    EXPECT(SIFT_FMT_MARKDOWN, "Q&amp;A &lt;tag&gt; &nope; &#65;\n", "Q&A <tag> &nope; A\n");
}

/* --------------------------------------------------------------- MediaWiki */

TEST(wiki_headings_quotes)
{
    EXPECT(SIFT_FMT_WIKI, "intro\n== History ==\ntext\n", "intro\n\nHistory\n\ntext\n");
    EXPECT(SIFT_FMT_WIKI, "=== Deep '''bold''' ===\n", "Deep bold\n");
    EXPECT(SIFT_FMT_WIKI, "==unbalanced\n", "==unbalanced\n");
    check_headings(SIFT_FMT_WIKI, "=Top=\n==Two==\n===Three===\n====Four====\nx\n",
                   "1:Top|2:Two|3:Three|4:Four");
    check_title(SIFT_FMT_WIKI, "== Sub ==\n= Main =\n", "Main");
    check_title(SIFT_FMT_WIKI, "== Sub ==\ntext\n", NULL);
    EXPECT(SIFT_FMT_WIKI, "''italic'' '''bold''' '''''both''''' l'amour\n",
           "italic bold both l'amour\n");
    EXPECT(SIFT_FMT_WIKI, "''''four''''\n", "'four'\n");
}

TEST(wiki_links)
{
    EXPECT(SIFT_FMT_WIKI, "[[Target|the label]] and [[Plain]] and [[a]]s\n",
           "the label and Plain and as\n");
    EXPECT(SIFT_FMT_WIKI, "[[File:X.jpg|thumb|A [[nested|link]] in [[caption]]]]After\n",
           "After\n");
    EXPECT(SIFT_FMT_WIKI, "x [[Image:Y.png|left]] y [[Category:Things]] z\n", "x  y  z\n");
    EXPECT(SIFT_FMT_WIKI, "[[:Category:Things|cats]] [[Help:Contents]]\n", "cats Help:Contents\n");
    EXPECT(SIFT_FMT_WIKI, "[http://example.org Example site] and [https://x.org]!\n",
           "Example site and !\n");
    EXPECT(SIFT_FMT_WIKI, "[not a link] [[unclosed\n", "[not a link] [[unclosed\n");
    EXPECT(SIFT_FMT_WIKI, "[[Target|''styled'' label]]\n", "styled label\n");
    EXPECT(SIFT_FMT_WIKI, "[[A|b [[c]] d]] e\n", "b c d e\n");
    EXPECT(SIFT_FMT_WIKI, "[[Paris (France)|]] and [[FILE: x.png]]\n", "Paris (France) and\n");
}

TEST(wiki_templates_refs)
{
    EXPECT(SIFT_FMT_WIKI, "a{{t|x={{u|{{v}}}}|y}}b\n", "a b\n");
    EXPECT(SIFT_FMT_WIKI, "a {{t}} b {{{param}}} c\n", "a  b  c\n");
    EXPECT(SIFT_FMT_WIKI, "{{Infobox\n| name = X\n| pop = {{n|1}}\n}}\nText.\n", "Text.\n");
    EXPECT(SIFT_FMT_WIKI, "no {{ close and }} stray\n", "no  stray\n");
    EXPECT(SIFT_FMT_WIKI, "open {{ only\n", "open {{ only\n");
    EXPECT(SIFT_FMT_WIKI, "Fact.<ref>Source {{cite}}</ref> More<ref name=\"a\"/> x<ref>y</ref>\n",
           "Fact. More x\n");
    EXPECT(SIFT_FMT_WIKI, "a<!-- note -->b <!-- unclosed\n", "a b");
    EXPECT(SIFT_FMT_WIKI, "a<ref>never closed b\n", "a never closed b\n");
    EXPECT(SIFT_FMT_WIKI, "__NOTOC__\nText __FORCETOC__ end __not_magic__\n",
           "Text  end __not_magic__\n");
    EXPECT(SIFT_FMT_WIKI, "<nowiki>[[not a link]]</nowiki> and a<br />b\n",
           "[[not a link]] and a\nb\n");
    EXPECT(SIFT_FMT_WIKI, "x &nbsp;y&ndash;z\n", "x \xC2\xA0y\xE2\x80\x93z\n");
    EXPECT(SIFT_FMT_WIKI, "== Refs ==\n<references />\n[[Category:X]]\n", "Refs\n");
}

TEST(wiki_tables_lists)
{
    EXPECT(SIFT_FMT_WIKI,
           "{| class=\"wikitable\"\n|+ Caption\n! H1 !! H2\n|-\n| style=\"x\" | a || b\n|-\n"
           "| c\n| d\n|}\nAfter.\n",
           "Caption\nH1\nH2\na\nb\nc\nd\n\nAfter.\n");
    EXPECT(SIFT_FMT_WIKI, "{|\n|a||b\n|}\n", "a\nb\n");
    EXPECT(SIFT_FMT_WIKI, "| not a cell outside tables\n", "| not a cell outside tables\n");
    EXPECT(SIFT_FMT_WIKI, "* one\n** two\n# three\n#: four\n; term\n",
           "one\ntwo\nthree\nfour\nterm\n");
    EXPECT(SIFT_FMT_WIKI, "a\n----\nb\n", "a\n\nb\n");
    EXPECT(SIFT_FMT_WIKI, "p1\n\n\n\np2\n", "p1\n\np2\n");
}

/* -------------------------------------------------------------------- HTML */

TEST(html_blocks)
{
    EXPECT(SIFT_FMT_HTML, "a<br>b", "a\nb");
    EXPECT(SIFT_FMT_HTML, "<table><tr><td>one</td><td>two</td></tr><tr><th>3</th></tr></table>",
           "one\ntwo\n3\n");
    EXPECT(SIFT_FMT_HTML, "<p>one</p><p>two</p>", "one\n\ntwo\n");
    EXPECT(SIFT_FMT_HTML, "<div>x</div><div>y</div>", "x\ny\n");
    EXPECT(SIFT_FMT_HTML, "<ul><li>a</li><li>b</ul><ol><li>c</ol>", "a\nb\n\nc\n");
    EXPECT(SIFT_FMT_HTML, "a<br><br><br>b", "a\n\nb");
    EXPECT(SIFT_FMT_HTML,
           "<section><article><header>h</header>t<footer>f</footer></article></section>"
           "<blockquote>q</blockquote><dl><dt>k</dt><dd>v</dd></dl>"
           "<figure>i<figcaption>c</figcaption></figure>",
           "h\n\nt\n\nf\n\nq\n\nk\nv\n\ni\nc\n");
    EXPECT(SIFT_FMT_HTML, "H<sub>2</sub>O is <b>wet</b>ter", "H2O is wetter");
    EXPECT(SIFT_FMT_HTML, "one<img src=x>two <hr>three", "one two\n\nthree");
}

TEST(html_dropped)
{
    EXPECT(SIFT_FMT_HTML,
           "<head><title>T</title><meta name=a><style>b{}</style><script>x<y</script></head>"
           "<body>Body</body>",
           "Body");
    EXPECT(SIFT_FMT_HTML, "a<script type=\"x\">if (a<b) document.write('</p>')</script>b", "a b");
    EXPECT(SIFT_FMT_HTML, "<noscript>enable js</noscript>x<template><p>t</p></template>y", "x y");
    EXPECT(SIFT_FMT_HTML, "<style>p{}</style>kept", "kept");
    EXPECT(SIFT_FMT_HTML, "before<script>never closed", "before");
    EXPECT(SIFT_FMT_HTML, "a<!-- c -->b<!---->c<!-->d", "a b c d");
    EXPECT(SIFT_FMT_HTML, "<!DOCTYPE html><?xml version=\"1.0\"?>x<![CDATA[a<b>c]]>y", "xa<b>cy");
    EXPECT(SIFT_FMT_HTML, "x<!-- never closed", "x");
}

TEST(html_tags)
{
    EXPECT(SIFT_FMT_HTML, "<a href=\"x>y\" title='p>q' data-x=a>link</a> text", "link text");
    EXPECT(SIFT_FMT_HTML, "<div><p>Nested <b>bold <i>and italic</i></b> words</p></div>",
           "Nested bold and italic words\n");
    EXPECT(SIFT_FMT_HTML, "a < b, c<d and 3<4", "a < b, c<d and 3<4");
    EXPECT(SIFT_FMT_HTML, "end <b class=\"x", "end <b class=\"x");
    EXPECT(SIFT_FMT_HTML, "end <p class=\"x\" y", "end <p class=\"x\" y");
    EXPECT(SIFT_FMT_HTML, "end <p title=\">\" y", "end");
    EXPECT(SIFT_FMT_HTML, "<P>Upper</P><BR/>case", "Upper\n\ncase");
    EXPECT(SIFT_FMT_HTML, "<custom-el>x</custom-el>y", "x y");
    EXPECT(SIFT_FMT_HTML, "<p>Hello\n   world\n</p>\n\n<p>  next  </p>", "Hello world\n\nnext\n");
    EXPECT(SIFT_FMT_HTML, "<p>hard\nwrapped\ttext\r\n\tand\n\nmore</p>",
           "hard  wrapped  text and more\n");
    EXPECT(SIFT_FMT_HTML, "<pre>  a\n\tb\n\n\n\nc</pre>d", "  a\n\tb\n\nc\n\nd");
}

TEST(html_entities)
{
    EXPECT(SIFT_FMT_HTML, "&amp;&lt;&gt;&quot;&apos;", "&<>\"'");
    EXPECT(SIFT_FMT_HTML, "&nbsp;&ndash;&mdash;&lsquo;&rsquo;&ldquo;&rdquo;&hellip;",
           "\xC2\xA0\xE2\x80\x93\xE2\x80\x94\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D"
           "\xE2\x80\xA6");
    EXPECT(SIFT_FMT_HTML, "&copy;&reg;&trade;&euro;&pound;&deg;&times;&eacute;&Eacute;",
           "\xC2\xA9\xC2\xAE\xE2\x84\xA2\xE2\x82\xAC\xC2\xA3\xC2\xB0\xC3\x97\xC3\xA9\xC3\x89");
    EXPECT(SIFT_FMT_HTML, "&#65;&#x42;&#X43;&#0068;&#x1F600;", "ABCD\xF0\x9F\x98\x80");
    EXPECT(SIFT_FMT_HTML, "&#0;&#xD800;&#x110000;&#99999999999;",
           "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT(SIFT_FMT_HTML, "&#150;&#x93;", "\xE2\x80\x93\xE2\x80\x9C");
    EXPECT(SIFT_FMT_HTML, "&unknown; &; &# &#x; AT&T &amp", "&unknown; &; &# &#x; AT&T &");
    EXPECT(SIFT_FMT_HTML, "&#65 x", "A x");
}

TEST(html_title_headings)
{
    check_title(SIFT_FMT_HTML, "<title>  Port &amp;\n  City  </title><h1>H</h1>", "Port & City");
    check_title(SIFT_FMT_HTML, "<h2>Sub</h2><h1>First <i>one</i></h1><h1>Second</h1>", "First one");
    check_title(SIFT_FMT_HTML, "<h2>Sub</h2><p>text</p>", NULL);
    check_title(SIFT_FMT_HTML, "<title></title><h1>Fallback</h1>", "Fallback");
    check_headings(SIFT_FMT_HTML, "<h1>A</h1><h2>B <b>b</b></h2>x<h6>F</h6><h3></h3>",
                   "1:A|2:B b|6:F");
    EXPECT(SIFT_FMT_HTML, "<title>T</title><h1>Head</h1>text", "Head\n\ntext");
    EXPECT(SIFT_FMT_HTML, "x<h2>Mid</h2>y", "x\n\nMid\n\ny");
}

/* ---------------------------------------------------------- text, offsets */

TEST(text_format)
{
    const char src[] = "as\0is\n\n\n\n<b>&amp;";
    sift_plain p = stripn(SIFT_FMT_TEXT, src, sizeof src - 1);
    CHECK_INT(p.len, sizeof src - 1);
    CHECK(!memcmp(p.text, src, sizeof src - 1));
    CHECK_INT(p.npieces, 1);
    CHECK(p.title == NULL && p.nheadings == 0);
    sift_plain_free(&p);
    p = strip(SIFT_FMT_TEXT, "  trailing blanks stay \t\n\n\n");
    CHECK_MEM(p.text, p.len, "  trailing blanks stay \t\n\n\n");
    CHECK_INT(p.npieces, 1);
    sift_plain_free(&p);
    p = strip(SIFT_FMT_TEXT, "");
    CHECK_INT(p.len, 0);
    CHECK_INT(p.npieces, 0);
    CHECK_STR(p.text, "");
    sift_plain_free(&p);
}

TEST(offsets_after_entity)
{
    static const struct {
        sift_fmt f;
        const char *src;
    } cases[] = {
        {SIFT_FMT_HTML, "<p>Caf&eacute; &amp; <b>bistro</b> opens</p>"},
        {SIFT_FMT_MARKDOWN, "# Caf&eacute;\n\nFish &amp; *bistro* opens\n"},
        {SIFT_FMT_WIKI, "'''Caf&eacute;''' &amp; [[Bistro|bistro]] opens\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *src = cases[i].src;
        sift_plain p = strip(cases[i].f, src);
        size_t at = plain_find(&p, "bistro"), want = (size_t)(strstr(src, "bistro") - src);
        CHECK_INT(sift_plain_src_start(&p, at), want);
        CHECK_INT(sift_plain_src_end(&p, at + 6), want + 6);
        size_t op = plain_find(&p, "opens");
        CHECK_INT(sift_plain_src_start(&p, op), strstr(src, "opens") - src);
        /* The decoded "&" maps to its whole reference. */
        size_t amp = plain_find(&p, "&");
        const char *ref = strstr(src, "&amp;");
        CHECK_INT(sift_plain_src_start(&p, amp), ref - src);
        CHECK_INT(sift_plain_src_end(&p, amp + 1), ref - src + 5);
        /* "é" is two plain bytes standing for "&eacute;": both map to it. */
        size_t e = plain_find(&p, "\xC3\xA9");
        const char *er = strstr(src, "&eacute;");
        CHECK_INT(sift_plain_src_start(&p, e + 1), er - src);
        CHECK_INT(sift_plain_src_end(&p, e + 1), er - src + 8);
        /* A range spanning the entity covers all of it. */
        CHECK_INT(sift_plain_src_start(&p, e - 3), er - src - 3);
        CHECK_INT(sift_plain_src_end(&p, e + 2), er - src + 8);
        sift_plain_free(&p);
    }
}

TEST(offsets_edges)
{
    sift_plain z;
    memset(&z, 0, sizeof z);
    CHECK_INT(sift_plain_src_start(&z, 0), 0);
    CHECK_INT(sift_plain_src_end(&z, 0), 0);
    sift_plain_free(&z);
    sift_plain_free(&z);
    sift_plain_free(NULL);
    const char *src = "<p>ab</p>  ";
    sift_plain p = strip(SIFT_FMT_HTML, src);
    CHECK_MEM(p.text, p.len, "ab\n");
    CHECK_INT(sift_plain_src_start(&p, 0), 3);
    CHECK_INT(sift_plain_src_end(&p, 0), 3);
    CHECK_INT(sift_plain_src_end(&p, 2), 5);
    CHECK_INT(sift_plain_src_start(&p, 2), 5); /* the newline stands for "</p>" */
    CHECK_INT(sift_plain_src_end(&p, 3), 9);
    CHECK_INT(sift_plain_src_start(&p, 3), 9); /* len: end of the last piece */
    CHECK_INT(sift_plain_src_end(&p, 99), 9);  /* clamped */
    sift_plain_free(&p);
    sift_plain_free(&p);
}

TEST(fixture_invariants)
{
    for (size_t i = 0; i < NFIX; i++) {
        for (int f = 0; f < 4; f++) {
            sift_plain p = strip((sift_fmt)f, fixtures[i]);
            sift_plain_free(&p);
        }
    }
}

/* Deterministic markup soup: random token streams in every format. */
TEST(random_soup_invariants)
{
    static const char *const tok[] = {
        "<",    ">",     "[[",     "]]",       "{{",        "}}",       "[",       "]",
        "(",    ")",     "*",      "**",       "_",         "__",       "`",       "```",
        "'''",  "''",    "&",      "&amp;",    "&#",        "&#x4",     ";",       "<p>",
        "</p>", "<br>",  "<b ",    "=\"",      "\"",        "'",        "<!--",    "-->",
        "\n",   "\n\n",  " ",      "word",     "==",        "|",        "||",      "{|",
        "|}",   "|-",    "!",      "#",        "# ",        "- ",       "> ",      "---",
        "===",  "<ref>", "</ref>", "<script>", "</script>", "http://x", "File:",   "\xC3",
        "\xA9", "\xFF",  "\0",     "\r\n",     "[a]: u\n",  "![",       "<title>", "</title>",
        "<h1>", "</h1>", "~~",     "\\",       "<!",        "</",       "{{{",     "}}}"};
    uint32_t seed = 12345;
    char doc[2000];
    for (int round = 0; round < 2000; round++) {
        size_t n = 0;
        while (n < sizeof doc - 16) {
            seed = seed * 1103515245u + 12345u;
            const char *t = tok[(seed >> 8) % (sizeof tok / sizeof tok[0])];
            size_t k = t[0] ? strlen(t) : 1;
            memcpy(doc + n, t, k);
            n += k;
            if ((seed >> 4) % 211 == 0) break;
        }
        for (int f = 0; f < 4; f++) {
            sift_plain p = stripn((sift_fmt)f, doc, n);
            sift_plain_free(&p);
        }
    }
}

TEST(invalid_bytes)
{
    const char src[] = "ab\0cd <p>\xFF\xFE\xC3</p> [[x\0y]] {{\0}} *\0* &\0; \xE2\x80";
    for (int f = 0; f < 4; f++) {
        sift_plain p = stripn((sift_fmt)f, src, sizeof src - 1);
        CHECK(p.len > 0);
        sift_plain_free(&p);
    }
    /* Markup characters just past len must never be read. */
    char *tight = malloc(5);
    memcpy(tight, "<!--&", 5);
    for (int f = 0; f < 4; f++) {
        for (size_t k = 0; k <= 5; k++) {
            sift_plain p = stripn((sift_fmt)f, tight, k);
            sift_plain_free(&p);
        }
    }
    free(tight);
}

/*
** 10 MB of one unclosed opener in every format must finish quickly (linear
** time) with a valid map. The map check is sparse here to stay linear.
*/
static double run_big(const char *unit, size_t total)
{
    size_t k = strlen(unit), n = 0;
    char *buf = malloc(total);
    CHECK(buf != NULL);
    if (!buf) return 0;
    while (n + k <= total) {
        memcpy(buf + n, unit, k);
        n += k;
    }
    clock_t t0 = clock();
    for (int f = 0; f < 4; f++) {
        sift_plain p;
        CHECK_INT(sift_fmt_strip((sift_fmt)f, buf, n, &p), 0);
        check_map(&p, buf, n, (sift_fmt)f, 0);
        sift_plain_free(&p);
    }
    free(buf);
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

TEST(pathological_10mb)
{
    static const char *const units[] = {"<", "[[", "{{", "&"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        double t = run_big(units[i], 10u << 20);
        if (t > 30) FAILF("10 MB of \"%s\" took %.1f s", units[i], t);
    }
}

TEST(pathological_more)
{
    static const char *const units[] = {
        "<a",        "<!--",     "[a](", "**",         "`",      "{|\n",     "''",
        "<b x=\"",   "&#",       "](",   "[http://x ", "<ref>",  "{{{",      "}}",
        "]]",        "![",       "*a",   "[^",         "<p>",    "\n|",      "\n==a",
        "<title>",   "<script>", "&#x",  "`` `",       "<http:", "[a]: b\n", "{{a|[[b|",
        "[[a|{{b}}", "<nowiki>", "\n{|", "> - # ",     "<i><b>"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        double t = run_big(units[i], 512u << 10);
        if (t > 5) FAILF("512 KB of \"%s\" took %.1f s", units[i], t);
    }
}

TEST(alloc_failure)
{
    static const char *const docs[] = {
        "# T\n\n*a* [b](c) `d` &amp; <br> e\n> q\n- l\n\nx\n===\n",
        "== H ==\n'''a''' [[b|c]] {{d}} <ref>e</ref> [http://f g]\n{|\n| h || i\n|}\n",
        "<title>t</title><h1>a</h1><p>b &amp; c</p><script>x</script>",
        "plain",
    };
    static const sift_fmt fmts[] = {SIFT_FMT_MARKDOWN, SIFT_FMT_WIKI, SIFT_FMT_HTML, SIFT_FMT_TEXT};
    for (size_t i = 0; i < 4; i++) {
        int ok = 0;
        for (long k = 0; k < 10000 && !ok; k++) {
            sift_plain p;
            memset(&p, 0x5A, sizeof p);
            fail_at = k;
            nallocs = 0;
            int rc = sift_fmt_strip(fmts[i], docs[i], strlen(docs[i]), &p);
            fail_at = -1;
            if (rc == 0) {
                ok = 1;
                check_map(&p, docs[i], strlen(docs[i]), fmts[i], 1);
                sift_plain_free(&p);
                continue;
            }
            CHECK_INT(rc, -1);
            CHECK(p.text == NULL && p.pieces == NULL && p.headings == NULL && p.title == NULL);
            CHECK(p.len == 0 && p.npieces == 0 && p.nheadings == 0);
        }
        CHECK(ok);
    }
}

TEST(rejects_huge_input)
{
    static const char tiny[1] = "x";
    sift_plain p;
    memset(&p, 0x5A, sizeof p);
    if (sizeof(size_t) > 4) {
        size_t big = (size_t)UINT32_MAX + 1;
        for (int f = 0; f < 4; f++) {
            CHECK_INT(sift_fmt_strip((sift_fmt)f, tiny, big, &p), -1);
            CHECK(p.text == NULL && p.len == 0 && p.npieces == 0);
        }
    }
    CHECK_INT(sift_fmt_strip(SIFT_FMT_HTML, NULL, 3, &p), -1);
    CHECK_INT(sift_fmt_strip(SIFT_FMT_HTML, NULL, 0, &p), 0);
    CHECK_INT(p.len, 0);
    sift_plain_free(&p);
}

TEST(fmt_from_path)
{
    CHECK_INT(sift_fmt_from_path("a/b/story.md"), SIFT_FMT_MARKDOWN);
    CHECK_INT(sift_fmt_from_path("story.MARKDOWN"), SIFT_FMT_MARKDOWN);
    CHECK_INT(sift_fmt_from_path("x.wiki"), SIFT_FMT_WIKI);
    CHECK_INT(sift_fmt_from_path("x.mediawiki"), SIFT_FMT_WIKI);
    CHECK_INT(sift_fmt_from_path("page.html"), SIFT_FMT_HTML);
    CHECK_INT(sift_fmt_from_path("PAGE.HTM"), SIFT_FMT_HTML);
    CHECK_INT(sift_fmt_from_path("notes.txt"), SIFT_FMT_TEXT);
    CHECK_INT(sift_fmt_from_path("dir.md/noext"), SIFT_FMT_TEXT);
    CHECK_INT(sift_fmt_from_path(".md"), SIFT_FMT_TEXT);
    CHECK_INT(sift_fmt_from_path("x.mdx"), SIFT_FMT_TEXT);
    CHECK_INT(sift_fmt_from_path("x."), SIFT_FMT_TEXT);
    CHECK_INT(sift_fmt_from_path(""), SIFT_FMT_TEXT);
    CHECK_INT(sift_fmt_from_path(NULL), SIFT_FMT_TEXT);
}

TEST(tables_sorted)
{
    for (size_t i = 1; i < sizeof enttab / sizeof enttab[0]; i++)
        if (strcmp(enttab[i - 1].name, enttab[i].name) >= 0)
            FAILF("enttab unsorted at %s", enttab[i].name);
    for (size_t i = 1; i < NTAGS; i++)
        if (strcmp(tagtab[i - 1].name, tagtab[i].name) >= 0)
            FAILF("tagtab unsorted at %s", tagtab[i].name);
    uint32_t cp = 0;
    for (size_t i = 0; i < sizeof enttab / sizeof enttab[0]; i++) {
        char ref[48];
        int k = snprintf(ref, sizeof ref, "&%s;", enttab[i].name);
        if (entity(ref, (size_t)k, 0, &cp) != (size_t)k || cp != enttab[i].cp)
            FAILF("entity %s does not decode", ref);
    }
}

int main(void)
{
    RUN(md_headings);
    RUN(md_emphasis);
    RUN(md_links_images_refs);
    RUN(md_code_spans);
    RUN(md_block_structure);
    RUN(md_html);
    RUN(wiki_headings_quotes);
    RUN(wiki_links);
    RUN(wiki_templates_refs);
    RUN(wiki_tables_lists);
    RUN(html_blocks);
    RUN(html_dropped);
    RUN(html_tags);
    RUN(html_entities);
    RUN(html_title_headings);
    RUN(text_format);
    RUN(offsets_after_entity);
    RUN(offsets_edges);
    RUN(fixture_invariants);
    RUN(random_soup_invariants);
    RUN(invalid_bytes);
    RUN(pathological_10mb);
    RUN(pathological_more);
    RUN(alloc_failure);
    RUN(rejects_huge_input);
    RUN(fmt_from_path);
    RUN(tables_sorted);
    return test_done("fmt");
}

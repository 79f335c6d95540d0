/* test_load.c -- the loader: JSON positions, manifests, folder walks, ids, errors. */
#include "../../runtime/load.c"

#include <stdlib.h>
#include <unistd.h>

#include "test.h"

static char dir[] = "/tmp/sift-test-load.XXXXXX";

static void writefile(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    char *slash = strrchr(path, '/');
    *slash = 0;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    if (system(cmd) != 0) return;
    *slash = '/';
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static sift_store *loadpath(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    const char *paths[] = {path};
    sift_load_opts o = {2, 0, 1, NULL};
    return sift_load(paths, 1, &o);
}

TEST(json_positions_follow_document_order)
{
    static const char text[] = "{\"a\": [1, {\"b\": \"x\"}],\n \"c\": true}";
    loader L = {.st = sift_store_new(), .o = &(sift_load_opts){0}};
    jfile jf;
    CHECK_INT(jparse(&L, &jf, "t.json", text, 0, strlen(text)), 0);
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(jf.root, "a");
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(a->child->next, "b");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(jf.root, "c");
    CHECK_INT(jpos(&jf, a, 0), 6);  /* the array */
    CHECK_INT(jpos(&jf, a, 1), 1);  /* its key */
    CHECK_INT(jpos(&jf, b, 0), 16); /* "x" */
    CHECK_INT(jpos(&jf, c, 0), 29); /* true, on line 2 */
    size_t line, col;
    sift_text_linecol(text, strlen(text), jpos(&jf, c, 0), &line, &col);
    CHECK_INT(line, 2);
    CHECK_INT(col, 7);
    jfree(&jf);
    sift_store_free(L.st);
}

TEST(dates_must_be_real_days)
{
    CHECK(isdate("2021-09-05"));
    CHECK(isdate("2024-02-29"));
    CHECK(!isdate("2021-02-29"));
    CHECK(!isdate("1900-02-29"));
    CHECK(isdate("2000-02-29"));
    CHECK(!isdate("2021-9-5"));
    CHECK(!isdate("2021-13-01"));
    CHECK(!isdate("2021-09-05x"));
    CHECK(!isdate("Sept. 5"));
}

TEST(ids_and_paths)
{
    char *id = idof("docs/aa-0907.txt");
    CHECK_STR(id, "docs/aa-0907");
    free(id);
    id = idof("a.b/c");
    CHECK_STR(id, "a.b/c");
    free(id);
    char *j = joinpath("corpus/x", "docs/a.txt");
    CHECK_STR(j, "corpus/x/docs/a.txt");
    free(j);
    j = joinpath("corpus/x", "/abs/a.txt");
    CHECK_STR(j, "/abs/a.txt");
    free(j);
    char *d = dirof("a/b/corpus.json");
    CHECK_STR(d, "a/b");
    free(d);
    d = dirof("corpus.json");
    CHECK_STR(d, ".");
    free(d);
}

TEST(folder_walk_is_sorted_and_skips_dot_files)
{
    writefile("walk/b.txt", "Bee.\n");
    writefile("walk/a.md", "# A\n\nAy.\n");
    writefile("walk/sub/c.txt", "Cee.\n");
    writefile("walk/.hidden.txt", "Hidden.\n");
    writefile("walk/notes.csv", "x,y\n");
    sift_store *st = loadpath("walk");
    CHECK(st != NULL);
    if (!st) return;
    CHECK_INT(st->ndocs, 3);
    CHECK_STR(st->docs[0].id, "a");
    CHECK_STR(st->docs[1].id, "b");
    CHECK_STR(st->docs[2].id, "sub/c");
    CHECK_INT(st->docs[0].fmt, SIFT_FMT_MARKDOWN);
    CHECK_STR(st->name, "walk");
    sift_store_free(st);
}

TEST(manifest_fields_sides_and_meta)
{
    writefile("man/docs/x.txt", "Report text.\n");
    writefile("man/corpus.json",
              "{\"name\": \"man\", \"sides\": {\"s1\": {\"aliases\": [\"one\", \"one\"]}},\n"
              " \"documents\": [{\"id\": \"x\", \"path\": \"docs/x.txt\", \"source\": \"Wire\",\n"
              "   \"published\": \"2021-09-05\", \"based_on\": {\"outlet\": \"AA\"}}]}\n");
    sift_store *st = loadpath("man");
    CHECK(st != NULL);
    if (!st) return;
    CHECK_STR(st->name, "man");
    CHECK_INT(st->nsides, 1);
    CHECK_STR(st->sides[0].label, "s1"); /* label defaults to the id */
    CHECK_INT(st->sides[0].naliases, 1); /* duplicates dropped */
    CHECK_STR(st->docs[0].source, "Wire");
    CHECK_STR(st->docs[0].meta, "{\"based_on\":{\"outlet\":\"AA\"}}");
    CHECK(st->docs[0].where && strstr(st->docs[0].where, "corpus.json:2:16"));
    sift_store_free(st);
}

TEST(bad_inputs_fail_the_load)
{
    writefile("bad1/corpus.json", "{\"documents\": [{\"id\": 5}]}");
    CHECK(loadpath("bad1") == NULL);
    writefile("bad2/a.txt", "ok\n");
    writefile("bad2/a.md", "dup\n");
    CHECK(loadpath("bad2") == NULL);
    writefile("bad3/corpus.json", "{\"include\": [\"corpus.json\"], \"documents\": []}");
    CHECK(loadpath("bad3") == NULL); /* include cycle: depth limit */
    writefile("bad4/x.json", "{\"title\": \"no text\"}");
    CHECK(loadpath("bad4") == NULL);
}

TEST(jsonl_records_get_line_ids)
{
    writefile("recs/feed.jsonl", "{\"text\": \"One.\"}\n\n{\"text\": \"Three.\", \"id\": \"t\"}\n");
    sift_store *st = loadpath("recs/feed.jsonl");
    CHECK(st != NULL);
    if (!st) return;
    CHECK_INT(st->ndocs, 2);
    CHECK_STR(st->docs[0].id, "feed#1");
    CHECK_STR(st->docs[1].id, "t");
    sift_store_free(st);
}

TEST(jsonl_documents_are_named_by_their_line)
{
    writefile("where/feed.jsonl",
              "{\"text\": \"Één.\"}\n\n  {\"text\": \"Three.\"}\n{\"id\": \"x\", \"published\": "
              "\"2021-02-30\", \"text\": \"Bad.\"}\n{\"text\": \"Five.\"}\n");
    sift_store *st = loadpath("where/feed.jsonl");
    CHECK(st == NULL); /* line 4's date */
    writefile("where/ok.jsonl",
              "{\"text\": \"Één.\"}\n\n  {\"text\": \"Three.\"}\n{\"text\": \"Four.\"}\n");
    st = loadpath("where/ok.jsonl");
    CHECK(st != NULL);
    if (!st) return;
    CHECK_INT(st->ndocs, 3);
    const char *want[] = {":1:1", ":3:3", ":4:1"};
    for (size_t i = 0; i < 3 && i < st->ndocs; i++) {
        const char *w = st->docs[i].where;
        CHECK(w && strlen(w) > strlen(want[i]) &&
              !strcmp(w + strlen(w) - strlen(want[i]), want[i]));
    }
    sift_store_free(st);
}

/*
** `sift extract` output: records find the document they name wherever they
** stand in the file (claims come after every document), and a document's
** place is its line.
*/
TEST(extract_records_find_their_documents)
{
    writefile(
        "ex/out.jsonl",
        "{\"type\":\"meta\",\"schema\":\"sift-extract/1\",\"corpus\":\"ex\"}\n"
        "{\"type\":\"document\",\"id\":\"a\",\"text\":\"Ten men came on 3 May.\",\"bytes\":22}\n"
        "{\"type\":\"quantity\",\"doc\":\"a\",\"start\":0,\"end\":7,\"value\":10}\n"
        "{\"type\":\"document\",\"id\":\"b\",\"text\":\"Four fled. Two more fled.\",\"bytes\":25}\n"
        "{\"type\":\"quantity\",\"doc\":\"b\",\"start\":0,\"end\":4,\"value\":4}\n"
        "{\"type\":\"quantity\",\"doc\":\"b\",\"start\":11,\"end\":19,\"value\":2}\n"
        "{\"type\":\"time\",\"doc\":\"a\",\"start\":16,\"end\":21,\"value\":\"XXXX-05-03\"}\n"
        "{\"type\":\"entity\",\"id\":1,\"kind\":\"person\",\"name\":\"x\"}\n"
        "{\"type\":\"claim\",\"id\":1,\"doc\":\"a\",\"kind\":\"event\",\"start\":0,\"end\":"
        "22,\"quantity\":{\"start\":0,\"end\":7},\"time\":{\"start\":16,\"end\":21}}\n"
        "{\"type\":\"claim\",\"id\":2,\"doc\":\"b\",\"kind\":\"event\",\"start\":11,\"end\":"
        "24,\"quantity\":{\"start\":11,\"end\":19},\"time\":null}\n"
        "{\"type\":\"claim\",\"id\":3,\"doc\":\"a\",\"kind\":\"event\",\"start\":0,\"end\":"
        "9,\"quantity\":null,\"time\":null}\n");
    sift_store *st = loadpath("ex/out.jsonl");
    CHECK(st != NULL);
    if (!st) return;
    CHECK_INT(st->ndocs, 2);
    if (st->ndocs != 2) return;
    const sift_doc *a = &st->docs[0], *b = &st->docs[1];
    CHECK_STR(a->id, "a");
    CHECK_STR(b->id, "b");
    CHECK(a->where && strstr(a->where, "out.jsonl:2:1"));
    CHECK(b->where && strstr(b->where, "out.jsonl:4:1"));
    CHECK_INT(a->nquantities, 1);
    CHECK_INT(a->ntimes, 1);
    CHECK_INT(b->nquantities, 2);
    CHECK_INT(b->ntimes, 0);
    CHECK_INT(a->nclaims, 2);
    CHECK_INT(b->nclaims, 1);
    if (a->nclaims == 2 && b->nclaims == 1) {
        CHECK_INT(a->claims[0].quantity, 0);
        CHECK_INT(a->claims[0].time, 0);
        CHECK_INT(a->claims[1].end, 9);
        CHECK_INT(a->claims[1].quantity, -1);
        CHECK_INT(b->claims[0].quantity, 1);
        CHECK_INT(b->claims[0].time, -1);
    }
    sift_store_free(st);
    /* a record for a document the file has not introduced (yet) fails the load */
    writefile("ex/early.jsonl", "{\"type\":\"meta\",\"schema\":\"sift-extract/1\"}\n"
                                "{\"type\":\"quantity\",\"doc\":\"a\",\"start\":0,\"end\":3}\n"
                                "{\"type\":\"document\",\"id\":\"a\",\"text\":\"Ten.\"}\n");
    CHECK(loadpath("ex/early.jsonl") == NULL);
}

TEST(same_result_for_any_thread_count)
{
    for (int i = 0; i < 40; i++) {
        char rel[64], text[128];
        snprintf(rel, sizeof rel, "many/d%02d.txt", i);
        snprintf(text, sizeof text, "Document %d. It has %d sentences? Yes.\n", i, i % 3 + 1);
        writefile(rel, text);
    }
    char path[512];
    snprintf(path, sizeof path, "%s/many", dir);
    const char *paths[] = {path};
    sift_load_opts o1 = {1, 0, 1, NULL}, o2 = {4, 0, 1, NULL};
    sift_store *a = sift_load(paths, 1, &o1), *b = sift_load(paths, 1, &o2);
    CHECK(a && b);
    if (!a || !b) return;
    CHECK_INT(a->ndocs, b->ndocs);
    for (size_t i = 0; i < a->ndocs && i < b->ndocs; i++) {
        CHECK_STR(a->docs[i].id, b->docs[i].id);
        CHECK_INT(a->docs[i].nsents, b->docs[i].nsents);
    }
    sift_store_free(a);
    sift_store_free(b);
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    RUN(json_positions_follow_document_order);
    RUN(dates_must_be_real_days);
    RUN(ids_and_paths);
    RUN(folder_walk_is_sorted_and_skips_dot_files);
    RUN(manifest_fields_sides_and_meta);
    RUN(bad_inputs_fail_the_load);
    RUN(jsonl_records_get_line_ids);
    RUN(jsonl_documents_are_named_by_their_line);
    RUN(extract_records_find_their_documents);
    RUN(same_result_for_any_thread_count);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) return 1;
    return test_done("load");
}

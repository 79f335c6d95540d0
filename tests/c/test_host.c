/* test_host.c -- the states' allocator: the pool of pooled states (blocks
** by size class, reused when freed, resized across classes with their
** contents), the --max-memory count, and a pooled state running Lua. */
#include "../../runtime/host.c"

#include <stdint.h>

#include "test.h"

static sift_host mkhost(int pooled, size_t limit)
{
    sift_host h;
    memset(&h, 0, sizeof h);
    h.pooled = pooled;
    h.mem_limit = limit;
    return h;
}

TEST(pooled_blocks_are_aligned_apart_and_reused)
{
    sift_host h = mkhost(1, 0);
    enum { N = 300 };
    unsigned char *b[N + 1];
    for (size_t n = 1; n <= N; n++) {
        b[n] = alloc(&h, NULL, LUA_TSTRING, n);
        CHECK(b[n] != NULL);
        CHECK_INT((uintptr_t)b[n] % 16, 0);
        memset(b[n], (int)(n & 0xff), n);
    }
    for (size_t n = 1; n <= N; n++) /* no block was written over by another */
        for (size_t i = 0; i < n; i++)
            if (b[n][i] != (unsigned char)(n & 0xff)) {
                FAILF("block of %zu bytes changed at %zu", n, i);
                break;
            }
    void *freed = b[40];
    alloc(&h, b[40], 40, 0);
    CHECK(alloc(&h, NULL, LUA_TTABLE, 33) == freed); /* 33 and 40: the class of 48 */
    alloc(&h, freed, 33, 0);
    b[40] = alloc(&h, NULL, LUA_TSTRING, 40);
    for (size_t n = 1; n <= N; n++) alloc(&h, b[n], n, 0);
    CHECK_INT(h.mem_used, 0);
    poolfree(&h.pool);
}

TEST(pooled_resize_keeps_contents_across_classes)
{
    sift_host h = mkhost(1, 0);
    const size_t sizes[] = {10, 12, 100, 300, 1000, 5000, 50, 7, 256, 257, 255};
    size_t n = 0;
    char *p = NULL;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t m = sizes[k];
        p = alloc(&h, p, p ? n : 0, m);
        CHECK(p != NULL);
        for (size_t i = 0; i < (n < m ? n : m); i++)
            if (p[i] != (char)('a' + i % 26)) {
                FAILF("resize %zu -> %zu lost byte %zu", n, m, i);
                break;
            }
        for (size_t i = 0; i < m; i++) p[i] = (char)('a' + i % 26);
        n = m;
        CHECK_INT(h.mem_used, n);
    }
    alloc(&h, p, n, 0);
    CHECK_INT(h.mem_used, 0);
    poolfree(&h.pool);
}

TEST(max_memory_refuses_growth_when_pooled)
{
    sift_host h = mkhost(1, 1000);
    void *a = alloc(&h, NULL, 0, 600);
    CHECK(a != NULL);
    CHECK(alloc(&h, NULL, 0, 500) == NULL);
    void *s = alloc(&h, NULL, 0, 210);
    CHECK(s != NULL);
    CHECK(alloc(&h, s, 210, 220) == s); /* the same class: in place, counted */
    CHECK_INT(h.mem_used, 820);
    CHECK(alloc(&h, s, 220, 500) == NULL); /* past the limit: the block stays */
    alloc(&h, s, 220, 0);
    alloc(&h, a, 600, 0);
    CHECK_INT(h.mem_used, 0);
    poolfree(&h.pool);
}

/* A workload of strings, tables and closures of every size, made and
** dropped over and over, gives the same answer in both kinds of state. */
static const char *const WORK =
    "local t, acc = {}, {}\n"
    "for r = 1, 40 do\n"
    "  for i = 1, 500 do t[i] = string.rep('x', (i * r) % 700) .. i end\n"
    "  local m = {}\n"
    "  for i = 1, 500 do m[t[i]] = function() return #t[i] end end\n"
    "  local s = 0\n"
    "  for _, f in pairs(m) do s = s + f() end\n"
    "  acc[#acc + 1] = s\n"
    "  collectgarbage()\n"
    "end\n"
    "return table.concat(acc, ',')\n";

static char *runwork(int pooled)
{
    sift_opts o;
    memset(&o, 0, sizeof o);
    lua_State *L = pooled ? sift_host_new_pooled(&o) : sift_host_new(&o);
    if (!L) return NULL;
    char *out = NULL;
    if (luaL_loadstring(L, WORK) == LUA_OK && lua_pcall(L, 0, 1, 0) == LUA_OK)
        out = strdup(lua_tostring(L, -1));
    else
        fprintf(stderr, "%s\n", lua_tostring(L, -1));
    sift_host_close(L);
    return out;
}

TEST(pooled_state_runs_lua_as_a_plain_one)
{
    char *plain = runwork(0), *pooled = runwork(1);
    CHECK(plain != NULL);
    CHECK(pooled != NULL);
    if (plain && pooled) CHECK_STR(pooled, plain);
    free(plain);
    free(pooled);
}

int main(void)
{
    RUN(pooled_blocks_are_aligned_apart_and_reused);
    RUN(pooled_resize_keeps_contents_across_classes);
    RUN(max_memory_refuses_growth_when_pooled);
    RUN(pooled_state_runs_lua_as_a_plain_one);
    return test_done("host");
}

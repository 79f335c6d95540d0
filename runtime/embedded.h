/*
** embedded.h -- the Lua standard library compiled into the binary.
** The table is generated at build time by mk/embed.c, which compiles stdlib/
** and the system's re.lua to bytecode; SIFT_PATH points sift at a source
** tree instead.
*/
#ifndef SIFT_EMBEDDED_H
#define SIFT_EMBEDDED_H

typedef struct {
    const char *name;  /* module name: "sift", "sift.inspect", "re" */
    const char *chunk; /* file it came from, for chunk names */
    const char *data;  /* bytecode (lua_dump, not stripped) */
    int len;
} sift_embedded;

extern const sift_embedded sift_stdlib[]; /* ends with a NULL name */

#endif

/*
** limits.h -- structural limits. Each is tested at its boundary; a hit limit
** says which and how to change it.
*/
#ifndef SIFT_LIMITS_H
#define SIFT_LIMITS_H

/* Largest document (bytes); offsets are 32-bit. */
#define SIFT_MAX_DOC_BYTES ((size_t)0xFFFFFFF0u)
/* Largest manifest or JSON record file read whole (bytes). */
#define SIFT_MAX_JSON_BYTES ((size_t)1 << 30)
/* Deepest manifest include chain. */
#define SIFT_MAX_INCLUDE_DEPTH 16
/* Deepest folder nesting walked when loading a corpus folder. */
#define SIFT_MAX_DIR_DEPTH 64
/* Most worker threads. */
#define SIFT_MAX_JOBS 256
/* Table depth the REPL and `sift.inspect` print before eliding. */
#define SIFT_MAX_PRINT_DEPTH 4

#endif

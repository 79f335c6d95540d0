/*
** fuzz_manifest.c -- manifests and inline documents from any bytes: the
** loader either builds a store or reports errors; it never crashes or leaks.
*/
#include <stdint.h>
#include <stdio.h>

#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull) devnull = freopen("/dev/null", "w", stderr); /* messages are expected */
    sift_load_opts o = {1, 0, 1, NULL};
    sift_store *st =
        sift_load_manifest_text((const char *)data, size, "fuzz.json", "/nonexistent", &o);
    sift_store_free(st);
    return 0;
}

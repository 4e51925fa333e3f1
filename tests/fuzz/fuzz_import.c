/*
 * libFuzzer target: the panel-file importer, bytes to a real SQLite
 * database in a temporary folder (all or nothing; never a crash, a leak or
 * undefined behaviour, whatever the bytes).
 */
#include "fuzz_db.h"

#include <panelboard/panelfile.h>

static void ignore(const struct pb_error *err, void *ctx)
{
    (void)err;
    (void)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pb_db *db = fuzz_db_open(false);
    struct pb_import_summary summary;
    struct pb_error err = {0};
    pb_import_buffer(db, "fuzz.yaml", (const char *)data, size, &summary, ignore, NULL, &err);
    fuzz_db_close(db);
    return 0;
}

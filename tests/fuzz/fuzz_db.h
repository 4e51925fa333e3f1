/* A real SQLite database in a temporary folder for the fuzz targets. */
#ifndef PANELBOARD_FUZZ_DB_H
#define PANELBOARD_FUZZ_DB_H

#include <panelboard/model.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A new empty database, or with example, a fresh copy of one holding the
 * example panel (made once per process). Aborts when it cannot. */
struct pb_db *fuzz_db_open(bool example);
void fuzz_db_close(struct pb_db *db);

#endif

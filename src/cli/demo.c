/*
 * --demo: the example panel (data/example-panel.yaml, compiled into the
 * program so it works from any folder) loaded into a fresh database in a
 * temporary folder that is removed when panelboard exits.
 */
#include "demo.h"

#include <panelboard/panelfile.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern const char pb_example_panel[];
extern const size_t pb_example_panel_len;

enum pb_status demo_open_empty(struct cli *cli, struct pb_error *err)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = pb_xasprintf("%s/panelboard-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        enum pb_status s = pb_error_set(err, PB_ERR_CANT_CREATE,
                                        "cannot create a folder for the demo in %s",
                                        tmp && *tmp ? tmp : "/tmp");
        free(dir);
        return s;
    }
    cli->demo_dir = dir;
    char *path = pb_xasprintf("%s/demo.db", dir);
    struct pb_db_options opt = {.path = path};
    enum pb_status s = pb_db_open(&opt, &cli->db, err);
    free(path);
    return s;
}

enum pb_status demo_open(struct cli *cli, struct pb_error *err)
{
    enum pb_status s = demo_open_empty(cli, err);
    if (s != PB_OK)
        return s;
    struct pb_import_summary summary;
    return pb_import_buffer(cli->db, "example-panel.yaml", pb_example_panel,
                            pb_example_panel_len, &summary, NULL, NULL, err);
}

void demo_cleanup(struct cli *cli)
{
    if (!cli->demo_dir)
        return;
    static const char *const files[] = {"demo.db", "demo.db-wal", "demo.db-shm", "demo.db-journal"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *path = pb_xasprintf("%s/%s", cli->demo_dir, files[i]);
        unlink(path);
        free(path);
    }
    rmdir(cli->demo_dir);
    free(cli->demo_dir);
    cli->demo_dir = NULL;
}

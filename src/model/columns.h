/*
 * Where each field of each kind (record.h) lives in the schema: its
 * table, its column, or the table holding its list.
 */
#ifndef PANELBOARD_COLUMNS_H
#define PANELBOARD_COLUMNS_H

#include <panelboard/record.h>

#define COLUMNS_MAX 12

struct column_map {
    const char *column;         /* in the kind's table; NULL for lists and children */
    const char *list_table;     /* REF_LIST, TEXT_LIST: the table of items */
    const char *list_owner;     /* ... its column naming the row the list belongs to */
    const char *list_item;      /* ... its column holding one item */
    const char *all_column;     /* owners: the column that says "all" */
    const char *insert_default; /* used when a new row leaves the field out */
    bool identity;              /* child kinds: part of what makes two records the same */
};

struct table_map {
    const char *table;
    const char *key_column;    /* NULL: the panel's single row, or a child kind */
    const char *parent_column; /* child kinds: the column naming the parent */
    const char *order;         /* ORDER BY of pb_record_each */
    bool positioned;           /* has a `position` column, appended to on insert */
    struct column_map fields[COLUMNS_MAX];
};

const struct table_map *columns_of(enum pb_kind kind);

#endif

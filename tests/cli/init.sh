#!/bin/bash
# `panelboard init` and the global options: where the database goes, who may
# read it, what a database it must not touch gets, and what a mistyped or
# missing command gets. Through the real binary, on temporary folders.
. "$(dirname "$0")/lib.sh"

# pb_raw ARGS...: run panelboard with exactly ARGS (no --db added).
pb_raw() {
    out=$("$PANELBOARD" "$@" 2>"$WORK/stderr")
    status=$?
    err=$(cat "$WORK/stderr")
}

# expect_match TEXT ERE DESCRIPTION
expect_match() {
    checks=$((checks + 1))
    [[ $1 =~ $2 ]] || fail "$3: '$1' does not match /$2/"
}

# expect_line TEXT ERE DESCRIPTION: some line of TEXT matches ERE
expect_line() {
    checks=$((checks + 1))
    printf '%s\n' "$1" | grep -qE -- "$2" || fail "$3: no line matches /$2/ in: $1"
}

# expect_mode PATH OCTAL DESCRIPTION
expect_mode() {
    checks=$((checks + 1))
    if [ ! -e "$1" ]; then
        fail "$3: $1 does not exist"
    elif [ "$(stat -c %a "$1")" != "$2" ]; then
        fail "$3: $1 has mode $(stat -c %a "$1"), expected $2"
    fi
}

expect_exists() {
    checks=$((checks + 1))
    [ -e "$1" ] || fail "$2: $1 does not exist"
}

expect_absent() {
    checks=$((checks + 1))
    [ ! -e "$1" ] || fail "$2: $1 exists but should not"
}

# sql DB STATEMENT: run one statement with the sqlite3 shell or, failing
# that, Python's sqlite3 module; prints the first column of each row.
sql() {
    if command -v sqlite3 >/dev/null 2>&1; then
        sqlite3 "$1" "$2"
    else
        python3 - "$1" "$2" <<'EOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
for row in con.execute(sys.argv[2]):
    print(row[0])
con.close()
EOF
    fi
}
have_sql() {
    command -v sqlite3 >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1
}

default_db="$XDG_DATA_HOME/panelboard/panel.db"

# --- version and help: exit 0, and no database is created for them ---
version=$(sed -n "s/^ *version *: *'\([^']*\)'.*/\1/p" "$PB_SOURCE_ROOT/meson.build" | head -1)
pb_raw --version
expect_status 0 "--version"
expect_eq "$out" "panelboard $version" "--version prints the project's version"
pb_raw -V
expect_eq "$out" "panelboard $version" "-V is --version"

pb_raw --help
expect_status 0 "--help"
expect_out_has "usage: panelboard" "--help shows the usage"
for cmd in init import export check history; do
    expect_line "$out" "^  $cmd( |\$)" "--help lists the command '$cmd'"
done
expect_eq "$err" "" "--help writes nothing to stderr"

pb_raw import --help
expect_status 0 "import --help"
expect_out_has "usage: panelboard import FILE" "import --help shows import's usage"
expect_out_has "--dry-run" "import --help explains --dry-run"
pb_raw --help import
expect_status 0 "--help after the command's name"
expect_out_has "usage: panelboard import FILE" "--help import is import --help"
pb_raw export --help
expect_out_has "--format" "export --help explains --format"
expect_absent "$default_db" "--help and --version create no database"

# --- wrong usage: exit 64 and a line that helps ---
pb_raw impotr
expect_status 64 "a mistyped command"
expect_err_has "did you mean 'import'?" "a mistyped command gets the nearest one"
pb_raw exprot
expect_err_has "did you mean 'export'?" "exprot gets export"
pb_raw zzzzzzzzzz
expect_status 64 "an unknown command"
checks=$((checks + 1))
case "$err" in *"did you mean"*) fail "a command like no other gets no suggestion: $err" ;; esac
expect_err_has "zzzzzzzzzz" "the unknown command is named"
pb_raw </dev/null
expect_status 64 "no command and no terminal"
expect_err_has "terminal" "no command and no terminal says the dashboard needs one"
pb init extra-argument
expect_status 64 "init with an argument"
expect_absent "$DB" "a usage error creates no database"

# --- --db: the database and its folder, owner-only whatever the umask ---
DB="$WORK/fresh/nested/panel.db"
saved_umask=$(umask)
umask 000
pb init
umask "$saved_umask"
expect_status 0 "init creates a database"
expect_out_has "$DB" "init says where the database is"
expect_out_has "created" "init says it created it"
expect_mode "$DB" 600 "the new database is owner-only (umask 000)"
expect_mode "$WORK/fresh/nested" 700 "the new database's folder is owner-only (umask 000)"
cp "$DB" "$WORK/first-init.copy"

pb init
expect_status 0 "init a second time"
expect_out_has "already there" "a second init says the database is already there"
expect_out_has "$DB" "a second init says where"
expect_out_lacks "created" "a second init does not claim to create it"
checks=$((checks + 1))
cmp -s "$DB" "$WORK/first-init.copy" || fail "a second init changed the database file"
expect_mode "$DB" 600 "a second init keeps the mode"

# --shared: group-readable and writable, the folder setgid, under umask 022
DB="$WORK/shared/panel.db"
umask 022
pb --shared init
umask "$saved_umask"
expect_status 0 "init --shared"
expect_mode "$DB" 660 "a --shared database is group read-write (umask 022)"
expect_mode "$WORK/shared" 2770 "a --shared database's folder is group-shared and setgid"

# --- where the database goes without --db ---
PANELBOARD_DB="$WORK/from-env/panel.db" pb_raw init
expect_status 0 "init with PANELBOARD_DB"
expect_exists "$WORK/from-env/panel.db" "PANELBOARD_DB names the database"
expect_out_has "$WORK/from-env/panel.db" "init says it is at PANELBOARD_DB"
expect_absent "$default_db" "with PANELBOARD_DB the default database is not created"

PANELBOARD_DB="$WORK/env-loses.db" pb_raw --db "$WORK/flag-wins.db" init
expect_exists "$WORK/flag-wins.db" "--db comes before PANELBOARD_DB"
expect_absent "$WORK/env-loses.db" "PANELBOARD_DB is not used when --db is given"

pb_raw init
expect_status 0 "init with no --db"
expect_exists "$default_db" "the default database is \$XDG_DATA_HOME/panelboard/panel.db"
expect_out_has "$default_db" "init says where the default database is"
expect_mode "$default_db" 600 "the default database is owner-only"
expect_mode "$XDG_DATA_HOME/panelboard" 700 "the default database's folder is owner-only"

env -u XDG_DATA_HOME "$PANELBOARD" init >/dev/null 2>&1
expect_exists "$HOME/.local/share/panelboard/panel.db" \
    "without XDG_DATA_HOME the database goes to ~/.local/share/panelboard"

# --- a database that cannot be created: exit 73, nothing half made ---
: >"$WORK/a-plain-file"
DB="$WORK/a-plain-file/sub/panel.db"
pb init
expect_status 73 "a database under a plain file cannot be created"
expect_err_has "panelboard: " "the failure is a panelboard: line"
DB="$WORK/no-such-root/a-plain-file/panel.db"
mkdir -p "$WORK/no-such-root"
: >"$WORK/no-such-root/a-plain-file"
pb export
expect_status 66 "export of a database that is not there, under a plain file"
DB="$WORK/no-such-root"
pb init
expect_status 73 "a folder given as the database"
expect_err_has "is a folder" "the message says it is a folder"
if [ "$(id -u)" -ne 0 ]; then
    mkdir -p "$WORK/read-only"
    chmod 500 "$WORK/read-only"
    DB="$WORK/read-only/sub/panel.db"
    pb init
    expect_status 73 "a database in a folder we cannot write"
    expect_absent "$WORK/read-only/sub" "nothing is left in the read-only folder"
    chmod 700 "$WORK/read-only"
else
    echo "note: running as root, so the read-only folder case is skipped"
fi

# --- a database newer than the program: exit 69, not a byte touched ---
if have_sql; then
    DB="$WORK/newer.db"
    pb import "$EXAMPLE"
    expect_status 0 "import the example panel"
    current=$(sql "$DB" "PRAGMA user_version")
    expect_match "$current" '^[1-9][0-9]*$' "the database records its schema version in user_version"
    sql "$DB" "PRAGMA user_version = $((current + 1))"
    cp "$DB" "$WORK/newer.copy"
    for args in "export" "init" "check" "history" "import $EXAMPLE"; do
        # shellcheck disable=SC2086
        pb $args
        expect_status 69 "'$args' on a database one schema newer"
        expect_err_has "newer" "'$args' says the database is newer"
        checks=$((checks + 1))
        cmp -s "$DB" "$WORK/newer.copy" || fail "'$args' changed a newer database"
    done
    expect_absent "$DB-journal" "no journal is left beside the newer database"
else
    echo "note: neither sqlite3 nor python3: the newer-database case is skipped"
fi

# --- a file that is not a database: exit 65, left alone ---
DB="$WORK/not-a-database.db"
for i in $(seq 200); do echo "These are the minutes, not a database. Line $i."; done >"$DB"
cp "$DB" "$WORK/not-a-database.copy"
pb init
expect_status 65 "init on a file that is not a database"
expect_err_has "not a panelboard database" "the message says what is wrong"
pb export
expect_status 65 "export from a file that is not a database"
checks=$((checks + 1))
cmp -s "$DB" "$WORK/not-a-database.copy" || fail "panelboard changed a file that is not a database"

# --- an empty --db (an unset variable) and a bad pinned date are usage errors ---
out=$("$PANELBOARD" --db "" init 2>"$WORK/stderr"); status=$?; err=$(cat "$WORK/stderr")
expect_status 64 "an empty --db"
expect_err_has "--db" "the message names the option"
out=$(PANELBOARD_TODAY=2023-02-29 "$PANELBOARD" --db "$WORK/today.db" init 2>"$WORK/stderr")
status=$?; err=$(cat "$WORK/stderr")
expect_status 64 "a PANELBOARD_TODAY that is no date"
expect_err_has "PANELBOARD_TODAY" "the message names the variable"
checks=$((checks + 1))
[ -e "$WORK/today.db" ] && fail "a bad PANELBOARD_TODAY still created the database"

# --- a home folder that is a symbolic link, and a database reached by one ---
mkdir -p "$WORK/real-home"
ln -s "$WORK/real-home" "$WORK/linked-home"
out=$(HOME="$WORK/linked-home" XDG_DATA_HOME= "$PANELBOARD" init 2>"$WORK/stderr")
status=$?; err=$(cat "$WORK/stderr")
expect_status 0 "init under a linked home folder"
expect_exists "$WORK/real-home/.local/share/panelboard/panel.db" "the database is in the real folder"
ln -s "$WORK/real-home/.local/share/panelboard/panel.db" "$WORK/linked.db"
out=$("$PANELBOARD" --db "$WORK/linked.db" check 2>"$WORK/stderr"); status=$?
expect_status 0 "a database reached through a symbolic link"

# A mistyped --db: no command but init and import creates a database.
for cmd in "export -o $WORK/panel.yaml" "check" "actions" "history" "done 1" "queue thirkill"; do
    DB="$WORK/typo/pnael.db"
    # shellcheck disable=SC2086
    pb $cmd
    expect_status 66 "$cmd on a --db that is not there"
    expect_err_has "$WORK/typo/pnael.db: no such database" "$cmd names the path it did not find"
    [ ! -e "$WORK/typo" ] || fail "$cmd on a mistyped --db created $WORK/typo"
    [ ! -e "$WORK/panel.yaml" ] || fail "$cmd on a mistyped --db wrote the export"
done
DB="$WORK/new/panel.db"
pb import "$EXAMPLE"
expect_status 0 "import into a new file"
expect_err_has "created $WORK/new/panel.db" "import says that it created the database"

finish

#!/bin/bash
# Nothing raw reaches a terminal: text that could drive one (ESC ] 52, a
# clipboard write; ESC [ 2 J; ESC c; ESC ( 0; the C1 CSI U+009B) is shown as
# a visible escape by history, export --format md/csv, minutes, listings and
# error messages, whoever wrote it into the database; and check reports
# stored text that the importer would refuse.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
CSI=$(printf '\302\233')

# expect_clean TEXT DESCRIPTION: no ESC and no U+009B in TEXT
expect_clean() {
    checks=$((checks + 1))
    case "$1" in *"$ESC"* | *"$CSI"*) fail "$2: raw escape reaches the terminal: $(printf '%s' "$1" | od -c | head -5)" ;; esac
}

# --as before any member exists, holding a clipboard write; a file name
# holding a screen clear
pb init
mkdir -p "$WORK/files"
name="$WORK/files/panel${ESC}[2J.yaml"
cp "$EXAMPLE" "$name"
out=$("$PANELBOARD" --db "$DB" --as "x${ESC}]52;c;aGVsbG8=${ESC}\\" import "$name" 2>"$WORK/stderr")
status=$?
err=$(cat "$WORK/stderr")
expect_status 64 "an --as holding a clipboard write is refused, even before any member exists"
expect_clean "$out$err" "import with a hostile --as and file name"
expect_err_has 'x\x1b]52;c;' "the refusal shows the --as with its escape visible"
pb import "$name"
expect_status 0 "import from a file whose name holds ESC [ 2 J"
sqlite3 "$DB" "UPDATE changes SET who = 'x' || char(27) || ']52;c;aGVsbG8=' || char(7)" 2>/dev/null ||
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE changes SET who = ?", ("x\x1b]52;c;aGVsbG8=\x07",)); c.commit()' "$DB"
pb history --limit 5
expect_status 0 "history"
expect_clean "$out" "history shows a hostile --as and file name"
expect_out_has '\x1b[2J' "the file name's escape is shown as \\x1b"

# error messages that echo --as and $PANELBOARD_AS
out=$("$PANELBOARD" --db "$DB" --as "no${ESC}c" queue 2>"$WORK/stderr")
err=$(cat "$WORK/stderr")
expect_clean "$err" "an error quoting --as"
out=$(PANELBOARD_AS="no${CSI}2J" "$PANELBOARD" --db "$DB" queue 2>"$WORK/stderr")
err=$(cat "$WORK/stderr")
expect_clean "$err" "an error quoting \$PANELBOARD_AS"

# a database path holding an escape, as init reports it
out=$("$PANELBOARD" --db "$WORK/files/new${ESC}]0;title${ESC}\\.db" init 2>"$WORK/stderr")
err=$(cat "$WORK/stderr")
expect_clean "$out$err" "init names a path holding ESC ] 0"

# rows written by another program
if ! command -v sqlite3 >/dev/null 2>&1 && ! command -v python3 >/dev/null 2>&1; then
    finish
fi
python3 - "$DB" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("UPDATE actions SET title = 'Reset \x1bc and \x1b(0 and \u009b2J' WHERE id = 1")
con.execute("UPDATE members SET name = 'Cllr \x1b[2J' WHERE id = 'thirkill'")
con.commit()
PY
for format in md csv; do
    pb export --format "$format"
    expect_status 0 "export --format $format"
    expect_clean "$out" "export --format $format of a row with escapes"
done
pb export --format md
expect_out_has '\x1bc' "ESC c is shown in the report as \\x1bc"
expect_out_has '\u009b' "U+009B is shown in the report as \\u009b"
pb minutes
expect_clean "$out" "minutes of a panel with escapes"
pb actions
expect_clean "$out" "actions listing"
pb actions --format tsv
expect_clean "$out" "actions listing as TSV"
pb check
expect_status 65 "check on a database holding text the importer refuses"
expect_out_has "actions row 1, title" "check names the action's title"
expect_out_has "members row" "check names the member's name"
expect_clean "$out" "check's report"

finish

#!/bin/bash
# `panelboard export`: the byte-identical round trip (export, import into an
# empty database, export again) on the example panel, another council's
# hand-written panel and a generated panel of 1,000 members; the Markdown
# report (themes in order, overdue actions flagged); the RFC 4180 CSV; -o.
. "$(dirname "$0")/lib.sh"

OTHER="$PB_SOURCE_ROOT/tests/data/other-council.yaml"

# export_to DB FILE ARGS...: export DB's panel into FILE, byte for byte
export_to() {
    local db=$1 file=$2
    shift 2
    "$PANELBOARD" --db "$db" export "$@" >"$file" 2>"$WORK/export.err" ||
        fail "export of $db failed: $(cat "$WORK/export.err")"
}

# import_into DB FILE: import FILE into DB; a failure is a failed check
import_into() {
    checks=$((checks + 1))
    "$PANELBOARD" --db "$1" import "$2" >/dev/null 2>"$WORK/import.err" ||
        fail "import of $2 into $1 failed: $(cat "$WORK/import.err")"
}

# round_trip NAME FILE: FILE -> db -> NAME-1.yaml -> empty db -> NAME-2.yaml
round_trip() {
    local name=$1 file=$2
    import_into "$WORK/$name-a.db" "$file"
    export_to "$WORK/$name-a.db" "$WORK/$name-1.yaml"
    import_into "$WORK/$name-b.db" "$WORK/$name-1.yaml"
    export_to "$WORK/$name-b.db" "$WORK/$name-2.yaml"
    checks=$((checks + 1))
    cmp -s "$WORK/$name-1.yaml" "$WORK/$name-2.yaml" ||
        fail "$name: the export of the re-imported export differs: $(diff "$WORK/$name-1.yaml" "$WORK/$name-2.yaml" | head -20)"
    checks=$((checks + 1))
    head -1 "$WORK/$name-1.yaml" | grep -qx 'panelboard: 1' ||
        fail "$name: the export does not start with 'panelboard: 1'"
    # The export is the database: importing it back changes nothing.
    checks=$((checks + 1))
    "$PANELBOARD" --db "$WORK/$name-a.db" import "$WORK/$name-1.yaml" 2>&1 |
        grep -q 'nothing changed' || fail "$name: importing its own export changed the database"
}

# expect_file_has FILE TEXT DESCRIPTION (fixed string)
expect_file_has() {
    checks=$((checks + 1))
    grep -qF -- "$2" "$1" || fail "$3: $(basename "$1") lacks '$2'"
}

# expect_line TEXT ERE DESCRIPTION: some line of TEXT matches ERE
expect_line() {
    checks=$((checks + 1))
    printf '%s\n' "$1" | grep -qE -- "$2" || fail "$3: no line matches /$2/ in: $1"
}

# --- round trips ---
round_trip example "$EXAMPLE"
round_trip other "$OTHER"

# Names in several scripts, apostrophes and quotes come back as written.
# shellcheck disable=SC1111,SC1112 # the typographic quotes are the point
for text in "Cllr Siobhán O'Brien" "Cllr Dafydd ap Gwŷn" "Cllr Małgorzata Wiśniewska-Źródło" \
    "عائشہ قریشی" "陳美玲" "Νίκος Παπαδόπουλος" "Ngaio D’Arcy" "Kai Ó Dónaill" \
    "Care Leavers’ Ambassador" "Cllr Rhiannon “Rhi” Hughes" "Known to everyone as \"Gosia\"; it's on her badge." \
    "Czy szkolenie dla radnych będzie również po polsku?" "我們想要更多的活動。" \
    "Strategaeth Rhianta Corfforaethol 2023–2026"; do
    expect_file_has "$WORK/other-1.yaml" "$text" "the export keeps '$text'"
done
# Scalars a YAML 1.1 reader would turn into numbers stay the text written.
for text in 07700900123 "2.10" "1.0" "0770 090 0124"; do
    expect_file_has "$WORK/other-1.yaml" "$text" "the export keeps '$text' as written"
done
for ref in '2\.1' '2\.10'; do
    checks=$((checks + 1))
    grep -qE "^ *- ref: \"?$ref\"?\$" "$WORK/other-1.yaml" ||
        fail "the decision ref ${ref/\\/} does not survive as text"
done

# A generated panel of 1,000 members, with the fields people fill in.
awk 'BEGIN {
    print "panelboard: 1"; print "members:"
    split("councillor officer partner co-opted adviser", kinds, " ")
    for (i = 1; i <= 1000; i++) {
        printf "  - id: m%04d\n    name: \"Member %d O'"'"'Neill-Ŵ\"\n    kind: %s\n", i, i, kinds[i % 5 + 1]
        if (i % 3 == 0) printf "    post: Post %d\n", i
        if (i % 4 == 0) printf "    voting: %s\n", (i % 8 == 0) ? "true" : "false"
        if (i % 7 == 0) printf "    email: m%d@example.org\n    phone: 0770090%04d\n", i, i
        if (i % 11 == 0) printf "    joined: 2021-%02d-%02d\n    left: 2024-01-31\n", i % 12 + 1, i % 28 + 1
        if (i % 13 == 0) printf "    notes: |-\n      First line of %d.\n\n      Said: \"yes\", it'"'"'s fine.\n", i
    }
    print "themes:"
    for (t = 1; t <= 20; t++) {
        printf "  - id: theme-%02d\n    title: Theme %d\n    lead: m%04d\n    subgroup: [m%04d, m%04d]\n", t, t, t * 2, t * 2, t * 2 + 1
    }
}' >"$WORK/thousand.yaml"
round_trip thousand "$WORK/thousand.yaml"
expect_eq "$(grep -c 'name: .*Member [0-9]* O' "$WORK/thousand-1.yaml")" 1000 "the export has all 1,000 members"

# --- Markdown: a report for a meeting ---
export_to "$WORK/example-a.db" "$WORK/example.md" --format md
md=$(cat "$WORK/example.md")
expect_line "$md" '^# Corporate Parenting Panel' "the report is headed by the panel's name"
expect_line "$md" '^## Themes' "the report has a Themes section"
# the themes' titles, in the file's order, as the headings of that section
want=$(awk '/^[a-z-]+:/ { s = $1 } s == "themes:" && /^    title: / { sub(/^    title: /, ""); print }' "$EXAMPLE")
got=$(awk '/^## / { inside = ($0 == "## Themes") } inside && /^### / { sub(/^### /, ""); print }' "$WORK/example.md")
expect_eq "$got" "$want" "the theme headings are the themes in order"
# a theme's section names its lead and lists its actions
section() { awk -v h="### $1" '$0 == h { on = 1; next } /^##/ { on = 0 } on' "$WORK/example.md"; }
expect_line "$(section Housing)" 'Cllr Thirkill' "the Housing section names its lead"
expect_line "$(section 'Youth Justice')" 'Claire Smith' "the Youth Justice section names its lead"
expect_line "$(section 'Youth Justice')" 'avoiding the criminalisation of young people in care' \
    "the Youth Justice section lists its action"
expect_line "$md" 'Department for Work and Pensions' "the co-option seats are in the report"

# overdue: due before PANELBOARD_TODAY and still open or in progress
# action_lines FILE TODAY: "overdue|not TITLE" for each action of FILE
action_lines() {
    awk -v today="$2" '/^[a-z-]+:/ { s = $1 }
        s == "actions:" && /^  - id:/ { if (t != "") print verdict(), t; t = ""; due = ""; st = "open" }
        s == "actions:" && /^    title: / { t = $0; sub(/^    title: "?/, "", t); sub(/"$/, "", t) }
        s == "actions:" && /^    due: / { due = $2 }
        s == "actions:" && /^    status: / { st = $2 }
        function verdict() { return (due != "~" && due != "" && due < today && (st == "open" || st == "in-progress")) ? "overdue" : "not" }
        END { if (t != "") print verdict(), t }' "$1"
}
# check_overdue MDFILE PANELFILE TODAY
check_overdue() {
    local verdict title line flagged=0
    while read -r verdict title; do
        line=$(grep -F -- "$title" "$1" | head -1)
        checks=$((checks + 1))
        if [ -z "$line" ]; then
            fail "$3: the report lacks the action '$title'"
            continue
        fi
        case "$line" in *[Oo][Vv][Ee][Rr][Dd][Uu][Ee]*) flagged=1 ;; *) flagged=0 ;; esac
        if [ "$verdict" = overdue ] && [ $flagged -eq 0 ]; then
            fail "$3: '$title' is overdue but not flagged: $line"
        elif [ "$verdict" = not ] && [ $flagged -eq 1 ]; then
            fail "$3: '$title' is flagged overdue but is not: $line"
        fi
    done < <(action_lines "$2" "$3")
}
expect_eq "$(action_lines "$EXAMPLE" 2022-12-01 | grep -c '^overdue')" 4 \
    "four of the example's actions are overdue on 2022-12-01"
check_overdue "$WORK/example.md" "$EXAMPLE" 2022-12-01
# due on the day itself is not yet overdue
PANELBOARD_TODAY=2022-11-30 export_to "$WORK/example-a.db" "$WORK/example-nov30.md" --format md
check_overdue "$WORK/example-nov30.md" "$EXAMPLE" 2022-11-30
PANELBOARD_TODAY=2022-06-01 export_to "$WORK/example-a.db" "$WORK/example-june.md" --format md
check_overdue "$WORK/example-june.md" "$EXAMPLE" 2022-06-01
# done and dropped actions and those with no due date are never overdue
PANELBOARD_TODAY=2024-01-01 export_to "$WORK/other-a.db" "$WORK/other.md" --format md
check_overdue "$WORK/other.md" "$OTHER" 2024-01-01
expect_eq "$(action_lines "$OTHER" 2024-01-01 | grep -c '^overdue')" 2 \
    "two of the other council's five actions are overdue on 2024-01-01"

# --- CSV: the actions table, RFC 4180 ---
cat >"$WORK/quoted-action.yaml" <<'EOF'
panelboard: 1
actions:
  - id: 7
    title: 'Review the "Staying Put" policy, and report back'
    owners: [chair]
    due: 2022-12-15
    status: open
EOF
import_into "$WORK/example-a.db" "$WORK/quoted-action.yaml"
export_to "$WORK/example-a.db" "$WORK/actions.csv" --format csv
header=$(head -1 "$WORK/actions.csv")
expect_line "$header" '^id,title,' "the CSV starts with a header line of column names"
expect_eq "$(wc -l <"$WORK/actions.csv")" 8 "the CSV has a header and seven actions"
expect_eq "$(grep -c $'\r$' "$WORK/actions.csv")" 8 "every CSV line ends in CRLF"
checks=$((checks + 1))
tail -c 2 "$WORK/actions.csv" | od -An -c | grep -q '\\r  *\\n' || fail "the CSV's last line ends in CRLF too"
csv=$(tr -d '\r' <"$WORK/actions.csv")
expect_line "$csv" '^7,"Review the ""Staying Put"" policy, and report back",' \
    "a title with a comma and quotes is quoted, its quotes doubled"
expect_line "$csv" '^2,[^"]*,"chair,iad-srcp",' "two owners are one quoted field"
# shellcheck disable=SC1112 # a typographic apostrophe, on purpose
expect_line "$csv" '^5,Take members’ feedback' "UTF-8 text is written as it is"
if command -v python3 >/dev/null 2>&1; then
    checks=$((checks + 1))
    python3 - "$WORK/actions.csv" <<'EOF' || fail "the CSV does not parse as RFC 4180"
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f, strict=True))
width = len(rows[0])
assert all(len(r) == width for r in rows), "rows of different widths"
title = rows[0].index("title")
mine = [r for r in rows if r[0] == "7"]
assert mine and mine[0][title] == 'Review the "Staying Put" policy, and report back', mine
EOF
fi
# A title cannot carry a newline: the only way one could reach the CSV.
printf '%s\n' 'panelboard: 1' 'actions:' '  - id: 8' '    title: "Two\nlines"' '    owners: [chair]' \
    >"$WORK/newline-title.yaml"
DB="$WORK/example-a.db"
pb import "$WORK/newline-title.yaml"
expect_status 65 "a newline in an action's title"
expect_err_has "newline-title.yaml:4:" "the newline in the title is located"

# --- -o FILE ---
pb export -o "$WORK/out.yaml"
expect_status 0 "export -o FILE"
expect_eq "$out" "" "export -o writes nothing to standard output"
export_to "$DB" "$WORK/stdout.yaml"
checks=$((checks + 1))
cmp -s "$WORK/out.yaml" "$WORK/stdout.yaml" || fail "export -o FILE differs from export to stdout"
echo "an old report" >"$WORK/out.md"
pb export --format md -o "$WORK/out.md"
expect_status 0 "export --format md -o an existing file"
export_to "$DB" "$WORK/stdout.md" --format md
checks=$((checks + 1))
cmp -s "$WORK/out.md" "$WORK/stdout.md" || fail "export -o replaces an existing file with the report"
pb export -o "$WORK/no-such-folder/out.yaml"
checks=$((checks + 1))
[ "$status" -eq 73 ] || [ "$status" -eq 74 ] || fail "export -o into a missing folder: exit $status, expected 73 or 74"
expect_err_has "panelboard: " "export -o into a missing folder says why"
checks=$((checks + 1))
[ -e "$WORK/no-such-folder" ] && fail "a failed export -o created something"

# --- -o keeps what is there: a link stays a link, a file keeps its mode ---
pb export -o "$WORK/real.yaml"
ln -s real.yaml "$WORK/link.yaml"
chmod 640 "$WORK/real.yaml"
pb export --format csv -o "$WORK/link.yaml"
expect_status 0 "export -o through a symbolic link"
checks=$((checks + 1))
[ -L "$WORK/link.yaml" ] || fail "export -o replaced the symbolic link with a file"
expect_eq "$(head -c 3 "$WORK/real.yaml")" "id," "the file the link names gets the export"
expect_eq "$(stat -c %a "$WORK/real.yaml")" "640" "the file keeps its permissions"
(umask 022; "$PANELBOARD" --db "$DB" export -o "$WORK/fresh.yaml")
expect_eq "$(stat -c %a "$WORK/fresh.yaml")" "644" "a new file gets the umask's permissions"
mkfifo "$WORK/pipe"
cat "$WORK/pipe" >"$WORK/from-pipe.yaml" &
reader=$!
pb export -o "$WORK/pipe"
wait "$reader"
expect_status 0 "export -o into a named pipe"
checks=$((checks + 1))
[ -p "$WORK/pipe" ] || fail "export -o replaced the named pipe with a file"
expect_eq "$(head -1 "$WORK/from-pipe.yaml")" "panelboard: 1" "the pipe's reader gets the export"

# --- a full disk while the panel file streams out ---
if [ -w /dev/full ]; then
    "$PANELBOARD" --db "$DB" export >/dev/full 2>"$WORK/stderr"
    status=$? err=$(cat "$WORK/stderr")
    expect_status 74 "export to a full disk"
    expect_err_has "No space left" "the full disk is named"
fi

# --- wrong usage ---
pb export --format pdf
expect_status 64 "an unknown format"
expect_err_has "pdf" "the unknown format is named"
expect_eq "$out" "" "an unknown format writes nothing"
pb export --format
expect_status 64 "--format without a value"
pb export stray
expect_status 64 "export with a stray argument"

# An owner list reads as in the minutes: all first, then those named by post.
out=$(cat "$WORK/example.md")
expect_out_has "Action: All, Governance Officer — due 31 October 2022" \
    "the report's owners: All, then the Governance Officer"

# --- an empty panel's export does not replace a file without --force ---
pb import "$EXAMPLE"
pb export -o "$WORK/good.yaml"
expect_status 0 "export the example panel"
DB="$WORK/empty.db"
pb init
pb export -o "$WORK/good.yaml"
expect_status 65 "an empty panel's export over a file is refused"
expect_err_has "--force" "the refusal says how to do it anyway"
grep -q "thirkill" "$WORK/good.yaml" || fail "the good export was replaced"
pb export --force -o "$WORK/good.yaml"
expect_status 0 "with --force it is replaced"
pb export stray -o "$WORK/new.yaml"
expect_status 64 "a stray argument is refused wherever the options stand"
[ ! -e "$WORK/new.yaml" ] || fail "a refused export wrote its file"

finish

# done/status over id lists as one change, note, and undo/redo of my latest
# change, through the real binary.
. "$(dirname "$0")/lib.sh"

pb import "$EXAMPLE"
expect_status 0 "import the example panel"

pb --as thirkill done 2,3 'Both sent'
expect_status 0 "done over a list"
pb actions --status done --format tsv
expect_out_has "$(printf '2\tdone')" "done 2,3 closes #2"
expect_out_has "$(printf '3\tdone')" "done 2,3 closes #3"
pb history --limit 1
expect_out_has "done #2,3" "the list is one change"

pb done 4 5
expect_status 64 "done 8 9 is refused"
expect_err_has "panelboard done 4,5" "the list form is suggested"
pb status 4 in-progress note --date 2025-03-13
expect_status 64 "an option status does not take is refused, not stored in the note"
pb done 4,99
expect_status 65 "an unknown id in a list"
pb actions --status open --format tsv
expect_out_has "$(printf '4\topen')" "nothing changed when one id is unknown"
pb done 12-14x
expect_status 65 "a list that is not one"

pb --as thirkill note 6 'Called the YOT' --on 2022-11-30
expect_status 0 "note with --on"
pb note 6
expect_status 64 "note without text"
pb note 99 'x'
expect_status 65 "note on an unknown action"

pb --as thirkill undo
expect_status 0 "undo my latest change"
expect_err_has "undid" "undo says what it reversed"
pb --as thirkill undo
expect_status 0 "undo the change before"
pb actions --status done --format tsv
expect_out_lacks "$(printf '2\tdone')" "the list's change is undone whole"
pb --as thirkill redo
expect_status 0 "redo the latest undo"
pb actions --status done --format tsv
expect_out_has "$(printf '3\tdone')" "redo closes them again"
pb --as knox undo
expect_status 65 "nothing of knox's to undo"
pb --as thirkill undo extra words
expect_status 64 "undo refuses a stray argument"

# a change later work has touched cannot be undone
pb --as knox status 1 done
pb --as thirkill status 1 dropped
pb --as knox undo
expect_status 75 "undo over later work is refused"
expect_err_has "changed again since" "and says what touched it"

finish

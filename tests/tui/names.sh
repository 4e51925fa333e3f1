#!/usr/bin/env bash
# Names in other scripts (names-panel.yaml: Welsh, Urdu in Arabic script,
# Chinese, Vietnamese, emoji): the rows appear whole or truncated with an
# ellipsis, and the frame lines up by cell width: every row is as wide as
# the terminal, ending on the right border, and the line between list and
# detail stays in one column on every row, in each pane and at two widths.
. "$(dirname "$0")/lib.sh"

"$PANELBOARD" --db "$DB" import "$(dirname "$0")/names-panel.yaml" >/dev/null ||
    die "cannot import names-panel.yaml"

check_alignment() {
    expect_eq "$(misaligned_rows "$1" "$2")" "" "every row reaches the right border ($3)"
    local cols
    cols=$(divider_columns)
    checks=$((checks + 1))
    case "$cols" in
    [0-9]*" ") case "${cols% }" in *" "*) fail "the list/detail line wanders ($3): columns $cols"; show_screen ;; esac ;;
    "") [ "$1" -lt 100 ] || { fail "no list/detail line ($3)"; show_screen; } ;; # stacked when narrow
    *) fail "list/detail line: '$cols' ($3)"; show_screen ;;
    esac
}

start dash 120 30
wait_for 'Corporate Parenting Panel'
wait_for '5 themes'
wait_frame 120 30
wait_line '│! Ysgol Gymraeg a’r Gymuned +Cllr Siân Jones +1 +1 +0 '
wait_line '│  اردو بولنے والے خاندان +محمد علی خان +1 '
wait_line '│  中文学校与家庭支持计划和 ?… 王小明委员 +1 '
wait_line '│  Cộng đồng người Việt +Nguyễn Thị Hươ… +1 '
wait_line '│  🎉🎈 Celebration days 🎂 +🎉 Young Voice… +0 +0 +1 '
check_alignment 120 30 "themes"
# the detail of each row, the frame still straight
for row in 2 3 4 5; do
    keys j
    case $row in
    2) wait_line '│ اردو بولنے والے خاندان +│$' ;;
    3) wait_line '│ 中文学校与家庭支持计划和青年服务的长期' ;;
    4) wait_line '│ Cộng đồng người Việt +│$' ;;
    5) wait_line '│ 🎉🎈 Celebration days 🎂 +│$' ;;
    esac
    check_alignment 120 30 "themes, row $row"
done

keys 2
wait_for '5 leads'
wait_line '│  王小明委员 +中文学校与家庭支持计划和青 ?… +1 '
wait_line '│  Nguyễn Thị Hương +Cộng đồng người Việt '
wait_line '│  🎉 Young Voices 🎈 +🎉🎈 Celebration days 🎂 '
check_alignment 120 30 "leads"

keys 3
wait_for '5 actions'
wait_line '│ +1 open +2022-12-20 wang +zh +联系中文学校的校长并安排 ?… │'
wait_line '│ +3 in-progre… +ali +urdu +خاندانوں سے رابطہ کریں +│'
wait_line '│ +4 open +nguyen +viet +Gặp gỡ cộng đồng Nguyễn ?… │'
wait_line '│✓ +5 done +party +fun +Plan the 🎉 party 🎂 wit'
wait_line '│ +owners +王小明委员 \(wang\) +│$'
check_alignment 120 30 "actions"
keys G
wait_line '│ #5 Plan the 🎉 party 🎂 with young +│$'
check_alignment 120 30 "actions, the emoji row's detail"

# narrower: more truncation, still straight
tm resize-window -t "$S" -x 83 -y 24
wait_frame 83 24
wait_for '5 actions'
check_alignment 83 24 "actions at 83 columns"
keys 1
wait_for '5 themes'
check_alignment 83 24 "themes at 83 columns"
keys 2
wait_for '5 leads'
check_alignment 83 24 "leads at 83 columns"

# a capture typed in those scripts lands as typed
keys 3 a
wait_for '│add:'
type_text 'Gửi thư cho 王小明 về ysgol 🎉 @nguy'
keys Tab
wait_for 'add: Gửi thư cho 王小明 về ysgol 🎉 @nguyen'
keys Enter
wait_for 'added #6'
pb actions --format tsv
expect_has "$out" "6	open			nguyen	Gửi thư cho 王小明 về ysgol 🎉" "the captured title, byte for byte"
check_alignment 83 24 "after the capture"

keys q
wait_dead
finish

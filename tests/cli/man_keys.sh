#!/bin/bash
# The man page's KEYS section and the dashboard's key table (src/app/keys.c)
# say the same: every binding's keys label and help line, in the table's
# order, and no key the table lacks. The table is the one source; this
# fails when the page falls behind it.
#
# MAN_KEYS_TABLE and MAN_KEYS_PAGE may name other files (to try the check
# itself on a page with a line removed).
set -u
: "${PB_SOURCE_ROOT:?set PB_SOURCE_ROOT to the source tree}"
table="${MAN_KEYS_TABLE:-$PB_SOURCE_ROOT/src/app/keys.c}"
page="${MAN_KEYS_PAGE:-$PB_SOURCE_ROOT/man/panelboard.1}"

if ! command -v python3 >/dev/null; then
    echo "man_keys.sh: python3 is needed to read the key table; skipped" >&2
    exit 77
fi

exec python3 - "$table" "$page" <<'EOF'
import re
import sys

table_path, page_path = sys.argv[1], sys.argv[2]

# ---- the key table: {CMD_X, {keys}, "LABEL", HINT, "HELP" "MORE", WHERE} ----
LIT = r'"(?:[^"\\]|\\.)*"'
ENTRY = re.compile(r'\{\s*(CMD_\w+)\s*,\s*\{[^{}]*\}\s*,\s*(' + LIT + r')\s*,\s*(NULL|' + LIT
                   + r')\s*,\s*((?:' + LIT + r'\s*)+),\s*[^{}]*?\}')


def c_string(text):
    """Adjacent C literals joined, with the escapes keys.c might use."""
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', "'": "'"}
    return ''.join(re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(0)), lit[1:-1])
                   for lit in re.findall(LIT, text))


src = open(table_path, encoding='utf-8').read()
# the table itself, not the comments or the declarations around it
start = src.find('dash_bindings[] = {')
if start < 0:
    sys.exit('man_keys.sh: no dash_bindings[] table in ' + table_path)
body = re.sub(r'/\*.*?\*/', '', src[start:], flags=re.S)
table = [(m.group(1), c_string(m.group(2)), c_string(m.group(4))) for m in ENTRY.finditer(body)]
n_rows = len(re.findall(r'\{\s*CMD_\w+\s*,', body))
if not table or len(table) != n_rows:
    sys.exit('man_keys.sh: read %d of the %d rows of %s; the table has a shape this check '
             'does not know' % (len(table), n_rows, table_path))

# ---- the man page's KEYS section: .TP / .B "LABEL" / help text ----


def roff_text(line):
    line = line.strip()
    if line.startswith('.B ') or line.startswith('.B\t'):
        line = line[3:].strip()
        if len(line) >= 2 and line[0] == '"' and line[-1] == '"':
            line = line[1:-1]
    for esc, ch in (('\\-', '-'), ('\\(aq', "'"), ('\\(dq', '"'), ('\\e', '\\'), ('\\&', ''),
                    ('\\(em', '\u2014'), ('\\(en', '\u2013')):
        line = line.replace(esc, ch)
    return line


lines = open(page_path, encoding='utf-8').read().split('\n')
try:
    first = lines.index('.SH KEYS')
except ValueError:
    sys.exit('man_keys.sh: %s has no .SH KEYS section' % page_path)
section = []
for line in lines[first + 1:]:
    if line.startswith('.SH'):
        break
    section.append(line)

page = []
i = 0
while i < len(section):
    if section[i].strip() != '.TP':
        i += 1
        continue
    i += 1
    if i >= len(section) or not section[i].startswith('.B'):
        sys.exit('man_keys.sh: a .TP in KEYS not followed by .B "KEYS": %r'
                 % (section[i] if i < len(section) else ''))
    label = roff_text(section[i])
    i += 1
    text = []
    while i < len(section) and not re.match(r'\.(TP|PP|P|LP|SH|SS)\b', section[i]):
        if not section[i].startswith('.\\"'):
            text.append(roff_text(section[i]))
        i += 1
    page.append((label, ' '.join(t for t in text if t)))

# ---- compare ----
failures = []
want = [(label, help_) for _, label, help_ in table]
for cmd, label, help_ in table:
    if (label, help_) not in page:
        near = [h for l, h in page if l == label]
        failures.append('%s: the man page lacks "%s" -- %s%s' % (
            cmd, label, help_, ' (it says: %s)' % ' / '.join(near) if near else ''))
for label, help_ in page:
    if (label, help_) not in want:
        failures.append('the man page lists "%s" -- %s, which the key table lacks'
                        % (label, help_))
if not failures and page != want:
    failures.append('the man page lists the keys in another order than the key table')
if len(page) != len(set(page)):
    failures.append('the man page lists a key twice')

for f in failures:
    print('FAIL: ' + f, file=sys.stderr)
if failures:
    print('man_keys.sh: %d problems; the KEYS section of %s should list the %d rows of %s'
          % (len(failures), page_path, len(table), table_path), file=sys.stderr)
    sys.exit(1)
print('man_keys.sh: the man page lists all %d bindings of the key table, in order'
      % len(table))
EOF

# hostile-input.sh - malformed and hostile input (issue 8): XML attacks,
# broken files, bad CSV, absurd numbers.  Every refusal is checked four
# ways: exit status 1, a message naming the file and the place (FILE:LINE:
# COLUMN for XML, FILE:ROW:COLUMN for a CSV cell), within a bound (LIMIT_MS), and an existing
# PDF at the -o path left exactly as it was (cmp with a copy), no temporary
# file left beside it.
. tests/e2e/lib.inc
H=tests/fixtures/hostile
# A bound against blow-ups (entity expansion, quadratic parsing), not a speed
# target: those take minutes, a refusal takes well under a second, and under
# ASan on a loaded 2-core machine 300,000 unknown elements took 1.2 s once.
# Speed is measured in bench/.
LIMIT_MS=${HOSTILE_LIMIT_MS:-3000}

# The plans with their sibling files, so that edited copies still find
# their actuals and PDCA records.
mkdir -p "$WORK/xml" "$WORK/o"
cp xml/*.xml "$WORK/xml/"
city="$WORK/xml/kagoshima-city-plan2.xml"
out="$WORK/o/keep.pdf"
printf '%%PDF-1.4\n%% an earlier, good handout that a failed run must not touch\n' >"$out"
cp "$out" "$WORK/keep.orig"

ms() { date +%s%N | cut -c1-13; }

# refused WHAT PATTERN COMMAND...: exit 1, output matching the extended
# regular expression PATTERN, in under LIMIT_MS, output file unchanged.
refused() {
	what=$1 pattern=$2
	shift 2
	t0=$(ms)
	"$@" >"$WORK/out" 2>&1 </dev/null
	rc=$?
	el=$(($(ms) - t0))
	if [ "$rc" -eq 1 ]; then ok "$what: exit 1"; else
		not_ok "$what: exit $rc, expected 1"
		sed 's/^/#   /' "$WORK/out" | head -10
	fi
	if grep -Eq -- "$pattern" "$WORK/out"; then ok "$what: message"; else
		not_ok "$what: no message matching: $pattern"
		sed 's/^/#   /' "$WORK/out" | head -10
	fi
	if [ "$el" -lt "$LIMIT_MS" ]; then ok "$what: in $el ms"; else
		not_ok "$what: took $el ms (limit $LIMIT_MS)"
	fi
	if cmp -s "$out" "$WORK/keep.orig" && [ "$(ls -A "$WORK/o")" = keep.pdf ]; then
		ok "$what: existing output untouched"
	else
		not_ok "$what: the existing output changed or a file was left: $(ls -A "$WORK/o" | tr '\n' ' ')"
		cp "$WORK/keep.orig" "$out"
		find "$WORK/o" -name '.keep.pdf.*' -exec rm -f {} +
	fi
}

# build PLAN [ARGS...]: the council handout of PLAN into the kept file.
build() {
	plan=$1
	shift
	"$SHIRYO" build "$plan" --kind council --year R7 -o "$out" "$@"
}

# pos FILE MESSAGE: "FILE:LINE:COLUMN: error: MESSAGE" as a pattern.
pos() { printf '^%s:[0-9]+:[0-9]+: error: %s' "$1" "$2"; }

# ---- XML: entities, DTDs, network ----------------------------------------

refused "billion laughs" "$(pos tests/fixtures/doctype-bomb.xml 'DOCTYPE declaration not allowed')" \
	build tests/fixtures/doctype-bomb.xml
refused "quadratic blowup" "$(pos $H/quadratic-blowup.xml 'DOCTYPE declaration not allowed')" \
	build $H/quadratic-blowup.xml
refused "external entity (file:///etc/passwd)" \
	"$(pos tests/fixtures/external-entity.xml 'DOCTYPE declaration not allowed')" \
	build tests/fixtures/external-entity.xml
check "no line of /etc/passwd in the messages" sh -c "! grep -q 'root:' '$WORK/out'"
refused "parameter entity fetching a remote DTD" \
	"$(pos $H/xxe-parameter-entity.xml 'DOCTYPE declaration not allowed')" \
	build $H/xxe-parameter-entity.xml
refused "external DTD" "$(pos $H/external-dtd.xml 'DOCTYPE declaration not allowed')" \
	build $H/external-dtd.xml
refused "undeclared entity" "$(pos $H/undeclared-entity.xml "Entity 'passwd' not defined")" \
	build $H/undeclared-entity.xml
refused "XInclude of /etc/passwd" \
	"$(pos $H/xinclude.xml 'element <include> not allowed inside <title>')" build $H/xinclude.xml
check "XInclude: nothing of /etc/passwd in the messages" sh -c "! grep -q 'root:' '$WORK/out'"

for url in http://127.0.0.1:9/actuals.xml https://example.invalid/a.xml \
	ftp://example.invalid/a.xml file:///etc/passwd; do
	sed "s|href=\"kagoshima-city-plan2-actuals.xml\"|href=\"$url\"|" "$city" >"$WORK/xml/url.xml"
	refused "actuals file at a URL ($url)" "$(pos "$WORK/xml/url.xml" "actuals file '$url' is a URL")" \
		build "$WORK/xml/url.xml"
done

# Files named by a plan that would block a reader for ever: a terminal, a
# pipe that never ends, a FIFO with no writer.  A plan may name only files
# in its folder (below), so these are symbolic links there.
# (Standard input is a FIFO opened read-write: it never ends and never has
# data, so a reader of /dev/stdin would wait; timeout stops it after 5 s.)
mkfifo "$WORK/xml/fifo.xml" "$WORK/stdin"
for dev in stdin tty zero; do ln -s /dev/$dev "$WORK/xml/$dev.xml"; done
for href in stdin.xml tty.xml zero.xml fifo.xml; do
	sed "s|href=\"kagoshima-city-plan2-actuals.xml\"|href=\"$href\"|" "$city" >"$WORK/xml/dev.xml"
	refused "actuals file '$href' (not a regular file)" \
		"error: is not a regular file|cannot open the file" \
		timeout 5 sh -c 'exec "$@" <>"$0"' "$WORK/stdin" \
		"$SHIRYO" build "$WORK/xml/dev.xml" --kind council --year R7 -o "$out"
done

# A plan names its actuals and PDCA files relative to its own folder, and
# only files in that folder or below it: not /etc/passwd, not another
# department's ../../data.  Refused at the href; --actuals still takes any
# path the user names.
mkdir -p "$WORK/xml/data"
cp "$WORK/xml/kagoshima-city-plan2-actuals.xml" "$WORK/xml/data/actuals.xml"
for href in /etc/passwd "$WORK/xml/kagoshima-city-plan2-actuals.xml" \
	../xml/kagoshima-city-plan2-actuals.xml data/../../etc/passwd; do
	sed "s|href=\"kagoshima-city-plan2-actuals.xml\"|href=\"$href\"|" "$city" >"$WORK/xml/abs.xml"
	case $href in /*) why="is an absolute path" ;; *) why="climbs out of the plan's folder" ;; esac
	refused "actuals file '$href' outside the plan's folder" \
		"^$WORK/xml/abs.xml:19:17: error: actuals file '$href' $why: name a file in the plan's folder" \
		build "$WORK/xml/abs.xml"
	check "actuals file '$href': nothing of /etc/passwd in the messages" sh -c "! grep -q 'root:' '$WORK/out'"
done
sed 's|href="kagoshima-city-plan2-pdca-R5-midyear.xml"|href="/etc/passwd"|' "$city" >"$WORK/xml/abs.xml"
refused "PDCA file '/etc/passwd'" \
	"^$WORK/xml/abs.xml:25:14: error: PDCA file '/etc/passwd' is an absolute path" build "$WORK/xml/abs.xml"
sed "s|href=\"kagoshima-city-plan2-actuals.xml\"|href=\"data/actuals.xml\"|" "$city" >"$WORK/xml/sub.xml"
expect_exit 0 "an actuals file in a folder below the plan's, checked from another folder" \
	sh -c 'cd "$1" && exec "$2" check "$3"' sh "$WORK/o" "$SHIRYO" "$WORK/xml/sub.xml"
expect_exit 0 "--actuals takes an absolute path outside the plan's folder" \
	"$SHIRYO" check "$city" --actuals "$WORK/xml/data/actuals.xml"

# ---- XML: limits and broken files ----------------------------------------

awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<plan id=\"t\" version=\"1\">\n";
	for (i = 0; i < 10000; i++) printf "<x>"; print "" }' >"$WORK/deep.xml"
refused "elements nested 10000 deep" "$(pos "$WORK/deep.xml" 'elements nested deeper than 64 levels')" \
	build "$WORK/deep.xml"

cp "$city" "$WORK/big.xml"
truncate -s 17M "$WORK/big.xml"
refused "a 17 MiB plan" "^$WORK/big.xml: error: file too large" build "$WORK/big.xml"

head -c 20000 "$city" >"$WORK/xml/truncated.xml"
refused "a truncated plan" "$(pos "$WORK/xml/truncated.xml" '')" build "$WORK/xml/truncated.xml"
head -c 1000 "$city" >"$WORK/xml/short.xml"
refused "a plan cut inside a tag" "$(pos "$WORK/xml/short.xml" '')" build "$WORK/xml/short.xml"

iconv -f UTF-8 -t SHIFT_JIS <tests/fixtures/plan-good.xml >"$WORK/sjis.xml" 2>/dev/null ||
	cp tests/fixtures/shift-jis.xml "$WORK/sjis.xml"
refused "a Shift_JIS plan" "$(pos "$WORK/sjis.xml" 'invalid UTF-8 \(byte 0x[0-9A-F]{2}\)')" \
	build "$WORK/sjis.xml"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE <tests/fixtures/plan-good.xml; } >"$WORK/utf16.xml"
refused "a UTF-16 plan" "$(pos "$WORK/utf16.xml" 'invalid UTF-8|NUL byte')" build "$WORK/utf16.xml"
{ head -n 50 "$city"; printf '<!-- a\000b -->\n'; tail -n +51 "$city"; } >"$WORK/xml/nul.xml"
refused "a NUL byte in the middle" "^$WORK/xml/nul.xml:51:7: error: NUL byte in the file" \
	build "$WORK/xml/nul.xml"
: >"$WORK/empty.xml"
refused "an empty plan" "^$WORK/empty.xml: error: empty file" build "$WORK/empty.xml"
head -c 4096 /dev/urandom >"$WORK/random.xml"
refused "random bytes" "$(pos "$WORK/random.xml" '')|^$WORK/random.xml: error: " build "$WORK/random.xml"

# Files under the size limit built to make the parser slow: libxml2 2.9
# takes time quadratic in the attributes of one element, and counting
# columns from the start of the line made one long line quadratic too.
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<plan id=\"t\" version=\"1\">\n";
	for (i = 0; i < 300000; i++) printf "<junk a=\"%d\">テキスト</junk>\n", i; print "</plan>" }' \
	>"$WORK/junk.xml"
refused "300000 unknown elements (11 MB)" \
	"$(pos "$WORK/junk.xml" 'more than 50000 elements \(a plan has a few thousand\)')" build "$WORK/junk.xml"
{
	printf '<?xml version="1.0"?>\n<plan id="t" version="1">'
	yes '<a/>' | head -n 100000 | tr -d '\n'
	printf '</plan>\n'
} >"$WORK/oneline.xml"
refused "100000 elements on one line" \
	"$(pos "$WORK/oneline.xml" 'more than 50000 elements')" build "$WORK/oneline.xml"
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<plan id=\"t\" version=\"1\"";
	for (i = 0; i < 1000000; i++) printf " a%d=\"\"", i; print "/>" }' >"$WORK/attrs.xml"
refused "an element with a million attributes (10 MB)" \
	"^$WORK/attrs.xml:2:1: error: element with more than 256 attributes" build "$WORK/attrs.xml"

# ---- actuals CSV ------------------------------------------------------------

csv() { printf '指標,年度,実績\n'; printf "$@"; }

printf '\377\376\007c,\000' >"$WORK/utf16.csv"
refused "CSV in UTF-16" "^$WORK/utf16.csv: error: file is UTF-16" build "$city" --actuals "$WORK/utf16.csv"
csv 'kpi-p1-2,R4,1\nkpi-p1-2,R5,\205\377\n' >"$WORK/enc.csv"
refused "CSV neither UTF-8 nor CP932" "^$WORK/enc.csv:3: error: file is neither UTF-8 nor Shift_JIS" \
	build "$city" --actuals "$WORK/enc.csv"
csv 'kpi-p1-2,R4\nkpi-p1-2,R5,1,2\n' >"$WORK/ragged.csv"
refused "CSV ragged rows" "^$WORK/ragged.csv:3: error: row has 4 fields, the header has 3" \
	build "$city" --actuals "$WORK/ragged.csv"
check "CSV ragged rows: the short row is named too" \
	grep -q "^$WORK/ragged.csv:2: error: row has 2 fields" "$WORK/out"
{ csv 'kpi-p1-2,R4,'; head -c 100000 /dev/zero | tr '\0' 9; printf '\n'; } >"$WORK/huge.csv"
refused "CSV field of 100000 bytes" "^$WORK/huge.csv:2:13: error: field longer than 4096 bytes refused" \
	build "$city" --actuals "$WORK/huge.csv"
csv 'kpi-p1-2,R4,=1+1\nkpi-p1-2,R5,+SUM(A1:A3)\nkpi-p1-2,R6,@cmd\nkpi-p1-2,R7,-cmd|calc\n"=HYPERLINK(""http://x"")",R8,1\n' \
	>"$WORK/formula.csv"
refused "CSV formulas" "^$WORK/formula.csv:2:13: error: formula not evaluated: '=1\+1'" \
	build "$city" --actuals "$WORK/formula.csv"
for row in "3:13:+SUM" "4:13:@cmd" "5:13:-cmd" "6:2:=HYPERLINK"; do
	check "CSV formula in row ${row%%:*} refused by row and column" \
		grep -q "^$WORK/formula.csv:${row%:*}: error: formula not evaluated: '${row##*:}" "$WORK/out"
done
{ csv 'kpi-p1-2,R4,1\n'; head -c 17000000 /dev/zero | tr '\0' ,; } >"$WORK/big.csv"
refused "CSV of 17 MB" "^$WORK/big.csv: error: file larger than 16 MiB" build "$city" --actuals "$WORK/big.csv"
printf '指標,年度,実績\nkpi-p1-2,R4,1\000\n' >"$WORK/nul.csv"
refused "CSV with a NUL byte" "^$WORK/nul.csv:2: error: file contains NUL bytes" \
	build "$city" --actuals "$WORK/nul.csv"

# Terminal control sequences in a cell (clear screen, retitle the window,
# an 8-bit CSI) are quoted as '?', never sent to the terminal.
csv '\033[2J\033]0;pwned\007kpi,R4,1\nkpi-p1-2,R4\302\2332J,1\n' >"$WORK/esc.csv"
refused "CSV with terminal escapes" "^$WORK/esc.csv:2:1: error: no indicator '\\?\\[2J\\?\\]0;pwned\\?kpi'" \
	build "$city" --actuals "$WORK/esc.csv"
check "CSV escapes: no ESC, BEL or CSI reaches the terminal" \
	sh -c "! grep -q \"\$(printf '\033\\|\007\\|\302\233')\" '$WORK/out'"
check "CSV escapes: the year is quoted with '?' too" grep -q "^$WORK/esc.csv:3:10: error: 'R4?2J' is not a fiscal year" "$WORK/out"

# The same for every message, wherever its text comes from (diag_add()
# cleans them all): an XML attribute with C1 controls written raw and as
# character references (XML allows U+0080..U+009F; 0x9B is CSI), element
# text with a line break, bytes that are not UTF-8 in a file name, ESC in a
# file name and in an argument.
# no_controls FILE: no C0 control but the line feed, no DEL, no C1, no
# byte that is not UTF-8 in FILE.
no_controls() {
	LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]\\|\302[\200-\237]')" "$1" && return 1
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<actuals plan="kagoshima-city-plan2">\n'
	printf '  <value ref="kpi-p1-2" year="R4">12\n34</value>\n'
	printf '  <value ref="kpi-p1-2&#x9B;31m&#x85;" year="R5">1</value>\n'
	printf '  <value ref="kpi-p1-2\302\2332J" year="R6">1</value>\n</actuals>\n'
} >"$WORK/xml/c1.xml"
refused "XML actuals with C1 controls and a line break" \
	"$(pos "$WORK/xml/c1.xml" "value refers to 'kpi-p1-2\\?31m\\?', which is no indicator")" \
	build "$city" --actuals "$WORK/xml/c1.xml"
check "XML C1: the raw CSI is quoted as '?' too" \
	grep -Eq "$(pos "$WORK/xml/c1.xml" "value refers to 'kpi-p1-2\\?2J'")" "$WORK/out"
check "XML line break: the message stays on one line" \
	grep -Eq "$(pos "$WORK/xml/c1.xml" "invalid value '12\\?34' of 'kpi-p1-2'")" "$WORK/out"
check "XML C1 and line break: no control reaches the terminal" no_controls "$WORK/out"
# Bidirectional controls (Trojan Source): a right-to-left override in a
# CSV cell, an isolate written as a character reference in an XML attribute.
no_bidi() {
	! LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]\\|\342\201[\246-\251]\\|\330\234')" "$1"
}
csv 'kpi-p1-2\342\200\256 9R,R4,1\n' >"$WORK/bidi.csv"
refused "CSV with a bidi override" "^$WORK/bidi.csv:2:1: error: no indicator 'kpi-p1-2\\? 9R'" \
	build "$city" --actuals "$WORK/bidi.csv"
check "CSV bidi: no bidi control reaches the terminal" no_bidi "$WORK/out"
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<actuals plan="kagoshima-city-plan2">\n'
	printf '  <value ref="kpi-p1-2&#x2067;x&#x2069;" year="R4">1</value>\n</actuals>\n'
} >"$WORK/xml/bidi.xml"
refused "XML actuals with a bidi isolate" \
	"$(pos "$WORK/xml/bidi.xml" "value refers to 'kpi-p1-2\\?x\\?', which is no indicator")" \
	build "$city" --actuals "$WORK/xml/bidi.xml"
check "XML bidi: no bidi control reaches the terminal" no_bidi "$WORK/out"
escname="$WORK/$(printf 'a\033[31m\233\302\205b').csv"
csv 'kpi-p1-2,R4,x\n' >"$escname"
refused "ESC, a stray byte and NEL in a file name" "^$WORK/a\\?\\[31m\\?\\?b.csv:2:13: error: value 'x'" \
	build "$city" --actuals "$escname"
check "file name: no control reaches the terminal" no_controls "$WORK/out"
expect_exit 2 "ESC in an argument is a usage error" \
	"$SHIRYO" build "$city" --kind "$(printf 'x\033]0;pwned\007')" --year R7 -o "$out"
check "argument: quoted with '?'" contains "$WORK/out" "unknown kind 'x?]0;pwned?'"
check "argument: no control reaches the terminal" no_controls "$WORK/out"

# ---- numbers and years ------------------------------------------------------

csv 'kpi-p1-2,R4,99999999999999999999\nkpi-p1-2,R5,NaN\nkpi-p1-2,R6,inf\nkpi-p1-2,R7,1.0000001\n' \
	>"$WORK/numbers.csv"
refused "CSV overflow" "^$WORK/numbers.csv:2:13: error: value '99999999999999999999': number too long \(more than 18 digits" \
	build "$city" --actuals "$WORK/numbers.csv"
check "CSV NaN refused by row" grep -q "^$WORK/numbers.csv:3:13: error: value 'NaN' is not a number; it has letters$" "$WORK/out"
check "CSV inf refused by row" grep -q "^$WORK/numbers.csv:4:13: error: value 'inf' is not a number; it has letters$" "$WORK/out"
check "CSV seven decimals refused by row" grep -q "^$WORK/numbers.csv:5:13: error: value '1.0000001': number too long" "$WORK/out"
# Exponent notation (how Excel saves long numbers in a General column) is
# refused as such, at FILE:ROW:COLUMN, not read as 1 with the unit 'e9'.
csv 'kpi-p1-2,R4,1e9\nkpi-p1-2,R5,"1.5E3"\n' >"$WORK/exp.csv"
refused "CSV exponent notation" \
	"^$WORK/exp.csv:2:13: error: value '1e9' is a number in exponent notation, which is not accepted; write the number in full: 1000000000" \
	build "$city" --actuals "$WORK/exp.csv"
check "CSV exponent notation: a quoted 1.5E3 at its column" \
	grep -q "^$WORK/exp.csv:3:14: error: value '1.5E3' is a number in exponent notation.*: 1500 " "$WORK/out"
check "CSV exponent notation: no unit 'e9'" sh -c "! grep -qi \"unit 'e\" '$WORK/out'"
csv 'kpi-p1-2,R999,1\nkpi-p1-2,99999,1\nkpi-p1-2,H32,1\nkpi-p1-2,R0,1\n' >"$WORK/years.csv"
refused "CSV year R999" "^$WORK/years.csv:2:10: error: 'R999' is not a fiscal year" \
	build "$city" --actuals "$WORK/years.csv"
for y in 3:99999 4:H32 5:R0; do
	check "CSV year ${y#*:} refused by row" \
		grep -q "^$WORK/years.csv:${y%%:*}:10: error: '${y#*:}' is not a fiscal year" "$WORK/out"
done

# The same in an XML actuals file: FILE:LINE:COLUMN.
cat >"$WORK/xml/bad-actuals.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<actuals plan="kagoshima-city-plan2">
  <value ref="kpi-p1-2" year="R4">99999999999999999999</value>
  <value ref="kpi-p1-2" year="R5">NaN</value>
  <value ref="kpi-p1-2" year="R999">1</value>
  <value ref="kpi-p1-2" year="99999">1</value>
</actuals>
EOF
refused "XML actuals overflow" "$(pos "$WORK/xml/bad-actuals.xml" "invalid value '99999999999999999999' of 'kpi-p1-2': number too long")" \
	build "$city" --actuals "$WORK/xml/bad-actuals.xml"
check "XML actuals NaN refused with its position and why" \
	grep -Eq "$(pos "$WORK/xml/bad-actuals.xml" "invalid value 'NaN' of 'kpi-p1-2': not a number; it has letters$")" "$WORK/out"
check "XML actuals year R999 refused with its position" \
	grep -Eq "$(pos "$WORK/xml/bad-actuals.xml" "invalid year 'R999'")" "$WORK/out"
check "XML actuals year 99999 refused with its position" \
	grep -Eq "$(pos "$WORK/xml/bad-actuals.xml" "invalid year '99999'")" "$WORK/out"
# Exponent notation in XML actuals: the CSV reader's explanation, not just
# "not a number".
cat >"$WORK/xml/exp-actuals.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<actuals plan="kagoshima-city-plan2">
  <value ref="kpi-p1-2" year="R4">1e9</value>
  <value ref="kpi-p1-2" year="R5">１．５Ｅ３</value>
</actuals>
EOF
refused "XML actuals exponent notation" \
	"$(pos "$WORK/xml/exp-actuals.xml" "invalid value '1e9' of 'kpi-p1-2': a number in exponent notation, which is not accepted; write the number in full: 1000000000$")" \
	build "$city" --actuals "$WORK/xml/exp-actuals.xml"
check "XML actuals exponent notation: full-width too" \
	grep -Eq "$(pos "$WORK/xml/exp-actuals.xml" "invalid value '１．５Ｅ３' of 'kpi-p1-2': a number in exponent notation.*: 1500$")" "$WORK/out"

for y in R999 99999 H32 R0 2201 1925; do
	expect_exit 2 "--year $y is a usage error" "$SHIRYO" build "$city" --kind council --year "$y" -o "$out"
	check "--year $y: the message quotes it" contains "$WORK/out" "'$y' is not a fiscal year"
done
check "usage errors leave the existing output untouched" cmp -s "$out" "$WORK/keep.orig"

# A negative count is a warning naming the value (a 件 count cannot be
# below zero); a negative percentage is a fall, and says nothing.
csv 'kpi-p1-2,R4,-3\nkpi-bs-2,R5,-1.5\nkpi-p1-2,R6,▲2\n' >"$WORK/neg.csv"
expect_exit 0 "negative actuals are accepted by check" "$SHIRYO" check "$city" --actuals "$WORK/neg.csv"
check "a negative count is a warning naming the value and row" \
	grep -q "^$WORK/neg.csv:2:13: warning: negative value -3 of 'kpi-p1-2' for R4: a count in '件'" "$WORK/out"
check "a ▲ count is the same warning" grep -q "^$WORK/neg.csv:4:13: warning: negative value -2 of 'kpi-p1-2'" "$WORK/out"
check "a negative percentage is no warning" sh -c "! grep -q 'neg.csv:3: warning' '$WORK/out'"

# SOURCE_DATE_EPOCH that is not a time: a warning, and the input's date.
for sde in 99999999999999999999 -1 1e9 abc; do
	cp "$WORK/keep.orig" "$out"
	expect_exit 0 "SOURCE_DATE_EPOCH=$sde still builds" env SOURCE_DATE_EPOCH="$sde" \
		"$SHIRYO" build "$city" --kind council --year R7 -o "$out"
	check "SOURCE_DATE_EPOCH=$sde is a warning quoting it" \
		grep -q "warning: SOURCE_DATE_EPOCH '$sde' is not a time in seconds" "$WORK/out"
done
cp "$WORK/keep.orig" "$out"

# output-safety.sh - nothing a user names is destroyed, nothing hangs (issue 14):
# the write policy of src/model/outfile.c (inputs refused as outputs, devices
# and FIFOs written through, standard output, links followed, mode kept,
# temporary file removed on a signal, long names), inputs that are not
# regular files, the PDF writer's limits, no silent clipping, fonts.
. tests/e2e/lib.inc
export SOURCE_DATE_EPOCH=1763683200
city=xml/kagoshima-city-plan2.xml

# said WHAT PATTERN: the output of the last command matches PATTERN (ERE).
said() {
	if grep -Eq -- "$2" "$WORK/out"; then ok "$1: message"; else
		not_ok "$1: no message matching: $2"
		sed 's/^/#   /' "$WORK/out" | head -10
	fi
}

# council OUT [ARGS...]: the council handout of the plan in $WORK/x into OUT.
council() {
	out=$1
	shift
	"$SHIRYO" build "$WORK/x/kagoshima-city-plan2.xml" --kind council --year R7 -o "$out" "$@"
}

mkdir -p "$WORK/x" "$WORK/o"
cp xml/*.xml "$WORK/x/"
cp -R "$WORK/x" "$WORK/x.orig"
expect_exit 0 "a good build for comparison" council "$WORK/good.pdf"

# ---- row 1: an output that is one of the inputs -----------------------------

for f in kagoshima-city-plan2.xml kagoshima-city-plan2-actuals.xml \
	kagoshima-city-plan2-pdca-R7-council.xml; do
	expect_exit 1 "-o naming the input $f" council "$WORK/x/$f"
	said "-o naming the input $f" "cannot write '$WORK/x/$f': it is the input file"
	check "-o naming the input $f: the file is unchanged" cmp -s "$WORK/x/$f" "$WORK/x.orig/$f"
done
# the same plan through a relative path, a symbolic link and a hard link
(cd "$WORK/x" && "$SHIRYO" build kagoshima-city-plan2.xml --kind council --year R7 \
	-o ./kagoshima-city-plan2.xml) >"$WORK/out" 2>&1
check "-o naming the plan by a relative path: exit 1" test $? -eq 1
ln -s "$WORK/x/kagoshima-city-plan2.xml" "$WORK/o/link-to-plan.pdf"
expect_exit 1 "-o naming a symbolic link to the plan" council "$WORK/o/link-to-plan.pdf"
ln "$WORK/x/kagoshima-city-plan2.xml" "$WORK/o/hard-link-to-plan.pdf"
expect_exit 1 "-o naming a hard link to the plan" council "$WORK/o/hard-link-to-plan.pdf"
check "the plan is unchanged after all of these" \
	cmp -s "$WORK/x/kagoshima-city-plan2.xml" "$WORK/x.orig/kagoshima-city-plan2.xml"
# an --actuals CSV named as the output
printf '指標,年度,実績\n' >"$WORK/o/a.csv"
cp "$WORK/o/a.csv" "$WORK/a.csv.orig"
expect_exit 1 "-o naming the --actuals CSV" council "$WORK/o/a.csv" --actuals "$WORK/o/a.csv"
said "-o naming the --actuals CSV" "it is the input file '$WORK/o/a.csv'"
check "-o naming the --actuals CSV: the CSV is unchanged" cmp -s "$WORK/o/a.csv" "$WORK/a.csv.orig"
# standard output appended to the plan itself
council - >>"$WORK/x/kagoshima-city-plan2.xml" 2>"$WORK/out"
check "-o - appending to the plan: exit 1" test $? -eq 1
check "-o - appending to the plan: the plan is unchanged" \
	cmp -s "$WORK/x/kagoshima-city-plan2.xml" "$WORK/x.orig/kagoshima-city-plan2.xml"

# (a shiryo without the policy has destroyed the inputs above: start again)
rm -rf "$WORK/x" && cp -R "$WORK/x.orig" "$WORK/x"

# ---- row 2: device nodes and FIFOs are written through ----------------------

if [ "$(id -u)" = 0 ]; then
	mkdir "$WORK/dev"
	mknod "$WORK/dev/full" c 1 7 && mknod "$WORK/dev/null" c 1 3
	expect_exit 1 "-o a device node like /dev/full" council "$WORK/dev/full"
	said "-o a device node like /dev/full" "cannot write '$WORK/dev/full': No space left on device"
	check "the /dev/full node is still a character device" test -c "$WORK/dev/full"
	expect_exit 0 "-o a device node like /dev/null" council "$WORK/dev/null"
	check "the /dev/null node is still a character device" test -c "$WORK/dev/null"
	check "no temporary file beside the device nodes" test "$(ls -A "$WORK/dev" | wc -l)" -eq 2
else
	skip "device nodes made by mknod (needs root)"
	# (never the real /dev/null: a shiryo without the policy would replace it)
fi

mkfifo "$WORK/o/fifo"
timeout 30 cat "$WORK/o/fifo" >"$WORK/from-fifo" &
reader=$!
expect_exit 0 "-o a FIFO" council "$WORK/o/fifo"
wait $reader
check "the FIFO is still a FIFO" test -p "$WORK/o/fifo"
check "the reader of the FIFO got the PDF" cmp -s "$WORK/from-fifo" "$WORK/good.pdf"

council - >"$WORK/stdout.pdf" 2>"$WORK/out"
check "-o - writes standard output (exit 0)" test $? -eq 0
check "-o - writes the same PDF" cmp -s "$WORK/stdout.pdf" "$WORK/good.pdf"
council - 2>"$WORK/out" | cat >"$WORK/piped.pdf"
check "-o - into a pipe (| lpr)" cmp -s "$WORK/piped.pdf" "$WORK/good.pdf"

# ---- links are followed, modes kept --------------------------------------------

mkdir "$WORK/l"
cp "$WORK/x.orig/kagoshima-city-plan2.xml" "$WORK/l/target.pdf" # any old content
ln -s target.pdf "$WORK/l/link.pdf"
expect_exit 0 "-o a symbolic link" council "$WORK/l/link.pdf"
check "the link is still a link" test -L "$WORK/l/link.pdf"
check "the link's target got the PDF" cmp -s "$WORK/l/target.pdf" "$WORK/good.pdf"
check "no temporary file beside the link" test "$(ls -A "$WORK/l" | wc -l)" -eq 2

cp "$WORK/good.pdf" "$WORK/o/private.pdf"
chmod 600 "$WORK/o/private.pdf"
expect_exit 0 "replacing a file of mode 0600" council "$WORK/o/private.pdf"
check "the replaced file keeps mode 0600" test "$(stat -c %a "$WORK/o/private.pdf")" = 600
chmod 640 "$WORK/o/private.pdf"
expect_exit 0 "replacing a file of mode 0640" council "$WORK/o/private.pdf"
check "the replaced file keeps mode 0640" test "$(stat -c %a "$WORK/o/private.pdf")" = 640

# ---- row 3: a signal during the save removes the temporary file ------------------

# strace holds every fsync for 2 s: the temporary file is complete and waits
# for its rename; the signal comes then.  env --default-signal: a background
# job of a script starts with SIGINT ignored, and shiryo leaves ignored
# signals ignored.
if command -v strace >/dev/null 2>&1 &&
	strace -o /dev/null -e trace=none true 2>/dev/null; then
	for sig in INT TERM HUP; do
		d="$WORK/sig-$sig"
		mkdir "$d"
		strace -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=2000000 \
			env --default-signal=INT "$SHIRYO" build "$city" --kind council --year R7 \
			-o "$d/out.pdf" >"$WORK/out" 2>&1 &
		tracer=$!
		i=0
		while [ $i -lt 200 ] && [ -z "$(ls -A "$d")" ]; do
			sleep 0.05
			i=$((i + 1))
		done
		tmp=$(ls -A "$d")
		sleep 0.3
		kill -"$sig" "$(pgrep -P $tracer)" 2>/dev/null
		wait $tracer
		rc=$?
		check "SIG$sig during the save: a temporary file was there ($tmp)" \
			sh -c "echo '$tmp' | grep -q '^\.out\.pdf\.'"
		check "SIG$sig during the save: the process ended by the signal (exit $rc)" \
			test $rc -gt 128
		check "SIG$sig during the save: no temporary file left ($(ls -A "$d" | tr '\n' ' '))" \
			test -z "$(ls -A "$d")"
	done
else
	skip "a signal during the save (needs strace, allowed to trace)"
fi

# ---- row 5: a FIFO as an input never hangs --------------------------------------

mkfifo "$WORK/o/f.csv" "$WORK/o/f.xml"
expect_exit 1 "--actuals naming a FIFO called .csv" \
	timeout 20 "$SHIRYO" build "$city" --kind council --year R7 --actuals "$WORK/o/f.csv" \
	-o "$WORK/o/never.pdf"
said "--actuals naming a FIFO called .csv" "$WORK/o/f.csv: error: is not a regular file"
expect_exit 1 "--actuals naming a FIFO called .xml" \
	timeout 20 "$SHIRYO" build "$city" --kind council --year R7 --actuals "$WORK/o/f.xml" \
	-o "$WORK/o/never.pdf"
mkdir "$WORK/o/d.csv"
expect_exit 1 "--actuals naming a folder called .csv" \
	"$SHIRYO" check "$city" --actuals "$WORK/o/d.csv"
said "--actuals naming a folder called .csv" "is a directory"
expect_exit 1 "check with a FIFO called .csv" \
	timeout 20 "$SHIRYO" check "$city" --actuals "$WORK/o/f.csv"
check "nothing written for a FIFO input" test ! -e "$WORK/o/never.pdf"

# ---- row 9: long output names -----------------------------------------------------

name251=$(printf 'a%.0s' $(seq 251)).pdf # 255 bytes, the most a name may have
expect_exit 0 "an output name of 255 bytes" council "$WORK/o/$name251"
check "an output name of 255 bytes: written" cmp -s "$WORK/o/$name251" "$WORK/good.pdf"
name248=$(printf 'b%.0s' $(seq 244)).pdf
expect_exit 0 "an output name of 248 bytes" council "$WORK/o/$name248"
expect_exit 0 "an output name of 248 bytes, replaced" council "$WORK/o/$name248"
check "no temporary file left beside the long names" \
	test -z "$(ls -A "$WORK/o" | grep '^\.')"
name256=$(printf 'c%.0s' $(seq 252)).pdf
expect_exit 1 "an output name of 256 bytes" council "$WORK/o/$name256"
said "an output name of 256 bytes" "File name too long"

# ---- generated plans: rows 6 and 7 ----------------------------------------------

# grow OUT N [NAME]: the city plan with N copies of indicator kpi-p1-2 (all in
# pillar p1) added, each named NAME when given.
grow() {
	python3 - "$WORK/x/kagoshima-city-plan2.xml" "$WORK/x/$1" "$2" "${3:-}" <<'PY'
import re, sys
src, dst, n, name = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
s = open(src, encoding='utf-8').read()
blk = re.search(r'(    <indicator id="kpi-p1-2".*?</indicator>\n)', s, re.S).group(1)
out = []
for i in range(n):
    b = blk.replace('id="kpi-p1-2"', 'id="kpi-x-%d"' % i)
    if name:
        b = re.sub(r'<name>.*?</name>', '<name>%s</name>' % name, b)
    out.append(b)
open(dst, 'w', encoding='utf-8').write(s.replace(blk, blk + ''.join(out)))
PY
}

# ---- row 6: the PDF writer's limits ------------------------------------------------

# 4,100 indicators: more named destinations than libharu's 4,095 entries of a
# dictionary (they are a name tree now).
grow many.xml 4100
expect_exit 0 "4,100 indicators: check" "$SHIRYO" check "$WORK/x/many.xml"
expect_exit 0 "4,100 indicators: the annual report" \
	"$SHIRYO" build "$WORK/x/many.xml" --kind annual --year R7 --no-pdfa -o "$WORK/many.pdf"
check "4,100 indicators: no raw library code in the messages" sh -c "! grep -Eq '0x[0-9A-Fa-f]{4}|libharu error' '$WORK/out'"
n=$(pdfinfo -dests "$WORK/many.pdf" 2>/dev/null | grep -c '"sec\.')
check "4,100 indicators: over 4,095 named destinations a reader finds ($n)" test "$n" -gt 4095

# an indicator name of 40,000 characters: bookmarks and labels are shortened
long=$(python3 -c 'print("長" * 40000)')
grow long.xml 1 "$long"
expect_exit 0 "a 40,000-character indicator name: check" "$SHIRYO" check "$WORK/x/long.xml"
expect_exit 0 "a 40,000-character indicator name: the annual report" \
	"$SHIRYO" build "$WORK/x/long.xml" --kind annual --year R7 -o "$WORK/long.pdf"
check "a 40,000-character indicator name: no raw library code" sh -c "! grep -Eq '0x[0-9A-Fa-f]{4}|libharu error' '$WORK/out'"
check "a 40,000-character indicator name: the bookmark ends in an ellipsis" \
	sh -c "mutool show '$WORK/long.pdf' outline | grep -q '長長…'"
expect_exit 0 "a 40,000-character indicator name: the council handout" \
	"$SHIRYO" build "$WORK/x/long.xml" --kind council --year R7 -o "$WORK/long-council.pdf"

# a pillar title of 40,000 characters: its overview row is shortened as a
# bar's label, and the running head cuts it with 「…」 in a few measures a
# page (cut character by character, the council took over two minutes)
python3 - "$WORK/x/kagoshima-city-plan2.xml" "$WORK/x/longpillar.xml" <<'PY'
import sys
s = open(sys.argv[1], encoding='utf-8').read()
i = s.index('<title>', s.index('<pillar '))
j = s.index('</title>', i)
open(sys.argv[2], 'w', encoding='utf-8').write(s[:i + 7] + '柱' * 40000 + s[j:])
PY
expect_exit 0 "a 40,000-character pillar title: the council handout" \
	timeout 60 "$SHIRYO" build "$WORK/x/longpillar.xml" --kind council --year R7 -o "$WORK/longpillar.pdf"
check "a 40,000-character pillar title: the running head ends in an ellipsis" \
	sh -c "pdftotext -layout '$WORK/longpillar.pdf' - | grep -q '柱柱…'"

# ---- row 7: no silent clipping ------------------------------------------------------

grow p55.xml 55
expect_exit 0 "a pillar of 57 indicators: the council handout" \
	"$SHIRYO" build "$WORK/x/p55.xml" --kind council --year R7 -o "$WORK/p55.pdf"
check "a pillar of 57 indicators: nothing clipped" sh -c "! grep -q 'clipped\|does not fit' '$WORK/out'"
check "a pillar of 57 indicators: the bars go on, headed （続き）" \
	sh -c "pdftotext '$WORK/p55.pdf' - | grep -q '（R6年度の目安に対する）（続き）'"
# the last bar of the pillar is on the page that continues the bars (the R7
# council reviews R6: doc_results_year)
cont=$(for i in $(seq 1 "$(pdfinfo "$WORK/p55.pdf" | sed -n 's/^Pages: *//p')"); do
	pdftotext -f "$i" -l "$i" "$WORK/p55.pdf" - | grep -q '（続き）$' &&
		pdftotext -f "$i" -l "$i" "$WORK/p55.pdf" - | grep -q '（R6年度の目安に対する）（続き）' &&
		echo "$i"; done | head -1)
check "a pillar of 57 indicators: its last bar is drawn, on page ${cont:-none}" \
	sh -c "test -n '$cont' && pdftotext -f '$cont' -l '$cont' '$WORK/p55.pdf' - | grep -q '企業立地件数'"
expect_exit 0 "a pillar of 57 indicators on A3" \
	"$SHIRYO" build "$WORK/x/p55.xml" --kind council --year R7 --paper a3l -o "$WORK/p55-a3.pdf"
check "a pillar of 57 indicators on A3: nothing clipped" sh -c "! grep -q 'clipped\|does not fit' '$WORK/out'"

# ---- row 8: fonts --------------------------------------------------------------------

# fonts_as DIR WHAT: the council handout with DIR mounted over /usr/share/fonts
# (a mount namespace of its own: needs root and unshare -m).
fonts_as() {
	rm -f "$WORK/fonts.pdf"
	unshare -m sh -c 'mount --bind "$1" /usr/share/fonts && shift && exec "$@"' sh "$1" \
		"$SHIRYO" build "$city" --kind council --year R7 -o "$WORK/fonts.pdf"
}
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	f="$WORK/fonts"
	mkdir -p "$f/truetype/dejavu"
	cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$f/truetype/dejavu/"
	expect_exit 1 "only DejaVu Sans installed" fonts_as "$f"
	said "only DejaVu Sans installed" "error: character '.*' .*none of them has Japanese glyphs"
	check "only DejaVu Sans installed: no file" test ! -e "$WORK/fonts.pdf"

	mkdir -p "$f/opentype/ipaexfont-gothic" "$f/opentype/ipaexfont-mincho"
	cp /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf "$f/opentype/ipaexfont-mincho/"
	g="$f/opentype/ipaexfont-gothic/ipaexg.ttf"
	: >"$g"
	expect_exit 1 "a zero-length IPAex Gothic file" fonts_as "$f"
	said "a zero-length IPAex Gothic file" "error: font family 'IPAexGothic': the file /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf: the file is empty"
	check "a zero-length IPAex Gothic file: no file" test ! -e "$WORK/fonts.pdf"
	head -c 1000000 /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf >"$g"
	expect_exit 1 "a truncated IPAex Gothic file" fonts_as "$f"
	said "a truncated IPAex Gothic file" "ipaexg.ttf: truncated font file"
	head -c 5000 /dev/urandom >"$g"
	expect_exit 1 "a corrupt IPAex Gothic file" fonts_as "$f"
	said "a corrupt IPAex Gothic file" "ipaexg.ttf: (not a TrueType font file|damaged)"
	cp /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf "$g"
	expect_exit 0 "the same folder with a good IPAex Gothic" fonts_as "$f"
else
	skip "fonts over a bind mount (needs root and unshare -m)"
fi

# ---- the HTML edition goes by the same policy -------------------------------
mkdir "$WORK/h"
cp xml/kagoshima-city-plan2*.xml "$WORK/h/"
cp "$WORK/h/kagoshima-city-plan2.xml" "$WORK/h.orig"
expect_exit 1 "--format html with -o naming the plan is refused" \
	"$SHIRYO" build "$WORK/h/kagoshima-city-plan2.xml" --kind annual --year R7 --format html \
	-o "$WORK/h/kagoshima-city-plan2.xml"
check "the plan is unchanged after the refused HTML build" cmp -s "$WORK/h/kagoshima-city-plan2.xml" "$WORK/h.orig"
: >"$WORK/h/page.html"
chmod 640 "$WORK/h/page.html"
expect_exit 0 "--format html replaces an existing page" \
	"$SHIRYO" build "$WORK/h/kagoshima-city-plan2.xml" --kind annual --year R7 --format html -o "$WORK/h/page.html"
check "the replaced page keeps its mode" sh -c "[ \$(stat -c %a '$WORK/h/page.html') = 640 ] && grep -q '<html' '$WORK/h/page.html'"

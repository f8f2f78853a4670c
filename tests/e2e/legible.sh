# legible.sh - the legibility floor of the printed handouts (issue 17),
# read back from every demo document of both plans (tests/demo): no text
# under 8 pt, tagged text (body, tables, PDCA, notes) at least 10 pt, every
# trend chart titled with its indicator's number and name, no page ending
# with a heading, no A4 page under half full unless a chapter starts on the
# next one (the last page aside).  legible.py reads the PDFs (mutool trace,
# pdftotext -bbox); include/typesize.h has the sizes.
. tests/e2e/lib.inc

city=xml/kagoshima-city-plan2.xml
pref=xml/kagoshima-pref-manufacturing.xml
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# legible PLAN PDF [options]: the checks of legible.py, one TAP line each
legible() {
	out=$("$PY" tests/e2e/legible.py "$@" 2>&1) || { not_ok "legible.py $2: $out"; return; }
	[ -n "$out" ] || { not_ok "legible.py $2 printed nothing"; return; }
	echo "$out"
}

for p in $city $pref; do
	n=$(basename $p .xml)
	for k in council annual; do
		"$SHIRYO" build $p --kind $k --year R7 -o "$WORK/$n-$k.pdf" 2>"$WORK/$n-$k.err" >/dev/null
		check "$n $k is built" test -s "$WORK/$n-$k.pdf"
		# a cell wider than its column is a warning of the table layout
		check "$n $k: no table cell wider than its column" \
			sh -c "! grep -q 'wider than its column' '$WORK/$n-$k.err'"
		legible $p "$WORK/$n-$k.pdf" --a4 --all-charts
	done
	"$SHIRYO" build $p --kind summary --year R7 -o "$WORK/$n-summary.pdf" >/dev/null 2>&1
	legible $p "$WORK/$n-summary.pdf" --no-charts
done
for m in midyear yearend; do
	"$SHIRYO" build $city --kind project --meeting $m --year R7 \
		-o "$WORK/city-$m.pdf" 2>"$WORK/city-$m.err" >/dev/null
	check "city $m: no table cell wider than its column" \
		sh -c "! grep -q 'wider than its column' '$WORK/city-$m.err'"
	legible $city "$WORK/city-$m.pdf" --a4
done

# The checks can fail: a city chart read against the prefecture's
# indicators, and a PDF of 7 pt text whose middle page is a third full.
"$SHIRYO" build $city --kind council --year R7 -o "$WORK/c.pdf" >/dev/null 2>&1
"$PY" tests/e2e/legible.py $pref "$WORK/c.pdf" --a4 >"$WORK/wrong-plan" 2>&1
check "a city chart checked against the prefecture's indicators fails" \
	grep -q "^not ok - c.pdf: every trend chart titled" "$WORK/wrong-plan"
"$PY" - "$WORK/small.pdf" <<'PY'
import sys
# three A4 pages, one line of 7 pt text each: at the top of pages 1 and 3,
# a third of the way down page 2
objs = ["<< /Type /Catalog /Pages 2 0 R >>", None,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
kids = []
for y in (770, 560, 770):
    body = b"BT /F1 7 Tf 60 %d Td (small text) Tj ET" % y
    objs.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body.decode()))
    objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] "
                "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objs))
    kids.append("%d 0 R" % len(objs))
objs[1] = "<< /Type /Pages /Kids [%s] /Count 3 >>" % " ".join(kids)
out, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o.encode())
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
"$PY" tests/e2e/legible.py $city "$WORK/small.pdf" --a4 --no-charts >"$WORK/small" 2>&1
for what in "no text under 8 pt" "tagged text" "no page under half full"; do
	check "a PDF of 7 pt text, a page a third full: '$what' fails" \
		grep -q "^not ok - small.pdf: $what" "$WORK/small"
done

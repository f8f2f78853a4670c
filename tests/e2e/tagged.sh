# tagged.sh - tagged PDF (PDF/UA-1) end to end (issue 19): every document
# kind of both plans is tagged (poppler's pdfinfo says so), and
# tests/e2e/tagged.py walks each file with pikepdf: /Lang ja, /MarkInfo,
# DisplayDocTitle, pdfuaid in the XMP, every painting operator in tagged
# marked content or an artifact, every MCID reachable from the structure
# tree and back through the ParentTree, every Figure with /Alt, every TH
# with /Scope, headings never skipping a level.  In the city's annual
# report a table runs over pages as one Table, and `pdfinfo -struct-text`
# reads its cells once each in the plan's order (tagged_order.py).  Which
# PDF/UA-1 and Matterhorn checkpoints this covers is in tagged.py and in
# the closing note of issue 19.
. "$TOP/tests/e2e/lib.inc"

SOURCE_DATE_EPOCH=1743465600
export SOURCE_DATE_EPOCH
PY=/usr/bin/python3
CITY=kagoshima-city-plan2
PREF=kagoshima-pref-manufacturing

if ! $PY -c 'import pikepdf' 2>/dev/null; then
	not_ok "python3-pikepdf is installed (apt-get install python3-pikepdf)"
	exit 0
fi

# tagged NAME PDF [--table-over-pages]: pdfinfo now, the structure checks
# of every file in one run of tagged.py at the end.
FILES=
tagged() {
	if pdfinfo "$2" 2>/dev/null | grep -q '^Tagged: *yes'; then
		ok "$1: pdfinfo says Tagged: yes"
	else
		not_ok "$1: pdfinfo says Tagged: yes"
	fi
	FILES="$FILES $2 ${3:-}"
}

build() { # build OUT PLAN ARGS...
	out=$1 plan=$2
	shift 2
	expect_exit 0 "$(basename "$out") builds" \
		"$SHIRYO" build "xml/$plan.xml" --actuals "xml/$plan-actuals.xml" \
		--year R7 -o "$out" "$@"
}

for plan in $CITY $PREF; do
	build "$WORK/$plan-council.pdf" $plan --kind council
	tagged "$plan council" "$WORK/$plan-council.pdf"
	build "$WORK/$plan-summary.pdf" $plan --kind summary
	tagged "$plan summary" "$WORK/$plan-summary.pdf"
	build "$WORK/$plan-annual.pdf" $plan --kind annual
	if [ $plan = $CITY ]; then
		tagged "$plan annual" "$WORK/$plan-annual.pdf" --table-over-pages
	else
		tagged "$plan annual" "$WORK/$plan-annual.pdf"
	fi
done
for meeting in midyear yearend; do
	build "$WORK/$CITY-project-$meeting.pdf" $CITY --kind project --meeting $meeting
	tagged "$CITY project $meeting" "$WORK/$CITY-project-$meeting.pdf"
done
# the draft watermark is an artifact too
build "$WORK/$CITY-draft.pdf" $CITY --kind council --draft
tagged "$CITY council draft" "$WORK/$CITY-draft.pdf"

# shellcheck disable=SC2086 # the paths are $WORK's, without spaces
$PY "$TOP/tests/e2e/tagged.py" $FILES 2>&1

# reading order of the table that runs over pages, read from the same
# report without the archive grade: the structure tree is the same, but
# poppler 22.12 builds a colour transform from the PDF/A OutputIntent's
# ICC profile for every marked-content sequence it extracts
# (cmsReverseToneCurveEx, 90 % of the time): -struct-text took 62 s on
# the 34-page PDF/A report and 2.6 s without the OutputIntent, with the
# same text.  That the two trees are equal is checked here too.
build "$WORK/$CITY-annual-plain.pdf" $CITY --kind annual --no-pdfa
pdfinfo -struct-text "$WORK/$CITY-annual-plain.pdf" >"$WORK/struct.txt" 2>/dev/null
pdftotext -raw -enc UTF-8 "$WORK/$CITY-annual-plain.pdf" "$WORK/page.txt" 2>/dev/null
if $PY - "$WORK/$CITY-annual.pdf" "$WORK/$CITY-annual-plain.pdf" <<'PYEOF'
import sys, pikepdf
def tree(path):
    p = pikepdf.open(path)
    pages = {pg.objgen: i for i, pg in enumerate(p.pages)}
    out, todo = [], [(p.Root.StructTreeRoot, 0)]
    while todo:
        e, d = todo.pop()
        k = e.get("/K")
        kids = k if isinstance(k, pikepdf.Array) else [k] if k is not None else []
        out.append((d, str(e.get("/S")), str(e.get("/Alt", "")), str(e.get("/ActualText", "")),
                    pages.get(e.Pg.objgen) if "/Pg" in e else None,
                    [int(c) for c in kids if isinstance(c, int)]))
        for c in reversed(list(kids)):
            if isinstance(c, pikepdf.Dictionary) and "/S" in c:
                todo.append((c, d + 1))
    return out
a, b = tree(sys.argv[1]), tree(sys.argv[2])
sys.exit(0 if a == b and len(a) > 100 else 1)
PYEOF
then ok "the annual report's structure tree is the same with and without PDF/A"
else not_ok "the annual report's structure tree is the same with and without PDF/A"
fi
$PY "$TOP/tests/e2e/tagged_order.py" "xml/$CITY.xml" "$WORK/struct.txt" \
	"$WORK/page.txt"

# an untagged file fails the checker: it can tell
if $PY - "$WORK/plain.pdf" <<'EOF' 2>/dev/null
import sys, pikepdf
p = pikepdf.new()
p.add_blank_page()
p.pages[0].Contents = p.make_stream(b"0 0 m 10 10 l S BT ET")
p.save(sys.argv[1])
EOF
then
	n=$($PY "$TOP/tests/e2e/tagged.py" "$WORK/plain.pdf" | grep -c '^not ok')
	if [ "$n" -ge 3 ]; then ok "the checker fails an untagged file ($n checks)"; else
		not_ok "the checker fails an untagged file: only $n checks failed"; fi
else
	not_ok "a plain PDF for the checker's own test could be made"
fi

# ---- the HTML edition of the annual report ---------------------------------

for plan in $CITY $PREF; do
	h=$WORK/$plan-annual.html
	build "$h" $plan --kind annual --format html
	$PY "$TOP/tests/e2e/tagged_html.py" "xml/$plan.xml" "$h" | sed "s/^\(not \)\{0,1\}ok - /&$plan html: /"
	# the same figures as the PDF: one svg per Figure element
	pdf_figs=$($PY "$TOP/tests/e2e/struct_count.py" "$WORK/$plan-annual.pdf" Figure)
	svgs=$(grep -o '<svg ' "$h" | wc -l)
	if [ "$svgs" -gt 0 ] && [ "$svgs" -eq "$pdf_figs" ]; then
		ok "$plan html: one chart per Figure of the PDF ($svgs)"
	else
		not_ok "$plan html: one chart per Figure of the PDF: $svgs svg, $pdf_figs Figures"
	fi
done
expect_exit 2 "an unknown --format is refused" \
	"$SHIRYO" build "xml/$CITY.xml" --kind annual --year R7 --format docx \
	-o "$WORK/x.docx"
check "... and writes nothing" test ! -e "$WORK/x.docx"

# handout.sh - handouts a secretary can print as they are (issue 17): no
# tool name or announcement of what is missing, the reviewer's recomputation
# only with --review, sample data still labelled as such on the page.
. tests/e2e/lib.inc

city=xml/kagoshima-city-plan2.xml
pref=xml/kagoshima-pref-manufacturing.xml
flat() { pdftotext -raw "$1" - | tr -d ' \n'; }

# every demo document, as tests/demo writes them
for p in $city $pref; do
	n=$(basename $p .xml)
	"$SHIRYO" build $p --kind council --year R7 -o "$WORK/$n-council.pdf" >/dev/null 2>&1
	"$SHIRYO" build $p --kind annual --year R7 -o "$WORK/$n-annual.pdf" >/dev/null 2>&1
done
for m in midyear yearend; do
	"$SHIRYO" build $city --kind project --meeting $m --year R7 \
		-o "$WORK/city-$m.pdf" >/dev/null 2>&1
done
demo=$(ls "$WORK"/*.pdf)
check "the six demo documents are built" test "$(echo "$demo" | wc -l)" -eq 6
for f in $demo; do
	b=$(basename "$f" .pdf)
	flat "$f" >"$WORK/$b.txt"
	for w in shiryo 記載なし 登録されていません 別表; do
		check "$b does not print $w" sh -c "! grep -qi '$w' '$WORK/$b.txt'"
	done
	check "$b still labels its sample data 例示" contains "$WORK/$b.txt" 例示
done

# the previous policy's results as published; the recomputation is the
# reviewer's annex (--review), not the prefecture's handout
pc=$WORK/kagoshima-pref-manufacturing-council.txt
check "pref council shows the published 達成度" contains "$pc" "達成度（公表）"
check "pref council has no 再計算 column by default" sh -c "! grep -q '再計算' '$pc'"
"$SHIRYO" build $pref --kind council --year R7 --review -o "$WORK/pref-review.pdf" >/dev/null 2>&1
flat "$WORK/pref-review.pdf" >"$WORK/pref-review.txt"
check "pref council --review adds the 再計算 column" contains "$WORK/pref-review.txt" "再計算"
check "pref council --review names no tool either" sh -c "! grep -qi shiryo '$WORK/pref-review.txt'"

# The year (doc_results_year): the R7 council meets in R7 and reviews R6;
# the annual report of R7 covers R7 and is dated after R7 ends.
cc=$WORK/kagoshima-city-plan2-council.txt
check "city council R7: the table header says 実績（R6）" contains "$cc" "実績（R6）"
check "city council R7: no column of R7 results" sh -c "! grep -q '実績（R7）' '$cc'"
check "city council R7: the caption says 令和6年度実績" contains "$cc" "（令和6年度実績）"
check "pref council R7: the table header says 実績（R6）" contains "$pc" "実績（R6）"
check "city annual R7: 実績（R7）" contains "$WORK/kagoshima-city-plan2-annual.txt" "実績（R7）"
check "city annual R7 is dated after R7 ends (令和8年4月以降)" sh -c \
	"grep -qE '令和8年([4-9]|1[0-2])月' '$WORK/kagoshima-city-plan2-annual.txt'"
check "the R7 working meetings show R6 results" sh -c \
	"grep -q '実績（R6）' '$WORK/city-midyear.txt' && grep -q '実績（R6）' '$WORK/city-yearend.txt'"

# A negative figure prints with △ (public documents' style), never "-".
W=tests/fixtures/grading/welfare-plan.xml
"$SHIRYO" build $W --kind council --year R8 -o "$WORK/welfare.pdf" >/dev/null 2>&1
flat "$WORK/welfare.pdf" >"$WORK/welfare.txt"
check "a negative figure prints with △ (△117)" contains "$WORK/welfare.txt" "△117"
check "and not with an ASCII hyphen (-117)" sh -c "! grep -q -- '-117' '$WORK/welfare.txt'"

# check warns where a PDCA record is dated before what it reports: a
# mid-year record before the first half ends.
mkdir -p "$WORK/early"
cp xml/kagoshima-city-plan2*.xml "$WORK/early/"
sed -i 's/date="2025-10-09"/date="2025-09-12"/' "$WORK/early/kagoshima-city-plan2-pdca-R7-midyear.xml"
expect_exit 0 "check of an early mid-year record" "$SHIRYO" check \
	"$WORK/early/kagoshima-city-plan2-pdca-R7-midyear.xml"
check "it warns that the first half has not ended" contains "$WORK/out" \
	"midyear.xml:8:63: warning: mid-year meeting date 2025-09-12 is before the first half of R7 ends"
expect_exit 0 "check of the shipped mid-year record" "$SHIRYO" check \
	xml/kagoshima-city-plan2-pdca-R7-midyear.xml
check "the shipped records are dated after what they report (0 warnings)" contains \
	"$WORK/out" "(0 warnings)"

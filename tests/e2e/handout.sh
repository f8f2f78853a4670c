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

# typo.sh - one character style for figures (issue 17, include/typo.h): every
# demo document of both plans, PDF and HTML, prints its figures and symbols
# in the plan's typographic profile (by default the public-document style:
# ％, △ for negatives, ― for no data, ～, half-width digits), and a plan's
# <typography> changes all of them at once.
. tests/e2e/lib.inc

city=xml/kagoshima-city-plan2.xml
pref=xml/kagoshima-pref-manufacturing.xml

# every demo document, as tests/demo writes them (pdftotext -layout keeps
# cells apart, so a lone mark stays a lone word)
for p in $city $pref; do
	n=$(basename $p .xml)
	for k in council annual summary; do
		"$SHIRYO" build $p --kind $k --year R7 -o "$WORK/$n-$k.pdf" >/dev/null 2>&1
	done
	"$SHIRYO" build $p --kind council --year R7 --format html \
		-o "$WORK/$n-council.html" >/dev/null 2>&1
done
for m in midyear yearend; do
	"$SHIRYO" build $city --kind project --meeting $m --year R7 \
		-o "$WORK/kagoshima-city-plan2-$m.pdf" >/dev/null 2>&1
done
demo=$(ls "$WORK"/*.pdf)
check "the eight demo documents are built" test "$(echo "$demo" | wc -l)" -eq 8
for f in $demo; do
	pdftotext -layout "$f" "${f%.pdf}.txt"
done
# the HTML edition's text: the markup, its style sheet and attributes left out
html_text() {
	python3 -c 'import html, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"(?s)<style.*?</style>", " ", s)
s = re.sub(r"(?s)<[^>]*>", " ", s)
print(html.unescape(s))' "$1"
}
for f in "$WORK"/*.html; do
	html_text "$f" >"${f%.html}.html.txt"
	check "$(basename "$f"): the HTML edition has text" test -s "${f%.html}.html.txt"
done

for t in "$WORK"/*.txt; do
	b=$(basename "$t" .txt)
	# -12.5 or -1,577 with an ASCII hyphen; the folios "-3-" are page
	# numbers, and a hyphen after a digit or letter is a range (H28-R2)
	check "$b: no negative figure with an ASCII hyphen" sh -c \
		"! grep -nE '(^|[^-0-9A-Za-z.])-[0-9][0-9,]*(\\.[0-9]+)?([^-0-9]|\$)' '$t'"
	check "$b: no 〜 (wave dash) beside ～" sh -c "! grep -n '〜' '$t'"
	check "$b: no half-width % (the profile's is ％)" sh -c "! grep -n '%' '$t'"
	# － alone, as a cell or a mark in a legend or a note (「－」), is the
	# no-data mark of the source; the profile prints ―.  Between words
	# (（実績－基準値）) it is a formula's minus.
	check "$b: no － for no data" sh -c \
		"! grep -nE '(^|[[:space:]「（(])－([[:space:]」）)]|\$)' '$t'"
	# (perl: a range of full-width digits whatever the locale)
	check "$b: no full-width digit outside names (Ｒ２, ５Ｇ) and the 資料 box" \
		perl -Mutf8 -CSD -ne 'next if /資料[０-９]/;
			if (/(?<![Ａ-Ｚ])[０-９](?![Ａ-Ｚ])/) { print "#   $_"; $bad = 1 }
			END { exit($bad ? 1 : 0) }' "$t"
done

cc=$WORK/kagoshima-city-plan2-council.txt
ca=$WORK/kagoshima-city-plan2-annual.txt
pc=$WORK/kagoshima-pref-manufacturing-council.txt
# -raw keeps a cell's lines together where -layout interleaves columns
flat() { pdftotext -raw "$1" - | tr -d ' \n'; }
flat "${cc%.txt}.pdf" >"$WORK/cc.flat"
flat "${pc%.txt}.pdf" >"$WORK/pc.flat"
check "city annual: a negative 進捗率 prints with △ (R4 △44.6％)" \
	grep -qE 'R4 .*△44\.6％' "$ca"
check "city council: the bars' axis and values in ％ (150％)" contains "$cc" "150％"
check "city council: the grading note says ― for no data" contains "$WORK/cc.flat" "実績が未確定の指標は「―」"
check "city council: the legend's no-data mark is ―" grep -qE '― +実績未確定' "$cc"
check "city council: ranges with ～ (R4～R13累計)" contains "$WORK/cc.flat" "（R4～R13累計）"
check "city council: the sample note's range with ～ (R4～R7)" contains "$WORK/cc.flat" "実績値（R4～R7）"
check "city council: pillar subtitles closed (～…～)" contains "$WORK/cc.flat" \
	"～かごしま経済の活力を高める事業の高付加価値化と新産業の創出～"
check "city council: one digit width in names (1事業所 and 1事業者, 4人)" sh -c \
	"grep -qF '1事業所当たりの製造品出荷額等（従業者4人以上）' '$WORK/cc.flat' &&
	 grep -qF '1事業者当たりの食品製造業における粗付加価値額（従業者4人以上）' '$WORK/cc.flat'"
check "pref council: 兆 before 億 without leading zeros (2兆600億円)" sh -c \
	"grep -qF '2兆600億円' '$WORK/pc.flat' && ! grep -qF '兆0' '$WORK/pc.flat'"
# one name for the ratio on every page of a plan: the city's rule is
# progress (進捗率), the prefecture's achievement (達成度)
for f in "$WORK"/kagoshima-city-plan2-*.txt; do
	check "$(basename "$f"): the ratio is 進捗率 throughout" sh -c \
		"! grep -nE '達成率|達成度' '$f'"
done
for f in "$WORK"/kagoshima-pref-manufacturing-*.txt; do
	check "$(basename "$f"): the ratio is 達成度 throughout" sh -c \
		"! grep -nE '達成率|進捗率' '$f'"
done

# a plan's own profile changes every figure at once: the welfare fixture
# has a negative figure (△117 by default)
W=tests/fixtures/grading/welfare-plan.xml
"$SHIRYO" build $W --kind council --year R8 -o "$WORK/w.pdf" >/dev/null 2>&1
pdftotext -layout "$WORK/w.pdf" "$WORK/w.txt"
check "welfare (default profile): △117" contains "$WORK/w.txt" "△117"
mkdir "$WORK/own"
cp tests/fixtures/grading/welfare-*.xml "$WORK/own/"
sed -i 's|</words>|</words>\n  <typography percent="%" negative="▲" no-data="－" digits="mixed"/>|' \
	"$WORK/own/welfare-plan.xml"
expect_exit 0 "a plan with <typography> is valid" "$SHIRYO" check "$WORK/own/welfare-plan.xml"
"$SHIRYO" build "$WORK/own/welfare-plan.xml" --kind council --year R8 -o "$WORK/w2.pdf" >/dev/null 2>&1
pdftotext -layout "$WORK/w2.pdf" "$WORK/w2.txt"
check "welfare with negative=\"▲\": ▲117, no △117" sh -c \
	"grep -q '▲117' '$WORK/w2.txt' && ! grep -q '△117' '$WORK/w2.txt'"
check "welfare with percent=\"%\": % in tables and charts, no ％" sh -c \
	"grep -q '[0-9]%' '$WORK/w2.txt' && ! grep -q '％' '$WORK/w2.txt'"
check "welfare with no-data=\"－\": the no-data mark is －" sh -c \
	"grep -q '－' '$WORK/w2.txt' && ! grep -qE '(^|[[:space:]「])―([[:space:]」]|\$)' '$WORK/w2.txt'"
sed -i 's|<typography [^>]*>|<typography percent="per-mille"/>|' "$WORK/own/welfare-plan.xml"
expect_exit 1 "a profile the schema does not know is refused" "$SHIRYO" check "$WORK/own/welfare-plan.xml"

# any-plan.sh - any municipality's plan (issue 16): its own words on every
# page, its own grading rule or none.
#
# A welfare plan (levels 基本目標 / 施策, no partner marks, a ±3-point band
# rule) must render every document kind with none of the Kagoshima plans'
# wording; the same plan without <grading> must render with no mark, no
# legend, no grade column and no note about a rule, and `check` must say
# that it assumed none.
. tests/e2e/lib.inc

W=tests/fixtures/grading/welfare-plan.xml
export SOURCE_DATE_EPOCH=1700000000

# Words of the Kagoshima plans (levels, partners, grades, scenarios,
# meetings): none may appear on a page of another plan.
KAGOSHIMA='施策の柱|取組方針|取組内容|連携・協働先|関係機関|民間|大学等|商工業|経済団体|金融機関|鹿児島|かごしま|基本シナリオ|展開シナリオ|取組課題|重点プロジェクト|熱度|計画どおり以上|おおむね順調|やや遅れ|主要指標|中小企業|推進会議|稼ぐ'

text_of() { pdftotext "$1" - 2>/dev/null | tr -d ' \n'; }

expect_exit 0 "check accepts the welfare plan" "$SHIRYO" check "$W"
check "check reports no error for it" sh -c "! grep -q ': error:' '$WORK/out'"

for kind in council annual; do
	out="$WORK/welfare-$kind.pdf"
	# the council of R8 reviews R7 (doc_results_year), the report of R7 covers R7
	y=R7; [ $kind = council ] && y=R8
	expect_exit 0 "welfare plan: $kind builds" "$SHIRYO" build "$W" --kind "$kind" \
		--year $y -o "$out"
	text_of "$out" >"$WORK/welfare-$kind.txt"
	if grep -qE "$KAGOSHIMA" "$WORK/welfare-$kind.txt"; then
		not_ok "welfare plan: $kind carries no Kagoshima wording"
		grep -oE "$KAGOSHIMA" "$WORK/welfare-$kind.txt" | sort | uniq -c | sed 's/^/#   /'
	else
		ok "welfare plan: $kind carries no Kagoshima wording"
	fi
	check "welfare plan: $kind names its levels (基本目標)" contains "$WORK/welfare-$kind.txt" \
		"基本目標1"
	check "welfare plan: $kind states its own rule (3ポイント)" contains \
		"$WORK/welfare-$kind.txt" "基準値との差が3ポイント未満"
	check "welfare plan: $kind prints a negative as written (△117)" contains \
		"$WORK/welfare-$kind.txt" "△117"
	check "welfare plan: $kind labels the forecast (見込)" contains \
		"$WORK/welfare-$kind.txt" "見込46.0％"
	check "welfare plan: $kind says when the milestone was done" contains \
		"$WORK/welfare-$kind.txt" "済（R6）"
	check "welfare plan: $kind gives a survey's latest value with its year" \
		sh -c "grep -q '56.1％' '$WORK/welfare-$kind.txt' && grep -q '（R5調査）' '$WORK/welfare-$kind.txt'"
	check "welfare plan: $kind labels calendar-year statistics" contains \
		"$WORK/welfare-$kind.txt" "（暦年）"
done
# the kind that needs priority projects is refused, with no PDF written
expect_exit 1 "welfare plan: the project handout is refused (no projects)" \
	"$SHIRYO" build "$W" --kind project --year R7 -o "$WORK/welfare-project.pdf"
check "no project PDF is left behind" test ! -e "$WORK/welfare-project.pdf"

# The same plan without a rule: no marks of any kind.
mkdir -p "$WORK/norule"
cp tests/fixtures/grading/welfare-actuals.xml "$WORK/norule/"
sed '/<grading/,/<\/grading>/d' "$W" >"$WORK/norule/welfare-plan.xml"
expect_exit 0 "check accepts the plan without a rule" "$SHIRYO" check \
	"$WORK/norule/welfare-plan.xml"
check "check notes that no marks will be printed" contains "$WORK/out" \
	"note: the plan states no grading rule (<grading>): no marks"
for kind in council annual; do
	out="$WORK/norule-$kind.pdf"
	y=R7; [ $kind = council ] && y=R8
	expect_exit 0 "no rule: $kind builds" "$SHIRYO" build "$WORK/norule/welfare-plan.xml" \
		--kind "$kind" --year $y -o "$out"
	text_of "$out" >"$WORK/norule-$kind.txt"
	check "no rule: $kind has no grade column, legend or note (評価)" \
		sh -c "! grep -q '評価' '$WORK/norule-$kind.txt'"
	check "no rule: $kind has no ratio (進捗率/達成度/達成率)" \
		sh -c "! grep -qE '進捗率|達成度|達成率' '$WORK/norule-$kind.txt'"
	check "no rule: $kind has none of the rule's marks (改善/横ばい/悪化)" \
		sh -c "! grep -qE '改善|横ばい|悪化' '$WORK/norule-$kind.txt'"
	check "no rule: $kind still shows the values (△117)" contains \
		"$WORK/norule-$kind.txt" "△117"
done

# The Kagoshima city plan keeps its words, now stated in its file.
out="$WORK/city.pdf"
expect_exit 0 "city plan: council builds" "$SHIRYO" build xml/kagoshima-city-plan2.xml \
	--kind council --year R7 -o "$out"
text_of "$out" >"$WORK/city.txt"
check "city plan: its level word (施策の柱)" contains "$WORK/city.txt" "施策の柱①"
check "city plan: the cover states how cumulative targets are graded" contains \
	"$WORK/city.txt" "累計の目標は、実績の累計÷当該年度までの目安"
check "city plan: ... and maintain targets" contains "$WORK/city.txt" "維持の目標は"
out="$WORK/city-annual.pdf"
expect_exit 0 "city plan: annual builds" "$SHIRYO" build xml/kagoshima-city-plan2.xml \
	--kind annual --year R7 -o "$out"
text_of "$out" >"$WORK/city-annual.txt"
check "city plan: its partner legend, from the plan" contains "$WORK/city-annual.txt" \
	"関係機関：国、県、独立行政法人、商工業関連支援機関等"

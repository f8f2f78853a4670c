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

# The council shares the working meeting's results (the plan's agenda:
# 「熱度マネジメント会議」の協議結果に関する情報共有): the records of the
# meetings held since the last council - R6 year-end (2025-02-13) and R7
# mid-year (2025-10-09) - not R7 year-end (2026-02-12, after the council).
check "city council R7 has the working meeting's section, in the plan's name" contains "$cc" \
	"熱度マネジメント会議の協議結果"
check "it has the R6 year-end meeting" contains "$cc" "令和6年度第2回熱度マネジメント会議（年度末）（令和7年2月13日）"
check "it has the R7 mid-year meeting" contains "$cc" "令和7年度第1回熱度マネジメント会議（中間期）（令和7年10月9日）"
check "with the mid-year records (Check of pj-1)" contains "$cc" "連携会議から共同での商品開発の動きが生まれた。"
check "not the year-end meeting held after the council" sh -c \
	"! grep -q '大学と企業の人材交流を強めるべきとの意見が多かった' '$cc'"
check "nor the R6 mid-year one the R6 council had" sh -c \
	"! grep -q '協業から商品パッケージの改良などの成果が出始めた' '$cc'"
check "pref council (no working-meeting records) has no such section" sh -c "! grep -q '協議結果' '$pc'"
# the name is the plan's, never the city's hard-coded
mkdir -p "$WORK/renamed"
for f in xml/kagoshima-city-plan2*.xml; do
	sed 's/熱度マネジメント会議/実務者会議/g' "$f" >"$WORK/renamed/$(basename "$f")"
done
"$SHIRYO" build "$WORK/renamed/kagoshima-city-plan2.xml" --kind council --year R7 \
	-o "$WORK/renamed.pdf" >/dev/null 2>&1
flat "$WORK/renamed.pdf" >"$WORK/renamed.txt"
check "a plan naming its working meeting 実務者会議 gets 実務者会議の協議結果" contains \
	"$WORK/renamed.txt" "実務者会議の協議結果"
check "and no 熱度 anywhere" sh -c "! grep -q '熱度' '$WORK/renamed.txt'"

# The working meetings of R7 show R6's results and, beside them, R7's first
# half (mid-year) or its estimate (year-end), labelled, never graded; the
# demo values are illustrative and the page says so.
mt=$WORK/city-midyear.txt yt=$WORK/city-yearend.txt
check "midyear R7: a column 上半期実績（R7）" contains "$mt" "上半期実績（R7）"
check "midyear R7: its values (kpi-p1-1: 110事業者 beside R6's 102)" contains "$mt" "102事業者220事業者（R13）115.1％A110事業者"
check "midyear R7: the note says as of when, and not graded" contains "$mt" \
	"※上半期実績（R7）は9月30日現在の値です（年度の実績ではないため、評価には用いていません）。"
check "midyear R7: they are labelled illustrative" contains "$mt" "※実績値・上半期実績は例示値です"
check "midyear R7: the caption says so (令和6年度実績・令和7年度上半期実績)" contains "$mt" \
	"特に着目する主要指標（令和6年度実績・令和7年度上半期実績）"
check "midyear R7: no 見込 column" sh -c "! grep -q '見込（R7）' '$mt'"
check "yearend R7: a column 見込（R7）" contains "$yt" "見込（R7）"
check "yearend R7: its values (kpi-p1-1: 121事業者)" contains "$yt" "102事業者220事業者（R13）115.1％A121事業者"
check "yearend R7: the note says it is the estimate, not graded" contains "$yt" \
	"※見込（R7）は令和7年度末の見込みです（実績ではないため、評価には用いていません）。"
check "yearend R7: labelled illustrative" contains "$yt" "※実績値・見込は例示値です"
check "yearend R7: the caption says so (令和6年度実績・令和7年度末見込)" contains "$yt" \
	"特に着目する主要指標（令和6年度実績・令和7年度末見込）"
check "yearend R7: no 上半期 column" sh -c "! grep -q '上半期実績（R7）' '$yt'"
check "the council (R6 results) shows neither column" sh -c "! grep -qE '上半期実績（R7）|見込（R7）' '$cc'"
check "the annual report of R7 shows R7's final value, not the estimate" sh -c \
	"grep -q '123事業者' '$WORK/kagoshima-city-plan2-annual.txt' && ! grep -q '見込121' '$WORK/kagoshima-city-plan2-annual.txt'"

# The latest value (issue 17): where the year reported has no value yet,
# the table shows the latest one with its year, graded as of that year, and
# says so.  The prefecture's final-year report: ア and エ have no R7 value.
pa=$WORK/kagoshima-pref-manufacturing-annual.txt
check "pref annual R7: ア shows its R6 value with its year" contains "$pa" "1,108万円（R6）"
check "pref annual R7: エ shows its R6 value with its year" contains "$pa" "2,304億円（R6）"
check "pref annual R7: graded as of R6 (ア ○ 99.6％ of R6's 目安)" contains "$pa" "1,108万円（R6）1,135万円（R7）99.6％○"
check "pref annual R7: the note says why" contains "$pa" \
	"※実績欄に（R6）などと年度を付した主要指標は、R7の実績が未確定のため"
# a fixture: the city's R6 value of kpi-p1-1 not yet known - the R7
# council (reviewing R6) shows R5's 81 with its year
mkdir -p "$WORK/late"
cp xml/kagoshima-city-plan2*.xml "$WORK/late/"
sed -i 's|<value ref="kpi-p1-1" year="R6">102</value>|<value ref="kpi-p1-1" year="R6"/>|' \
	"$WORK/late/kagoshima-city-plan2-actuals.xml"
"$SHIRYO" build "$WORK/late/kagoshima-city-plan2.xml" --kind council --year R7 \
	-o "$WORK/late.pdf" >/dev/null 2>&1
flat "$WORK/late.pdf" >"$WORK/late.txt"
check "a year without a value shows the year before's with its year (81事業者（R5）)" \
	contains "$WORK/late.txt" "81事業者（R5）"
check "and says so under the table" contains "$WORK/late.txt" "R6の実績が未確定のため"
check "the shipped data has no such row (no note)" sh -c "! grep -q 'R6の実績が未確定のため' '$cc'"

# The one-sheet summary lies beside the council's handout: the same year,
# said on the sheet.
"$SHIRYO" build $city --kind summary --year R7 -o "$WORK/summary.pdf" >/dev/null 2>&1
flat "$WORK/summary.pdf" >"$WORK/summary.txt"
check "city summary R7 says 令和6年度実績 in its title, as the council" contains "$WORK/summary.txt" \
	"主要指標一覧（令和6年度実績）"
check "city summary R7: its column is 実績（R6）" contains "$WORK/summary.txt" "実績（R6）"
check "city summary R7: no R7 column (本年度（R7）)" sh -c "! grep -q '（R7）' '$WORK/summary.txt'"
check "city summary R7: the council's date (令和7年11月21日)" contains "$WORK/summary.txt" "令和7年11月21日"
check "city summary R7: the legend's groups are headed, not parted by ／ (the mark of 評価不能)" \
	sh -c "grep -q '【評価】' '$WORK/summary.txt' && ! grep -q '評価不能／' '$WORK/summary.txt'"
# a compound indicator (ウ, オ) has one mark a year, over its parts' rows:
# 6 indicators, so 6 marks in each of the two 評価 columns, 12 in all
"$SHIRYO" build xml/kagoshima-pref-manufacturing.xml --kind summary --year R7 \
	-o "$WORK/pref-summary.pdf" >/dev/null 2>&1
# (read from the tagged table: cells spanning two rows)
n=$(/usr/bin/python3 "$TOP/tests/e2e/struct_count.py" "$WORK/pref-summary.pdf" TD RowSpan 2)
check "pref summary R7: ウ's and オ's marks each one cell over their two rows ($n of 4)" test "$n" = 4

# The date (doc.c): never before what the document reports has ended,
# never after the year of the meeting, and not a file's time.  The cover's
# 令和Y年M月D日 as YYYYMMDD:
cover_date() {
	pdftotext -l 1 "$1" - | tr -d ' ' | sed -n 's/.*令和\([0-9元]*\)年\([0-9]*\)月\([0-9]*\)日.*/\1 \2 \3/p' |
		head -1 | sed 's/元/1/' | awk '{ printf "%04d%02d%02d\n", $1 + 2018, $2, $3 }'
}
# FILE WHAT FROM TO: the cover date within [FROM, TO]
dated_within() {
	d=$(cover_date "$1")
	check "$2 is dated $3..$4 (cover: ${d:-none})" sh -c "[ -n '$d' ] && [ '$d' -ge $3 ] && [ '$d' -le $4 ]"
}
for p in kagoshima-city-plan2 kagoshima-pref-manufacturing; do
	# the council of R7 reviews R6 (ended 2025-03-31) and meets in R7
	dated_within "$WORK/$p-council.pdf" "$p council R7" 20250401 20260331
	# the report of R7 is issued after R7 ends
	dated_within "$WORK/$p-annual.pdf" "$p annual R7" 20260401 99991231
	"$SHIRYO" build xml/$p.xml --kind summary --year R7 -o "$WORK/$p-summary.pdf" >/dev/null 2>&1
	dated_within "$WORK/$p-summary.pdf" "$p summary R7" 20250401 20260331
done
dated_within "$WORK/city-midyear.pdf" "city midyear R7 (after the first half)" 20251001 20260331
dated_within "$WORK/city-yearend.pdf" "city yearend R7" 20251001 20260331
# a build date given after the meeting's year does not move the council out of it
SOURCE_DATE_EPOCH=1796601600 "$SHIRYO" build $pref --kind council --year R7 \
	-o "$WORK/pref-late.pdf" >/dev/null 2>&1 # 2026-12-07
dated_within "$WORK/pref-late.pdf" "pref council R7 built on 2026-12-07" 20250401 20260331
# the file's time plays no part: the same inputs touched later, the same bytes
mkdir -p "$WORK/touch"
cp $pref xml/kagoshima-pref-manufacturing-actuals.xml "$WORK/touch/"
"$SHIRYO" build "$WORK/touch/kagoshima-pref-manufacturing.xml" --kind council --year R7 \
	-o "$WORK/touch-1.pdf" >/dev/null 2>&1
touch -d 2026-12-07 "$WORK/touch/"*.xml
"$SHIRYO" build "$WORK/touch/kagoshima-pref-manufacturing.xml" --kind council --year R7 \
	-o "$WORK/touch-2.pdf" >/dev/null 2>&1
check "a plan touched later gives the same bytes (no mtime)" cmp -s "$WORK/touch-1.pdf" "$WORK/touch-2.pdf"

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

# The grading legend (評価基準, fig_describe()'s words: "…で評価する") is
# not on the cover but on the page of the first table that shows marks,
# above that table's header (実績（R…）).
legend_wrong() {
	pdftotext -raw -f 1 -l 1 "$1" - | tr -d ' \n' | grep -q '評価する' && { echo cover; return; }
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	for p in $(seq 2 "$n"); do
		pdftotext -raw -f "$p" -l "$p" "$1" - | tr -d ' \n' >"$WORK/lp.flat"
		grep -q '実績（R' "$WORK/lp.flat" || continue
		# the legend's first sentence ends before the header starts
		awk '{ l = index($0, "評価する"); h = index($0, "実績（R");
		       exit !(l > 0 && l < h) }' "$WORK/lp.flat" || echo "p$p"
		return
	done
	echo "no table"
}
for f in kagoshima-city-plan2-council kagoshima-pref-manufacturing-council city-midyear city-yearend; do
	wrong=$(legend_wrong "$WORK/$f.pdf")
	check "$f: the grading legend above its first table, not on the cover (${wrong:-ok})" test -z "$wrong"
done

# every page after the cover names its section in the running head, a long
# one cut with 「…」 (the prefecture's pillar pages named none)
for f in kagoshima-city-plan2-council kagoshima-pref-manufacturing-council; do
	n=$(pdfinfo "$WORK/$f.pdf" | awk '/^Pages:/ { print $2 }')
	bare=
	for p in $(seq 2 "$n"); do
		pdftotext -layout -f "$p" -l "$p" "$WORK/$f.pdf" - | head -1 |
			awk '{ exit !(NF >= 2) }' || bare="$bare p$p"
	done
	check "$f: every page's running head names its section (${bare:-all})" test -z "$bare"
done

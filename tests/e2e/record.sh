# record.sh - the evaluation record (issue 18): 所管課, 前年度比, analysis and
# direction, programmes, the committee follow-up and the 総括 in the council
# handout and the annual report; check's warnings; located errors.
. tests/e2e/lib.inc

city=xml/kagoshima-city-plan2.xml
flat() { pdftotext -raw "$1" - | tr -d ' \n'; }

"$SHIRYO" build $city --kind council --year R7 -o "$WORK/c7.pdf" >/dev/null 2>&1
flat "$WORK/c7.pdf" >"$WORK/c7.txt"
for w in 所管課と前年度比 前年度比 産業創出課 企業立地推進課 要因分析 課題 今後の方向性 \
	'【拡充】' 主な事業と活動指標 予算額 決算額 前回の委員意見と対応状況 対応状況 総括 \
	主な成果 主な課題 例示です; do
	check "council R7 shows $w" contains "$WORK/c7.txt" "$w"
done
check "council R7 shows the arrows ↑ and ↓" sh -c "grep -q '↑' '$WORK/c7.txt' && grep -q '↓' '$WORK/c7.txt'"
# every indicator graded in the plan's lowest two marks (C, D) has its
# analysis: the R7 record names them, and the page shows 評価 C / D beside them
for ind in 企業立地件数 中心市街地の店舗のうち営業している店舗の割合 本市の移住支援金支給件数; do
	check "council R7 analyses $ind" sh -c \
		"grep -q '$ind（評価[CD]・' '$WORK/c7.txt'"
done
check "council R7 follow-up shows an R6 opinion and its response" sh -c \
	"grep -q '共同出展の形を検討してほしい' '$WORK/c7.txt' && grep -q '共同出展ブースを設け' '$WORK/c7.txt'"
# the R7 council reviews R6 (doc_results_year): the 総括 counts R5 → R6
check "the 総括 counts marks last year → this year" sh -c \
	"grep -q '評価ごとの指標数（R5→R6）' '$WORK/c7.txt' && grep -q '8→7' '$WORK/c7.txt'"
check "the 総括 total says it holds the indicators outside the pillars" sh -c \
	"grep -q '全体（柱外の指標を含む）8→7' '$WORK/c7.txt'"

# the annual report of every year holds its record
for y in R4 R5 R6 R7; do
	"$SHIRYO" build $city --kind annual --year $y -o "$WORK/a.pdf" >/dev/null 2>&1
	flat "$WORK/a.pdf" >"$WORK/a.txt"
	miss=""
	for w in 総括 施策評価の記録 所管課と前年度比 要因分析と今後の方向性 主な事業と活動指標 委員意見; do
		contains "$WORK/a.txt" "$w" || miss="$miss $w"
	done
	check "annual $y holds the record (missing:${miss:- none})" test -z "$miss"
done
"$SHIRYO" build $city --kind annual --year R5 -o "$WORK/a5.pdf" >/dev/null 2>&1
check "annual R5 follows up the R4 opinions" sh -c \
	"pdftotext -raw '$WORK/a5.pdf' - | tr -d ' \n' | grep -q '前回の委員意見と対応状況'"
# the working meeting names the departments of its focus indicators
"$SHIRYO" build $city --kind project --meeting yearend --year R7 -o "$WORK/p.pdf" >/dev/null 2>&1
check "the working meeting names 所管課" sh -c "pdftotext '$WORK/p.pdf' - | grep -q '所管課（例示）'"
# a plan without records gets none of it
"$SHIRYO" build xml/kagoshima-pref-manufacturing.xml --kind council --year R7 -o "$WORK/pref.pdf" >/dev/null 2>&1
check "the prefecture's handout has no record parts" sh -c \
	"! pdftotext '$WORK/pref.pdf' - | grep -q '所管課\|総括\|例示です（実際の評価'"

# check: the shipped records are complete; gaps are warned at their place
expect_exit 0 "check accepts the city plan with its records" "$SHIRYO" check $city
check "and has nothing to say about them" sh -c "! grep -q ': warning:' '$WORK/out'"
mkdir -p "$WORK/gap"
cp xml/kagoshima-city-plan2*.xml "$WORK/gap/"
g="$WORK/gap/kagoshima-city-plan2-pdca-R7-council.xml"
# 企業立地件数 (C in R7) loses its direction; an activity loses its target;
# an R6 opinion loses its response
python3 - "$g" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r'(<assessment ref="kpi-p1-5"[^>]*>.*?)<direction[^>]*>.*?</direction>', r'\1', s, count=1, flags=re.S)
s = s.replace('name="企業訪問件数" unit="件" target="120"', 'name="企業訪問件数" unit="件"', 1)
s = re.sub(r'\s*<response to="op-R6-2"[^>]*>.*?</response>', '', s, count=1, flags=re.S)
open(p, 'w').write(s)
PY
expect_exit 0 "check accepts records with gaps" "$SHIRYO" check "$WORK/gap/kagoshima-city-plan2.xml"
check "it warns of the graded-low indicator without direction, at the assessment" grep -qE \
	"kagoshima-city-plan2-pdca-R7-council.xml:[0-9]+:5: warning: indicator 'kpi-p1-5' is graded C in R7 .* no 今後の方向性" "$WORK/out"
check "it warns of the activity indicator without target" grep -qE \
	"R7-council.xml:[0-9]+:7: warning: activity indicator '企業訪問件数' of programme 'pg-siting' has no target" "$WORK/out"
check "it warns of last year's opinion without response, at the opinion" grep -qE \
	"R6-council.xml:[0-9]+:5: warning: opinion 'op-R6-2' of the R6 council has no response in the R7 record" "$WORK/out"
check "the R7 council's programmes are R6's, with their settlement" sh -c \
	"'$SHIRYO' build $city --kind council --year R7 -o '$WORK/prog.pdf' >/dev/null 2>&1 &&
	 pdftotext -raw '$WORK/prog.pdf' - | tr -d ' \n' | grep -q '主な事業と活動指標（R6、' &&
	 ! pdftotext -raw '$WORK/prog.pdf' - | tr -d ' \n' | grep -q '（決算前）'"
# (R7's programmes are in the report on R7, the annual; the R7 council
# reviews R6's)
check "the page says the activity target is not set" sh -c \
	"'$SHIRYO' build '$WORK/gap/kagoshima-city-plan2.xml' --kind annual --year R7 -o '$WORK/gap-annual.pdf' >/dev/null 2>&1 &&
	 pdftotext -raw '$WORK/gap-annual.pdf' - | tr -d ' \n' | grep -q '（未設定）'"
check "the page says the response is not registered" sh -c \
	"'$SHIRYO' build '$WORK/gap/kagoshima-city-plan2.xml' --kind council --year R7 -o '$WORK/gap.pdf' >/dev/null 2>&1 &&
	 pdftotext -raw '$WORK/gap.pdf' - | tr -d ' \n' | grep -q '対応状況は未登録です。'"

# bad records: every error at FILE:LINE:COLUMN, no PDF
mkdir -p "$WORK/bad"
cp xml/kagoshima-city-plan2*.xml "$WORK/bad/"
b="$WORK/bad/kagoshima-city-plan2-pdca-R7-council.xml"
sed -e 's|<assessment ref="kpi-p1-2"|<assessment ref="kpi-nope"|' \
    -e 's|direction choice="拡充"|direction choice="倍増"|' \
    -e 's|<budget>24,000</budget>|<budget>24,0x0</budget>|' \
    -e 's|direction="p1-d1"|direction="p9-d9"|' \
    -e 's|<response to="op-R6-1"|<response to="op-R9-9"|' \
    -e 's|<outcome ref="kpi-p1-4"/>|<outcome ref="kpi-zz"/>|' \
    xml/kagoshima-city-plan2-pdca-R7-council.xml >"$b"
expect_exit 1 "build refuses bad records" "$SHIRYO" build "$WORK/bad/kagoshima-city-plan2.xml" \
	--kind council --year R7 -o "$WORK/bad.pdf"
check "and writes no PDF" test ! -e "$WORK/bad.pdf"
for m in "error: assessment of 'kpi-nope', which is no indicator" \
	"error: 今後の方向性 '倍増' is not one of the plan's choices (拡充, 継続, 見直し, 縮小, 廃止)" \
	"error: invalid budget (予算額, 千円) '24,0x0'" \
	"error: programme 'pg-newbiz' is under 'p9-d9', which is no direction" \
	"error: response to 'op-R9-9', which is no opinion of an earlier council" \
	"error: programme 'pg-startup' serves 'kpi-zz', which is no indicator"; do
	check "located: $m" grep -qE "^$b:[0-9]+:[0-9]+: $(printf '%s' "$m" | sed 's/[()]/\\&/g')" "$WORK/out"
done
# an evaluation in a working meeting's file is refused
sed 's|</pdca>|<evaluation><assessment ref="kpi-p1-1" dept="x課"/></evaluation></pdca>|' \
	xml/kagoshima-city-plan2-pdca-R7-midyear.xml >"$WORK/bad/kagoshima-city-plan2-pdca-R7-midyear.xml"
cp "$WORK/gap/kagoshima-city-plan2-pdca-R7-council.xml" "$WORK/bad/" 2>/dev/null
cp xml/kagoshima-city-plan2-pdca-R7-council.xml "$WORK/bad/"
expect_exit 1 "check refuses an evaluation outside the council's file" \
	"$SHIRYO" check "$WORK/bad/kagoshima-city-plan2.xml"
check "named at the element" grep -qE "R7-midyear.xml:[0-9]+:[0-9]+: error: <evaluation> belongs in the council's file" "$WORK/out"

# summary: the one-sheet overview (主要指標一覧)
"$SHIRYO" build $city --kind summary --year R7 -o "$WORK/s.pdf" >/dev/null 2>&1
check "summary: one page" test "$(pdfinfo "$WORK/s.pdf" | awk '/^Pages:/ { print $2 }')" = 1
check "summary: A3 landscape (1190.55 x 841.89)" sh -c \
	"pdfinfo '$WORK/s.pdf' | grep -q '^Page size: *1190.55 x 841.89 pts'"
pdftotext -raw "$WORK/s.pdf" - | tr -d ' \n' >"$WORK/s.txt"
missing=0
# the names as the default typographic profile prints them: half-width digits
for name in $(sed -n '/<indicators>/,/<\/indicators>/s|.*<name>\(.*\)</name>.*|\1|p' $city | tr -d ' ' |
	perl -Mutf8 -CS -pe 'tr/０-９/0-9/'); do
	contains "$WORK/s.txt" "$name" || { missing=$((missing + 1)); echo "# missing: $name"; }
done
n=$(sed -n '/<indicators>/,/<\/indicators>/p' $city | grep -c '<name>')
check "summary: all $n indicator names on the sheet ($missing missing)" test "$n" = 22 -a "$missing" = 0
for w in 所管課 産業創出課 前年度比 '例示'; do
	check "summary shows $w" contains "$WORK/s.txt" "$w"
done
# a sparkline per indicator: a filled marker (a closed Bézier path) in each
# row's series cell; count the filled circles drawn (4 curves each)
check "summary: a sparkline for each of the 22 indicators" sh -c \
	"qpdf --qdf --object-streams=disable '$WORK/s.pdf' '$WORK/s.qdf' &&
	 test \$(grep -c ' c\$' '$WORK/s.qdf') -ge \$((22 * 4))"
"$SHIRYO" build $city --kind summary --year R7 --paper a4l -o "$WORK/s4.pdf" >/dev/null 2>&1
check "summary --paper a4l: A4 landscape" sh -c \
	"pdfinfo '$WORK/s4.pdf' | grep -q '^Page size: *841.89 x 595.28 pts'"
# ×10: a few sheets, the header on each, every indicator row there, no
# clipping warning
sh bench/genplan 10 4 "$WORK/g10" >/dev/null
"$SHIRYO" build "$WORK/g10/plan.xml" --kind summary --year R7 -o "$WORK/s10.pdf" >"$WORK/s10.log" 2>&1
np=$(pdfinfo "$WORK/s10.pdf" | awk '/^Pages:/ { print $2 }')
check "summary ×10: a few sheets ($np)" test "$np" -ge 2 -a "$np" -le 8
hdr=0
for p in $(seq 1 "$np"); do
	pdftotext -raw -f "$p" -l "$p" "$WORK/s10.pdf" - | tr -d ' \n' | grep -q '区分No指標単位基準値推移' && hdr=$((hdr + 1))
done
check "summary ×10: the header on every sheet ($hdr of $np)" test "$hdr" = "$np"
rows=$(pdftotext -raw "$WORK/s10.pdf" - | grep -c '企業立地件数')
check "summary ×10: every copy of a row is there ($rows of 10)" test "$rows" -ge 10
check "summary ×10: nothing clipped (no warning)" sh -c "! grep -qi 'clip\|warning' '$WORK/s10.log'"
# a plan without records: no 所管課 column of dashes
"$SHIRYO" build xml/kagoshima-pref-manufacturing.xml --kind summary --year R7 -o "$WORK/sp.pdf" >/dev/null 2>&1
check "summary of a plan without records: one sheet, no 所管課 column" sh -c \
	"test \$(pdfinfo '$WORK/sp.pdf' | awk '/^Pages:/ { print \$2 }') = 1 && ! pdftotext '$WORK/sp.pdf' - | grep -q 所管課"

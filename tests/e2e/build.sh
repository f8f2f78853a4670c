# build.sh - every document kind of both plans: pages, text, fonts, bytes.
. tests/e2e/lib.inc
export SOURCE_DATE_EPOCH=1763683200
city=xml/kagoshima-city-plan2.xml
pref=xml/kagoshima-pref-manufacturing.xml

# text PDF: the extracted text, and pdftotext must not complain
# (-raw: the order the page draws, so a cell's wrapped lines stay together)
text() { pdftotext -raw "$1" "$1.txt" 2>"$1.err" && [ ! -s "$1.err" ]; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

for kind in council project annual; do
	for plan in $city $pref; do
		name=$(basename "$plan" .xml)-$kind
		[ "$kind" = project ] && [ "$plan" = "$pref" ] && continue
		out="$WORK/$name.pdf"
		expect_exit 0 "build $name" "$SHIRYO" build "$plan" --kind $kind --year R7 -o "$out"
		check "$name: no warnings while building" sh -c "! grep -q 'warning:' '$WORK/out'"
		check "$name: pdftotext reads it without complaint" text "$out"
		n=$(pages "$out")
		check "$name: has pages ($n)" test "${n:-0}" -ge 3
		check "$name: every font embedded and subset" \
			sh -c "pdffonts '$out' | awk 'NR > 2 && (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\") { bad = 1 } END { exit bad }'"
		check "$name: says the actuals are illustrative" contains "$out.txt" "例示値"
		# the same input gives the same bytes
		"$SHIRYO" build "$plan" --kind $kind --year R7 -o "$WORK/again.pdf" 2>/dev/null
		check "$name: identical bytes on rebuild" cmp -s "$out" "$WORK/again.pdf"
		# ... whatever the number of compressing threads (pdf_deflate.c)
		for t in 1 3; do
			SHIRYO_THREADS=$t "$SHIRYO" build "$plan" --kind $kind --year R7 \
				-o "$WORK/threads.pdf" 2>/dev/null
			check "$name: identical bytes with $t thread(s)" cmp -s "$out" "$WORK/threads.pdf"
		done
	done
done

# Every one of the 22 city indicators appears in the council handout (the
# names as the plan writes them, in the default typographic profile's
# half-width digits, pdftotext joining wrapped lines).
tr -d ' \n' <"$WORK/kagoshima-city-plan2-council.pdf.txt" >"$WORK/council.flat"
missing=0
for name in $(awk '/<indicator id=/ { want = 1 } want && /<name>/ { sub(/.*<name>/, ""); sub(/<\/name>.*/, ""); print; want = 0 }' $city | tr -d ' ' |
	perl -Mutf8 -CS -pe 'tr/０-９/0-9/'); do
	grep -qF -- "$name" "$WORK/council.flat" || { echo "# missing: $name"; missing=$((missing + 1)); }
done
count=$(grep -c '<indicator id=' $city)
check "the city council handout names all $count indicators ($missing missing)" test "$missing" -eq 0 -a "$count" -eq 22
check "the council handout has the 資料番号 box" contains "$WORK/council.flat" "資料１"
check "the council handout dates the meeting in 和暦" contains "$WORK/council.flat" "令和7年11月21日"
check "the council handout shows the PDCA cycle" \
	sh -c "grep -q 'Plan（計画）' '$WORK/council.flat' && grep -q 'Check（評価）' '$WORK/council.flat'"
check "the footer reads - n -" contains "$WORK/council.flat" "-1-"

# The prefecture's pillars are text alone: they follow one another instead
# of taking a third of a page each, and no pillar heading ends a page (the
# running head and the footer come last in the page's text).
pc="$WORK/kagoshima-pref-manufacturing-council.pdf"
pillar_pages=0 stranded=""
for p in $(seq 2 "$(pages "$pc")"); do
	pdftotext -raw -f "$p" -l "$p" "$pc" - | sed '/^[[:space:]]*$/d' >"$WORK/page.txt"
	head -n -2 "$WORK/page.txt" >"$WORK/body.txt"
	grep -q '^施策の柱(' "$WORK/body.txt" && pillar_pages=$((pillar_pages + 1))
	tail -1 "$WORK/body.txt" | grep -q '^施策の柱(' && stranded="$stranded p$p"
done
check "the prefecture's five text-only pillars share pages ($pillar_pages pages)" \
	test "$pillar_pages" -le 3
check "no pillar heading at the foot of a page (${stranded:-none})" test -z "$stranded"

# The city's pillars: no page carries a pillar's PDCA cycle alone (a page
# the secretary prints 40 times, two thirds blank).  The cycle stays under
# the charts when they can give a little (see A3 below); when it cannot,
# the next pillar starts under it, its heading, description and table
# together.  And nothing is lost on the way: four cycles, four next steps.
lone_pdca_pages() {
	n=$(pages "$1")
	for p in $(seq 2 "$n"); do
		pdftotext -raw -f "$p" -l "$p" "$1" - | sed '/^[[:space:]]*$/d' >"$WORK/page.txt"
		head -1 "$WORK/page.txt" | grep -q '^取組の振り返り' &&
			! grep -q '^施策の柱\|^所管課と前年度比' "$WORK/page.txt" && echo "$p"
	done
}
pillar_without_table() {
	n=$(pages "$1")
	for p in $(seq 2 "$n"); do
		# the running head (naming a pillar) and the footer come last
		pdftotext -raw -f "$p" -l "$p" "$1" - | sed '/^[[:space:]]*$/d' |
			head -n -2 | tr -d ' \n' >"$WORK/page.flat"
		k=$(grep -oE '施策の柱(①|②|③|④|⑤|⑥|⑦|⑧|⑨)' "$WORK/page.flat" | wc -l)
		t=$(grep -o '主要指標の状況（' "$WORK/page.flat" | wc -l)
		[ "$k" -ne "$t" ] && echo "$p"
	done
}
cc="$WORK/kagoshima-city-plan2-council.pdf"
"$SHIRYO" build $city --kind council --year R7 --paper a3l -o "$WORK/council-a3.pdf" 2>/dev/null
for f in "$cc" "$WORK/council-a3.pdf"; do
	lone=$(lone_pdca_pages "$f" | tr '\n' ' ')
	check "$(basename "$f"): no page with a PDCA cycle alone (${lone:-none})" test -z "$lone"
	apart=$(pillar_without_table "$f" | tr '\n' ' ')
	check "$(basename "$f"): each pillar starts with its table (${apart:-all})" test -z "$apart"
	pdftotext -raw "$f" - | tr -d ' \n' >"$WORK/all.flat"
	check "$(basename "$f"): four PDCA cycles and their next steps" \
		test "$(grep -o '取組の振り返り' "$WORK/all.flat" | wc -l)" -eq 4 -a \
		"$(grep -o '次の取組' "$WORK/all.flat" | wc -l)" -eq 4
done
# 9 and 10 before the evaluation record (issue 18: 総括, and per pillar the
# departments, 前年度比, analysis and programmes, then the follow-up)
# 16 + 2 for the working meeting's results (part_working.c), + 1 for table
# cells that take a line rather than split a word (text_style.whole_words)
check "the city council handout on 19 A4 pages ($(pages "$cc"))" test "$(pages "$cc")" -le 19
check "and on 18 A3 pages ($(pages "$WORK/council-a3.pdf"))" test "$(pages "$WORK/council-a3.pdf")" -le 18

# The project handout names every priority project; the prefecture has none.
tr -d ' \n' <"$WORK/kagoshima-city-plan2-project.pdf.txt" >"$WORK/project.flat"
for t in 高付加価値な産業を創出する企業・人材の育成支援プロジェクト 地域産業の生産性向上・安定化プロジェクト 海外取引拡大プロジェクト 若者の地元定着促進プロジェクト; do
	check "the project handout names $t" contains "$WORK/project.flat" "$t"
done
# No page of a working-meeting handout carries only the last few lines of
# a project (the next steps, the points for discussion): a page the
# secretary would not print.  Fewer than 10 text lines, running head and
# footer included, is such a page.
thin_pages() {
	n=$(pages "$1")
	for p in $(seq 2 "$n"); do
		c=$(pdftotext -raw -f "$p" -l "$p" "$1" - | grep -c '[^[:space:]]')
		[ "$c" -lt 10 ] && echo "$p"
	done
}
for m in midyear yearend; do
	"$SHIRYO" build $city --kind project --meeting $m --year R7 -o "$WORK/$m.pdf" 2>/dev/null
	thin=$(thin_pages "$WORK/$m.pdf" | tr '\n' ' ')
	check "the $m project handout has no near-empty page (${thin:-none})" test -z "$thin"
done
expect_exit 1 "a project handout of a plan without projects is refused" \
	"$SHIRYO" build $pref --kind project --year R7 -o "$WORK/none.pdf"
check "and says why" contains "$WORK/out" "no priority projects"
check "and writes nothing" test ! -e "$WORK/none.pdf"

# The annual report: contents, bookmarks, Japanese title.
tr -d ' \n' <"$WORK/kagoshima-city-plan2-annual.pdf.txt" >"$WORK/annual.flat"
check "the annual report has a table of contents" contains "$WORK/annual.flat" "目次"
check "the annual report lists the data sources" contains "$WORK/annual.flat" "鹿児島市統計書"
check "pdfinfo shows the Japanese title" \
	sh -c "pdfinfo '$WORK/kagoshima-city-plan2-annual.pdf' | grep -q 'Title: *第2期鹿児島市商工業振興プラン'"
check "the bookmarks are Japanese" \
	sh -c "mutool show '$WORK/kagoshima-city-plan2-annual.pdf' outline | grep -q '主要指標の状況'"
# Punctuation is set solid, so a sentence full of brackets extracts whole
# and no extracted line starts with closing punctuation (poppler breaks the
# line wherever a character starts inside the previous one's advance).
pdftotext "$WORK/kagoshima-city-plan2-annual.pdf" "$WORK/annual-default.txt"
check "a sentence with 、「」 extracts on one line" \
	grep -qF "本プランは、「本編（第1章～第5章）」と「重点プロジェクト」で構成します。" "$WORK/annual-default.txt"
check "no extracted line starts with 」）。、" \
	sh -c "! LC_ALL=C grep -qE '^(」|）|。|、)' '$WORK/annual-default.txt'"
# The running head names the section in force at the top of each page:
# the last level-1 bookmark on an earlier page, unless one sits at the very
# top of the page (y = the body's top, 62.36 pt).
running_heads_wrong() {
	mutool show "$1" outline | awk -F'\t' '
		NF == 3 { t = $2; gsub(/"/, "", t); split($3, a, /[=&,]/)
			  print a[2] "\t" a[6] "\t" t }' >"$WORK/sections"
	n=$(pages "$1")
	for p in $(seq 2 "$n"); do
		want=$(awk -F'\t' -v p="$p" '
			$1 < p { inforce = $3 }
			$1 == p && !first { first = $3; top = ($2 < 62.5) }
			END { if (top || inforce == "") print first; else print inforce }' "$WORK/sections")
		# spaces aside (pdftotext -layout widens a full-width one)
		want=$(printf '%s' "$want" | sed 's/[[:space:]]//g; s/　//g')
		head=$(pdftotext -layout -f "$p" -l "$p" "$1" - | head -1 | sed 's/[[:space:]]//g; s/　//g')
		case "$head" in *"$want") ;; *) echo "p$p"; echo "# p$p: head '$head', want '$want'" >&2 ;; esac
	done
}
for a in kagoshima-city-plan2-annual kagoshima-pref-manufacturing-annual kagoshima-city-plan2-council; do
	wrong=$(running_heads_wrong "$WORK/$a.pdf" | tr '\n' ' ')
	check "$a: each running head names the section in force at the page top (${wrong:-all right})" test -z "$wrong"
done
# The note on sample values: said once per page, at its foot, and on every
# page that shows one (an indicator table 実績（R7）, a yearly series with
# its 目安, a Check box's grades 実績値からの算定).
note_pages_wrong() {
	n=$(pages "$1")
	for p in $(seq 2 "$n"); do
		pdftotext -raw -f "$p" -l "$p" "$1" - | tr -d ' \n' >"$WORK/page.flat"
		k=$(grep -o '実績値は例示値です' "$WORK/page.flat" | wc -l)
		if grep -qE '実績（R|年度実績目安|実績値からの算定' "$WORK/page.flat"; then
			[ "$k" -eq 1 ] || echo "p$p:$k"
		else
			[ "$k" -le 1 ] || echo "p$p:$k"
		fi
	done
}
for a in kagoshima-city-plan2-annual kagoshima-pref-manufacturing-annual; do
	wrong=$(note_pages_wrong "$WORK/$a.pdf" | tr '\n' ' ')
	check "$a: the sample-value note once on every page with sample figures (${wrong:-all right})" test -z "$wrong"
done
tr -d ' \n' <"$WORK/kagoshima-pref-manufacturing-annual.pdf.txt" >"$WORK/pannual.flat"
check "the prefecture report shows its published results table" contains "$WORK/pannual.flat" "製造品出荷額"

# A plan of 400 pillars (the city plan x100): the grade overview is cut
# into page-high blocks, each with its legend and axis, not clipped.  The
# council handout opens with the overview (the annual report has the same
# part after 200 pages of plan text, 1,711 pages in all, whose text took
# pdftotext a minute): the text of its first 40 pages is what is read.
bench/genplan 100 1 "$WORK/s100" >/dev/null
expect_exit 0 "build the x100 council handout" "$SHIRYO" build "$WORK/s100/plan.xml" \
	--kind council --year R4 -o "$WORK/s100.pdf"
check "the x100 overview is not clipped" sh -c "! grep -q 'clipped' '$WORK/out'"
pdftotext -f 1 -l 40 "$WORK/s100.pdf" "$WORK/s100.txt"
# the pages (each ends with a form feed) with the axis title, and the first
# with the 全体 row
axis=$(awk 'BEGIN { RS = "\f" } /（指標数の割合）/ { printf " %d", NR }' "$WORK/s100.txt")
total=$(awk 'BEGIN { RS = "\f" } /全体（柱外の指標を含む）/ { print NR; exit }' "$WORK/s100.txt")
n_axis=0 first=0 last=0
for a in $axis; do
	n_axis=$((n_axis + 1)) last=$a
	[ "$first" -eq 0 ] && first=$a
done
check "the x100 overview repeats its axis on every page it takes ($n_axis: p$first to p$last)" \
	test "$n_axis" -ge 9 -a "$n_axis" -eq $((last - first + 1))
check "the x100 overview ends with its 全体 row (p${total:-none})" test "${total:-0}" -eq "$last"

# Paper and options.
expect_exit 0 "A3 landscape" "$SHIRYO" build $city --kind council --year R7 --paper a3l -o "$WORK/a3.pdf"
check "A3 landscape pages are 1190.55 x 841.89 pt" \
	sh -c "pdfinfo '$WORK/a3.pdf' | grep -q 'Page size: *1190.55 x 841.89 pts'"
expect_exit 0 "a draft" "$SHIRYO" build $city --kind council --year 令和7年度 --draft -o "$WORK/draft.pdf"
check "the draft carries the 案 watermark" sh -c "pdftotext '$WORK/draft.pdf' - | grep -q '案'"
expect_exit 1 "a year outside the plan is refused" "$SHIRYO" build $city --kind council --year R20 -o "$WORK/r20.pdf"
check "and writes nothing" test ! -e "$WORK/r20.pdf"

# A CSV of actuals in CP932, as Excel exports it, changes the figures.
# (the R7 council shows R6 results: doc_results_year)
printf '指標,年度,実績\r\nkpi-p1-1,R6,150\r\n' | iconv -f UTF-8 -t CP932 >"$WORK/actuals.csv"
expect_exit 0 "build with CP932 CSV actuals" "$SHIRYO" build $city --kind council --year R7 --actuals "$WORK/actuals.csv" -o "$WORK/csv.pdf"
check "the CSV value is on the page" sh -c "pdftotext '$WORK/csv.pdf' - | grep -q '150事業者'"
printf '指標,年度,実績\nkpi-p1-1,R7,abc\n' >"$WORK/bad.csv"
expect_exit 1 "a bad CSV row is refused" "$SHIRYO" build $city --kind council --year R7 --actuals "$WORK/bad.csv" -o "$WORK/bad.pdf"
check "with its row number" grep -q "bad.csv:2:" "$WORK/out"

# archive: one report per year, stable names
expect_exit 0 "archive R4 to R5" "$SHIRYO" archive $city --from R4 --to R5 --no-pdfa -o "$WORK/arch"
check "archive wrote both years" test -s "$WORK/arch/kagoshima-city-plan2-annual-2022.pdf" -a -s "$WORK/arch/kagoshima-city-plan2-annual-2023.pdf"

# phrase-break.sh - issue 21: no demo document splits a word a reader takes
# as one (相談件/数, 生/産性 across a page break, 育成支援/プロジェクト in a
# heading, D/0件 ...).  Every demo document is built, its text read back
# (pdftotext, reading order), and every pair of consecutive lines - and the
# last lines of a page with the first lines of the next - is searched for
# each listed word split between them, at every character.
. "$TOP/tests/e2e/lib.inc"

SOURCE_DATE_EPOCH=1743465600
export SOURCE_DATE_EPOCH
LC_ALL=C.UTF-8
export LC_ALL

WORDS="相談件数 参加者数 粗付加価値額 参加企業数 受入企業数 開催回数 市内事業所
生産性 人材定着 育成支援プロジェクト 開発による 付加価値 D_0件 反映する"

# every split of every word, one "BEFORE|AFTER" a line, spaces dropped
# (D_0件 stands for 「D 0件」)
for w in $WORDS; do
	chars=$(printf '%s\n' "$w" | sed 's/./&\n/g' | sed '/^$/d')
	n=$(printf '%s\n' "$chars" | wc -l)
	k=1
	while [ "$k" -lt "$n" ]; do
		a=$(printf '%s\n' "$chars" | head -n "$k" | tr -d '\n_')
		b=$(printf '%s\n' "$chars" | tail -n +"$((k + 1))" | tr -d '\n_')
		[ -n "$a" ] && [ -n "$b" ] && echo "$a|$b"
		k=$((k + 1))
	done
done | sort -u >"$WORK/splits"

# splits FILE.txt: prints each split found as "page N: ...A|B..."
splits() {
	awk -v SPLITS="$WORK/splits" '
	BEGIN { page = 0; while ((getline s < SPLITS) > 0) { n++; i = index(s, "|");
		pre[n] = substr(s, 1, i - 1); post[n] = substr(s, i + 1) } }
	function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
	function check(a, b, where,   k) {
		for (k = 1; k <= n; k++)
			if (length(a) >= length(pre[k]) &&
			    substr(a, length(a) - length(pre[k]) + 1) == pre[k] &&
			    index(b, post[k]) == 1)
				print where ": " a "|" b
	}
	{
		npage = split($0, parts, "\f")
		for (p = 1; p <= npage; p++) {
			if (p > 1) { page++; first[page] = 0 }
			line = trim(parts[p])
			if (line == "") continue
			if (prev != "" && prevpage == page) check(prev, line, "page " (page + 1))
			if (first[page] < 4) { first[page]++; head[page, first[page]] = line }
			tail[page, 3] = tail[page, 2]; tail[page, 2] = tail[page, 1]
			tail[page, 1] = line
			prev = line; prevpage = page
		}
	}
	END {
		for (p = 0; p < page; p++)
			for (i = 1; i <= 3; i++)
				for (j = 1; j <= first[p + 1]; j++)
					if (tail[p, i] != "")
						check(tail[p, i], head[p + 1, j], "pages " (p + 1) "-" (p + 2))
	}' "$1"
}

# the search itself finds a split, on a line and across a page
printf '参加者\n数は増加\n本文の生\f見出し\n産性の向上\n' >"$WORK/self.txt"
splits "$WORK/self.txt" >"$WORK/self.out"
check "the search finds 参加者|数 on a page" contains "$WORK/self.out" "参加者|数"
check "the search finds 生|産性 across a page break" contains "$WORK/self.out" "生|産性"

for plan in xml/kagoshima-city-plan2.xml xml/kagoshima-pref-manufacturing.xml; do
	name=$(basename "$plan" .xml)
	kinds="council annual"
	grep -q '<project ' "$plan" && kinds="$kinds midyear yearend"
	for kind in $kinds; do
		case $kind in
		midyear|yearend) set -- --kind project --meeting "$kind" ;;
		*) set -- --kind "$kind" ;;
		esac
		out="$WORK/$name-$kind.pdf"
		if ! "$SHIRYO" build "$plan" "$@" --year R7 -o "$out" >"$WORK/build.out" 2>&1; then
			not_ok "$name $kind builds"
			sed 's/^/#   /' "$WORK/build.out" | head -5
			continue
		fi
		pdftotext "$out" "$WORK/$name-$kind.txt"
		splits "$WORK/$name-$kind.txt" >"$WORK/found"
		if [ -s "$WORK/found" ]; then
			not_ok "$name $kind: a listed word is split"
			sed 's/^/#   /' "$WORK/found" | head -20
		else
			ok "$name $kind: no listed word split across a line or a page"
		fi
	done
done

# cli.sh - command-line conventions: getopt_long forms, per-command help,
# short usage errors, the man page and the bash completion.
. tests/e2e/lib.inc

city=xml/kagoshima-city-plan2.xml
export SOURCE_DATE_EPOCH=1763683200

expect_exit 0 "shiryo build --help exits 0" "$SHIRYO" build --help
check "build --help lists build's options" contains "$WORK/out" "--meeting M"
check "build --help is not the whole usage" sh -c "! grep -q 'shiryo archive' '$WORK/out'"
expect_exit 0 "shiryo help build exits 0" "$SHIRYO" help build
check "help build lists build's options" contains "$WORK/out" "--paper P"
expect_exit 0 "shiryo check -h exits 0" "$SHIRYO" check -h
check "check -h names --actuals" contains "$WORK/out" "--actuals FILE"
expect_exit 2 "help of an unknown command is a usage error" "$SHIRYO" help frob

# --year=R7, -oFILE, options after the file and --.
expect_exit 0 "--year=R7 --kind=council -oFILE works" \
	"$SHIRYO" build --year=R7 --kind=council "-o$WORK/a.pdf" "$city"
check "-oFILE wrote the PDF" test -s "$WORK/a.pdf"
expect_exit 0 "--output=FILE works" \
	"$SHIRYO" build "$city" --kind council --year R7 "--output=$WORK/b.pdf"
check "the two forms give the same bytes" cmp -s "$WORK/a.pdf" "$WORK/b.pdf"
mkdir -p "$WORK/dash"
cp xml/kagoshima-city-plan2*.xml "$WORK/dash/"
mv "$WORK/dash/kagoshima-city-plan2.xml" "$WORK/dash/-plan.xml"
(cd "$WORK/dash" && "$SHIRYO" check -- -plan.xml >"$WORK/out" 2>&1)
check "-- ends the options: a plan named -plan.xml is read" contains "$WORK/out" "-plan.xml: valid"
(cd "$WORK/dash" && "$SHIRYO" check -plan.xml >"$WORK/out" 2>&1)
check "without --, -plan.xml is an option" contains "$WORK/out" "unknown option"

# A usage error prints the message and one usage line, not the whole help.
expect_exit 2 "an unknown option is a usage error" "$SHIRYO" build "$city" --frobnicate
check "it names the option" contains "$WORK/out" "unknown option '--frobnicate'"
check "the usage is short (at most 3 lines)" sh -c "[ \$(wc -l <'$WORK/out') -le 3 ]"
check "it shows build's usage line" contains "$WORK/out" "usage: shiryo build PLAN.xml"
expect_exit 2 "a missing option value is a usage error" "$SHIRYO" build "$city" --year R7 --kind
check "it says what the option needs" contains "$WORK/out" "--kind needs council, project"
expect_exit 2 "an option of another command is a usage error" "$SHIRYO" check "$city" --kind council
check "it says the command takes no such option" contains "$WORK/out" "check takes no option --kind"
expect_exit 2 "--year=R99x is a usage error" "$SHIRYO" build "$city" --kind council --year=R99x
check "it quotes the value" contains "$WORK/out" "'R99x' is not a fiscal year"

# The man page renders, and names every command.
if command -v man >/dev/null; then
	MANWIDTH=80 man -l "$BUILD/shiryo.1" >"$WORK/man.txt" 2>"$WORK/man.err"
	check "man -l renders the man page" test -s "$WORK/man.txt"
	check "the man page renders without warnings" sh -c "! test -s '$WORK/man.err'"
	check "the man page describes --year" grep -q -- "--year" "$WORK/man.txt"
else
	not_ok "man is not installed (make deps installs man-db)"
fi

# make install puts the binary, the man page and the completion in place.
make -s install BUILD="$BUILD" DESTDIR="$WORK/inst" PREFIX=/usr >/dev/null 2>&1
check "make install installs the man page" test -s "$WORK/inst/usr/share/man/man1/shiryo.1"
check "make install installs the bash completion" \
	test -s "$WORK/inst/usr/share/bash-completion/completions/shiryo"

# The completion offers commands, kinds and years.
comp() { bash -c '. "$BUILD/shiryo.bash-completion"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _shiryo; echo "${COMPREPLY[*]}"' _ "$@"; }
check "completion: commands" test "$(comp shiryo bu)" = "build"
check "completion: kinds" sh -c "echo '$(comp shiryo build x.xml --kind "")' | grep -q '^council project annual'"
check "completion: years" sh -c "echo '$(comp shiryo build x.xml --year R)' | grep -qw R7"

# ---- init: a new plan's starting point that checks and builds -------------
expect_exit 0 "init writes a new plan" "$SHIRYO" init "$WORK/new" \
	--title "みなと町産業振興計画 & 試行" --issuer "みなと町" --from R8 --to R12
for f in plan.xml plan-actuals.xml plan-pdca-R8-council.xml; do
	check "init wrote $f" test -s "$WORK/new/$f"
	expect_exit 0 "check accepts init's $f" "$SHIRYO" check "$WORK/new/$f"
done
check "the plan says what goes where, in Japanese comments" \
	grep -q "<!-- 施策の柱。柱ごとに取組方針" "$WORK/new/plan.xml"
check "the title is escaped for XML" grep -q "<title>みなと町産業振興計画 &amp; 試行</title>" "$WORK/new/plan.xml"
check "the period is the one asked for" grep -q '<period from="R8" to="R12"/>' "$WORK/new/plan.xml"
check "no Kagoshima wording in init's files" sh -c "! grep -l '鹿児島\|かごしま' '$WORK/new/'*.xml"
expect_exit 0 "build renders init's plan (council)" \
	"$SHIRYO" build "$WORK/new/plan.xml" --kind council --year R8 -o "$WORK/new/council.pdf"
expect_exit 0 "build renders init's plan (annual)" \
	"$SHIRYO" build "$WORK/new/plan.xml" --kind annual --year R8 -o "$WORK/new/annual.pdf"
pdftotext "$WORK/new/council.pdf" "$WORK/new/council.txt"
check "the council handout has the title" contains "$WORK/new/council.txt" "みなと町産業振興計画 & 試行"
check "the sample actual is labelled illustrative on the page" contains "$WORK/new/council.txt" "例示"
check "no Kagoshima wording on the page" sh -c "! grep -q '鹿児島\|かごしま' '$WORK/new/council.txt'"
cp "$WORK/new/plan.xml" "$WORK/plan.before"
expect_exit 1 "init into a folder with a plan is refused" "$SHIRYO" init "$WORK/new" \
	--title x --issuer y --from R8 --to R12
check "it names the existing file" contains "$WORK/out" "plan.xml: error: already exists"
check "the existing plan is untouched" cmp -s "$WORK/plan.before" "$WORK/new/plan.xml"
expect_exit 2 "init without --issuer is a usage error" "$SHIRYO" init "$WORK/new2" --title x --from R8 --to R12
check "nothing written by a usage error" test ! -e "$WORK/new2"

# ---- watch: rebuild after a change, keep the last good PDF on a bad edit ---
mkdir -p "$WORK/w"
cp "$WORK/new/plan.xml" "$WORK/new/plan-actuals.xml" "$WORK/new/plan-pdca-R8-council.xml" "$WORK/w/"
# wait_for N: until the watcher's log has N lines "wrote" or "errors" (10 s at most)
wait_for() {
	i=0
	while [ "$(grep -c '\] wrote \|\] errors: ' "$WORK/w/log" 2>/dev/null)" -lt "$1" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ $i -lt 100 ]
}
timeout 60 "$SHIRYO" watch "$WORK/w/plan.xml" --kind council --year R8 -o "$WORK/w/out.pdf" \
	2>"$WORK/w/log" &
wpid=$!
check "watch builds at start" wait_for 1
check "watch wrote the PDF" test -s "$WORK/w/out.pdf"
cp "$WORK/w/out.pdf" "$WORK/w/first.pdf"
sleep 1.1 # a new second for the file date
touch "$WORK/w/plan.xml"
check "watch rebuilds after a touch of the plan" wait_for 2
check "the PDF was written again" test "$WORK/w/out.pdf" -nt "$WORK/w/first.pdf"
cp "$WORK/w/out.pdf" "$WORK/w/good.pdf"
cp "$WORK/w/plan-actuals.xml" "$WORK/w/actuals.orig"
echo "<broken" >>"$WORK/w/plan-actuals.xml"
check "watch notices an invalid edit of a linked file" wait_for 3
check "it prints the error with its place" grep -q "plan-actuals.xml:[0-9]*:[0-9]*: error" "$WORK/w/log"
check "it says the last good PDF is kept" grep -q "errors: .*out.pdf is the last good build, unchanged" "$WORK/w/log"
check "the last good PDF is unchanged" cmp -s "$WORK/w/out.pdf" "$WORK/w/good.pdf"
check "the watcher is still running" kill -0 $wpid
cp "$WORK/w/actuals.orig" "$WORK/w/plan-actuals.xml"
check "watch rebuilds once the edit is fixed" wait_for 4
check "the last line says it wrote the PDF" sh -c "tail -1 '$WORK/w/log' | grep -q '\] wrote '"
kill $wpid 2>/dev/null
wait $wpid 2>/dev/null
check "the watcher stopped on SIGTERM" sh -c "! kill -0 $wpid 2>/dev/null"
check "no temporary file left beside the PDF" sh -c "[ \$(ls '$WORK/w' | grep -c tmp) -eq 0 ]"

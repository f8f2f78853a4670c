# check.sh - `shiryo check`: both plans valid, bad input named by position.
. tests/e2e/lib.inc

for plan in xml/kagoshima-city-plan2.xml xml/kagoshima-pref-manufacturing.xml; do
	expect_exit 0 "check accepts $plan" "$SHIRYO" check "$plan"
	check "check of $plan reports no errors" sh -c "! grep -q ': error:' '$WORK/out'"
done
check "check reports the prefecture's 103.8% that no formula reproduces" \
	sh -c "'$SHIRYO' check xml/kagoshima-pref-manufacturing.xml 2>&1 | grep -q 'warning:.*103.8'"
check "the figures warning names FILE:LINE:COLUMN of the <past-result>" \
	sh -c "'$SHIRYO' check xml/kagoshima-pref-manufacturing.xml 2>&1 |
		grep -q '^xml/kagoshima-pref-manufacturing.xml:305:5: warning: past result .製造品出荷額.: stated achievement 103.8%'"

# An actuals or PDCA file is checked with the plan it names (plan="ID"),
# found in its folder.
for f in xml/*-actuals.xml xml/*-pdca-*.xml; do
	expect_exit 0 "check accepts $f with its plan" "$SHIRYO" check "$f"
done
check "it says which plan it checked with" contains "$WORK/out" \
	"valid, with its plan xml/kagoshima-city-plan2.xml"
mkdir -p "$WORK/own" "$WORK/alone"
cp xml/kagoshima-city-plan2*.xml "$WORK/own/"
# a linked file with a bad value: named at the value, the plan's link noted
sed 's|year="R4">6,921<|year="R4">6,9x1<|' xml/kagoshima-city-plan2-actuals.xml \
	>"$WORK/own/kagoshima-city-plan2-actuals.xml"
expect_exit 1 "check refuses a linked actuals file with a bad value" \
	"$SHIRYO" check "$WORK/own/kagoshima-city-plan2-actuals.xml"
check "the message names the value in the actuals file" contains "$WORK/out" \
	"$WORK/own/kagoshima-city-plan2-actuals.xml:16:3: error: invalid value '6,9x1' of 'kpi-bs-1'"
cp xml/kagoshima-city-plan2-actuals.xml "$WORK/own/"
# a file the plan does not link is read with it, as --actuals would be
sed 's|year="R4">6,921<|year="R4">6,9x1<|' xml/kagoshima-city-plan2-actuals.xml \
	>"$WORK/own/spare.xml"
expect_exit 1 "check refuses an unlinked actuals file with a bad value" \
	"$SHIRYO" check "$WORK/own/spare.xml"
check "the message names the unlinked file" contains "$WORK/out" \
	"$WORK/own/spare.xml:16:3: error: invalid value '6,9x1'"
cp xml/kagoshima-city-plan2-pdca-R7-council.xml "$WORK/alone/"
expect_exit 1 "check refuses a PDCA file without its plan" \
	"$SHIRYO" check "$WORK/alone/kagoshima-city-plan2-pdca-R7-council.xml"
check "the message says the plan is not in the folder" contains "$WORK/out" \
	"error: no plan with id 'kagoshima-city-plan2' in this file's folder"

# A plan cut off in the middle: the parser names the place.
head -c 5000 xml/kagoshima-city-plan2.xml >"$WORK/truncated.xml"
expect_exit 1 "check refuses a truncated plan" "$SHIRYO" check "$WORK/truncated.xml"
check "the message names FILE:LINE:COLUMN" \
	grep -Eq "^$WORK/truncated.xml:[0-9]+:[0-9]+: error: " "$WORK/out"

# A reference to a pillar that does not exist.
sed 's/pillar="p2"/pillar="p9"/' xml/kagoshima-city-plan2.xml >"$WORK/badref.xml"
expect_exit 1 "check refuses a reference to a missing pillar" "$SHIRYO" check "$WORK/badref.xml"
check "the message quotes the missing id with its position" \
	grep -Eq "^$WORK/badref.xml:[0-9]+:[0-9]+: error: .*'p9'" "$WORK/out"

expect_exit 1 "check refuses a missing file" "$SHIRYO" check "$WORK/none.xml"
expect_exit 2 "an unknown command is a usage error" "$SHIRYO" frobnicate x.xml
expect_exit 2 "build without --kind is a usage error" "$SHIRYO" build xml/kagoshima-city-plan2.xml --year R7
expect_exit 2 "a year that is not one is a usage error" "$SHIRYO" build xml/kagoshima-city-plan2.xml --kind council --year R99x
expect_exit 0 "--help works" "$SHIRYO" --help
check "--help shows the command line" contains "$WORK/out" "shiryo build PLAN.xml"
check "--help says check takes actuals and PDCA files" contains "$WORK/out" \
	"shiryo check PLAN.xml|ACTUALS.xml|PDCA.xml"
expect_exit 0 "--version works" "$SHIRYO" --version

# A year's final value, its first half (interim) and its forecast are three
# values (issue 17); the same kind twice is still an error.
expect_exit 0 "check accepts R7's final, first-half and forecast values side by side" \
	"$SHIRYO" check xml/kagoshima-city-plan2-actuals.xml
mkdir -p "$WORK/twice"
cp xml/kagoshima-city-plan2*.xml "$WORK/twice/"
sed -i 's|</actuals>|  <value ref="kpi-p1-1" year="R7" kind="interim" as-of="8月31日現在">105</value>\n</actuals>|' \
	"$WORK/twice/kagoshima-city-plan2-actuals.xml"
expect_exit 1 "check refuses a second first-half value of the same year" \
	"$SHIRYO" check "$WORK/twice/kagoshima-city-plan2-actuals.xml"
check "it names the second value" contains "$WORK/out" "error: second value of 'kpi-p1-1' for R7"

# excel.sh - Excel workbooks: actuals read from .xlsx (values as the
# department meant them, errors at FILE.xlsx:SHEET!C12), hostile workbooks
# refused quickly with nothing written, and the round trip
# sheet -> filled with openpyxl -> build.
. tests/e2e/lib.inc

city=xml/kagoshima-city-plan2.xml
export SOURCE_DATE_EPOCH=1763683200
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
mk() { "$PY" tests/e2e/xlsx_make.py "$@"; }
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	not_ok "python3-openpyxl is not installed (make deps installs it)"
	exit 0
fi

# ---- reading: the CSV's columns, in a workbook written by openpyxl --------
"$PY" - "$WORK/long.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "実績"
ws.append(["指標", "年度", "実績", "備考"])
ws.append(["kpi-p1-2", "R7", 16.2, ""])           # stored as a double
ws.append(["kpi-bs-2", "R7", 0.651, ""])          # typed 65.1% in a % cell
ws["C3"].number_format = "0.0%"
ws.append(["kpi-bs-1", "令和7年度", 7123, ""])     # shown with two decimals
ws["C4"].number_format = "#,##0.00"
ws.append(["kpi-p1-1", "R7", "12.50", "text cell"])
wb.save(sys.argv[1])
PYEOF
expect_exit 0 "build reads actuals from a workbook" \
	"$SHIRYO" build "$city" --kind annual --year R7 --actuals "$WORK/long.xlsx" -o "$WORK/long.pdf"
pdftotext -layout "$WORK/long.pdf" "$WORK/long.txt"
check "a double 16.2 is read as 16.2 (not 16.199999999999999)" grep -q "R7 *16\.2件" "$WORK/long.txt"
check "a percentage cell 0.651 is read as 65.1％" grep -q "R7 *65\.1％" "$WORK/long.txt"
check "a cell formatted #,##0.00 keeps its two decimals" grep -q "R7 *7,123\.00千円" "$WORK/long.txt"
check "a text cell keeps its written precision (12.50)" grep -q "R7 *12\.50" "$WORK/long.txt"

# Errors name FILE.xlsx:SHEET!CELL.
"$PY" - "$WORK/bad.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Data 1"
ws.append(["指標", "年度", "実績"])
ws.append(["kpi-p1-2", "R7", "abc"])
ws.append(["no-such", "R7", 3])
ws.append(["kpi-p1-2", "R6", None])
ws["C4"] = "=SUM(1,2)"
wb.save(sys.argv[1])
PYEOF
expect_exit 1 "a workbook with bad cells is refused" \
	"$SHIRYO" build "$city" --kind council --year R7 --actuals "$WORK/bad.xlsx" -o "$WORK/bad.pdf"
check "a bad value is named FILE.xlsx:SHEET!C2" contains "$WORK/out" \
	"$WORK/bad.xlsx:'Data 1'!C2: error: value 'abc' is not a number"
check "an unknown indicator is named at its cell" contains "$WORK/out" \
	"$WORK/bad.xlsx:'Data 1'!A3: error: no indicator 'no-such'"
check "a formula without a saved result is named" contains "$WORK/out" \
	"$WORK/bad.xlsx:'Data 1'!C4: error: formula '=SUM(1,2)' has no saved result"
check "nothing was written" test ! -e "$WORK/bad.pdf"

# ---- hostile workbooks: refused in under 2 s, with a message, nothing written
hostile() { # NAME FILE MESSAGE
	name=$1 file=$2 msg=$3
	t0=$(date +%s%N)
	"$SHIRYO" build "$city" --kind council --year R7 --actuals "$file" -o "$WORK/h.pdf" \
		>"$WORK/out" 2>&1
	rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	if [ "$rc" -eq 1 ]; then ok "$name: refused (exit 1)"; else not_ok "$name: exit $rc"; fi
	if [ "$ms" -lt 2000 ]; then ok "$name: in $ms ms"; else not_ok "$name: took $ms ms"; fi
	check "$name: the message says why" grep -q -- "$msg" "$WORK/out"
	check "$name: nothing written" test ! -e "$WORK/h.pdf"
}
mk bomb "$WORK/bomb.xlsx"
hostile "zip bomb" "$WORK/bomb.xlsx" "refused as a zip bomb"
mk traversal "$WORK/traversal.xlsx"
hostile "path traversal entry" "$WORK/traversal.xlsx" "entry with a path, '../../evil.txt'"
check "path traversal: nothing unpacked" test ! -e "$WORK/../evil.txt"
mk encrypted "$WORK/encrypted.xlsx"
hostile "encrypted (OLE compound file)" "$WORK/encrypted.xlsx" "the workbook is encrypted"
mk macro "$WORK/macro.xlsm"
hostile ".xlsm" "$WORK/macro.xlsm" "macro-enabled (.xlsm)"
mv "$WORK/macro.xlsm" "$WORK/macro.xlsx"
hostile "macros in an .xlsx (vbaProject.bin)" "$WORK/macro.xlsx" "holds macros"
mk rows "$WORK/rows.xlsx"
hostile "a sheet of 1,048,576 rows" "$WORK/rows.xlsx" "sheets of more than 100000 rows are refused"
mk good "$WORK/good.xlsx"
expect_exit 0 "the same workbook without the hostile part is read" \
	"$SHIRYO" check "$city" --actuals "$WORK/good.xlsx"

# ---- the round trip: sheet -> filled by a department (openpyxl) -> build ----
expect_exit 0 "shiryo sheet writes the input workbook" \
	"$SHIRYO" sheet "$city" --year=R7 -o "$WORK/実績入力.xlsx"
"$PY" - "$WORK/実績入力.xlsx" >"$WORK/sheet.txt" 2>&1 <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
head = [c.value for c in ws[4]]
print("head", "|".join(str(h) for h in head))
print("protected", ws.protection.sheet)
col = head.index("R7実績") + 1
print("input-locked", ws.cell(row=5, column=col).protection.locked)
print("earlier-locked", ws.cell(row=5, column=col - 1).protection.locked)
print("earlier", ws.cell(row=5, column=col - 1).value)
print("validation", " ".join(str(v.sqref) for v in ws.data_validations.dataValidation))
print("choices", " ".join(str(v.formula1) for v in ws.data_validations.dataValidation if v.type == "list"))
print("dept", ws.cell(row=5, column=head.index("所管課") + 1).value)
print("rows", ws.max_row - 4)
PYEOF
check "the header has the indicator, unit, baseline, target, 所管課, earlier years and the input columns" \
	contains "$WORK/sheet.txt" "head 番号|施策の柱|指標ID|指標|単位|基準値|目標値|所管課|R4（登録済）|R5（登録済）|R6（登録済）|R7実績|R7見込み|要因分析|今後の方向性|コメント"
check "the sheet is protected" contains "$WORK/sheet.txt" "protected True"
check "the input cells are unlocked" contains "$WORK/sheet.txt" "input-locked False"
check "the earlier years are locked" contains "$WORK/sheet.txt" "earlier-locked True"
check "the earlier years are filled in (R6 of the first indicator)" contains "$WORK/sheet.txt" "earlier 7,081"
check "the value and forecast cells are validated as numbers, 今後の方向性 by the plan's list" \
	contains "$WORK/sheet.txt" "validation L5:M26 O5:O26"
check "the list is the plan's review choices" contains "$WORK/sheet.txt" 'choices "拡充,継続,見直し,縮小,廃止"'
check "所管課 comes from the evaluation record" contains "$WORK/sheet.txt" "dept 産業政策課"
check "one row per indicator (22)" contains "$WORK/sheet.txt" "rows 22"
# a department returns the workbook untouched: a warning naming the column
# to fill in (FILE.xlsx:SHEET!CELL), exit 0, and the same document as
# without it - one department late must not stop the others' figures
expect_exit 0 "an untouched workbook is not an error" \
	"$SHIRYO" build "$city" --kind council --year R7 --actuals "$WORK/実績入力.xlsx" -o "$WORK/untouched.pdf"
check "it warns at the value column's head (実績入力.xlsx:実績入力!L4)" contains "$WORK/out" \
	"実績入力.xlsx:実績入力!L4: warning: no value is entered under 「R7実績」"
check "it is no error" sh -c "! grep -q ': error:' '$WORK/out'"
"$SHIRYO" build "$city" --kind council --year R7 -o "$WORK/without.pdf" >/dev/null 2>&1
check "the document is the same as without the workbook" cmp -s "$WORK/untouched.pdf" "$WORK/without.pdf"
# a workbook of no cells at all is not one of ours: still an error
"$PY" -c 'import openpyxl,sys; openpyxl.Workbook().save(sys.argv[1])' "$WORK/blank.xlsx"
expect_exit 1 "a workbook with no cells at all is refused" \
	"$SHIRYO" check "$city" --actuals "$WORK/blank.xlsx"
check "it says the workbook has no values" contains "$WORK/out" "the workbook has no values"
# a department fills the R7 column: numbers as typed into Excel
mk fill "$WORK/実績入力.xlsx" "$WORK/filled.xlsx" R7 7345 18.4 130 31 "" 44.5
expect_exit 0 "build reads the filled workbook back" \
	"$SHIRYO" build "$city" --kind annual --year R7 --actuals "$WORK/filled.xlsx" -o "$WORK/filled.pdf"
check "nothing is refused or warned about" sh -c "! grep -q 'error\|warning' '$WORK/out'"
pdftotext -layout "$WORK/filled.pdf" "$WORK/filled.txt"
check "the page shows the first filled value (7,345千円)" grep -q "R7 *7,345千円" "$WORK/filled.txt"
check "the page shows 18.4％ as typed" grep -q "R7 *18\.4％" "$WORK/filled.txt"
check "the page shows 130事業者" grep -q "R7 *130事業者" "$WORK/filled.txt"
check "the page shows 31件" grep -q "R7 *31件" "$WORK/filled.txt"
# a sheet per department: every indicator once, and read back as a whole
expect_exit 0 "sheet --by department" \
	"$SHIRYO" sheet "$city" --year R7 --by department -o "$WORK/dep.xlsx"
"$PY" - "$WORK/dep.xlsx" >"$WORK/dep.txt" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", len(wb.sheetnames))
rows = 0
for ws in wb.worksheets:
    head = [c.value for c in ws[4]]
    d = head.index("所管課") + 1
    names = {ws.cell(row=r, column=d).value for r in range(5, ws.max_row + 1)}
    print("one-dept", ws.title, len(names) == 1 and ws.title in names)
    rows += ws.max_row - 4
print("rows", rows)
PYEOF
check "one sheet per department (9 in the city plan's records)" contains "$WORK/dep.txt" "sheets 9"
check "each sheet holds its department's indicators only" sh -c "! grep -q 'one-dept .* False' '$WORK/dep.txt'"
check "every indicator is on one sheet (22 rows in all)" contains "$WORK/dep.txt" "rows 22"
mk fill "$WORK/dep.xlsx" "$WORK/dep-filled.xlsx" R7 7345 18.4 130 31
expect_exit 0 "a filled per-department workbook is read back" \
	"$SHIRYO" build "$city" --kind annual --year R7 --actuals "$WORK/dep-filled.xlsx" -o "$WORK/dep.pdf"
pdftotext -layout "$WORK/dep.pdf" "$WORK/dep-pdf.txt"
check "its values are on the page" sh -c "grep -q 'R7 *7,345千円' '$WORK/dep-pdf.txt' && grep -q 'R7 *18\.4％' '$WORK/dep-pdf.txt'"
"$SHIRYO" init "$WORK/new" --title "試験計画" --issuer "試験町" --from R8 --to R12 2>/dev/null
expect_exit 0 "sheet --by department of a plan without departments" \
	"$SHIRYO" sheet "$WORK/new/plan.xml" --year R9 --by department -o "$WORK/nodep.xlsx"
check "it says there is one sheet for all" contains "$WORK/out" "one sheet for all"
mk fill "$WORK/nodep.xlsx" "$WORK/nodep-filled.xlsx" R9 123
# the R10 council reviews R9's results (doc_results_year)
expect_exit 0 "the new plan builds with the filled workbook" \
	"$SHIRYO" build "$WORK/new/plan.xml" --kind council --year R10 --actuals "$WORK/nodep-filled.xlsx" -o "$WORK/new.pdf"
pdftotext -layout "$WORK/new.pdf" "$WORK/new.txt"
check "the new plan's page shows the value" grep -q "123件" "$WORK/new.txt"
expect_exit 2 "sheet without -o is a usage error" "$SHIRYO" sheet "$city" --year R7
expect_exit 1 "sheet for a year outside the plan is refused" \
	"$SHIRYO" sheet "$city" --year R20 -o "$WORK/none.xlsx"
check "nothing written for it" test ! -e "$WORK/none.xlsx"
"$SHIRYO" sheet "$city" --year R7 -o - >"$WORK/stdout.xlsx" 2>"$WORK/out"
check "sheet -o - writes the workbook to standard output" \
	"$PY" -c "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); sys.exit(0 if wb.worksheets[0]['L4'].value == 'R7実績' else 1)" "$WORK/stdout.xlsx"
check "no file named - is left" test ! -e ./-

# ---- the workbook goes to its path by the write policy (outfile.c) ----------
mkdir "$WORK/pol"
cp xml/kagoshima-city-plan2*.xml "$WORK/pol/"
cp "$WORK/pol/kagoshima-city-plan2.xml" "$WORK/pol/plan-before.xml"
expect_exit 1 "sheet -o naming the plan is refused" \
	"$SHIRYO" sheet "$WORK/pol/kagoshima-city-plan2.xml" --year R7 -o "$WORK/pol/kagoshima-city-plan2.xml"
check "it says the output is the input" contains "$WORK/out" "it is the input file"
check "the plan is unchanged" cmp -s "$WORK/pol/kagoshima-city-plan2.xml" "$WORK/pol/plan-before.xml"
: >"$WORK/pol/keep.xlsx"
chmod 600 "$WORK/pol/keep.xlsx"
ln -s keep.xlsx "$WORK/pol/link.xlsx"
expect_exit 0 "sheet -o through a link" \
	"$SHIRYO" sheet "$WORK/pol/kagoshima-city-plan2.xml" --year R7 -o "$WORK/pol/link.xlsx"
check "the link stays a link" test -L "$WORK/pol/link.xlsx"
check "its target is the workbook" sh -c "head -c 2 '$WORK/pol/keep.xlsx' | grep -q PK"
check "the replaced file keeps its mode" sh -c "[ \$(stat -c %a '$WORK/pol/keep.xlsx') = 600 ]"
check "no temporary file is left beside it" sh -c "[ \$(ls -A '$WORK/pol' | grep -c tmp) = 0 ]"

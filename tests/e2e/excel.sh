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

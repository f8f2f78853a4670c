/* actuals_xlsx.h - yearly actuals from Excel workbooks (.xlsx).
 *
 * FORMAT.  Every visible worksheet is read.  Its header is the first of
 * its first 20 rows that has a cell 指標, 指標ID, ID or indicator; rows
 * above it (a title) are skipped, and so are sheets with no cell at all.
 * Two layouts are read:
 *   - long, as the CSV form (actuals_csv.h): columns 指標, 年度, 実績
 *     (or indicator, year, value), one row per measure and year;
 *   - wide, as `shiryo sheet` writes it: a column per year headed
 *     "<FY>実績" (R7実績, 令和7年度実績), one row per measure; empty cells
 *     are skipped.  With both 指標ID and 指標, the id is used.
 * Other columns (番号, 単位, 基準値, 目標値, 所管課, comments, the earlier
 * years that `shiryo sheet` headed "R6（登録済）") are not read.  Values follow
 * the CSV rules (units, ▲, empty = not yet known); the checks and the merge
 * are those of actuals_parse_csv().
 *
 * VALUES are what the department meant: a number cell is written with the
 * fewest digits (at most 15 significant, Excel's own) that give back the
 * stored double (16.2, not 16.199999999999999), with at least as many
 * decimals as the cell's number format shows (0.00 → 16.20); a cell
 * formatted as a percentage gives the percentage (0.651 as 0.0% → 65.1); a
 * text cell is its text ("16.20"); a formula gives its saved result, and
 * one with no saved result (written by a program that computes nothing) is
 * an error.
 *
 * REFUSED, with a message and nothing merged: an encrypted workbook (an
 * OLE compound file: Excel's password protection) or an old .xls; a
 * macro-enabled one (.xlsm, a vbaProject.bin part or a macroEnabled
 * content type); a file over 16 MiB; a part over 64 MiB uncompressed or
 * all parts over 256 MiB, a part that inflates more than 100 times (zip
 * bomb) or holds more than its declared size; an entry whose name is a
 * path (.., /, \, a drive); a DOCTYPE in a part; a sheet of more than
 * 100,000 rows or 1,000 columns.  Errors are FILE.xlsx:SHEET!C12: message,
 * or FILE.xlsx: message for the workbook as a whole.
 */
#ifndef SHIRYO_ACTUALS_XLSX_H
#define SHIRYO_ACTUALS_XLSX_H

#include <stdbool.h>

struct plan;
struct diag_list;

#define XLSX_MAX_FILE (16u << 20)
#define XLSX_MAX_PART (64u << 20)
#define XLSX_MAX_TOTAL (256u << 20)
#define XLSX_MAX_RATIO 100
#define XLSX_MAX_ROWS 100000
#define XLSX_MAX_COLS 1000

/* Whether path is to be read as a workbook: its name ends in .xlsx, .xlsm,
 * .xltx, .xltm or .xls (any case), or it starts as a zip archive or an OLE
 * compound file does. */
bool actuals_is_workbook(const char *path);

/* Reads the workbook at path and merges its values into p.  Returns 0, or
 * -1 with every problem in dg and p unchanged. */
int actuals_load_xlsx(struct plan *p, const char *path, struct diag_list *dg);

#endif

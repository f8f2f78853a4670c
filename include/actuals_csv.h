/* actuals_csv.h - yearly actuals from CSV files as staff export them from
 * Excel.
 *
 * FORMAT.  UTF-8 with or without a BOM, or Shift_JIS/CP932 (a file that is
 * not valid UTF-8 is converted from CP932; UTF-16 "Unicode text" exports are
 * refused with a hint).  RFC 4180: commas, fields quoted with "..." and ""
 * inside, CRLF, LF or CR line ends, quoted fields may span lines.  The first
 * row is the header: 指標,年度,実績 or indicator,year,value (columns in any
 * order, ASCII names case-insensitive), optionally a 備考 / note column,
 * which is ignored; columns with an empty header must stay empty (Excel's
 * trailing commas).  Rows whose fields are all empty are skipped.
 *
 *   指標  an indicator's id, a compound indicator's part id, an indicator's
 *         exact name, or for a part: the indicator's name and the part's name
 *         ("産学官連携による製品化件数と技術開発件数 製品化件数", separated by
 *         nothing, a space, ・, ：, /, or with the part in （）), or the part's
 *         name alone when no other measure has that name.
 *   年度  any form fy_parse() accepts (2025, R7, 令和7年度, H31) or
 *         "2025年度"; it must lie inside the plan's period.
 *   実績  a number as decimal_parse() reads it (1,200, １２００, 65.1), a
 *         leading ▲ or △ for a negative (Japanese accounting), optionally
 *         followed by the measure's unit (65.1％, 17事業者; ％ and % are the
 *         same; "人" for a unit "人/年").  Empty: "not yet known".  Not
 *         exponent notation (1e9, 1.5E3, and their full-width forms): Excel saves
 *         long numbers so, rounded; the error gives the number in full.
 *
 * ERRORS are reported as FILE:ROW:COLUMN: message, the diag line being the
 * spreadsheet row (the record number with the header as row 1) and the
 * column that of the first character of the cell at fault on its line
 * (after an opening quote and blanks, counted in characters, so that an
 * editor can go to it); only what concerns a row as a whole (its number of
 * fields, a second row for the same measure and year, a header without the
 * three columns) is FILE:ROW with column 0.  The merge's warnings and notes
 * about a value have the value's cell.  Errors are given for: a row naming
 * no indicator (or an ambiguous name, or a compound indicator without its
 * part), a year that is not one or lies outside the plan, a value that does
 * not parse or is in exponent notation, a unit that does not match, a
 * second row for the same measure and year, a row with more or fewer fields
 * than the header, a field that starts with =, +, -letter or @ ("formula
 * not evaluated"), a field over 4096 bytes, an unterminated quote.  Every
 * row is checked and every problem reported before anything is merged; if
 * there is any error, the plan is left exactly as it was.
 *
 * MERGE.  The checked rows are merged by actuals_merge() (load.h), as the
 * values of an XML actuals file are: a known value replaces the measure's
 * actual of that year (with a DIAG_NOTE naming both places: later files
 * override earlier ones), an empty one never erases a known one, actuals
 * stay sorted by year.  Merged values are published data: illustrative =
 * false, source = path, line = row; p->actuals_illustrative is recomputed.
 */
#ifndef SHIRYO_ACTUALS_CSV_H
#define SHIRYO_ACTUALS_CSV_H

#include <stddef.h>

struct plan;
struct diag_list;

#define ACTUALS_CSV_MAX_FIELD 4096          /* bytes of one field */
#define ACTUALS_CSV_MAX_FILE (16u << 20)    /* bytes of one file */

/* Reads path and merges its values into p (strings in p's arena).  Returns
 * 0 when every row was merged, -1 when the file could not be read or had
 * errors (all reported into dg; p unchanged). */
int actuals_load_csv(struct plan *p, const char *path, struct diag_list *dg);

/* The same on bytes in memory; name is used in messages and as the source
 * of the merged values. */
int actuals_parse_csv(struct plan *p, const char *name, const char *data,
		      size_t len, struct diag_list *dg);

#endif

/* sheet.h - the input workbook for departments (shiryo sheet).
 *
 * One row per measure (a compound indicator has a row per part): number,
 * 施策の柱 (or the indicator's group), 指標ID, 指標, 単位, 基準値, 目標値,
 * 所管課 when the plan records one, then the earlier years' actuals
 * (headed "R6（登録済）": not read back), locked, and the open cells:
 * "<FY>実績" (the value; read back by actuals_load_xlsx()), "<FY>見込み"
 * (interim or forecast) and コメント.  The sheet is protected without a
 * password, only the open cells can be edited, and the value cells accept
 * numbers only (data validation), in the number format of the measure's
 * target (65.0 → 0.0), so that what is typed keeps the plan's precision.
 */
#ifndef SHIRYO_SHEET_H
#define SHIRYO_SHEET_H

#include <stdbool.h>

struct plan;
struct diag_list;

struct sheet_options {
	int fy;             /* the year to be entered */
	bool by_department; /* a sheet per 所管課, when the plan records them */
};

/* Writes the workbook to path ("-": standard output) through a temporary
 * file renamed into place, so that a failure leaves no partial file and
 * an existing one untouched.  Returns 0, or -1 with the reason in dg. */
int sheet_write_xlsx(const struct plan *p, const struct sheet_options *o,
		     const char *path, struct diag_list *dg);

#endif

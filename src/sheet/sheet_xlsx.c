/* sheet_xlsx.c - the input workbook for departments, written with
 * libxlsxwriter; what it holds is in sheet.h.
 *
 * Only this file knows libxlsxwriter.  The columns the reader looks for
 * (指標ID, "<FY>実績") are the contract with actuals_xlsx.c: a workbook
 * written here and filled in must read back without any setting.
 */
#include "sheet.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "alloc.h"
#include "decimal.h"
#include "diag.h"
#include "outfile.h"
#include "fy.h"
#include "plan.h"
#include "record.h"

#define MAX_EARLIER 10 /* earlier years shown: the most recent ten */

/* The year the workbook is for, for indicator_department(). */
static int sheet_fy;

/* The 所管課 of an indicator as of the sheet's year: from the latest
 * evaluation record that names one (record.h), or NULL. */
static const char *indicator_department(const struct plan *p, const struct indicator *ind)
{
	return eval_dept(p, ind, sheet_fy, NULL);
}

struct formats {
	lxw_format *title, *note, *head, *head_input, *text, *locked_num, *input_text;
	lxw_format *input_num[7]; /* by decimals 0..6 */
};

static void make_formats(lxw_workbook *wb, struct formats *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->note = workbook_add_format(wb);
	format_set_font_color(f->note, 0x595959);
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_bg_color(f->head, 0xD9D9D9);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	f->head_input = workbook_add_format(wb);
	format_set_bold(f->head_input);
	format_set_bg_color(f->head_input, 0xFFE699);
	format_set_border(f->head_input, LXW_BORDER_THIN);
	format_set_text_wrap(f->head_input);
	format_set_align(f->head_input, LXW_ALIGN_VERTICAL_CENTER);
	f->text = workbook_add_format(wb);
	format_set_border(f->text, LXW_BORDER_THIN);
	format_set_text_wrap(f->text);
	format_set_align(f->text, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(f->text, 0xF2F2F2);
	f->locked_num = workbook_add_format(wb);
	format_set_border(f->locked_num, LXW_BORDER_THIN);
	format_set_align(f->locked_num, LXW_ALIGN_RIGHT);
	format_set_align(f->locked_num, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(f->locked_num, 0xF2F2F2);
	f->input_text = workbook_add_format(wb);
	format_set_border(f->input_text, LXW_BORDER_THIN);
	format_set_unlocked(f->input_text);
	format_set_text_wrap(f->input_text);
	format_set_bg_color(f->input_text, 0xFFF2CC);
	static const char *const num_formats[7] = {
		"#,##0", "#,##0.0", "#,##0.00", "#,##0.000", "#,##0.0000", "#,##0.00000",
		"#,##0.000000"};
	for (int i = 0; i < 7; i++) {
		f->input_num[i] = workbook_add_format(wb);
		format_set_border(f->input_num[i], LXW_BORDER_THIN);
		format_set_unlocked(f->input_num[i]);
		format_set_num_format(f->input_num[i], num_formats[i]);
		format_set_bg_color(f->input_num[i], 0xFFF2CC);
	}
}

/* The decimals a measure's values are written with: those of its target
 * or baseline, whichever has more. */
static int measure_decimals(const struct measure *m)
{
	int d = m->target.value.scale;
	if (m->baseline.kind != BASELINE_UNKNOWN && m->baseline.value.scale > d)
		d = m->baseline.value.scale;
	for (size_t i = 0; i < m->n_actuals; i++)
		if (m->actuals[i].known && m->actuals[i].value.scale > d)
			d = m->actuals[i].value.scale;
	return d < 0 ? 0 : d > 6 ? 6 : d;
}

static const struct actual *actual_of(const struct measure *m, int fy)
{
	for (size_t i = 0; i < m->n_actuals; i++)
		if (m->actuals[i].fy == fy)
			return &m->actuals[i];
	return NULL;
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
static void sheet_name(const char *want, char *buf, size_t size)
{
	size_t k = 0;
	int chars = 0;
	for (const char *s = want; *s && chars < 31 && k + 5 < size;) {
		unsigned char c = (unsigned char)*s;
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (len == 1 && strchr("[]:*?/\\", *s))
			buf[k++] = '_';
		else
			for (size_t i = 0; i < len && s[i]; i++)
				buf[k++] = s[i];
		s += len;
		chars++;
	}
	buf[k] = '\0';
	if (!k)
		snprintf(buf, size, "実績");
}

struct layout {
	int first_earlier, n_earlier;
	bool department;
	int col_earlier, col_value, col_forecast, col_factors, col_choice, col_comment;
};

static void write_sheet(lxw_workbook *wb, const struct formats *f, const struct plan *p,
			const struct sheet_options *o, const struct layout *L,
			const char *name, const char *department, bool no_department)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	char fy[32], fy_era[48], buf[512];
	fy_format(o->fy, FY_STYLE_SHORT, fy, sizeof fy);
	fy_format(o->fy, FY_STYLE_ERA, fy_era, sizeof fy_era);

	snprintf(buf, sizeof buf, "%s　%s 実績入力%s%s", p->title ? p->title : "", fy_era,
		 department ? "　" : "", department ? department : "");
	worksheet_write_string(ws, 0, 0, buf, f->title);
	snprintf(buf, sizeof buf, "黄色のセルに%s（%s）の実績・見込み・コメントを入力してください。"
		 "灰色のセルは計画と登録済みの値で、変更できません。空欄は「未確定」として扱います。",
		 fy_era, fy);
	worksheet_write_string(ws, 1, 0, buf, f->note);

	/* the header row (row 3): the reader finds it by 指標ID / 指標 */
	lxw_row_t h = 3;
	const char *fixed[] = {"番号", "施策の柱", "指標ID", "指標", "単位", "基準値", "目標値"};
	lxw_col_t c = 0;
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		worksheet_write_string(ws, h, c++, fixed[i], f->head);
	if (L->department)
		worksheet_write_string(ws, h, c++, "所管課", f->head);
	for (int k = 0; k < L->n_earlier; k++) {
		char y[32];
		fy_format(L->first_earlier + k, FY_STYLE_SHORT, y, sizeof y);
		snprintf(buf, sizeof buf, "%s（登録済）", y);
		worksheet_write_string(ws, h, c++, buf, f->head);
	}
	snprintf(buf, sizeof buf, "%s実績", fy);
	worksheet_write_string(ws, h, (lxw_col_t)L->col_value, buf, f->head_input);
	snprintf(buf, sizeof buf, "%s見込み", fy);
	worksheet_write_string(ws, h, (lxw_col_t)L->col_forecast, buf, f->head_input);
	worksheet_write_string(ws, h, (lxw_col_t)L->col_factors, "要因分析", f->head_input);
	worksheet_write_string(ws, h, (lxw_col_t)L->col_choice, "今後の方向性", f->head_input);
	worksheet_write_string(ws, h, (lxw_col_t)L->col_comment, "コメント", f->head_input);

	worksheet_set_column(ws, 0, 0, 6, NULL);
	worksheet_set_column(ws, 1, 1, 22, NULL);
	worksheet_set_column(ws, 2, 2, 12, NULL);
	worksheet_set_column(ws, 3, 3, 36, NULL);
	worksheet_set_column(ws, 4, 6, 12, NULL);
	worksheet_set_column(ws, (lxw_col_t)(L->col_earlier - (L->department ? 1 : 0)),
			     (lxw_col_t)(L->col_value), 12, NULL);
	worksheet_set_column(ws, (lxw_col_t)L->col_forecast, (lxw_col_t)L->col_forecast, 12, NULL);
	worksheet_set_column(ws, (lxw_col_t)L->col_factors, (lxw_col_t)L->col_factors, 30, NULL);
	worksheet_set_column(ws, (lxw_col_t)L->col_choice, (lxw_col_t)L->col_choice, 12, NULL);
	worksheet_set_column(ws, (lxw_col_t)L->col_comment, (lxw_col_t)L->col_comment, 30, NULL);
	worksheet_set_row(ws, h, 30, NULL);

	lxw_row_t r = h + 1;
	for (size_t i = 0; i < p->n_indicators; i++) {
		const struct indicator *ind = &p->indicators[i];
		const char *dep = indicator_department(p, ind);
		if (department && (!dep || strcmp(dep, department)))
			continue;
		if (no_department && dep)
			continue;
		for (size_t k = 0; k < ind->n_measures; k++) {
			const struct measure *m = &ind->measures[k];
			if (!m->id)
				continue;
			c = 0;
			worksheet_write_string(ws, r, c++, ind->no ? ind->no : "", f->text);
			if (ind->pillar)
				snprintf(buf, sizeof buf, "%s%s%s", ind->pillar->no ? ind->pillar->no : "",
					 ind->pillar->no ? " " : "",
					 ind->pillar->title ? ind->pillar->title : "");
			else
				snprintf(buf, sizeof buf, "%s", ind->group ? ind->group : "");
			worksheet_write_string(ws, r, c++, buf, f->text);
			worksheet_write_string(ws, r, c++, m->id, f->text);
			if (m->name)
				snprintf(buf, sizeof buf, "%s（%s）", ind->name ? ind->name : "", m->name);
			else
				snprintf(buf, sizeof buf, "%s", ind->name ? ind->name : "");
			worksheet_write_string(ws, r, c++, buf, f->text);
			worksheet_write_string(ws, r, c++, m->unit ? m->unit : "", f->text);
			char num[64];
			if (m->baseline.text)
				snprintf(buf, sizeof buf, "%s", m->baseline.text);
			else if (m->baseline.kind == BASELINE_UNKNOWN)
				snprintf(buf, sizeof buf, "―");
			else
				decimal_format(m->baseline.value, true, buf, sizeof buf);
			worksheet_write_string(ws, r, c++, buf, f->text);
			if (m->target.text)
				snprintf(buf, sizeof buf, "%s", m->target.text);
			else
				decimal_format(m->target.value, true, buf, sizeof buf);
			worksheet_write_string(ws, r, c++, buf, f->text);
			if (L->department)
				worksheet_write_string(ws, r, c++, dep ? dep : "", f->text);
			for (int y = 0; y < L->n_earlier; y++) {
				const struct actual *a = actual_of(m, L->first_earlier + y);
				if (a && a->known)
					decimal_format(a->value, true, num, sizeof num);
				else
					num[0] = '\0';
				worksheet_write_string(ws, r, c++, num, f->locked_num);
			}
			int d = measure_decimals(m);
			/* empty even when the plan has a value for the year: the
			 * department enters what it reports, and a value typed
			 * here replaces the plan's (with a note) */
			worksheet_write_blank(ws, r, (lxw_col_t)L->col_value, f->input_num[d]);
			worksheet_write_blank(ws, r, (lxw_col_t)L->col_forecast, f->input_num[d]);
			worksheet_write_blank(ws, r, (lxw_col_t)L->col_factors, f->input_text);
			worksheet_write_blank(ws, r, (lxw_col_t)L->col_choice, f->input_text);
			worksheet_write_blank(ws, r, (lxw_col_t)L->col_comment, f->input_text);
			r++;
		}
	}
	if (r > h + 1) {
		lxw_data_validation v = {0};
		v.validate = LXW_VALIDATION_TYPE_DECIMAL;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = -1e15;
		v.maximum_number = 1e15;
		v.ignore_blank = LXW_VALIDATION_ON;
		v.show_error = LXW_VALIDATION_ON;
		v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
		v.error_title = "数値を入力してください";
		v.error_message = "実績・見込みの欄には数値だけを入力します（単位は不要、"
				  "未確定なら空欄）。";
		worksheet_data_validation_range(ws, h + 1, (lxw_col_t)L->col_value, r - 1,
						(lxw_col_t)L->col_forecast, &v);
		/* 今後の方向性: one of the plan's words (at most 255 characters
		 * in all, Excel's limit for a list written in the rule) */
		const char *list[33] = {0};
		size_t n = 0, len = 0;
		for (size_t i = 0; i < p->n_review_choices && n < 32; i++) {
			len += strlen(p->review_choices[i]) + 1;
			if (len > 255)
				break;
			list[n++] = p->review_choices[i];
		}
		if (n) {
			lxw_data_validation choice = {0};
			choice.validate = LXW_VALIDATION_TYPE_LIST;
			choice.value_list = (char **)list;
			choice.ignore_blank = LXW_VALIDATION_ON;
			choice.show_error = LXW_VALIDATION_ON;
			choice.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
			choice.error_title = "一覧から選んでください";
			choice.error_message = "今後の方向性は、計画が定める語から選びます。";
			worksheet_data_validation_range(ws, h + 1, (lxw_col_t)L->col_choice, r - 1,
							(lxw_col_t)L->col_choice, &choice);
		}
	}
	worksheet_freeze_panes(ws, h + 1, 4);
	lxw_protection prot = {0};
	prot.format_columns = 1;
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
}

/* Reads the whole file at from into a malloc'd buffer. */
static unsigned char *slurp(const char *from, size_t *len)
{
	FILE *in = fopen(from, "rb");
	if (!in)
		return NULL;
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, got;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n, in);
		n += got;
	} while (got > 0);
	bool bad = ferror(in);
	fclose(in);
	if (bad) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

int sheet_write_xlsx(const struct plan *p, const struct sheet_options *o,
		     const char *path, struct diag_list *dg)
{
	/* libxlsxwriter writes to a file name: a private temporary file,
	 * whose bytes then go to path by the write policy (outfile.c), as a
	 * PDF's do - never over an input, devices written through, links
	 * followed, mode kept. */
	char tmp[4096];
	const char *dir = getenv("TMPDIR");
	snprintf(tmp, sizeof tmp, "%s/shiryo-sheet.XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_add(dg, DIAG_ERROR, path, 0, 0,
			 "cannot write the workbook: %s (while creating a temporary file in '%s')",
			 strerror(errno), dir && *dir ? dir : "/tmp");
		return -1;
	}
	close(fd);

	sheet_fy = o->fy;
	struct layout L = {0};
	L.first_earlier = p->from;
	if (o->fy - L.first_earlier > MAX_EARLIER)
		L.first_earlier = o->fy - MAX_EARLIER;
	L.n_earlier = o->fy > L.first_earlier ? o->fy - L.first_earlier : 0;
	bool any_department = false;
	for (size_t i = 0; i < p->n_indicators; i++)
		if (indicator_department(p, &p->indicators[i]))
			any_department = true;
	L.department = any_department;
	L.col_earlier = 7 + (L.department ? 1 : 0);
	L.col_value = L.col_earlier + L.n_earlier;
	L.col_forecast = L.col_value + 1;
	L.col_factors = L.col_value + 2;
	L.col_choice = L.col_value + 3;
	L.col_comment = L.col_value + 4;

	lxw_workbook_options wo = {0};
	lxw_workbook *wb = workbook_new_opt(tmp, &wo);
	if (!wb) {
		diag_add(dg, DIAG_ERROR, path, 0, 0, "cannot write the workbook");
		unlink(tmp);
		return -1;
	}
	lxw_doc_properties props = {0};
	props.title = p->title ? (char *)p->title : "";
	props.company = p->issuer ? (char *)p->issuer : "";
	props.comments = "shiryo sheet";
	workbook_set_properties(wb, &props);
	struct formats f;
	make_formats(wb, &f);

	char name[128];
	if (o->by_department && any_department) {
		/* one sheet per department, in the order they first appear */
		for (size_t i = 0; i < p->n_indicators; i++) {
			const char *dep = indicator_department(p, &p->indicators[i]);
			bool seen = !dep;
			for (size_t k = 0; k < i && !seen; k++) {
				const char *d = indicator_department(p, &p->indicators[k]);
				seen = d && !strcmp(d, dep);
			}
			if (seen)
				continue;
			sheet_name(dep, name, sizeof name);
			write_sheet(wb, &f, p, o, &L, name, dep, false);
		}
		bool orphans = false;
		for (size_t i = 0; i < p->n_indicators; i++)
			orphans |= !indicator_department(p, &p->indicators[i]);
		if (orphans)
			write_sheet(wb, &f, p, o, &L, "所管課なし", NULL, true);
	} else {
		if (o->by_department)
			diag_add(dg, DIAG_NOTE, p->file, 0, 0,
				 "the plan records no 所管課 for its indicators: one sheet for all");
		write_sheet(wb, &f, p, o, &L, "実績入力", NULL, false);
	}
	lxw_error err = workbook_close(wb);
	if (err != LXW_NO_ERROR) {
		diag_add(dg, DIAG_ERROR, path, 0, 0, "cannot write the workbook: %s",
			 lxw_strerror(err));
		unlink(tmp);
		return -1;
	}
	size_t len = 0;
	unsigned char *data = slurp(tmp, &len);
	int saved = errno;
	unlink(tmp);
	if (!data) {
		diag_add(dg, DIAG_ERROR, path, 0, 0, "cannot write the workbook: %s",
			 strerror(saved));
		return -1;
	}
	char why[512];
	int rc = outfile_write(path, data, len, why, sizeof why);
	free(data);
	if (rc != 0) {
		diag_add(dg, DIAG_ERROR, NULL, 0, 0, "cannot write '%s': %s",
			 strcmp(path, "-") ? path : "standard output", why);
		return -1;
	}
	return 0;
}

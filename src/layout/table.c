/* table.c - the table model, column sizing and measuring.  See table.h;
 * tplace.c puts a measured table onto pages.
 *
 * Measuring happens once per table, when the story is laid out: spans are
 * checked and clamped, columns sized, every anchor cell broken into lines
 * at its final width, and the height of every row computed as if nothing
 * were split (a spanning cell's surplus goes to the last row it spans, the
 * way HTML tables do it).  All cells of a table share one font size and
 * line pitch, so "how many lines fit" is the same question in every cell
 * and the rows split cleanly between lines.
 */
#include "layout_int.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "diag.h"
#include "typesize.h"

#define DEFAULT_SIZE TYPE.table
#define DEFAULT_LINE_HEIGHT 1.4f
#define DEFAULT_PAD_X 3.0f
#define DEFAULT_PAD_Y 2.0f
#define DEFAULT_GREY 0.85f
#define DEFAULT_RULE 0.5f

float table_pad_x(const struct table_style *st)
{
	return st && st->pad_x > 0 ? st->pad_x : DEFAULT_PAD_X;
}

struct table *table_new(size_t n_cols, const struct table_style *style)
{
	assert(n_cols >= 1);
	struct table *t = xcalloc(1, sizeof *t);
	t->n_cols = n_cols;
	t->cols = xcalloc(n_cols, sizeof *t->cols);
	for (size_t c = 0; c < n_cols; c++) {
		t->cols[c].width_kind = TABLE_SHARE;
		t->cols[c].width = 1;
	}
	if (style)
		t->style = *style;
	t->arena = arena_new();
	return t;
}

static void forget_measure(struct table *t)
{
	size_t n = t->n_rows * t->n_cols;
	for (size_t i = 0; i < n; i++) {
		text_layout_free(t->cells[i].tl);
		t->cells[i].tl = NULL;
	}
	free(t->col_x);
	free(t->dec_int);
	free(t->dec_frac);
	free(t->row_h);
	free(t->group_end);
	t->col_x = t->dec_int = t->dec_frac = t->row_h = NULL;
	t->group_end = NULL;
	t->measured = false;
}

void table_free(struct table *t)
{
	if (!t)
		return;
	forget_measure(t);
	free(t->cells);
	free(t->cols);
	arena_free(t->arena);
	free(t);
}

void table_set_col(struct table *t, size_t col, const struct table_col *c)
{
	assert(col < t->n_cols);
	t->cols[col] = *c;
	t->measured = false;
}

size_t table_add_row(struct table *t, bool header)
{
	if (t->n_rows == t->alloc_rows) {
		size_t n = t->alloc_rows ? t->alloc_rows * 2 : 16;
		struct tcell *p = xreallocarray(t->cells, n * t->n_cols, sizeof *p);
		t->cells = p;
		t->alloc_rows = n;
	}
	memset(tcell_at(t, t->n_rows, 0), 0, t->n_cols * sizeof *t->cells);
	if (header && !t->body_started)
		t->n_header++;
	else
		t->body_started = true;
	t->measured = false;
	return t->n_rows++;
}

void table_set_cell(struct table *t, size_t row, size_t col,
		    const struct table_cell *c)
{
	assert(row < t->n_rows && col < t->n_cols);
	struct tcell *tc = tcell_at(t, row, col);
	tc->text = c->text && *c->text ? arena_strdup(t->arena, c->text) : NULL;
	tc->len = tc->text ? strlen(tc->text) : 0;
	tc->rowspan = c->rowspan;
	tc->colspan = c->colspan;
	tc->align = c->align;
	tc->valign_set = c->valign_set;
	tc->valign = c->valign;
	tc->grey = c->grey;
	tc->src.file = c->src.file ? arena_strdup(t->arena, c->src.file) : NULL;
	tc->src.line = c->src.line;
	tc->draw = c->draw;
	tc->draw_ctx = c->draw_ctx;
	tc->draw_h = c->draw && c->draw_h > 0 ? c->draw_h : 0;
	t->measured = false;
}

void table_set(struct table *t, size_t row, size_t col, const char *utf8)
{
	table_set_cell(t, row, col, &(struct table_cell){.text = utf8});
}

size_t table_work(const struct table *t)
{
	return t->work;
}

size_t table_rows(const struct table *t)
{
	return t->n_rows;
}

size_t table_cols(const struct table *t)
{
	return t->n_cols;
}

float table_cell_need(const struct table *t, size_t n_lines)
{
	return (float)n_lines * t->pitch + 2 * t->pad_y;
}

/* ---- spans ----------------------------------------------------------- */

static size_t row_limit(const struct table *t, size_t r)
{
	return r < t->n_header ? t->n_header : t->n_rows;
}

/* Gives every grid position its owner.  A span is clamped to the table, to
 * the header or body it starts in, and to positions nobody owns yet; a
 * text in a covered position is dropped with a warning. */
static void resolve_spans(struct table *t, struct diag_list *dg)
{
	size_t n = t->n_rows * t->n_cols;
	const size_t FREE = SIZE_MAX;
	for (size_t i = 0; i < n; i++)
		t->cells[i].owner = FREE;
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t c = 0; c < t->n_cols; c++) {
			struct tcell *a = tcell_at(t, r, c);
			size_t self = r * t->n_cols + c;
			if (a->owner != FREE) {
				if (a->text)
					diag_add(dg, DIAG_WARNING, a->src.file,
						 a->src.line, 0,
						 "table cell (%zu, %zu) '%.40s' lies under a "
						 "spanning cell and is not shown",
						 r + 1, c + 1, a->text);
				a->rowspan = a->colspan = 1;
				continue;
			}
			size_t rs = a->rowspan > 1 ? (size_t)a->rowspan : 1;
			size_t cs = a->colspan > 1 ? (size_t)a->colspan : 1;
			size_t want_rs = rs, want_cs = cs;
			if (cs > t->n_cols - c)
				cs = t->n_cols - c;
			for (size_t k = 1; k < cs; k++)
				if (tcell_at(t, r, c + k)->owner != FREE) {
					cs = k;
					break;
				}
			if (rs > row_limit(t, r) - r)
				rs = row_limit(t, r) - r;
			for (size_t q = 1; q < rs; q++) {
				bool taken = false;
				for (size_t k = 0; k < cs; k++)
					taken |= tcell_at(t, r + q, c + k)->owner !=
						 FREE;
				if (taken) {
					rs = q;
					break;
				}
			}
			if (rs != want_rs || cs != want_cs)
				diag_add(dg, DIAG_WARNING, a->src.file, a->src.line,
					 0,
					 "table cell (%zu, %zu) spans %zu x %zu cells "
					 "but only %zu x %zu are free: span reduced",
					 r + 1, c + 1, want_rs, want_cs, rs, cs);
			a->rowspan = (int)rs;
			a->colspan = (int)cs;
			for (size_t q = 0; q < rs; q++)
				for (size_t k = 0; k < cs; k++)
					tcell_at(t, r + q, c + k)->owner = self;
		}
	}
}

/* ---- decimal alignment ------------------------------------------------ */

/* Decodes the code point at s[i] (ASCII and the 3-byte range are all this
 * needs); stores its byte length. */
static uint32_t peek(const char *s, size_t len, size_t i, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s + i;
	if (u[0] < 0x80 || i + 2 >= len || (u[0] & 0xF0) != 0xE0) {
		*n = 1;
		return u[0];
	}
	*n = 3;
	return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
	       (u[2] & 0x3F);
}

static bool is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Bytes of s before its decimal point: the point ('.' or '．') after the
 * first run of digits when a digit follows it, else the end of that run;
 * a text without digits is all "before". */
static size_t int_part(const char *s, size_t len)
{
	size_t i = 0, n;
	while (i < len && !is_digit(peek(s, len, i, &n)))
		i += n;
	if (i == len)
		return len;
	while (i < len) {
		uint32_t cp = peek(s, len, i, &n);
		if (is_digit(cp) || cp == ',' || cp == 0xFF0C) {
			i += n;
			continue;
		}
		if (cp == '.' || cp == 0xFF0E) {
			size_t m;
			if (i + n < len && is_digit(peek(s, len, i + n, &m)))
				return i;
		}
		break;
	}
	/* a trailing comma is punctuation, not part of the number */
	return i;
}

/* ---- column widths ------------------------------------------------------ */

static enum text_align text_align_of(enum table_align a)
{
	switch (a) {
	case TABLE_CENTER:
		return TEXT_CENTER;
	case TABLE_RIGHT:
		return TEXT_RIGHT;
	case TABLE_JUSTIFY:
		return TEXT_JUSTIFY;
	default:
		return TEXT_LEFT;
	}
}

static struct text_style cell_style(const struct table *t, size_t r,
				    const struct tcell *a, size_t c)
{
	struct text_style st = {0};
	st.role = t->style.role;
	st.size = t->style.size;
	st.line_height = t->style.line_height;
	st.color = DL_BLACK;
	st.whole_words = true; /* a column is narrow: 粗付加価|値額 takes a line */
	if (r < t->n_header) {
		st.align = TEXT_CENTER;
		st.valign = TEXT_MIDDLE;
		return st;
	}
	enum table_align al = a->align ? a->align : t->cols[c].align;
	st.align = text_align_of(al);
	st.valign = a->valign_set ? a->valign : t->cols[c].valign;
	return st;
}

static bool cell_decimal(const struct table *t, size_t r, size_t c,
			 const struct tcell *a)
{
	if (r < t->n_header || a->colspan != 1)
		return false;
	enum table_align al = a->align ? a->align : t->cols[c].align;
	return al == TABLE_DECIMAL && a->text && !memchr(a->text, '\n', a->len);
}

/* Shares w among n columns between lo and hi: everyone gets hi when that
 * fits (and the rest, in proportion to hi, when grow is set), else lo plus
 * the same fraction of hi - lo, else lo scaled down. */
static void share_auto(float *out, const float *lo, const float *hi,
		       const size_t *idx, size_t n, float w, bool grow)
{
	double slo = 0, shi = 0;
	for (size_t k = 0; k < n; k++) {
		slo += lo[idx[k]];
		shi += hi[idx[k]];
	}
	for (size_t k = 0; k < n; k++) {
		size_t c = idx[k];
		if (shi <= w) {
			out[c] = hi[c];
			if (grow && shi > 0)
				out[c] += (float)((w - shi) * hi[c] / shi);
		} else if (slo <= w) {
			double f = shi > slo ? (w - slo) / (shi - slo) : 0;
			out[c] = (float)(lo[c] + (hi[c] - lo[c]) * f);
		} else {
			out[c] = slo > 0 ? (float)(lo[c] * w / slo) : 0;
		}
	}
}

static void size_columns(struct table *t, struct text_engine *te,
			 float width)
{
	size_t nc = t->n_cols;
	float *lo = xcalloc(nc, sizeof *lo), *hi = xcalloc(nc, sizeof *hi);
	float *w = xcalloc(nc, sizeof *w);
	size_t *autos = xcalloc(nc, sizeof *autos);
	/* the padding, and a hundredth of a point: the column edges are sums
	 * of floats (col_x), and a cell whose longest unbreakable piece is
	 * exactly as wide as its column lost the last bits and was broken
	 * inside it (31,734万|円) */
	float pad = 2 * t->pad_x + 0.01f;
	for (size_t c = 0; c < nc; c++)
		lo[c] = hi[c] = pad + t->style.size; /* an empty column */

	/* what the content of each auto column asks for */
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t c = 0; c < nc; c++) {
			struct tcell *a = tcell_at(t, r, c);
			if (a->owner != r * nc + c || !a->text)
				continue;
			if (a->colspan != 1 || t->cols[c].width_kind != TABLE_AUTO)
				continue;
			if (a->decimal)
				continue; /* below, from dec_int + dec_frac */
			struct text_style st = cell_style(t, r, a, c);
			struct text_layout *m = text_layout_new(
				te, a->text, a->len, &st, 0, &a->src, NULL);
			if (m->min_width + pad > lo[c])
				lo[c] = m->min_width + pad;
			if (m->natural_width + pad > hi[c])
				hi[c] = m->natural_width + pad;
			text_layout_free(m);
		}
	}
	for (size_t c = 0; c < nc; c++) {
		float dec = t->dec_int[c] + t->dec_frac[c] + pad;
		if (dec > lo[c])
			lo[c] = dec;
		if (dec > hi[c])
			hi[c] = dec;
		const struct table_col *col = &t->cols[c];
		if (col->width_kind != TABLE_AUTO)
			continue;
		if (col->max > 0) {
			if (hi[c] > col->max)
				hi[c] = col->max;
			if (lo[c] > col->max)
				lo[c] = col->max;
		}
		if (col->min > 0) {
			if (lo[c] < col->min)
				lo[c] = col->min;
			if (hi[c] < col->min)
				hi[c] = col->min;
		}
	}
	/* a cell spanning columns widens the auto columns under it */
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t c = 0; c < nc; c++) {
			struct tcell *a = tcell_at(t, r, c);
			if (a->owner != r * nc + c || !a->text || a->colspan < 2)
				continue;
			size_t n_auto = 0;
			float have = 0;
			for (size_t k = c; k < c + (size_t)a->colspan; k++) {
				if (t->cols[k].width_kind == TABLE_AUTO) {
					n_auto++;
					have += lo[k];
				} else if (t->cols[k].width_kind == TABLE_FIXED) {
					have += t->cols[k].width;
				}
			}
			if (!n_auto)
				continue;
			struct text_style st = cell_style(t, r, a, c);
			struct text_layout *m = text_layout_new(
				te, a->text, a->len, &st, 0, &a->src, NULL);
			float need = m->min_width + pad;
			text_layout_free(m);
			if (need <= have)
				continue;
			float add = (need - have) / (float)n_auto;
			for (size_t k = c; k < c + (size_t)a->colspan; k++) {
				if (t->cols[k].width_kind != TABLE_AUTO)
					continue;
				lo[k] += add;
				if (hi[k] < lo[k])
					hi[k] = lo[k];
			}
		}
	}

	float rest = width;
	double weights = 0, share_lo = 0;
	size_t n_auto = 0;
	for (size_t c = 0; c < nc; c++) {
		const struct table_col *col = &t->cols[c];
		if (col->width_kind == TABLE_FIXED) {
			w[c] = col->width > 0 ? col->width : 0;
			rest -= w[c];
		} else if (col->width_kind == TABLE_AUTO) {
			autos[n_auto++] = c;
		} else {
			weights += col->width > 0 ? col->width : 1;
			share_lo += pad + t->style.size;
		}
	}
	if (rest < 0)
		rest = 0;
	if (weights > 0) {
		/* auto columns first, leaving share columns at least one
		 * character each; the share columns split what is left */
		float for_auto = rest - (float)share_lo;
		if (for_auto < 0)
			for_auto = 0;
		share_auto(w, lo, hi, autos, n_auto, for_auto, false);
		float left = rest;
		for (size_t k = 0; k < n_auto; k++)
			left -= w[autos[k]];
		if (left < 0)
			left = 0;
		for (size_t c = 0; c < nc; c++) {
			const struct table_col *col = &t->cols[c];
			if (col->width_kind == TABLE_SHARE)
				w[c] = (float)(left * (col->width > 0 ? col->width : 1) /
					       weights);
		}
	} else {
		share_auto(w, lo, hi, autos, n_auto, rest, true);
	}

	t->col_x[0] = 0;
	for (size_t c = 0; c < nc; c++)
		t->col_x[c + 1] = t->col_x[c] + w[c];
	t->width = t->col_x[nc];
	free(lo);
	free(hi);
	free(w);
	free(autos);
}

/* ---- rows ------------------------------------------------------------- */

static size_t lines_of(const struct tcell *a)
{
	return a->tl ? a->tl->n_lines : 0;
}

static void size_rows(struct table *t)
{
	size_t nc = t->n_cols;
	double *top = xmallocarray(t->n_rows + 1, sizeof *top);
	top[0] = 0;
	float empty = table_cell_need(t, 1);
	for (size_t r = 0; r < t->n_rows; r++) {
		float h = empty;
		for (size_t c = 0; c < nc; c++) {
			const struct tcell *a = &t->cells[tcell_at(t, r, c)->owner];
			if (a->rowspan == 1 && a->owner == r * nc + c) {
				float need = table_cell_need(t, lines_of(a));
				if (need > h)
					h = need;
				if (a->draw && a->draw_h + 2 * t->pad_y > h)
					h = a->draw_h + 2 * t->pad_y;
			}
		}
		/* spanning cells ending here get what the rows above lack */
		for (size_t c = 0; c < nc; c++) {
			size_t o = tcell_at(t, r, c)->owner;
			const struct tcell *a = &t->cells[o];
			size_t ar = o / nc, ac = o % nc;
			if (ac != c || a->rowspan == 1 ||
			    ar + (size_t)a->rowspan - 1 != r)
				continue;
			float need = table_cell_need(t, lines_of(a)) -
				     (float)(top[r] - top[ar]);
			if (need > h)
				h = need;
		}
		t->row_h[r] = h;
		top[r + 1] = top[r] + h;
	}
	t->header_h = (float)top[t->n_header];
	t->full_h = (float)top[t->n_rows];
	free(top);

	/* groups: rows tied together by row spans */
	for (size_t r = 0; r < t->n_rows;) {
		size_t start = r, end = r;
		for (size_t q = r; q <= end; q++) {
			for (size_t c = 0; c < nc; c++) {
				size_t o = tcell_at(t, q, c)->owner;
				size_t last = o / nc + (size_t)t->cells[o].rowspan - 1;
				if (last > end)
					end = last;
			}
		}
		for (size_t q = start; q <= end; q++)
			t->group_end[q] = end;
		r = end + 1;
	}
}

/* A line wider than its cell runs over the column rule into the next
 * cell (a fixed column too narrow for a word at the table's size): never
 * silently - the documents' tests look for this warning. */
static void overflow(const struct table *t, size_t r, size_t c, float w,
		     float inner, struct diag_list *dg)
{
	const struct tcell *a = &t->cells[r * t->n_cols + c];
	if (w > inner + 0.5f)
		diag_add(dg, DIAG_WARNING, a->src.file, a->src.line, 0,
			 "table cell (%zu, %zu) '%.40s' is %.1f pt wide, wider than "
			 "its column (%.1f pt)", r + 1, c + 1, a->text, (double)w,
			 (double)inner);
}

void table_measure(struct table *t, struct text_engine *te, float body_w,
		   struct diag_list *dg)
{
	if (t->measured)
		return;
	forget_measure(t);
	struct table_style *st = &t->style;
	if (!(st->size > 0)) {
		st->role = FONT_GOTHIC;
		st->size = DEFAULT_SIZE;
	}
	if (!(st->line_height > 0))
		st->line_height = DEFAULT_LINE_HEIGHT;
	t->pad_x = table_pad_x(st);
	t->pad_y = st->pad_y > 0 ? st->pad_y : DEFAULT_PAD_Y;
	t->rule = st->rule > 0 ? st->rule : DEFAULT_RULE;
	t->grey = st->header_grey > 0 ? st->header_grey : DEFAULT_GREY;
	t->pitch = st->size * st->line_height;
	float width = st->width > 0 ? st->width : body_w;

	size_t nc = t->n_cols;
	t->col_x = xcalloc(nc + 1, sizeof *t->col_x);
	t->dec_int = xcalloc(nc, sizeof *t->dec_int);
	t->dec_frac = xcalloc(nc, sizeof *t->dec_frac);
	t->row_h = xcalloc(t->n_rows + 1, sizeof *t->row_h);
	t->group_end = xcalloc(t->n_rows + 1, sizeof *t->group_end);

	resolve_spans(t, dg);

	/* decimal cells: one unbroken line each, measured on both sides of
	 * the point; their layout is final */
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t c = 0; c < nc; c++) {
			struct tcell *a = tcell_at(t, r, c);
			a->decimal = a->owner == r * nc + c && cell_decimal(t, r, c, a);
			if (!a->decimal)
				continue;
			struct text_style cs = cell_style(t, r, a, c);
			cs.align = TEXT_LEFT;
			a->tl = text_layout_new(te, a->text, a->len, &cs, 0,
						&a->src, dg);
			size_t ip = int_part(a->text, a->len);
			a->int_w = ip == a->len ?
					   a->tl->natural_width :
					   text_width(te, cs.role, cs.size, a->text,
						      ip, NULL, NULL);
			float frac = a->tl->natural_width - a->int_w;
			if (a->int_w > t->dec_int[c])
				t->dec_int[c] = a->int_w;
			if (frac > t->dec_frac[c])
				t->dec_frac[c] = frac;
		}
	}

	size_columns(t, te, width);

	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t c = 0; c < nc; c++) {
			struct tcell *a = tcell_at(t, r, c);
			if (a->owner != r * nc + c || !a->text || a->decimal)
				continue;
			float inner = t->col_x[c + (size_t)a->colspan] - t->col_x[c] -
				      2 * t->pad_x;
			struct text_style cs = cell_style(t, r, a, c);
			a->tl = text_layout_new(te, a->text, a->len, &cs,
						inner > 1 ? inner : 1, &a->src, dg);
			overflow(t, r, c, a->tl->widest_line, inner, dg);
		}
	}
	/* a decimal cell is one line: its column is at least as wide as its
	 * parts unless the column is fixed */
	for (size_t r = 0; r < t->n_rows; r++)
		for (size_t c = 0; c < nc; c++) {
			struct tcell *a = tcell_at(t, r, c);
			if (a->owner == r * nc + c && a->decimal)
				overflow(t, r, c, t->dec_int[c] + t->dec_frac[c],
					 t->col_x[c + 1] - t->col_x[c] - 2 * t->pad_x, dg);
		}
	size_rows(t);
	t->measured = true;
}

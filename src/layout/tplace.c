/* tplace.c - a measured table placed onto pages: row groups kept
 * together, rows split between lines, header rows repeated.  The rules are
 * in table.h.
 *
 * The table is placed one page at a time.  On each page the rows that go
 * there are collected as slices (a row, or the part of a row that fits, at
 * its y and height); when the page is full the piece is drawn: every cell
 * that meets a slice becomes an area, a spanning cell's area running from
 * its first to its last slice on the page.  Only then does the next page
 * start, so a split cell knows exactly how many of its lines earlier pages
 * showed (tcell.shown) when the next page asks how much room it still
 * needs.  All cells of a table share one line pitch, so a slice of height h
 * shows floor((h - padding) / pitch) lines of every cell in it.
 */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diag.h"

struct slice {
	size_t row;
	float y, h;
};

struct area {
	size_t cell;
	size_t col;
	float x, y, w, h;
	size_t start, count;
	bool header;
	bool again;          /* shown before: a repeated header or cell */
};

struct piece {
	struct flow *f;
	struct table *t;
	float x;             /* left edge of the table */
	float mark_h;        /* the 「（続き）」 line */
	bool repeat;         /* header rows on continuation pages */
	struct slice *sl;
	size_t n_sl, alloc_sl;
	struct area *ar;
	size_t n_ar, alloc_ar;
	unsigned stamp;
	bool fresh;          /* the page holds only this table's header */
	bool header_shown;   /* the header was drawn once (later: again) */
};

static struct area *add_area(struct piece *pc)
{
	if (pc->n_ar == pc->alloc_ar) {
		pc->alloc_ar = pc->alloc_ar ? 2 * pc->alloc_ar : 64;
		pc->ar = xreallocarray(pc->ar, pc->alloc_ar, sizeof *pc->ar);
	}
	struct area *a = &pc->ar[pc->n_ar++];
	memset(a, 0, sizeof *a);
	return a;
}

static void add_slice(struct piece *pc, size_t row, float h)
{
	if (pc->n_sl == pc->alloc_sl) {
		pc->alloc_sl = pc->alloc_sl ? 2 * pc->alloc_sl : 32;
		pc->sl = xreallocarray(pc->sl, pc->alloc_sl, sizeof *pc->sl);
	}
	pc->sl[pc->n_sl++] = (struct slice){row, pc->f->y, h};
	pc->f->y += h;
	pc->fresh = false;
}

static size_t n_lines(const struct tcell *a)
{
	return a->tl ? a->tl->n_lines : 0;
}

/* Lines of a table that fit in an area h tall (padding excluded). */
static size_t fitting(const struct table *t, float h)
{
	float in = h - 2 * t->pad_y;
	if (in <= 0)
		return 0;
	return (size_t)((in + LAY_EPS) / t->pitch);
}

/* ---- drawing ----------------------------------------------------------- */

static void draw_areas(struct piece *pc)
{
	struct flow *f = pc->f;
	struct table *t = pc->t;
	struct dl_page *p = flow_page(f);
	flow_artifact(f);
	for (size_t i = 0; i < pc->n_ar; i++) {
		const struct area *a = &pc->ar[i];
		const struct tcell *c = &t->cells[a->cell];
		float grey = c->grey > 0 && c->grey < 1 ? c->grey :
			     a->header && t->grey < 1 ? t->grey : -1;
		if (grey >= 0) {
			struct dl_color fill = DL_GREY(grey);
			dl_rect(p, a->x, a->y, a->w, a->h, &fill, NULL);
		}
	}
	for (size_t i = 0; i < pc->n_ar; i++) {
		const struct area *a = &pc->ar[i];
		const struct tcell *c = &t->cells[a->cell];
		if (!a->count)
			continue;
		float inner_w = a->w - 2 * t->pad_x;
		float inner_h = a->h - 2 * t->pad_y;
		float dx = 0, dy = 0;
		if (c->decimal) {
			dx = inner_w - (t->dec_int[a->col] + t->dec_frac[a->col]) +
			     (t->dec_int[a->col] - c->int_w);
			if (dx < 0)
				dx = 0;
		}
		if (a->start == 0 && a->count == n_lines(c)) {
			float spare = inner_h - (float)a->count * t->pitch;
			if (spare > 0 && c->tl->style.valign == TEXT_MIDDLE)
				dy = spare / 2;
			else if (spare > 0 && c->tl->style.valign == TEXT_BOTTOM)
				dy = spare;
		}
		/* a header or cell shown again on a later page is read once,
		 * where it first stood */
		dl_elem_set(f->d, a->again ? DL_ARTIFACT : c->elem);
		text_layout_draw_lines(c->tl, a->start, a->count, f->d, p,
				       a->x + t->pad_x + dx, a->y + t->pad_y + dy);
	}
	flow_artifact(f);
	/* drawings: once, in the first area tall enough (a header's on every
	 * page it is repeated on); page art, as the rules are: the values
	 * they show are in the row's text cells (a sparkline beside its
	 * numbers) */
	for (size_t i = 0; i < pc->n_ar; i++) {
		const struct area *a = &pc->ar[i];
		struct tcell *c = &t->cells[a->cell];
		float inner_h = a->h - 2 * t->pad_y;
		if (!c->draw || (c->drawn && !a->header) || c->draw_h > inner_h + LAY_EPS)
			continue;
		c->draw(f->d, p, a->x + t->pad_x, a->y + t->pad_y + (inner_h - c->draw_h) / 2,
			a->w - 2 * t->pad_x, c->draw_h, c->draw_ctx);
		c->drawn = true;
	}
	struct dl_stroke rule = dl_stroke_solid(t->rule, DL_BLACK);
	for (size_t i = 0; i < pc->n_ar; i++) {
		const struct area *a = &pc->ar[i];
		dl_rect(p, a->x, a->y, a->w, a->h, NULL, &rule);
	}
	pc->n_ar = 0;
}

static void area_for(struct piece *pc, size_t cell, float y, float h,
		     bool header)
{
	struct table *t = pc->t;
	struct tcell *c = &t->cells[cell];
	size_t col = cell % t->n_cols;
	struct area *a = add_area(pc);
	a->cell = cell;
	a->col = col;
	a->x = pc->x + t->col_x[col];
	a->w = t->col_x[col + (size_t)c->colspan] - t->col_x[col];
	a->y = y;
	a->h = h;
	a->header = header;
	size_t n = n_lines(c);
	if (header) {
		a->count = n;
		a->again = pc->header_shown;
	} else if (c->complete) {
		/* shown whole on an earlier page: repeat it if it fits */
		a->again = true;
		a->count = table_cell_need(t, n) <= h + LAY_EPS ? n : 0;
	} else {
		size_t fit = fitting(t, h);
		a->start = c->shown;
		a->count = n - c->shown < fit ? n - c->shown : fit;
		c->shown += a->count;
	}
}

/* The header rows at the flow's position, whole (clipped to the body if
 * they are taller than what is left of it: nothing runs into the footer). */
static void draw_header(struct piece *pc)
{
	struct flow *f = pc->f;
	struct table *t = pc->t;
	size_t nc = t->n_cols;
	float y = f->y;
	float *top = xmallocarray(t->n_header + 1, sizeof *top);
	top[0] = y;
	for (size_t r = 0; r < t->n_header; r++)
		top[r + 1] = top[r] + t->row_h[r];
	for (size_t r = 0; r < t->n_header; r++) {
		for (size_t c = 0; c < nc; c++) {
			size_t o = tcell_at(t, r, c)->owner;
			if (o != r * nc + c)
				continue;
			size_t last = r + (size_t)t->cells[o].rowspan;
			area_for(pc, o, top[r], top[last] - top[r], true);
		}
	}
	bool clip = t->header_h > flow_avail(f) + LAY_EPS;
	if (clip) {
		struct dl_item *it = dl_item_add(flow_page(f), DL_CLIP_PUSH);
		it->u.clip.x = f->body.x;
		it->u.clip.y = f->y;
		it->u.clip.w = f->body.w;
		it->u.clip.h = flow_avail(f);
	}
	draw_areas(pc);
	if (clip) {
		dl_item_add(flow_page(f), DL_CLIP_POP);
		f->y = flow_bottom(f);
	} else {
		f->y = top[t->n_header];
	}
	pc->header_shown = true;
	free(top);
}

/* Draws the slices collected on this page. */
static void flush(struct piece *pc)
{
	struct table *t = pc->t;
	size_t nc = t->n_cols;
	pc->stamp++;
	for (size_t i = 0; i < pc->n_sl; i++) {
		size_t r = pc->sl[i].row;
		for (size_t c = 0; c < nc; c++) {
			size_t o = tcell_at(t, r, c)->owner;
			struct tcell *a = &t->cells[o];
			if (o % nc != c || a->stamp == pc->stamp)
				continue;
			a->stamp = pc->stamp;
			size_t last = o / nc + (size_t)a->rowspan - 1;
			size_t j = i;
			while (j + 1 < pc->n_sl && pc->sl[j + 1].row <= last)
				j++, t->work++;
			float y = pc->sl[i].y;
			area_for(pc, o, y, pc->sl[j].y + pc->sl[j].h - y, false);
		}
	}
	draw_areas(pc);
	/* a cell is complete once a page has shown its last line */
	for (size_t i = 0; i < pc->n_sl; i++) {
		size_t r = pc->sl[i].row;
		for (size_t c = 0; c < nc; c++) {
			struct tcell *a = &t->cells[tcell_at(t, r, c)->owner];
			if (a->shown == n_lines(a))
				a->complete = true;
		}
	}
	pc->n_sl = 0;
}

/* Ends the page and starts the next with the marker and the header. */
static void next_page(struct piece *pc)
{
	struct flow *f = pc->f;
	flush(pc);
	flow_new_page(f);
	f->empty = false;
	const char *mark = f->s->ls.continued;
	if (pc->mark_h > 0 && mark && *mark) {
		struct table *t = pc->t;
		flow_artifact(f);
		/* centred in a line as tall as a table line */
		lay_text_line(f, mark, t->style.role, t->style.size, pc->x,
			      f->y + (pc->mark_h - t->style.size) / 2, DL_BLACK);
		f->y += pc->mark_h;
	}
	if (pc->repeat)
		draw_header(pc);
	pc->fresh = true;
}

/* ---- placing ----------------------------------------------------------- */

/* Height row r still needs on this page: its cells' remaining lines, and
 * for a spanning cell that ends in this row, its remaining lines less the
 * part of the span already on this page (fresh: as if the row opened a
 * page). */
static float row_need(const struct piece *pc, size_t r, bool started,
		      bool fresh)
{
	const struct table *t = pc->t;
	size_t nc = t->n_cols;
	float need = started ? table_cell_need(t, 0) : table_cell_need(t, 1);
	for (size_t c = 0; c < nc; c++) {
		size_t o = tcell_at(t, r, c)->owner;
		const struct tcell *a = &t->cells[o];
		size_t ar = o / nc;
		if (o % nc != c || ar + (size_t)a->rowspan - 1 != r)
			continue;
		size_t rem = a->complete ? 0 : n_lines(a) - a->shown;
		float h = table_cell_need(t, rem);
		if (a->draw && !a->drawn && a->draw_h + 2 * t->pad_y > h)
			h = a->draw_h + 2 * t->pad_y;
		if (ar < r && !fresh) {
			/* the part of the span on this page so far */
			for (size_t i = pc->n_sl; i-- > 0 && pc->sl[i].row >= ar;)
				h -= pc->sl[i].h, ((struct table *)t)->work++;
		}
		if (h > need)
			need = h;
	}
	return need;
}

static void place_row(struct piece *pc, size_t r, float cap)
{
	struct flow *f = pc->f;
	struct table *t = pc->t;
	bool started = false;
	for (;;) {
		float avail = flow_avail(f);
		float need = row_need(pc, r, started, false);
		if (need <= avail + LAY_EPS) {
			add_slice(pc, r, need);
			return;
		}
		/* a row that fits on a fresh page goes there; a taller one
		 * starts here when two of its lines fit (no orphan line) */
		if (!pc->fresh &&
		    (row_need(pc, r, started, true) <= cap + LAY_EPS ||
		     fitting(t, avail) < 2)) {
			next_page(pc);
			continue;
		}
		/* taller than a page: as many lines as fit here */
		size_t fit = fitting(t, avail);
		if (fit == 0)
			fit = 1; /* a page shorter than a line: progress */
		add_slice(pc, r, table_cell_need(t, fit));
		started = true;
		next_page(pc);
	}
}

static float group_h(const struct table *t, size_t r)
{
	float h = 0;
	for (size_t q = r; q <= t->group_end[r]; q++)
		h += t->row_h[q];
	return h;
}

static float mark_h(const struct flow *f, const struct table *t)
{
	const char *mark = f->s->ls.continued;
	return mark && *mark ? t->pitch : 0;
}

/* Room a continuation page leaves for body rows. */
static float cont_cap(const struct table *t, float page_h, float mark)
{
	return page_h - mark - (t->style.no_repeat_header ? 0 : t->header_h);
}

/* Whether body row r opens a section of its table: its first cell spans
 * every column (the title row of a part of a compound indicator). */
static bool section_title(const struct table *t, size_t r)
{
	const struct tcell *a = &t->cells[r * t->n_cols];
	return r >= t->n_header && a->owner == r * t->n_cols &&
	       a->colspan == (int)t->n_cols;
}

/* Whether the row group at q is the last of its section. */
static bool section_last(const struct table *t, size_t q)
{
	size_t nx = t->group_end[q] + 1;
	return nx >= t->n_rows || section_title(t, nx);
}

#define TABLE_WHOLE_GROUPS 6

/* Row groups of a table from row r on. */
static size_t groups_from(const struct table *t, size_t r)
{
	size_t n = 0;
	for (; r < t->n_rows; r = t->group_end[r] + 1)
		n++;
	return n;
}

/* The height of the whole table when it is short enough to be read as
 * one - at most TABLE_WHOLE_GROUPS row groups and a third of a page - and
 * so is not broken (the council's 総括 table of five rows was split three
 * and two, its header repeated); 0 for a longer one. */
static float short_table_h(const struct table *t, float cap)
{
	size_t r = t->n_header;
	if (r >= t->n_rows || groups_from(t, r) > TABLE_WHOLE_GROUPS)
		return 0;
	float whole = t->header_h;
	for (; r < t->n_rows; r = t->group_end[r] + 1)
		whole += group_h(t, r);
	return whole <= cap / 3 ? whole : 0;
}

float table_first_need(const struct table *t, float cap, float tail)
{
	size_t r = t->n_header;
	if (r >= t->n_rows)
		return t->header_h;
	float whole = short_table_h(t, cap);
	if (whole > 0)
		return whole + tail; /* with the note kept after it */
	float body = cap - t->header_h;
	float g = group_h(t, r);
	/* no orphan row: a table that breaks leaves at least two row groups
	 * on its first page (one of four rows alone under its header at a
	 * page foot, the rest overleaf) */
	size_t second = t->group_end[r] + 1;
	if (groups_from(t, r) >= 4 && g + group_h(t, second) <= body + LAY_EPS)
		g += group_h(t, second);
	if (g <= body + LAY_EPS)
		return t->header_h + g;
	if (t->row_h[r] <= body + LAY_EPS)
		return t->header_h + t->row_h[r];
	return t->header_h + table_cell_need(t, 2); /* a split row: 2 lines */
}

/* The table's elements, all made before any row is placed so that a
 * table running over pages is one Table: THead with the header rows (TH,
 * scope column), TBody with the others (TD); spans as attributes. */
static void make_elems(struct flow *f, struct table *t)
{
	struct dl_doc *d = f->d;
	int table = dl_elem_add(d, DL_R_TABLE, flow_parent(f));
	int group = -1;
	size_t nc = t->n_cols;
	for (size_t r = 0; r < t->n_rows; r++) {
		bool head = r < t->n_header;
		if (r == 0 || r == t->n_header)
			group = dl_elem_add(d, head ? DL_R_THEAD : DL_R_TBODY, table);
		int tr = dl_elem_add(d, DL_R_TR, group);
		for (size_t c = 0; c < nc; c++) {
			struct tcell *a = tcell_at(t, r, c);
			if (a->owner != r * nc + c)
				continue;
			a->elem = dl_elem_add(d, head ? DL_R_TH : DL_R_TD, tr);
			struct dl_elem *e = &d->elems[a->elem];
			e->scope = head ? DL_SCOPE_COLUMN : DL_SCOPE_NONE;
			e->rowspan = a->rowspan;
			e->colspan = a->colspan;
		}
	}
}

void table_place(struct flow *f, struct table *t, float gap, float tail)
{
	make_elems(f, t);
	size_t n = t->n_rows * t->n_cols;
	for (size_t i = 0; i < n; i++) {
		t->cells[i].shown = 0;
		t->cells[i].complete = false;
		t->cells[i].stamp = 0;
		t->cells[i].drawn = false;
	}
	struct piece pc = {.f = f, .t = t};
	pc.mark_h = mark_h(f, t);
	pc.repeat = !t->style.no_repeat_header;
	float page_h = f->body.h;
	float cap = cont_cap(t, page_h, pc.mark_h);
	if (cap < table_cell_need(t, 2)) {
		/* repeating would leave no room for the rows */
		diag_add(f->dg, DIAG_WARNING, NULL, 0, 0,
			 "table header rows are %.1f pt tall, too tall to repeat "
			 "on a %.1f pt page: shown on the first page only%s",
			 (double)t->header_h, (double)page_h,
			 t->header_h > page_h ? ", clipped" : "");
		pc.repeat = false;
		pc.mark_h = 0;
		cap = page_h;
	}
	/* centred when narrower than the body */
	pc.x = f->body.x + (t->width < f->body.w ? (f->body.w - t->width) / 2 : 0);

	float first = table_first_need(t, page_h, tail);
	if (!f->empty && gap + first > flow_avail(f) + LAY_EPS) {
		flow_new_page(f);
		gap = 0;
	}
	/* fresh: a new page would not give more room.  Mid-page, the first
	 * piece fits (table_first_need saw to it), so a page break before
	 * it cannot be asked for and leave the header alone. */
	bool top = f->empty;
	f->y += gap;
	f->empty = false;
	draw_header(&pc);
	pc.fresh = top && flow_avail(f) > LAY_EPS; /* clipped: page full */

	for (size_t r = t->n_header; r < t->n_rows;) {
		size_t end = t->group_end[r];
		float g = group_h(t, r);
		if (g > flow_avail(f) + LAY_EPS && g <= cap + LAY_EPS &&
		    !pc.fresh)
			next_page(&pc);
		/* no widow row: when only the last group of the table (or of a
		 * section of it) would go over to the next page, this one goes
		 * with it - if two groups stay here; and a section's title row
		 * goes with the group after it */
		size_t next = end + 1;
		/* the notes under the table end with it (layout.h) */
		float after = tail <= cap ? tail : 0;
		if (next >= t->n_rows && g + after > flow_avail(f) + LAY_EPS &&
		    g + after <= cap + LAY_EPS && !pc.fresh)
			next_page(&pc);
		float g2 = next < t->n_rows
				   ? g + group_h(t, next) +
					     (t->group_end[next] + 1 == t->n_rows ? after : 0)
				   : g;
		bool widow = next < t->n_rows && !section_title(t, next) &&
			     section_last(t, next) && pc.n_sl >= 2;
		bool title = section_title(t, r) && next < t->n_rows && pc.n_sl >= 1;
		if ((widow || title) && g <= flow_avail(f) + LAY_EPS &&
		    g2 > flow_avail(f) + LAY_EPS && g2 <= cap + LAY_EPS)
			next_page(&pc);
		if (g <= flow_avail(f) + LAY_EPS) {
			for (size_t q = r; q <= end; q++)
				add_slice(&pc, q, t->row_h[q]);
		} else {
			for (size_t q = r; q <= end; q++)
				place_row(&pc, q, cap);
		}
		r = end + 1;
	}
	flush(&pc);
	free(pc.sl);
	free(pc.ar);
}

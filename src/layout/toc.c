/* toc.c - the 目次: measured and placed with the flow (pass 1), its page
 * numbers and dot leaders drawn once every heading has a page (pass 2).
 *
 * An entry's title wraps in a box that leaves a fixed column for the page
 * number on the right, so the height of the 目次 does not depend on the
 * numbers it will show: pass 1 places exactly what pass 2 completes, and
 * the headings after the 目次 cannot move between the passes.
 */
#include "layout_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#define NUM_EMS 2.5f  /* page-number column, in ems of the entry size */
#define LEAD_EMS 2.0f /* room kept for the leader after the title */

static struct text_style entry_style(const struct story *s, int level)
{
	struct text_style st = {0};
	st.role = level == 1 ? FONT_GOTHIC : FONT_MINCHO;
	st.size = s->ls.body_size;
	st.line_height = 1.5f;
	st.align = TEXT_LEFT;
	st.color = DL_BLACK;
	return st;
}

void toc_measure(struct story *s, struct block *b)
{
	for (size_t k = 0; k < b->n_entries; k++)
		text_layout_free(b->entries[k].tl);
	free(b->entries);
	b->entries = NULL;
	b->n_entries = 0;
	if (!b->tl) {
		b->style = lay_heading_style(1);
		b->tl = text_layout_new(s->te, b->text, strlen(b->text), &b->style,
					lay_body(&s->ls).w, NULL, NULL);
		b->h = b->tl->height + 4;
	}
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += s->b[i].kind == BLK_HEADING && !s->b[i].no_toc &&
		     s->b[i].level <= b->depth;
	b->entries = xcalloc(n ? n : 1, sizeof *b->entries);
	float body_w = lay_body(&s->ls).w;
	for (size_t i = 0; i < s->n; i++) {
		const struct block *h = &s->b[i];
		if (h->kind != BLK_HEADING || h->no_toc || h->level > b->depth)
			continue;
		struct toc_entry *e = &b->entries[b->n_entries++];
		struct text_style st = entry_style(s, h->level);
		e->heading = i;
		e->indent = (float)(h->level - 1) * st.size;
		e->before = h->level == 1 && b->depth > 1 ? st.size * 0.5f : 0;
		float w = body_w - e->indent - (NUM_EMS + LEAD_EMS) * st.size;
		e->tl = text_layout_new(s->te, h->text, strlen(h->text), &st,
					w > st.size ? w : st.size, &h->src, NULL);
		e->h = e->tl->height;
	}
}

float toc_first_need(const struct block *b)
{
	return b->h + b->after + (b->n_entries ? b->entries[0].h : 0);
}

float toc_full_height(const struct block *b)
{
	float h = b->h + b->after;
	for (size_t k = 0; k < b->n_entries; k++)
		h += b->entries[k].before + b->entries[k].h;
	return h;
}

void toc_place(struct flow *f, struct block *b)
{
	float need = flow_gap(f, b->before) + toc_first_need(b);
	if (!f->empty && need > flow_avail(f) + LAY_EPS)
		flow_new_page(f);
	f->y += flow_gap(f, b->before);
	struct dl_page *p = flow_page(f);
	/* a level-1 section of its own: Sect > H1, TOC > TOCI ... */
	for (int k = 1; k <= 3; k++)
		f->sect[k] = 0;
	f->sect[1] = dl_elem_add(f->d, DL_R_SECT, flow_parent(f));
	f->last_h = 1;
	flow_elem(f, DL_R_H1);
	text_layout_draw(b->tl, f->d, p, f->body.x, f->y, 0, TEXT_GROW);
	int toc = dl_elem_add(f->d, DL_R_TOC, flow_parent(f));
	flow_artifact(f);
	struct dl_stroke rule = dl_stroke_solid(0.75f, DL_BLACK);
	float ry = f->y + b->tl->height + 1.5f;
	dl_line(p, f->body.x, ry, f->body.x + f->body.w, ry, &rule);
	dl_outline_add(f->d, b->text, 0, f->page, f->y);
	flow_section(f, b->text);
	f->y += b->h;
	f->empty = false;
	float gap = b->after;
	for (size_t k = 0; k < b->n_entries; k++) {
		struct toc_entry *e = &b->entries[k];
		float g = f->empty ? 0 : (gap > e->before ? gap : e->before);
		if (!f->empty && g + e->h > flow_avail(f) + LAY_EPS) {
			flow_new_page(f);
			g = 0;
		}
		f->y += g;
		e->page = f->page;
		e->y = f->y;
		e->elem = dl_elem_add(f->d, DL_R_TOCI, toc);
		dl_elem_set(f->d, e->elem);
		text_layout_draw_lines(e->tl, 0, e->tl->n_lines, f->d,
				       flow_page(f), f->body.x + e->indent, f->y);
		f->y += e->h;
		f->empty = false;
		gap = 0;
	}
	flow_artifact(f);
	f->gap = b->after;
	f->keep_pending = false;
}

void toc_fill(struct flow *f, const struct block *b)
{
	const struct story *s = f->s;
	float right = f->body.x + f->body.w;
	for (size_t k = 0; k < b->n_entries; k++) {
		const struct toc_entry *e = &b->entries[k];
		const struct block *h = &s->b[e->heading];
		int num = flow_page_number(f, h->page);
		if (num <= 0 || !e->tl->n_lines)
			continue;
		char buf[16];
		snprintf(buf, sizeof buf, "%d", num);
		struct text_style st = e->tl->style;
		struct text_layout *nt = text_layout_new(s->te, buf, strlen(buf),
							 &st, 0, NULL, NULL);
		size_t last = e->tl->n_lines - 1;
		const struct text_line *ln = &e->tl->lines[last];
		struct dl_page *p = &f->d->pages[e->page];
		float nw = nt->widest_line;
		float top = e->y + (float)last * e->tl->pitch;
		dl_elem_set(f->d, e->elem);
		text_layout_draw_lines(nt, 0, 1, f->d, p, right - nw, top);
		flow_artifact(f);
		float base = e->y + text_layout_baseline(e->tl, last);
		float x0 = f->body.x + e->indent + ln->x + ln->width + st.size * 0.5f;
		float x1 = right - nw - st.size * 0.5f;
		if (x1 > x0) {
			/* dots: 1 pt on, 2 pt off */
			struct dl_stroke dots = dl_stroke_solid(0.9f, DL_BLACK);
			dots.dash[0] = 1;
			dots.dash[1] = 2;
			dots.n_dash = 2;
			float y = base - st.size * 0.3f;
			dl_line(p, x0, y, x1, y, &dots);
		}
		text_layout_free(nt);
	}
}

/* flow.c - the story's blocks onto pages, and the page furniture.
 *
 * One pass over the blocks with a cursor (page, y).  Keep-with-next looks
 * ahead instead of backtracking: before a heading is placed, the flow asks
 * how much of what follows cannot be separated from it (first_need: the
 * next heading and its successor, the first two lines of a paragraph, a
 * table's header and first row group, a fixed block, a whole keep group)
 * and starts a new page when heading and that do not fit together.  That is
 * enough because every block knows its first unbreakable piece after
 * measuring, and it keeps the flow linear in the number of lines and rows.
 *
 * Furniture is drawn after the flow, when every page exists and the
 * sections are known: running head, footer, 資料番号 box.  Only the 「案」
 * watermark is drawn as a page is made, so that it is the first item of the
 * page and everything else paints over it (opaque grey, no transparency:
 * the archive file is PDF/A-2b, and is also checked against PDF/A-1b's
 * rules, which have none).
 */
#include "layout_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diag.h"
#include "typesize.h"

/* page furniture, points */
#define HEAD_SIZE TYPE.running_head
#define HEAD_RULE_GAP 10.0f  /* rule above the body */
#define HEAD_TEXT_GAP 2.0f   /* text's em box above the rule */
#define FOOT_SIZE TYPE.folio
#define NOTE_SIZE TYPE.page_note
#define NOTE_GAP 3.0f        /* page note below the body */
#define BOX_SIZE TYPE.doc_number
#define BOX_PAD_X 8.0f
#define BOX_PAD_Y 4.0f
#define BOX_GAP 6.0f         /* box above the body */
#define MARK_GREY 0.88f      /* 「案」 */

struct dl_page *flow_page(struct flow *f)
{
	return &f->d->pages[f->page];
}

float flow_bottom(const struct flow *f)
{
	return f->body.y + f->body.h;
}

float flow_avail(const struct flow *f)
{
	return flow_bottom(f) - f->y;
}

float flow_gap(const struct flow *f, float before)
{
	if (f->empty)
		return 0;
	return f->gap > before ? f->gap : before;
}

static struct text_layout *line_layout(struct flow *f, const char *utf8,
				       enum font_role role, float size)
{
	struct text_style st = {.role = role, .size = size, .line_height = 1.0f,
				.color = DL_BLACK};
	return text_layout_new(f->s->te, utf8, strlen(utf8), &st, 0, NULL, f->dg);
}

float lay_text_line(struct flow *f, const char *utf8, enum font_role role,
		    float size, float x, float y, struct dl_color color)
{
	struct text_style st = {.role = role, .size = size, .line_height = 1.0f,
				.color = color};
	struct text_layout *tl = text_layout_new(f->s->te, utf8, strlen(utf8),
						 &st, 0, NULL, f->dg);
	float w = tl->widest_line;
	text_layout_draw_lines(tl, 0, tl->n_lines, f->d, flow_page(f), x, y);
	text_layout_free(tl);
	return w;
}

float lay_text_width(struct flow *f, const char *utf8, enum font_role role,
		     float size)
{
	struct text_layout *tl = line_layout(f, utf8, role, size);
	float w = tl->widest_line;
	text_layout_free(tl);
	return w;
}

/* ---- structure ---------------------------------------------------------- */

int flow_parent(const struct flow *f)
{
	for (int l = 3; l > 0; l--)
		if (f->sect[l])
			return f->sect[l];
	return f->sect[0];
}

int flow_elem(struct flow *f, enum dl_role role)
{
	int e = dl_elem_add(f->d, role, flow_parent(f));
	dl_elem_set(f->d, e);
	return e;
}

void flow_artifact(struct flow *f)
{
	dl_elem_set(f->d, DL_ARTIFACT);
}

/* A heading of level (1..3) opens a Sect: the Sects of its level and
 * deeper close.  The tag level is at most one deeper than the last
 * heading's, so that the tags never skip a level (a composition that
 * starts a part with a level-2 heading reads as H1 there). */
static void open_heading(struct flow *f, int level)
{
	int l = level < 1 ? 1 : level > 3 ? 3 : level;
	if (l > f->last_h + 1)
		l = f->last_h + 1;
	for (int k = l; k <= 3; k++)
		f->sect[k] = 0;
	f->sect[l] = dl_elem_add(f->d, DL_R_SECT, flow_parent(f));
	f->last_h = l;
	flow_elem(f, (enum dl_role)(DL_R_H1 + l - 1));
}

static void watermark(struct flow *f)
{
	int was = dl_elem_set(f->d, DL_ARTIFACT);
	float size = (f->paper.w < f->paper.h ? f->paper.w : f->paper.h) * 0.5f;
	float w = lay_text_width(f, "案", FONT_GOTHIC, size);
	lay_text_line(f, "案", FONT_GOTHIC, size,
		      f->body.x + (f->body.w - w) / 2,
		      f->body.y + (f->body.h - size) / 2, DL_GREY(MARK_GREY));
	dl_elem_set(f->d, was);
}

void flow_new_page(struct flow *f)
{
	struct dl_page *p = dl_page_add(f->d, f->paper.w, f->paper.h);
	f->page = f->d->n_pages - 1;
	f->started = true;
	if (f->page >= f->alloc_meta) {
		f->alloc_meta = f->alloc_meta ? 2 * f->alloc_meta : 16;
		f->meta = xreallocarray(f->meta, f->alloc_meta, sizeof *f->meta);
	}
	f->meta[f->page] = (struct page_meta){.cover = f->cover};
	if (f->cover)
		p->label = dl_doc_strdup(f->d, "");
	if (f->s->ls.draft)
		watermark(f);
	f->y = f->body.y;
	f->empty = true;
	f->gap = 0;
	f->keep_pending = false;
}

void flow_section(struct flow *f, const char *text)
{
	struct page_meta *m = &f->meta[f->page];
	if (!m->section) {
		m->section = text;
		m->at_top = f->empty;
	}
	m->last = text;
}

int flow_page_number(const struct flow *f, size_t i)
{
	if (i >= f->d->n_pages || f->meta[i].cover)
		return 0;
	int n = 0;
	for (size_t k = 0; k <= i; k++)
		n += !f->meta[k].cover;
	return n;
}

/* ---- looking ahead ------------------------------------------------------ */

static float para_first(const struct block *b)
{
	size_t n = b->tl->n_lines;
	return (float)(n >= 4 ? 2 : n) * b->tl->pitch;
}

static float tail_need(const struct flow *f, size_t i);

/* Height of the first piece of block j that cannot be separated from what
 * precedes it, space owed before it (after) included. */
static float lookahead(const struct flow *f, size_t j, float after, int depth)
{
	const struct story *s = f->s;
	if (j >= s->n || depth > 16)
		return 0;
	const struct block *b = &s->b[j];
	float gap = after > b->before ? after : b->before;
	switch (b->kind) {
	case BLK_HEADING:
		return gap + b->h + lookahead(f, j + 1, b->after, depth + 1);
	case BLK_PARA:
		if (b->keep_next)
			return gap + b->tl->height +
			       lookahead(f, j + 1, b->after, depth + 1);
		return gap + para_first(b);
	case BLK_TABLE:
		return gap + table_first_need(b->table, f->body.h, tail_need(f, j));
	case BLK_FIXED:
		return gap + b->h;
	case BLK_SPACE:
		return lookahead(f, j + 1, after + b->h, depth + 1);
	case BLK_KEEP_BEGIN:
		if (b->group_h <= f->body.h)
			return gap + b->group_h;
		return lookahead(f, j + 1, after, depth + 1);
	case BLK_KEEP_END:
	case BLK_FIT_BEGIN:
	case BLK_FIT_END:
		return lookahead(f, j + 1, after, depth + 1);
	case BLK_TOC:
		return gap + toc_first_need(b);
	case BLK_BREAK:
	case BLK_COVER_END:
		return 0;
	}
	return 0;
}

/* Starts a new page unless need fits (a need taller than a page is cut to
 * the page: it cannot fit anywhere, so this page is as good as any). */
static void need_room(struct flow *f, float need)
{
	if (need > f->body.h)
		need = f->body.h;
	if (!f->empty && need > flow_avail(f) + LAY_EPS)
		flow_new_page(f);
}

/* ---- blocks ------------------------------------------------------------- */

static void place_heading(struct flow *f, struct block *b, size_t i)
{
	need_room(f, flow_gap(f, b->before) + b->h +
			     lookahead(f, i + 1, b->after, 0));
	f->y += flow_gap(f, b->before);
	struct dl_page *p = flow_page(f);
	open_heading(f, b->level);
	text_layout_draw(b->tl, f->d, p, f->body.x, f->y, 0, TEXT_GROW);
	flow_artifact(f);
	if (b->level == 1) {
		struct dl_stroke s = dl_stroke_solid(0.75f, DL_BLACK);
		float ry = f->y + b->tl->height + 1.5f;
		dl_line(p, f->body.x, ry, f->body.x + f->body.w, ry, &s);
	}
	b->page = f->page;
	b->y = f->y;
	b->number = ++f->n_headings;
	char name[32];
	snprintf(name, sizeof name, "sec.%d", b->number);
	struct dl_item *it = dl_item_add(p, DL_LINK_DEST);
	it->u.dest.name = dl_doc_strdup(f->d, name);
	it->u.dest.y = f->y;
	if (!b->no_outline)
		dl_outline_add(f->d, b->text, b->level - 1, f->page, f->y);
	if (b->level == 1)
		flow_section(f, b->running ? b->running : b->text);
	f->y += b->h;
	f->empty = false;
	f->gap = b->after;
	f->keep_pending = true;
}

static void place_para(struct flow *f, struct block *b, size_t i)
{
	const struct text_layout *tl = b->tl;
	size_t n = tl->n_lines, start = 0;
	if (b->keep_next && tl->height <= f->body.h)
		need_room(f, flow_gap(f, b->before) + tl->height +
				     lookahead(f, i + 1, b->after, 0));
	float gap = flow_gap(f, b->before);
	flow_elem(f, DL_R_P);
	while (start < n) {
		float avail = flow_avail(f) - gap;
		size_t rem = n - start;
		if ((float)rem * tl->pitch <= avail + LAY_EPS) {
			f->y += gap;
			f->y += text_layout_draw_lines(tl, start, rem, f->d,
						       flow_page(f), f->body.x,
						       f->y);
			break;
		}
		/* split: no orphan (a first line alone at the foot), no widow
		 * (a last line alone at the head); 2 and 3 lines never split */
		size_t k = text_layout_lines_fitting(tl, avail);
		size_t min_first = start == 0 ? 2 : 1;
		if (rem < 4)
			k = 0;
		else if (k > rem - 2)
			k = rem - 2;
		if (k < min_first)
			k = 0;
		if (k == 0 && f->empty) {
			/* a page too short for the rules: progress first */
			k = text_layout_lines_fitting(tl, avail);
			if (k == 0)
				k = 1;
			if (k > rem)
				k = rem;
		}
		if (k > 0) {
			f->y += gap;
			text_layout_draw_lines(tl, start, k, f->d, flow_page(f),
					       f->body.x, f->y);
			start += k;
		}
		flow_new_page(f);
		gap = 0;
	}
	flow_artifact(f);
	f->empty = false;
	f->gap = b->after;
	f->keep_pending = b->keep_next;
}

/* The notes kept with block i (keep_prev paragraphs right after it): the
 * height they need under it, their space before included. */
static float tail_need(const struct flow *f, size_t i)
{
	const struct story *s = f->s;
	float h = 0, after = s->b[i].after;
	for (size_t j = i + 1; j < s->n && s->b[j].kind == BLK_PARA && s->b[j].keep_prev;
	     j++) {
		h += (after > s->b[j].before ? after : s->b[j].before) + s->b[j].tl->height;
		after = s->b[j].after;
	}
	return h;
}

/* A fixed block is a Div: what its drawing adds goes in it, and a chart
 * adds a Figure of its own inside (chart_draw). */
static void place_fixed(struct flow *f, struct block *b, float tail)
{
	float gap = flow_gap(f, b->before);
	int div = dl_elem_add(f->d, DL_R_DIV, flow_parent(f));
	if (b->h <= f->body.h) {
		/* its notes under it, if both fit on a page */
		float need = b->h + (b->h + tail <= f->body.h ? tail : 0);
		if (gap + need > flow_avail(f) + LAY_EPS) {
			if (!f->empty)
				flow_new_page(f);
			gap = 0;
		}
		f->y += gap;
		dl_elem_set(f->d, div);
		b->fn(f->d, flow_page(f), f->body.x, f->y, f->body.w, b->h,
		      b->ctx);
		flow_artifact(f);
		f->y += b->h;
	} else {
		/* taller than any page: an error, never a silent clip (issue
		 * 14; tables, text and the bars of a long pillar are split
		 * before they get here).  Still drawn, clipped to the body on
		 * a fresh page, for whoever looks at the display list. */
		diag_add(f->dg, DIAG_ERROR, NULL, 0, 0,
			 "%s%s%s, %.1f pt tall, does not fit on a page (the body "
			 "is %.1f pt) and cannot be placed",
			 b->what ? "「" : "", b->what ? b->what : "a figure",
			 b->what ? "」" : "", (double)b->h, (double)f->body.h);
		if (!f->empty && !f->keep_pending) {
			flow_new_page(f);
			gap = 0;
		}
		f->y += gap;
		struct dl_page *p = flow_page(f);
		struct dl_item *c = dl_item_add(p, DL_CLIP_PUSH);
		c->u.clip.x = f->body.x;
		c->u.clip.y = f->y;
		c->u.clip.w = f->body.w;
		c->u.clip.h = flow_avail(f);
		dl_elem_set(f->d, div);
		b->fn(f->d, p, f->body.x, f->y, f->body.w, b->h, b->ctx);
		flow_artifact(f);
		dl_item_add(flow_page(f), DL_CLIP_POP);
		f->y = flow_bottom(f);
	}
	f->empty = false;
	f->gap = b->after;
	f->keep_pending = false;
}

/* Shrinks the shrinkable fixed blocks of [i, end) so that the run fits in
 * avail (the space owed before block i already taken off), each giving up
 * the same share of what it can; the keep groups among them are measured
 * again.  Returns false, changing nothing, when the run does not fit even
 * so; true when it fits (shrunk or not). */
static bool shrink_run(struct flow *f, size_t i, size_t end, float avail)
{
	struct story *s = f->s;
	float lead;
	float h = story_run_height(s, i, end, &lead);
	if (h <= avail + LAY_EPS)
		return true;
	float give = 0;
	for (size_t k = i; k < end; k++)
		if (s->b[k].kind == BLK_FIXED)
			give += s->b[k].h - s->b[k].min_h;
	/* half a point to spare: the heights are sums of floats */
	float need = h - avail + 0.5f;
	if (give <= 0 || need > give)
		return false;
	float share = need / give;
	for (size_t k = i; k < end; k++) {
		struct block *b = &s->b[k];
		if (b->kind == BLK_FIXED)
			b->h -= (b->h - b->min_h) * share;
	}
	for (size_t k = i; k < end; k++)
		if (s->b[k].kind == BLK_KEEP_BEGIN)
			s->b[k].group_h = story_run_height(s, k + 1, s->b[k].match,
							   &s->b[k].before);
	return true;
}

/* A keep group taller than a page: when its shrinkable fixed blocks can
 * give up the excess, they do (shrink_run) and the group is measured
 * again.  Shrinking the charts of a section a little is better than
 * carrying its last lines onto a page of their own; a group that would
 * need more keeps its sizes and flows as if ungrouped. */
static void tighten(struct flow *f, struct block *g, size_t i)
{
	size_t end = g->match < f->s->n ? g->match : f->s->n;
	if (shrink_run(f, i + 1, end, f->body.h))
		g->group_h = story_run_height(f->s, i + 1, end, &g->before);
}

/* Before shrinkable block i of a fit span: the rest of the span ends on
 * this page if the blocks from here on can make room for it - a section's
 * last lines (the PDCA cycle under its charts) then stay with it instead
 * of opening a page of their own.  A block that does not fit here at its
 * height moves to the next page: the page is turned now (shrunk, it might
 * fit here again and leave the rest behind) and the rest fitted there. */
static void fit_rest(struct flow *f, size_t i)
{
	const struct block *b = &f->s->b[i];
	size_t end = f->fit_end < f->s->n ? f->fit_end : f->s->n;
	float avail = flow_avail(f) - flow_gap(f, b->before);
	if (shrink_run(f, i, end, avail))
		return;
	if (!f->empty && b->h > avail + LAY_EPS && b->h <= f->body.h) {
		flow_new_page(f);
		shrink_run(f, i, end, f->body.h);
	}
}

/* Marks the pages a noted block drew on: the one it started on if it
 * added anything there (it may have moved to the next), and every page
 * made while placing it. */
static void note_pages(struct flow *f, size_t page0, size_t items0)
{
	for (size_t p = page0; p <= f->page; p++)
		if ((p > page0 || f->d->pages[p].n_items > items0) &&
		    !f->meta[p].noted) {
			f->meta[p].noted = true;
			f->meta[p].note_elem = dl_elem_add(f->d, DL_R_NOTE,
							   flow_parent(f));
		}
}

void flow_run(struct flow *f)
{
	struct story *s = f->s;
	f->sect[0] = dl_elem_add(f->d, DL_R_DOCUMENT, -1);
	flow_artifact(f);
	flow_new_page(f);
	for (size_t i = 0; i < s->n; i++) {
		struct block *b = &s->b[i];
		size_t page0 = f->page, items0 = flow_page(f)->n_items;
		switch (b->kind) {
		case BLK_HEADING:
			place_heading(f, b, i);
			break;
		case BLK_PARA:
			place_para(f, b, i);
			break;
		case BLK_TABLE:
			table_place(f, b->table, flow_gap(f, b->before), tail_need(f, i));
			f->empty = false;
			f->gap = b->after;
			f->keep_pending = false;
			break;
		case BLK_FIXED:
			if (i < f->fit_end && b->min_h < b->h)
				fit_rest(f, i);
			place_fixed(f, b, tail_need(f, i));
			break;
		case BLK_SPACE:
			if (!f->empty)
				f->gap += b->h;
			break;
		case BLK_BREAK:
			if (!f->empty &&
			    f->y - f->body.y >= b->min_fill * f->body.h - LAY_EPS)
				flow_new_page(f);
			break;
		case BLK_COVER_END:
			f->cover = false;
			flow_new_page(f);
			break;
		case BLK_KEEP_BEGIN:
			if (b->group_h > f->body.h)
				tighten(f, b, i);
			if (b->group_h <= f->body.h)
				need_room(f, flow_gap(f, b->before) + b->group_h);
			break;
		case BLK_KEEP_END:
			break;
		case BLK_FIT_BEGIN:
			f->fit_end = b->match;
			break;
		case BLK_FIT_END:
			f->fit_end = 0;
			break;
		case BLK_TOC:
			toc_place(f, b);
			break;
		}
		if (b->noted)
			note_pages(f, page0, items0);
	}
}

/* ---- furniture ---------------------------------------------------------- */

/* section as the running head shows it in room: whole, or its longest
 * start that fits with 「…」 after it (a binary search over its characters:
 * a heading of any length costs a few measures a page), its width in *w;
 * NULL when not even one character fits.  Freed by the caller. */
static char *head_cut(struct flow *f, const char *section, float room, float *w)
{
	size_t len = strlen(section);
	char *cut = xmalloc(len + sizeof "…"); /* room for the 「…」 */
	memcpy(cut, section, len + 1);
	*w = lay_text_width(f, cut, FONT_GOTHIC, HEAD_SIZE);
	if (*w <= room)
		return cut;
	size_t *at = xmallocarray(len + 1, sizeof *at); /* character starts */
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if ((section[i] & 0xC0) != 0x80)
			at[n++] = i;
	size_t lo = 0, hi = n - 1; /* characters kept before the 「…」 */
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		memcpy(cut + at[mid], "…", sizeof "…");
		if (lay_text_width(f, cut, FONT_GOTHIC, HEAD_SIZE) <= room)
			lo = mid;
		else
			hi = mid - 1;
		memcpy(cut, section, len + 1);
	}
	if (lo > 0)
		memcpy(cut + at[lo], "…", sizeof "…");
	free(at);
	if (lo == 0) {
		free(cut);
		return NULL;
	}
	*w = lay_text_width(f, cut, FONT_GOTHIC, HEAD_SIZE);
	return cut;
}

static void running_head(struct flow *f, const char *section)
{
	const char *left = f->s->ls.head_left;
	if (!(left && *left) && !(section && *section))
		return;
	float rule_y = f->body.y - HEAD_RULE_GAP;
	float top = rule_y - HEAD_TEXT_GAP - HEAD_SIZE;
	float right = f->body.x + f->body.w;
	float lw = 0;
	if (left && *left)
		lw = lay_text_line(f, left, FONT_GOTHIC, HEAD_SIZE, f->body.x,
				   top, DL_BLACK);
	if (section && *section) {
		/* a section longer than the room beside the plan name is cut
		 * to it with 「…」 (the prefecture's 施策の柱(2) 地域資源等を
		 * 活用した… left two pages with no section named at all) */
		float w;
		char *cut = head_cut(f, section, f->body.w - lw - HEAD_SIZE, &w);
		if (cut)
			lay_text_line(f, cut, FONT_GOTHIC, HEAD_SIZE, right - w, top,
				      DL_BLACK);
		free(cut);
	}
	struct dl_stroke s = dl_stroke_solid(0.5f, DL_BLACK);
	dl_line(flow_page(f), f->body.x, rule_y, right, rule_y, &s);
}

static void footer(struct flow *f, int n)
{
	char buf[32];
	snprintf(buf, sizeof buf, "- %d -", n);
	float w = lay_text_width(f, buf, FONT_MINCHO, FOOT_SIZE);
	float margin = f->paper.h - flow_bottom(f);
	lay_text_line(f, buf, FONT_MINCHO, FOOT_SIZE,
		      f->body.x + (f->body.w - w) / 2,
		      flow_bottom(f) + (margin - FOOT_SIZE) / 2, DL_BLACK);
}

/* The page note: right-aligned at the top of the bottom margin, clear of
 * the footer centred below it. */
static void page_note(struct flow *f, const char *text)
{
	float w = lay_text_width(f, text, FONT_MINCHO, NOTE_SIZE);
	lay_text_line(f, text, FONT_MINCHO, NOTE_SIZE, f->body.x + f->body.w - w,
		      flow_bottom(f) + NOTE_GAP, DL_BLACK);
}

static void doc_number_box(struct flow *f, const char *text)
{
	float w = lay_text_width(f, text, FONT_GOTHIC, BOX_SIZE);
	float bw = w + 2 * BOX_PAD_X, bh = BOX_SIZE + 2 * BOX_PAD_Y;
	float x = f->body.x + f->body.w - bw;
	float y = f->body.y - BOX_GAP - bh;
	struct dl_stroke s = dl_stroke_solid(0.75f, DL_BLACK);
	dl_rect(flow_page(f), x, y, bw, bh, NULL, &s);
	lay_text_line(f, text, FONT_GOTHIC, BOX_SIZE, x + BOX_PAD_X,
		      y + BOX_PAD_Y, DL_BLACK);
}

void flow_finish(struct flow *f)
{
	const struct lay_setup *ls = &f->s->ls;
	const char *section = NULL;
	int n = 0;
	for (size_t i = 0; i < f->d->n_pages; i++) {
		f->page = i;
		/* the section in force at the top of the page: the one the
		 * pages before ended in, unless one starts at the very top
		 * (and the first on the page when none was in force yet).  A
		 * reader opening the page reads its top first; naming a
		 * section that starts at its foot misfiles the page above it */
		const char *head = section;
		if (f->meta[i].section && (f->meta[i].at_top || !head))
			head = f->meta[i].section;
		if (f->meta[i].last)
			section = f->meta[i].last;
		flow_artifact(f);
		bool box = i == 0 && ls->doc_number && *ls->doc_number;
		if (box)
			doc_number_box(f, ls->doc_number);
		if (f->meta[i].cover)
			continue;
		n++;
		if (!ls->no_running_head && !box)
			running_head(f, head);
		if (!ls->no_footer)
			footer(f, n);
		if (f->meta[i].noted && ls->page_note && *ls->page_note) {
			dl_elem_set(f->d, f->meta[i].note_elem);
			page_note(f, ls->page_note);
		}
	}
	flow_artifact(f);
	for (size_t i = 0; i < f->s->n; i++)
		if (f->s->b[i].kind == BLK_TOC)
			toc_fill(f, &f->s->b[i]);
}

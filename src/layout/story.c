/* story.c - page setup, the story (list of blocks) and story_layout(),
 * which measures the blocks, runs the flow and finishes the document.
 * See layout.h.
 */
#include "layout_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "diag.h"
#include "typesize.h"

/* ---- page setup ---------------------------------------------------------- */

void lay_setup_init(struct lay_setup *ls, enum lay_paper paper)
{
	memset(ls, 0, sizeof *ls);
	ls->paper = paper;
	ls->margin_top = 22;
	ls->margin_bottom = 20;
	ls->margin_left = 20;
	ls->margin_right = 20;
	ls->body_size = TYPE.body;
}

struct lay_box lay_page_size(const struct lay_setup *ls)
{
	if (ls->paper == LAY_A3_LANDSCAPE)
		return (struct lay_box){0, 0, LAY_A3L_WIDTH, LAY_A3L_HEIGHT};
	if (ls->paper == LAY_A4_LANDSCAPE)
		return (struct lay_box){0, 0, LAY_A4_HEIGHT, LAY_A4_WIDTH};
	return (struct lay_box){0, 0, LAY_A4_WIDTH, LAY_A4_HEIGHT};
}

struct lay_box lay_body(const struct lay_setup *ls)
{
	struct lay_box pg = lay_page_size(ls);
	float left = LAY_MM(ls->margin_left + ls->binding);
	float top = LAY_MM(ls->margin_top);
	return (struct lay_box){left, top,
				pg.w - left - LAY_MM(ls->margin_right),
				pg.h - top - LAY_MM(ls->margin_bottom)};
}

/* ---- building ------------------------------------------------------------ */

static const char *copy(struct story *s, const char *str)
{
	return str ? arena_strdup(s->arena, str) : NULL;
}

struct story *story_new(struct text_engine *te, const struct lay_setup *ls)
{
	struct story *s = xcalloc(1, sizeof *s);
	s->te = te;
	s->arena = arena_new();
	s->ls = *ls;
	if (!(s->ls.body_size > 0))
		s->ls.body_size = TYPE.body;
	s->ls.head_left = copy(s, ls->head_left);
	s->ls.doc_number = copy(s, ls->doc_number);
	s->ls.continued = copy(s, ls->continued);
	s->ls.page_note = copy(s, ls->page_note);
	return s;
}

static void forget_block(struct block *b)
{
	text_layout_free(b->tl);
	for (size_t k = 0; k < b->n_entries; k++)
		text_layout_free(b->entries[k].tl);
	free(b->entries);
	table_free(b->table);
}

void story_free(struct story *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		forget_block(&s->b[i]);
	free(s->b);
	free(s->keep_stack);
	arena_free(s->arena);
	free(s);
}

static struct block *add(struct story *s, enum blk_kind kind)
{
	if (s->n == s->alloc) {
		s->alloc = s->alloc ? 2 * s->alloc : 32;
		s->b = xreallocarray(s->b, s->alloc, sizeof *s->b);
	}
	struct block *b = &s->b[s->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

static const float HEAD_BEFORE[3] = {16.0f, 12.0f, 8.0f};
static const float HEAD_AFTER[3] = {8.0f, 6.0f, 4.0f};

struct text_style lay_heading_style(int level)
{
	struct text_style st = {0};
	st.role = FONT_GOTHIC;
	st.size = level == 1 ? TYPE.h1 : level == 2 ? TYPE.h2 : TYPE.h3;
	st.line_height = 1.4f;
	st.align = TEXT_LEFT;
	st.color = DL_BLACK;
	return st;
}

void story_heading_ex(struct story *s, const struct lay_heading *h)
{
	struct block *b = add(s, BLK_HEADING);
	b->level = h->level < 1 ? 1 : h->level > 3 ? 3 : h->level;
	b->text = copy(s, h->title ? h->title : "");
	b->running = copy(s, h->running);
	b->no_toc = h->no_toc;
	b->no_outline = h->no_outline;
	b->src.file = copy(s, h->src.file);
	b->src.line = h->src.line;
	b->style = lay_heading_style(b->level);
	b->before = HEAD_BEFORE[b->level - 1];
	b->after = HEAD_AFTER[b->level - 1];
	b->keep_next = true;
}

void story_heading(struct story *s, int level, const char *title)
{
	story_heading_ex(s, &(struct lay_heading){.level = level, .title = title});
}

void story_para_ex(struct story *s, const struct lay_para *p)
{
	struct block *b = add(s, BLK_PARA);
	b->text = copy(s, p->text ? p->text : "");
	b->style = p->style;
	if (!(b->style.size > 0)) {
		b->style = (struct text_style){0};
		b->style.role = FONT_MINCHO;
		b->style.size = s->ls.body_size;
		b->style.line_height = 1.6f;
		b->style.align = TEXT_JUSTIFY;
		b->style.first_indent = s->ls.body_size;
	}
	b->before = p->before;
	b->after = p->after;
	b->keep_next = p->keep_with_next;
	b->keep_prev = p->keep_with_prev;
	b->src.file = copy(s, p->src.file);
	b->src.line = p->src.line;
}

void story_para(struct story *s, const char *utf8)
{
	story_para_ex(s, &(struct lay_para){.text = utf8});
}

void story_table(struct story *s, struct table *t)
{
	struct block *b = add(s, BLK_TABLE);
	b->table = t;
	b->before = 4;
	b->after = 8;
}

void story_fixed_ex(struct story *s, const struct lay_fixed *fx)
{
	struct block *b = add(s, BLK_FIXED);
	b->h = b->nat_h = fx->h > 0 ? fx->h : 0;
	b->min_h = fx->min_h > 0 && fx->min_h < b->h ? fx->min_h : b->h;
	b->fn = fx->fn;
	b->ctx = fx->ctx;
	b->before = 4;
	b->after = 8;
}

void story_fixed(struct story *s, float h, lay_draw_fn fn, void *ctx)
{
	story_fixed_ex(s, &(struct lay_fixed){.h = h, .fn = fn, .ctx = ctx});
}

void story_note_last(struct story *s)
{
	if (s->n)
		s->b[s->n - 1].noted = true;
}

void story_what_last(struct story *s, const char *what)
{
	if (s->n)
		s->b[s->n - 1].what = what;
}

void story_space(struct story *s, float h)
{
	add(s, BLK_SPACE)->h = h > 0 ? h : 0;
}

void story_page_break_ex(struct story *s, const struct lay_break *br)
{
	float fill = br->min_fill;
	add(s, BLK_BREAK)->min_fill = fill > 0 ? (fill < 1 ? fill : 1) : 0;
}

void story_page_break(struct story *s)
{
	story_page_break_ex(s, &(struct lay_break){0});
}

void story_chapter_break(struct story *s)
{
	story_page_break_ex(s, &(struct lay_break){.min_fill = LAY_CHAPTER_FILL});
}

void story_cover_end(struct story *s)
{
	add(s, BLK_COVER_END);
}

void story_keep_begin(struct story *s)
{
	if (s->n_keep == s->alloc_keep) {
		s->alloc_keep = s->alloc_keep ? 2 * s->alloc_keep : 8;
		s->keep_stack = xreallocarray(s->keep_stack, s->alloc_keep, sizeof *s->keep_stack);
	}
	s->keep_stack[s->n_keep++] = s->n;
	add(s, BLK_KEEP_BEGIN)->match = SIZE_MAX;
}

void story_keep_end(struct story *s)
{
	if (!s->n_keep)
		return; /* an end without a begin: nothing to keep */
	size_t begin = s->keep_stack[--s->n_keep];
	struct block *b = add(s, BLK_KEEP_END);
	b->match = begin;
	s->b[begin].match = s->n - 1;
}

void story_fit_begin(struct story *s)
{
	if (s->fit_open)
		story_fit_end(s); /* spans do not nest: the new one ends the old */
	add(s, BLK_FIT_BEGIN)->match = SIZE_MAX;
	s->fit_open = s->n;
}

void story_fit_end(struct story *s)
{
	if (!s->fit_open)
		return;
	size_t begin = s->fit_open - 1;
	add(s, BLK_FIT_END)->match = begin;
	s->b[begin].match = s->n - 1;
	s->fit_open = 0;
}

void story_toc(struct story *s, const char *title, int depth)
{
	struct block *b = add(s, BLK_TOC);
	b->text = copy(s, title ? title : "目次");
	b->depth = depth < 1 ? 1 : depth > 3 ? 3 : depth;
	b->before = HEAD_BEFORE[0];
	b->after = HEAD_AFTER[0];
}

void story_set_info(struct story *s, const struct dl_info *info)
{
	s->info.title = copy(s, info->title);
	s->info.author = copy(s, info->author);
	s->info.subject = copy(s, info->subject);
	s->info.keywords = copy(s, info->keywords);
	s->info.creator = copy(s, info->creator);
	s->info.created = info->created;
}

/* ---- measuring ----------------------------------------------------------- */

float story_run_height(const struct story *s, size_t i, size_t end,
		       float *lead)
{
	float h = 0, gap = 0;
	bool first = true;
	*lead = 0;
	for (; i < end && i < s->n; i++) {
		const struct block *b = &s->b[i];
		float g = gap > b->before ? gap : b->before;
		if (first && b->kind != BLK_SPACE && b->kind != BLK_KEEP_BEGIN &&
		    b->kind != BLK_KEEP_END && b->kind != BLK_BREAK &&
		    b->kind != BLK_COVER_END && b->kind != BLK_FIT_BEGIN &&
		    b->kind != BLK_FIT_END) {
			/* the space before the run is owed to what precedes
			 * it (and dropped at the top of a page) */
			*lead = g;
			g = 0;
			first = false;
		}
		switch (b->kind) {
		case BLK_HEADING:
			h += g + b->h;
			break;
		case BLK_PARA:
			h += g + b->tl->height;
			break;
		case BLK_TABLE:
			h += g + b->table->full_h;
			break;
		case BLK_FIXED:
			h += g + b->h;
			break;
		case BLK_TOC:
			h += g + toc_full_height(b);
			break;
		case BLK_SPACE:
			gap += b->h;
			continue;
		default:
			continue;
		}
		gap = b->after;
	}
	return h;
}

static void measure(struct story *s, struct diag_list *dg)
{
	float body_w = lay_body(&s->ls).w;
	for (size_t i = 0; i < s->n; i++) {
		struct block *b = &s->b[i];
		switch (b->kind) {
		case BLK_HEADING:
		case BLK_PARA:
			if (!b->tl)
				b->tl = text_layout_new(s->te, b->text,
							strlen(b->text), &b->style,
							body_w, &b->src, dg);
			if (b->kind == BLK_HEADING)
				b->h = b->tl->height + (b->level == 1 ? 4 : 0);
			break;
		case BLK_TABLE:
			table_measure(b->table, s->te, body_w, dg);
			break;
		case BLK_FIXED:
			b->h = b->nat_h; /* a layout before may have tightened it */
			break;
		default:
			break;
		}
	}
	/* the 目次 lists every heading, so it comes after them */
	for (size_t i = 0; i < s->n; i++)
		if (s->b[i].kind == BLK_TOC)
			toc_measure(s, &s->b[i]);
	for (size_t i = 0; i < s->n; i++) {
		struct block *b = &s->b[i];
		if (b->kind == BLK_KEEP_BEGIN)
			b->group_h = story_run_height(s, i + 1, b->match, &b->before);
	}
}

int story_layout(struct story *s, struct dl_doc **out, struct diag_list *dg)
{
	*out = NULL;
	struct lay_box body = lay_body(&s->ls);
	struct lay_box paper = lay_page_size(&s->ls);
	if (body.w < 36 || body.h < 72) {
		diag_add(dg, DIAG_ERROR, NULL, 0, 0,
			 "page margins leave no room for text: body %.1f x %.1f "
			 "pt on a %.2f x %.2f pt page",
			 (double)body.w, (double)body.h, (double)paper.w,
			 (double)paper.h);
		return -1;
	}
	measure(s, dg);

	struct flow f = {0};
	f.s = s;
	f.d = dl_doc_new();
	f.dg = dg;
	f.paper = paper;
	f.body = body;
	for (size_t i = 0; i < s->n; i++)
		f.cover |= s->b[i].kind == BLK_COVER_END;
	f.d->draft = s->ls.draft;
	flow_run(&f);
	flow_finish(&f);

	struct dl_info *in = &f.d->info;
	in->title = s->info.title ? dl_doc_strdup(f.d, s->info.title) : NULL;
	in->author = s->info.author ? dl_doc_strdup(f.d, s->info.author) : NULL;
	in->subject = s->info.subject ? dl_doc_strdup(f.d, s->info.subject) : NULL;
	in->keywords = s->info.keywords ? dl_doc_strdup(f.d, s->info.keywords) :
					  NULL;
	in->creator = dl_doc_strdup(f.d, s->info.creator ? s->info.creator :
							   "shiryo");
	in->created = s->info.created;
	free(f.meta);
	*out = f.d;
	return 0;
}

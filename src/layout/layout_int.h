/* layout_int.h - what the files of src/layout share; not part of the API.
 *
 * story.c builds the list of blocks and drives a layout: measure every
 * block, run the flow (flow.c) over them, then draw the furniture and the
 * 目次 numbers.  table.c is the table model and its measuring; tplace.c
 * places a measured table onto the flow's pages; toc.c is the 目次.
 */
#ifndef SHIRYO_LAYOUT_INT_H
#define SHIRYO_LAYOUT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "dlist.h"
#include "layout.h"
#include "table.h"
#include "text.h"

struct arena;
struct diag_list;

#define LAY_EPS 1e-3f

/* ---- tables ---------------------------------------------------------- */

struct tcell {
	char *text;           /* NULL: empty */
	size_t len;
	int rowspan, colspan; /* >= 1 after table_measure */
	enum table_align align;
	bool valign_set;
	enum text_valign valign;
	float grey;
	struct text_src src;
	table_draw_fn draw;   /* table_cell.draw, draw_ctx, draw_h */
	void *draw_ctx;
	float draw_h;
	bool drawn;           /* pagination: the drawing has a page */
	/* measured */
	size_t owner;         /* grid index of the anchor covering this spot */
	struct text_layout *tl; /* anchors with text */
	bool decimal;         /* set on the decimal point */
	float int_w;          /* decimal: width before the point */
	/* pagination */
	size_t shown;         /* lines drawn so far */
	bool complete;        /* every line was drawn on an earlier page */
	unsigned stamp;       /* piece that last drew it */
	int elem;             /* anchors: its TH or TD element */
};

struct table {
	size_t n_cols, n_rows, alloc_rows, n_header;
	bool body_started;
	struct table_col *cols;
	struct table_style style;
	struct tcell *cells;  /* n_rows * n_cols, row-major */
	struct arena *arena;  /* the texts */
	/* measured (table_measure) */
	bool measured;
	float width, pitch, pad_x, pad_y, rule, grey;
	float *col_x;         /* n_cols + 1 left edges, relative; col_x[n] = width */
	float *dec_int, *dec_frac; /* per column: widest parts of decimal cells */
	float *row_h;         /* heights with nothing split, spans included */
	size_t *group_end;    /* per row: last row of its row-span group */
	float header_h, full_h;
	size_t work;          /* grid and slice visits (table_work) */
};

/* Every visit of a grid position counts as work: the tests' proof that
 * measuring and placing grow linearly with the rows.  (The tables are the
 * caller's, never const objects: the count may change through a const
 * pointer.) */
static inline struct tcell *tcell_at(const struct table *t, size_t r,
				     size_t c)
{
	((struct table *)t)->work++;
	return &t->cells[r * t->n_cols + c];
}

/* Sizes the columns to width (<= 0: style width or body_w), lays out every
 * cell and computes the row heights and groups.  Idempotent. */
void table_measure(struct table *t, struct text_engine *te, float body_w,
		   struct diag_list *dg);
/* Height of the lines [0, n) of a cell plus its padding. */
float table_cell_need(const struct table *t, size_t n_lines);

/* ---- the flow -------------------------------------------------------- */

enum blk_kind {
	BLK_HEADING,
	BLK_PARA,
	BLK_TABLE,
	BLK_FIXED,
	BLK_SPACE,
	BLK_BREAK,
	BLK_COVER_END,
	BLK_KEEP_BEGIN,
	BLK_KEEP_END,
	BLK_FIT_BEGIN,
	BLK_FIT_END,
	BLK_TOC,
};

struct toc_entry {
	size_t heading;       /* block index */
	struct text_layout *tl;
	float indent, before, h;
	int elem;             /* its TOCI element */
	/* where the flow put it */
	size_t page;
	float y;
};

struct block {
	enum blk_kind kind;
	float before, after;  /* collapsible space */
	bool keep_next;
	bool keep_prev;       /* paragraph: a note on the block before */
	bool noted;           /* its pages carry the page note */
	/* heading, paragraph, toc title */
	const char *text;
	struct text_style style;
	struct text_src src;
	int level;
	const char *running;
	bool no_toc, no_outline;
	struct text_layout *tl;
	/* table */
	struct table *table;
	/* fixed, space */
	float h;
	float nat_h, min_h;   /* fixed: as given; h is nat_h unless tightened */
	lay_draw_fn fn;
	void *ctx;
	const char *what;     /* fixed: its name for messages, or NULL */
	/* page break: taken only on a page filled at least this much */
	float min_fill;
	/* keep groups, fit spans */
	size_t match;         /* index of the matching begin/end */
	float group_h;
	/* toc */
	int depth;
	struct toc_entry *entries;
	size_t n_entries;
	/* results */
	size_t page;          /* heading: page index it was placed on */
	float y;
	int number;           /* heading: 1-based count (sec.N) */
};

struct story {
	struct text_engine *te;
	struct lay_setup ls;  /* strings in arena */
	struct arena *arena;
	struct block *b;
	size_t n, alloc;
	size_t *keep_stack;
	size_t n_keep, alloc_keep;
	size_t fit_open;      /* the fit span begun and not ended: its begin
				 block + 1; 0 when none */
	struct dl_info info;
};

struct page_meta {
	bool cover;
	const char *section;  /* first level-1 heading placed on it */
	bool at_top;          /* ... as the first thing on the page */
	bool noted;           /* shows a block marked with story_note_last */
	int note_elem;        /* ... and the Note element its note goes in,
				 placed after the first such block */
	const char *last;     /* last one: in effect on the pages after */
};

struct flow {
	struct story *s;
	struct dl_doc *d;
	struct diag_list *dg;
	struct lay_box paper, body;
	size_t page;          /* index of the current page; valid once started */
	bool started;
	float y;              /* where the next thing goes */
	bool empty;           /* nothing placed on the page yet */
	float gap;            /* collapsible space owed before the next block */
	bool keep_pending;    /* what was placed last wants its successor */
	size_t fit_end;       /* in a fit span: the index of its end; else 0 */
	bool cover;           /* new pages are cover pages */
	struct page_meta *meta;
	size_t alloc_meta;
	int n_headings;
	/* the structure (dlist.h): the Sect open at each heading level
	   (sect[0] the Document; 0 above it: none), the level of the last
	   heading tagged (a heading never skips a level in the tags) */
	int sect[4];
	int last_h;
};

/* Structure (flow.c): the innermost open Sect (or the Document); a new
 * element of role under it, made current; artifacts from here on. */
int flow_parent(const struct flow *f);
int flow_elem(struct flow *f, enum dl_role role);
void flow_artifact(struct flow *f);

/* Places every block of f->s onto new pages of f->d (flow.c). */
void flow_run(struct flow *f);
/* Running heads, footers, the 資料番号 box and the 目次 numbers. */
void flow_finish(struct flow *f);

struct dl_page *flow_page(struct flow *f);
void flow_new_page(struct flow *f);
float flow_avail(const struct flow *f);
float flow_bottom(const struct flow *f);
/* The space owed before a block asking for before, at this position. */
float flow_gap(const struct flow *f, float before);

/* Places the measured table at the flow's position (gap before it). */
/* tail: the notes that must end on the table's last page (keep_prev). */
void table_place(struct flow *f, struct table *t, float gap, float tail);
/* The height a table needs on the page it starts on: its header and the
 * first piece it would not split (cap: the height of a fresh page); a
 * short table, which is not split, whole with its tail. */
float table_first_need(const struct table *t, float cap, float tail);

/* toc.c */
void toc_measure(struct story *s, struct block *b);
float toc_first_need(const struct block *b);
float toc_full_height(const struct block *b);
void toc_place(struct flow *f, struct block *b);
/* Pass 2: the numbers and leaders, once every heading has its page. */
void toc_fill(struct flow *f, const struct block *b);
/* Records a level-1 heading (its running-head text) on the current page;
 * call it before the heading marks the page as not empty. */
void flow_section(struct flow *f, const char *text);
/* The printed number of page i (0 for a cover page). */
int flow_page_number(const struct flow *f, size_t i);

/* Draws a one-line text with its left edge at x and the top of its line
 * box at y; returns its width. */
float lay_text_line(struct flow *f, const char *utf8, enum font_role role,
		    float size, float x, float y, struct dl_color color);
float lay_text_width(struct flow *f, const char *utf8, enum font_role role,
		     float size);

/* story.c: height of blocks [i, end) laid out one after another on an
 * endless page (keep groups), from the top of the first one: the space
 * owed before that (its before) goes to *lead. */
float story_run_height(const struct story *s, size_t i, size_t end,
		       float *lead);

/* story.c: heading styles */
struct text_style lay_heading_style(int level);

#endif

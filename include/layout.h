/* layout.h - pages, and the flow of blocks onto them.
 *
 * A document is composed as a story - a list of blocks (headings,
 * paragraphs, tables, fixed-height drawings, space, page breaks, keep
 * groups, a table of contents) - and then laid out in one call that
 * measures every block, paginates the story looking ahead (keep with next,
 * widows and orphans, keep-together groups), draws the page furniture
 * (running head, footer 「- n -」, 資料番号 box, 「案」 watermark, page
 * labels) and fills in the table of contents and the outline.  The result is
 * a display list (dlist.h) for pdf_write (render.h).
 *
 *   struct lay_setup ls;
 *   lay_setup_init(&ls, LAY_A4);
 *   ls.head_left = "第2期鹿児島市商工業振興プラン";
 *   ls.doc_number = "資料１";
 *   struct story *s = story_new(te, &ls);
 *   story_para_ex(s, &(struct lay_para){.text = "令和7年度 進捗状況報告",
 *                 .style = {.role = FONT_GOTHIC, .size = 20,
 *                           .align = TEXT_CENTER}});
 *   story_cover_end(s);                         // page 1 is the cover
 *   story_toc(s, "目次", 2);
 *   story_heading(s, 1, "１ 施策の柱① 新たな産業の創出");
 *   story_para(s, "かごしま経済の活力を高め、…");
 *   story_table(s, t);                          // table.h; s owns t now
 *   story_fixed(s, 180, draw_chart, &chart);    // never split
 *   story_set_info(s, &(struct dl_info){.title = "…", .created = epoch});
 *   struct dl_doc *doc;
 *   if (story_layout(s, &doc, &diags) == 0) pdf_write(doc, fs, path, &diags);
 *   story_free(s);      // the dl_doc is the caller's: dl_doc_free(doc)
 *
 * Geometry.  Points, origin at the top left of the page, y down (as the
 * display list).  The body is the page less the margins; the binding margin
 * (とじしろ) widens the left margin of every page.  The running head sits in
 * the top margin (its rule 10 pt above the body), the footer is centred in
 * the bottom margin; nothing of the flow is ever drawn below the body.
 *
 * Pages.  Story blocks before story_cover_end() make up the cover: no
 * running head, no footer, page label "" (render.h).  Every other page is
 * numbered from 1, and 「- n -」 and the page label agree.  The 資料番号 box
 * is drawn top right on the first page (in the top margin); that page has
 * no running head, as the box stands where the section would.
 * The running head's right part names the section in force at the top of
 * the page: the last level-1 heading placed on an earlier page, or the one
 * that is the first thing on the page (its .running text, else its title);
 * a page before any section names the first one starting on it (the 目次
 * counts as a level-1 heading).
 *
 * Flow rules (what the tests pin down):
 *  - a heading is never the last thing on a page: it moves to the next page
 *    unless it fits with the first unbreakable piece of what follows it;
 *  - a paragraph splits between lines, never leaving a single line at the
 *    foot (orphan) or the head (widow) of a page; 2 and 3 line paragraphs do
 *    not split;
 *  - a fixed block (story_fixed) that fits on a fresh page is never split;
 *    one taller than the body is drawn clipped to the body, with a warning;
 *  - a keep group that fits on a fresh page is never split; one that fits
 *    only when its shrinkable fixed blocks (story_fixed_ex) give up height
 *    is tightened that much and kept; a longer one flows as if it were not
 *    grouped;
 *  - in a fit span (story_fit_begin) the shrinkable fixed blocks give up
 *    height when the rest of the span then ends on the page where it is;
 *  - a note kept with the block before it (lay_para.keep_with_prev) is
 *    never the first thing on a page: the table's last row groups (two,
 *    as tables never leave one alone) or the fixed block move with it;
 *  - vertical space (a block's before/after, story_space) is dropped at the
 *    top of a page; a page break on an empty page does nothing, nor does a
 *    conditional one (story_page_break_ex) on a page filled less than its
 *    share;
 *  - tables: see table.h.
 *
 * Contents and bookmarks.  Every heading adds an outline entry (level - 1,
 * nested as the headings are) and a named destination "sec.N" (N counts
 * headings from 1); headings of level <= the depth given to story_toc also
 * get a 目次 entry.  The 目次 is laid out in two passes: the flow places it
 * with every entry at its final size (the page-number column has a fixed
 * width, so numbers cannot change its height), and once every heading has
 * its page the numbers and dot leaders are drawn in.
 */
#ifndef SHIRYO_LAYOUT_H
#define SHIRYO_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "dlist.h"
#include "text.h"

struct diag_list;
struct table;

/* Millimetres to points. */
#define LAY_MM(mm) ((float)((mm) * 72.0 / 25.4))

enum lay_paper {
	LAY_A4,           /* 595.28 x 841.89 pt, portrait */
	LAY_A3_LANDSCAPE, /* 1190.55 x 841.89 pt */
	LAY_A4_LANDSCAPE, /* 841.89 x 595.28 pt */
};

#define LAY_A4_WIDTH 595.28f
#define LAY_A4_HEIGHT 841.89f
#define LAY_A3L_WIDTH 1190.55f
#define LAY_A3L_HEIGHT 841.89f

struct lay_setup {
	enum lay_paper paper;
	/* margins in millimetres; the binding margin is added on the left */
	float margin_top, margin_bottom, margin_left, margin_right;
	float binding;
	const char *head_left;  /* running head, left: the plan name; NULL:
				   none (the section alone, if any) */
	bool no_running_head;   /* no running head (and no rule) at all */
	bool no_footer;         /* no 「- n -」 */
	const char *doc_number; /* 資料番号 box text, e.g. 「資料１」; NULL: none */
	bool draft;             /* 「案」 watermark under the content */
	float body_size;        /* body text size in points */
	const char *continued;  /* marker above a table continued on a new
				   page, e.g. 「（続き）」; NULL: none */
	const char *page_note;  /* footnote of the pages that show a block
				   marked with story_note_last, e.g. 「※ 実績値
				   は例示値です…」; NULL: none */
};

/* Defaults for paper: margins top 22, bottom 20, left and right 20 mm, no
 * binding, body 10.5 pt, no running head text, no 資料番号, no marker. */
void lay_setup_init(struct lay_setup *ls, enum lay_paper paper);

/* A rectangle, top-left corner and size. */
struct lay_box {
	float x, y, w, h;
};

/* Page size and body of a setup (the body is where the flow goes). */
struct lay_box lay_page_size(const struct lay_setup *ls);
struct lay_box lay_body(const struct lay_setup *ls);

/* ---- the story ---------------------------------------------------------- */

struct story;

/* A new empty story for te (which must outlive it) with a copy of ls (the
 * strings are copied). */
struct story *story_new(struct text_engine *te, const struct lay_setup *ls);
/* Frees the story and every table given to it; NULL is a no-op. */
void story_free(struct story *s);

/* Headings: gothic, level 1 (14 pt, ruled below), 2 (12 pt), 3 (10.5 pt);
 * levels outside 1..3 are clamped. */
struct lay_heading {
	int level;
	const char *title;
	const char *running;  /* running head text when level 1; NULL: title */
	bool no_toc;          /* not in the 目次 */
	bool no_outline;      /* no bookmark */
	struct text_src src;  /* where the title came from (warnings) */
};
void story_heading(struct story *s, int level, const char *title);
void story_heading_ex(struct story *s, const struct lay_heading *h);

/* Paragraphs.  A zeroed style (size 0) is the body style: mincho,
 * body_size, line height 1.6, justified, 1字下げ.  before/after are
 * vertical space in points (adjacent spaces collapse to the larger);
 * keep_with_next keeps the whole paragraph on the page of what follows (a
 * caption, a lead-in line).  Tables and fixed blocks get 4 pt before and
 * 8 pt after; headings 16/8 (level 1), 12/6, 8/4. */
struct lay_para {
	const char *text;
	struct text_style style;
	float before, after;  /* points; default 0 */
	bool keep_with_next;
	/* A note on the table or fixed block just before it (「※ 実績値は例示
	 * 値です」, a legend line): it goes on the page where that block ends,
	 * and the block's last rows (or the whole fixed block) move to the
	 * next page with it when it does not fit under them. */
	bool keep_with_prev;
	struct text_src src;
};
void story_para(struct story *s, const char *utf8);
void story_para_ex(struct story *s, const struct lay_para *p);

/* A table (table.h).  The story owns t from now on. */
void story_table(struct story *s, struct table *t);

/* A fixed-height block drawn by fn into the body: (x, y) is its top-left
 * corner, w the body width, h as given.  ctx must live until story_layout
 * returns.  fn may add any items to page p of d (and must not add pages). */
typedef void (*lay_draw_fn)(struct dl_doc *d, struct dl_page *p, float x,
			    float y, float w, float h, void *ctx);
void story_fixed(struct story *s, float h, lay_draw_fn fn, void *ctx);
/* The same with a least height min_h (<= h; a chart whose plot may get
 * shorter): inside a keep group that is taller than a page at the natural
 * heights but fits once such blocks give up height, each gives up the same
 * share of (h - min_h), just enough, and the group stays on one page; in a
 * fit span (story_fit_begin) likewise when the rest of the span then ends
 * on the page.  fn is then called with the smaller h. */
struct lay_fixed {
	float h, min_h;
	lay_draw_fn fn;
	void *ctx;
};
void story_fixed_ex(struct story *s, const struct lay_fixed *fx);

/* Marks the block added last: every page it draws on (each page of a
 * table that breaks, say) carries the setup's page_note once, set small
 * and right-aligned at the top of the bottom margin, above the footer.  A
 * note that must be on every page showing such blocks, said once per page
 * however many of them the page shows. */
void story_note_last(struct story *s);

/* Names the block added last ("指標「…」の推移グラフ") for messages: a
 * fixed block taller than any page cannot be placed, and is an error that
 * names it (issue 14); unnamed, the message says "a figure".  what must
 * live until story_layout returns. */
void story_what_last(struct story *s, const char *what);

/* Vertical space in points (dropped at the top of a page). */
void story_space(struct story *s, float h);
/* The next block starts a new page. */
void story_page_break(struct story *s);
/* The same, taken only on a page whose body is filled to at least min_fill
 * (0..1) of its height: on a page still mostly blank (the tail of the
 * previous section, carried over) the next block starts below what is
 * there.  Keep what must start together in a keep group after the break:
 * a group that does not fit below still starts a new page.  0: always. */
struct lay_break {
	float min_fill;
};
void story_page_break_ex(struct story *s, const struct lay_break *br);
/* A chapter (a council's pillar, a working meeting's project) starts a new
 * page - unless the page is still less than half full (LAY_CHAPTER_FILL):
 * then it starts below what is there, so that no page is left under half
 * full when the next block could have gone on it.  Keep the chapter's
 * opening (heading to first table) in a keep group after it. */
#define LAY_CHAPTER_FILL 0.5f
void story_chapter_break(struct story *s);
/* What came before is the cover; the next block starts a new page. */
void story_cover_end(struct story *s);
/* The blocks between begin and end stay on one page if they fit on one.
 * Groups may nest; an unclosed group ends with the story. */
void story_keep_begin(struct story *s);
void story_keep_end(struct story *s);
/* The blocks between begin and end end on the page where they are if
 * their shrinkable fixed blocks (story_fixed_ex) can make room: before
 * each such block the flow measures the rest of the span, and when it does
 * not fit in what is left of the page (or, for a block that moves to the
 * next page, of that page) but would once the blocks from here on give up
 * height, each gives up the same share of what it can, just enough.
 * Otherwise the span flows as usual.  Spans do not nest; an unclosed span
 * ends with the story. */
void story_fit_begin(struct story *s);
void story_fit_end(struct story *s);
/* The 目次 here, titled title (a level-1 style heading with a bookmark but
 * no entry of its own), listing the headings of level <= depth (1..3). */
void story_toc(struct story *s, const char *title, int depth);

/* Document information (copied): title, author (the issuer), subject,
 * keywords, creator (NULL: "shiryo") and the creation date the caller
 * chose (from the input or SOURCE_DATE_EPOCH, never the clock). */
void story_set_info(struct story *s, const struct dl_info *info);

/* Lays the story out into a new display list (*out, the caller's, freed
 * with dl_doc_free).  Warnings (text the fonts lack, clipped blocks, bad
 * table spans) go to dg.  Returns 0, or -1 with an error in dg when the
 * setup leaves no body (margins larger than the paper); then *out is NULL.
 * May be called again after more blocks were added. */
int story_layout(struct story *s, struct dl_doc **out, struct diag_list *dg);

#endif

/* table.h - ruled tables that break across pages.
 *
 * A table is a grid of rows and columns; the first rows may be header rows
 * (shaded grey 0.85 and ruled, which survives black-and-white printing;
 * repeated at the top of every page the table continues on).  A cell may
 * span rows and columns: the anchor cell (its top-left position) holds the
 * text, the positions it covers hold nothing.  The story (layout.h) owns a
 * table once it is given to it.
 *
 *   struct table *t = table_new(5, NULL);
 *   table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE,
 *                                           .width = 1});
 *   table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_SHARE,
 *                                           .width = 3});
 *   for (int c = 2; c < 5; c++)
 *       table_set_col(t, c, &(struct table_col){.width_kind = TABLE_FIXED,
 *                     .width = LAY_MM(12), .align = TABLE_CENTER});
 *   size_t h0 = table_add_row(t, true), h1 = table_add_row(t, true);
 *   table_set_cell(t, h0, 0, &(struct table_cell){.text = "取組方針",
 *                                                 .rowspan = 2});
 *   table_set_cell(t, h0, 1, &(struct table_cell){.text = "主な取組内容",
 *                                                 .rowspan = 2});
 *   table_set_cell(t, h0, 2, &(struct table_cell){
 *                  .text = "主な連携・協働先", .colspan = 3});
 *   table_set(t, h1, 2, "関係\n機関"); ...
 *   size_t r = table_add_row(t, false);
 *   table_set_cell(t, r, 0, &(struct table_cell){.text = "付加価値の…",
 *                                                .rowspan = 4});
 *   table_set(t, r, 1, "かごしまの豊かな資源を…"); table_set(t, r, 2, "●");
 *
 * Column widths.  TABLE_FIXED columns take their width; TABLE_AUTO columns
 * are sized to their content between the narrowest width without forced
 * breaks (text_layout min_width) and the width that needs no wrapping
 * (natural_width), within the column's min/max; TABLE_SHARE columns share
 * what is left by weight.  Without share columns, auto columns widen beyond
 * their natural width to fill the table width.  A cell spanning columns
 * widens its auto columns when their sum is narrower than its min_width.
 * A table narrower than the body (table_style.width) is centred.
 *
 * Cells.  Text wraps with the Japanese line breaking (text.h) at the
 * column width less the padding; TABLE_DECIMAL sets each body cell on one
 * line, right-aligned as a block, with the decimal points of the column in
 * one vertical line (the text before the point, or before the end of the
 * first run of digits when there is none, is measured: "6,534千円" and
 * "13.5％" line up on the point; a text without digits, such as 「―」,
 * ends at the point).  Header cells are centred in both directions.
 *
 * Pagination (layout.h places the table at the current position):
 *  - the header rows stay with the first body row; on every page the table
 *    continues on, the marker (lay_setup.continued, e.g. 「（続き）」) and
 *    the header rows are repeated at the top (unless no_repeat_header);
 *  - rows joined by row spans form a group that is kept on one page when it
 *    fits on a fresh page; a longer group breaks between its rows;
 *  - a short table (at most six row groups, a third of a page) is not
 *    broken: it starts on the next page when it does not fit whole;
 *  - a short table (at most six row groups, a third of a page) is not
 *    broken: with the note kept after it, it starts on the next page when
 *    it does not fit whole;
 *  - no row group is left alone by a break: a table of four or more groups
 *    starts where its first two fit; when only the last group of the table
 *    (or of a section: rows under a title row spanning every column) would
 *    go over, the one before goes with it (two stay); a section's title
 *    row goes with the group after it;
 *  - a row that fits on a fresh page is never split; a taller row is split
 *    between lines of its cells, the first part filling the rest of the
 *    current page;
 *  - a cell whose area goes on over a page break (a spanning cell, or
 *    any cell of a split row) continues its text where it stopped; once all
 *    of its text has been shown, a later page repeats it whole if it fits
 *    there and leaves it blank if it does not.  Repeating is the choice for
 *    the printed handout: a reader of the continued page should not have
 *    to turn back to learn which 取組方針 the rows belong to, and a cut
 *    repeat would read as lost text.  The last row of a span grows as
 *    needed so that the spanning text always fits: nothing is cut off;
 *  - a header taller than a page less two lines is not repeated, and one
 *    taller than the page is clipped to it (both with a warning);
 *  - nothing is drawn below the body (the footer's area).
 */
#ifndef SHIRYO_TABLE_H
#define SHIRYO_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "font.h"
#include "text.h"

struct table;
struct dl_doc;
struct dl_page;

/* A drawing in a cell (a sparkline, a mark): called with the cell's inner
 * box (padding off) of height h = table_cell.draw_h, centred vertically in
 * the cell; the same signature as layout.h's lay_draw_fn. */
typedef void (*table_draw_fn)(struct dl_doc *d, struct dl_page *p, float x,
			      float y, float w, float h, void *ctx);

enum table_width {
	TABLE_AUTO,  /* sized to the content, within min..max */
	TABLE_FIXED, /* width points (LAY_MM() for millimetres) */
	TABLE_SHARE, /* a share (weight) of the width left over */
};

enum table_align {
	TABLE_ALIGN_DEFAULT, /* cell: its column's; column: left */
	TABLE_LEFT,
	TABLE_CENTER,
	TABLE_RIGHT,
	TABLE_JUSTIFY,
	TABLE_DECIMAL,       /* columns only: on the decimal point */
};

struct table_col {
	enum table_width width_kind;
	float width;     /* TABLE_FIXED: points; TABLE_SHARE: weight (0: 1) */
	float min, max;  /* TABLE_AUTO: limits in points, padding included
			    (0: none) */
	enum table_align align;
	enum text_valign valign; /* body cells; default top */
};

/* Zero means the default: size 0 gives gothic TYPE.table (typesize.h) (role counts only with
 * a size), line height 1.4, padding 3 pt across and 2 pt down, header grey
 * 0.85, rules 0.5 pt, the width of the body.  All cells of a table share
 * the font and size, so that rows split cleanly between lines. */
struct table_style {
	enum font_role role;
	float size;
	float line_height;
	float pad_x, pad_y;
	float header_grey;     /* 0: 0.85; >= 1: no shading */
	float rule;            /* line width of the rules */
	float width;           /* points; 0: the body width */
	bool no_repeat_header; /* do not repeat the header rows */
};

/* The padding across a cell of a table of style st (NULL: the default):
 * what text fitted to a column (doc_fit_value) must leave of its width. */
float table_pad_x(const struct table_style *st);

/* A cell's content and options; zero means the defaults. */
struct table_cell {
	const char *text;     /* copied; NULL: empty */
	int rowspan, colspan; /* 0 or 1: no span */
	enum table_align align;  /* TABLE_ALIGN_DEFAULT: the column's */
	bool valign_set;      /* use valign instead of the column's */
	enum text_valign valign;
	float grey;           /* fill grey level 0 < grey < 1; 0: none */
	struct text_src src;  /* where the text came from (warnings) */
	/* A drawing instead of text (a grid of small charts: the one-sheet
	 * overview): the row grows to hold draw_h plus the padding, and the
	 * drawing goes on the page that shows the row (a row is split only
	 * between text lines, after the drawing has a page).  A header
	 * cell's drawing is repeated with the header.  Only cells that span
	 * one row; ctx must live until the story is laid out. */
	table_draw_fn draw;
	void *draw_ctx;
	float draw_h;         /* points */
};

/* A table of n_cols columns (>= 1), all TABLE_SHARE with weight 1 until
 * set.  style may be NULL. */
struct table *table_new(size_t n_cols, const struct table_style *style);
void table_free(struct table *t);
/* Steps taken so far in measuring and placing t (grid positions and page
 * slices visited): for the tests, which check that it grows linearly. */
size_t table_work(const struct table *t);

void table_set_col(struct table *t, size_t col, const struct table_col *c);
/* Appends a row and returns its index; header rows must come before the
 * body rows (a header row after a body row is taken as a body row). */
size_t table_add_row(struct table *t, bool header);
/* Sets the text of a cell (copied). */
void table_set(struct table *t, size_t row, size_t col, const char *utf8);
void table_set_cell(struct table *t, size_t row, size_t col,
		    const struct table_cell *c);

size_t table_rows(const struct table *t);
size_t table_cols(const struct table *t);

#endif

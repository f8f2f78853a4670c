/* dlist.h - the display list: positioned items on pages.
 *
 * The hand-off between the stages, so it sits below all of them in
 * src/dlist/ and needs only src/model (arena, alloc): text/ (runs and glyph
 * outlines), layout/ and chart/ add items and structure elements, render/
 * writes them as PDF and html/ as HTML; nothing that fills it knows libharu.
 * Coordinates are PostScript points (1/72 in) with the origin at the top
 * left of the page and y growing downwards, as layout thinks; the PDF
 * writer flips them.  Text items carry UTF-8 that the text engine has already
 * checked: every character of an item has a glyph in the item's font.
 *
 * A document owns its pages, a page owns its items, and every string in
 * them is owned by the document (dl_doc_strdup); dl_doc_free() frees all.
 */
#ifndef SHIRYO_DLIST_H
#define SHIRYO_DLIST_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct dl_color {
	float r, g, b; /* 0..1; r == g == b is a grey, written as DeviceGray */
};

#define DL_BLACK ((struct dl_color){0, 0, 0})
#define DL_WHITE ((struct dl_color){1, 1, 1})
#define DL_GREY(v) ((struct dl_color){(v), (v), (v)})

/* A line style: width in points, dash pattern in points (0 = solid). */
struct dl_stroke {
	float width;
	struct dl_color color;
	float dash[4]; /* on, off, on, off; unused entries 0 */
	int n_dash;
};

enum dl_kind {
	DL_TEXT,       /* one run of text in one font */
	DL_LINE,       /* a straight segment */
	DL_RECT,       /* filled and/or stroked rectangle */
	DL_PATH,       /* polyline / polygon / curves */
	DL_CLIP_PUSH,  /* clip to a rectangle until the matching DL_CLIP_POP */
	DL_CLIP_POP,
	DL_LINK_DEST,  /* a named position (for outline entries and the 目次) */
};

enum dl_path_op { DL_MOVE, DL_LINETO, DL_CURVETO, DL_CLOSE };

struct dl_path_seg {
	enum dl_path_op op;
	float x[3], y[3]; /* CURVETO uses all three points, others x[0], y[0] */
};

struct dl_item {
	enum dl_kind kind;
	int elem; /* the structure element it belongs to (dl_elem_add), or
		     DL_ARTIFACT; set by dl_item_add from dl_doc.cur */
	union {
		struct {
			float x, y;        /* start of the baseline */
			int font;          /* index into the font set */
			float size;        /* points */
			float char_space;  /* extra space after each character (justify) */
			struct dl_color color;
			const char *utf8;  /* owned by the document */
			size_t len;        /* bytes of utf8 */
		} text;
		struct {
			float x0, y0, x1, y1;
			struct dl_stroke stroke;
		} line;
		struct {
			float x, y, w, h;  /* top-left corner and size */
			bool fill, stroke;
			struct dl_color fill_color;
			struct dl_stroke line;
		} rect;
		struct {
			struct dl_path_seg *segs; /* owned by the document */
			size_t n_segs;
			bool fill, stroke;
			bool even_odd;            /* fill rule (glyph outlines need it) */
			struct dl_color fill_color;
			struct dl_stroke line;
		} path;
		struct {
			float x, y, w, h;
		} clip;
		struct {
			const char *name; /* owned by the document */
			float y;
		} dest;
	} u;
};

struct dl_page {
	struct dl_doc *doc;  /* the document it belongs to (dl_page_add) */
	float width, height; /* points */
	const char *label;   /* page label for the viewer (NULL: numbered) */
	struct dl_item *items;
	size_t n_items, alloc;
};

/* An outline (bookmark) entry, nested by level (0 = top). */
struct dl_outline {
	const char *title;
	int level;
	size_t page;  /* 0-based page index */
	float y;      /* position on that page (top-left coordinates) */
};

/* Document information, written in Japanese as given. */
struct dl_info {
	const char *title, *author, *subject, *keywords, *creator;
	long long created; /* seconds since the epoch (from the input or
			      SOURCE_DATE_EPOCH), never the clock */
};

/* ---- logical structure (tagged PDF, the HTML edition) -------------------
 *
 * The document's element tree: element 0 is the Document, every other
 * element names its parent, and the children of an element are in the
 * order they were added, which is the reading order.  Every item drawn
 * belongs to one element (dl_item.elem, from dl_doc.cur when it was added)
 * or is an artifact (page furniture, rules, shading, repeated table
 * headers).  A display list with no elements (n_elems 0) is untagged: the
 * writer makes no structure for it. */
#define DL_ARTIFACT (-1)

enum dl_role {
	DL_R_DOCUMENT, DL_R_SECT, DL_R_DIV,
	DL_R_H1, DL_R_H2, DL_R_H3,
	DL_R_P, DL_R_NOTE, DL_R_CAPTION,
	DL_R_L, DL_R_LI, DL_R_LBODY,
	DL_R_TABLE, DL_R_THEAD, DL_R_TBODY, DL_R_TR, DL_R_TH, DL_R_TD,
	DL_R_FIGURE,
	DL_R_TOC, DL_R_TOCI,
};

enum dl_scope { DL_SCOPE_NONE, DL_SCOPE_COLUMN, DL_SCOPE_ROW, DL_SCOPE_BOTH };

struct dl_elem {
	enum dl_role role;
	int parent;            /* -1 for the Document */
	const char *alt;       /* Figure: alternative text (owned by the doc) */
	enum dl_scope scope;   /* TH */
	int rowspan, colspan;  /* TH, TD: > 1 when spanning */
};

struct dl_doc {
	struct arena *arena;
	struct dl_elem *elems;
	size_t n_elems, alloc_elems;
	int cur;    /* the element new items belong to (DL_ARTIFACT: none) */
	struct dl_page *pages;
	size_t n_pages, alloc_pages;
	struct dl_outline *outline;
	size_t n_outline, alloc_outline;
	struct dl_info info;
	bool draft; /* 「案」 watermark requested (layout draws it) */
	bool pdfa;  /* archive grade: the writer makes PDF/A-2b (render.h) */
};

struct dl_doc *dl_doc_new(void);
void dl_doc_free(struct dl_doc *d);
char *dl_doc_strdup(struct dl_doc *d, const char *s);
char *dl_doc_strndup(struct dl_doc *d, const char *s, size_t n);

/* Appends a page and returns it (valid until the next dl_page_add). */
struct dl_page *dl_page_add(struct dl_doc *d, float width, float height);
/* Appends an item to a page and returns it for filling in. */
struct dl_item *dl_item_add(struct dl_page *p, enum dl_kind kind);

void dl_text(struct dl_doc *d, struct dl_page *p, float x, float y, int font,
	     float size, struct dl_color color, const char *utf8, size_t len);
void dl_line(struct dl_page *p, float x0, float y0, float x1, float y1,
	     const struct dl_stroke *s);
void dl_rect(struct dl_page *p, float x, float y, float w, float h,
	     const struct dl_color *fill, const struct dl_stroke *stroke);
void dl_outline_add(struct dl_doc *d, const char *title, int level,
		    size_t page, float y);

/* Adds an element of role under parent (-1 only for the first, the
 * Document) and returns its index.  The element is not made current. */
int dl_elem_add(struct dl_doc *d, enum dl_role role, int parent);
/* Makes elem (an index or DL_ARTIFACT) the element of the items added
 * from now on; returns the one that was current. */
int dl_elem_set(struct dl_doc *d, int elem);
/* For drawing code (a chart, a block's callback): adds an element of role
 * under the current element (the Document when the current one is an
 * artifact), makes it current and returns the element that was current,
 * to be restored with dl_elem_set.  In an untagged display list (no
 * elements yet) it adds nothing and only returns the current one. */
int dl_elem_begin(struct dl_doc *d, enum dl_role role);
/* The role's standard structure type name ("H1", "TD" ...). */
const char *dl_role_name(enum dl_role role);

/* The element tree indexed for a walk in reading order, as the PDF
 * structure tree and the HTML edition both need it. */
/* Counting sort of keys[0..n), each < buckets: out[at[k] .. at[k+1]) are
 * the indices of the keys equal to k, in order.  Both malloc'd. */
void dl_bucket(const size_t *keys, size_t n, size_t buckets, size_t **at,
	       size_t **out);
/* The children of every element, in the order made:
 * kid[kid_at[e] .. kid_at[e+1]).  The Document (element 0) is nobody's
 * child but stands first in bucket 0: a walk skips it there. */
void dl_elem_children(const struct dl_doc *d, size_t **kid_at, size_t **kid);
/* Which elements show (malloc'd, n_elems flags): those with content of
 * their own (has_own) or in a descendant, and the parts of a table that
 * shows even when empty (a reader meets the whole grid). */
bool *dl_elem_live(const struct dl_doc *d, const bool *has_own);

/* A solid stroke of the given width and colour. */
struct dl_stroke dl_stroke_solid(float width, struct dl_color c);

#endif

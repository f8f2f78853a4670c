/* html.c - the HTML edition: the display list's structure tree walked into
 * one self-contained HTML file; see html.h.
 *
 * The walk is the one pdf_tags.c makes for the PDF's structure tree: each
 * element's items are gathered in painting order, an element that shows
 * nothing is left out (except the parts of a table that shows), and the
 * children of an element come in the order the composition made them.
 * Only text items carry text; a Figure also takes its paths, rectangles
 * and lines, and becomes an SVG whose coordinates are the page's.
 */
#include "html.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "outfile.h"

/* ---- a growing buffer ----------------------------------------------------- */

struct hbuf {
	char *p;
	size_t len, cap;
};

static void putn(struct hbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 65536;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void put(struct hbuf *b, const char *s)
{
	putn(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void putf(struct hbuf *b,
						      const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0)
		putn(b, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Text as character data or an attribute value. */
static void put_esc(struct hbuf *b, const char *s, size_t n)
{
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default: continue;
		}
		putn(b, s + from, i - from);
		put(b, rep);
		from = i + 1;
	}
	putn(b, s + from, n - from);
}

/* A coordinate or length: two decimals, trailing zeros dropped. */
static void put_num(struct hbuf *b, double v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.2f", v);
	char *e = buf + strlen(buf);
	while (e > buf && e[-1] == '0')
		*--e = '\0';
	if (e > buf && e[-1] == '.')
		*--e = '\0';
	put(b, strcmp(buf, "-0") ? buf : "0");
}

static void put_color(struct hbuf *b, struct dl_color c)
{
	putf(b, "#%02x%02x%02x", (int)(c.r * 255 + 0.5f), (int)(c.g * 255 + 0.5f),
	     (int)(c.b * 255 + 0.5f));
}

/* ---- the tree ------------------------------------------------------------- */

struct walk {
	const struct dl_doc *doc;
	const struct fontset *fs;
	struct hbuf out;
	size_t n;                /* elements */
	size_t n_items;          /* items that belong to an element */
	size_t *it_page, *it_idx; /* by sequence: page and index of each */
	size_t *own_at, *own;    /* own items of element e (sequence numbers) */
	size_t *kid_at, *kid;    /* children of element e */
	bool *live;
	bool *toc_used;          /* headings a 目次 entry already links to */
	size_t title;            /* the cover's title paragraph (the h1), or 0 */
	int shift;               /* 1: the headings are one level below an h1 */
};

static const struct dl_item *item(const struct walk *w, size_t seq);

/* The size of e's first text, 0 when it has none. */
static float first_text_size(const struct walk *w, size_t e)
{
	for (size_t i = w->own_at[e]; i < w->own_at[e + 1]; i++) {
		const struct dl_item *it = item(w, w->own[i]);
		if (it->kind == DL_TEXT && it->u.text.len)
			return it->u.text.size;
	}
	return 0;
}

/* The page's one h1 is the document's title as its cover prints it: of
 * the paragraphs the document starts with (the cover, before the first
 * section or heading), the one set largest (the plan's title; the
 * subtitle, the kind of document, the date and the issuer are smaller).
 * The PDF's structure tree has no element for it (its H1 are the
 * chapters), so the HTML edition's headings are one level deeper than
 * the PDF's: H1 -> h2, H2 -> h3, H3 -> h4.  0 when there is no cover
 * (html_write() then makes the h1 of the document information's title). */
static size_t cover_title(const struct walk *w)
{
	size_t best = 0;
	float best_size = 0;
	for (size_t i = w->kid_at[0]; i < w->kid_at[1]; i++) {
		size_t k = w->kid[i];
		if (k == 0 || !w->live[k])
			continue;
		if (w->doc->elems[k].role != DL_R_P)
			break;
		float size = first_text_size(w, k);
		if (size > best_size)
			best = k, best_size = size;
	}
	return best;
}

static void build(struct walk *w)
{
	const struct dl_doc *d = w->doc;
	size_t n = w->n = d->n_elems;
	for (size_t p = 0; p < d->n_pages; p++)
		for (size_t k = 0; k < d->pages[p].n_items; k++)
			w->n_items += d->pages[p].items[k].elem >= 0;
	w->it_page = xcalloc(w->n_items, sizeof *w->it_page);
	w->it_idx = xcalloc(w->n_items, sizeof *w->it_idx);
	size_t *elem = xcalloc(w->n_items, sizeof *elem);
	size_t s = 0;
	for (size_t p = 0; p < d->n_pages; p++)
		for (size_t k = 0; k < d->pages[p].n_items; k++) {
			int e = d->pages[p].items[k].elem;
			if (e < 0 || (size_t)e >= n)
				continue;
			w->it_page[s] = p;
			w->it_idx[s] = k;
			elem[s++] = (size_t)e;
		}
	w->n_items = s;
	dl_bucket(elem, s, n, &w->own_at, &w->own);
	free(elem);
	dl_elem_children(d, &w->kid_at, &w->kid);
	bool *has_own = xcalloc(n, sizeof *has_own);
	for (size_t e = 0; e < n; e++)
		has_own[e] = w->own_at[e] < w->own_at[e + 1];
	w->live = dl_elem_live(d, has_own);
	free(has_own);
	w->live[0] = true;
	w->toc_used = xcalloc(n, sizeof *w->toc_used);
	w->title = cover_title(w);
}

static void walk_free(struct walk *w)
{
	free(w->it_page);
	free(w->it_idx);
	free(w->own_at);
	free(w->own);
	free(w->kid_at);
	free(w->kid);
	free(w->live);
	free(w->toc_used);
	free(w->out.p);
}

static const struct dl_item *item(const struct walk *w, size_t seq)
{
	return &w->doc->pages[w->it_page[seq]].items[w->it_idx[seq]];
}

/* The text of e's own items, joined (a paragraph's lines, a cell's); a
 * line that starts with 「・」 starts a line here too (a list the plan
 * wrote as lines of one paragraph). */
static void put_text(struct walk *w, size_t e, struct hbuf *b)
{
	const struct dl_item *prev = NULL;
	for (size_t i = w->own_at[e]; i < w->own_at[e + 1]; i++) {
		const struct dl_item *it = item(w, w->own[i]);
		if (it->kind != DL_TEXT)
			continue;
		if (prev && (it->u.text.y != prev->u.text.y ||
			     it->u.text.x < prev->u.text.x) &&
		    it->u.text.len >= 3 && !memcmp(it->u.text.utf8, "・", 3))
			put(b, "<br>");
		put_esc(b, it->u.text.utf8, it->u.text.len);
		prev = it;
	}
}

static bool has_text(const struct walk *w, size_t e)
{
	for (size_t i = w->own_at[e]; i < w->own_at[e + 1]; i++)
		if (item(w, w->own[i])->kind == DL_TEXT)
			return true;
	return false;
}

/* ---- figures ------------------------------------------------------------- */

static void svg_stroke(struct hbuf *b, const struct dl_stroke *s)
{
	put(b, " stroke=\"");
	put_color(b, s->color);
	put(b, "\" stroke-width=\"");
	put_num(b, s->width);
	put(b, "\"");
	bool any = false;
	for (int i = 0; i < s->n_dash && i < 4; i++)
		any |= s->dash[i] > 0;
	if (any) {
		put(b, " stroke-dasharray=\"");
		for (int i = 0; i < s->n_dash && i < 4; i++) {
			if (i)
				put(b, " ");
			put_num(b, s->dash[i]);
		}
		put(b, "\"");
	}
}

static void svg_item(struct walk *w, const struct dl_item *it)
{
	struct hbuf *b = &w->out;
	switch (it->kind) {
	case DL_TEXT:
		if (!it->u.text.len)
			break;
		put(b, "<text x=\"");
		put_num(b, it->u.text.x);
		put(b, "\" y=\"");
		put_num(b, it->u.text.y);
		put(b, "\" font-size=\"");
		put_num(b, it->u.text.size);
		put(b, "\"");
		const char *fam = w->fs ? fontset_family(w->fs, it->u.text.font) : NULL;
		if (fam && *fam) {
			put(b, " font-family=\"'");
			put_esc(b, fam, strlen(fam));
			put(b, "', sans-serif\"");
		}
		if (it->u.text.char_space != 0) {
			put(b, " letter-spacing=\"");
			put_num(b, it->u.text.char_space);
			put(b, "\"");
		}
		put(b, " fill=\"");
		put_color(b, it->u.text.color);
		put(b, "\">");
		put_esc(b, it->u.text.utf8, it->u.text.len);
		put(b, "</text>\n");
		break;
	case DL_LINE:
		put(b, "<line x1=\"");
		put_num(b, it->u.line.x0);
		put(b, "\" y1=\"");
		put_num(b, it->u.line.y0);
		put(b, "\" x2=\"");
		put_num(b, it->u.line.x1);
		put(b, "\" y2=\"");
		put_num(b, it->u.line.y1);
		put(b, "\"");
		svg_stroke(b, &it->u.line.stroke);
		put(b, "/>\n");
		break;
	case DL_RECT:
		if (!it->u.rect.fill && !it->u.rect.stroke)
			break;
		put(b, "<rect x=\"");
		put_num(b, it->u.rect.x);
		put(b, "\" y=\"");
		put_num(b, it->u.rect.y);
		put(b, "\" width=\"");
		put_num(b, it->u.rect.w);
		put(b, "\" height=\"");
		put_num(b, it->u.rect.h);
		put(b, "\" fill=\"");
		if (it->u.rect.fill)
			put_color(b, it->u.rect.fill_color);
		else
			put(b, "none");
		put(b, "\"");
		if (it->u.rect.stroke)
			svg_stroke(b, &it->u.rect.line);
		put(b, "/>\n");
		break;
	case DL_PATH:
		if (!it->u.path.n_segs || (!it->u.path.fill && !it->u.path.stroke))
			break;
		put(b, "<path d=\"");
		for (size_t i = 0; i < it->u.path.n_segs; i++) {
			const struct dl_path_seg *g = &it->u.path.segs[i];
			int pts = g->op == DL_CURVETO ? 3 : g->op == DL_CLOSE ? 0 : 1;
			put(b, g->op == DL_MOVE ? "M" : g->op == DL_LINETO ? "L" :
			       g->op == DL_CURVETO ? "C" : "Z");
			for (int k = 0; k < pts; k++) {
				if (k)
					put(b, " ");
				put_num(b, g->x[k]);
				put(b, " ");
				put_num(b, g->y[k]);
			}
		}
		put(b, "\" fill=\"");
		if (it->u.path.fill)
			put_color(b, it->u.path.fill_color);
		else
			put(b, "none");
		put(b, "\"");
		if (it->u.path.fill && it->u.path.even_odd)
			put(b, " fill-rule=\"evenodd\"");
		if (it->u.path.stroke)
			svg_stroke(b, &it->u.path.line);
		put(b, "/>\n");
		break;
	default:
		break;
	}
}

/* The first sentence of the alternative text (up to 「。」) as the title. */
static void put_title(struct hbuf *b, const char *alt)
{
	const char *end = strstr(alt, "。");
	size_t n = end ? (size_t)(end - alt) + strlen("。") : strlen(alt);
	put_esc(b, alt, n);
}

static void figure(struct walk *w, size_t e)
{
	struct hbuf *b = &w->out;
	const char *alt = w->doc->elems[e].alt ? w->doc->elems[e].alt : "";
	/* the box: the chart's clip, else the items' extent */
	float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
	for (size_t i = w->own_at[e]; i < w->own_at[e + 1]; i++) {
		const struct dl_item *it = item(w, w->own[i]);
		if (it->kind == DL_CLIP_PUSH) {
			x0 = it->u.clip.x, y0 = it->u.clip.y;
			x1 = x0 + it->u.clip.w, y1 = y0 + it->u.clip.h;
			break;
		}
		if (it->kind == DL_RECT) {
			if (it->u.rect.x < x0) x0 = it->u.rect.x;
			if (it->u.rect.y < y0) y0 = it->u.rect.y;
			if (it->u.rect.x + it->u.rect.w > x1) x1 = it->u.rect.x + it->u.rect.w;
			if (it->u.rect.y + it->u.rect.h > y1) y1 = it->u.rect.y + it->u.rect.h;
		}
	}
	if (x1 <= x0 || y1 <= y0)
		x0 = 0, y0 = 0, x1 = 400, y1 = 300;
	putf(b, "<figure>\n<svg role=\"img\" "
	     "aria-labelledby=\"t%zu d%zu\" viewBox=\"", e, e);
	put_num(b, x0);
	put(b, " ");
	put_num(b, y0);
	put(b, " ");
	put_num(b, x1 - x0);
	put(b, " ");
	put_num(b, y1 - y0);
	put(b, "\" width=\"");
	put_num(b, (x1 - x0) * 4 / 3);
	put(b, "\" height=\"");
	put_num(b, (y1 - y0) * 4 / 3);
	putf(b, "\">\n<title id=\"t%zu\">", e);
	put_title(b, alt);
	putf(b, "</title>\n<desc id=\"d%zu\">", e);
	put_esc(b, alt, strlen(alt));
	put(b, "</desc>\n");
	for (size_t i = w->own_at[e]; i < w->own_at[e + 1]; i++)
		svg_item(w, item(w, w->own[i]));
	put(b, "</svg>\n</figure>\n");
}

/* ---- elements -------------------------------------------------------------- */

static void element(struct walk *w, size_t e);

static void children(struct walk *w, size_t e)
{
	for (size_t i = w->kid_at[e]; i < w->kid_at[e + 1]; i++) {
		size_t k = w->kid[i];
		if (k != 0 && w->live[k])
			element(w, k);
	}
}

static void cell(struct walk *w, size_t e, const char *tag)
{
	const struct dl_elem *de = &w->doc->elems[e];
	struct hbuf *b = &w->out;
	putf(b, "<%s", tag);
	if (de->role == DL_R_TH)
		put(b, de->scope == DL_SCOPE_ROW ? " scope=\"row\"" : " scope=\"col\"");
	if (de->rowspan > 1)
		putf(b, " rowspan=\"%d\"", de->rowspan);
	if (de->colspan > 1)
		putf(b, " colspan=\"%d\"", de->colspan);
	put(b, ">");
	put_text(w, e, b);
	putf(b, "</%s>", tag);
}

/* The text of element e less a trailing page number (a 目次 entry's). */
static void toc_text(struct walk *w, size_t e, struct hbuf *b)
{
	size_t end = w->own_at[e + 1];
	if (end > w->own_at[e]) {
		const struct dl_item *it = item(w, w->own[end - 1]);
		bool digits = it->kind == DL_TEXT && it->u.text.len > 0;
		for (size_t i = 0; digits && i < it->u.text.len; i++)
			digits = it->u.text.utf8[i] >= '0' && it->u.text.utf8[i] <= '9';
		if (digits && end - 1 > w->own_at[e])
			end--;
	}
	for (size_t i = w->own_at[e]; i < end; i++) {
		const struct dl_item *it = item(w, w->own[i]);
		if (it->kind == DL_TEXT)
			put_esc(b, it->u.text.utf8, it->u.text.len);
	}
}

static bool is_heading(enum dl_role r)
{
	return r == DL_R_H1 || r == DL_R_H2 || r == DL_R_H3;
}

/* h2 for the PDF's H1 and so on when the h1 is the title (cover_title,
 * or the document information's title); h1 for it when there is none. */
static int heading_level(const struct walk *w, enum dl_role r)
{
	return (int)(r - DL_R_H1) + 1 + w->shift;
}

/* A 目次 entry links to the first heading after it with the same text;
 * writes the entry's <li> without closing it (a deeper list may follow
 * inside it) and returns the heading, 0 when none has its text. */
static size_t toc_entry(struct walk *w, size_t e)
{
	struct hbuf t = {0}, h = {0};
	toc_text(w, e, &t);
	size_t target = 0;
	for (size_t k = e + 1; k < w->n && !target; k++) {
		if (!is_heading(w->doc->elems[k].role) || w->toc_used[k])
			continue;
		h.len = 0;
		put_text(w, k, &h);
		if (h.p && t.p && !strcmp(h.p, t.p))
			target = k;
	}
	put(&w->out, "<li>");
	if (target) {
		w->toc_used[target] = true;
		putf(&w->out, "<a href=\"#h%zu\">", target);
	}
	if (t.p)
		put(&w->out, t.p);
	if (target)
		put(&w->out, "</a>");
	free(t.p);
	free(h.p);
	return target;
}

/* The 目次 as lists nested by the level of the headings its entries link
 * to: an entry for an h3 sits in a list inside the entry of the h2 above
 * it.  A level deeper than the last entry's + 1 is taken as that + 1 (as
 * the bookmarks do); an entry that links nowhere stays at the last
 * entry's level. */
static void toc(struct walk *w, size_t e)
{
	struct hbuf *b = &w->out;
	int depth = 0; /* lists open */
	for (size_t i = w->kid_at[e]; i < w->kid_at[e + 1]; i++) {
		size_t k = w->kid[i];
		if (k == 0 || !w->live[k] || w->doc->elems[k].role != DL_R_TOCI)
			continue;
		/* where the entry goes is known only once its target is: the
		 * entry is written to its own buffer first */
		struct hbuf saved = w->out;
		w->out = (struct hbuf){0};
		size_t target = toc_entry(w, k);
		struct hbuf entry = w->out;
		w->out = saved;
		int want = target ? heading_level(w, w->doc->elems[target].role) - w->shift
				  : depth;
		if (want < 1)
			want = 1;
		if (want > depth + 1)
			want = depth + 1;
		if (depth == 0) {
			put(b, "<ol class=\"toc\">\n");
			depth = 1;
		} else if (want > depth) {
			put(b, "\n<ol>\n");
			depth++;
		} else {
			put(b, "</li>\n");
			for (; depth > want; depth--)
				put(b, "</ol>\n</li>\n");
		}
		if (entry.p)
			putn(b, entry.p, entry.len);
		free(entry.p);
	}
	if (depth > 0)
		put(b, "</li>\n");
	for (; depth > 0; depth--)
		put(b, depth > 1 ? "</ol>\n</li>\n" : "</ol>\n");
}

static bool only_figures(const struct walk *w, size_t e)
{
	size_t n = 0;
	for (size_t i = w->kid_at[e]; i < w->kid_at[e + 1]; i++) {
		size_t k = w->kid[i];
		if (!w->live[k] || k == 0)
			continue;
		if (w->doc->elems[k].role != DL_R_FIGURE)
			return false;
		n++;
	}
	return n > 1;
}

/* e's children between open and close. */
static void wrap(struct walk *w, size_t e, const char *open, const char *close)
{
	put(&w->out, open);
	children(w, e);
	put(&w->out, close);
}

static void element(struct walk *w, size_t e)
{
	const struct dl_elem *de = &w->doc->elems[e];
	struct hbuf *b = &w->out;
	switch (de->role) {
	case DL_R_DOCUMENT:
		children(w, e);
		break;
	case DL_R_SECT:
		wrap(w, e, "<section>\n", "</section>\n");
		break;
	case DL_R_H1:
	case DL_R_H2:
	case DL_R_H3: {
		int l = heading_level(w, de->role);
		putf(b, "<h%d id=\"h%zu\">", l, e);
		put_text(w, e, b);
		putf(b, "</h%d>\n", l);
		break;
	}
	case DL_R_NOTE:
	case DL_R_CAPTION:
		putf(b, "<p class=\"%s\">", de->role == DL_R_NOTE ? "note" : "caption");
		put_text(w, e, b);
		put(b, "</p>\n");
		break;
	case DL_R_DIV:
		put(b, only_figures(w, e) ? "<div class=\"figs\">\n" : "<div>\n");
		if (has_text(w, e)) {
			put(b, "<p>");
			put_text(w, e, b);
			put(b, "</p>\n");
		}
		children(w, e);
		put(b, "</div>\n");
		break;
	case DL_R_TABLE:
		wrap(w, e, "<table>\n", "</table>\n");
		break;
	case DL_R_THEAD:
		wrap(w, e, "<thead>\n", "</thead>\n");
		break;
	case DL_R_TBODY:
		wrap(w, e, "<tbody>\n", "</tbody>\n");
		break;
	case DL_R_TR:
		wrap(w, e, "<tr>", "</tr>\n");
		break;
	case DL_R_TH:
		cell(w, e, "th");
		break;
	case DL_R_TD:
		cell(w, e, "td");
		break;
	case DL_R_FIGURE:
		figure(w, e);
		break;
	case DL_R_TOC:
		put(b, "<nav aria-label=\"目次\">\n");
		toc(w, e);
		put(b, "</nav>\n");
		break;
	case DL_R_TOCI: /* toc() writes them */
		break;
	case DL_R_L:
		wrap(w, e, "<ul>\n", "</ul>\n");
		break;
	case DL_R_LI:
		put(b, "<li>");
		put_text(w, e, b);
		children(w, e);
		put(b, "</li>\n");
		break;
	case DL_R_P:
	case DL_R_LBODY:
	default:
		if (e == w->title) {
			putf(b, "<h1 id=\"h%zu\">", e);
			put_text(w, e, b);
			put(b, "</h1>\n");
			break;
		}
		put(b, "<p>");
		put_text(w, e, b);
		children(w, e);
		put(b, "</p>\n");
		break;
	}
}

/* No external reference, no script: the style is inline and the fonts are
 * the reader's own (the families are named for who has them). */
static const char style[] =
	"body{font-family:'IPAexGothic','IPAPGothic','Noto Sans CJK JP',"
	"sans-serif;max-width:62em;margin:2em auto;padding:0 1em;"
	"line-height:1.7;color:#000;background:#fff}\n"
	"h1{font-size:1.7em;margin:1em 0 1.5em}\n"
	"h2{font-size:1.5em;border-bottom:2px solid #000;margin-top:2em}\n"
	"h3{font-size:1.25em;border-left:6px solid #555;padding-left:.4em;"
	"margin-top:1.6em}\n"
	"h4{font-size:1.1em;margin-top:1.4em}\n"
	"table{border-collapse:collapse;margin:1em 0;font-size:.9em}\n"
	"th,td{border:1px solid #000;padding:.2em .5em;vertical-align:top}\n"
	"th{background:#d9d9d9;font-weight:bold}\n"
	"figure{margin:1em 0}\n"
	"svg{max-width:100%;height:auto}\n"
	".figs{display:flex;flex-wrap:wrap;gap:1em}\n"
	".figs figure{flex:1 1 20em}\n"
	".note{font-size:.85em}\n"
	".toc,.toc ol{list-style:none;padding-left:0}\n"
	".toc ol{padding-left:1.5em}\n";

/* The page goes to its path by the write policy (outfile.c), as a PDF
 * does: never over an input, links followed, mode kept, devices and
 * standard output written through. */
static bool save(const char *path, const struct hbuf *b, struct diag_list *dg)
{
	char why[512];
	if (outfile_write(path, b->p ? b->p : "", b->len, why, sizeof why) != 0) {
		diag_add(dg, DIAG_ERROR, NULL, 0, 0, "cannot write '%s': %s",
			 strcmp(path, "-") ? path : "standard output", why);
		return false;
	}
	return true;
}

int html_write(const struct dl_doc *doc, const struct fontset *fs,
	       const char *path, struct diag_list *dg)
{
	if (!doc->n_elems) {
		diag_add(dg, DIAG_ERROR, NULL, 0, 0,
			 "cannot write '%s' as HTML: the document has no structure",
			 path);
		return -1;
	}
	struct walk w = {.doc = doc, .fs = fs};
	build(&w);
	struct hbuf *b = &w.out;
	put(b, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, "
	       "initial-scale=1\">\n<title>");
	const char *title = doc->info.title ? doc->info.title : "";
	put_esc(b, title, strlen(title));
	put(b, "</title>\n");
	if (doc->info.author && *doc->info.author) {
		put(b, "<meta name=\"author\" content=\"");
		put_esc(b, doc->info.author, strlen(doc->info.author));
		put(b, "\">\n");
	}
	put(b, "<style>\n");
	put(b, style);
	put(b, "</style>\n</head>\n<body>\n<main>\n");
	w.shift = w.title || *title;
	if (!w.title && *title) {
		put(b, "<h1>");
		put_esc(b, title, strlen(title));
		put(b, "</h1>\n");
	}
	element(&w, 0);
	put(b, "</main>\n</body>\n</html>\n");
	bool ok = save(path, b, dg);
	walk_free(&w);
	return ok ? 0 : -1;
}

/* pdf_page.c - the content stream of one display-list page.
 *
 * The operators are written here into a buffer, not through libharu's
 * drawing calls: the text is in shiryo's own fonts (pdf_font.c), which
 * libharu's ShowText cannot draw, and the buffer can then be compressed on
 * another core (pdf_deflate.c).  It also removes three libharu limits the
 * old painter worked around: dash lengths had to be whole points, numbers
 * came out as float noise (764.41 written 764.40997), and each text run
 * was its own BT ... ET.
 *
 * The display list has the origin at the top left with y down; PDF has it
 * at the bottom left with y up, so every y becomes height - y here.
 * Positions are written in 1/100 pt (3.5 µm, far below any printer's
 * dot), computed as whole hundredths so that relative text moves add up
 * exactly.  The graphics state (colours, line width, dash, font, character
 * spacing) is tracked, so an operator is written only when a value
 * changes; clip push/pop save and restore the tracked state with q / Q.
 * Consecutive texts share one text object, moved with relative Td.
 * Everything drawn here was checked by pdf_check.c first.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlist.h"
#include "alloc.h"
#include "render_int.h"

/* Characters per string.  Each is a two-byte code, and a string holds at
 * most 32,767 bytes in PDF/A-2 (ISO 19005-2, 6.1.13; ISO 32000-1's limit
 * for strings in content streams; PDF/A-1 allowed 65,535, Preflight 1.0.4
 * "A String operand is too long"); a longer text is shown in pieces, each
 * starting where the last ended. */
#define SHOW_MAX_CHARS 16383

#define MAX_STATES 32

struct gstate {
	long line_width; /* hundredths of a point */
	struct dl_color stroke, fill;
	long dash[4];
	int n_dash;
	int font; /* font-set index, -1 none */
	long size, char_space; /* hundredths, ten-thousandths */
};

struct painter {
	struct pdf_ctx *ctx;
	struct pdf_buf *b;
	double height;
	struct gstate st[MAX_STATES];
	int depth;
	bool in_text;
	long tx, ty; /* start of the current text line, hundredths */
	struct pdf_buf codes; /* a text's two-byte codes, reused */
	/* tagged (dl_doc.n_elems > 0): the marked-content sequence open */
	bool tagged;
	bool in_mc;
	int mc_elem;  /* its element, or DL_ARTIFACT */
	size_t page;
};

/* ---- numbers ------------------------------------------------------------ */

/* v in units of 10^-decimals, as the shortest decimal. */
static void put_fixed(struct painter *p, long v, int decimals)
{
	char buf[40], *e = buf + sizeof buf, *s = e;
	bool neg = v < 0;
	unsigned long u = neg ? 0UL - (unsigned long)v : (unsigned long)v;
	int d = 0;
	bool frac = false;
	for (; d < decimals; d++, u /= 10) {
		int digit = (int)(u % 10);
		if (!frac && digit == 0)
			continue;
		frac = true;
		*--s = (char)('0' + digit);
	}
	if (frac)
		*--s = '.';
	do {
		*--s = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (neg && (e - s > 1 || *s != '0'))
		*--s = '-';
	pdf_buf_put_n(p->b, s, (size_t)(e - s));
}

static long hundredths(double v)
{
	return lround(v * 100.0);
}

/* A length or coordinate in points, followed by a space. */
static void num(struct painter *p, double v)
{
	put_fixed(p, hundredths(v), 2);
	pdf_buf_put_n(p->b, " ", 1);
}

static void xy(struct painter *p, double x, double y)
{
	num(p, x);
	num(p, p->height - y);
}

static void op(struct painter *p, const char *s)
{
	pdf_buf_put(p->b, s);
}

/* ---- state -------------------------------------------------------------- */

static void end_text(struct painter *p)
{
	if (p->in_text) {
		op(p, "ET\n");
		p->in_text = false;
	}
}

static bool same_color(struct dl_color a, struct dl_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* Colour components to three decimals: finer than 8-bit colour. */
static void put_color(struct painter *p, struct dl_color c, const char *grey,
		      const char *rgb)
{
	if (c.r == c.g && c.g == c.b) {
		put_fixed(p, lround(c.r * 1000.0), 3);
		op(p, grey);
		return;
	}
	const float v[3] = {c.r, c.g, c.b};
	for (int i = 0; i < 3; i++) {
		put_fixed(p, lround(v[i] * 1000.0), 3);
		op(p, i < 2 ? " " : rgb);
	}
}

static void set_fill(struct painter *p, struct dl_color c)
{
	struct gstate *s = &p->st[p->depth];
	if (same_color(s->fill, c))
		return;
	put_color(p, c, " g\n", " rg\n");
	s->fill = c;
}

static void set_stroke(struct painter *p, const struct dl_stroke *ls)
{
	struct gstate *s = &p->st[p->depth];
	long w = hundredths(ls->width);
	if (s->line_width != w) {
		put_fixed(p, w, 2);
		op(p, " w\n");
		s->line_width = w;
	}
	if (!same_color(s->stroke, ls->color)) {
		put_color(p, ls->color, " G\n", " RG\n");
		s->stroke = ls->color;
	}
	/* A pattern of zeros only is solid (PDF does not allow it). */
	long dash[4];
	int n = ls->n_dash > 4 ? 4 : ls->n_dash;
	bool any = false;
	for (int i = 0; i < n; i++) {
		dash[i] = hundredths(ls->dash[i]);
		any |= dash[i] > 0;
	}
	if (!any)
		n = 0;
	if (n != s->n_dash || memcmp(dash, s->dash, (size_t)n * sizeof *dash) != 0) {
		op(p, "[");
		for (int i = 0; i < n; i++) {
			if (i)
				op(p, " ");
			put_fixed(p, dash[i], 2);
		}
		op(p, "] 0 d\n");
		memcpy(s->dash, dash, (size_t)n * sizeof *dash);
		s->n_dash = n;
	}
}

/* ---- marked content ----------------------------------------------------- */

/* Marked content never crosses a text object, q or Q: a sequence opens
 * outside BT and ends before the next one opens, before a clip is pushed
 * or popped and at the end of the page.  A text object is ended first, so
 * a new sequence starts its own BT with an absolute position. */
static void end_mc(struct painter *p)
{
	if (p->in_mc) {
		end_text(p);
		op(p, "EMC\n");
		p->in_mc = false;
	}
}

/* Puts what item it paints in its element's marked content (a new MCID,
 * pdf_tags.c records it) or in an artifact. */
static void mark(struct painter *p, const struct dl_item *it)
{
	if (!p->tagged)
		return;
	int elem = it->elem;
	/* A chart's labels and axis numbers are artifacts: its Figure's /Alt
	 * says what it shows, and "0 100 200 300" read aloud says nothing.
	 * The HTML edition, which draws the same items, keeps them. */
	if (elem >= 0 && it->kind == DL_TEXT &&
	    p->ctx->doc->elems[elem].role == DL_R_FIGURE)
		elem = DL_ARTIFACT;
	if (p->in_mc && p->mc_elem == elem)
		return;
	end_mc(p);
	end_text(p);
	if (elem < 0) {
		op(p, "/Artifact BMC\n");
	} else {
		char buf[64];
		int mcid = pdf_tags_mcid(p->ctx, p->page, elem);
		snprintf(buf, sizeof buf, "/%s <</MCID %d>> BDC\n",
			 pdf_tags_tag(p->ctx, elem), mcid);
		op(p, buf);
	}
	p->in_mc = true;
	p->mc_elem = elem;
}

/* Whether the item paints anything (only those are marked). */
static bool paints(const struct dl_item *it)
{
	switch (it->kind) {
	case DL_TEXT:
		return it->u.text.len > 0;
	case DL_LINE:
		return true;
	case DL_RECT:
		return it->u.rect.fill || it->u.rect.stroke;
	case DL_PATH:
		return it->u.path.n_segs > 0 &&
		       (it->u.path.fill || it->u.path.stroke);
	default:
		return false;
	}
}

/* ---- items -------------------------------------------------------------- */

/* A string of two-byte codes as a literal: only ( ) \ and CR need a
 * backslash (a bare CR in a string reads as LF). */
static void put_string(struct painter *p, const char *codes, size_t n)
{
	pdf_buf_put_n(p->b, "(", 1);
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		char c = codes[i];
		if (c != '(' && c != ')' && c != '\\' && c != '\r')
			continue;
		pdf_buf_put_n(p->b, codes + from, i - from);
		pdf_buf_put_n(p->b, c == '\r' ? "\\r" : "\\", c == '\r' ? 2 : 1);
		if (c != '\r')
			pdf_buf_put_n(p->b, &c, 1);
		from = i + 1;
	}
	pdf_buf_put_n(p->b, codes + from, n - from);
	op(p, ")Tj\n");
}

static void draw_text(struct painter *p, const struct dl_item *it)
{
	struct gstate *s = &p->st[p->depth];
	if (it->u.text.len == 0)
		return;

	set_fill(p, it->u.text.color);
	if (!p->in_text) {
		op(p, "BT\n");
		p->in_text = true;
		p->tx = p->ty = 0;
	}
	long size = hundredths(it->u.text.size);
	if (s->font != it->u.text.font || s->size != size) {
		op(p, "/");
		op(p, pdf_font_resource(p->ctx, it->u.text.font));
		op(p, " ");
		put_fixed(p, size, 2);
		op(p, " Tf\n");
		s->font = it->u.text.font;
		s->size = size;
	}
	long cs = lround(it->u.text.char_space * 10000.0);
	if (s->char_space != cs) {
		put_fixed(p, cs, 4);
		op(p, " Tc\n");
		s->char_space = cs;
	}
	long x = hundredths(it->u.text.x), y = hundredths(p->height - it->u.text.y);
	put_fixed(p, x - p->tx, 2);
	op(p, " ");
	put_fixed(p, y - p->ty, 2);
	op(p, " Td\n");
	p->tx = x;
	p->ty = y;

	struct pdf_buf *codes = &p->codes;
	codes->len = 0;
	pdf_font_put_text(p->ctx, it->u.text.font, it->u.text.utf8, it->u.text.len,
			  codes);
	for (size_t at = 0; at < codes->len; at += 2 * SHOW_MAX_CHARS) {
		size_t n = codes->len - at;
		put_string(p, codes->p + at, n < 2 * SHOW_MAX_CHARS ? n : 2 * SHOW_MAX_CHARS);
	}
}

/* The painting operator for a fill and/or stroke. */
static void paint(struct painter *p, bool fill, bool stroke, bool even_odd)
{
	if (fill && stroke)
		op(p, even_odd ? "B*\n" : "B\n");
	else if (fill)
		op(p, even_odd ? "f*\n" : "f\n");
	else
		op(p, "S\n");
}

static void draw_path(struct painter *p, const struct dl_item *it)
{
	bool fill = it->u.path.fill, stroke = it->u.path.stroke;
	if (it->u.path.n_segs == 0 || (!fill && !stroke))
		return;
	if (fill)
		set_fill(p, it->u.path.fill_color);
	if (stroke)
		set_stroke(p, &it->u.path.line);
	for (size_t i = 0; i < it->u.path.n_segs; i++) {
		const struct dl_path_seg *g = &it->u.path.segs[i];
		switch (g->op) {
		case DL_MOVE:
			xy(p, g->x[0], g->y[0]);
			op(p, "m\n");
			break;
		case DL_LINETO:
			xy(p, g->x[0], g->y[0]);
			op(p, "l\n");
			break;
		case DL_CURVETO:
			for (int k = 0; k < 3; k++)
				xy(p, g->x[k], g->y[k]);
			op(p, "c\n");
			break;
		case DL_CLOSE:
			op(p, "h\n");
			break;
		}
	}
	paint(p, fill, stroke, it->u.path.even_odd);
}

static void rect(struct painter *p, double x, double y, double w, double h)
{
	num(p, x);
	num(p, p->height - y - h);
	num(p, w);
	num(p, h);
	op(p, "re\n");
}

static void draw_item(struct painter *p, const struct dl_item *it)
{
	if (paints(it))
		mark(p, it);
	else if (it->kind == DL_CLIP_PUSH || it->kind == DL_CLIP_POP)
		end_mc(p);
	if (it->kind != DL_TEXT && it->kind != DL_LINK_DEST)
		end_text(p);
	switch (it->kind) {
	case DL_TEXT:
		draw_text(p, it);
		break;
	case DL_LINE:
		set_stroke(p, &it->u.line.stroke);
		xy(p, it->u.line.x0, it->u.line.y0);
		op(p, "m\n");
		xy(p, it->u.line.x1, it->u.line.y1);
		op(p, "l\nS\n");
		break;
	case DL_RECT:
		if (!it->u.rect.fill && !it->u.rect.stroke)
			break;
		if (it->u.rect.fill)
			set_fill(p, it->u.rect.fill_color);
		if (it->u.rect.stroke)
			set_stroke(p, &it->u.rect.line);
		rect(p, it->u.rect.x, it->u.rect.y, it->u.rect.w, it->u.rect.h);
		paint(p, it->u.rect.fill, it->u.rect.stroke, false);
		break;
	case DL_PATH:
		draw_path(p, it);
		break;
	case DL_CLIP_PUSH:
		op(p, "q\n");
		p->st[p->depth + 1] = p->st[p->depth];
		p->depth++;
		rect(p, it->u.clip.x, it->u.clip.y, it->u.clip.w, it->u.clip.h);
		op(p, "W n\n");
		break;
	case DL_CLIP_POP:
		op(p, "Q\n");
		p->depth--;
		break;
	case DL_LINK_DEST:
		break; /* pdf_write.c adds them once every page exists */
	}
}

void pdf_paint_page(struct pdf_ctx *ctx, size_t index, struct pdf_buf *b)
{
	const struct dl_page *pg = &ctx->doc->pages[index];
	struct painter *p = xcalloc(1, sizeof *p);
	p->ctx = ctx;
	p->b = b;
	p->height = pg->height;
	/* PDF's initial graphics state. */
	p->st[0].line_width = 100;
	p->st[0].stroke = DL_BLACK;
	p->st[0].fill = DL_BLACK;
	p->st[0].font = -1;
	p->st[0].size = -1;
	p->tagged = ctx->doc->n_elems > 0;
	p->page = index;

	for (size_t k = 0; k < pg->n_items; k++)
		draw_item(p, &pg->items[k]);
	end_mc(p);
	end_text(p);
	free(p->codes.p);
	free(p);
}

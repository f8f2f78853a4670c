/* pdf_page.c - drawing the items of one display-list page with libharu.
 *
 * The display list has the origin at the top left with y down; PDF has it
 * at the bottom left with y up, so every y becomes height - y here.
 *
 * The graphics state (colours, line width, dash, font, character spacing)
 * is tracked, so an operator is written only when a value changes; clip
 * push/pop save and restore the tracked state with GSave/GRestore.  Colours
 * and line styles are always set before a path begins: libharu refuses
 * them inside a path, and the refusal would poison the document.
 * Everything drawn here was checked by pdf_check.c first.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlist.h"
#include "pdf_int.h"

/* Bytes of UTF-8 per ShowText.  A single TextOut of more than 65,535 bytes
 * draws nothing in libharu 2.3.0, reports success, and leaves an error
 * that makes every later call fail; longer runs are cut at character
 * boundaries (the text position advances over each piece by itself). */
#define SHOW_MAX 65535
/* Characters per ShowText.  Each becomes a two-byte code in the content
 * stream, and PDF 1.4's limit for a string is 65,535 bytes (PDF/A-1
 * enforces it: Preflight 1.0.4 "A String operand is too long"). */
#define SHOW_MAX_CHARS 32767

#define MAX_STATES HPDF_LIMIT_MAX_GSTATE

struct gstate {
	float line_width;
	struct dl_color stroke, fill;
	HPDF_UINT16 dash[8];
	HPDF_UINT n_dash;
	int font; /* font-set index, -1 none */
	float size, char_space;
};

struct painter {
	struct pdf_ctx *ctx;
	HPDF_Page page;
	float height;
	struct gstate st[MAX_STATES];
	int depth;
};

/* Page coordinates to 1/100 pt (3.5 µm, far below any printer's dot):
 * libharu prints up to five decimals, and the shorter numbers make the
 * content streams about a quarter smaller after compression. */
static HPDF_REAL q(double v)
{
	return (HPDF_REAL)(floor(v * 100.0 + 0.5) / 100.0);
}

static bool same_color(struct dl_color a, struct dl_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static bool is_grey(struct dl_color c)
{
	return c.r == c.g && c.g == c.b;
}

static void set_fill(struct painter *p, struct dl_color c)
{
	struct gstate *s = &p->st[p->depth];
	if (same_color(s->fill, c))
		return;
	if (is_grey(c))
		HPDF_Page_SetGrayFill(p->page, c.r);
	else
		HPDF_Page_SetRGBFill(p->page, c.r, c.g, c.b);
	s->fill = c;
}

/* libharu's dash: whole points 1..100 (HPDF_UINT16, 0 rejected), an
 * even count or 1.  A pattern of three is written twice over, which PDF
 * defines as the same thing; an all-zero pattern means solid. */
static HPDF_UINT to_dash(const struct dl_stroke *ls, HPDF_UINT16 out[8])
{
	HPDF_UINT n = 0;
	bool any = false;
	for (int i = 0; i < ls->n_dash; i++) {
		float v = floorf(ls->dash[i] + 0.5f);
		if (ls->dash[i] > 0)
			any = true;
		if (v < 1)
			v = 1;
		if (v > HPDF_MAX_DASH_PATTERN)
			v = HPDF_MAX_DASH_PATTERN;
		out[n++] = (HPDF_UINT16)v;
	}
	if (!any)
		return 0;
	if (n == 3) {
		memcpy(out + 3, out, 3 * sizeof *out);
		n = 6;
	}
	return n;
}

static void set_stroke(struct painter *p, const struct dl_stroke *ls)
{
	struct gstate *s = &p->st[p->depth];
	if (s->line_width != ls->width) {
		HPDF_Page_SetLineWidth(p->page, ls->width);
		s->line_width = ls->width;
	}
	if (!same_color(s->stroke, ls->color)) {
		struct dl_color c = ls->color;
		if (is_grey(c))
			HPDF_Page_SetGrayStroke(p->page, c.r);
		else
			HPDF_Page_SetRGBStroke(p->page, c.r, c.g, c.b);
		s->stroke = c;
	}
	HPDF_UINT16 dash[8];
	HPDF_UINT n = to_dash(ls, dash);
	if (n != s->n_dash || memcmp(dash, s->dash, n * sizeof *dash) != 0) {
		HPDF_Page_SetDash(p->page, n ? dash : NULL, n, 0);
		memcpy(s->dash, dash, n * sizeof *dash);
		s->n_dash = n;
	}
}

static void draw_text(struct painter *p, const struct dl_item *it)
{
	struct pdf_ctx *ctx = p->ctx;
	struct gstate *s = &p->st[p->depth];
	const char *t = it->u.text.utf8;
	size_t len = it->u.text.len;
	if (len == 0)
		return;

	set_fill(p, it->u.text.color);
	if (s->font != it->u.text.font || s->size != it->u.text.size) {
		HPDF_Page_SetFontAndSize(p->page, pdf_font_get(ctx, it->u.text.font),
					 it->u.text.size);
		s->font = it->u.text.font;
		s->size = it->u.text.size;
	}
	if (s->char_space != it->u.text.char_space) {
		HPDF_Page_SetCharSpace(p->page, it->u.text.char_space);
		s->char_space = it->u.text.char_space;
	}
	HPDF_Page_BeginText(p->page);
	HPDF_Page_MoveTextPos(p->page, q(it->u.text.x), q(p->height - it->u.text.y));

	/* ShowText wants NUL-terminated pieces. */
	char *piece = malloc((len < SHOW_MAX ? len : SHOW_MAX) + 1);
	if (!piece)
		abort();
	for (size_t at = 0; at < len;) {
		/* Up to SHOW_MAX_CHARS whole characters in SHOW_MAX bytes. */
		size_t n = 0;
		for (size_t chars = 0; at + n < len && chars < SHOW_MAX_CHARS;
		     chars++) {
			size_t next = n + 1;
			while (at + next < len &&
			       ((unsigned char)t[at + next] & 0xC0) == 0x80)
				next++;
			if (next > SHOW_MAX)
				break;
			n = next;
		}
		memcpy(piece, t + at, n);
		piece[n] = '\0';
		HPDF_Page_ShowText(p->page, piece);
		at += n;
	}
	free(piece);
	HPDF_Page_EndText(p->page);
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
	float h = p->height;
	for (size_t i = 0; i < it->u.path.n_segs; i++) {
		const struct dl_path_seg *g = &it->u.path.segs[i];
		switch (g->op) {
		case DL_MOVE:
			HPDF_Page_MoveTo(p->page, q(g->x[0]), q(h - g->y[0]));
			break;
		case DL_LINETO:
			HPDF_Page_LineTo(p->page, q(g->x[0]), q(h - g->y[0]));
			break;
		case DL_CURVETO:
			HPDF_Page_CurveTo(p->page, q(g->x[0]), q(h - g->y[0]), q(g->x[1]),
					  q(h - g->y[1]), q(g->x[2]), q(h - g->y[2]));
			break;
		case DL_CLOSE:
			HPDF_Page_ClosePath(p->page);
			break;
		}
	}
	bool eo = it->u.path.even_odd;
	if (fill && stroke)
		eo ? HPDF_Page_EofillStroke(p->page) : HPDF_Page_FillStroke(p->page);
	else if (fill)
		eo ? HPDF_Page_Eofill(p->page) : HPDF_Page_Fill(p->page);
	else
		HPDF_Page_Stroke(p->page);
}

static void draw_rect(struct painter *p, const struct dl_item *it)
{
	bool fill = it->u.rect.fill, stroke = it->u.rect.stroke;
	if (!fill && !stroke)
		return;
	if (fill)
		set_fill(p, it->u.rect.fill_color);
	if (stroke)
		set_stroke(p, &it->u.rect.line);
	HPDF_Page_Rectangle(p->page, q(it->u.rect.x),
			    q(p->height - it->u.rect.y - it->u.rect.h), q(it->u.rect.w),
			    q(it->u.rect.h));
	if (fill && stroke)
		HPDF_Page_FillStroke(p->page);
	else if (fill)
		HPDF_Page_Fill(p->page);
	else
		HPDF_Page_Stroke(p->page);
}

static void draw_item(struct painter *p, const struct dl_item *it)
{
	switch (it->kind) {
	case DL_TEXT:
		draw_text(p, it);
		break;
	case DL_LINE:
		set_stroke(p, &it->u.line.stroke);
		HPDF_Page_MoveTo(p->page, q(it->u.line.x0), q(p->height - it->u.line.y0));
		HPDF_Page_LineTo(p->page, q(it->u.line.x1), q(p->height - it->u.line.y1));
		HPDF_Page_Stroke(p->page);
		break;
	case DL_RECT:
		draw_rect(p, it);
		break;
	case DL_PATH:
		draw_path(p, it);
		break;
	case DL_CLIP_PUSH:
		HPDF_Page_GSave(p->page);
		p->st[p->depth + 1] = p->st[p->depth];
		p->depth++;
		HPDF_Page_Rectangle(p->page, q(it->u.clip.x),
				    q(p->height - it->u.clip.y - it->u.clip.h),
				    q(it->u.clip.w), q(it->u.clip.h));
		HPDF_Page_Clip(p->page);
		HPDF_Page_EndPath(p->page);
		break;
	case DL_CLIP_POP:
		HPDF_Page_GRestore(p->page);
		p->depth--;
		break;
	case DL_LINK_DEST:
		break; /* pdf_write.c adds them once every page exists */
	}
}

bool pdf_draw_page(struct pdf_ctx *ctx, size_t index, HPDF_Page page)
{
	const struct dl_page *pg = &ctx->doc->pages[index];
	struct painter *p = calloc(1, sizeof *p);
	if (!p)
		abort();
	p->ctx = ctx;
	p->page = page;
	p->height = pg->height;
	/* PDF's initial graphics state. */
	p->st[0].line_width = 1;
	p->st[0].stroke = DL_BLACK;
	p->st[0].fill = DL_BLACK;
	p->st[0].font = -1;

	bool ok = true;
	for (size_t k = 0; k < pg->n_items && ok; k++) {
		draw_item(p, &pg->items[k]);
		if (ctx->hpdf_failed) {
			char doing[64];
			snprintf(doing, sizeof doing, "drawing item %zu of page %zu",
				 k + 1, index + 1);
			ok = pdf_hpdf_ok(ctx, doing);
		}
	}
	free(p);
	return ok;
}

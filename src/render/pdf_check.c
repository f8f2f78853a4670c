/* pdf_check.c - the checking pass over a display list before anything is
 * written.
 *
 * libharu 2.3.0 reacts to bad values in three ways, all bad for us: it
 * rejects them with an error that poisons the whole document, it clamps
 * them silently, or (for text) it draws something else without a word.
 * The page contents are now written by pdf_page.c, not libharu, but its
 * limits (font size, spacing, dashes, page size, nesting) are kept as the
 * bounds of what a page may hold.  So every value is checked here first and
 * every problem is reported, all of them in one run, naming the page and
 * item.  The same pass collects the code points each font has to provide,
 * for the subsets.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dlist.h"
#include "font.h"
#include "render_int.h"

/* libharu's own limits (hpdf_consts.h), repeated so the messages can say
 * what is allowed. */
#define MAX_CLIP_DEPTH (HPDF_LIMIT_MAX_GSTATE - 1)

/* A short, valid UTF-8 excerpt of a text for messages. */
static void excerpt(const char *s, size_t len, char *buf, size_t size)
{
	size_t i = 0, end = 0;
	int chars = 0;
	while (i < len && chars < 12) {
		long cp = pdf_utf8_next(s, len, &i);
		if (cp < 0x20)
			break;
		if (i >= size - 4)
			break;
		end = i;
		chars++;
	}
	memcpy(buf, s, end);
	strcpy(buf + end, end < len ? "..." : "");
}

static bool finite2(float a, float b)
{
	return isfinite(a) && isfinite(b);
}

static bool color_ok(const struct dl_color *c)
{
	return c->r >= 0 && c->r <= 1 && c->g >= 0 && c->g <= 1 && c->b >= 0 &&
	       c->b <= 1; /* false for NaN too */
}

struct where {
	size_t page, item; /* 1-based for messages */
};

static bool check_color(struct pdf_ctx *ctx, const struct dl_color *c,
			const char *what, struct where w)
{
	if (color_ok(c))
		return true;
	pdf_error(ctx, "%s colour (%g, %g, %g) is outside 0..1 (page %zu, item %zu)",
		  what, c->r, c->g, c->b, w.page, w.item);
	return false;
}

static bool check_stroke(struct pdf_ctx *ctx, const struct dl_stroke *s,
			 struct where w)
{
	bool ok = check_color(ctx, &s->color, "line", w);
	if (!(s->width >= 0 && s->width <= HPDF_MAX_LINEWIDTH)) {
		pdf_error(ctx, "line width %g is outside 0..%d pt (page %zu, item %zu)",
			  s->width, HPDF_MAX_LINEWIDTH, w.page, w.item);
		ok = false;
	}
	if (s->n_dash < 0 || s->n_dash > 4) {
		pdf_error(ctx, "dash pattern has %d entries, at most 4 are allowed "
			  "(page %zu, item %zu)", s->n_dash, w.page, w.item);
		return false;
	}
	for (int i = 0; i < s->n_dash; i++) {
		if (!(s->dash[i] >= 0 && s->dash[i] <= HPDF_MAX_DASH_PATTERN)) {
			pdf_error(ctx, "dash length %g is outside 0..%d pt (page %zu, "
				  "item %zu)", s->dash[i], HPDF_MAX_DASH_PATTERN,
				  w.page, w.item);
			ok = false;
		}
	}
	return ok;
}

static bool check_text(struct pdf_ctx *ctx, const struct dl_item *it,
		       struct where w)
{
	char ex[64], what[160];
	bool ok = true;
	if (it->u.text.len == 0)
		return true; /* drawn as nothing */
	if (!it->u.text.utf8) {
		pdf_error(ctx, "text item without text (page %zu, item %zu)", w.page,
			  w.item);
		return false;
	}
	excerpt(it->u.text.utf8, it->u.text.len, ex, sizeof ex);
	snprintf(what, sizeof what, "text '%s' (page %zu, item %zu)", ex, w.page,
		 w.item);

	int font = it->u.text.font;
	size_t n_fonts = ctx->fs ? fontset_count(ctx->fs) : 0;
	if (font < 0 || (size_t)font >= n_fonts) {
		pdf_error(ctx, "font %d of %s does not exist (the font set has %zu)",
			  font, what, n_fonts);
		ok = false;
	}
	float size = it->u.text.size;
	if (!(size > 0 && size <= HPDF_MAX_FONTSIZE)) {
		pdf_error(ctx, "font size %g of %s is outside 0..%d pt", size, what,
			  HPDF_MAX_FONTSIZE);
		ok = false;
	}
	float cs = it->u.text.char_space;
	if (!(cs >= HPDF_MIN_CHARSPACE && cs <= HPDF_MAX_CHARSPACE)) {
		pdf_error(ctx, "character spacing %g of %s is outside %d..%d pt", cs,
			  what, HPDF_MIN_CHARSPACE, HPDF_MAX_CHARSPACE);
		ok = false;
	}
	if (!finite2(it->u.text.x, it->u.text.y)) {
		pdf_error(ctx, "position of %s is not a number", what);
		ok = false;
	}
	ok &= check_color(ctx, &it->u.text.color, "text", w);
	if (!pdf_check_string(ctx, it->u.text.utf8, it->u.text.len, what))
		ok = false;
	if (ok)
		ok = pdf_font_use(ctx, font, it->u.text.utf8, it->u.text.len,
				  w.page);
	return ok;
}

static bool check_path(struct pdf_ctx *ctx, const struct dl_item *it,
		       struct where w)
{
	bool ok = true;
	if (it->u.path.n_segs == 0)
		return true;
	if (!it->u.path.segs || it->u.path.segs[0].op != DL_MOVE) {
		pdf_error(ctx, "path does not start with a move (page %zu, item %zu)",
			  w.page, w.item);
		return false;
	}
	for (size_t i = 0; i < it->u.path.n_segs; i++) {
		const struct dl_path_seg *s = &it->u.path.segs[i];
		int points = s->op == DL_CURVETO ? 3 : s->op == DL_CLOSE ? 0 : 1;
		if (s->op != DL_MOVE && s->op != DL_LINETO && s->op != DL_CURVETO &&
		    s->op != DL_CLOSE) {
			pdf_error(ctx, "path segment %zu has unknown operation %d "
				  "(page %zu, item %zu)", i + 1, (int)s->op, w.page,
				  w.item);
			return false;
		}
		for (int k = 0; k < points; k++) {
			if (!finite2(s->x[k], s->y[k])) {
				pdf_error(ctx, "path segment %zu has a point that is "
					  "not a number (page %zu, item %zu)", i + 1,
					  w.page, w.item);
				return false;
			}
		}
	}
	if (it->u.path.fill)
		ok &= check_color(ctx, &it->u.path.fill_color, "fill", w);
	if (it->u.path.stroke)
		ok &= check_stroke(ctx, &it->u.path.line, w);
	return ok;
}

static bool check_page(struct pdf_ctx *ctx, size_t p)
{
	const struct dl_page *pg = &ctx->doc->pages[p];
	bool ok = true;
	int clip_depth = 0;

	if (!(pg->width >= HPDF_MIN_PAGE_SIZE && pg->width <= HPDF_MAX_PAGE_SIZE &&
	      pg->height >= HPDF_MIN_PAGE_SIZE &&
	      pg->height <= HPDF_MAX_PAGE_SIZE)) {
		pdf_error(ctx, "page %zu measures %g x %g pt; libharu allows %d..%d",
			  p + 1, pg->width, pg->height, HPDF_MIN_PAGE_SIZE,
			  HPDF_MAX_PAGE_SIZE);
		ok = false;
	}
	if (pg->label && pg->label[0]) {
		char what[64];
		snprintf(what, sizeof what, "the label of page %zu", p + 1);
		ok &= pdf_check_string(ctx, pg->label, strlen(pg->label), what);
	}

	for (size_t k = 0; k < pg->n_items; k++) {
		const struct dl_item *it = &pg->items[k];
		struct where w = {p + 1, k + 1};
		switch (it->kind) {
		case DL_TEXT:
			ok &= check_text(ctx, it, w);
			break;
		case DL_LINE:
			if (!finite2(it->u.line.x0, it->u.line.y0) ||
			    !finite2(it->u.line.x1, it->u.line.y1)) {
				pdf_error(ctx, "line end is not a number (page %zu, "
					  "item %zu)", w.page, w.item);
				ok = false;
			}
			ok &= check_stroke(ctx, &it->u.line.stroke, w);
			break;
		case DL_RECT:
			if (!finite2(it->u.rect.x, it->u.rect.y) ||
			    !finite2(it->u.rect.w, it->u.rect.h)) {
				pdf_error(ctx, "rectangle is not a number (page %zu, "
					  "item %zu)", w.page, w.item);
				ok = false;
			}
			if (it->u.rect.fill)
				ok &= check_color(ctx, &it->u.rect.fill_color, "fill",
						  w);
			if (it->u.rect.stroke)
				ok &= check_stroke(ctx, &it->u.rect.line, w);
			break;
		case DL_PATH:
			ok &= check_path(ctx, it, w);
			break;
		case DL_CLIP_PUSH:
			if (++clip_depth > MAX_CLIP_DEPTH) {
				pdf_error(ctx, "more than %d nested clips (page %zu, "
					  "item %zu)", MAX_CLIP_DEPTH, w.page, w.item);
				return false;
			}
			if (!finite2(it->u.clip.x, it->u.clip.y) ||
			    !finite2(it->u.clip.w, it->u.clip.h)) {
				pdf_error(ctx, "clip rectangle is not a number (page "
					  "%zu, item %zu)", w.page, w.item);
				ok = false;
			}
			break;
		case DL_CLIP_POP:
			if (--clip_depth < 0) {
				pdf_error(ctx, "clip pop without a push (page %zu, item "
					  "%zu)", w.page, w.item);
				return false;
			}
			break;
		case DL_LINK_DEST: {
			const char *name = it->u.dest.name;
			size_t n = name ? strlen(name) : 0;
			/* a string of the name tree (pdf_write.c), not a
			 * PDF name: up to HPDF_LIMIT_MAX_STRING_LEN bytes */
			if (n == 0 || n > HPDF_LIMIT_MAX_STRING_LEN) {
				pdf_error(ctx, "destination name '%.40s' must have 1..%d "
					  "bytes (page %zu, item %zu)", name ? name : "",
					  HPDF_LIMIT_MAX_STRING_LEN, w.page, w.item);
				ok = false;
			}
			if (!isfinite(it->u.dest.y)) {
				pdf_error(ctx, "destination position is not a number "
					  "(page %zu, item %zu)", w.page, w.item);
				ok = false;
			}
			break;
		}
		default:
			pdf_error(ctx, "unknown item kind %d (page %zu, item %zu)",
				  (int)it->kind, w.page, w.item);
			ok = false;
		}
	}
	if (clip_depth > 0) {
		pdf_error(ctx, "%d clip%s not popped at the end of page %zu",
			  clip_depth, clip_depth > 1 ? "s" : "", p + 1);
		ok = false;
	}
	return ok;
}

bool pdf_check_doc(struct pdf_ctx *ctx)
{
	const struct dl_doc *doc = ctx->doc;
	bool ok = true;

	if (!ctx->path || !ctx->path[0]) {
		pdf_error(ctx, "no output file name given");
		return false;
	}
	if (doc->n_pages == 0) {
		pdf_error(ctx, "cannot write '%s': the document has no pages",
			  ctx->path);
		return false;
	}
	for (size_t p = 0; p < doc->n_pages; p++)
		ok &= check_page(ctx, p);

	for (size_t i = 0; i < doc->n_outline; i++) {
		const struct dl_outline *o = &doc->outline[i];
		char what[64];
		snprintf(what, sizeof what, "the title of bookmark %zu", i + 1);
		if (!o->title) {
			pdf_error(ctx, "bookmark %zu has no title", i + 1);
			ok = false;
		} else {
			ok &= pdf_check_string(ctx, o->title, strlen(o->title), what);
		}
		if (o->page >= doc->n_pages) {
			pdf_error(ctx, "bookmark %zu '%s' points to page %zu, which "
				  "does not exist", i + 1, o->title ? o->title : "",
				  o->page + 1);
			ok = false;
		} else if (!isfinite(o->y)) {
			pdf_error(ctx, "bookmark %zu '%s' has a position that is not "
				  "a number", i + 1, o->title ? o->title : "");
			ok = false;
		}
	}

	const struct dl_info *in = &doc->info;
	const char *names[] = {"title", "author", "subject", "keywords",
			       "creator"};
	const char *vals[] = {in->title, in->author, in->subject, in->keywords,
			      in->creator};
	for (size_t i = 0; i < 5; i++) {
		char what[64];
		snprintf(what, sizeof what, "the document %s", names[i]);
		if (vals[i])
			ok &= pdf_check_string(ctx, vals[i], strlen(vals[i]), what);
	}
	return ok && ctx->errors == 0;
}

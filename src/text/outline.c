/* outline.c - a glyph drawn as a path, for characters outside the BMP.
 *
 * The PDF writer takes text of BMP code points only (render.h says why).
 * When a font has a glyph past U+FFFF (IPAex has 𠮟 U+20B9F, a JIS X 0213
 * character), we draw its outline instead, from the unscaled TrueType
 * contours: quadratic (conic) segments become cubic Béziers exactly
 * (control points at 2/3), and the fill rule is the one the outline asks
 * for - nonzero for TrueType.
 */
#include "text_int.h"

#include <stdlib.h>
#include <string.h>

#include FT_OUTLINE_H

#include "alloc.h"
#include "arena.h"

struct path_buf {
	struct dl_path_seg *segs;
	size_t n, alloc;
	bool open;      /* a contour is started and not closed */
	FT_Vector cur;  /* current point, font units */
	float x, y, s;  /* origin on the page and scale (points per unit) */
};

static struct dl_path_seg *push(struct path_buf *pb, enum dl_path_op op)
{
	if (pb->n == pb->alloc) {
		pb->alloc = pb->alloc ? pb->alloc * 2 : 64;
		pb->segs = xreallocarray(pb->segs, pb->alloc, sizeof *pb->segs);
	}
	struct dl_path_seg *sg = &pb->segs[pb->n++];
	memset(sg, 0, sizeof *sg);
	sg->op = op;
	return sg;
}

static void put(struct path_buf *pb, struct dl_path_seg *sg, int k, double fx,
		double fy)
{
	sg->x[k] = (float)(pb->x + fx * pb->s);
	sg->y[k] = (float)(pb->y - fy * pb->s); /* page y grows downwards */
}

static int move_to(const FT_Vector *to, void *user)
{
	struct path_buf *pb = user;
	if (pb->open)
		push(pb, DL_CLOSE);
	put(pb, push(pb, DL_MOVE), 0, (double)to->x, (double)to->y);
	pb->open = true;
	pb->cur = *to;
	return 0;
}

static int line_to(const FT_Vector *to, void *user)
{
	struct path_buf *pb = user;
	put(pb, push(pb, DL_LINETO), 0, (double)to->x, (double)to->y);
	pb->cur = *to;
	return 0;
}

static int conic_to(const FT_Vector *c, const FT_Vector *to, void *user)
{
	struct path_buf *pb = user;
	double x0 = (double)pb->cur.x, y0 = (double)pb->cur.y;
	double cx = (double)c->x, cy = (double)c->y;
	double x3 = (double)to->x, y3 = (double)to->y;
	struct dl_path_seg *sg = push(pb, DL_CURVETO);
	put(pb, sg, 0, x0 + 2.0 / 3.0 * (cx - x0), y0 + 2.0 / 3.0 * (cy - y0));
	put(pb, sg, 1, x3 + 2.0 / 3.0 * (cx - x3), y3 + 2.0 / 3.0 * (cy - y3));
	put(pb, sg, 2, x3, y3);
	pb->cur = *to;
	return 0;
}

static int cubic_to(const FT_Vector *c1, const FT_Vector *c2,
		    const FT_Vector *to, void *user)
{
	struct path_buf *pb = user;
	struct dl_path_seg *sg = push(pb, DL_CURVETO);
	put(pb, sg, 0, (double)c1->x, (double)c1->y);
	put(pb, sg, 1, (double)c2->x, (double)c2->y);
	put(pb, sg, 2, (double)to->x, (double)to->y);
	pb->cur = *to;
	return 0;
}

void text_outline_emit(struct text_engine *te, int font, unsigned gid,
		       float size, float x, float y, struct dl_color color,
		       struct dl_doc *d, struct dl_page *p)
{
	if (font < 0 || (size_t)font >= te->n_fonts)
		return;
	FT_Face face = te->fonts[font].face;
	if (FT_Load_Glyph(face, gid,
			  FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) ||
	    face->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
		return;
	FT_Outline *ol = &face->glyph->outline;
	struct path_buf pb = {0};
	pb.x = x;
	pb.y = y;
	pb.s = size / (float)te->fonts[font].upem;
	static const FT_Outline_Funcs funcs = {
		move_to, line_to, conic_to, cubic_to, 0, 0,
	};
	if (FT_Outline_Decompose(ol, &funcs, &pb) == 0 && pb.n) {
		if (pb.open)
			push(&pb, DL_CLOSE);
		struct dl_item *it = dl_item_add(p, DL_PATH);
		struct dl_path_seg *segs =
			arena_calloc(d->arena, pb.n, sizeof *segs);
		memcpy(segs, pb.segs, pb.n * sizeof *segs);
		it->u.path.segs = segs;
		it->u.path.n_segs = pb.n;
		it->u.path.fill = true;
		it->u.path.stroke = false;
		it->u.path.even_odd = (ol->flags & FT_OUTLINE_EVEN_ODD_FILL) != 0;
		it->u.path.fill_color = color;
	}
	free(pb.segs);
}

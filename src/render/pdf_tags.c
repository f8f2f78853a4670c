/* pdf_tags.c - tagged PDF: the logical structure of the display list
 * (dlist.h, dl_doc.elems) as a structure tree, for PDF/UA-1 (ISO 14289-1).
 *
 * libharu 2.3.0 knows nothing of tagging (its requests #99 and #175 are
 * open), so, as with the fonts and content streams, the objects are made
 * here and libharu only numbers and writes them.  pdf_page.c puts every
 * painting operator in marked content: in its element's sequence (BDC with
 * an MCID, recorded here per page with pdf_tags_mcid) or in an /Artifact.
 * pdf_tags_write() then makes, once every page exists:
 *  - one StructElem per element that shows anything (and every part of a
 *    table that does: an empty cell is still a cell), /S the standard type,
 *    /P its parent, /K its kids in reading order (below), /Pg the page of
 *    its first content; a Figure's /Alt; a TH's /Scope and spans in a
 *    Table attribute object;
 *  - the StructTreeRoot with the ParentTree (a number tree: each page's
 *    /StructParents key to the array of elements by MCID);
 *  - /MarkInfo << /Marked true >>, /Lang (ja-JP), /ViewerPreferences
 *    << /DisplayDocTitle true >> in the catalog and /Tabs /S on each page.
 * No RoleMap: every type used is a standard one.
 *
 * Reading order.  The kids of an element are its child elements in the
 * order the composition made them, merged with its own marked content in
 * the order it was painted: a child goes before the first piece of
 * content painted after the child's own first content.  A table continued
 * over pages is one Table whose cells have content on several pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlist.h"
#include "alloc.h"
#include "render_int.h"

struct pdf_mcids {
	int *elem;   /* MCID -> element */
	size_t n, alloc;
};

int pdf_tags_mcid(struct pdf_ctx *ctx, size_t page, int elem)
{
	if (!ctx->mcids) {
		size_t n = ctx->doc->n_pages ? ctx->doc->n_pages : 1;
		ctx->mcids = xcalloc(n, sizeof *ctx->mcids);
	}
	struct pdf_mcids *m = &ctx->mcids[page];
	if (m->n == m->alloc) {
		m->alloc = m->alloc ? 2 * m->alloc : 32;
		m->elem = xreallocarray(m->elem, m->alloc, sizeof *m->elem);
	}
	m->elem[m->n] = elem;
	return (int)m->n++;
}

const char *pdf_tags_tag(const struct pdf_ctx *ctx, int elem)
{
	return dl_role_name(ctx->doc->elems[elem].role);
}

void pdf_tags_release(struct pdf_ctx *ctx)
{
	for (size_t i = 0; ctx->mcids && i < ctx->doc->n_pages; i++)
		free(ctx->mcids[i].elem);
	free(ctx->mcids);
	ctx->mcids = NULL;
}

/* One piece of marked content, in painting order. */
struct mc {
	size_t page;
	int mcid;
};

struct tree {
	size_t n;          /* elements */
	bool *live;
	size_t *first;     /* first content of the subtree (SIZE_MAX: none) */
	size_t *own_at, *own; /* own content: own[own_at[e] .. own_at[e+1]) */
	size_t *kid_at, *kid; /* child elements, likewise */
	struct mc *mc;     /* every piece of content, by sequence number */
	size_t n_mc;
	HPDF_Dict *dict;
};

static void tree_free(struct tree *t)
{
	free(t->live);
	free(t->first);
	free(t->own_at);
	free(t->own);
	free(t->kid_at);
	free(t->kid);
	free(t->mc);
	free(t->dict);
}

static void tree_build(struct pdf_ctx *ctx, struct tree *t)
{
	const struct dl_doc *doc = ctx->doc;
	size_t n = doc->n_elems;
	t->n = n;
	for (size_t p = 0; ctx->mcids && p < doc->n_pages; p++)
		t->n_mc += ctx->mcids[p].n;
	t->mc = xcalloc(t->n_mc, sizeof *t->mc);
	size_t *mc_elem = xcalloc(t->n_mc, sizeof *mc_elem);
	size_t k = 0;
	for (size_t p = 0; ctx->mcids && p < doc->n_pages; p++)
		for (size_t m = 0; m < ctx->mcids[p].n; m++, k++) {
			t->mc[k] = (struct mc){p, (int)m};
			mc_elem[k] = (size_t)ctx->mcids[p].elem[m];
		}
	dl_bucket(mc_elem, t->n_mc, n, &t->own_at, &t->own);
	free(mc_elem);
	dl_elem_children(doc, &t->kid_at, &t->kid);

	/* the first content of each subtree orders an element's children
	 * among its own content (parents are made before children) */
	t->first = xcalloc(n, sizeof *t->first);
	bool *has_own = xcalloc(n, sizeof *has_own);
	for (size_t e = 0; e < n; e++) {
		has_own[e] = t->own_at[e] < t->own_at[e + 1];
		t->first[e] = has_own[e] ? t->own[t->own_at[e]] : SIZE_MAX;
	}
	for (size_t e = n; e-- > 1;) {
		size_t up = (size_t)doc->elems[e].parent;
		if (t->first[e] < t->first[up])
			t->first[up] = t->first[e];
	}
	t->live = dl_elem_live(doc, has_own);
	free(has_own);
	t->dict = xcalloc(n, sizeof *t->dict);
}

/* The Table attributes of a header or data cell, NULL when none. */
static HPDF_Dict cell_attrs(struct pdf_ctx *ctx, const struct dl_elem *e)
{
	bool scope = e->role == DL_R_TH;
	if (!scope && e->rowspan <= 1 && e->colspan <= 1)
		return NULL;
	HPDF_Dict a = HPDF_Dict_New(ctx->pdf->mmgr);
	if (!a)
		return NULL;
	HPDF_Dict_AddName(a, "O", "Table");
	if (scope) {
		static const char *const names[] = {
			[DL_SCOPE_NONE] = "Column", [DL_SCOPE_COLUMN] = "Column",
			[DL_SCOPE_ROW] = "Row", [DL_SCOPE_BOTH] = "Both"};
		HPDF_Dict_AddName(a, "Scope", names[e->scope]);
	}
	if (e->rowspan > 1)
		HPDF_Dict_AddNumber(a, "RowSpan", e->rowspan);
	if (e->colspan > 1)
		HPDF_Dict_AddNumber(a, "ColSpan", e->colspan);
	return a;
}

static void put_content(struct pdf_ctx *ctx, HPDF_Array kids, HPDF_Dict elem,
			const struct mc *mc, size_t first_page)
{
	if (mc->page == first_page) {
		HPDF_Array_AddNumber(kids, mc->mcid);
		return;
	}
	HPDF_Dict r = HPDF_Dict_New(ctx->pdf->mmgr);
	if (!r)
		return;
	HPDF_Dict_AddName(r, "Type", "MCR");
	HPDF_Dict_Add(r, "Pg", ctx->pages[mc->page]);
	HPDF_Dict_AddNumber(r, "MCID", mc->mcid);
	HPDF_Array_Add(kids, r);
	(void)elem;
}

static void fill_elem(struct pdf_ctx *ctx, struct tree *t, size_t e)
{
	const struct dl_elem *de = &ctx->doc->elems[e];
	HPDF_Dict d = t->dict[e];
	HPDF_MMgr mm = ctx->pdf->mmgr;
	/* no /Type (optional): a report has thousands of elements, and
	 * libharu writes each as an uncompressed object */
	HPDF_Dict_AddName(d, "S", dl_role_name(de->role));
	if (e > 0)
		HPDF_Dict_Add(d, "P", t->dict[de->parent]);
	size_t o = t->own_at[e], o_end = t->own_at[e + 1];
	size_t first_page = SIZE_MAX;
	if (o < o_end) {
		first_page = t->mc[t->own[o]].page;
		HPDF_Dict_Add(d, "Pg", ctx->pages[first_page]);
	}
	if (de->role == DL_R_FIGURE && de->alt) {
		/* one PDF string: within the writer's 65,535 bytes (the bars
		 * of a pillar of 4,100 indicators say more, issue 14) */
		char *cut;
		HPDF_Dict_Add(d, "Alt", HPDF_String_New(mm, pdf_shortened(de->alt,
					PDF_ALT_MAX_CHARS, &cut), ctx->utf8));
		free(cut);
	}
	HPDF_Dict attrs = cell_attrs(ctx, de);
	if (attrs)
		HPDF_Dict_Add(d, "A", attrs);

	size_t c = t->kid_at[e], c_end = t->kid_at[e + 1];
	size_t n_live = 0;
	for (size_t i = c; i < c_end; i++)
		n_live += t->live[t->kid[i]] && t->kid[i] != 0;
	/* one piece of content alone is written as its MCID, an empty cell
	 * without /K */
	if (n_live == 0 && o_end - o == 1) {
		HPDF_Dict_AddNumber(d, "K", t->mc[t->own[o]].mcid);
		return;
	}
	if (n_live == 0 && o == o_end)
		return;
	HPDF_Array kids = HPDF_Array_New(mm);
	if (!kids)
		return;
	for (;;) {
		while (c < c_end && (!t->live[t->kid[c]] || t->kid[c] == 0))
			c++;
		bool more_c = c < c_end, more_o = o < o_end;
		if (!more_c && !more_o)
			break;
		if (more_c && (!more_o || t->first[t->kid[c]] < t->own[o])) {
			HPDF_Array_Add(kids, t->dict[t->kid[c]]);
			c++;
		} else {
			put_content(ctx, kids, d, &t->mc[t->own[o]], first_page);
			o++;
		}
	}
	HPDF_Dict_Add(d, "K", kids);
}

/* The ParentTree: for each page with marked content, its elements by
 * MCID; the page's /StructParents is its index. */
static HPDF_Dict parent_tree(struct pdf_ctx *ctx, struct tree *t)
{
	HPDF_MMgr mm = ctx->pdf->mmgr;
	HPDF_Dict pt = HPDF_Dict_New(mm);
	HPDF_Array nums = HPDF_Array_New(mm);
	if (!pt || !nums)
		return NULL;
	for (size_t p = 0; ctx->mcids && p < ctx->doc->n_pages; p++) {
		const struct pdf_mcids *m = &ctx->mcids[p];
		if (!m->n)
			continue;
		HPDF_Array a = HPDF_Array_New(mm);
		if (!a)
			return NULL;
		for (size_t i = 0; i < m->n; i++)
			HPDF_Array_Add(a, t->dict[m->elem[i]]);
		HPDF_Xref_Add(ctx->pdf->xref, a);
		HPDF_Array_AddNumber(nums, (HPDF_INT32)p);
		HPDF_Array_Add(nums, a);
		HPDF_Dict_AddNumber(ctx->pages[p], "StructParents", (HPDF_INT32)p);
	}
	HPDF_Dict_Add(pt, "Nums", nums);
	return pt;
}

bool pdf_tags_write(struct pdf_ctx *ctx)
{
	const struct dl_doc *doc = ctx->doc;
	if (!doc->n_elems)
		return true;
	HPDF_Doc pdf = ctx->pdf;
	HPDF_MMgr mm = pdf->mmgr;
	struct tree t = {0};
	tree_build(ctx, &t);
	t.live[0] = true; /* the Document, even of an empty display list */
	for (size_t e = 0; e < t.n; e++) {
		if (!t.live[e])
			continue;
		t.dict[e] = HPDF_Dict_New(mm);
		if (!t.dict[e] || HPDF_Xref_Add(pdf->xref, t.dict[e]) != HPDF_OK)
			break;
	}
	if (pdf_hpdf_ok(ctx, "making the structure tree")) {
		for (size_t e = 0; e < t.n; e++)
			if (t.live[e])
				fill_elem(ctx, &t, e);
	}
	HPDF_Dict root = HPDF_Dict_New(mm);
	if (root && HPDF_Xref_Add(pdf->xref, root) == HPDF_OK) {
		HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
		HPDF_Array k = HPDF_Array_New(mm);
		HPDF_Array_Add(k, t.dict[0]);
		HPDF_Dict_Add(root, "K", k);
		HPDF_Dict_Add(t.dict[0], "P", root);
		HPDF_Dict_Add(root, "ParentTree", parent_tree(ctx, &t));
		HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
				    (HPDF_INT32)doc->n_pages);
		HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
	}
	HPDF_Dict mark = HPDF_Dict_New(mm);
	if (mark) {
		HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
		HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark);
	}
	HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(mm, "ja-JP", NULL));
	HPDF_Dict vp = HPDF_Dict_New(mm);
	if (vp) {
		HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
		HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp);
	}
	for (size_t p = 0; p < doc->n_pages; p++)
		HPDF_Dict_AddName(ctx->pages[p], "Tabs", "S");
	tree_free(&t);
	return pdf_hpdf_ok(ctx, "writing the structure tree");
}

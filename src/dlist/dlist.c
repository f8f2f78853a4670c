/* dlist.c - the display list; see dlist.h. */
#include "dlist.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

/* Grows an array held by (ptr, count, alloc) by one zeroed element. */
static void *grow(void **items, size_t *alloc, size_t count, size_t size)
{
	if (count == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 16;
		*items = xreallocarray(*items, n, size);
		*alloc = n;
	}
	void *slot = (char *)*items + count * size;
	memset(slot, 0, size);
	return slot;
}

struct dl_doc *dl_doc_new(void)
{
	struct dl_doc *d = xcalloc(1, sizeof *d);
	d->arena = arena_new();
	d->cur = DL_ARTIFACT;
	return d;
}

void dl_doc_free(struct dl_doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_pages; i++)
		free(d->pages[i].items);
	free(d->pages);
	free(d->outline);
	free(d->elems);
	arena_free(d->arena);
	free(d);
}

char *dl_doc_strdup(struct dl_doc *d, const char *s)
{
	return arena_strdup(d->arena, s);
}

char *dl_doc_strndup(struct dl_doc *d, const char *s, size_t n)
{
	return arena_strndup(d->arena, s, n);
}

struct dl_page *dl_page_add(struct dl_doc *d, float width, float height)
{
	struct dl_page *p = grow((void **)&d->pages, &d->alloc_pages, d->n_pages,
				 sizeof *p);
	d->n_pages++;
	p->doc = d;
	p->width = width;
	p->height = height;
	return p;
}

struct dl_item *dl_item_add(struct dl_page *p, enum dl_kind kind)
{
	struct dl_item *it = grow((void **)&p->items, &p->alloc, p->n_items,
				  sizeof *it);
	p->n_items++;
	it->kind = kind;
	it->elem = p->doc ? p->doc->cur : DL_ARTIFACT;
	return it;
}

int dl_elem_add(struct dl_doc *d, enum dl_role role, int parent)
{
	struct dl_elem *e = grow((void **)&d->elems, &d->alloc_elems, d->n_elems,
				 sizeof *e);
	e->role = role;
	e->parent = d->n_elems ? parent : -1;
	return (int)d->n_elems++;
}

int dl_elem_set(struct dl_doc *d, int elem)
{
	int prev = d->cur;
	d->cur = elem;
	return prev;
}

int dl_elem_begin(struct dl_doc *d, enum dl_role role)
{
	int was = d->cur;
	if (d->n_elems)
		d->cur = dl_elem_add(d, role, was >= 0 ? was : 0);
	return was;
}

void dl_bucket(const size_t *keys, size_t n, size_t buckets, size_t **at,
	       size_t **out)
{
	*at = xcalloc(buckets + 1, sizeof **at);
	*out = xcalloc(n, sizeof **out);
	for (size_t i = 0; i < n; i++)
		(*at)[keys[i] + 1]++;
	for (size_t k = 0; k < buckets; k++)
		(*at)[k + 1] += (*at)[k];
	size_t *fill = xcalloc(buckets, sizeof *fill);
	for (size_t i = 0; i < n; i++)
		(*out)[(*at)[keys[i]] + fill[keys[i]]++] = i;
	free(fill);
}

void dl_elem_children(const struct dl_doc *d, size_t **kid_at, size_t **kid)
{
	size_t n = d->n_elems;
	size_t *parent = xcalloc(n, sizeof *parent);
	for (size_t e = 1; e < n; e++)
		parent[e] = (size_t)d->elems[e].parent;
	dl_bucket(parent, n, n, kid_at, kid);
	free(parent);
}

static bool table_part(enum dl_role r)
{
	return r == DL_R_THEAD || r == DL_R_TBODY || r == DL_R_TR ||
	       r == DL_R_TH || r == DL_R_TD;
}

bool *dl_elem_live(const struct dl_doc *d, const bool *has_own)
{
	size_t n = d->n_elems;
	bool *live = xcalloc(n, sizeof *live);
	/* parents are made before their children: one pass up, one down */
	for (size_t e = n; e-- > 0;) {
		live[e] = live[e] || has_own[e];
		if (live[e] && e > 0)
			live[d->elems[e].parent] = true;
	}
	for (size_t e = 1; e < n; e++)
		if (!live[e] && table_part(d->elems[e].role))
			live[e] = live[d->elems[e].parent];
	return live;
}

const char *dl_role_name(enum dl_role role)
{
	static const char *const names[] = {
		[DL_R_DOCUMENT] = "Document", [DL_R_SECT] = "Sect",
		[DL_R_DIV] = "Div", [DL_R_H1] = "H1", [DL_R_H2] = "H2",
		[DL_R_H3] = "H3", [DL_R_P] = "P", [DL_R_NOTE] = "Note",
		[DL_R_CAPTION] = "Caption", [DL_R_L] = "L", [DL_R_LI] = "LI",
		[DL_R_LBODY] = "LBody", [DL_R_TABLE] = "Table",
		[DL_R_THEAD] = "THead", [DL_R_TBODY] = "TBody", [DL_R_TR] = "TR",
		[DL_R_TH] = "TH", [DL_R_TD] = "TD", [DL_R_FIGURE] = "Figure",
		[DL_R_TOC] = "TOC", [DL_R_TOCI] = "TOCI",
	};
	return (unsigned)role < sizeof names / sizeof names[0] && names[role]
		       ? names[role] : "Div";
}

void dl_text(struct dl_doc *d, struct dl_page *p, float x, float y, int font,
	     float size, struct dl_color color, const char *utf8, size_t len)
{
	struct dl_item *it = dl_item_add(p, DL_TEXT);
	it->u.text.x = x;
	it->u.text.y = y;
	it->u.text.font = font;
	it->u.text.size = size;
	it->u.text.color = color;
	it->u.text.utf8 = dl_doc_strndup(d, utf8, len);
	it->u.text.len = len;
}

void dl_line(struct dl_page *p, float x0, float y0, float x1, float y1,
	     const struct dl_stroke *s)
{
	struct dl_item *it = dl_item_add(p, DL_LINE);
	it->u.line.x0 = x0;
	it->u.line.y0 = y0;
	it->u.line.x1 = x1;
	it->u.line.y1 = y1;
	it->u.line.stroke = *s;
}

void dl_rect(struct dl_page *p, float x, float y, float w, float h,
	     const struct dl_color *fill, const struct dl_stroke *stroke)
{
	struct dl_item *it = dl_item_add(p, DL_RECT);
	it->u.rect.x = x;
	it->u.rect.y = y;
	it->u.rect.w = w;
	it->u.rect.h = h;
	if (fill) {
		it->u.rect.fill = true;
		it->u.rect.fill_color = *fill;
	}
	if (stroke) {
		it->u.rect.stroke = true;
		it->u.rect.line = *stroke;
	}
}

void dl_outline_add(struct dl_doc *d, const char *title, int level,
		    size_t page, float y)
{
	struct dl_outline *o = grow((void **)&d->outline, &d->alloc_outline,
				    d->n_outline, sizeof *o);
	d->n_outline++;
	o->title = dl_doc_strdup(d, title);
	o->level = level;
	o->page = page;
	o->y = y;
}

struct dl_stroke dl_stroke_solid(float width, struct dl_color c)
{
	struct dl_stroke s = {0};
	s.width = width;
	s.color = c;
	return s;
}

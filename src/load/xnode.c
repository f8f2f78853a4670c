/* xnode.c - reading elements of a libxml2 tree (xnode.h), and text as
 * shiryo prints it (load_norm, load_int.h). */
#include "xnode.h"

#include <string.h>

#include "arena.h"

bool xnode_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr xnode_next(xmlNodePtr n, const char *name)
{
	for (n = n ? n->next : NULL; n; n = n->next)
		if (xnode_is(n, name))
			return n;
	return NULL;
}

xmlNodePtr xnode_child(xmlNodePtr parent, const char *name)
{
	if (!parent)
		return NULL;
	xmlNodePtr c = parent->children;
	return xnode_is(c, name) ? c : xnode_next(c, name);
}

size_t xnode_count(xmlNodePtr parent, const char *name)
{
	size_t n = 0;
	XNODE_EACH(c, parent, name)
		n++;
	return n;
}

const char *xnode_attr(struct arena *a, xmlNodePtr n, const char *name)
{
	xmlChar *v = n ? xmlGetNoNsProp(n, (const xmlChar *)name) : NULL;
	if (!v)
		return NULL;
	const char *s = load_norm(a, (const char *)v);
	xmlFree(v);
	return s;
}

const char *xnode_text(struct arena *a, xmlNodePtr n)
{
	if (!n)
		return NULL;
	xmlChar *v = xmlNodeGetContent(n);
	const char *s = load_norm(a, v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

const char *xnode_text_or_null(struct arena *a, xmlNodePtr n)
{
	const char *s = xnode_text(a, n);
	return s && *s ? s : NULL;
}

static bool norm_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const char *load_norm(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) + 1), *o = out;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && norm_space(*p))
		p++;
	while (*p) {
		if (!norm_space(*p)) {
			*o++ = (char)*p++;
			continue;
		}
		bool newline = false;
		const unsigned char *q = p;
		while (*q && norm_space(*q))
			newline |= *q == '\n' || *q == '\r', q++;
		if (!*q)
			break; /* trailing */
		unsigned char before = o > out ? (unsigned char)o[-1] : 0;
		if (!(newline && (before >= 0x80 || *q >= 0x80)))
			*o++ = ' ';
		p = q;
	}
	*o = '\0';
	return out;
}

/* xnode.h - reading elements of a libxml2 tree, for the loaders of
 * src/load/ (plan_load.c, pdca_load.c, eval_load.c, actuals_xml.c): one
 * definition of "the child named x", "its attribute", "its text" and of
 * the problems a loader's own checks record, instead of a copy in each.
 *
 * Nothing here keeps state: strings go into the arena the caller passes,
 * problems into the caller's xdoc.
 */
#ifndef SHIRYO_LOAD_XNODE_H
#define SHIRYO_LOAD_XNODE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "load_int.h"

struct arena;

/* Whether n is an element named name (NULL: no). */
bool xnode_is(xmlNodePtr n, const char *name);
/* The first child element of parent named name, or NULL (also for a NULL
 * parent). */
xmlNodePtr xnode_child(xmlNodePtr parent, const char *name);
/* The next sibling element of n named name, or NULL. */
xmlNodePtr xnode_next(xmlNodePtr n, const char *name);
/* How many child elements of parent are named name (0 for NULL). */
size_t xnode_count(xmlNodePtr parent, const char *name);

/* Every child element c of parent named name, in document order. */
#define XNODE_EACH(c, parent, name) \
	for (xmlNodePtr c = xnode_child((parent), (name)); c; c = xnode_next(c, (name)))

/* Attribute name of n as shiryo prints text (load_norm), copied into a;
 * NULL when n is NULL or has no such attribute. */
const char *xnode_attr(struct arena *a, xmlNodePtr n, const char *name);
/* All the text inside n (its descendants' too), normalised, in a: "" when
 * there is none; NULL only for a NULL n. */
const char *xnode_text(struct arena *a, xmlNodePtr n);
/* The same, but NULL for an element without text: for fields where an
 * empty element means "not given" (the evaluation record's). */
const char *xnode_text_or_null(struct arena *a, xmlNodePtr n);

/* A problem found by a loader's own checks at node (at its attribute attr
 * when given), or about its missing child element elem.  r is the
 * loader's state: anything with a struct xdoc *x. */
#define ERR(r, node, attr, ...) \
	xdoc_problem((r)->x, DIAG_ERROR, PROBLEM_CHECK, (node), (attr), NULL, __VA_ARGS__)
#define ERR_CHILD(r, node, elem, ...) \
	xdoc_problem((r)->x, DIAG_ERROR, PROBLEM_CHECK, (node), NULL, (elem), __VA_ARGS__)
#define WARN(r, node, attr, ...) \
	xdoc_problem((r)->x, DIAG_WARNING, PROBLEM_CHECK, (node), (attr), NULL, __VA_ARGS__)

#endif

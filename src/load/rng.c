/* rng.c - RELAX NG validation with messages people can act on.
 *
 * libxml2's validator reports "Element indicator failed to validate
 * content", "Expecting element part, got unit" (after a wrong attribute
 * three lines further down) or "Invalid attribute id" (for a duplicate id),
 * sometimes with no node at all.  Each raw error is rewritten here into a
 * message that names the problem and the element by its id; where the raw
 * error cannot say what is wrong, the schema itself is consulted (which
 * attributes and children an element may or must have).  Errors that are
 * only the echo of another one are marked so that xdoc_flush() can drop
 * them.
 */
#include "load_int.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct raw {
	int code;
	int level;
	xmlNodePtr node;
	char *s1, *s2, *msg;
};

struct run {
	struct xdoc *x;
	struct raw *raws;
	size_t n, alloc;
	const char *schema;
	size_t schema_len;
	xmlDocPtr sdoc; /* the schema as a tree, parsed when first needed */
	bool sdoc_tried;
};

static void on_valid_error(void *data, xmlErrorPtr e)
{
	struct run *r = data;
	if (r->n >= 4 * XDOC_MAX_PROBLEMS) {
		r->x->dropped_problems++;
		return;
	}
	if (r->n == r->alloc) {
		r->alloc = r->alloc ? 2 * r->alloc : 16;
		r->raws = xreallocarray(r->raws, r->alloc, sizeof *r->raws);
	}
	struct raw *w = &r->raws[r->n++];
	w->code = e->code;
	w->level = e->level;
	w->node = e->node;
	w->s1 = e->str1 ? xstrdup(e->str1) : NULL;
	w->s2 = e->str2 ? xstrdup(e->str2) : NULL;
	w->msg = xstrdup(e->message ? e->message : "schema error");
	w->msg[strcspn(w->msg, "\n")] = '\0';
}

/* Errors that reach the global handler: the validator's final ID/IDREF pass
 * ("references an unknown ID").  References are checked by the loader, with
 * better messages; anything else is kept. */
static void on_stray_error(void *data, xmlErrorPtr e)
{
	if (e->domain == XML_FROM_VALID)
		return;
	on_valid_error(data, e);
}

static void on_schema_error(void *data, xmlErrorPtr e)
{
	struct run *r = data;
	xdoc_problem_at(r->x, DIAG_ERROR, 0, 0,
			"internal error: the embedded schema does not compile: %s",
			e->message ? e->message : "?");
}

/* ---- asking the schema -------------------------------------------------- */

#define MAX_NAMES 64
#define MAX_PATS 4

struct names {
	const char *v[MAX_NAMES];
	bool required[MAX_NAMES];
	xmlNodePtr pat[MAX_NAMES][MAX_PATS]; /* an attribute's value patterns */
	size_t n;
};

static void names_add(struct names *ns, const char *name, bool required,
		      xmlNodePtr pat)
{
	size_t i = 0;
	while (i < ns->n && strcmp(ns->v[i], name) != 0)
		i++;
	if (i == ns->n) {
		if (ns->n == MAX_NAMES)
			return;
		ns->v[i] = name;
		ns->required[i] = false;
		memset(ns->pat[i], 0, sizeof ns->pat[i]);
		ns->n++;
	}
	ns->required[i] |= required;
	for (size_t k = 0; pat && k < MAX_PATS; k++) {
		if (ns->pat[i][k] == pat)
			break;
		if (!ns->pat[i][k]) {
			ns->pat[i][k] = pat;
			break;
		}
	}
}

static bool is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const char *sattr(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0 && a->children)
			return (const char *)a->children->content;
	return NULL;
}

static xmlNodePtr find_define(xmlNodePtr root, const char *name)
{
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (is(c, "define") && sattr(c, "name") && strcmp(sattr(c, "name"), name) == 0)
			return c;
	return NULL;
}

/* Attributes and child elements a pattern allows; required when they are
 * outside any optional, zeroOrMore or choice. */
static void walk(xmlNodePtr root, xmlNodePtr pat, bool required, int depth,
		 struct names *attrs, struct names *elems)
{
	if (depth > 32)
		return;
	for (xmlNodePtr c = pat->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *name = sattr(c, "name");
		if (is(c, "element")) {
			if (name && elems)
				names_add(elems, name, required, NULL);
		} else if (is(c, "attribute")) {
			if (name && attrs)
				names_add(attrs, name, required, c);
		} else if (is(c, "ref")) {
			xmlNodePtr d = name ? find_define(root, name) : NULL;
			if (d)
				walk(root, d, required, depth + 1, attrs, elems);
		} else if (is(c, "optional") || is(c, "zeroOrMore") || is(c, "choice")) {
			walk(root, c, false, depth + 1, attrs, elems);
		} else if (is(c, "oneOrMore") || is(c, "group") || is(c, "interleave") ||
			   is(c, "mixed")) {
			walk(root, c, required, depth + 1, attrs, elems);
		}
	}
}

static void find_elements(xmlNodePtr n, const char *name, xmlNodePtr *out,
			  size_t *count, size_t max)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "element") && sattr(c, "name") &&
		    strcmp(sattr(c, "name"), name) == 0 && *count < max)
			out[(*count)++] = c;
		find_elements(c, name, out, count, max);
	}
}

/* What the schema says about element `name`: the union of what its
 * definitions allow, and what all of them require. */
static bool schema_info(struct run *r, const char *name, struct names *attrs,
			struct names *elems)
{
	memset(attrs, 0, sizeof *attrs);
	memset(elems, 0, sizeof *elems);
	if (!r->sdoc_tried) {
		r->sdoc_tried = true;
		r->sdoc = xmlReadMemory(r->schema, (int)r->schema_len, "schema.rng", NULL,
					XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	}
	xmlNodePtr root = r->sdoc ? xmlDocGetRootElement(r->sdoc) : NULL;
	if (!root)
		return false;
	xmlNodePtr defs[16];
	size_t n = 0;
	find_elements(root, name, defs, &n, 16);
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct names a = {0}, e = {0};
		walk(root, defs[i], true, 0, &a, &e);
		for (size_t k = 0; k < a.n; k++)
			for (size_t m = 0; m < MAX_PATS; m++)
				names_add(attrs, a.v[k], false, a.pat[k][m]);
		for (size_t k = 0; k < e.n; k++)
			names_add(elems, e.v[k], false, NULL);
		/* required: in every definition */
		if (i == 0) {
			for (size_t k = 0; k < a.n; k++)
				names_add(attrs, a.v[k], a.required[k], NULL);
			for (size_t k = 0; k < e.n; k++)
				names_add(elems, e.v[k], e.required[k], NULL);
		} else {
			for (size_t k = 0; k < attrs->n; k++) {
				bool req = false;
				for (size_t m = 0; m < a.n; m++)
					if (strcmp(a.v[m], attrs->v[k]) == 0)
						req = a.required[m];
				attrs->required[k] &= req;
			}
			for (size_t k = 0; k < elems->n; k++) {
				bool req = false;
				for (size_t m = 0; m < e.n; m++)
					if (strcmp(e.v[m], elems->v[k]) == 0)
						req = e.required[m];
				elems->required[k] &= req;
			}
		}
	}
	return true;
}

static bool names_has(const struct names *ns, const char *name)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], name) == 0)
			return true;
	return false;
}

/* The <value>s a pattern allows, appended to list ("a, b, c"); false when
 * it also allows data of a type (then no list can say what is valid). */
static bool enum_values(xmlNodePtr root, xmlNodePtr pat, char *list, size_t size,
			bool *is_list, int depth)
{
	if (depth > 16)
		return false;
	for (xmlNodePtr c = pat->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "data") || is(c, "text"))
			return false;
		if (is(c, "value")) {
			xmlChar *v = xmlNodeGetContent(c);
			size_t len = strlen(list);
			snprintf(list + len, size - len, "%s%s", len ? ", " : "",
				 v ? (const char *)v : "");
			xmlFree(v);
			continue;
		}
		if (is(c, "list"))
			*is_list = true;
		if (is(c, "ref")) {
			const char *name = sattr(c, "name");
			xmlNodePtr d = name ? find_define(root, name) : NULL;
			if (d && !enum_values(root, d, list, size, is_list, depth + 1))
				return false;
			continue;
		}
		if (!enum_values(root, c, list, size, is_list, depth + 1))
			return false;
	}
	return true;
}

/* Whether the value of attribute `name` (pattern(s) in attrs) is one the
 * schema lists; true when the schema lists none.  *allowed gets the list. */
static bool value_listed(struct run *r, const struct names *attrs, const char *name,
			 const char *value, char *allowed, size_t size)
{
	xmlNodePtr root = xmlDocGetRootElement(r->sdoc);
	allowed[0] = '\0';
	bool is_list = false;
	size_t i = 0;
	while (i < attrs->n && strcmp(attrs->v[i], name) != 0)
		i++;
	if (i == attrs->n || !attrs->pat[i][0])
		return true;
	for (size_t k = 0; k < MAX_PATS && attrs->pat[i][k]; k++)
		if (!enum_values(root, attrs->pat[i][k], allowed, size, &is_list, 0)) {
			allowed[0] = '\0';
			return true;
		}
	/* every word of the value must be one of the list's */
	char words[256];
	snprintf(words, sizeof words, "%s", value);
	char *save = NULL;
	for (char *w = strtok_r(words, " \t\r\n", &save); w;
	     w = strtok_r(NULL, " \t\r\n", &save)) {
		bool found = false;
		char copy[512];
		snprintf(copy, sizeof copy, "%s", allowed);
		char *save2 = NULL;
		for (char *a = strtok_r(copy, ", ", &save2); a && !found;
		     a = strtok_r(NULL, ", ", &save2))
			found = strcmp(a, w) == 0;
		if (!found)
			return false;
		if (!is_list && strcmp(w, value) != 0)
			return false;
	}
	return true;
}

static bool has_child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return true;
	return false;
}

/* ---- rewriting ---------------------------------------------------------- */

#define DESC(n) xdoc_describe((n), desc, sizeof desc)

static void problem(struct run *r, enum problem_kind kind, xmlNodePtr node,
		    const char *attr, const char *elem, const char *msg)
{
	xdoc_problem(r->x, DIAG_ERROR, kind, node, attr, elem, "%s", msg);
}

static bool blank(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

/* "Element x failed to validate attributes": find out which. */
static void bad_attributes(struct run *r, xmlNodePtr node)
{
	char desc[256], msg[512];
	struct names attrs, elems;
	bool found = false;
	if (schema_info(r, (const char *)node->name, &attrs, &elems)) {
		for (xmlAttrPtr a = node->properties; a; a = a->next) {
			const char *an = (const char *)a->name;
			if (a->ns)
				continue;
			if (!names_has(&attrs, an)) {
				snprintf(msg, sizeof msg, "attribute '%s' not allowed on %s",
					 an, DESC(node));
				problem(r, PROBLEM_RNG, node, an, NULL, msg);
				found = true;
				continue;
			}
			xmlChar *v = xmlGetProp(node, a->name);
			char allowed[256];
			if (v && !value_listed(r, &attrs, an, (const char *)v, allowed,
					       sizeof allowed)) {
				snprintf(msg, sizeof msg,
					 "invalid value '%.80s' of attribute '%s' on %s "
					 "(allowed: %s)", (const char *)v, an, DESC(node), allowed);
				problem(r, PROBLEM_RNG, node, an, NULL, msg);
				found = true;
			}
			xmlFree(v);
		}
		for (size_t i = 0; i < attrs.n; i++) {
			if (!attrs.required[i] || xmlHasProp(node, (const xmlChar *)attrs.v[i]))
				continue;
			snprintf(msg, sizeof msg, "missing attribute '%s' on %s", attrs.v[i],
				 DESC(node));
			problem(r, PROBLEM_RNG, node, attrs.v[i], NULL, msg);
			found = true;
		}
	}
	if (!found) {
		snprintf(msg, sizeof msg,
			 "attributes of %s do not fit together (see xml/schema/README.md)",
			 DESC(node));
		problem(r, PROBLEM_RNG_GENERIC, node, NULL, NULL, msg);
	}
}

/* "Expecting an element , got nothing": which element is missing. */
static void missing_children(struct run *r, xmlNodePtr node)
{
	char desc[256], msg[512];
	struct names attrs, elems;
	bool found = false;
	if (schema_info(r, (const char *)node->name, &attrs, &elems)) {
		for (size_t i = 0; i < elems.n; i++) {
			if (!elems.required[i] || has_child(node, elems.v[i]))
				continue;
			snprintf(msg, sizeof msg, "missing <%s> in %s", elems.v[i], DESC(node));
			problem(r, PROBLEM_RNG, node, NULL, elems.v[i], msg);
			found = true;
		}
	}
	if (!found) {
		snprintf(msg, sizeof msg, "%s is incomplete (see xml/schema/README.md)",
			 DESC(node));
		problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
	}
}

static void rewrite(struct run *r, const struct raw *w)
{
	char desc[256], msg[640];
	xmlNodePtr node = w->node;
	xmlNodePtr parent = node && node->parent && node->parent->type == XML_ELEMENT_NODE
				    ? node->parent
				    : NULL;
	const char *s1 = w->s1 ? w->s1 : "", *s2 = w->s2 ? w->s2 : "";
	if (node && node->type != XML_ELEMENT_NODE)
		node = parent, parent = node && node->parent ? node->parent : NULL;

	switch (w->code) {
	case XML_RELAXNG_ERR_ELEMNAME: /* Expecting element %s, got %s */
		/* node is the element found, or (at the end of a content
		 * model) the one that contains it */
		if (node && strcmp((const char *)node->name, s2) != 0) {
			parent = node;
			for (xmlNodePtr c = node->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE &&
				    strcmp((const char *)c->name, s2) == 0) {
					node = c;
					break;
				}
		}
		snprintf(msg, sizeof msg, "expected <%s> but found <%s> in %s", s1, s2,
			 parent ? DESC(parent) : "the document");
		problem(r, PROBLEM_RNG_CASCADE, node, NULL, s1, msg);
		return;
	case XML_RELAXNG_ERR_NOELEM: /* Expecting an element %s, got nothing */
		if (*s1) {
			snprintf(msg, sizeof msg, "missing <%s> in %s", s1, DESC(node));
			problem(r, PROBLEM_RNG, node, NULL, s1, msg);
		} else {
			missing_children(r, node);
		}
		return;
	case XML_RELAXNG_ERR_ATTRVALID: /* Element %s failed to validate attributes */
		/* libxml2 attaches this to the element's first child when that
		 * child follows the start tag with no text between them: the
		 * message names the element, so go up to it. */
		if (node->parent && node->parent->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)node->name, s1) != 0 &&
		    strcmp((const char *)node->parent->name, s1) == 0)
			node = node->parent;
		bad_attributes(r, node);
		return;
	case XML_RELAXNG_ERR_CONTENTVALID: /* Element %s failed to validate content */
		snprintf(msg, sizeof msg, "invalid content in %s", DESC(node));
		problem(r, PROBLEM_RNG_GENERIC, node, NULL, NULL, msg);
		return;
	case XML_RELAXNG_ERR_INVALIDATTR: { /* Invalid attribute %s for element %s */
		struct names attrs, elems;
		bool known = schema_info(r, (const char *)node->name, &attrs, &elems);
		if (known && !names_has(&attrs, s1)) {
			snprintf(msg, sizeof msg, "attribute '%s' not allowed on %s", s1,
				 DESC(node));
			problem(r, PROBLEM_RNG, node, s1, NULL, msg);
			return;
		}
		xmlChar *v = xmlGetProp(node, (const xmlChar *)s1);
		const char *value = v ? (const char *)v : "";
		char allowed[256] = "";
		if (known && !value_listed(r, &attrs, s1, value, allowed, sizeof allowed)) {
			snprintf(msg, sizeof msg,
				 "invalid value '%.80s' of attribute '%s' on %s (allowed: %s)",
				 value, s1, DESC(node), allowed);
			problem(r, PROBLEM_RNG, node, s1, NULL, msg);
		} else {
			/* a listed value, or a typed one: may be the echo of a
			 * failed choice of attribute sets */
			snprintf(msg, sizeof msg, "invalid value '%.80s' of attribute '%s' on %s",
				 value, s1, DESC(node));
			problem(r, PROBLEM_RNG_VALUE, node, s1, NULL, msg);
		}
		xmlFree(v);
		return;
	}
	case XML_RELAXNG_ERR_DUPID: /* ID %s redefined */
		snprintf(msg, sizeof msg, "duplicate id '%s'", s1);
		problem(r, PROBLEM_RNG, node, "id", NULL, msg);
		return;
	case XML_RELAXNG_ERR_EXTRACONTENT: /* Element %s has extra content: %s */
		if (!node || node->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)node->name, s2) != 0) {
			snprintf(msg, sizeof msg, "unexpected content in %s", DESC(node));
			problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
			return;
		}
		s1 = s2;
		/* fall through */
	case XML_RELAXNG_ERR_ELEMWRONG: { /* Did not expect element %s there */
		struct names attrs, elems;
		if (parent && schema_info(r, (const char *)parent->name, &attrs, &elems) &&
		    names_has(&elems, s1)) {
			/* often the real fault is an element missing before it */
			const char *missing = NULL;
			for (size_t i = 0; i < elems.n && !missing; i++)
				if (elems.required[i] && !has_child(parent, elems.v[i]))
					missing = elems.v[i];
			if (missing)
				snprintf(msg, sizeof msg, "<%s> out of place in %s: <%s> is missing",
					 s1, DESC(parent), missing);
			else
				snprintf(msg, sizeof msg,
					 "<%s> out of place or repeated in %s (see the order in "
					 "xml/schema/README.md)", s1, DESC(parent));
		} else
			snprintf(msg, sizeof msg, "element <%s> not allowed in %s", s1,
				 parent ? DESC(parent) : "the document");
		problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
		return;
	}
	case XML_RELAXNG_ERR_ELEMEXTRANS: /* Expecting no namespace for element %s */
		snprintf(msg, sizeof msg, "namespace '%.80s' not allowed on <%s>: the "
			 "vocabulary has no namespace",
			 node && node->ns && node->ns->href ? (const char *)node->ns->href : "",
			 s1);
		problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
		return;
	case XML_RELAXNG_ERR_TEXTWRONG:
		snprintf(msg, sizeof msg, "text not allowed in %s", DESC(node));
		problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
		return;
	case XML_RELAXNG_ERR_ELEMNOTEMPTY:
		snprintf(msg, sizeof msg, "%s must be empty", DESC(node));
		problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
		return;
	case XML_RELAXNG_ERR_DATAELEM: { /* Datatype element %s has child elements */
		const char *child = NULL;
		for (xmlNodePtr c = node->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE) {
				child = (const char *)c->name;
				break;
			}
		/* Foreign elements (<xi:include> in <title>) are reported on
		 * themselves, not on the text-only parent. */
		xmlNodePtr holder = node;
		if (!child && node->parent && node->parent->type == XML_ELEMENT_NODE) {
			child = (const char *)node->name;
			holder = node->parent;
		}
		snprintf(msg, sizeof msg, "element <%s> not allowed inside %s: it holds text only",
			 child ? child : "?", DESC(holder));
		problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
		return;
	}
	case XML_RELAXNG_ERR_DATATYPE: /* Error validating datatype %s */
	case XML_RELAXNG_ERR_LACKDATA: {
		xmlChar *text = xmlNodeGetContent(node);
		if (blank(text))
			snprintf(msg, sizeof msg, "empty %s", DESC(node));
		else
			snprintf(msg, sizeof msg, "invalid text in %s", DESC(node));
		xmlFree(text);
		problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
		return;
	}
	default:
		snprintf(msg, sizeof msg, "%s (in %s)", w->msg, DESC(node));
		problem(r, PROBLEM_RNG, node, NULL, NULL, msg);
		return;
	}
}

/* Compiled schemas, one per embedded schema text: compiling takes longer
 * than validating a PDCA file, and a plan names one of those per meeting
 * (a dozen; hundreds at scale), all against the same schema.  Kept for the
 * life of the process (shiryo is single-threaded and the schemas are
 * constants); one that does not compile is not kept, so each file reports
 * it. */
static struct {
	const char *schema;
	xmlRelaxNGPtr rng;
} compiled[4];

static xmlRelaxNGPtr compiled_get(const char *schema)
{
	for (size_t i = 0; i < sizeof compiled / sizeof *compiled; i++)
		if (compiled[i].schema == schema)
			return compiled[i].rng;
	return NULL;
}

/* At exit, so that valgrind and LeakSanitizer see nothing left over. */
static void compiled_release(void)
{
	for (size_t i = 0; i < sizeof compiled / sizeof *compiled; i++) {
		xmlRelaxNGFree(compiled[i].rng);
		compiled[i].schema = NULL;
		compiled[i].rng = NULL;
	}
}

/* Keeps rng for schema; false when there is no room (the caller frees it). */
static bool compiled_put(const char *schema, xmlRelaxNGPtr rng)
{
	static bool registered;
	if (!registered && atexit(compiled_release) != 0)
		return false;
	registered = true;
	for (size_t i = 0; i < sizeof compiled / sizeof *compiled; i++)
		if (!compiled[i].schema) {
			compiled[i].schema = schema;
			compiled[i].rng = rng;
			return true;
		}
	return false;
}

size_t rng_validate(struct xdoc *x, const char *schema, size_t len)
{
	struct run r = {.x = x, .schema = schema, .schema_len = len};
	size_t before = x->n_problems;

	xmlStructuredErrorFunc saved_fn = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&r, on_stray_error);

	xmlRelaxNGPtr rng = compiled_get(schema);
	xmlRelaxNGValidCtxtPtr vc = NULL;
	bool kept = rng != NULL;
	if (!rng) {
		xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(schema, (int)len);
		if (pc) {
			xmlRelaxNGSetParserStructuredErrors(pc, on_schema_error, &r);
			rng = xmlRelaxNGParse(pc);
			xmlRelaxNGFreeParserCtxt(pc);
		}
		kept = rng && compiled_put(schema, rng);
	}
	if (!rng) {
		if (x->n_problems == before)
			xdoc_problem_at(x, DIAG_ERROR, 0, 0,
					"internal error: the embedded schema does not compile");
		goto out;
	}
	vc = xmlRelaxNGNewValidCtxt(rng);
	if (!vc)
		goto out;
	xmlRelaxNGSetValidStructuredErrors(vc, on_valid_error, &r);
	xmlRelaxNGValidateDoc(vc, x->doc);

	/* An error without a node ("failed to validate attributes" when a
	 * required one is missing) belongs to the next one reported about an
	 * element of the same name. */
	xmlNodePtr root = xmlDocGetRootElement(x->doc);
	for (size_t i = 0; i < r.n && x->n_problems < XDOC_MAX_PROBLEMS; i++) {
		struct raw *w = &r.raws[i];
		if (w->code == XML_RELAXNG_ERR_NOSTATE || w->code == XML_RELAXNG_ERR_NODEFINE)
			continue; /* "Internal error: no state": noise */
		if (!w->node) {
			for (size_t j = i + 1; j < r.n && !w->node; j++) {
				xmlNodePtr n = r.raws[j].node;
				if (n && n->type == XML_ELEMENT_NODE &&
				    (!w->s1 || strcmp(w->s1, (const char *)n->name) == 0))
					w->node = n;
			}
			if (!w->node)
				w->node = root;
		}
		rewrite(&r, w);
	}
out:
	xmlSetStructuredErrorFunc(saved_ctx, saved_fn);
	if (vc)
		xmlRelaxNGFreeValidCtxt(vc);
	if (rng && !kept)
		xmlRelaxNGFree(rng);
	if (r.sdoc)
		xmlFreeDoc(r.sdoc);
	for (size_t i = 0; i < r.n; i++) {
		free(r.raws[i].s1);
		free(r.raws[i].s2);
		free(r.raws[i].msg);
	}
	free(r.raws);
	return x->n_problems - before;
}

/* plan_load.c - a plan's XML into struct plan, and the checks a schema
 * cannot make.
 *
 * The loader runs even when the schema has complained, so that one run
 * reports every problem: it reads what it finds and never assumes the
 * document is valid.  The model is built in two passes over the tree: the
 * first creates every object and registers its id, the second resolves
 * references (which may point forward).  A plan with any error is freed
 * and NULL returned; so a returned plan has passed the schema, and every
 * field the schema requires is set.
 *
 * Text content is normalised for printing: leading and trailing white space
 * goes, and a line break inside the text (with its indentation) disappears
 * between Japanese characters and becomes one space between Latin words.
 */
#include "load.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "fy.h"
#include "load_int.h"
#include "pdca.h"
#include "schema_blob.h"
#include "typo.h"
#include "xnode.h"

struct idrec {
	const char *id;
	const char *kind;  /* element name: "indicator", "part", "pillar" ... */
	xmlNodePtr node;
	void *obj;         /* the model object, when refs can point to it */
	const char *owner; /* a part's indicator id */
};

/* A file the plan links to, read once the plan has loaded. */
struct afile {
	const char *href;
	int line, column;
};

/* The kinds of file a plan links to, read in this order: every actuals
 * file, then every PDCA file. */
enum { LINK_ACTUALS, LINK_PDCA, N_LINKS };
static const struct link_kind {
	const char *element;   /* <actuals-file href="..."> */
	const char *what;      /* for messages */
	const char *elsewhere; /* said of a file outside the plan's folder */
	int (*read)(struct plan *p, const char *path, struct diag_list *dg,
		    struct load_growth *g);
} link_kinds[N_LINKS] = {
	[LINK_ACTUALS] = {"actuals-file", "actuals file",
			  " (a file elsewhere can be given with --actuals)", actuals_read_xml},
	[LINK_PDCA] = {"pdca-file", "PDCA file", "", pdca_read},
};

struct loader {
	struct xdoc *x;
	struct plan *p;
	struct arena *a;
	/* ids: open addressing, power-of-two size */
	struct idrec *ids;
	size_t n_ids, cap_ids;
	struct afile *files[N_LINKS]; /* the files it links, by link_kinds[] */
	size_t n_files[N_LINKS];
	bool period_ok;
	const char *neg_sign; /* the last △/▲ a value of the plan was written with */
	const char *unit;     /* the unit of the measure being read */
};

/* ---- the tree ------------------------------------------------------------ */

static void *array(struct loader *l, size_t n, size_t size)
{
	return n ? arena_calloc(l->a, n, size) : NULL;
}

/* The text of an element: the plan's prose, names and titles, with the
 * digits and range sign of its typographic profile (typo_text: 〜 → ～,
 * １事業所 → 1事業所), so that every page and the HTML edition print them
 * alike.  Attributes (values, ids, years) are never rewritten. */
static const char *text(struct loader *l, xmlNodePtr n)
{
	return typo_text(plan_typo(l->p), xnode_text(l->a, n), l->a);
}

static const char *child_text(struct loader *l, xmlNodePtr parent, const char *name)
{
	return text(l, xnode_child(parent, name));
}

static const char **texts(struct loader *l, xmlNodePtr parent, const char *name,
			  size_t *n)
{
	*n = xnode_count(parent, name);
	const char **v = array(l, *n, sizeof *v);
	size_t i = 0;
	XNODE_EACH(c, parent, name)
		v[i++] = text(l, c);
	return v;
}

static struct src_pos pos_of(struct loader *l, xmlNodePtr n)
{
	int line, col;
	xdoc_node_pos(l->x, n, &line, &col);
	return (struct src_pos){l->p->file, line, col};
}

/* ---- problems ------------------------------------------------------------ */

static bool number(struct loader *l, xmlNodePtr n, const char *name,
		   const char *field, const char *subject, struct decimal *out)
{
	const char *s = xnode_attr(l->a, n, name);
	if (!s)
		return false;
	enum decimal_status st = decimal_parse(s, out);
	if (st != DECIMAL_OK) {
		char why[256];
		ERR(l, n, name, "invalid %s '%s' in %s: %s", field, s, subject,
		    load_number_problem(s, st, why, sizeof why));
		return false;
	}
	return true;
}

/* A baseline, target or interim value: a number as number() reads it, and
 * also the forms actuals take (issue 16): △1,577 / ▲1,577 for −1,577, and a
 * number with its unit attached ("16.2%"), read with a hint to move the
 * unit to <unit>. */
static bool value_number(struct loader *l, xmlNodePtr n, const char *name,
			 const char *field, const char *subject, struct decimal *out)
{
	const char *s = xnode_attr(l->a, n, name);
	if (!s)
		return false;
	const char *body = s;
	bool neg = false;
	if (!strncmp(body, "△", strlen("△")) || !strncmp(body, "▲", strlen("▲"))) {
		neg = true;
		body += strlen("△");
	}
	struct decimal v;
	const char *end = NULL;
	if (decimal_parse(body, &v) == DECIMAL_OK) {
		end = "";
	} else if (decimal_parse_prefix(body, &v, &end) != DECIMAL_OK || !*end ||
		   !(*end == '%' || ((unsigned char)*end >= 0x80 &&
				     strncmp(end, "Ｅ", strlen("Ｅ")) != 0 &&
				     strncmp(end, "ｅ", strlen("ｅ")) != 0 &&
				     strncmp(end, "．", strlen("．")) != 0 &&
				     strncmp(end, "，", strlen("，")) != 0))) {
		/* not a number followed by a unit (1e9, 12.3.4, NaN) */
		return number(l, n, name, field, subject, out);
	} else if (!l->unit || (strcmp(end, l->unit) != 0 &&
				!((!strcmp(end, "%") || !strcmp(end, "％")) &&
				  (!strcmp(l->unit, "%") || !strcmp(l->unit, "％"))))) {
		/* a unit attached that is not the indicator's: refused, with
		 * the hint to move it to <unit> */
		char why[256];
		ERR(l, n, name, "invalid %s '%s' in %s: %s; if '%s' is its unit, write "
		    "%s=\"%.*s\" and the unit in <unit>", field, s, subject,
		    load_number_problem(s, DECIMAL_SYNTAX, why, sizeof why), end, name,
		    (int)(end - s), s);
		return false;
	}
	if (neg && v.units < 0) {
		ERR(l, n, name, "invalid %s '%s' in %s: it has two signs", field, s, subject);
		return false;
	}
	if (neg) {
		v.units = -v.units;
		l->neg_sign = !strncmp(s, "▲", strlen("▲")) ? "▲" : "△";
	}
	if (*end)
		WARN(l, n, name, "%s '%s' in %s has its unit attached: write "
		     "%s=\"%.*s\" (the unit '%s' is in <unit>)", field, s, subject, name,
		     (int)(end - s), s, end);
	*out = v;
	return true;
}

static bool year(struct loader *l, xmlNodePtr n, const char *name,
		 const char *field, const char *subject, int *fy)
{
	const char *s = xnode_attr(l->a, n, name);
	if (!s)
		return false;
	if (fy_parse(s, fy) != 0) {
		*fy = 0;
		ERR(l, n, name,
		    "invalid %s '%s' in %s: not a fiscal year (write 2025, R7, "
		    "令和7年度, H29 or R元)", field, s, subject);
		return false;
	}
	return true;
}

/* ---- ids ----------------------------------------------------------------- */

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct idrec *id_slot(struct loader *l, const char *id)
{
	size_t mask = l->cap_ids - 1;
	for (size_t i = (size_t)hash(id) & mask;; i = (i + 1) & mask)
		if (!l->ids[i].id || strcmp(l->ids[i].id, id) == 0)
			return &l->ids[i];
}

static struct idrec *lookup(struct loader *l, const char *id)
{
	if (!id || !l->cap_ids)
		return NULL;
	struct idrec *r = id_slot(l, id);
	return r->id ? r : NULL;
}

static const char *article(const char *kind)
{
	return strchr("aeiou", kind[0]) ? "an" : "a";
}

/* "past-result" -> "past result" */
static const char *kind_words(struct loader *l, const char *kind)
{
	char *s = arena_strdup(l->a, kind);
	for (char *p = s; *p; p++)
		if (*p == '-')
			*p = ' ';
	return s;
}

/* Registers n's id; returns it (NULL when n has none). */
static const char *reg(struct loader *l, xmlNodePtr n, const char *kind, void *obj,
		       const char *owner)
{
	const char *id = xnode_attr(l->a, n, "id");
	if (!id || !*id)
		return NULL;
	if (2 * (l->n_ids + 1) > l->cap_ids) {
		size_t cap = l->cap_ids ? 2 * l->cap_ids : 256;
		struct idrec *old = l->ids;
		size_t old_cap = l->cap_ids;
		l->ids = xcalloc(cap, sizeof *l->ids);
		l->cap_ids = cap;
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].id)
				*id_slot(l, old[i].id) = old[i];
		free(old);
	}
	struct idrec *r = id_slot(l, id);
	if (r->id) {
		int line, col;
		xdoc_node_pos(l->x, r->node, &line, &col);
		ERR(l, n, "id", "duplicate id '%s': already used by the %s at line %d, column %d",
		    id, kind_words(l, r->kind), line, col);
		return id;
	}
	*r = (struct idrec){id, kind, n, obj, owner};
	l->n_ids++;
	return id;
}

/* The object `ref` names, which must be a `want`; reports otherwise.  n and
 * name locate the reference; subject says who refers. */
static void *resolve(struct loader *l, xmlNodePtr n, const char *name,
		     const char *ref, const char *want, const char *subject)
{
	const char *w = kind_words(l, want);
	struct idrec *r = lookup(l, ref);
	if (!r) {
		ERR(l, n, name, "%s refers to %s '%s', which does not exist", subject, w, ref);
		return NULL;
	}
	if (strcmp(r->kind, want) != 0) {
		const char *k = kind_words(l, r->kind);
		if (r->owner)
			ERR(l, n, name, "%s refers to %s '%s', which is a %s of indicator '%s', "
			    "not %s %s", subject, w, ref, k, r->owner, article(w), w);
		else
			ERR(l, n, name, "%s refers to %s '%s', which is %s %s, not %s %s",
			    subject, w, ref, article(k), k, article(w), w);
		return NULL;
	}
	return r->obj;
}

/* Resolves a space-separated list of ids (IDREFS) into an array. */
static void **resolve_list(struct loader *l, xmlNodePtr n, const char *name,
			   const char *want, const char *subject, size_t *count_out)
{
	*count_out = 0;
	const char *s = xnode_attr(l->a, n, name);
	if (!s || !*s)
		return NULL;
	size_t words = 1;
	for (const char *p = s; *p; p++)
		words += *p == ' ';
	void **v = arena_calloc(l->a, words, sizeof *v);
	char *copy = arena_strdup(l->a, s);
	for (char *tok = copy, *end; tok && *tok; tok = end) {
		end = strchr(tok, ' ');
		if (end)
			*end++ = '\0';
		void *obj = resolve(l, n, name, tok, want, subject);
		if (obj)
			v[(*count_out)++] = obj;
	}
	return v;
}

static const char *subject(struct loader *l, const char *kind, const char *id)
{
	return id ? arena_printf(l->a, "%s '%s'", kind, id)
		  : arena_printf(l->a, "%s (without id)", kind);
}

/* ---- values -------------------------------------------------------------- */

/* Whether the plan period is known, for the checks against it. */
static bool in_period(const struct loader *l, int fy)
{
	return !l->period_ok || (fy >= l->p->from && fy <= l->p->to);
}

static const char *period_text(struct loader *l)
{
	char a[16], b[16];
	return arena_printf(l->a, "%s–%s", load_fy_text(l->p->from, a, sizeof a),
			    load_fy_text(l->p->to, b, sizeof b));
}

static void load_baseline(struct loader *l, xmlNodePtr n, struct baseline *b,
			  const char *subj, bool in_plan)
{
	b->text = xnode_attr(l->a, n, "text");
	const char *unknown = xnode_attr(l->a, n, "unknown");
	if (unknown && (strcmp(unknown, "true") == 0 || strcmp(unknown, "1") == 0)) {
		b->kind = BASELINE_UNKNOWN;
		return;
	}
	const char *kind = xnode_attr(l->a, n, "kind");
	if (!kind || strcmp(kind, "level") == 0)
		b->kind = BASELINE_LEVEL;
	else if (strcmp(kind, "rate") == 0)
		b->kind = BASELINE_RATE;
	else if (strcmp(kind, "average") == 0)
		b->kind = BASELINE_AVERAGE;
	else if (strcmp(kind, "total") == 0)
		b->kind = BASELINE_TOTAL;
	else
		ERR(l, n, "kind", "invalid baseline kind '%s' in %s: write level, rate, "
		    "average or total", kind, subj);

	if (!xmlHasProp(n, (const xmlChar *)"value"))
		ERR(l, n, "value", "baseline of %s has no value (write unknown=\"true\" "
		    "for 「―」)", subj);
	value_number(l, n, "value", "baseline value", subj, &b->value);

	char yb[16], pb[16];
	if (b->kind == BASELINE_LEVEL || b->kind == BASELINE_RATE) {
		if (year(l, n, "year", "baseline year", subj, &b->fy) && in_plan &&
		    l->period_ok && b->fy > l->p->from)
			ERR(l, n, "year", "%s has baseline year %s, after the plan period "
			    "starts (%s)", subj, load_fy_text(b->fy, yb, sizeof yb),
			    load_fy_text(l->p->from, pb, sizeof pb));
		return;
	}
	bool has_from = year(l, n, "from", "baseline 'from' year", subj, &b->from);
	bool has_to = year(l, n, "to", "baseline 'to' year", subj, &b->to);
	bool wrote_from = xmlHasProp(n, (const xmlChar *)"from");
	bool wrote_to = xmlHasProp(n, (const xmlChar *)"to");
	if (wrote_from != wrote_to)
		ERR(l, n, wrote_from ? "from" : "to",
		    "baseline of %s has '%s' but no '%s' year", subj,
		    wrote_from ? "from" : "to", wrote_from ? "to" : "from");
	if (has_from && has_to && b->from > b->to)
		ERR(l, n, "from", "baseline of %s spans %s to %s, which ends before it starts",
		    subj, load_fy_text(b->from, yb, sizeof yb), load_fy_text(b->to, pb, sizeof pb));
	else if (has_to && in_plan && l->period_ok && b->to > l->p->from)
		ERR(l, n, "to", "%s has a baseline ending %s, after the plan period starts (%s)",
		    subj, load_fy_text(b->to, yb, sizeof yb), load_fy_text(l->p->from, pb, sizeof pb));
}

static void load_target(struct loader *l, xmlNodePtr n, struct target *t,
			const char *subj, bool in_plan)
{
	t->text = xnode_attr(l->a, n, "text");
	const char *kind = xnode_attr(l->a, n, "kind");
	if (xnode_attr(l->a, n, "milestone")) {
		/* 設置, 策定: done (in a year) or not yet; no number */
		t->kind = TARGET_LEVEL;
		t->value = (struct decimal){1, 0};
		year(l, n, "year", "target year", subj, &t->fy);
		return;
	}
	if (!kind || strcmp(kind, "level") == 0)
		t->kind = TARGET_LEVEL;
	else if (strcmp(kind, "cumulative") == 0)
		t->kind = TARGET_CUMULATIVE;
	else if (strcmp(kind, "rate") == 0)
		t->kind = TARGET_RATE;
	else if (strcmp(kind, "at-least") == 0)
		t->kind = TARGET_AT_LEAST;
	else
		ERR(l, n, "kind", "invalid target kind '%s' in %s: write level, "
		    "cumulative, rate or at-least", kind, subj);

	if (!xmlHasProp(n, (const xmlChar *)"value"))
		ERR(l, n, "value", "target of %s has no value", subj);
	value_number(l, n, "value", "target value", subj, &t->value);

	char yb[16], zb[16];
	bool has_year = year(l, n, "year", "target year", subj, &t->fy);
	if (t->kind != TARGET_CUMULATIVE) {
		/* a level target's own period starts at from (pro-rating) */
		if (year(l, n, "from", "target 'from' year", subj, &t->from) && has_year &&
		    t->from > t->fy)
			ERR(l, n, "from", "target of %s starts after its year", subj);
		if (!xmlHasProp(n, (const xmlChar *)"year"))
			ERR(l, n, "year", "target of %s has no year", subj);
		if (has_year && in_plan && !in_period(l, t->fy))
			ERR(l, n, "year", "%s has target year %s, outside the plan period %s",
			    subj, load_fy_text(t->fy, yb, sizeof yb), period_text(l));
		return;
	}

	t->has_per_year = number(l, n, "per-year", "per-year value", subj, &t->per_year);
	bool has_from = year(l, n, "from", "target 'from' year", subj, &t->from);
	bool has_to = year(l, n, "to", "target 'to' year", subj, &t->to);
	if (!xmlHasProp(n, (const xmlChar *)"from"))
		ERR(l, n, "from", "cumulative target of %s has no 'from' year", subj);
	if (!xmlHasProp(n, (const xmlChar *)"to"))
		ERR(l, n, "to", "cumulative target of %s has no 'to' year", subj);
	if (!has_year && has_to && !xmlHasProp(n, (const xmlChar *)"year"))
		t->fy = t->to;
	if (has_from && has_to && t->from > t->to) {
		ERR(l, n, "from", "cumulative target of %s spans %s to %s, which ends "
		    "before it starts", subj, load_fy_text(t->from, yb, sizeof yb),
		    load_fy_text(t->to, zb, sizeof zb));
		return;
	}
	if (!in_plan)
		return;
	if (has_from && !in_period(l, t->from))
		ERR(l, n, "from", "%s has a cumulative target from %s, outside the plan "
		    "period %s", subj, load_fy_text(t->from, yb, sizeof yb), period_text(l));
	if (has_to && !in_period(l, t->to))
		ERR(l, n, "to", "%s has a cumulative target to %s, outside the plan "
		    "period %s", subj, load_fy_text(t->to, yb, sizeof yb), period_text(l));
	if (has_year && !in_period(l, t->fy))
		ERR(l, n, "year", "%s has target year %s, outside the plan period %s",
		    subj, load_fy_text(t->fy, yb, sizeof yb), period_text(l));
	else if (has_year && has_from && t->fy < t->from)
		ERR(l, n, "year", "%s has target year %s, before its span starts (%s)",
		    subj, load_fy_text(t->fy, yb, sizeof yb), load_fy_text(t->from, zb, sizeof zb));
}

/* The year a baseline stands for: its year, or the end of its span. */
static int baseline_year(const struct baseline *b)
{
	return b->kind == BASELINE_AVERAGE || b->kind == BASELINE_TOTAL ? b->to : b->fy;
}

static void check_order(struct loader *l, xmlNodePtr target, const struct baseline *b,
			const struct target *t, const char *subj)
{
	int by = baseline_year(b);
	if (!by || !t->fy || t->fy >= by)
		return;
	char yb[16], zb[16];
	const char *where = xmlHasProp(target, (const xmlChar *)"year") ? "year" : "to";
	ERR(l, target, where, "%s has target year %s, before its baseline year %s", subj,
	    load_fy_text(t->fy, yb, sizeof yb), load_fy_text(by, zb, sizeof zb));
}

/* unit, baseline and target of holder (an indicator or a part). */
static void load_measure(struct loader *l, xmlNodePtr holder, struct measure *m,
			 const char *subj)
{
	l->neg_sign = NULL;
	xmlNodePtr u = xnode_child(holder, "unit");
	m->unit = text(l, u);
	l->unit = m->unit;
	if (!u) {
		/* a unitless number (合計特殊出生率 1.36): no dummy unit */
		m->unit = "";
		m->unitless = true;
	} else if (!m->unit || !*m->unit)
		ERR_CHILD(l, holder, "unit", "%s has no unit", subj);
	else if (strcmp(m->unit, "%") == 0)
		WARN(l, u, NULL, "%s has unit '%%': the vocabulary writes '％'", subj);
	xmlNodePtr b = xnode_child(holder, "baseline");
	if (b)
		load_baseline(l, b, &m->baseline, subj, true);
	else
		ERR_CHILD(l, holder, "baseline", "%s has no baseline (write <baseline "
			  "unknown=\"true\"/> for 「―」)", subj);
	m->n_interims = xnode_count(holder, "interim-target");
	m->interims = array(l, m->n_interims, sizeof *m->interims);
	size_t k = 0;
	XNODE_EACH(c, holder, "interim-target") {
		struct interim_target *it = &m->interims[k];
		value_number(l, c, "value", "interim target value", subj, &it->value);
		year(l, c, "year", "interim target year", subj, &it->fy);
		it->text = xnode_attr(l->a, c, "text");
		if (k && it->fy <= m->interims[k - 1].fy)
			ERR(l, c, "year", "interim targets of %s go in year order", subj);
		k++;
	}
	xmlNodePtr t = xnode_child(holder, "target");
	if (t) {
		load_target(l, t, &m->target, subj, true);
		m->milestone = xnode_attr(l->a, t, "milestone");
	} else
		ERR_CHILD(l, holder, "target", "%s has no target", subj);
	if (t && m->n_interims && m->interims[m->n_interims - 1].fy >= m->target.fy)
		ERR(l, xnode_child(holder, "interim-target"), "year",
		    "an interim target of %s is not before its final target", subj);
	if (b && t)
		check_order(l, t, &m->baseline, &m->target, subj);
	m->neg_sign = l->neg_sign;
	l->unit = NULL;
	m->pos = pos_of(l, holder);
}

/* ---- the parts of a plan ------------------------------------------------- */

static void load_meta(struct loader *l, xmlNodePtr meta)
{
	struct plan *p = l->p;
	p->title = child_text(l, meta, "title");
	p->subtitle = child_text(l, meta, "subtitle");
	p->short_title = child_text(l, meta, "short-title");
	p->issuer = child_text(l, meta, "issuer");
	p->department = child_text(l, meta, "department");
	p->document = child_text(l, meta, "document");
	xmlNodePtr period = xnode_child(meta, "period");
	if (!period)
		return;
	bool f = year(l, period, "from", "plan period start", "<period>", &p->from);
	bool t = year(l, period, "to", "plan period end", "<period>", &p->to);
	if (f && t && p->from > p->to) {
		char a[16], b[16];
		ERR(l, period, "to", "plan period %s–%s ends before it starts",
		    load_fy_text(p->from, a, sizeof a), load_fy_text(p->to, b, sizeof b));
		return;
	}
	l->period_ok = f && t;
}

static bool is_url(const char *s)
{
	if (strstr(s, "://"))
		return true;
	const char *c = s;
	while (isalnum((unsigned char)*c) || *c == '+' || *c == '-' || *c == '.')
		c++;
	return *c == ':' && c - s >= 2 && isalpha((unsigned char)s[0]);
}

/* What is wrong with href as the name of a file a plan links to, or NULL.
 * A plan travels with its files in one folder (mailed, zipped, copied to a
 * share), so a link names a file in that folder or below it.  An absolute
 * path or one that climbs out with ".." would read whatever the machine
 * that builds has there: another department's data, or /etc/passwd quoted
 * back in a message.  Checked on the text, as written (a symbolic link in
 * the folder is the owner's choice).  Backslashes and drive letters count
 * too: plans are written on Windows, where C:\x and ..\x mean the same. */
static const char *href_problem(const char *href)
{
	if (href[0] == '/' || href[0] == '\\' ||
	    (isalpha((unsigned char)href[0]) && href[1] == ':'))
		return "is an absolute path";
	int depth = 0;
	for (const char *p = href; *p;) {
		size_t n = strcspn(p, "/\\");
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (--depth < 0)
				return "climbs out of the plan's folder";
		} else if (n && !(n == 1 && p[0] == '.')) {
			depth++;
		}
		p += n;
		if (*p)
			p++;
	}
	return NULL;
}

/* The <actuals-file>s or <pdca-file>s (link_kinds[k]) of the plan: their
 * hrefs, checked to name a local file in the plan's folder or below it,
 * for plan_load() to read once the plan has loaded. */
static void load_linked_files(struct loader *l, xmlNodePtr root, size_t k)
{
	const struct link_kind *lk = &link_kinds[k];
	size_t n = xnode_count(root, lk->element);
	l->files[k] = n ? xcalloc(n, sizeof *l->files[k]) : NULL;
	XNODE_EACH(c, root, lk->element) {
		const char *href = xnode_attr(l->a, c, "href");
		if (!href || !*href)
			continue; /* the schema says */
		if (is_url(href)) {
			ERR(l, c, "href", "%s '%s' is a URL: name a local file "
			    "(relative to the plan's folder)", lk->what, href);
			continue;
		}
		const char *why = href_problem(href);
		if (why) {
			ERR(l, c, "href", "%s '%s' %s: name a file in the plan's "
			    "folder or below it, relative to the plan%s", lk->what, href, why,
			    lk->elsewhere);
			continue;
		}
		struct afile *f = &l->files[k][l->n_files[k]++];
		f->href = href;
		xdoc_node_pos(l->x, c, &f->line, &f->column);
	}
}

/* The built-in words a Kagoshima-era scheme used when a <grading> gave no
 * no-data / not-assessable marks: kept so that old files mean the same. */
static void rule_defaults(struct grading *g)
{
	memset(g, 0, sizeof *g);
	g->method = GRADE_RATIO;
	g->basis = GRADE_BASIS_PROGRESS;
	g->no_data_mark = "－";
	g->no_data_label = "実績未確定";
	g->not_assessable_mark = "／";
	g->not_assessable_label = "評価不能";
	g->maintain_tolerance = (struct decimal){10, 1};
	g->maintain_prorate = PRORATE_BASELINE;
	g->ratio_scale = 1;
}

/* prorate="true|false|1|0|from-baseline|from-zero" */
static int prorate_value(const char *s)
{
	if (!s || !strcmp(s, "false") || !strcmp(s, "0"))
		return PRORATE_NONE;
	if (!strcmp(s, "from-zero"))
		return PRORATE_ZERO;
	return PRORATE_BASELINE;
}

static void load_kind_rule(struct loader *l, xmlNodePtr g, const char *name,
			   struct kind_rule *k, const struct grading *gr)
{
	xmlNodePtr n = xnode_child(g, name);
	k->basis = gr->basis;
	k->prorate = gr->prorate ? (gr->prorate_zero ? PRORATE_ZERO : PRORATE_BASELINE)
				 : PRORATE_NONE;
	if (!n)
		return;
	k->stated = true;
	const char *b = xnode_attr(l->a, n, "basis");
	if (b)
		k->basis = strcmp(b, "achievement") == 0 ? GRADE_BASIS_ACHIEVEMENT
							 : GRADE_BASIS_PROGRESS;
	const char *pr = xnode_attr(l->a, n, "prorate");
	if (pr)
		k->prorate = prorate_value(pr);
}

static enum grade_when when_value(const char *s)
{
	static const char *const names[] = {
		[WHEN_TARGET] = "target", [WHEN_BETTER] = "better", [WHEN_SAME] = "same",
		[WHEN_WORSE] = "worse", [WHEN_MET] = "met", [WHEN_NOT_MET] = "not-met",
		[WHEN_UP] = "up", [WHEN_DOWN] = "down", [WHEN_FLAT] = "flat",
	};
	for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
		if (names[i] && !strcmp(s, names[i]))
			return (enum grade_when)i;
	return WHEN_MIN;
}

/* The cases a method's grades must name with when="…", in order. */
static bool when_fits(enum grade_method m, enum grade_when w)
{
	switch (m) {
	case GRADE_RATIO: return w == WHEN_MIN;
	case GRADE_BAND: return w >= WHEN_TARGET && w <= WHEN_WORSE;
	case GRADE_PASS_FAIL: return w == WHEN_MET || w == WHEN_NOT_MET;
	case GRADE_DIRECTION: return w >= WHEN_UP && w <= WHEN_FLAT;
	case GRADE_ENTERED: return w == WHEN_MIN;
	case GRADE_NONE: return false;
	}
	return false;
}

/* One rule: the attributes and children of <grading> or of a <rule>. */
static void load_rule(struct loader *l, xmlNodePtr g, struct grading *gr)
{
	rule_defaults(gr);
	gr->stated = true;
	const char *method = xnode_attr(l->a, g, "method");
	static const char *const methods[] = {
		[GRADE_RATIO] = "ratio", [GRADE_BAND] = "band", [GRADE_PASS_FAIL] = "pass-fail",
		[GRADE_ENTERED] = "entered", [GRADE_DIRECTION] = "direction", [GRADE_NONE] = "none",
	};
	for (size_t i = 0; method && i < sizeof methods / sizeof methods[0]; i++)
		if (!strcmp(method, methods[i]))
			gr->method = (enum grade_method)i;
	const char *basis = xnode_attr(l->a, g, "basis");
	if (basis && strcmp(basis, "achievement") == 0)
		gr->basis = GRADE_BASIS_ACHIEVEMENT;
	const char *prorate = xnode_attr(l->a, g, "prorate");
	int pr = prorate_value(prorate);
	gr->prorate = pr != PRORATE_NONE;
	gr->prorate_zero = pr == PRORATE_ZERO;
	const char *scale = xnode_attr(l->a, g, "ratio-scale");
	if (scale && strlen(scale) == 1 && scale[0] >= '0' && scale[0] <= '6')
		gr->ratio_scale = scale[0] - '0';
	const char *subj_rule = gr->id ? subject(l, "rule", gr->id) : "<grading>";
	if (gr->method == GRADE_RATIO && !basis)
		ERR(l, g, "basis", "%s grades by ratio but names no basis: write "
		    "basis=\"achievement\" (実績÷目標) or basis=\"progress\"", subj_rule);

	xmlNodePtr band = xnode_child(g, "band");
	if (band) {
		const char *k = xnode_attr(l->a, band, "kind");
		gr->band_absolute = k && !strcmp(k, "absolute");
		const char *sides = xnode_attr(l->a, band, "sides");
		gr->band_both = sides && !strcmp(sides, "both");
		gr->band_inclusive = xmlHasProp(band, (const xmlChar *)"at-most");
		number(l, band, gr->band_inclusive ? "at-most" : "under", "band width",
		       "<band>", &gr->band_width);
	}
	if (gr->method == GRADE_BAND && !band)
		ERR_CHILD(l, g, "band", "%s grades by band but has no <band>", subj_rule);

	size_t n = xnode_count(g, "grade");
	struct grade_level *v = array(l, n, sizeof *v);
	gr->cases = array(l, n, sizeof *gr->cases);
	size_t i = 0;
	XNODE_EACH(c, g, "grade") {
		struct grade_level *lv = &v[i];
		struct grade_case *gc = &gr->cases[i];
		lv->mark = xnode_attr(l->a, c, "mark");
		lv->label = xnode_attr(l->a, c, "label");
		gc->when = when_value(xnode_attr(l->a, c, "when"));
		const char *subj = subject(l, "grade", lv->mark);
		if (!when_fits(gr->method, gc->when))
			ERR(l, c, "when", "%s does not fit the rule's method '%s': %s", subj,
			    method ? method : "ratio",
			    gr->method == GRADE_BAND ? "write when=\"target|better|same|worse\""
			    : gr->method == GRADE_PASS_FAIL ? "write when=\"met|not-met\""
			    : gr->method == GRADE_DIRECTION ? "write when=\"up|down|flat\""
			    : "a ratio grade has min, not when");
		xmlNodePtr ow = xnode_child(c, "of-which");
		if (ow) {
			gc->has_within = number(l, ow, "min", "minimum", subj, &gc->within_min);
			gc->within_label = xnode_attr(l->a, ow, "label");
		}
		if (gr->method != GRADE_RATIO) {
			i++;
			continue;
		}
		if (!xmlHasProp(c, (const xmlChar *)"min")) {
			ERR(l, c, "min", "%s has no minimum (min=\"0.75\" is 75%%)", subj);
			i++;
			continue;
		}
		if (!number(l, c, "min", "minimum", subj, &lv->min)) {
			i++;
			continue;
		}
		if (lv->min.units < 0)
			ERR(l, c, "min", "%s has a negative minimum", subj);
		if (i > 0 && decimal_cmp(lv->min, v[i - 1].min) >= 0)
			ERR(l, c, "min", "%s has a minimum not below that of grade '%s': "
			    "grades go best first", subj, v[i - 1].mark ? v[i - 1].mark : "?");
		i++;
	}
	gr->levels = v;
	gr->n_levels = n;
	if (!n && gr->method != GRADE_NONE && gr->method != GRADE_RATIO)
		ERR_CHILD(l, g, "grade", "%s names no marks: give a <grade> for each", subj_rule);

	size_t ns = xnode_count(g, "status");
	gr->statuses = array(l, ns, sizeof *gr->statuses);
	gr->n_statuses = ns;
	i = 0;
	XNODE_EACH(c, g, "status") {
		struct grade_status *st = &gr->statuses[i++];
		st->mark = xnode_attr(l->a, c, "mark");
		st->label = xnode_attr(l->a, c, "label");
		const char *k = xnode_attr(l->a, c, "kind");
		st->kind = !k ? STATUS_OTHER
			 : !strcmp(k, "completed") ? STATUS_COMPLETED
			 : !strcmp(k, "not-started") ? STATUS_NOT_STARTED
			 : !strcmp(k, "stopped") ? STATUS_STOPPED
			 : !strcmp(k, "hard-to-assess") ? STATUS_HARD_TO_ASSESS : STATUS_OTHER;
	}
	xmlNodePtr nd = xnode_child(g, "no-data");
	if (nd) {
		gr->no_data_mark = xnode_attr(l->a, nd, "mark");
		gr->no_data_label = xnode_attr(l->a, nd, "label");
	}
	xmlNodePtr na = xnode_child(g, "not-assessable");
	if (na) {
		gr->not_assessable_mark = xnode_attr(l->a, na, "mark");
		gr->not_assessable_label = xnode_attr(l->a, na, "label");
	}
	load_kind_rule(l, g, "cumulative", &gr->cumulative, gr);
	load_kind_rule(l, g, "rate", &gr->rate, gr);
	load_kind_rule(l, g, "at-least", &gr->at_least, gr);
	xmlNodePtr mt = xnode_child(g, "maintain");
	gr->maintain_prorate = gr->prorate ? (gr->prorate_zero ? PRORATE_ZERO : PRORATE_BASELINE)
					   : PRORATE_NONE;
	if (mt) {
		gr->maintain_stated = true;
		number(l, mt, "tolerance", "tolerance", "<maintain>", &gr->maintain_tolerance);
		const char *mp = xnode_attr(l->a, mt, "prorate");
		if (mp)
			gr->maintain_prorate = prorate_value(mp);
	}
}

/* A scheme's marks of no figure in the profile's style: a dash of any
 * kind (the city writes －) is the profile's (―), one mark for every page
 * (a scheme that marks "not assessable" with a dash too gets the same). */
static void rule_marks(const struct plan *p, struct grading *g)
{
	g->no_data_mark = typo_mark(plan_typo(p), g->no_data_mark);
	g->not_assessable_mark = typo_mark(plan_typo(p), g->not_assessable_mark);
}

static void load_grading_rules(struct loader *l, xmlNodePtr g);

static void load_grading(struct loader *l, xmlNodePtr g)
{
	struct plan *p = l->p;
	load_grading_rules(l, g);
	rule_marks(p, &p->grading);
	for (size_t i = 0; i < p->n_rules; i++)
		rule_marks(p, &p->rules[i]);
}

/* <typography>: the plan's own choices of the profile (typo.h); what it
 * does not say is the public-document default.  The schema limits each to
 * the values below. */
static void load_typography(struct loader *l, xmlNodePtr t)
{
	if (!t)
		return;
	struct typo *ty = arena_alloc(l->a, sizeof *ty);
	*ty = typo_public;
	const char *v;
	if ((v = xnode_attr(l->a, t, "percent")))
		ty->percent = v;
	if ((v = xnode_attr(l->a, t, "negative")))
		ty->negative = v;
	if ((v = xnode_attr(l->a, t, "no-data")))
		ty->no_data = v;
	if ((v = xnode_attr(l->a, t, "range")))
		ty->range = v;
	if ((v = xnode_attr(l->a, t, "digits")))
		ty->digits = !strcmp(v, "half") ? TYPO_DIGITS_HALF
			   : !strcmp(v, "full") ? TYPO_DIGITS_FULL : TYPO_DIGITS_MIXED;
	l->p->typo = ty;
}

static void load_grading_rules(struct loader *l, xmlNodePtr g)
{
	struct plan *p = l->p;
	if (!g) {
		/* No rule: no marks, no legend, no grade column (issue 16). */
		rule_defaults(&p->grading);
		p->grading.method = GRADE_NONE;
		p->grading.stated = false;
		return;
	}
	load_rule(l, g, &p->grading);
	p->n_rules = xnode_count(g, "rule");
	p->rules = array(l, p->n_rules, sizeof *p->rules);
	size_t i = 0;
	XNODE_EACH(c, g, "rule") {
		struct grading *r = &p->rules[i++];
		const char *id = xnode_attr(l->a, c, "id");
		load_rule(l, c, r);
		r->id = id;
		reg(l, c, "rule", r, NULL);
	}
}

/* <words>: the plan's names for its levels, indicators and partners. */
static void load_words(struct loader *l, xmlNodePtr w)
{
	struct plan_words *pw = &l->p->words;
	if (!w)
		return;
	static const char *const levels[LEVEL_COUNT] = {
		"pillar", "direction", "initiative", "measure",
	};
	XNODE_EACH(c, w, "level") {
		const char *of = xnode_attr(l->a, c, "of");
		for (size_t k = 0; of && k < LEVEL_COUNT; k++)
			if (!strcmp(of, levels[k])) {
				if (pw->level[k])
					ERR(l, c, "of", "the %s level is named twice", of);
				pw->level[k] = xnode_attr(l->a, c, "name");
			}
	}
	xmlNodePtr ind = xnode_child(w, "indicators");
	if (ind)
		pw->indicators = xnode_attr(l->a, ind, "name");
	xmlNodePtr ps = xnode_child(w, "partners");
	if (!ps)
		return;
	pw->partners_title = xnode_attr(l->a, ps, "title");
	pw->partner_mark = xnode_attr(l->a, ps, "mark");
	pw->n_partners = xnode_count(ps, "partner");
	pw->partners = array(l, pw->n_partners, sizeof *pw->partners);
	size_t i = 0;
	XNODE_EACH(c, ps, "partner") {
		struct partner_def *d = &pw->partners[i];
		d->key = xnode_attr(l->a, c, "key");
		d->name = xnode_attr(l->a, c, "name");
		const char *head = xnode_attr(l->a, c, "head");
		/* "関係\n機関": a written "\n" breaks a narrow column head */
		if (head) {
			char *h = arena_strdup(l->a, head), *q = h;
			for (const char *s = head; *s; s++) {
				if (s[0] == '\\' && s[1] == 'n') {
					*q++ = '\n';
					s++;
				} else {
					*q++ = *s;
				}
			}
			*q = '\0';
			head = h;
		}
		d->head = head;
		d->legend = xnode_attr(l->a, c, "legend");
		for (size_t k = 0; k < i; k++)
			if (d->key && pw->partners[k].key && !strcmp(d->key, pw->partners[k].key))
				ERR(l, c, "key", "partner '%s' is declared twice", d->key);
		if (i >= 16)
			ERR(l, c, NULL, "more than 16 partners");
		i++;
	}
}

static void load_sections(struct loader *l, xmlNodePtr root)
{
	struct plan *p = l->p;
	p->n_sections = xnode_count(root, "section");
	p->sections = array(l, p->n_sections, sizeof *p->sections);
	size_t i = 0;
	XNODE_EACH(c, root, "section") {
		struct section *s = &p->sections[i++];
		s->id = reg(l, c, "section", s, NULL);
		s->title = xnode_attr(l->a, c, "title");
		s->paragraphs = texts(l, c, "p", &s->n_paragraphs);
		s->items = texts(l, c, "item", &s->n_items);
	}
}

static void load_issues(struct loader *l, xmlNodePtr issues)
{
	struct plan *p = l->p;
	p->n_issues = xnode_count(issues, "issue");
	p->issues = array(l, p->n_issues, sizeof *p->issues);
	size_t i = 0;
	XNODE_EACH(c, issues, "issue") {
		struct issue *is = &p->issues[i++];
		is->id = reg(l, c, "issue", is, NULL);
		is->no = xnode_attr(l->a, c, "no");
		is->response = xnode_attr(l->a, c, "response");
		is->text = text(l, c);
	}
}

static void load_scenarios(struct loader *l, xmlNodePtr scenarios)
{
	struct plan *p = l->p;
	p->n_scenarios = xnode_count(scenarios, "scenario");
	p->scenarios = array(l, p->n_scenarios, sizeof *p->scenarios);
	size_t i = 0;
	XNODE_EACH(c, scenarios, "scenario") {
		struct scenario *s = &p->scenarios[i++];
		s->id = reg(l, c, "scenario", s, NULL);
		s->no = xnode_attr(l->a, c, "no");
		s->title = child_text(l, c, "title");
		s->states = texts(l, c, "state", &s->n_states);
		s->pos = pos_of(l, c);
	}
}

/* An initiative's partners: bit i for the plan's i-th declared partner.
 * A plan that declares none may still use the three keys of the first
 * vocabulary (agencies private academia); nothing is printed for them. */
static unsigned partners(struct loader *l, xmlNodePtr n, const char *s)
{
	unsigned bits = 0;
	if (!s)
		return 0;
	const struct plan_words *w = &l->p->words;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", s);
	for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
		bool found = false;
		for (size_t i = 0; i < w->n_partners && i < 16; i++)
			if (w->partners[i].key && !strcmp(tok, w->partners[i].key)) {
				bits |= 1u << i;
				found = true;
			}
		if (found)
			continue;
		if (!w->n_partners && !strcmp(tok, "agencies"))
			bits |= PARTNER_AGENCIES;
		else if (!w->n_partners && !strcmp(tok, "private"))
			bits |= PARTNER_PRIVATE;
		else if (!w->n_partners && !strcmp(tok, "academia"))
			bits |= PARTNER_ACADEMIA;
		else
			ERR(l, n, "partners", "partner '%s' is not declared in <words><partners>",
			    tok);
	}
	return bits;
}

static void load_direction(struct loader *l, xmlNodePtr n, struct direction *d)
{
	d->id = reg(l, n, "direction", d, NULL);
	d->no = xnode_attr(l->a, n, "no");
	d->title = child_text(l, n, "title");
	d->description = child_text(l, n, "description");
	d->n_initiatives = xnode_count(n, "initiative");
	d->initiatives = array(l, d->n_initiatives, sizeof *d->initiatives);
	size_t i = 0;
	XNODE_EACH(c, n, "initiative") {
		struct initiative *in = &d->initiatives[i++];
		in->id = reg(l, c, "initiative", in, NULL);
		in->text = text(l, c);
		in->partners = partners(l, c, xnode_attr(l->a, c, "partners"));
		in->pos = pos_of(l, c);
	}
	d->pos = pos_of(l, n);
}

static void load_pillars(struct loader *l, xmlNodePtr pillars)
{
	struct plan *p = l->p;
	p->n_pillars = xnode_count(pillars, "pillar");
	p->pillars = array(l, p->n_pillars, sizeof *p->pillars);
	size_t i = 0;
	XNODE_EACH(c, pillars, "pillar") {
		struct pillar *pl = &p->pillars[i++];
		pl->id = reg(l, c, "pillar", pl, NULL);
		pl->no = xnode_attr(l->a, c, "no");
		pl->title = child_text(l, c, "title");
		pl->subtitle = child_text(l, c, "subtitle");
		pl->description = child_text(l, c, "description");
		pl->n_directions = xnode_count(c, "direction");
		pl->directions = array(l, pl->n_directions, sizeof *pl->directions);
		size_t k = 0;
		XNODE_EACH(d, c, "direction")
			load_direction(l, d, &pl->directions[k++]);
		pl->measures = texts(l, c, "measure-item", &pl->n_measures);
		pl->n_outcomes = xnode_count(c, "outcome");
		pl->outcomes = array(l, pl->n_outcomes, sizeof *pl->outcomes);
		k = 0;
		XNODE_EACH(o, c, "outcome") {
			struct outcome *oc = &pl->outcomes[k++];
			oc->id = reg(l, o, "outcome", oc, NULL);
			oc->text = child_text(l, o, "text");
		}
		pl->pos = pos_of(l, c);
	}
}

static enum goal goal_of(struct loader *l, xmlNodePtr n, const char *subj)
{
	const char *s = xnode_attr(l->a, n, "goal");
	if (!s || strcmp(s, "higher") == 0)
		return GOAL_HIGHER;
	if (strcmp(s, "lower") == 0)
		return GOAL_LOWER;
	if (strcmp(s, "maintain") == 0)
		return GOAL_MAINTAIN;
	ERR(l, n, "goal", "invalid goal '%s' in %s: write higher, lower or maintain", s,
	    subj);
	return GOAL_HIGHER;
}

/* `check` says what it assumed (issue 16): a ratio rule that does not
 * state how a kind of target (or a maintain goal) is graded leaves shiryo
 * to choose; the warning says which reading it takes. */
static void check_rule_states(struct loader *l, xmlNodePtr n, const struct measure *m,
			      const struct grading *g, const char *subj)
{
	if (!g->stated || g->method != GRADE_RATIO || m->milestone)
		return;
	const char *rule = g->id ? subject(l, "rule", g->id) : "the plan's <grading>";
	if (m->goal == GOAL_MAINTAIN && m->target.kind != TARGET_CUMULATIVE) {
		if (!g->maintain_stated)
			WARN(l, n, NULL, "%s has a maintain goal, but %s does not say how one "
			     "is graded (<maintain tolerance=\"…\"/>); shiryo assumes ±%s%% "
			     "around the target", subj, rule, "1.0");
		return;
	}
	const char *kind = NULL, *assumed = NULL;
	switch (m->target.kind) {
	case TARGET_CUMULATIVE:
		if (!g->cumulative.stated)
			kind = "cumulative", assumed = "the running total ÷ the target";
		break;
	case TARGET_RATE:
		if (!g->rate.stated)
			kind = "rate", assumed = "the rule's own basis";
		break;
	case TARGET_AT_LEAST:
		if (!g->at_least.stated)
			kind = "at-least", assumed = "the actual ÷ the floor";
		break;
	case TARGET_LEVEL:
		break;
	}
	if (kind)
		WARN(l, n, NULL, "%s has a %s target, but %s does not say how one is "
		     "graded (<%s basis=\"…\" prorate=\"…\"/>); shiryo assumes %s",
		     subj, kind, rule, kind, assumed);
}

static void load_indicator(struct loader *l, xmlNodePtr n, struct indicator *ind)
{
	ind->id = reg(l, n, "indicator", ind, NULL);
	const char *subj = subject(l, "indicator", ind->id);
	ind->no = xnode_attr(l->a, n, "no");
	ind->name = child_text(l, n, "name");
	enum goal goal = goal_of(l, n, subj);
	const struct grading *rule = NULL;
	const char *rref = xnode_attr(l->a, n, "rule");
	if (rref)
		rule = resolve(l, n, "rule", rref, "rule", subj);
	const char *latest = xnode_attr(l->a, n, "latest");
	const char *yk = xnode_attr(l->a, n, "years");
	bool calendar = yk && !strcmp(yk, "calendar");
	size_t parts = xnode_count(n, "part");
	if (parts == 0) {
		ind->n_measures = 1;
		ind->measures = array(l, 1, sizeof *ind->measures);
		struct measure *m = &ind->measures[0];
		m->id = ind->id;
		m->goal = goal;
		load_measure(l, n, m, subj);
	} else {
		if (parts == 1)
			ERR_CHILD(l, n, "part", "compound %s has only one part: a compound "
				  "indicator has two or more", subj);
		ind->n_measures = parts;
		ind->measures = array(l, parts, sizeof *ind->measures);
		size_t i = 0;
		XNODE_EACH(c, n, "part") {
			struct measure *m = &ind->measures[i++];
			m->id = reg(l, c, "part", m, ind->id ? ind->id : "?");
			m->name = xnode_attr(l->a, c, "name");
			m->goal = goal;
			load_measure(l, c, m, subject(l, "part", m->id));
		}
	}
	for (size_t i = 0; i < ind->n_measures; i++) {
		ind->measures[i].rule = rule;
		ind->measures[i].calendar_year = calendar;
		ind->measures[i].latest = latest;
		check_rule_states(l, n, &ind->measures[i], rule ? rule : &l->p->grading, subj);
	}
	ind->source = child_text(l, n, "source");
	ind->note = child_text(l, n, "note");
	xmlNodePtr sa = xnode_child(n, "stated-achievement");
	if (sa)
		ind->has_stated_achievement = number(l, sa, "percent", "stated achievement",
						     subj, &ind->stated_achievement);
	ind->pos = pos_of(l, n);
}

static void load_indicators(struct loader *l, xmlNodePtr indicators)
{
	struct plan *p = l->p;
	p->n_indicators = xnode_count(indicators, "indicator");
	p->indicators = array(l, p->n_indicators, sizeof *p->indicators);
	size_t i = 0;
	XNODE_EACH(c, indicators, "indicator")
		load_indicator(l, c, &p->indicators[i++]);
}

static void load_projects(struct loader *l, xmlNodePtr projects)
{
	struct plan *p = l->p;
	if (!projects)
		return;
	p->projects_title = xnode_attr(l->a, projects, "title");
	p->projects_intro = child_text(l, projects, "intro");
	const char *period_text_attr = xnode_attr(l->a, projects, "period-text");
	int from = p->from, to = p->to;
	char a[16], b[16];
	bool f = year(l, projects, "from", "project period start", "<projects>", &from);
	bool t = year(l, projects, "to", "project period end", "<projects>", &to);
	if (f && t && from > to)
		ERR(l, projects, "to", "project period %s–%s ends before it starts",
		    load_fy_text(from, a, sizeof a), load_fy_text(to, b, sizeof b));
	else if ((f && !in_period(l, from)) || (t && !in_period(l, to)))
		ERR(l, projects, f && !in_period(l, from) ? "from" : "to",
		    "project period %s–%s lies outside the plan period %s",
		    load_fy_text(from, a, sizeof a), load_fy_text(to, b, sizeof b), period_text(l));

	p->n_projects = xnode_count(projects, "project");
	p->projects = array(l, p->n_projects, sizeof *p->projects);
	size_t i = 0;
	XNODE_EACH(c, projects, "project") {
		struct project *pj = &p->projects[i++];
		pj->id = reg(l, c, "project", pj, NULL);
		pj->no = xnode_attr(l->a, c, "no");
		pj->title = child_text(l, c, "title");
		pj->from = from;
		pj->to = to;
		pj->period_text = period_text_attr;
		pj->target_state = child_text(l, c, "target-state");
		pj->initiatives = texts(l, c, "initiative", &pj->n_initiatives);
		pj->pos = pos_of(l, c);
	}
}

static void load_meetings(struct loader *l, xmlNodePtr meetings)
{
	struct plan *p = l->p;
	p->n_meetings = xnode_count(meetings, "meeting");
	p->meetings = array(l, p->n_meetings, sizeof *p->meetings);
	size_t i = 0;
	XNODE_EACH(c, meetings, "meeting") {
		struct meeting_body *m = &p->meetings[i++];
		m->id = reg(l, c, "meeting", m, NULL);
		m->name = child_text(l, c, "name");
		m->tagline = child_text(l, c, "tagline");
		m->role = child_text(l, c, "role");
		m->frequency = child_text(l, c, "frequency");
		const char *t = xnode_attr(l->a, c, "times-per-year");
		if (t) {
			char *end;
			long v = strtol(t, &end, 10);
			if (*t && !*end && v > 0 && v <= 366)
				m->times_per_year = (int)v;
		}
		m->members = texts(l, c, "member", &m->n_members);
		m->agenda = texts(l, c, "agenda", &m->n_agenda);
		m->notes = texts(l, c, "note", &m->n_notes);
	}
}

static void load_past_results(struct loader *l, xmlNodePtr pr)
{
	struct plan *p = l->p;
	if (!pr)
		return;
	p->past_results_title = xnode_attr(l->a, pr, "title");
	p->n_past_results = xnode_count(pr, "past-result");
	p->past_results = array(l, p->n_past_results, sizeof *p->past_results);
	size_t i = 0;
	XNODE_EACH(c, pr, "past-result") {
		struct past_result *r = &p->past_results[i++];
		r->id = reg(l, c, "past-result", r, NULL);
		const char *subj = subject(l, "past result", r->id);
		r->name = child_text(l, c, "name");
		r->unit = child_text(l, c, "unit");
		xmlNodePtr b = xnode_child(c, "baseline"), t = xnode_child(c, "target");
		if (b)
			load_baseline(l, b, &r->baseline, subj, false);
		if (t)
			load_target(l, t, &r->target, subj, false);
		if (b && t)
			check_order(l, t, &r->baseline, &r->target, subj);
		xmlNodePtr a = xnode_child(c, "actual");
		if (a) {
			number(l, a, "value", "actual value", subj, &r->actual);
			r->actual_text = xnode_attr(l->a, a, "text");
			int fy;
			if (year(l, a, "year", "actual year", subj, &fy))
				r->actual_from = r->actual_to = fy;
			year(l, a, "from", "actual 'from' year", subj, &r->actual_from);
			year(l, a, "to", "actual 'to' year", subj, &r->actual_to);
		}
		xmlNodePtr sa = xnode_child(c, "stated-achievement");
		if (sa)
			number(l, sa, "percent", "stated achievement", subj,
			       &r->stated_achievement);
		r->pos = pos_of(l, c);
	}
}

/* ---- references ---------------------------------------------------------- */

static struct indicator **indicator_refs(struct loader *l, xmlNodePtr parent,
					 const char *elem, const char *subj, size_t *n)
{
	size_t cap = xnode_count(parent, elem);
	struct indicator **v = array(l, cap, sizeof *v);
	*n = 0;
	XNODE_EACH(c, parent, elem) {
		const char *ref = xnode_attr(l->a, c, "ref");
		if (!ref || !*ref)
			continue; /* the schema says */
		struct indicator *ind = resolve(l, c, "ref", ref, "indicator", subj);
		if (ind)
			v[(*n)++] = ind;
	}
	return v;
}

static void resolve_all(struct loader *l, xmlNodePtr root)
{
	struct plan *p = l->p;

	xmlNodePtr bs = xnode_child(root, "basic-scenario");
	if (bs)
		p->basic_indicators = indicator_refs(l, bs, "indicator-ref",
						     "the basic scenario",
						     &p->n_basic_indicators);

	size_t i = 0;
	XNODE_EACH(c, xnode_child(root, "scenarios"), "scenario") {
		struct scenario *s = &p->scenarios[i++];
		s->issues = (struct issue **)resolve_list(
			l, c, "issues", "issue", subject(l, "scenario", s->id), &s->n_issues);
	}

	i = 0;
	XNODE_EACH(c, xnode_child(root, "pillars"), "pillar") {
		struct pillar *pl = &p->pillars[i++];
		pl->scenarios = (struct scenario **)resolve_list(
			l, c, "scenarios", "scenario", subject(l, "pillar", pl->id),
			&pl->n_scenarios);
	}

	/* indicator -> pillar, and each pillar's indicators in document order */
	i = 0;
	XNODE_EACH(c, xnode_child(root, "indicators"), "indicator") {
		struct indicator *ind = &p->indicators[i++];
		const char *ref = xnode_attr(l->a, c, "pillar");
		if (ref && *ref)
			ind->pillar = resolve(l, c, "pillar", ref, "pillar",
					      subject(l, "indicator", ind->id));
		if (ind->pillar)
			ind->pillar->n_indicators++;
	}
	for (size_t k = 0; k < p->n_pillars; k++) {
		struct pillar *pl = &p->pillars[k];
		pl->indicators = array(l, pl->n_indicators, sizeof *pl->indicators);
		pl->n_indicators = 0;
	}
	for (size_t k = 0; k < p->n_indicators; k++) {
		struct pillar *pl = p->indicators[k].pillar;
		if (pl)
			pl->indicators[pl->n_indicators++] = &p->indicators[k];
	}

	/* outcomes measure indicators of their own pillar */
	i = 0;
	XNODE_EACH(c, xnode_child(root, "pillars"), "pillar") {
		struct pillar *pl = &p->pillars[i++];
		size_t k = 0;
		XNODE_EACH(o, c, "outcome") {
			struct outcome *oc = &pl->outcomes[k++];
			const char *subj = subject(l, "outcome", oc->id);
			oc->indicators = indicator_refs(l, o, "indicator-ref", subj,
							&oc->n_indicators);
			size_t m = 0;
			XNODE_EACH(r, o, "indicator-ref") {
				if (m >= oc->n_indicators)
					break;
				const char *ref = xnode_attr(l->a, r, "ref");
				struct indicator *ind = oc->indicators[m];
				if (!ref || !ind->id || strcmp(ref, ind->id) != 0)
					continue; /* an unresolved one, reported */
				m++;
				if (!ind->outcome)
					ind->outcome = oc;
				if (ind->pillar == pl)
					continue;
				if (ind->pillar)
					WARN(l, r, "ref", "%s of pillar '%s' refers to indicator '%s', "
					     "which belongs to pillar '%s'", subj,
					     pl->id ? pl->id : "?", ind->id, ind->pillar->id);
				else
					WARN(l, r, "ref", "%s of pillar '%s' refers to indicator '%s', "
					     "which belongs to no pillar", subj,
					     pl->id ? pl->id : "?", ind->id);
			}
		}
	}

	i = 0;
	XNODE_EACH(c, xnode_child(root, "projects"), "project") {
		struct project *pj = &p->projects[i++];
		const char *subj = subject(l, "project", pj->id);
		const char *ref = xnode_attr(l->a, c, "pillar");
		if (ref && *ref)
			pj->pillar = resolve(l, c, "pillar", ref, "pillar", subj);
		pj->focus = indicator_refs(l, c, "focus", subj, &pj->n_focus);
	}
}

/* ---- the whole --------------------------------------------------------- */

static void load_plan(struct loader *l, xmlNodePtr root)
{
	struct plan *p = l->p;
	p->id = reg(l, root, "plan", p, NULL);
	/* first: the profile applies to every text read after it */
	load_typography(l, xnode_child(root, "typography"));
	load_meta(l, xnode_child(root, "meta"));
	for (size_t k = 0; k < N_LINKS; k++)
		load_linked_files(l, root, k);
	load_words(l, xnode_child(root, "words"));
	load_grading(l, xnode_child(root, "grading"));
	load_sections(l, root);
	size_t n;
	p->vision = texts(l, xnode_child(root, "vision"), "line", &n);
	p->n_vision = n;
	xmlNodePtr bs = xnode_child(root, "basic-scenario");
	p->basic_title = child_text(l, bs, "title");
	p->basic_text = child_text(l, bs, "text");
	p->basic_points = texts(l, bs, "point", &p->n_basic_points);
	load_issues(l, xnode_child(root, "issues"));
	load_scenarios(l, xnode_child(root, "scenarios"));
	load_pillars(l, xnode_child(root, "pillars"));
	load_indicators(l, xnode_child(root, "indicators"));
	load_projects(l, xnode_child(root, "projects"));
	load_meetings(l, xnode_child(root, "meetings"));
	load_past_results(l, xnode_child(root, "past-results"));
	p->fields = texts(l, xnode_child(root, "fields"), "field", &p->n_fields);
	xmlNodePtr rc = xnode_child(root, "review-choices");
	p->review_choices = texts(l, rc, "choice", &p->n_review_choices);
	const char *rci = rc ? xnode_attr(l->a, rc, "illustrative") : NULL;
	p->review_choices_illustrative = rci && (!strcmp(rci, "true") || !strcmp(rci, "1"));
	resolve_all(l, root);
}

struct plan *plan_load(const char *path, struct diag_list *dg)
{
	struct xdoc x;
	if (xdoc_read(&x, path) != 0) {
		xdoc_flush(&x, dg);
		xdoc_release(&x);
		return NULL;
	}
	rng_validate(&x, schema_plan_rng, (size_t)(schema_plan_rng_end - schema_plan_rng));

	struct arena *a = arena_new();
	struct plan *p = arena_alloc(a, sizeof *p);
	p->arena = a;
	p->file = arena_strdup(a, path);
	struct loader l = {.x = &x, .p = p, .a = a};
	rule_defaults(&p->grading);
	p->grading.method = GRADE_NONE;
	xmlNodePtr root = xmlDocGetRootElement(x.doc);
	if (xnode_is(root, "plan"))
		load_plan(&l, root);
	/* else: the schema has said what the root should be */

	size_t errors = xdoc_flush(&x, dg);
	xdoc_release(&x);
	free(l.ids);
	bool failed = errors > 0;

	/* every actuals file is checked, even after one has failed, then
	 * every PDCA file; their arrays grow in place (load_int.h) */
	struct load_growth growth;
	load_growth_init(&growth, p);
	for (size_t k = 0; k < N_LINKS; k++) {
		for (size_t i = 0; i < l.n_files[k] && errors == 0; i++) {
			const struct afile *f = &l.files[k][i];
			char *fpath = load_sibling_path(path, f->href);
			if (link_kinds[k].read(p, fpath, dg, &growth) != 0) {
				diag_add(dg, DIAG_NOTE, path, f->line, f->column,
					 "in %s '%s', named here", link_kinds[k].what, f->href);
				failed = true;
			}
			free(fpath);
		}
		free(l.files[k]);
	}
	load_growth_release(&growth);
	if (failed) {
		plan_free(p);
		return NULL;
	}
	return p;
}

/* actuals_xml.c - <actuals> files: read, check, then merge.
 *
 * Problems of the file itself (XML, schema, numbers, years) and problems of
 * its values against the plan (unknown ids, years outside the period,
 * doubles) are reported together, sorted by position; only a file with none
 * is merged. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fy.h"
#include "load_int.h"
#include "schema_blob.h"
#include "typo.h"
#include "xnode.h"

/* Copy of s without surrounding ASCII white space, in a. */
static char *trimmed(struct arena *a, const xmlChar *s)
{
	const char *b = s ? (const char *)s : "";
	while (*b == ' ' || *b == '\t' || *b == '\r' || *b == '\n')
		b++;
	size_t n = strlen(b);
	while (n && (b[n - 1] == ' ' || b[n - 1] == '\t' || b[n - 1] == '\r' ||
		     b[n - 1] == '\n'))
		n--;
	return arena_strndup(a, b, n);
}

static char *prop(struct arena *a, xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = trimmed(a, v);
	xmlFree(v);
	return s;
}

static bool truth(const char *s)
{
	return s && (strcmp(s, "true") == 0 || strcmp(s, "1") == 0);
}

int actuals_load_xml(struct plan *p, const char *path, struct diag_list *dg)
{
	return actuals_read_xml(p, path, dg, NULL);
}

int actuals_read_xml(struct plan *p, const char *path, struct diag_list *dg,
		     struct load_growth *g)
{
	struct diag_list tmp;
	diag_list_init(&tmp);
	struct arena *a = arena_new(); /* scratch: values until merged */
	struct actual_value *v = NULL;
	size_t n = 0;
	size_t errors;
	const char *note = NULL;
	bool file_illustrative = false;

	struct xdoc x;
	if (xdoc_read(&x, path) != 0) {
		errors = xdoc_flush(&x, &tmp);
		goto out;
	}
	rng_validate(&x, schema_actuals_rng,
		     (size_t)(schema_actuals_rng_end - schema_actuals_rng));
	xmlNodePtr root = xmlDocGetRootElement(x.doc);
	if (xnode_is(root, "actuals")) {
		const char *plan = prop(a, root, "plan");
		if (plan && p->id && strcmp(plan, p->id) != 0)
			xdoc_problem(&x, DIAG_ERROR, PROBLEM_CHECK, root, "plan", NULL,
				     "actuals file is for plan '%s', not for '%s'", plan, p->id);
		file_illustrative = truth(prop(a, root, "illustrative"));
		size_t cap = 0;
		for (xmlNodePtr c = root->children; c; c = c->next) {
			cap += xnode_is(c, "value");
			if (xnode_is(c, "note")) {
				xmlChar *t = xmlNodeGetContent(c);
				note = trimmed(a, t);
				xmlFree(t);
			}
		}
		v = arena_calloc(a, cap ? cap : 1, sizeof *v);
		for (xmlNodePtr c = root->children; c; c = c->next) {
			if (!xnode_is(c, "value"))
				continue;
			const char *ref = prop(a, c, "ref");
			const char *year = prop(a, c, "year");
			if (!ref || !*ref || !year)
				continue; /* the schema says */
			struct actual_value *x1 = &v[n++];
			x1->ref = ref;
			xdoc_node_pos(&x, c, &x1->line, &x1->column);
			x1->illustrative = file_illustrative || truth(prop(a, c, "illustrative"));
			if (fy_parse(year, &x1->fy) != 0) {
				x1->fy = 0;
				xdoc_problem(&x, DIAG_ERROR, PROBLEM_CHECK, c, "year", NULL,
					     "invalid year '%s' of a value of '%s': not a fiscal "
					     "year (write 2025, R7, 令和7年度, H29 or R元)", year, ref);
			}
			x1->mark = prop(a, c, "mark");
			x1->reason = prop(a, c, "reason");
			x1->as_of = prop(a, c, "as-of");
			x1->done = truth(prop(a, c, "done"));
			const char *kind = prop(a, c, "kind");
			x1->kind = !kind ? ACTUAL_FINAL
				 : !strcmp(kind, "interim") ? ACTUAL_INTERIM
				 : !strcmp(kind, "forecast") ? ACTUAL_FORECAST : ACTUAL_FINAL;
			xmlChar *t = xmlNodeGetContent(c);
			const char *s = trimmed(a, t);
			xmlFree(t);
			if (!*s)
				continue; /* listed, not yet known */
			/* the forms CSV takes (issue 16): △/▲ negatives, printed as
			 * written, and the indicator's unit attached ("16.2%") */
			const char *unit = NULL;
			{
				struct indicator *owner = NULL;
				const struct measure *m = plan_find_measure(p, ref, &owner);
				unit = m ? m->unit : NULL;
			}
			char why[256];
			enum decimal_status st = load_value_text(s, unit, &x1->value, why, sizeof why);
			if (st == DECIMAL_OK) {
				x1->known = true;
				if (strncmp(s, "△", strlen("△")) == 0 || strncmp(s, "▲", strlen("▲")) == 0)
					x1->written = s;
				continue;
			}

				xdoc_problem(&x, DIAG_ERROR, PROBLEM_CHECK, c, NULL, NULL,
					     "invalid value '%s' of '%s': %s", s, ref,
					     load_number_problem(s, st, why, sizeof why));
		}
	}
	errors = xdoc_flush(&x, &tmp);
	errors += actuals_check(p, v, n, &tmp, path);
out:
	xdoc_release(&x);
	load_diag_sort_move(dg, &tmp);
	if (errors == 0) {
		actuals_apply(p, path, v, n, dg, g);
		if (note)
			p->actuals_note = arena_strdup(p->arena,
						       typo_text(plan_typo(p), note, a));
	}
	arena_free(a);
	return errors ? -1 : 0;
}

/* actuals.c - merging yearly values into a plan, whatever file they came
 * from.  Everything is checked before anything is changed, so a file with
 * one bad row leaves the plan exactly as it was. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fy.h"
#include "load_internal.h"

static const char *fy_text(int fy, char *buf, size_t size)
{
	if (fy_format(fy, FY_STYLE_SHORT, buf, size) < 0)
		snprintf(buf, size, "%d", fy);
	return buf;
}

static bool is_compound(const struct indicator *ind)
{
	return ind->n_measures != 1 || !ind->measures[0].id ||
	       !ind->id || strcmp(ind->measures[0].id, ind->id) != 0;
}

/* Orders pointers to values by (ref, fy, order read), to find the same one
 * twice. */
static int cmp_value(const void *a, const void *b)
{
	const struct actual_value *p = *(const struct actual_value *const *)a;
	const struct actual_value *q = *(const struct actual_value *const *)b;
	int c = strcmp(p->ref, q->ref);
	if (c)
		return c;
	if (p->fy != q->fy)
		return p->fy < q->fy ? -1 : 1;
	return p < q ? -1 : p > q;
}

/* Whether unit counts things (件, 社, 人, 事業所, 人/年 ...): a count is
 * never negative, whereas an amount (千円: a loss) or a rate (％: a fall)
 * may be.  Unknown units are not counts: better no warning than a false
 * one. */
static bool is_count_unit(const char *unit)
{
	static const char *const counts[] = {
		"件", "社", "人", "者", "名", "事業者", "事業所", "所", "回", "品目",
		"本", "組", "部", "校", "店", "店舗", "団体", "施設", "箇所", "か所",
		"ヶ所", "カ所", "戸", "台", "棟", "点", "種", "隻", "機関", "企業",
	};
	size_t n = strlen(unit);
	static const char *const per_year[] = {"/年", "／年"};
	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(per_year[i]);
		if (n > k && strcmp(unit + n - k, per_year[i]) == 0)
			n -= k;
	}
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (strlen(counts[i]) == n && strncmp(unit, counts[i], n) == 0)
			return true;
	return false;
}

size_t actuals_check(const struct plan *p, const struct actual_value *v, size_t n,
		     struct diag_list *dl, const char *file)
{
	size_t before = dl->errors;
	char a[16], b[16], c[16];
	for (size_t i = 0; i < n; i++) {
		const struct actual_value *x = &v[i];
		const struct measure *m = plan_find_measure(p, x->ref, NULL);
		if (m && x->fy && x->known && x->value.units < 0 && m->unit &&
		    is_count_unit(m->unit)) {
			char num[48];
			decimal_format(x->value, true, num, sizeof num);
			diag_add(dl, DIAG_WARNING, file, x->line, x->column,
				 "negative value %s of '%s' for %s: a count in '%s' cannot be "
				 "below zero (a typo, or a change entered as a value?)", num,
				 x->ref, fy_text(x->fy, a, sizeof a), m->unit);
		}
		if (!m) {
			const struct indicator *ind = plan_find_indicator(p, x->ref);
			if (ind && is_compound(ind)) {
				char parts[512] = "";
				size_t len = 0;
				for (size_t k = 0; k < ind->n_measures && len < sizeof parts; k++)
					len += (size_t)snprintf(parts + len, sizeof parts - len,
								"%s'%s'", k ? ", " : "",
								ind->measures[k].id);
				diag_add(dl, DIAG_ERROR, file, x->line, x->column,
					 "value refers to compound indicator '%s': name one of "
					 "its parts (%s)", x->ref, parts);
			} else {
				diag_add(dl, DIAG_ERROR, file, x->line, x->column,
					 "value refers to '%s', which is no indicator or part "
					 "of plan '%s'", x->ref, p->id ? p->id : "?");
			}
		}
		if (x->fy && (x->fy < p->from || x->fy > p->to))
			diag_add(dl, DIAG_ERROR, file, x->line, x->column,
				 "value of '%s' for %s lies outside the plan period %s–%s",
				 x->ref, fy_text(x->fy, a, sizeof a),
				 fy_text(p->from, b, sizeof b), fy_text(p->to, c, sizeof c));
	}
	if (n > 1) {
		const struct actual_value **sorted = malloc(n * sizeof *sorted);
		if (!sorted)
			abort();
		for (size_t i = 0; i < n; i++)
			sorted[i] = &v[i];
		qsort(sorted, n, sizeof *sorted, cmp_value);
		for (size_t i = 1; i < n; i++) {
			const struct actual_value *x = sorted[i], *y = sorted[i - 1];
			if (!x->fy || x->fy != y->fy || strcmp(x->ref, y->ref) != 0)
				continue;
			diag_add(dl, DIAG_ERROR, file, x->line, x->column,
				 "second value of '%s' for %s (the first is at line %d)",
				 x->ref, fy_text(x->fy, a, sizeof a), y->line);
		}
		free(sorted);
	}
	return dl->errors - before;
}

static void insert(struct plan *p, struct measure *m, size_t at, struct actual act)
{
	struct actual *v = arena_calloc(p->arena, m->n_actuals + 1, sizeof *v);
	if (at)
		memcpy(v, m->actuals, at * sizeof *v);
	v[at] = act;
	if (m->n_actuals > at)
		memcpy(v + at + 1, m->actuals + at, (m->n_actuals - at) * sizeof *v);
	m->actuals = v;
	m->n_actuals++;
}

void actuals_apply(struct plan *p, const char *file, const struct actual_value *v,
		   size_t n, struct diag_list *dl)
{
	const char *source = arena_strdup(p->arena, file);
	char a[16];
	for (size_t i = 0; i < n; i++) {
		const struct actual_value *x = &v[i];
		struct measure *m = plan_find_measure(p, x->ref, NULL);
		if (!m || !x->fy)
			continue; /* checked before: cannot happen */
		struct actual act = {x->fy, x->known, x->value, x->illustrative, source,
				     x->line};
		if (!act.known)
			act.value = (struct decimal){0, 0};
		size_t at = 0;
		while (at < m->n_actuals && m->actuals[at].fy < x->fy)
			at++;
		if (at == m->n_actuals || m->actuals[at].fy != x->fy) {
			insert(p, m, at, act);
			continue;
		}
		struct actual *old = &m->actuals[at];
		if (!act.known && old->known)
			continue; /* "not yet known" never erases a value */
		if (old->known)
			diag_add(dl, DIAG_NOTE, file, x->line, x->column,
				 "value of '%s' for %s replaces the one from %s:%d", x->ref,
				 fy_text(x->fy, a, sizeof a), old->source ? old->source : "?",
				 old->line);
		*old = act;
	}
	bool illustrative = false;
	for (size_t i = 0; i < p->n_indicators; i++)
		for (size_t k = 0; k < p->indicators[i].n_measures; k++) {
			const struct measure *m = &p->indicators[i].measures[k];
			for (size_t j = 0; j < m->n_actuals; j++)
				illustrative |= m->actuals[j].illustrative;
		}
	p->actuals_illustrative = illustrative;
}

int actuals_merge(struct plan *p, const char *file, const struct actual_value *v,
		  size_t n, struct diag_list *dl)
{
	struct diag_list tmp;
	diag_list_init(&tmp);
	size_t errors = actuals_check(p, v, n, &tmp, file);
	load_diag_sort_move(dl, &tmp);
	if (errors)
		return -1;
	actuals_apply(p, file, v, n, dl);
	return 0;
}

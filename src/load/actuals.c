/* actuals.c - merging yearly values into a plan, whatever file they came
 * from.  Everything is checked before anything is changed, so a file with
 * one bad row leaves the plan exactly as it was. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "fy.h"
#include "load_int.h"

/* ---- finding a value's measure --------------------------------------------
 *
 * plan_find_measure() is linear, and a file holds a value per measure and
 * year: at 2,000 indicators and 30 years that was 60,000 x 2,000 string
 * comparisons, twice (check, then apply).  So a merge sorts the measures by
 * id once and looks each value up by binary search. */

struct measure_ix {
	const char *id;
	struct measure *m;
	size_t order; /* plan order: the first of equal ids wins, as in plan_find_measure */
};

static int cmp_measure_ix(const void *a, const void *b)
{
	const struct measure_ix *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* The plan's measures sorted by id (malloc'd; free it); *n is their count. */
static struct measure_ix *measure_index(const struct plan *p, size_t *n)
{
	size_t count = 0;
	for (size_t i = 0; i < p->n_indicators; i++)
		count += p->indicators[i].n_measures;
	struct measure_ix *ix = xmallocarray(count ? count : 1, sizeof *ix);
	*n = 0;
	for (size_t i = 0; i < p->n_indicators; i++)
		for (size_t k = 0; k < p->indicators[i].n_measures; k++) {
			struct measure *m = &p->indicators[i].measures[k];
			if (m->id) {
				ix[*n] = (struct measure_ix){m->id, m, *n};
				(*n)++;
			}
		}
	qsort(ix, *n, sizeof *ix, cmp_measure_ix);
	return ix;
}

/* The entry of id in ix, or NULL. */
static const struct measure_ix *index_entry(const struct measure_ix *ix, size_t n,
					    const char *id)
{
	if (!id)
		return NULL;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ix[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(ix[lo].id, id) == 0 ? &ix[lo] : NULL;
}

/* The measure with id, or NULL: the same answer as plan_find_measure(). */
static struct measure *index_find(const struct measure_ix *ix, size_t n, const char *id)
{
	const struct measure_ix *e = index_entry(ix, n, id);
	return e ? e->m : NULL;
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
	if (p->kind != q->kind)
		return p->kind < q->kind ? -1 : 1;
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

/* Whether mark may be entered under rule g: one of its statuses, or, when
 * the department sets the marks, one of its grades. */
static bool rule_has_mark(const struct grading *g, const char *mark)
{
	for (size_t i = 0; i < g->n_statuses; i++)
		if (g->statuses[i].mark && !strcmp(g->statuses[i].mark, mark))
			return true;
	if (g->method == GRADE_ENTERED)
		for (size_t i = 0; i < g->n_levels; i++)
			if (g->levels[i].mark && !strcmp(g->levels[i].mark, mark))
				return true;
	return false;
}

size_t actuals_check(const struct plan *p, const struct actual_value *v, size_t n,
		     struct diag_list *dg, const char *file)
{
	size_t before = dg->errors;
	char a[16], b[16], c[16];
	size_t n_ix;
	struct measure_ix *ix = measure_index(p, &n_ix);
	for (size_t i = 0; i < n; i++) {
		const struct actual_value *x = &v[i];
		const struct measure *m = index_find(ix, n_ix, x->ref);
		/* △1,577 says on its face that it is a decrease: no warning */
		if (m && x->fy && x->known && x->value.units < 0 && m->unit && !x->written &&
		    is_count_unit(m->unit)) {
			char num[48];
			decimal_format(x->value, true, num, sizeof num);
			diag_add(dg, DIAG_WARNING, file, x->line, x->column,
				 "negative value %s of '%s' for %s: a count in '%s' cannot be "
				 "below zero (a typo, or a change entered as a value?)", num,
				 x->ref, load_fy_text(x->fy, a, sizeof a), m->unit);
		}
		if (m && x->mark && !rule_has_mark(measure_rule(p, m), x->mark))
			diag_add(dg, DIAG_ERROR, file, x->line, x->column,
				 "mark '%s' of '%s' is not a mark of its grading rule%s",
				 x->mark, x->ref,
				 measure_rule(p, m)->method == GRADE_ENTERED
					 ? "" : " (only a <status> mark may be entered "
						"where the rule computes the mark)");
		if (!m) {
			const struct indicator *ind = plan_find_indicator(p, x->ref);
			if (ind && is_compound(ind)) {
				char parts[512] = "";
				size_t len = 0;
				for (size_t k = 0; k < ind->n_measures && len < sizeof parts; k++)
					len += (size_t)snprintf(parts + len, sizeof parts - len,
								"%s'%s'", k ? ", " : "",
								ind->measures[k].id);
				diag_add(dg, DIAG_ERROR, file, x->line, x->column,
					 "value refers to compound indicator '%s': name one of "
					 "its parts (%s)", x->ref, parts);
			} else {
				diag_add(dg, DIAG_ERROR, file, x->line, x->column,
					 "value refers to '%s', which is no indicator or part "
					 "of plan '%s'", x->ref, p->id ? p->id : "?");
			}
		}
		if (x->fy && (x->fy < p->from || x->fy > p->to))
			diag_add(dg, DIAG_ERROR, file, x->line, x->column,
				 "value of '%s' for %s lies outside the plan period %s–%s",
				 x->ref, load_fy_text(x->fy, a, sizeof a),
				 load_fy_text(p->from, b, sizeof b), load_fy_text(p->to, c, sizeof c));
	}
	free(ix);
	if (n > 1) {
		const struct actual_value **sorted = xmallocarray(n, sizeof *sorted);
		for (size_t i = 0; i < n; i++)
			sorted[i] = &v[i];
		qsort(sorted, n, sizeof *sorted, cmp_value);
		for (size_t i = 1; i < n; i++) {
			const struct actual_value *x = sorted[i], *y = sorted[i - 1];
			if (!x->fy || x->fy != y->fy || x->kind != y->kind ||
			    strcmp(x->ref, y->ref) != 0)
				continue; /* a year's final value, first half and
					     forecast are three values */
			diag_add(dg, DIAG_ERROR, file, x->line, x->column,
				 "second value of '%s' for %s (the first is at line %d)",
				 x->ref, load_fy_text(x->fy, a, sizeof a), y->line);
		}
		free(sorted);
	}
	return dg->errors - before;
}

/* Puts act at m->actuals[at]; the array has room (see make_room). */
static void insert(struct measure *m, size_t at, struct actual act)
{
	struct actual *v = m->actuals;
	if (m->n_actuals > at)
		memmove(v + at + 1, v + at, (m->n_actuals - at) * sizeof *v);
	v[at] = act;
	m->n_actuals++;
}

/* An array make_room() made while plan_load() reads a plan's files, and
 * its room (load_int.h): valid while the measure still has that array
 * and the count apply left. */
struct load_grown {
	const struct measure *m;
	const struct actual *array;
	size_t count, room;
};

void load_growth_init(struct load_growth *g, const struct plan *p)
{
	*g = (struct load_growth){.plan = p};
}

void load_growth_release(struct load_growth *g)
{
	free(g->actuals);
	*g = (struct load_growth){0};
}

/* Gives every measure that the values v name room for as many more values
 * as v has for it (more[k] for ix[k]). */
static void make_room(struct plan *p, struct measure_ix *ix, size_t n_ix,
		      const struct actual_value *v, size_t n, size_t *more,
		      struct load_growth *growth)
{
	for (size_t i = 0; i < n; i++) {
		const struct measure_ix *e = index_entry(ix, n_ix, v[i].ref);
		if (e && v[i].fy)
			more[e - ix]++;
	}
	bool track = growth && growth->plan == p;
	if (track && growth->n_actuals != n_ix) {
		free(growth->actuals);
		growth->actuals = xcalloc(n_ix ? n_ix : 1, sizeof *growth->actuals);
		growth->n_actuals = n_ix;
	}
	for (size_t k = 0; k < n_ix; k++) {
		struct measure *m = ix[k].m;
		if (!more[k])
			continue;
		struct load_grown *g = track ? &growth->actuals[ix[k].order] : NULL;
		size_t room = g && g->m == m && g->array == m->actuals &&
					      g->count == m->n_actuals
				      ? g->room
				      : m->n_actuals;
		size_t need = m->n_actuals + more[k];
		if (need > room) {
			room = track ? (2 * need > 4 ? 2 * need : 4) : need;
			struct actual *a = arena_calloc(p->arena, room, sizeof *a);
			if (m->n_actuals)
				memcpy(a, m->actuals, m->n_actuals * sizeof *a);
			m->actuals = a;
		}
		if (g)
			*g = (struct load_grown){m, m->actuals, m->n_actuals, room};
	}
}

/* The note of a value (issue 16): replaces one of the same year, as the
 * value does. */
static void add_note(struct plan *p, struct measure *m, const struct actual_value *x)
{
	struct actual_note n = {
		.fy = x->fy,
		.written = x->written ? arena_strdup(p->arena, x->written) : NULL,
		.mark = x->mark ? arena_strdup(p->arena, x->mark) : NULL,
		.reason = x->reason ? arena_strdup(p->arena, x->reason) : NULL,
		.done = x->done,
	};
	for (size_t i = 0; i < m->n_notes; i++)
		if (m->notes[i].fy == x->fy) {
			m->notes[i] = n;
			return;
		}
	struct actual_note *v = arena_calloc(p->arena, m->n_notes + 1, sizeof *v);
	if (m->n_notes)
		memcpy(v, m->notes, m->n_notes * sizeof *v);
	v[m->n_notes++] = n;
	m->notes = v;
}

/* A first-half value or a forecast (issue 17): kept apart from the year's
 * actual, replacing one of the same year and kind. */
static void add_provisional(struct plan *p, struct measure *m, const struct actual_value *x,
			    const char *source)
{
	struct provisional pv = {
		.fy = x->fy,
		.kind = x->kind,
		.value = x->value,
		.as_of = x->as_of ? arena_strdup(p->arena, x->as_of) : NULL,
		.illustrative = x->illustrative,
		.source = source,
		.line = x->line,
	};
	for (size_t i = 0; i < m->n_provisionals; i++)
		if (m->provisionals[i].fy == x->fy && m->provisionals[i].kind == x->kind) {
			m->provisionals[i] = pv;
			return;
		}
	struct provisional *v = arena_calloc(p->arena, m->n_provisionals + 1, sizeof *v);
	if (m->n_provisionals)
		memcpy(v, m->provisionals, m->n_provisionals * sizeof *v);
	v[m->n_provisionals++] = pv;
	m->provisionals = v;
}

void actuals_apply(struct plan *p, const char *file, const struct actual_value *v,
		   size_t n, struct diag_list *dg, struct load_growth *growth)
{
	const char *source = arena_strdup(p->arena, file);
	char a[16];
	size_t n_ix;
	struct measure_ix *ix = measure_index(p, &n_ix);
	size_t *more = xcalloc(n_ix ? n_ix : 1, sizeof *more);
	make_room(p, ix, n_ix, v, n, more, growth);
	for (size_t i = 0; i < n; i++) {
		const struct actual_value *x = &v[i];
		struct measure *m = index_find(ix, n_ix, x->ref);
		if (!m || !x->fy)
			continue; /* checked before: cannot happen */
		if (x->written && !m->neg_sign)
			m->neg_sign = !strncmp(x->written, "▲", strlen("▲")) ? "▲" : "△";
		if (x->kind != ACTUAL_FINAL) {
			if (x->known)
				add_provisional(p, m, x, source);
			continue;
		}
		struct actual act = {.fy = x->fy, .known = x->known, .value = x->value,
				     .illustrative = x->illustrative, .source = source,
				     .line = x->line};
		if (x->written || x->mark || x->reason || x->done)
			add_note(p, m, x);
		if (!act.known)
			act.value = (struct decimal){0, 0};
		size_t at = 0;
		while (at < m->n_actuals && m->actuals[at].fy < x->fy)
			at++;
		if (at == m->n_actuals || m->actuals[at].fy != x->fy) {
			insert(m, at, act);
			continue;
		}
		struct actual *old = &m->actuals[at];
		if (!act.known && old->known)
			continue; /* "not yet known" never erases a value */
		if (old->known)
			diag_add(dg, DIAG_NOTE, file, x->line, x->column,
				 "value of '%s' for %s replaces the one from %s:%d", x->ref,
				 load_fy_text(x->fy, a, sizeof a), old->source ? old->source : "?",
				 old->line);
		*old = act;
	}
	if (growth && growth->plan == p)
		for (size_t k = 0; k < n_ix; k++)
			if (more[k])
				growth->actuals[ix[k].order].count = ix[k].m->n_actuals;
	free(more);
	free(ix);
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
		  size_t n, struct diag_list *dg)
{
	struct diag_list tmp;
	diag_list_init(&tmp);
	size_t errors = actuals_check(p, v, n, &tmp, file);
	load_diag_sort_move(dg, &tmp);
	if (errors)
		return -1;
	actuals_apply(p, file, v, n, dg, NULL);
	return 0;
}

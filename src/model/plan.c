/* plan.c - the plan model's own functions: freeing and look-ups.
 *
 * Look-ups are linear: a plan has a few dozen indicators, and callers look
 * up by id when resolving user input, not in inner loops. */
#include "plan.h"
#include "typo.h"

#include <string.h>

#include "arena.h"

void plan_free(struct plan *p)
{
	if (!p)
		return;
	/* the plan itself lives in its arena too */
	arena_free(p->arena);
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

struct indicator *plan_find_indicator(const struct plan *p, const char *id)
{
	for (size_t i = 0; i < p->n_indicators; i++)
		if (same(p->indicators[i].id, id))
			return &p->indicators[i];
	return NULL;
}

struct pillar *plan_find_pillar(const struct plan *p, const char *id)
{
	for (size_t i = 0; i < p->n_pillars; i++)
		if (same(p->pillars[i].id, id))
			return &p->pillars[i];
	return NULL;
}

struct project *plan_find_project(const struct plan *p, const char *id)
{
	for (size_t i = 0; i < p->n_projects; i++)
		if (same(p->projects[i].id, id))
			return &p->projects[i];
	return NULL;
}

/* A simple indicator's measure carries the indicator's id, a part its own:
 * so one comparison per measure finds both, and a compound indicator's own
 * id finds nothing. */
struct measure *plan_find_measure(const struct plan *p, const char *id,
				  struct indicator **owner)
{
	for (size_t i = 0; i < p->n_indicators; i++) {
		struct indicator *ind = &p->indicators[i];
		for (size_t k = 0; k < ind->n_measures; k++)
			if (same(ind->measures[k].id, id)) {
				if (owner)
					*owner = ind;
				return &ind->measures[k];
			}
	}
	if (owner)
		*owner = NULL;
	return NULL;
}

const struct actual *measure_actual(const struct measure *m, int fy)
{
	size_t lo = 0, hi = m->n_actuals;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->actuals[mid].fy < fy)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n_actuals && m->actuals[lo].fy == fy ? &m->actuals[lo] : NULL;
}

const char *goal_name(enum goal g)
{
	switch (g) {
	case GOAL_HIGHER: return "higher";
	case GOAL_LOWER: return "lower";
	case GOAL_MAINTAIN: return "maintain";
	}
	return "?";
}

const char *target_kind_name(enum target_kind k)
{
	switch (k) {
	case TARGET_LEVEL: return "level";
	case TARGET_CUMULATIVE: return "cumulative";
	case TARGET_RATE: return "rate";
	case TARGET_AT_LEAST: return "at-least";
	}
	return "?";
}

const struct grading *measure_rule(const struct plan *p, const struct measure *m)
{
	return m && m->rule ? m->rule : &p->grading;
}

const char *plan_word(const struct plan *p, enum plan_level lv, const char *dflt)
{
	return lv >= 0 && lv < LEVEL_COUNT && p->words.level[lv] ? p->words.level[lv] : dflt;
}

const struct provisional *measure_provisional(const struct measure *m, int fy,
					      enum actual_kind kind)
{
	for (size_t i = 0; m && i < m->n_provisionals; i++)
		if (m->provisionals[i].fy == fy && m->provisionals[i].kind == kind)
			return &m->provisionals[i];
	return NULL;
}

const struct actual_note *measure_note(const struct measure *m, int fy)
{
	for (size_t i = 0; m && i < m->n_notes; i++)
		if (m->notes[i].fy == fy)
			return &m->notes[i];
	return NULL;
}

enum grade_when grade_when_of(const struct grading *g, size_t i)
{
	return g->cases && i < g->n_levels ? g->cases[i].when : WHEN_MIN;
}

const struct typo *plan_typo(const struct plan *p)
{
	return p && p->typo ? p->typo : &typo_public;
}

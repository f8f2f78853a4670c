/* fuzz_base.h - a loaded plan that the actuals harnesses merge into, put
 * back as it was after every input.
 *
 * Loading a plan costs far more than reading a CSV, so the base plans are
 * loaded once.  A successful merge changes only each measure's actuals (in
 * place, or by a new array from the arena), p->actuals_illustrative and
 * p->actuals_note; a PDCA file, p->pdca and p->n_pdca (a new array):
 * fuzz_base_restore() copies the saved values back.  The
 * arena keeps what the merges allocated, so the plan is reloaded when it has
 * grown by more than FUZZ_BASE_GROWTH bytes. */
#ifndef SHIRYO_FUZZ_BASE_H
#define SHIRYO_FUZZ_BASE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "load.h"
#include "plan.h"
#include "fuzz_util.h"

#define FUZZ_BASE_GROWTH ((size_t)32 << 20)

struct fuzz_saved_measure {
	struct measure *m;
	struct actual *actuals; /* the arena array the plan had */
	size_t n_actuals;
	struct actual *copy;    /* its contents (malloc) */
};

struct fuzz_base {
	char path[1024];
	struct plan *p;
	size_t arena_used;
	struct fuzz_saved_measure *saved;
	size_t n_saved;
	bool illustrative;
	const char *note;
	struct pdca_record *pdca; /* pdca_load() replaces the array */
	size_t n_pdca;
};

static inline void fuzz_base_release(struct fuzz_base *b)
{
	for (size_t i = 0; i < b->n_saved; i++)
		free(b->saved[i].copy);
	free(b->saved);
	b->saved = NULL;
	b->n_saved = 0;
	plan_free(b->p);
	b->p = NULL;
}

/* Loads (or reloads) the plan at b->path and records its actuals. */
static inline void fuzz_base_load(struct fuzz_base *b)
{
	struct diag_list dg;
	diag_list_init(&dg);
	fuzz_base_release(b);
	b->p = plan_load(b->path, &dg);
	if (!b->p) {
		diag_print(&dg, stderr);
		fprintf(stderr, "fuzz: cannot load the base plan %s\n", b->path);
		abort();
	}
	diag_list_release(&dg);
	struct plan *p = b->p;
	size_t n = 0;
	for (size_t i = 0; i < p->n_indicators; i++)
		n += p->indicators[i].n_measures;
	b->saved = calloc(n ? n : 1, sizeof *b->saved);
	if (!b->saved)
		abort();
	for (size_t i = 0; i < p->n_indicators; i++)
		for (size_t k = 0; k < p->indicators[i].n_measures; k++) {
			struct measure *m = &p->indicators[i].measures[k];
			struct fuzz_saved_measure *s = &b->saved[b->n_saved++];
			s->m = m;
			s->actuals = m->actuals;
			s->n_actuals = m->n_actuals;
			s->copy = malloc((m->n_actuals ? m->n_actuals : 1) * sizeof *s->copy);
			if (!s->copy)
				abort();
			if (m->n_actuals)
				memcpy(s->copy, m->actuals, m->n_actuals * sizeof *s->copy);
		}
	b->illustrative = p->actuals_illustrative;
	b->note = p->actuals_note;
	b->pdca = p->pdca;
	b->n_pdca = p->n_pdca;
	b->arena_used = arena_used(p->arena);
}

static inline void fuzz_base_init(struct fuzz_base *b, const char *rel_path)
{
	memset(b, 0, sizeof *b);
	if (rel_path[0] == '/')
		snprintf(b->path, sizeof b->path, "%s", rel_path);
	else
		snprintf(b->path, sizeof b->path, "%s/%s", fuzz_top(), rel_path);
	fuzz_base_load(b);
}

static inline void fuzz_base_restore(struct fuzz_base *b)
{
	if (arena_used(b->p->arena) - b->arena_used > FUZZ_BASE_GROWTH) {
		fuzz_base_load(b);
		return;
	}
	for (size_t i = 0; i < b->n_saved; i++) {
		struct fuzz_saved_measure *s = &b->saved[i];
		if (s->n_actuals)
			memcpy(s->actuals, s->copy, s->n_actuals * sizeof *s->copy);
		s->m->actuals = s->actuals;
		s->m->n_actuals = s->n_actuals;
	}
	b->p->actuals_illustrative = b->illustrative;
	b->p->actuals_note = b->note;
	b->p->pdca = b->pdca;
	b->p->n_pdca = b->n_pdca;
}

/* Every measure's actuals are sorted by year, one per year, inside the
 * plan: what the merge promises. */
static inline void fuzz_base_check(const struct plan *p)
{
	for (size_t i = 0; i < p->n_indicators; i++)
		for (size_t k = 0; k < p->indicators[i].n_measures; k++) {
			const struct measure *m = &p->indicators[i].measures[k];
			for (size_t j = 0; j < m->n_actuals; j++) {
				FUZZ_ASSERT(m->actuals[j].fy >= p->from &&
					    m->actuals[j].fy <= p->to);
				if (j)
					FUZZ_ASSERT(m->actuals[j - 1].fy < m->actuals[j].fy);
			}
		}
}

/* Nothing was merged: the promise of a failed read. */
static inline void fuzz_base_check_unchanged(const struct fuzz_base *b)
{
	for (size_t i = 0; i < b->n_saved; i++) {
		const struct fuzz_saved_measure *s = &b->saved[i];
		FUZZ_ASSERT(s->m->actuals == s->actuals);
		FUZZ_ASSERT(s->m->n_actuals == s->n_actuals);
		FUZZ_ASSERT(s->n_actuals == 0 ||
			    memcmp(s->actuals, s->copy, s->n_actuals * sizeof *s->copy) == 0);
	}
	FUZZ_ASSERT(b->p->actuals_illustrative == b->illustrative);
	FUZZ_ASSERT(b->p->actuals_note == b->note);
	FUZZ_ASSERT(b->p->pdca == b->pdca && b->p->n_pdca == b->n_pdca);
}

#endif

/* test_load_reentrant.c - loading keeps no state outside the load: plans
 * loaded one after another, alternately, or from several threads at once
 * come out the same as each loaded alone.
 *
 * A plan's load reads its actuals and PDCA files into arrays that grow in
 * place (load_int.h); the room of those arrays was a static shared by
 * actuals.c and pdca_load.c, begun and ended around each plan_load(), so
 * that two loads at once freed and resized each other's.  The models are
 * compared as text: every value of every measure with its year, note,
 * source file and line, and every PDCA record with its meeting, items and
 * evaluation.  Run from the top directory (it reads xml/).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cu_main.h"
#include "diag.h"
#include "load.h"
#include "pdca.h"
#include "plan.h"

static const char *const plan_files[] = {"xml/kagoshima-city-plan2.xml",
					 "xml/kagoshima-pref-manufacturing.xml"};
#define N_PLANS (sizeof plan_files / sizeof *plan_files)

static void list_text(FILE *f, const char *what, const struct pdca_list *l)
{
	fprintf(f, "  %s %zu\n", what, l->n_items);
	for (size_t i = 0; i < l->n_items; i++)
		fprintf(f, "   %d %s (%zu figures)\n", l->items[i].line, l->items[i].text,
			l->items[i].n_figures);
}

/* The model as text: what the loads fill in, field by field.  malloc'd. */
static char *model_text(const struct plan *p)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	if (!f)
		abort();
	fprintf(f, "plan %s %s: %zu indicators, %zu pillars, %zu projects, %zu records%s\n",
		p->id, p->title, p->n_indicators, p->n_pillars, p->n_projects, p->n_pdca,
		p->actuals_illustrative ? ", illustrative" : "");
	for (size_t i = 0; i < p->n_indicators; i++)
		for (size_t k = 0; k < p->indicators[i].n_measures; k++) {
			const struct measure *m = &p->indicators[i].measures[k];
			fprintf(f, "measure %s/%s: %zu values, %zu notes\n", p->indicators[i].id,
				m->id ? m->id : "", m->n_actuals, m->n_notes);
			for (size_t j = 0; j < m->n_actuals; j++) {
				const struct actual *a = &m->actuals[j];
				fprintf(f, " %d %s %lld/10^%d%s %s:%d\n", a->fy,
					a->known ? "known" : "unknown", (long long)a->value.units,
					a->value.scale, a->illustrative ? " illustrative" : "",
					a->source ? a->source : "-", a->line);
			}
			for (size_t j = 0; j < m->n_provisionals; j++) {
				const struct provisional *v = &m->provisionals[j];
				fprintf(f, " provisional %d %d %lld/10^%d %s %s:%d\n", v->fy,
					(int)v->kind, (long long)v->value.units, v->value.scale,
					v->as_of ? v->as_of : "-", v->source ? v->source : "-",
					v->line);
			}
			for (size_t j = 0; j < m->n_notes; j++)
				fprintf(f, " note %d %s %s %s%s\n", m->notes[j].fy,
					m->notes[j].written ? m->notes[j].written : "-",
					m->notes[j].mark ? m->notes[j].mark : "-",
					m->notes[j].reason ? m->notes[j].reason : "-",
					m->notes[j].done ? " done" : "");
		}
	for (size_t i = 0; i < p->n_pdca; i++) {
		const struct pdca_record *r = &p->pdca[i];
		fprintf(f, "record %d %d %s (%s:%d) %s %s%s\n", r->fy, (int)r->meeting, r->target,
			r->pos.file, r->pos.line, r->session->date,
			r->session->name ? r->session->name : "-",
			r->session->eval ? " with evaluation" : "");
		list_text(f, "plan", &r->plan);
		list_text(f, "done", &r->done);
		fprintf(f, "  check %s\n", r->check ? r->check : "-");
		list_text(f, "action", &r->action);
		list_text(f, "next", &r->next);
		list_text(f, "discussion", &r->discussion);
	}
	fclose(f);
	return buf;
}

/* The model of plan file i loaded alone, as text; exits when it does not
 * load. */
static char *loaded_alone(size_t i)
{
	struct diag_list dg = DIAG_LIST_INIT;
	struct plan *p = plan_load(plan_files[i], &dg);
	if (!p || dg.errors) {
		diag_print(&dg, stderr);
		exit(2);
	}
	char *t = model_text(p);
	plan_free(p);
	diag_list_release(&dg);
	return t;
}

static char *reference[N_PLANS];

static void free_reference(void)
{
	for (size_t i = 0; i < N_PLANS; i++)
		free(reference[i]);
}

/* The models of both plans, each loaded alone (the first load also sets
 * libxml2 up, which its threads need done once beforehand). */
static void setup(void)
{
	if (reference[0])
		return;
	for (size_t i = 0; i < N_PLANS; i++)
		reference[i] = loaded_alone(i);
	atexit(free_reference);
}

/* Loads alternate between the plans, and a plan is kept loaded while the
 * other loads: each is the same as loaded alone. */
static void alternate_loads_give_the_same_models(void)
{
	setup();
	struct plan *kept[N_PLANS] = {NULL};
	struct diag_list dg = DIAG_LIST_INIT;
	for (size_t round = 0; round < 2; round++)
		for (size_t i = 0; i < N_PLANS; i++) {
			plan_free(kept[i]);
			kept[i] = plan_load(plan_files[i], &dg);
			CU_ASSERT_PTR_NOT_NULL_FATAL(kept[i]);
		}
	CU_ASSERT_EQUAL(dg.errors, 0);
	for (size_t i = 0; i < N_PLANS; i++) {
		char *t = model_text(kept[i]);
		CU_ASSERT_STRING_EQUAL(t, reference[i]);
		free(t);
		plan_free(kept[i]);
	}
	diag_list_release(&dg);
	/* the models hold what the test compares: values and records */
	CU_ASSERT_PTR_NOT_NULL(strstr(reference[0], " known "));
	CU_ASSERT_PTR_NOT_NULL(strstr(reference[0], "record "));
}

#define N_THREADS 4
#define ROUNDS 10

struct worker {
	size_t first; /* the plan it starts with */
	size_t loads, failed, differ;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	for (size_t r = 0; r < ROUNDS * N_PLANS; r++) {
		size_t i = (w->first + r) % N_PLANS;
		struct diag_list dg = DIAG_LIST_INIT;
		struct plan *p = plan_load(plan_files[i], &dg);
		w->loads++;
		if (!p || dg.errors) {
			w->failed++;
		} else {
			char *t = model_text(p);
			w->differ += strcmp(t, reference[i]) != 0;
			free(t);
		}
		plan_free(p);
		diag_list_release(&dg);
	}
	return NULL;
}

/* Threads load both plans at once, over and over: every model is the one
 * loaded alone. */
static void threads_give_the_same_models(void)
{
	setup();
	pthread_t t[N_THREADS];
	struct worker w[N_THREADS];
	for (size_t i = 0; i < N_THREADS; i++) {
		w[i] = (struct worker){.first = i % N_PLANS};
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (size_t i = 0; i < N_THREADS; i++)
		pthread_join(t[i], NULL);
	for (size_t i = 0; i < N_THREADS; i++) {
		CU_ASSERT_EQUAL(w[i].loads, ROUNDS * N_PLANS);
		CU_ASSERT_EQUAL(w[i].failed, 0);
		CU_ASSERT_EQUAL(w[i].differ, 0);
	}
}

static const struct cu_case cases[] = {
	{"alternate loads give the models of each loaded alone",
	 alternate_loads_give_the_same_models},
	{"threads loading at once give the models of each loaded alone",
	 threads_give_the_same_models},
	{NULL, NULL},
};

CU_MAIN("load_reentrant", cases)

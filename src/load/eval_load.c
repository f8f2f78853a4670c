/* eval_load.c - the <evaluation> of a council's PDCA file (record.h).
 *
 * pdca_load() reads the file twice over here: once into its scratch arena
 * with every problem recorded (references to the plan, numbers, choices,
 * opinions answered), and, once the whole file has passed, again into the
 * plan's arena without recording anything.  Reading twice keeps the copy
 * step out: an evaluation is a handful of elements, and this way the
 * checked reading and the kept one cannot drift apart.
 */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fy.h"
#include "load_int.h"
#include "typo.h"
#include "xnode.h"
#include "pdca.h"

struct ereader {
	struct xdoc *x;
	const struct plan *p;
	struct arena *a;
	bool report;
	int fy;
	bool fy_ok;
	const char *file; /* x->path, in a */
};

/* ERR (xnode.h) when this reading reports problems. */
#define EERR(r, node, attr, ...)                          \
	do {                                              \
		if ((r)->report)                          \
			ERR(r, node, attr, __VA_ARGS__);  \
	} while (0)

/* The text of an element, NULL when empty (not given): the record's prose
 * in the plan's typographic profile, as the plan's own (typo_text). */
static const char *text(struct ereader *r, xmlNodePtr n)
{
	return typo_text(plan_typo(r->p), xnode_text_or_null(r->a, n), r->a);
}

static struct src_pos pos_of(struct ereader *r, xmlNodePtr n)
{
	struct src_pos pos = {r->file, 0, 0};
	xdoc_node_pos(r->x, n, &pos.line, &pos.column);
	return pos;
}

/* A number as written in attribute or element `what` of n; false (and an
 * error) when it is none. */
static bool number(struct ereader *r, xmlNodePtr n, const char *attr_name, const char *s,
		   const char *what, struct decimal *out)
{
	enum decimal_status st = decimal_parse(s, out);
	if (st == DECIMAL_OK)
		return true;
	char why[256];
	EERR(r, n, attr_name, "invalid %s '%s': %s", what, s,
	     load_number_problem(s, st, why, sizeof why));
	return false;
}

static const struct direction *find_direction(const struct plan *p, const char *id,
					      const struct pillar **pl)
{
	for (size_t i = 0; i < p->n_pillars; i++)
		for (size_t k = 0; k < p->pillars[i].n_directions; k++) {
			const struct direction *d = &p->pillars[i].directions[k];
			if (d->id && !strcmp(d->id, id)) {
				*pl = &p->pillars[i];
				return d;
			}
		}
	return NULL;
}

/* The opinion with this id of an evaluation already loaded, or NULL. */
static const struct eval_opinion *loaded_opinion(const struct plan *p, const char *id)
{
	const struct pdca_session *last = NULL;
	for (size_t i = 0; i < p->n_pdca; i++) {
		const struct pdca_session *s = p->pdca[i].session;
		if (s == last || !s->eval)
			continue;
		last = s;
		for (size_t k = 0; k < s->eval->n_opinions; k++)
			if (!strcmp(s->eval->opinions[k].id, id))
				return &s->eval->opinions[k];
	}
	return NULL;
}

static void read_assessment(struct ereader *r, xmlNodePtr n, struct eval_assessment *as,
			    const struct eval_assessment *done, size_t n_done)
{
	const struct plan *p = r->p;
	as->pos = pos_of(r, n);
	as->dept = xnode_attr(r->a, n, "dept");
	as->factors = text(r, xnode_child(n, "factors"));
	as->issues = text(r, xnode_child(n, "issues"));
	xmlNodePtr dir = xnode_child(n, "direction");
	as->choice = xnode_attr(r->a, dir, "choice");
	as->direction = text(r, dir);
	as->lag = text(r, xnode_child(n, "lag"));
	const char *ref = xnode_attr(r->a, n, "ref");
	if (ref) {
		as->indicator = plan_find_indicator(p, ref);
		if (!as->indicator)
			EERR(r, n, "ref", "assessment of '%s', which is no indicator of plan '%s'",
			     ref, p->id ? p->id : "?");
		for (size_t i = 0; as->indicator && i < n_done; i++)
			if (done[i].indicator == as->indicator)
				EERR(r, n, "ref", "second assessment of indicator '%s' (the first "
				     "is at line %d)", ref, done[i].pos.line);
	}
	if (!as->choice)
		return;
	if (!p->n_review_choices) {
		EERR(r, dir, "choice", "今後の方向性 '%s' is chosen, but plan '%s' declares "
		     "no <review-choices> to choose from", as->choice, p->id ? p->id : "?");
		return;
	}
	for (size_t i = 0; i < p->n_review_choices; i++)
		if (!strcmp(p->review_choices[i], as->choice))
			return;
	char *list = arena_strdup(r->a, "");
	for (size_t i = 0; i < p->n_review_choices; i++)
		list = arena_printf(r->a, "%s%s%s", list, i ? ", " : "", p->review_choices[i]);
	EERR(r, dir, "choice", "今後の方向性 '%s' is not one of the plan's choices (%s)",
	     as->choice, list);
}

static void read_activity(struct ereader *r, xmlNodePtr n, struct eval_activity *ac)
{
	ac->pos = pos_of(r, n);
	ac->name = xnode_attr(r->a, n, "name");
	ac->unit = xnode_attr(r->a, n, "unit");
	ac->target_text = xnode_attr(r->a, n, "target");
	ac->actual_text = xnode_attr(r->a, n, "actual");
	if (ac->target_text)
		ac->has_target = number(r, n, "target", ac->target_text,
					"target of activity indicator", &ac->target);
	if (ac->actual_text)
		ac->has_actual = number(r, n, "actual", ac->actual_text,
					"actual of activity indicator", &ac->actual);
}

static void read_programme(struct ereader *r, xmlNodePtr n, struct eval_programme *pg,
			   const struct eval_programme *done, size_t n_done)
{
	const struct plan *p = r->p;
	pg->pos = pos_of(r, n);
	pg->id = xnode_attr(r->a, n, "id");
	pg->dept = xnode_attr(r->a, n, "dept");
	pg->name = text(r, xnode_child(n, "name"));
	for (size_t i = 0; pg->id && i < n_done; i++)
		if (done[i].id && !strcmp(done[i].id, pg->id))
			EERR(r, n, "id", "second programme '%s' in this file (the first is at "
			     "line %d)", pg->id, done[i].pos.line);
	const char *dir = xnode_attr(r->a, n, "direction");
	if (dir) {
		pg->direction = find_direction(p, dir, &pg->pillar);
		if (!pg->direction)
			EERR(r, n, "direction", "programme '%s' is under '%s', which is no "
			     "direction (取組方針) of plan '%s'", pg->id ? pg->id : "?", dir,
			     p->id ? p->id : "?");
	}
	xmlNodePtr b = xnode_child(n, "budget"), s = xnode_child(n, "settlement");
	pg->budget_text = text(r, b);
	if (pg->budget_text)
		number(r, b, NULL, pg->budget_text, "budget (予算額, 千円)", &pg->budget);
	pg->settlement_text = text(r, s);
	if (pg->settlement_text)
		pg->has_settlement = number(r, s, NULL, pg->settlement_text,
					    "settlement (決算額, 千円)", &pg->settlement);
	size_t no = xnode_count(n, "outcome"), na = xnode_count(n, "activity");
	pg->outcomes = arena_calloc(r->a, no ? no : 1, sizeof *pg->outcomes);
	pg->activities = arena_calloc(r->a, na ? na : 1, sizeof *pg->activities);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (xnode_is(c, "outcome")) {
			const char *ref = xnode_attr(r->a, c, "ref");
			const struct indicator *ind = ref ? plan_find_indicator(p, ref) : NULL;
			if (ref && !ind)
				EERR(r, c, "ref", "programme '%s' serves '%s', which is no "
				     "indicator of plan '%s'", pg->id ? pg->id : "?", ref,
				     p->id ? p->id : "?");
			if (ind)
				pg->outcomes[pg->n_outcomes++] = ind;
		} else if (xnode_is(c, "activity")) {
			read_activity(r, c, &pg->activities[pg->n_activities++]);
		}
	}
}

static void read_opinions(struct ereader *r, xmlNodePtr ev, struct eval_record *e)
{
	size_t n = xnode_count(ev, "opinion");
	e->opinions = arena_calloc(r->a, n ? n : 1, sizeof *e->opinions);
	for (xmlNodePtr c = ev->children; c; c = c->next) {
		if (!xnode_is(c, "opinion"))
			continue;
		struct eval_opinion *op = &e->opinions[e->n_opinions];
		op->pos = pos_of(r, c);
		op->id = xnode_attr(r->a, c, "id");
		op->member = xnode_attr(r->a, c, "member");
		op->text = text(r, c);
		op->fy = r->fy;
		if (!op->id)
			continue; /* the schema says */
		bool twice = false;
		for (size_t k = 0; k < e->n_opinions && !twice; k++)
			if (!strcmp(e->opinions[k].id, op->id)) {
				EERR(r, c, "id", "second opinion '%s' in this file (the first is at "
				     "line %d)", op->id, e->opinions[k].pos.line);
				twice = true;
			}
		const struct eval_opinion *old = loaded_opinion(r->p, op->id);
		if (old && r->report)
			EERR(r, c, "id", "opinion '%s' is already loaded from %s:%d:%d", op->id,
			     old->pos.file, old->pos.line, old->pos.column);
		e->n_opinions++;
	}
}

static void read_responses(struct ereader *r, xmlNodePtr ev, struct eval_record *e)
{
	size_t n = xnode_count(ev, "response");
	e->responses = arena_calloc(r->a, n ? n : 1, sizeof *e->responses);
	for (xmlNodePtr c = ev->children; c; c = c->next) {
		if (!xnode_is(c, "response"))
			continue;
		struct eval_response *rs = &e->responses[e->n_responses];
		rs->pos = pos_of(r, c);
		rs->dept = xnode_attr(r->a, c, "dept");
		rs->text = text(r, c);
		const char *to = xnode_attr(r->a, c, "to");
		if (!to)
			continue;
		rs->opinion = loaded_opinion(r->p, to);
		if (!rs->opinion) {
			EERR(r, c, "to", "response to '%s', which is no opinion of an earlier "
			     "council of plan '%s' (their files come first in the plan)", to,
			     r->p->id ? r->p->id : "?");
			continue;
		}
		if (r->fy_ok && rs->opinion->fy >= r->fy)
			EERR(r, c, "to", "response to opinion '%s' of the same or a later year",
			     to);
		for (size_t k = 0; k < e->n_responses; k++)
			if (e->responses[k].opinion == rs->opinion)
				EERR(r, c, "to", "second response to opinion '%s' (the first is at "
				     "line %d)", to, e->responses[k].pos.line);
		e->n_responses++;
	}
}

static const char **texts(struct ereader *r, xmlNodePtr parent, const char *name, size_t *n)
{
	*n = xnode_count(parent, name);
	const char **v = arena_calloc(r->a, *n ? *n : 1, sizeof *v);
	size_t i = 0;
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (xnode_is(c, name))
			v[i++] = text(r, c);
	return v;
}

struct eval_record *eval_read(struct xdoc *x, const struct plan *p, xmlNodePtr ev, int fy,
			      bool fy_ok, bool council, bool illustrative, struct arena *a,
			      bool report)
{
	struct ereader r = {.x = x, .p = p, .a = a, .report = report, .fy = fy, .fy_ok = fy_ok,
			    .file = arena_strdup(a, x->path)};
	if (!council)
		EERR(&r, ev, NULL, "<evaluation> belongs in the council's file (meeting=\"council\"): "
		     "the evaluation record is the council's");
	struct eval_record *e = arena_calloc(a, 1, sizeof *e);
	e->fy = fy;
	e->illustrative = illustrative;
	e->file = r.file;
	e->pos = pos_of(&r, ev);
	size_t n = xnode_count(ev, "assessment");
	e->assessments = arena_calloc(a, n ? n : 1, sizeof *e->assessments);
	n = xnode_count(ev, "programme");
	e->programmes = arena_calloc(a, n ? n : 1, sizeof *e->programmes);
	for (xmlNodePtr c = ev->children; c; c = c->next) {
		if (xnode_is(c, "assessment")) {
			read_assessment(&r, c, &e->assessments[e->n_assessments], e->assessments,
					e->n_assessments);
			e->n_assessments++;
		} else if (xnode_is(c, "programme")) {
			read_programme(&r, c, &e->programmes[e->n_programmes], e->programmes,
				       e->n_programmes);
			e->n_programmes++;
		}
	}
	/* the responses first: an opinion of this file is no earlier one */
	read_responses(&r, ev, e);
	read_opinions(&r, ev, e);
	xmlNodePtr ov = xnode_child(ev, "overall");
	e->achievements = texts(&r, ov, "achievement", &e->n_achievements);
	e->problems = texts(&r, ov, "problem", &e->n_problems);
	return e;
}

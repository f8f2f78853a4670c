/* pdca_load.c - <pdca> files: the PDCA records of one meeting, read, checked
 * against the plan, then merged (pdca.h).
 *
 * As with actuals (actuals_xml.c), everything is read into a scratch arena
 * first, and only a file without errors reaches the plan: its records are
 * then copied into the plan's arena and the plan's array rebuilt, sorted.
 * So a failed load leaves the plan as it was, and the plan's arena does not
 * keep the remains of a bad file.
 *
 * Problems of the file itself (XML, schema, year, date) and of its records
 * against the plan (unknown targets, doubles) all go through the xdoc, so
 * that a check can stand in for the schema's vaguer words on the same
 * attribute and everything comes out sorted by position.
 */
#include "pdca.h"
#include "record.h"
#include "schema_blob.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fy.h"
#include "load_int.h"
#include "typo.h"
#include "xnode.h"


struct reader {
	struct xdoc *x;
	const struct plan *p;
	struct arena *a; /* scratch, freed when the load ends */
	struct pdca_session s;
	bool fy_ok;      /* s.fy was read */
	bool meeting_ok; /* s.meeting was read */
	struct pdca_record *recs;
	xmlNodePtr *nodes; /* the <record> of each of recs */
	size_t n;
	struct target_ix *targets; /* the plan's pillars and projects by id */
	size_t n_targets;
};

/* A record names its pillar or project by id; plan_find_pillar() and
 * plan_find_project() are linear, and a plan at scale has hundreds of each
 * and a record for every one in every file.  So each load sorts the ids once
 * (pillars before projects, as read_record() prefers them). */
struct target_ix {
	const char *id;
	struct pillar *pillar;
	struct project *project;
	size_t order;
};


/* ---- the tree ------------------------------------------------------------ */

/* The text of an element: the record's prose in the plan's typographic
 * profile, as the plan's own (typo_text). */
static const char *text(struct reader *r, xmlNodePtr n)
{
	return typo_text(plan_typo(r->p), xnode_text(r->a, n), r->a);
}

/* The text of n itself, without that of its child elements: the words of a
 * Do item around its <figure>s. */
static const char *own_text(struct reader *r, xmlNodePtr n)
{
	size_t len = 0;
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content)
			len += strlen((const char *)c->content);
	char *buf = arena_alloc(r->a, len + 1), *o = buf;
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content) {
			size_t k = strlen((const char *)c->content);
			memcpy(o, c->content, k);
			o += k;
		}
	*o = '\0';
	return load_norm(r->a, buf);
}

/* ---- words for messages -------------------------------------------------- */

static const char *meeting_words(enum pdca_meeting m)
{
	switch (m) {
	case PDCA_COUNCIL:
		return "council";
	case PDCA_MIDYEAR:
		return "mid-year meeting";
	case PDCA_YEAREND:
		return "year-end meeting";
	}
	return "meeting";
}

static const char *subject(struct reader *r, const char *target)
{
	return target ? arena_printf(r->a, "the record for '%s'", target)
		      : "a record without target";
}

/* ---- the meeting ----------------------------------------------------------- */

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "2025-11-21", and nothing more: 0 and the parts; -1 if it is not written
 * so; -2 if it is no day of the calendar.  (The shape's NUL is compared
 * too, and a shorter s fails at its own NUL before anything past it is
 * read.) */
static int parse_date(const char *s, int *y, int *m, int *d)
{
	static const char shape[] = "dddd-dd-dd";
	for (size_t i = 0; i < sizeof shape; i++) {
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return -1;
	}
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (*m < 1 || *m > 12 || *d < 1 ||
	    *d > days[*m - 1] + (*m == 2 && leap(*y)))
		return -2;
	return 0;
}

static void read_meeting(struct reader *r, xmlNodePtr root)
{
	const struct plan *p = r->p;
	struct pdca_session *s = &r->s;
	char a[16], b[16], c[16];

	const char *plan = xnode_attr(r->a, root, "plan");
	if (plan && p->id && strcmp(plan, p->id) != 0)
		ERR(r, root, "plan", "PDCA file is for plan '%s', not for '%s'", plan, p->id);

	const char *year = xnode_attr(r->a, root, "year");
	if (year && fy_parse(year, &s->fy) != 0)
		ERR(r, root, "year", "invalid year '%s' of the PDCA file: not a fiscal year "
		    "(write 2025, R7, 令和7年度, H29 or R元)", year);
	else if (year && (s->fy < p->from || s->fy > p->to))
		ERR(r, root, "year", "PDCA year %s lies outside the plan period %s–%s",
		    load_fy_text(s->fy, a, sizeof a), load_fy_text(p->from, b, sizeof b),
		    load_fy_text(p->to, c, sizeof c));
	else if (year)
		r->fy_ok = true;

	const char *meeting = xnode_attr(r->a, root, "meeting");
	if (meeting && pdca_meeting_parse(meeting, &s->meeting) != 0)
		ERR(r, root, "meeting", "invalid meeting '%s' of the PDCA file: write council, "
		    "midyear or yearend", meeting);
	else if (meeting)
		r->meeting_ok = true;

	s->date = xnode_attr(r->a, root, "date");
	int rc = s->date ? parse_date(s->date, &s->year, &s->month, &s->day) : 0;
	if (rc == -1)
		ERR(r, root, "date", "invalid date '%s' of the meeting: write the day as "
		    "YYYY-MM-DD (2025-11-21)", s->date);
	else if (rc == -2)
		ERR(r, root, "date", "invalid date '%s' of the meeting: there is no such day",
		    s->date);
	else if (s->date && r->fy_ok) {
		/* from the start of the year to the end of the next one */
		long day = s->year * 10000L + s->month * 100 + s->day;
		if (day < s->fy * 10000L + 401)
			ERR(r, root, "date", "meeting date %s is before %s begins (%d-04-01)",
			    s->date, load_fy_text(s->fy, a, sizeof a), s->fy);
		else if (day > (s->fy + 2) * 10000L + 331)
			ERR(r, root, "date", "meeting date %s is more than a year after %s ends "
			    "(%d-03-31)", s->date, load_fy_text(s->fy, a, sizeof a), s->fy + 1);
		/* a mid-year record reports the first half: dated before it
		 * ends, the handout would print figures not yet known */
		else if (r->meeting_ok && s->meeting == PDCA_MIDYEAR &&
			 day < s->fy * 10000L + 1001)
			WARN(r, root, "date", "mid-year meeting date %s is before the first half "
			     "of %s ends (%d-09-30), whose results it reports",
			     s->date, load_fy_text(s->fy, a, sizeof a), s->fy);
	}

	const char *ill = xnode_attr(r->a, root, "illustrative");
	s->illustrative = ill && (strcmp(ill, "true") == 0 || strcmp(ill, "1") == 0);
	s->name = text(r, xnode_child(root, "meeting-name"));
	s->note = text(r, xnode_child(root, "note"));
}

/* ---- records ------------------------------------------------------------- */

static struct pdca_figure *read_figures(struct reader *r, xmlNodePtr item, size_t *n)
{
	*n = xnode_count(item, "figure");
	if (!*n)
		return NULL;
	struct pdca_figure *v = arena_calloc(r->a, *n, sizeof *v);
	size_t i = 0;
	for (xmlNodePtr c = item->children; c; c = c->next) {
		if (!xnode_is(c, "figure"))
			continue;
		struct pdca_figure *f = &v[i++];
		f->name = xnode_attr(r->a, c, "name");
		f->unit = xnode_attr(r->a, c, "unit");
		f->value_text = xnode_attr(r->a, c, "value");
		if (!f->value_text)
			continue; /* the schema says */
		enum decimal_status st = decimal_parse(f->value_text, &f->value);
		char why[256];
		if (st != DECIMAL_OK)
			ERR(r, c, "value", "invalid value '%s' of figure '%s': %s", f->value_text,
			    f->name ? f->name : "?",
			    load_number_problem(f->value_text, st, why, sizeof why));
	}
	return v;
}

/* The <item>s of list (NULL when the element is absent). */
static struct pdca_list read_list(struct reader *r, xmlNodePtr list, bool figures,
				  const char *subj)
{
	struct pdca_list out = {NULL, 0};
	size_t n = xnode_count(list, "item");
	if (!n)
		return out;
	struct pdca_item *v = arena_calloc(r->a, n, sizeof *v);
	for (xmlNodePtr c = list->children; c; c = c->next) {
		if (!xnode_is(c, "item"))
			continue;
		struct pdca_item *it = &v[out.n_items++];
		int column;
		xdoc_node_pos(r->x, c, &it->line, &column);
		if (!figures) {
			it->text = text(r, c); /* the schema requires some */
			continue;
		}
		it->text = own_text(r, c);
		if (!*it->text)
			ERR(r, c, NULL, "empty <item> in <do> of %s: say what was done, "
			    "then its figures", subj);
		it->figures = read_figures(r, c, &it->n_figures);
	}
	out.items = v;
	return out;
}

static int cmp_target_ix(const void *a, const void *b)
{
	const struct target_ix *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static void index_targets(struct reader *r)
{
	const struct plan *p = r->p;
	size_t n = p->n_pillars + p->n_projects;
	r->targets = arena_calloc(r->a, n ? n : 1, sizeof *r->targets);
	r->n_targets = 0;
	for (size_t i = 0; i < p->n_pillars; i++)
		if (p->pillars[i].id)
			r->targets[r->n_targets++] =
				(struct target_ix){p->pillars[i].id, &p->pillars[i], NULL, i};
	for (size_t i = 0; i < p->n_projects; i++)
		if (p->projects[i].id)
			r->targets[r->n_targets++] = (struct target_ix){
				p->projects[i].id, NULL, &p->projects[i], p->n_pillars + i};
	qsort(r->targets, r->n_targets, sizeof *r->targets, cmp_target_ix);
}

/* The first entry of id (a pillar, if one has it), or NULL. */
static const struct target_ix *find_target(const struct reader *r, const char *id)
{
	size_t lo = 0, hi = r->n_targets;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(r->targets[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->n_targets && strcmp(r->targets[lo].id, id) == 0 ? &r->targets[lo]
									: NULL;
}

static void read_record(struct reader *r, xmlNodePtr n, struct pdca_record *rec)
{
	const struct plan *p = r->p;
	char a[16], b[16], c[16];
	rec->target = xnode_attr(r->a, n, "target");
	const char *subj = subject(r, rec->target);
	xdoc_node_pos(r->x, n, &rec->pos.line, &rec->pos.column);

	rec->plan = read_list(r, xnode_child(n, "plan"), false, subj);
	rec->done = read_list(r, xnode_child(n, "do"), true, subj);
	xmlNodePtr check = xnode_child(n, "check");
	rec->check = text(r, check);
	if (rec->check && (strstr(rec->check, "％") || strchr(rec->check, '%')))
		WARN(r, check, NULL, "<check> of %s states a percentage: indicator results "
		     "are computed by shiryo, not typed (describe them in words)", subj);
	rec->action = read_list(r, xnode_child(n, "action"), false, subj);
	rec->next = read_list(r, xnode_child(n, "next"), false, subj);
	rec->discussion = read_list(r, xnode_child(n, "discussion"), false, subj);

	if (!rec->target || !*rec->target)
		return; /* the schema says */
	const struct target_ix *t = find_target(r, rec->target);
	rec->pillar = t ? t->pillar : NULL;
	rec->project = t ? t->project : NULL;
	if (!rec->pillar && !rec->project) {
		ERR(r, n, "target", "record refers to '%s', which is no pillar or project "
		    "of plan '%s'", rec->target, p->id ? p->id : "?");
		return;
	}
	const struct project *pj = rec->project;
	if (pj && r->fy_ok && pj->from && pj->to && (r->s.fy < pj->from || r->s.fy > pj->to))
		ERR(r, n, "target", "record for project '%s' in %s lies outside the "
		    "project period %s–%s", rec->target, load_fy_text(r->s.fy, a, sizeof a),
		    load_fy_text(pj->from, b, sizeof b), load_fy_text(pj->to, c, sizeof c));
}

/* Where a record's target stands among all the plan's targets: pillars,
 * then projects, in plan order. */
static size_t rank(const struct plan *p, const struct pdca_record *rec)
{
	if (rec->pillar)
		return (size_t)(rec->pillar - p->pillars);
	return p->n_pillars + (size_t)(rec->project - p->projects);
}

/* The records already loaded for the reader's year and meeting: p->pdca is
 * sorted by year and meeting first (cmp_record), so they are one run,
 * found by binary search rather than by reading every record loaded so far
 * for every record of every file. */
static void same_session(const struct reader *r, size_t *first, size_t *end)
{
	const struct plan *p = r->p;
	size_t lo = 0, hi = p->n_pdca;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct pdca_record *x = &p->pdca[mid];
		if (x->fy < r->s.fy || (x->fy == r->s.fy && x->meeting < r->s.meeting))
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo < p->n_pdca && p->pdca[lo].fy == r->s.fy && p->pdca[lo].meeting == r->s.meeting)
		lo++;
	*end = lo;
}

/* No target twice in the file, nor already loaded for the same year and
 * meeting; an earlier file of the meeting had the same date. */
static void check_doubles(struct reader *r)
{
	const struct plan *p = r->p;
	char a[16];
	size_t first = 0, end = 0;
	if (r->fy_ok && r->meeting_ok)
		same_session(r, &first, &end);
	size_t n_targets = p->n_pillars + p->n_projects;
	size_t *seen = arena_calloc(r->a, n_targets ? n_targets : 1, sizeof *seen);
	for (size_t i = 0; i < r->n; i++) {
		const struct pdca_record *rec = &r->recs[i];
		if (!rec->pillar && !rec->project)
			continue;
		size_t k = rank(p, rec);
		if (seen[k]) {
			ERR(r, r->nodes[i], "target", "second record for '%s' in this file "
			    "(the first is at line %d)", rec->target,
			    r->recs[seen[k] - 1].pos.line);
			continue;
		}
		seen[k] = i + 1;
		if (!r->fy_ok || !r->meeting_ok)
			continue;
		for (size_t j = first; j < end; j++) {
			const struct pdca_record *old = &p->pdca[j];
			if (old->fy == r->s.fy && old->meeting == r->s.meeting &&
			    old->pillar == rec->pillar && old->project == rec->project)
				ERR(r, r->nodes[i], "target", "record for '%s' of the %s %s is "
				    "already loaded from %s:%d:%d", rec->target,
				    load_fy_text(r->s.fy, a, sizeof a), meeting_words(r->s.meeting),
				    old->pos.file, old->pos.line, old->pos.column);
		}
	}
	if (!r->fy_ok || !r->meeting_ok || !r->s.date)
		return;
	for (size_t j = first; j < end; j++) {
		const struct pdca_session *old = p->pdca[j].session;
		if (old->fy == r->s.fy && old->meeting == r->s.meeting &&
		    strcmp(old->date, r->s.date) != 0) {
			ERR(r, xmlDocGetRootElement(r->x->doc), "date",
			    "the %s %s is already loaded from %s with date %s, not %s",
			    load_fy_text(r->s.fy, a, sizeof a), meeting_words(r->s.meeting),
			    old->file, old->date, r->s.date);
			return;
		}
	}
}

/* ---- merging --------------------------------------------------------------- */

static struct pdca_list copy_list(struct arena *a, struct pdca_list l)
{
	struct pdca_list out = {NULL, l.n_items};
	if (!l.n_items)
		return out;
	struct pdca_item *v = arena_calloc(a, l.n_items, sizeof *v);
	for (size_t i = 0; i < l.n_items; i++) {
		const struct pdca_item *it = &l.items[i];
		v[i].text = arena_strdup(a, it->text);
		v[i].line = it->line;
		v[i].n_figures = it->n_figures;
		if (!it->n_figures)
			continue;
		struct pdca_figure *f = arena_calloc(a, it->n_figures, sizeof *f);
		for (size_t k = 0; k < it->n_figures; k++) {
			f[k].name = arena_strdup(a, it->figures[k].name);
			f[k].value = it->figures[k].value;
			f[k].value_text = arena_strdup(a, it->figures[k].value_text);
			f[k].unit = arena_strdup(a, it->figures[k].unit);
		}
		v[i].figures = f;
	}
	out.items = v;
	return out;
}

/* Pillars before projects, each in plan order: the order of their arrays,
 * so the pointers themselves compare. */
static int cmp_record(const void *x, const void *y)
{
	const struct pdca_record *a = x, *b = y;
	if (a->fy != b->fy)
		return a->fy < b->fy ? -1 : 1;
	if (a->meeting != b->meeting)
		return a->meeting < b->meeting ? -1 : 1;
	if (!a->pillar != !b->pillar)
		return a->pillar ? -1 : 1;
	if (a->pillar)
		return a->pillar < b->pillar ? -1 : a->pillar > b->pillar;
	return a->project < b->project ? -1 : a->project > b->project;
}

/* Adds the records read to the plan's, growing the array in place when
 * the load's growth g (load_int.h; NULL: none) knows it made it, with
 * room, and it is still the plan's with the count merge() left. */
static struct pdca_session *merge(struct plan *p, const struct reader *r, const char *path,
				  struct load_growth *g)
{
	struct arena *a = p->arena;
	struct pdca_session *s = arena_alloc(a, sizeof *s);
	*s = r->s;
	s->date = arena_strdup(a, r->s.date);
	s->name = arena_strdup(a, r->s.name);
	s->note = arena_strdup(a, r->s.note);
	s->file = arena_strdup(a, path);

	size_t n = p->n_pdca + r->n;
	bool track = g && g->plan == p;
	size_t room = track && g->pdca && g->pdca == p->pdca && g->n_pdca == p->n_pdca
			      ? g->room_pdca
			      : p->n_pdca;
	struct pdca_record *v = p->pdca;
	if (n > room) {
		room = track ? (2 * n > 16 ? 2 * n : 16) : n;
		v = arena_calloc(a, room, sizeof *v);
		if (p->n_pdca)
			memcpy(v, p->pdca, p->n_pdca * sizeof *v);
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct pdca_record *in = &r->recs[i];
		struct pdca_record *out = &v[p->n_pdca + i];
		out->fy = s->fy;
		out->meeting = s->meeting;
		out->session = s;
		out->target = arena_strdup(a, in->target);
		out->pillar = in->pillar;
		out->project = in->project;
		out->plan = copy_list(a, in->plan);
		out->done = copy_list(a, in->done);
		out->check = arena_strdup(a, in->check);
		out->action = copy_list(a, in->action);
		out->next = copy_list(a, in->next);
		out->discussion = copy_list(a, in->discussion);
		out->pos = in->pos;
		out->pos.file = s->file;
	}
	/* the new records are of one meeting; files usually come in order, so
	 * sorting them alone is mostly enough */
	if (r->n) {
		qsort(v + p->n_pdca, r->n, sizeof *v, cmp_record);
		if (p->n_pdca && cmp_record(&v[p->n_pdca - 1], &v[p->n_pdca]) > 0)
			qsort(v, n, sizeof *v, cmp_record);
	}
	p->pdca = v;
	p->n_pdca = n;
	if (track) {
		g->pdca = v;
		g->n_pdca = n;
		g->room_pdca = room;
	}
	return s;
}

/* ---- the whole ----------------------------------------------------------- */

int pdca_load(struct plan *p, const char *path, struct diag_list *dg)
{
	return pdca_read(p, path, dg, NULL);
}

int pdca_read(struct plan *p, const char *path, struct diag_list *dg, struct load_growth *g)
{
	struct reader r = {.p = p, .a = arena_new()};
	struct xdoc x;
	r.x = &x;
	size_t errors;
	if (xdoc_read(&x, path) != 0) {
		errors = xdoc_flush(&x, dg);
		goto out;
	}
	rng_validate(&x, schema_pdca_rng, (size_t)(schema_pdca_rng_end - schema_pdca_rng));
	xmlNodePtr root = xmlDocGetRootElement(x.doc);
	if (xnode_is(root, "pdca")) {
		index_targets(&r);
		read_meeting(&r, root);
		size_t cap = xnode_count(root, "record");
		r.recs = arena_calloc(r.a, cap ? cap : 1, sizeof *r.recs);
		r.nodes = arena_calloc(r.a, cap ? cap : 1, sizeof *r.nodes);
		for (xmlNodePtr c = root->children; c; c = c->next) {
			if (!xnode_is(c, "record"))
				continue;
			r.nodes[r.n] = c;
			read_record(&r, c, &r.recs[r.n++]);
		}
		check_doubles(&r);
	}
	/* else: the schema has said what the root should be */
	xmlNodePtr ev = NULL;
	for (xmlNodePtr c = root ? root->children : NULL; c && !ev; c = c->next)
		if (xnode_is(c, "evaluation"))
			ev = c;
	bool council = r.meeting_ok && r.s.meeting == PDCA_COUNCIL;
	if (ev && xnode_is(root, "pdca"))
		eval_read(&x, p, ev, r.s.fy, r.fy_ok, council, r.s.illustrative, r.a, true);
	errors = xdoc_flush(&x, dg);
	if (errors == 0) {
		struct pdca_session *s = merge(p, &r, path, g);
		if (ev)
			s->eval = eval_read(&x, p, ev, s->fy, true, true, s->illustrative,
					    p->arena, false);
	}
out:
	xdoc_release(&x);
	arena_free(r.a);
	return errors ? -1 : 0;
}

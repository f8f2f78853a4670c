/* project.c - 熱度マネジメント会議資料: the working-meeting handout.
 *
 * Per priority project: the state it aims at, its initiatives, the focus
 * indicators with their trends, the PDCA of the half year and the points
 * for discussion.  A plan without priority projects has no such meeting:
 * that is said plainly instead of printing an empty handout.
 */
#include <string.h>

#include "doc_int.h"

static const char *working_meeting_name(struct doc_ctx *c, enum pdca_meeting m)
{
	size_t n = 0;
	const struct pdca_record *r = pdca_of_meeting(c->p, c->o->fy, m, &n);
	const char *name = n && r->session->name ? r->session->name : NULL;
	for (size_t i = 0; !name && i < c->p->n_meetings; i++)
		if (c->p->meetings[i].times_per_year == 2)
			name = c->p->meetings[i].name;
	const char *when = m == PDCA_MIDYEAR ? "中間期" : "年度末";
	if (!name)
		return when;
	return strstr(name, when) ? name : doc_printf(c, "%s（%s）", name, when);
}

static void project_body(struct doc_ctx *c, const struct project *pj,
			 enum pdca_meeting m);

static void project_section(struct doc_ctx *c, const struct project *pj,
			    enum pdca_meeting m)
{
	/* each project from a new page - the meeting takes them one at a
	 * time - unless the page holds only the end of the project before
	 * (its PDCA cycle, carried over): then below it (layout.h) */
	story_chapter_break(c->s);
	/* One project, one sheet when it can be: the group lets the layout
	 * shorten the trend charts a little (never below about two thirds
	 * of the plot) rather than carry the last few lines - the next steps,
	 * the points for discussion - onto a page of their own, which nobody
	 * would print.  A project too long for that flows on, its PDCA part
	 * kept together (below). */
	story_keep_begin(c->s);
	project_body(c, pj, m);
	story_keep_end(c->s);
}

static void project_body(struct doc_ctx *c, const struct project *pj,
			 enum pdca_meeting m)
{
	/* the opening stays together: heading, target state, initiatives
	 * and the table (a project started under another's tail) */
	story_keep_begin(c->s);
	part_heading(c, 1, doc_printf(c, "重点プロジェクト%s %s", pj->no ? pj->no : "",
				      pj->title));
	if (pj->pillar)
		part_caption(c, doc_level_title(c, LEVEL_PILLAR, pj->pillar->no, pj->pillar->title));
	if (pj->target_state) {
		part_caption(c, "目指す状態");
		part_para(c, pj->target_state);
	}
	if (pj->n_initiatives) {
		part_caption(c, plan_word(c->p, LEVEL_INITIATIVE, "主な取組"));
		part_list(c, pj->initiatives, pj->n_initiatives);
	}
	if (pj->n_focus) {
		part_caption(c, doc_printf(c, "特に着目する%s（%s実績%s）", doc_indicator_word(c),
					   c->rfy_era,
					   doc_provisional_caption(c, pj->focus, pj->n_focus)));
		part_indicator_table(c, pj->focus, pj->n_focus);
	}
	story_keep_end(c->s);
	if (pj->n_focus) {
		part_trend_charts(c, pj->focus, pj->n_focus);
		/* who answers for them, from the council's record */
		part_record_depts(c, pj->focus, pj->n_focus);
	}
	const struct pdca_record *r = pdca_find(c->p, c->o->fy, m, pj->id);
	/* the cycle, the next steps and the points for discussion are read
	 * together: they move to the next page together */
	story_keep_begin(c->s);
	if (r) { /* no record, no section: never announced as missing */
		part_caption(c, doc_printf(c, "取組の振り返り（PDCA・%s）",
					   m == PDCA_MIDYEAR ? "中間期" : "年度末"));
		part_pdca(c, r);
		if (r->discussion.n_items) {
			part_caption(c, "協議のポイント");
			const char **items = doc_strings(c, &r->discussion);
			part_list(c, items, r->discussion.n_items);
		}
	}
	story_keep_end(c->s);
}

/* A plan without priority projects has no working meeting: doc_build says
 * so (the row's lacks) instead of printing an empty handout. */
bool doc_project_applies(const struct plan *p)
{
	return p->n_projects > 0;
}

int doc_project(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	enum pdca_meeting m = c->o->meeting == MEETING_MIDYEAR ? PDCA_MIDYEAR : PDCA_YEAREND;
	part_cover(c, working_meeting_name(c, m));

	part_heading(c, 1, p->projects_title ? p->projects_title : "重点プロジェクト");
	part_para(c, p->projects_intro);
	const char *list[64];
	size_t n = 0;
	for (size_t i = 0; i < p->n_projects && n < 64; i++)
		list[n++] = doc_printf(c, "%s %s", p->projects[i].no ? p->projects[i].no : "",
				       p->projects[i].title);
	part_caption(c, "プロジェクトの構成");
	part_list(c, list, n);

	for (size_t i = 0; i < p->n_projects; i++)
		project_section(c, &p->projects[i], m);
	return 0;
}

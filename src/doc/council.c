/* council.c - 推進会議資料: the handout for the annual council.
 *
 * Cover with the 資料番号 box; one page on where the whole plan stands
 * (the year in the plan period, the vision, grades per pillar, the basic
 * scenario's headline indicators); then per pillar its indicator table,
 * achievement bars, trends and the PDCA summary of the year.  A plan whose
 * indicators belong to no pillar (the prefecture's targets ア〜カ) gets one
 * section on its targets, then its pillars as text, one after another.
 */
#include "doc_int.h"
#include "record.h"

/* The council among the plan's meetings: the one held once a year. */
static const char *council_name(struct doc_ctx *c)
{
	size_t n = 0;
	const struct pdca_record *r = pdca_of_meeting(c->p, c->o->fy, PDCA_COUNCIL, &n);
	if (n && r->session->name)
		return r->session->name;
	for (size_t i = 0; i < c->p->n_meetings; i++)
		if (c->p->meetings[i].times_per_year == 1)
			return c->p->meetings[i].name;
	return NULL;
}

/* "進捗率と評価": the heads of what the bars show, from fig_describe();
 * nothing when the rule computes no ratio (and part_bars draws nothing). */
static void bars_caption(struct doc_ctx *c)
{
	struct fig_description d;
	fig_describe(c->p, &c->p->grading, c->rfy, c->a, &d);
	if (d.ratio_head)
		part_caption(c, doc_printf(c, "%sと%s", d.ratio_head, d.name));
}

static const char *fig_describe_name(struct doc_ctx *c)
{
	struct fig_description d;
	fig_describe(c->p, &c->p->grading, c->rfy, c->a, &d);
	return d.name ? d.name : "評価";
}

static void pillar_section(struct doc_ctx *c, const struct pillar *pl)
{
	/* A pillar with indicators starts a new page: its table, bars and
	 * trends are handed out and discussed one pillar at a time - unless
	 * the page holds little more than the pillar before's PDCA cycle;
	 * then it starts below that when its heading, description and table
	 * fit there (the keep group below), and on a new page otherwise.  A
	 * pillar of text alone (the prefecture's, whose targets are the
	 * plan's) filled a third of a page; those flow on, the heading kept
	 * with its first lines by the layout. */
	if (pl->n_indicators) {
		story_chapter_break(c->s);
		story_keep_begin(c->s);
	}
	part_heading(c, 1, doc_level_title(c, LEVEL_PILLAR, pl->no, pl->title));
	if (pl->subtitle)
		part_caption(c, doc_subtitle(c, pl->subtitle));
	part_para(c, pl->description);
	if (pl->n_measures) {
		part_caption(c, plan_word(c->p, LEVEL_MEASURE, "主な施策"));
		part_list(c, pl->measures, pl->n_measures);
	}
	if (pl->n_indicators) {
		part_caption(c, doc_printf(c, "%sの状況（%s実績）", doc_indicator_word(c), c->rfy_era));
		part_indicator_table(c, pl->indicators, pl->n_indicators);
		story_keep_end(c->s);
		bars_caption(c);
		part_bars(c, pl);
		/* The charts may give up a little of their plot height (to
		 * about two thirds) when the PDCA cycle then fits under them:
		 * the pillar's review stays on the page of its figures instead
		 * of opening a page of its own. */
		story_fit_begin(c->s);
		part_caption(c, doc_printf(c, "%sの推移", doc_indicator_word(c)));
		part_trend_charts(c, pl->indicators, pl->n_indicators);
	}
	const struct pdca_record *r = pdca_find(c->p, c->o->fy, PDCA_COUNCIL, pl->id);
	/* the cycle and its next steps move to a new page together */
	/* no record, no section: a handout does not announce what it lacks */
	story_keep_begin(c->s);
	if (r) {
		part_caption(c, doc_printf(c, "取組の振り返り（PDCA・%s）", c->fy_era));
		part_pdca(c, r);
	}
	story_keep_end(c->s);
	story_fit_end(c->s);
	/* the evaluation record of the pillar, when there is one */
	part_record_changes(c, pl->indicators, pl->n_indicators);
	part_record_analysis(c, pl->indicators, pl->n_indicators);
	part_record_programmes(c, pl);
	if (eval_of_year(c->p, c->o->fy))
		part_record_note(c);
}

/* The prefecture style: targets of the whole plan, then pillars as text. */
static void targets_section(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	size_t n = 0;
	struct indicator **loose = doc_loose_indicators(c, &n);
	if (!n)
		return;
	part_heading(c, 1, "目標値の達成状況");
	part_caption(c, doc_printf(c, "目標値の状況（%s実績）", c->rfy_era));
	part_indicator_table(c, loose, n);
	bars_caption(c);
	part_bars(c, NULL);
	part_caption(c, "目標値の推移");
	part_trend_charts(c, loose, n);
	if (p->n_past_results) {
		part_heading(c, 1, "前方針の目標達成状況");
		part_past_results(c);
	}
}

int doc_council(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	part_cover(c, council_name(c));

	part_heading(c, 1, "全体の状況");
	part_position(c);
	/* grades per pillar only where pillars have indicators: the
	 * prefecture's targets belong to the plan as a whole, and its chart
	 * showed a lone 全体 bar (計6 over the 8 bars of the targets'
	 * parts) - the targets' own section shows their marks */
	if (fig_rule_grades(&p->grading) && doc_pillars_have_indicators(p)) {
		part_caption(c, doc_printf(c, "%sごとの%s（%s）",
					   plan_word(p, LEVEL_PILLAR, "柱"),
					   fig_describe_name(c), c->rfy_era));
		part_overview(c);
	}
	if (p->n_basic_indicators) {
		part_caption(c, doc_printf(c, "基本シナリオの%s", doc_indicator_word(c)));
		part_indicator_table(c, p->basic_indicators, p->n_basic_indicators);
		part_trend_charts(c, p->basic_indicators, p->n_basic_indicators);
		part_record_changes(c, p->basic_indicators, p->n_basic_indicators);
		part_record_analysis(c, p->basic_indicators, p->n_basic_indicators);
	}
	part_record_overall(c);

	targets_section(c);
	for (size_t i = 0; i < p->n_pillars; i++)
		pillar_section(c, &p->pillars[i]);
	part_working_results(c);
	part_record_followup(c);
	return 0;
}

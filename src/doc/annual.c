/* annual.c - 年次報告書: the archive copy of one fiscal year.
 *
 * Read years later by someone who was not there, so it carries the plan
 * with it: contents, the plan's vision, scenarios and pillars with their
 * initiatives, every indicator with its yearly series and trend, every PDCA
 * record of the year, and where each figure comes from.
 */
#include <string.h>

#include "doc_int.h"
#include "record.h"

static void plan_overview(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	part_heading(c, 1, "計画の概要");
	part_position(c);
	for (size_t i = 0; i < p->n_sections && i < 3; i++) {
		const struct section *s = &p->sections[i];
		if (s->title)
			part_caption(c, s->title);
		for (size_t k = 0; k < s->n_paragraphs; k++)
			part_para(c, s->paragraphs[k]);
		part_list(c, s->items, s->n_items);
	}
	if (p->n_issues) {
		part_heading(c, 2, "取組課題");
		const char *items[64];
		size_t n = 0;
		for (size_t i = 0; i < p->n_issues && n < 64; i++)
			items[n++] = p->issues[i].response
				? doc_printf(c, "%s %s ⇒ %s", p->issues[i].no ? p->issues[i].no : "",
					     p->issues[i].text, p->issues[i].response)
				: doc_printf(c, "%s %s", p->issues[i].no ? p->issues[i].no : "",
					     p->issues[i].text);
		part_list(c, items, n);
	}
	if (p->n_scenarios) {
		part_heading(c, 2, "展開シナリオ");
		for (size_t i = 0; i < p->n_scenarios; i++) {
			const struct scenario *s = &p->scenarios[i];
			const char *issues = "";
			for (size_t k = 0; k < s->n_issues; k++)
				issues = doc_printf(c, "%s%s", issues, s->issues[k]->no ? s->issues[k]->no : "");
			part_caption(c, doc_printf(c, "展開シナリオ%s%s%s", s->no ? s->no : "",
						   *issues ? "　取組課題" : "", issues));
			part_para(c, s->title);
			part_list(c, s->states, s->n_states);
		}
	}
	for (size_t i = 0; i < p->n_pillars; i++) {
		const struct pillar *pl = &p->pillars[i];
		part_heading(c, 2, doc_level_title(c, LEVEL_PILLAR, pl->no, pl->title));
		if (pl->subtitle)
			part_caption(c, doc_subtitle(c, pl->subtitle));
		part_para(c, pl->description);
		part_list(c, pl->measures, pl->n_measures);
		part_initiatives(c, pl);
	}
}

static void indicator_detail(struct doc_ctx *c, struct indicator *ind)
{
	story_keep_begin(c->s);
	story_heading_ex(c->s, &(struct lay_heading){
		.level = 3,
		.title = ind->no ? doc_printf(c, "%s %s", ind->no, ind->name) : ind->name,
		.no_toc = true,
		.src = {ind->pos.file, ind->pos.line},
	});
	struct indicator *one[1] = {ind};
	part_indicator_table(c, one, 1);
	part_indicator_series(c, ind);
	part_trend_charts(c, one, 1);
	story_keep_end(c->s);
}

static void indicators(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	part_heading(c, 1, doc_printf(c, "%sの状況", doc_indicator_word(c)));
	part_figures_note(c);
	part_overview(c);
	if (p->n_basic_indicators) {
		part_heading(c, 2, doc_printf(c, "基本シナリオの%s", doc_indicator_word(c)));
		for (size_t i = 0; i < p->n_basic_indicators; i++)
			indicator_detail(c, p->basic_indicators[i]);
	}
	size_t n = 0;
	struct indicator **loose = doc_loose_indicators(c, &n);
	if (n) {
		part_heading(c, 2, "目標値");
		part_bars(c, NULL);
		for (size_t i = 0; i < n; i++)
			indicator_detail(c, loose[i]);
	}
	for (size_t i = 0; i < p->n_pillars; i++) {
		const struct pillar *pl = &p->pillars[i];
		if (!pl->n_indicators)
			continue;
		part_heading(c, 2, doc_level_title(c, LEVEL_PILLAR, pl->no, pl->title));
		part_bars(c, pl);
		for (size_t k = 0; k < pl->n_indicators; k++)
			indicator_detail(c, pl->indicators[k]);
	}
}

/* The evaluation record of the year, whole: the 総括, then per pillar the
 * departments, the change since last year, the analysis and the
 * programmes, then the opinions and what was done about them. */
static void evaluation(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	if (!eval_of_year(p, c->o->fy))
		return;
	/* a part of its own, from a fresh page, as the council's 総括 page */
	story_page_break(c->s);
	part_record_overall(c);
	part_heading(c, 1, "施策評価の記録");
	if (p->n_basic_indicators) {
		part_heading(c, 2, "基本シナリオの主要指標");
		part_record_changes(c, p->basic_indicators, p->n_basic_indicators);
		part_record_analysis(c, p->basic_indicators, p->n_basic_indicators);
	}
	for (size_t i = 0; i < p->n_pillars; i++) {
		const struct pillar *pl = &p->pillars[i];
		part_heading(c, 2, doc_level_title(c, LEVEL_PILLAR, pl->no, pl->title));
		part_record_changes(c, pl->indicators, pl->n_indicators);
		part_record_analysis(c, pl->indicators, pl->n_indicators);
		part_record_programmes(c, pl);
	}
	part_record_note(c);
	part_record_followup(c);
	part_record_opinions(c);
}

static const char *target_name(struct doc_ctx *c, const struct pdca_record *r)
{
	if (r->pillar)
		return doc_level_title(c, LEVEL_PILLAR, r->pillar->no, r->pillar->title);
	return doc_printf(c, "重点プロジェクト%s %s", r->project->no ? r->project->no : "",
			  r->project->title);
}

static void pdca_records(struct doc_ctx *c)
{
	size_t n = 0;
	const struct pdca_record *r = pdca_of_year(c->p, c->o->fy, &n);
	if (!n) /* omitted, never announced */
		return;
	part_heading(c, 1, "取組の記録（PDCA）");
	static const char *const meeting_words[PDCA_N_MEETINGS] = {
		"推進会議", "中間期", "年度末",
	};
	int last = -1;
	for (size_t i = 0; i < n; i++) {
		if ((int)r[i].meeting != last) {
			last = (int)r[i].meeting;
			const char *name = r[i].session->name ? r[i].session->name
							      : meeting_words[last];
			bool named = strstr(name, meeting_words[last]) != NULL;
			part_heading(c, 2, r[i].meeting == PDCA_COUNCIL || named ? name
				     : doc_printf(c, "%s（%s）", name, meeting_words[last]));
			if (r[i].session->illustrative)
				part_para(c, r[i].session->note ? r[i].session->note
					  : "この記録は例示データです。");
		}
		story_keep_begin(c->s);
		part_caption(c, target_name(c, &r[i]));
		part_pdca(c, &r[i]);
		story_keep_end(c->s);
	}
}

int doc_annual(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	part_cover(c, NULL);
	story_toc(c->s, "目次", 2);
	plan_overview(c);
	indicators(c);
	evaluation(c);
	pdca_records(c);
	if (p->n_past_results) {
		part_heading(c, 1, "前方針の目標達成状況");
		part_past_results(c);
	}
	part_heading(c, 1, "資料　データの出典と例示値について");
	part_figures_note(c);
	part_sources(c);
	return 0;
}

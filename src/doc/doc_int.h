/* doc_int.h - what the documents of src/doc/ share: the build context and
 * the parts every document is composed of.
 *
 * A document (council.c, project.c, annual.c) is a list of calls to the
 * parts below on one story (layout.h); the parts know the plan and the
 * figures, the story knows pages.  Nothing here draws page furniture or
 * talks to libharu.
 */
#ifndef SHIRYO_DOC_INT_H
#define SHIRYO_DOC_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "decimal.h"
#include "doc.h"
#include "layout.h"
#include "pdca.h"
#include "plan.h"
#include "table.h"
#include "text.h"

struct arena;
struct diag_list;

struct doc_ctx {
	const struct plan *p;
	const struct doc_options *o;
	const char *title;       /* the kind's title (doc_kind_title) */
	struct text_engine *te;
	struct diag_list *dg;
	struct story *s;
	struct arena *a;         /* strings and figures of this build */
	/* What the story draws after composition (charts, measured text) and
	 * must stay alive until story_layout returns; freed in doc_build. */
	struct doc_owned *owned;
	size_t n_owned, alloc_owned;
	float body_w;            /* width of the body, points */
	float body_h;            /* its height */
	/* The note on sample values is a page note (layout.h) on every page
	 * that shows one, instead of a line under each table (annual). */
	bool page_notes;
	/* The year whose results the document shows (doc_results_year):
	 * the council of R7 reviews R6.  Figures use rfy; the records of the
	 * meeting (PDCA, evaluation) and the date belong to o->fy. */
	int rfy;
	char rfy_short[16];      /* R6 */
	char rfy_era[32];        /* 令和6年度 */
	char fy_short[16];       /* R7 */
	char fy_era[32];         /* 令和7年度 */
	char date[48];           /* 令和7年11月21日 */
	bool legend_shown;       /* how the marks are given was printed */
};

/* The note on a table or chart that shows sample values. */
#define ILLUSTRATIVE_NOTE "※ 実績値は例示値です（公表された統計値ではありません）。"

/* ---- formatting (format.c) ------------------------------------------- */

/* "6,534千円", "65.1％", "121人/年" (per_year), in the arena. */
const char *doc_value(struct doc_ctx *c, struct decimal v, const char *unit,
		      bool per_year);
/* The plan's word for its indicators (主要指標), or 指標. */
const char *doc_indicator_word(struct doc_ctx *c);
/* "施策の柱① 新たな産業の創出": the plan's word for the level, its number and
 * the title (no word when the plan names none). */
const char *doc_level_title(struct doc_ctx *c, enum plan_level lv, const char *no,
			    const char *title);
/* A value of m in its unit, a negative with the profile's sign (△1,577). */
const char *doc_mvalue(struct doc_ctx *c, const struct measure *m, struct decimal v,
		       bool per_year);
/* 基準値 as shown in a table: "6,534千円（H29）", "7件/年（H27～R元平均）",
 * "―" for an unknown baseline. */
const char *doc_baseline(struct doc_ctx *c, const struct measure *m);
/* 目標値: "7,809千円（R13）", "1,200人（R4～R13累計）", "60件/年（R13）",
 * "2,215億円以上（R7）". */
const char *doc_target(struct doc_ctx *c, const struct measure *m);
/* A table value with its years in brackets, 「1,200人（R4～R13累計）」, for
 * a column at most col_w wide (the indicator table's cells): when the whole
 * does not fit, the bracket starts a line of its own instead of the line
 * breaker splitting it after 「累」.  text itself, or a copy in the arena. */
const char *doc_fit_value(struct doc_ctx *c, const char *text, float col_w);
/* "R7", "H29", "R元" in the arena. */
const char *doc_fy(struct doc_ctx *c, int fy);
/* A ratio in percent as the scheme prints it: "103.8％". */
const char *doc_percent(struct doc_ctx *c, const struct fig_ratio *r);
/* A subtitle between the profile's range signs, opened and closed:
 * 「～かごしま経済の活力を高める…～」 (as the plan's own cover subtitle). */
const char *doc_subtitle(struct doc_ctx *c, const char *text);
/* The mark of a figure that does not exist (―), the plan's profile's. */
const char *doc_no_data(struct doc_ctx *c);
/* Text of the plan or a record (prose, names, notes) with the profile's
 * range sign and digit widths (typo_text): 〜 → ～, 1事業者 → １事業者. */
const char *doc_text(struct doc_ctx *c, const char *text);
/* A figure as the source wrote it (a published table's cell) in the
 * profile's style (typo_figure_text): 2兆0,600億円 → 2兆600億円. */
const char *doc_figure_text(struct doc_ctx *c, const char *text);
/* printf into the build's arena. */
const char *doc_printf(struct doc_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- parts ----------------------------------------------------------- */

/* The cover: title lines (the kind's title after the year), the meeting,
 * the date, the issuer, the note on illustrative figures.  Ends the cover
 * page. */
void part_cover(struct doc_ctx *c, const char *meeting);
/* A short note in a ruled box saying which figures are illustrative and
 * how 達成率 and 評価 are computed (nothing when no value shown is sample
 * data and the plan publishes its own scheme). */
void part_figures_note(struct doc_ctx *c);
/* How the marks are given (the 評価基準, fig_describe()'s words) as a ※
 * note, once per document: above the first table that shows marks or
 * ratios, unless part_figures_note said it already. */
void part_grading_legend(struct doc_ctx *c);
/* The plan's vision and where the year stands in the plan period. */
void part_position(struct doc_ctx *c);
/* Indicator table: 指標 | 基準値 | 実績（year） | 目標 | 達成率 | 評価. */
void part_indicator_table(struct doc_ctx *c, struct indicator *const *inds,
			  size_t n);
/* 「・令和7年度上半期実績」 or 「・令和7年度末見込」 when the indicator table of
 * a working meeting shows that column, else "" (for its caption). */
const char *doc_provisional_caption(struct doc_ctx *c, struct indicator *const *inds,
				    size_t n);
/* The same for every year of the plan up to the report year (annual). */
void part_indicator_series(struct doc_ctx *c, const struct indicator *ind);
/* Trend charts, two to a row. */
void part_trend_charts(struct doc_ctx *c, struct indicator *const *inds,
		       size_t n);
/* Achievement bars of a pillar (NULL: every indicator). */
void part_bars(struct doc_ctx *c, const struct pillar *pl);
/* Whether any of the indicators shows a sample (illustrative) value up to
 * the report year. */
bool doc_shows_sample(struct doc_ctx *c, struct indicator *const *inds, size_t n);
/* With page notes (annual), marks the block just added as showing sample
 * values when shows is true: its pages carry the note. */
void doc_note_block(struct doc_ctx *c, bool shows);
/* Grade counts per pillar (nothing when no pillar has indicators: the
 * prefecture's targets belong to the plan as a whole, and a lone 全体 bar
 * said nothing their table does not). */
void part_overview(struct doc_ctx *c);
/* Whether some pillar of p has indicators of its own. */
bool doc_pillars_have_indicators(const struct plan *p);
/* The PDCA summary of one record: Plan / Do / Check / Action around the
 * cycle (and the next plan), with the indicator results computed for the
 * Check box. */
void part_pdca(struct doc_ctx *c, const struct pdca_record *r);
/* Pillars → directions → initiatives with partner marks (annual). */
void part_initiatives(struct doc_ctx *c, const struct pillar *pl);
/* The previous policy's results table as published, recomputed. */
void part_past_results(struct doc_ctx *c);
/* Data sources (算出方法) of every indicator, and what is illustrative. */
void part_sources(struct doc_ctx *c);
/* A level-1 heading with its running head. */
void part_heading(struct doc_ctx *c, int level, const char *title);
/* A body paragraph. */
void part_para(struct doc_ctx *c, const char *text);
/* Items as a list with hanging 「・」. */
void part_list(struct doc_ctx *c, const char *const *items, size_t n);
/* A small gothic lead line that stays with what follows. */
void part_caption(struct doc_ctx *c, const char *text);

/* The evaluation record of the year (part_record.c; nothing when the plan
 * has none): 所管課 and 前年度比 of the indicators, their 要因分析・課題・
 * 今後の方向性, the programmes of a pillar (NULL: all) with budget and
 * activity indicators, last council's opinions with their responses, this
 * council's opinions, and the 総括 (mark counts per pillar, this year and
 * last, and the main achievements and problems). */
void part_record_changes(struct doc_ctx *c, struct indicator *const *inds, size_t n);
void part_record_analysis(struct doc_ctx *c, struct indicator *const *inds, size_t n);
void part_record_programmes(struct doc_ctx *c, const struct pillar *pl);
void part_record_followup(struct doc_ctx *c);
void part_record_opinions(struct doc_ctx *c);
void part_record_overall(struct doc_ctx *c);
/* The note that the records shown are samples (when they are). */
void part_record_note(struct doc_ctx *c);
/* The working meeting's PDCA records since the council last met, one
 * table per meeting, under the plan's name for it (part_working.c; nothing
 * when there are none). */
void part_working_results(struct doc_ctx *c);
/* One line naming the 所管課 of the indicators (the working meeting). */
void part_record_depts(struct doc_ctx *c, struct indicator *const *inds, size_t n);

struct doc_owned {
	void (*free)(void *);
	void *ptr;
};

/* Frees ptr with fn once the story has been laid out. */
void doc_own(struct doc_ctx *c, void (*fn)(void *), void *ptr);
/* Owns a chart as above. */
void doc_own_chart(struct doc_ctx *c, struct chart *ch);
/* A chart the story will draw as a block of the body's width. */
void doc_chart_block(struct doc_ctx *c, struct chart *ch, float w);

/* The indicators that belong to no pillar and are not the basic
 * scenario's (the prefecture's targets), in document order, in the arena. */
struct indicator **doc_loose_indicators(struct doc_ctx *c, size_t *n);

/* The texts of a PDCA list, in the arena. */
const char **doc_strings(struct doc_ctx *c, const struct pdca_list *l);
/* "・a\n・b" from a PDCA list; Do items carry their figures in brackets. */
const char *doc_pdca_items(struct doc_ctx *c, const struct pdca_list *l);

/* ---- the documents --------------------------------------------------- */

/* What the rows of doc_kinds[] (kinds.c) name: each kind's compose
 * function, and the rules a kind states in a function of its own file. */
int doc_council(struct doc_ctx *c);
int doc_project(struct doc_ctx *c);
bool doc_project_applies(const struct plan *p);
int doc_annual(struct doc_ctx *c);
int doc_summary(struct doc_ctx *c);
const char *doc_summary_page_note(const struct plan *p, int fy);
/* ILLUSTRATIVE_NOTE, whatever the plan (doc.c). */
const char *doc_sample_page_note(const struct plan *p, int fy);

#endif

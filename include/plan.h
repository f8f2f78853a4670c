/* plan.h - the in-memory model of a policy plan.
 *
 * One struct plan holds everything the XML says about a plan, its actuals
 * and its grading scheme.  Everything reachable from it lives in its arena:
 * plan_free() is the whole cleanup, and later stages take const pointers and
 * never free anything.  References between parts (a project's focus
 * indicators, a scenario's issues) are pointers into the same plan, resolved
 * by the loader, never copies.
 *
 * Arrays are (pointer, count) pairs; counts of 0 mean "none in the source".
 * Text fields are UTF-8, NULL when absent.  Where the source wrote a value
 * with words around it ("10年間で1,200人", "2,215億円以上"), the model keeps
 * the parsed parts and the text as written (`text`) for faithful printing.
 */
#ifndef SHIRYO_PLAN_H
#define SHIRYO_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"

struct arena;

/* Where an element came from, for messages that name file:line:column. */
struct src_pos {
	const char *file;
	int line;
	int column; /* of the '<' of its start tag, in characters; 0 = unknown */
};

/* Which way is good.  (Named goal_ because struct direction is 取組方針.) */
enum goal {
	GOAL_HIGHER,   /* higher is better (the default) */
	GOAL_LOWER,    /* lower is better */
	GOAL_MAINTAIN, /* keep at the target, within a tolerance */
};

enum target_kind {
	TARGET_LEVEL,      /* reach value in fy (the default) */
	TARGET_CUMULATIVE, /* sum of yearly values from..to reaches value */
	TARGET_RATE,       /* value every year (60件/年) */
	TARGET_AT_LEAST,   /* value or more in fy (2,215億円以上) */
};

enum baseline_kind {
	BASELINE_LEVEL,   /* a value in one year */
	BASELINE_RATE,    /* a yearly value (121人/年) */
	BASELINE_AVERAGE, /* a yearly average over from..to (H27～R元平均) */
	BASELINE_TOTAL,   /* a total over from..to (625件 over 5 years) */
	BASELINE_UNKNOWN, /* 「―」: not measured */
};

struct baseline {
	enum baseline_kind kind;
	struct decimal value; /* not meaningful for BASELINE_UNKNOWN */
	int fy;               /* year of a level or rate; 0 if not stated */
	int from, to;         /* span of an average or total; 0 if not stated */
	const char *text;     /* as written, e.g. "6,534千円（H29）"; may be NULL */
};

struct target {
	enum target_kind kind;
	struct decimal value;    /* level, total, yearly rate or floor */
	int fy;                  /* year the target is due (may precede plan end) */
	int from, to;            /* span of a cumulative target */
	bool has_per_year;       /* cumulative targets often state a yearly pace */
	struct decimal per_year; /* 12件/年 of "60件（12件/年）" */
	const char *text;        /* as written, e.g. "10年間で1,200人" */
};

/* One yearly actual value. */
struct actual {
	int fy;
	bool known;           /* false: the year is listed but not yet known */
	struct decimal value;
	bool illustrative;    /* not a published figure (sample data) */
	const char *source;   /* file the value came from */
	int line;             /* line (or CSV row) in that file */
};

/* A measured quantity.  A simple indicator has one measure; a compound
 * indicator (製品化件数 and 技術開発件数 under one target) has several. */
struct measure {
	const char *id;       /* the indicator's id for a simple indicator */
	const char *name;     /* NULL for the single measure of a simple one */
	const char *unit;     /* 千円, ％, 件, 事業者 ... (never NULL) */
	enum goal goal;
	struct baseline baseline;
	struct target target;
	struct actual *actuals; /* sorted by fy, at most one per year */
	size_t n_actuals;
	struct src_pos pos;
};

struct pillar;
struct outcome;
struct pdca_record;

struct indicator {
	const char *id;
	const char *no;          /* label as the plan numbers it ("①", "ア") */
	const char *name;
	const char *group;       /* e.g. "基本シナリオ", or NULL */
	struct pillar *pillar;   /* NULL for plan-level indicators */
	struct outcome *outcome; /* the 目指す状態 it measures, or NULL */
	struct measure *measures;
	size_t n_measures;
	const char *source;      /* 算出方法 / data source, or NULL */
	const char *note;
	/* A published achievement figure (達成度 as the source states it), to be
	 * recomputed and checked; has_stated is false when none was given. */
	bool has_stated_achievement;
	struct decimal stated_achievement; /* in percent */
	struct src_pos pos;
};

enum partner {
	PARTNER_AGENCIES = 1 << 0, /* 関係機関: 国、県、独立行政法人、支援機関 */
	PARTNER_PRIVATE = 1 << 1,  /* 民間: 経済団体、組合、金融機関 */
	PARTNER_ACADEMIA = 1 << 2, /* 大学等: 大学、専門学校、高校 */
};

struct initiative {
	const char *id;
	const char *text;
	unsigned partners; /* enum partner bits */
	struct src_pos pos;
};

/* 取組方針 */
struct direction {
	const char *id;
	const char *no;
	const char *title;
	const char *description;
	struct initiative *initiatives;
	size_t n_initiatives;
	struct src_pos pos;
};

/* 目指す状態: a state a pillar aims at, measured by indicators. */
struct outcome {
	const char *id;
	const char *text;
	struct indicator **indicators;
	size_t n_indicators;
};

struct scenario;

struct pillar {
	const char *id;
	const char *no;       /* "①" */
	const char *title;    /* 新たな産業の創出 */
	const char *subtitle; /* かごしま経済の活力を高める... */
	const char *description;
	struct scenario **scenarios; /* 展開シナリオ this pillar carries */
	size_t n_scenarios;
	struct direction *directions;
	size_t n_directions;
	const char **measures; /* 施策 bullet points (prefecture style) */
	size_t n_measures;
	struct outcome *outcomes;
	size_t n_outcomes;
	struct indicator **indicators; /* every indicator of the pillar, in order */
	size_t n_indicators;
	struct src_pos pos;
};

/* 取組課題 */
struct issue {
	const char *id;
	const char *no;
	const char *text;
	const char *response; /* what the plan does about it (⇒ ...), or NULL */
};

/* 展開シナリオ */
struct scenario {
	const char *id;
	const char *no;
	const char *title;
	const char **states; /* 目指す状態 */
	size_t n_states;
	struct issue **issues;
	size_t n_issues;
	struct src_pos pos;
};

/* 重点プロジェクト */
struct project {
	const char *id;
	const char *no;
	const char *title;
	struct pillar *pillar;
	int from, to;             /* fiscal years of the project period */
	const char *period_text;  /* as written: 令和4年4月～令和9年3月 */
	const char *target_state; /* 目指す状態 */
	const char **initiatives;
	size_t n_initiatives;
	struct indicator **focus; /* 特に着目する主要指標 (references) */
	size_t n_focus;
	struct src_pos pos;
};

/* 会議体 */
struct meeting_body {
	const char *id;
	const char *name;
	const char *tagline;
	const char *role;
	const char **members;
	size_t n_members;
	const char *frequency;  /* 年１回 / 年２回 (中間期・年度末) */
	int times_per_year;
	const char **agenda;    /* 【内容（予定）】 */
	size_t n_agenda;
	const char **notes;
	size_t n_notes;
};

/* A titled list of text, for the parts of a plan that are prose: its
 * position, background, industry fields, management points. */
struct section {
	const char *id;
	const char *title;
	const char **paragraphs;
	size_t n_paragraphs;
	const char **items; /* bullet items */
	size_t n_items;
};

/* A row of a results table published with the plan (the prefecture's
 * 現行振興方針の目標達成状況): values as stated, achievement as stated. */
struct past_result {
	const char *id;
	const char *name;
	const char *unit;
	struct baseline baseline;
	struct target target;
	struct decimal actual;
	const char *actual_text;
	int actual_from, actual_to; /* year or span of the actual */
	struct decimal stated_achievement; /* percent as printed */
	struct src_pos pos;
};

enum grade_basis {
	GRADE_BASIS_PROGRESS,    /* (実績 − 基準) ÷ (目標 − 基準) */
	GRADE_BASIS_ACHIEVEMENT, /* 実績 ÷ 目標 */
};

struct grade_level {
	const char *mark;  /* "A", "◎", "順調" */
	const char *label; /* what it means, for the legend */
	struct decimal min; /* ratio at or above which this grade applies */
};

/* The plan's grading scheme, data rather than code (issue 5). */
struct grading {
	enum grade_basis basis;
	bool prorate;      /* compare with the expected value of the year */
	struct grade_level *levels; /* best first; the last may have min 0 */
	size_t n_levels;
	const char *no_data_mark, *no_data_label;
	const char *not_assessable_mark, *not_assessable_label;
	struct decimal maintain_tolerance; /* percent around a maintain target */
	int ratio_scale;   /* digits of a printed ratio in percent (1 → 103.8%) */
};

struct plan {
	struct arena *arena;
	const char *file;       /* path it was loaded from */

	const char *id;
	const char *title;
	const char *subtitle;
	const char *short_title; /* for running heads */
	const char *issuer;      /* 鹿児島市 */
	const char *department;
	const char *document;    /* the published document it transcribes */
	int from, to;            /* plan period, fiscal years */

	const char **vision;     /* 将来像, one line each */
	size_t n_vision;
	const char *basic_title; /* 基本シナリオ */
	const char *basic_text;
	const char **basic_points; /* どのように「稼ぐ」か ① … ⑤ */
	size_t n_basic_points;
	struct indicator **basic_indicators;
	size_t n_basic_indicators;

	struct section *sections;
	size_t n_sections;
	struct issue *issues;
	size_t n_issues;
	struct scenario *scenarios;
	size_t n_scenarios;
	struct pillar *pillars;
	size_t n_pillars;
	struct indicator *indicators; /* every indicator, in document order */
	size_t n_indicators;
	struct project *projects;
	size_t n_projects;
	const char *projects_title;   /* “地域の稼ぐ力”向上プロジェクト */
	const char *projects_intro;
	struct meeting_body *meetings;
	size_t n_meetings;
	struct past_result *past_results;
	size_t n_past_results;
	const char *past_results_title;
	const char **fields;          /* 産業分野 (prefecture) */
	size_t n_fields;

	struct grading grading;

	/* 今後の方向性: the words an evaluation record may choose (record.h),
	 * as <review-choices> lists them; illustrative when the plan
	 * publishes none of its own. */
	const char **review_choices;
	size_t n_review_choices;
	bool review_choices_illustrative;

	/* PDCA records of meetings (include/pdca.h), loaded from the files the
	 * plan names with <pdca-file>; in the plan's arena. */
	struct pdca_record *pdca;
	size_t n_pdca;

	bool actuals_illustrative;    /* some actual is sample data */
	const char *actuals_note;     /* the note to print where they show */
};

/* Frees the plan and everything it owns; NULL is a no-op. */
void plan_free(struct plan *p);

/* Look-ups by id; NULL when there is none. */
struct indicator *plan_find_indicator(const struct plan *p, const char *id);
struct pillar *plan_find_pillar(const struct plan *p, const char *id);
struct project *plan_find_project(const struct plan *p, const char *id);
/* The measure with this id: an indicator's id names its single measure, a
 * compound indicator's parts have their own ids. */
struct measure *plan_find_measure(const struct plan *p, const char *id,
				  struct indicator **owner);

/* The actual of a measure in fy, or NULL. */
const struct actual *measure_actual(const struct measure *m, int fy);

const char *goal_name(enum goal g);
const char *target_kind_name(enum target_kind k);

#endif

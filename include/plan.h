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
struct typo;

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

/* What kind of figure a yearly value is (issue 16): a final actual, or a
 * value kept apart from it and labelled (9月30日現在, 年度末見込) - in
 * struct measure's provisionals, beside the year's final actual. */
enum actual_kind {
	ACTUAL_FINAL,    /* the year's actual (the default) */
	ACTUAL_INTERIM,  /* a value at a date inside the year */
	ACTUAL_FORECAST, /* 見込: the year's expected outcome */
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

/* What a yearly value says besides its number (issue 16), kept beside the
 * actuals of a measure (one per year at most). */
struct actual_note {
	int fy;
	const char *written;  /* as written when it is not plain ("△1,577") */
	const char *mark;     /* a mark entered by the department, or a status
				 mark of the rule; NULL when computed */
	const char *reason;   /* the department's reason for the mark */
	bool done;            /* milestone: done in this year */
};

/* A value kept apart from the year's actual (issue 17): the first half's
 * (上半期実績, ACTUAL_INTERIM, as of a day such as 9月30日現在) or the
 * year-end estimate (見込, ACTUAL_FORECAST).  At most one of each kind a
 * year, beside the year's final actual when there is one: a working
 * meeting of R7 shows R7's first half while the council shows R6, and the
 * annual report R7's final value.  Never graded, never in a series. */
struct provisional {
	int fy;
	enum actual_kind kind;  /* ACTUAL_INTERIM or ACTUAL_FORECAST */
	struct decimal value;
	const char *as_of;      /* "9月30日現在", or NULL */
	bool illustrative;      /* sample data */
	const char *source;     /* file the value came from */
	int line;
};

struct grading;

/* An intermediate target (中間目標値): in force up to its year. */
struct interim_target {
	struct decimal value;
	int fy;
	const char *text;
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
	/* issue 16 */
	const struct grading *rule;   /* the indicator's rule; NULL: the plan's */
	struct interim_target *interims; /* in year order, before the target */
	size_t n_interims;
	bool calendar_year;           /* statistics by calendar year (平成25年) */
	bool unitless;                /* no unit: a ratio such as 合計特殊出生率 */
	const char *neg_sign;         /* "△" or "▲" when the source writes
					 negatives so; NULL: "-" (pages print
					 the plan's profile's sign, typo.h) */
	const char *latest;           /* a year without a value takes the latest
					 earlier one, labelled "R5" + this word
					 ("調査"); NULL: no */
	const char *milestone;        /* a milestone target ("設置", "策定"):
					 done or not yet; target.value unused */
	struct actual_note *notes;    /* by year, see struct actual_note */
	size_t n_notes;
	struct provisional *provisionals; /* by year and kind (issue 17) */
	size_t n_provisionals;
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
	unsigned partners; /* bit i: p->words.partners[i] (enum partner bits
			      for the legacy keys of an undeclared list) */
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

/* How a rule turns values into a mark (issue 16).  0 is the ratio method,
 * so that a scheme built in memory with levels only means what it did. */
enum grade_method {
	GRADE_RATIO,     /* a ratio compared with thresholds (min) */
	GRADE_BAND,      /* position against baseline and target, with a band */
	GRADE_PASS_FAIL, /* met / not met */
	GRADE_ENTERED,   /* marks entered by the department, with a reason */
	GRADE_DIRECTION, /* an arrow against the previous value */
	GRADE_NONE,      /* the plan has no rule: no marks at all */
};

/* Which case of a non-ratio method a level stands for. */
enum grade_when {
	WHEN_MIN,       /* ratio method: at or above min */
	WHEN_TARGET,    /* band: the target is reached */
	WHEN_BETTER,    /* band: better than the baseline, beyond the band */
	WHEN_SAME,      /* band: within the band around the baseline */
	WHEN_WORSE,     /* band: worse than the baseline, beyond the band */
	WHEN_MET,       /* pass-fail */
	WHEN_NOT_MET,
	WHEN_UP,        /* direction */
	WHEN_DOWN,
	WHEN_FLAT,
	WHEN_ENTERED,   /* entered: a mark the department may give */
};

/* Statuses a rule may record instead of a mark (Akiruno F/X/Y/Z, Fuji's
 * "other"). */
enum grade_status_kind {
	STATUS_COMPLETED, STATUS_NOT_STARTED, STATUS_STOPPED,
	STATUS_HARD_TO_ASSESS, STATUS_OTHER,
};

struct grade_status {
	const char *mark;
	const char *label;
	enum grade_status_kind kind;
};

/* How one target kind or goal is graded when it differs from the rule's
 * main statement: stated is false when the rule says nothing about it. */
struct kind_rule {
	bool stated;
	enum grade_basis basis;
	int prorate;   /* PRORATE_* */
};

enum prorate_from {
	PRORATE_NONE,     /* the target itself */
	PRORATE_BASELINE, /* B + (T − B) × y ÷ n */
	PRORATE_ZERO,     /* T × y ÷ n, over the target's own period */
};

struct grade_level {
	const char *mark;  /* "A", "◎", "順調" */
	const char *label; /* what it means, for the legend */
	struct decimal min; /* ratio at or above which this grade applies */
};

/* What a level of a rule stands for besides its min (issue 16), in an
 * array parallel to the levels. */
struct grade_case {
	enum grade_when when;
	bool has_within;          /* "of which 100 % or more" (Fuji) */
	struct decimal within_min;
	const char *within_label;
};

/* The plan's grading scheme, data rather than code (issue 5). */
struct grading {
	const char *id;    /* a per-indicator rule's id; NULL for the plan's */
	enum grade_method method;
	enum grade_basis basis;
	bool prorate;      /* compare with the expected value of the year */
	bool prorate_zero; /* ... shared out from zero, not from the baseline */
	/* band: width in percent of the baseline (relative) or in points */
	bool band_absolute;
	bool band_both;      /* a band on both sides (else: only worse) */
	bool band_inclusive; /* the edge is inside ("at most") */
	struct decimal band_width;
	struct grade_case *cases; /* parallel to levels; NULL: all WHEN_MIN */
	struct grade_status *statuses;
	size_t n_statuses;
	struct kind_rule cumulative, rate, at_least;
	bool maintain_stated;
	int maintain_prorate; /* PRORATE_* for the maintain reference */
	bool stated;       /* written in the plan (not a built-in default) */
	struct grade_level *levels; /* best first; the last may have min 0 */
	size_t n_levels;
	const char *no_data_mark, *no_data_label;
	const char *not_assessable_mark, *not_assessable_label;
	struct decimal maintain_tolerance; /* percent around a maintain target */
	int ratio_scale;   /* digits of a printed ratio in percent (1 → 103.8%) */
};

/* A partner of initiatives (関係機関 / 民間 / 大学等) as the plan names it. */
struct partner_def {
	const char *key;    /* the word used in <initiative partners="..."> */
	const char *name;   /* column head and legend name */
	const char *head;   /* column head when it differs (関係\n機関) */
	const char *legend; /* who it stands for: 国、県、… */
};

enum plan_level {
	LEVEL_PILLAR,     /* 施策の柱 / 基本目標 / 政策 / 分野 */
	LEVEL_DIRECTION,  /* 取組方針 / 施策 */
	LEVEL_INITIATIVE, /* 主な取組内容 / 単位施策 / 基本事業 / 事業 */
	LEVEL_MEASURE,    /* 主な施策 (bullets of a pillar) */
	LEVEL_COUNT
};

/* The words a plan uses for its own parts (issue 16): every heading and
 * table header takes them from here.  NULL: the plan does not name it. */
struct plan_words {
	const char *level[LEVEL_COUNT];
	const char *indicators;     /* 主要指標 / 成果指標 */
	const char *partners_title; /* 主な連携・協働先 */
	struct partner_def *partners;
	size_t n_partners;
	const char *partner_mark;   /* ● */
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
	struct grading *rules;   /* per-indicator rules (<rule id>), issue 16 */
	size_t n_rules;
	struct plan_words words;
	/* How figures and their symbols print (<typography>); NULL: the
	 * public-document default.  Read it with plan_typo(). */
	const struct typo *typo;

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
/* The rule a measure is graded by: its own, or the plan's. */
const struct grading *measure_rule(const struct plan *p, const struct measure *m);
/* The note of m's value in fy, or NULL. */
const struct actual_note *measure_note(const struct measure *m, int fy);
/* The first-half value (ACTUAL_INTERIM) or the forecast (ACTUAL_FORECAST)
 * of m in fy, or NULL. */
const struct provisional *measure_provisional(const struct measure *m, int fy,
					      enum actual_kind kind);
/* The case level i of g stands for (WHEN_MIN without cases). */
enum grade_when grade_when_of(const struct grading *g, size_t i);
/* The plan's word for a level, or dflt when it names none. */
const char *plan_word(const struct plan *p, enum plan_level lv, const char *dflt);
const char *target_kind_name(enum target_kind k);
/* The plan's typographic profile (typo.h): its own, or typo_public. */
const struct typo *plan_typo(const struct plan *p);

#endif

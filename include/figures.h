/* figures.h - the computed figures of indicators: trajectory, achievement,
 * progress, grades, pillar summaries, and checks of stated achievements.
 *
 * Pure arithmetic on a loaded plan: no I/O, no allocation except into an
 * arena the caller passes.  Everything here reads the plan through const
 * pointers.
 *
 * ARITHMETIC.  Every ratio is computed exactly, as a fraction of integers
 * built from the decimals as written (no binary floating point on the way),
 * and rounded once at the end, half away from zero (四捨五入, as Japanese
 * public documents round) to the precision shown: p->grading.ratio_scale
 * digits after the point of a percentage (1 → "103.8%"; clamped to 0..4).
 * The grade is chosen from that rounded percentage, so a printed 100.0% is
 * always graded as 100%.  `value` doubles are the unrounded ratios, for
 * charts.  Expected (trajectory) values are rounded to the larger number of
 * fraction digits of the baseline and the target; grades compare with the
 * exact expected value, not the rounded one.
 *
 * DEFINITIONS (a = the graded value of the year, t = the target value,
 * b = the baseline value, e = the expected value of the year):
 *
 *   achievement  a ÷ t              (達成度, the prefecture's figure)
 *                t ÷ a              for a lower-is-better goal
 *   progress     (a − b) ÷ (t − b)  (進捗率; direction-neutral as written)
 *
 * The graded value a is the year's actual, except for a cumulative target,
 * where it is the running sum of the actuals from the target's first year to
 * the year (to the target's last year at most).  A year of that span with no
 * known actual makes the running sum, and so the figure, "no data".
 *
 * TRAJECTORY (fig_expected):
 *   level        linear from (anchor, b) to (target year, t), t after the
 *                target year (a target due R8 in a plan to R13 stays at t).
 *                The anchor is the baseline's year (its last year for an
 *                average or total), or the year before the plan's first
 *                year when the baseline states none.  No expected value
 *                before the anchor.
 *   cumulative   the running sum due by the year: t × k ÷ n, k the years
 *                done of the n-year span (from..to).  No baseline needed.
 *   rate         t in every year (60件/年 is due each year).
 *   at-least     the floor t in every year; when a known baseline is on the
 *                wrong side of the floor, linear from it to the floor like a
 *                level target.
 *   unknown baseline (「―」), level target: the trajectory starts from 0 when
 *                the unit counts things (件, 社, 人, 事業者, 事業所, 者, 回,
 *                団体, 箇所, か所, 校, 店, 店舗, 名, 品目, 商品, 施設, 企業,
 *                optionally with "/年"), since a count of what the plan
 *                begins doing starts at zero; otherwise (％, 万円 ...) there
 *                is no trajectory.  A maintain goal with an unknown
 *                baseline expects t in every year.
 *
 * GRADING (fig_measure_compute): the basis ratio r, compared with the
 * scheme's levels best first (the first level whose min ≤ r; below every
 * min, the last level):
 *   level, rate  the scheme's basis: achievement, or progress; with
 *                `prorate`, e takes the place of t (a ÷ e, (a − b) ÷ (e − b)).
 *   cumulative   a ÷ t, or a ÷ e with `prorate` (achievement and progress
 *                coincide: a cumulative target counts from zero).
 *   at-least     always achievement (a ÷ t, or a ÷ e with `prorate`): a
 *                floor defines success by the level, not by a movement from
 *                the baseline, which often equals the floor (2,215 → 2,215以上).
 *   maintain     always the deviation from the reference (t, or e with
 *                `prorate`): r = 1 − |a − ref| ÷ ref; within the scheme's
 *                tolerance (|a − ref| ÷ ref ≤ tolerance %) the best level,
 *                whatever r rounds to.
 *   lower goal   achievement is inverted (ref ÷ a); an actual of 0 with a
 *                non-negative reference has met the target: best level, no
 *                ratio.
 * Marks: the scheme's no-data mark when there is no known value (no actual
 * for the year, an actual listed as not yet known, a missing year of a
 * running sum); the not-assessable mark when the basis ratio cannot be
 * computed (progress with an unknown baseline or a baseline equal to the
 * reference, a reference of 0, a prorated year before the trajectory starts,
 * a cumulative year before its span).  Where both apply, not-assessable wins:
 * it is a property of the definition, not of the data.  Missing marks in
 * the scheme fall back to FIG_NO_DATA_MARK / FIG_NOT_ASSESSABLE_MARK.
 *
 * COMPOUND INDICATORS: one figure per part (measure); the indicator's grade
 * is the worst graded part's (`deciding_part`: the lowest level, among equal
 * levels the lowest ratio).  Parts that cannot be assessed are left out of
 * that (the indicator says `partial`); if any part has no data the indicator
 * has no data yet; if no part can be assessed, it cannot be assessed.
 */
#ifndef SHIRYO_FIGURES_H
#define SHIRYO_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"
#include "plan.h"

struct arena;
struct diag_list;

#define FIG_NO_DATA_MARK "―" /* typo_public.no_data */
#define FIG_NOT_ASSESSABLE_MARK "／"

enum fig_state {
	FIG_GRADED,         /* a level of the scheme applies */
	FIG_UNGRADED,       /* figures computed, but the scheme has no levels */
	FIG_NO_DATA,        /* no known value yet: the no-data mark */
	FIG_NOT_ASSESSABLE, /* the basis ratio cannot be computed */
	FIG_STATUS,         /* a status of the rule (完了, 未着手 …): `status` */
};

/* Why a figure is missing (FIG_REASON_NONE when there is nothing to say). */
enum fig_reason {
	FIG_REASON_NONE,
	FIG_REASON_NO_ACTUAL,        /* no value recorded for the year */
	FIG_REASON_ACTUAL_UNKNOWN,   /* the year is listed, value not yet known */
	FIG_REASON_MISSING_YEAR,     /* a year of the running sum is not known */
	FIG_REASON_BEFORE_START,     /* before the trajectory or span starts */
	FIG_REASON_NO_TRAJECTORY,    /* prorated, but no expected value */
	FIG_REASON_BASELINE_UNKNOWN, /* progress needs the baseline (「―」) */
	FIG_REASON_BASELINE_IS_TARGET, /* progress: baseline = reference */
	FIG_REASON_TARGET_ZERO,      /* a ratio to a reference of 0 */
	FIG_REASON_ZERO_ACTUAL,      /* lower goal met with 0: no ratio shown */
	FIG_REASON_OVERFLOW,         /* values too large to compute exactly */
	FIG_REASON_NO_RULE,          /* the plan states no grading rule */
	FIG_REASON_NO_PREVIOUS,      /* direction: no earlier value to compare */
	FIG_REASON_NO_MARK,          /* entered: the department gave no mark */
	FIG_REASON_MILESTONE_DONE,   /* a milestone done (done_fy says when) */
	FIG_REASON_MILESTONE_PENDING,/* a milestone not yet done, not yet due */
};

/* A ratio: ok is false when it cannot be computed. */
struct fig_ratio {
	bool ok;
	double value;           /* 1.0 = 100 %, unrounded */
	struct decimal percent; /* in percent, rounded to the scheme's scale */
};

/* The figures of one measure in one fiscal year. */
struct fig_measure {
	const struct measure *measure;
	int fy;
	const struct actual *actual;  /* the year's own record, or NULL */

	bool has_value;               /* a (see above): the actual or running sum */
	struct decimal value;
	bool has_expected;            /* e: the trajectory in this year */
	struct decimal expected;

	struct fig_ratio achievement; /* a ÷ t (t ÷ a for lower), not prorated */
	struct fig_ratio progress;    /* (a − b) ÷ (t − b), not prorated */
	struct fig_ratio basis;       /* the ratio graded: the scheme's basis,
					 prorated when the scheme says so */

	enum fig_state state;
	enum fig_reason reason;       /* why not graded, or a note */
	int missing_fy;               /* the year for FIG_REASON_MISSING_YEAR */
	bool within_tolerance;        /* maintain goal inside the band */
	int level;                    /* index into the rule's levels, or -1 */
	const char *mark;             /* level's mark, or the no-data / not-
					 assessable mark; NULL for FIG_UNGRADED */
	/* issue 16 */
	const struct grading *rule;   /* the rule it was graded by */
	int status;                   /* FIG_STATUS: index into rule->statuses */
	const char *entered_reason;   /* the department's reason, if any */
	bool has_reference;           /* the value the mark compared with */
	struct decimal reference;     /* (expected, target in force, previous) */
	int target_fy;                /* the target in force: interim or final */
	bool interim;                 /* graded against an interim target */
	int done_fy;                  /* a milestone's year done, 0 */
	int previous_fy;              /* direction: the year compared with */
	int value_fy;                 /* the year of the value graded when it is
					 not fy (the latest available), else 0 */
	bool latest;                  /* fig_measure_latest: fy had no value yet;
					 these are value_fy's figures */
};

/* The figures of an indicator in one year. */
struct fig_indicator {
	const struct indicator *indicator;
	int fy;
	struct fig_measure *parts;    /* one per measure, in the caller's arena */
	size_t n_parts;
	enum fig_state state;
	enum fig_reason reason;       /* the deciding part's reason */
	int level;                    /* worst graded part's level, or -1 */
	int deciding_part;            /* index of the part that set the grade, -1 */
	bool partial;                 /* some parts could not be assessed */
	const char *mark;
	int status;                   /* FIG_STATUS: the deciding part's */
};

/* Grade counts of a pillar's indicators (or the whole plan's) in a year. */
struct fig_summary {
	const struct pillar *pillar;  /* NULL: every indicator of the plan */
	int fy;
	size_t *counts;               /* per level of p->grading (arena) */
	size_t n_levels;
	size_t no_data, not_assessable, ungraded;
	size_t statuses;              /* FIG_STATUS (completed, stopped …) */
	size_t *within;               /* per level: of which at or above the
					 level's of-which min (Fuji); arena */
	size_t other_rule;            /* graded by a per-indicator rule */
	size_t total;                 /* indicators counted */
};

/* The expected value of m in fy on its trajectory (see above).  Returns true
 * and fills *out, or false when there is none (before the anchor, unknown
 * baseline of a non-count, a target without a usable year). */
bool fig_expected(const struct plan *p, const struct measure *m, int fy,
		  struct decimal *out);

/* Computes every figure of m in fy and grades it with p->grading. Never
 * fails: what cannot be computed is marked in *out. */
void fig_measure_compute(const struct plan *p, const struct measure *m, int fy,
			 struct fig_measure *out);

/* Figures of every part of ind in fy, parts allocated in a, and the
 * indicator's grade (the worst part; see above). */
/* The figures as a table reports year fy (issue 17, "show the latest
 * value"): fy's own when it has a value; where fy has none yet (not
 * known, not published), those of the latest earlier year that has one,
 * graded as of that year (its expected value, its target in force), with
 * latest set and value_fy naming the year.  A milestone, a running sum with
 * a gap and a year before any value keep fy's own figures. */
void fig_measure_latest(const struct plan *p, const struct measure *m, int fy,
			struct fig_measure *out);
void fig_indicator_latest(const struct plan *p, const struct indicator *ind,
			  int fy, struct arena *a, struct fig_indicator *out);
void fig_indicator_compute(const struct plan *p, const struct indicator *ind,
			   int fy, struct arena *a, struct fig_indicator *out);

/* Counts the indicator grades of pillar pl (NULL: all of p->indicators) in
 * fy; out->counts is allocated in a. */
void fig_summary_compute(const struct plan *p, const struct pillar *pl, int fy,
			 struct arena *a, struct fig_summary *out);

/* The mark for a state/level under p's scheme (with the fallbacks). */
const char *fig_mark(const struct plan *p, enum fig_state st, int level);
/* The same under rule g (a per-indicator rule). */
const char *fig_rule_mark(const struct grading *g, enum fig_state st, int level);

/* ---- the words about a rule (issue 16) ------------------------------------
 * Every sentence a page prints about a grading rule comes from
 * fig_describe(), from the rule's own data: the cover note, the legend, the
 * table's column heads and the chart's axis title.  NULL fields: not to be
 * printed (a plan without a rule prints no note, legend or grade column). */
struct fig_legend_entry {
	const char *mark;
	const char *text;  /* "計画どおり以上（100%以上）" */
	int level;         /* index of the level, -1 for no-data/not-assessable/status */
	enum fig_state state;
};

struct fig_description {
	const struct grading *rule;
	const char *name;        /* "評価" / "前年度比": the mark column's head */
	const char *ratio_head;  /* "進捗率" / "達成度", or NULL: no ratio column */
	const char *axis_title;  /* the bar chart's title for year fy */
	const char *method;      /* one sentence: how the mark is given */
	const char *kinds;       /* sentences on cumulative/rate/at-least/maintain */
	const char *note;        /* the cover note: method, kinds and the marks */
	struct fig_legend_entry *legend;
	size_t n_legend;
};

/* Describes rule g (NULL: the plan's) for year fy, in a.  The kinds
 * sentences are limited to the target kinds the plan's indicators under
 * that rule use. */
void fig_describe(const struct plan *p, const struct grading *g, int fy,
		  struct arena *a, struct fig_description *out);
/* Whether rule g prints marks at all (false: no rule). */
bool fig_rule_grades(const struct grading *g);
/* Whether the plan prints marks anywhere (any rule that grades). */
bool fig_plan_grades(const struct plan *p);
/* `check`: a note when the plan states no rule (no marks will be printed).
 * The warnings on kinds a rule leaves unstated come from the loader, at
 * the indicator. */
void fig_check_rules(const struct plan *p, struct diag_list *dg);
/* Whether rule g has a ratio to show (ratio method). */
bool fig_rule_has_ratio(const struct grading *g);
/* An English phrase for a reason ("baseline unknown"), never NULL. */
const char *fig_reason_text(enum fig_reason r);

/* ---- stated achievement figures ---------------------------------------- */

/* The formulas a source may have used for a stated 達成度, in the order they
 * are tried. */
enum fig_formula {
	FIG_FORMULA_NONE,        /* none reproduces the stated figure */
	FIG_FORMULA_ACHIEVEMENT, /* 実績 ÷ 目標 (t ÷ a for a lower goal) */
	FIG_FORMULA_PROGRESS,    /* (実績 − 基準) ÷ (目標 − 基準) */
	FIG_FORMULA_PRORATED,    /* 実績 ÷ the target pro-rated linearly from
				    the baseline year to the actual's year */
	FIG_FORMULA_SPAN,        /* a total over k years ÷ the n-year target
				    × k/n (or the per-year pace × k) */
	FIG_FORMULA_COUNT
};

struct fig_stated {
	struct decimal stated;   /* as printed, in percent */
	/* Each formula's result rounded to the stated figure's own precision
	 * (index FIG_FORMULA_NONE unused). */
	struct fig_ratio candidates[FIG_FORMULA_COUNT];
	enum fig_formula matched; /* the first that reproduces it */
	int fy;                   /* the actual's year used (indicators) */
};

/* Recomputes a past_result row's stated 達成度 from its own values. */
void fig_check_past_result(const struct past_result *r, struct fig_stated *out);

/* Recomputes an indicator's stated achievement from its latest known actual
 * (the running sum for a cumulative target).  For a compound indicator it
 * is compared with every part and follows if some part reproduces it.
 * Returns false when there is nothing to check (no statement, no actual). */
bool fig_check_indicator(const struct plan *p, const struct indicator *ind,
			 struct fig_stated *out);

/* Checks every stated achievement of the plan (indicators and past
 * results); adds a DIAG_WARNING at the element's file:line:column for each
 * one no formula above reproduces at its printed precision, saying what
 * shiryo computed.  Returns the number of warnings added. */
size_t fig_check_plan(const struct plan *p, struct diag_list *dg);

/* Japanese name of a formula for messages and legends ("実績÷目標"). */
const char *fig_formula_name(enum fig_formula f);

#endif

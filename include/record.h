/* record.h - the evaluation record of a plan year (施策評価): what a council
 * reads beside the indicator figures.
 *
 * It is written in the council's PDCA file (<evaluation>, pdca.rng): per
 * indicator its 所管課 and what the department makes of it (要因分析, 課題,
 * 今後の方向性 as one of the plan's <review-choices>, a note on data lag);
 * the 事業 (programmes) under the plan's 取組方針 with 予算額 / 決算額 in 千円
 * as written and their 活動指標 (target and actual); what was done about
 * the opinions of the previous council (対応状況) and the opinions of this
 * one; and the 総括's main achievements and problems in words.  The counts
 * of marks in the 総括 and the 前年度比 are computed from the actuals
 * (figures.h), never typed.
 *
 * A record lives in the plan's arena and hangs off its council session
 * (pdca.h: pdca_session.eval); eval_of_year() finds it.
 */
#ifndef SHIRYO_RECORD_H
#define SHIRYO_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"
#include "diag.h"
#include "plan.h"

/* One indicator's assessment. */
struct eval_assessment {
	const struct indicator *indicator;
	const char *dept;      /* 所管課, or NULL */
	const char *factors;   /* 要因分析, or NULL */
	const char *issues;    /* 課題, or NULL */
	const char *choice;    /* 今後の方向性: a word of p->review_choices, or NULL */
	const char *direction; /* its explanation, or NULL */
	const char *lag;       /* note on data lag, or NULL */
	struct src_pos pos;
};

/* 活動指標 of a programme. */
struct eval_activity {
	const char *name;
	const char *unit;          /* NULL when none was written */
	bool has_target, has_actual;
	struct decimal target, actual;
	const char *target_text, *actual_text; /* as written */
	struct src_pos pos;
};

/* 事業 */
struct eval_programme {
	const char *id;
	const char *name;
	const char *dept;              /* 所管課 */
	const struct direction *direction; /* 取組方針 */
	const struct pillar *pillar;   /* the direction's pillar */
	struct decimal budget;         /* 予算額, 千円 */
	const char *budget_text;
	bool has_settlement;
	struct decimal settlement;     /* 決算額, 千円 */
	const char *settlement_text;
	const struct indicator **outcomes; /* the outcome indicators it serves */
	size_t n_outcomes;
	struct eval_activity *activities;
	size_t n_activities;
	struct src_pos pos;
};

/* An opinion given at a council. */
struct eval_opinion {
	const char *id;
	const char *member;  /* who, or NULL */
	const char *text;
	int fy;              /* the council's year */
	struct src_pos pos;
};

/* What was done about an opinion of an earlier council. */
struct eval_response {
	const struct eval_opinion *opinion;
	const char *dept;
	const char *text;
	struct src_pos pos;
};

struct eval_record {
	int fy;
	bool illustrative;
	const char *file;
	struct eval_assessment *assessments;
	size_t n_assessments;
	struct eval_programme *programmes;
	size_t n_programmes;
	struct eval_response *responses;
	size_t n_responses;
	struct eval_opinion *opinions;
	size_t n_opinions;
	const char **achievements; /* 総括: main achievements */
	size_t n_achievements;
	const char **problems;     /* 総括: main problems */
	size_t n_problems;
	struct src_pos pos;        /* the <evaluation> element */
};

/* The evaluation record of year fy, or NULL. */
const struct eval_record *eval_of_year(const struct plan *p, int fy);
/* The assessment of ind in e, or NULL (e may be NULL). */
const struct eval_assessment *eval_assessment(const struct eval_record *e,
					      const struct indicator *ind);
/* The 所管課 of ind as of fy: from the latest record up to fy that names
 * one, or NULL.  *fy_out (may be NULL) gets that record's year. */
const char *eval_dept(const struct plan *p, const struct indicator *ind, int fy,
		      int *fy_out);
/* The response in e to op, or NULL. */
const struct eval_response *eval_response_to(const struct eval_record *e,
					     const struct eval_opinion *op);

/* Warnings of `shiryo check` on the records (record_check.c): an indicator
 * graded in the plan's lowest two marks without 要因分析 or 今後の方向性; an
 * activity indicator without a target; an opinion of a council with no
 * response in the next year's record.  Each at the element's
 * FILE:LINE:COLUMN.  Returns the number of warnings added. */
size_t eval_check(const struct plan *p, struct diag_list *dg);

#endif

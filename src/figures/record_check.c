/* record_check.c - what `shiryo check` says of the evaluation records
 * (record.h: eval_check).  Warnings, not errors: a record is written over
 * weeks, and an unfinished one must still check and build. */
#include "record.h"

#include "arena.h"
#include "figures.h"
#include "fy.h"
#include "pdca.h"

static const char *fy_text(int fy, char *buf, size_t size)
{
	if (fy_format(fy, FY_STYLE_SHORT, buf, size) < 0)
		buf[0] = '\0';
	return buf;
}

size_t eval_check(const struct plan *p, struct diag_list *dg)
{
	size_t n = 0;
	struct arena *a = arena_new();
	char y[16], z[16];
	size_t nl = p->grading.n_levels;
	for (int fy = p->from; fy <= p->to; fy++) {
		const struct eval_record *e = eval_of_year(p, fy);
		if (!e)
			continue;
		/* the plan's lowest two marks want a reason and a way on */
		for (size_t i = 0; nl >= 2 && i < p->n_indicators; i++) {
			const struct indicator *ind = &p->indicators[i];
			struct fig_indicator fi;
			fig_indicator_compute(p, ind, fy, a, &fi);
			if (fi.state != FIG_GRADED || fi.level < (int)nl - 2)
				continue;
			const struct eval_assessment *as = eval_assessment(e, ind);
			const char *miss = !as || (!as->factors && !as->choice)
						   ? "要因分析 or 今後の方向性"
					   : !as->factors ? "要因分析"
					   : !as->choice ? "今後の方向性" : NULL;
			if (!miss)
				continue;
			struct src_pos at = as ? as->pos : e->pos;
			diag_add(dg, DIAG_WARNING, at.file, at.line, at.column,
				 "indicator '%s' is graded %s in %s (one of the plan's lowest two "
				 "marks) but its assessment has no %s", ind->id, fi.mark,
				 fy_text(fy, y, sizeof y), miss);
			n++;
		}
		for (size_t i = 0; i < e->n_programmes; i++) {
			const struct eval_programme *pg = &e->programmes[i];
			for (size_t k = 0; k < pg->n_activities; k++) {
				const struct eval_activity *ac = &pg->activities[k];
				if (ac->target_text)
					continue;
				diag_add(dg, DIAG_WARNING, ac->pos.file, ac->pos.line,
					 ac->pos.column,
					 "activity indicator '%s' of programme '%s' has no target",
					 ac->name ? ac->name : "?", pg->id ? pg->id : "?");
				n++;
			}
		}
		/* last year's opinions, answered in this year's record */
		const struct eval_record *prev = eval_of_year(p, fy - 1);
		for (size_t i = 0; prev && i < prev->n_opinions; i++) {
			const struct eval_opinion *op = &prev->opinions[i];
			if (eval_response_to(e, op))
				continue;
			diag_add(dg, DIAG_WARNING, op->pos.file, op->pos.line, op->pos.column,
				 "opinion '%s' of the %s council has no response in the %s "
				 "record (%s)", op->id, fy_text(fy - 1, y, sizeof y),
				 fy_text(fy, z, sizeof z), e->file);
			n++;
		}
	}
	arena_free(a);
	return n;
}

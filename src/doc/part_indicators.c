/* part_indicators.c - indicator tables and the charts that go with them.
 *
 * The table row of a measure reads, left to right, as a council member
 * reads it aloud: what (指標), where it started (基準値), where it is
 * (実績), where it should get (目標), how far (達成率), and the verdict
 * (評価).  The figures come from figures.h only, so the table, the charts
 * and the Check box of the PDCA summary always agree.
 */
#include <string.h>

#include "arena.h"
#include "doc_int.h"
#include "figures.h"
#include "typesize.h"

/* The 実績 cell of a measure's figure in the table of year fy: the value;
 * where fy has none yet, the latest earlier one with its year
 * (fig_measure_latest: 「7,081千円（R5）」); and where fy has no final value,
 * its forecast or first-half value, labelled and never graded (「見込
 * 46.0％」).  Pure: whether the cell shows sample data is the caller's
 * question, answered from the data (doc_shows_sample). */
static const char *actual_text(struct doc_ctx *c, const struct fig_measure *f, int fy)
{
	const struct measure *m = f->measure;
	if (m->milestone)
		return f->done_fy ? doc_printf(c, "済（%s）", doc_fy(c, f->done_fy)) : "未了";
	const char *v = "未確定";
	if (f->has_value) {
		v = doc_mvalue(c, m, f->value, false);
		if (m->target.kind == TARGET_CUMULATIVE)
			v = doc_printf(c, "累計 %s", v);
		else if (m->target.kind == TARGET_RATE || m->baseline.kind == BASELINE_RATE)
			v = doc_mvalue(c, m, f->value, true);
		if (f->value_fy)
			v = doc_printf(c, "%s（%s%s）", v, doc_fy(c, f->value_fy),
				       m->latest ? m->latest : "");
		if (m->calendar_year)
			v = doc_printf(c, "%s（暦年）", v);
		if (!f->value_fy)
			return v; /* fy's own value */
	}
	const struct provisional *pv = measure_provisional(m, fy, ACTUAL_FORECAST);
	if (!pv)
		pv = measure_provisional(m, fy, ACTUAL_INTERIM);
	if (!pv)
		return v;
	const char *pt = doc_printf(c, "%s %s", pv->kind == ACTUAL_FORECAST ? "見込"
					      : pv->as_of ? pv->as_of : "上半期",
				    doc_mvalue(c, m, pv->value, false));
	return f->has_value ? doc_printf(c, "%s\n%s", v, pt) : pt;
}

/* The kind of value kept apart from the actuals (plan.h: struct
 * provisional) a working-meeting handout shows beside the year's results:
 * the mid-year meeting the first half of its year (上半期実績), the year-end
 * meeting the estimate (見込) - ACTUAL_FINAL (none) for the other kinds. */
static enum actual_kind provisional_kind(const struct doc_ctx *c)
{
	if (!c->o->kind->meetings)
		return ACTUAL_FINAL;
	return c->o->meeting == MEETING_MIDYEAR ? ACTUAL_INTERIM : ACTUAL_FORECAST;
}

/* The first value of kind k in year fy among the indicators, or NULL. */
static const struct provisional *first_provisional(struct indicator *const *inds, size_t n,
						   int fy, enum actual_kind k)
{
	for (size_t i = 0; k != ACTUAL_FINAL && i < n; i++)
		for (size_t j = 0; j < inds[i]->n_measures; j++) {
			const struct provisional *pv =
				measure_provisional(&inds[i]->measures[j], fy, k);
			if (pv)
				return pv;
		}
	return NULL;
}

/* Which columns the plan's rules call for (issue 16): a ratio column only
 * where a rule computes a ratio, a mark column only where a rule gives
 * marks; their heads are fig_describe()'s. */
struct grade_cols {
	const char *ratio_head, *mark_head;
};

static struct grade_cols grade_cols(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	struct grade_cols k = {0};
	struct fig_description d;
	fig_describe(p, &p->grading, c->rfy, c->a, &d);
	k.ratio_head = d.ratio_head;
	k.mark_head = d.name;
	for (size_t i = 0; i < p->n_rules; i++) {
		fig_describe(p, &p->rules[i], c->rfy, c->a, &d);
		bool used = false;
		for (size_t j = 0; j < p->n_indicators && !used; j++)
			for (size_t m = 0; m < p->indicators[j].n_measures; m++)
				used |= p->indicators[j].measures[m].rule == &p->rules[i];
		if (!used)
			continue;
		if (!k.ratio_head)
			k.ratio_head = d.ratio_head;
		if (!k.mark_head)
			k.mark_head = d.name;
		else if (d.name && strcmp(d.name, k.mark_head) != 0)
			k.mark_head = "評価";
	}
	return k;
}

static const char *ratio_text(struct doc_ctx *c, const struct fig_measure *f)
{
	if (f->state == FIG_GRADED || f->state == FIG_UNGRADED)
		return f->basis.ok ? doc_percent(c, &f->basis)
				   : (f->within_tolerance ? "範囲内" : doc_no_data(c));
	return doc_no_data(c);
}

/* The indicator tables' style (doc_fit_value measures against it: the
 * size, the role and the padding are the table's own, never copies). */
static struct table_style cells(void)
{
	return (struct table_style){.role = FONT_MINCHO, .size = TYPE.table};
}

#define VALUE_MAX LAY_MM(34) /* widest a 基準値 or 目標値 column gets */
#define ACTUAL_MAX LAY_MM(26) /* and the 実績 column */

const char *doc_fit_value(struct doc_ctx *c, const char *text, float col_w)
{
	const char *br = strstr(text, "（");
	if (!br || br == text)
		return text;
	struct table_style ts = cells();
	struct text_style st = {.role = ts.role, .size = ts.size};
	struct text_layout *tl = text_layout_new(c->te, text, strlen(text), &st,
						 0, NULL, NULL);
	float w = tl->natural_width;
	text_layout_free(tl);
	if (w + 2 * table_pad_x(&ts) <= col_w)
		return text;
	return doc_printf(c, "%.*s\n%s", (int)(br - text), text, br);
}

/* The department's reason or the status's label under a name (Akiruno:
 * the mark, its label and the reason are printed). */
static const char *with_reason(struct doc_ctx *c, const char *name,
			       const struct fig_measure *f)
{
	const struct grading *g = f->rule;
	const char *label = NULL;
	if (f->state == FIG_STATUS && g && f->status >= 0)
		label = g->statuses[f->status].label;
	else if (f->state == FIG_GRADED && g && g->method == GRADE_ENTERED && f->level >= 0)
		label = g->levels[f->level].label;
	if (!label && !f->entered_reason)
		return name;
	return doc_printf(c, "%s\n（%s%s%s）", name, label ? label : "",
			  label && f->entered_reason ? "：" : "",
			  f->entered_reason ? f->entered_reason : "");
}

/* The width the value columns 1..3 need so that no bracket of years is
 * split (「（R4～R13累計）」 over two lines when the column is squeezed to
 * its narrowest piece): each column's widest bracket and the padding. */
struct value_need {
	float w[4];
};

static void need_bracket(struct doc_ctx *c, struct value_need *vn, size_t col,
			 const char *text)
{
	const char *br = strstr(text, "（");
	if (!br)
		return;
	struct table_style ts = cells();
	struct text_style st = {.role = ts.role, .size = ts.size};
	const char *end = strchr(br, '\n');
	size_t len = end ? (size_t)(end - br) : strlen(br);
	/* a point to spare: the line breaker measures the same run in its
	 * own sums of floats */
	float w = text_width(c->te, st.role, st.size, br, len, NULL, NULL) +
		  2 * table_pad_x(&ts) + 1;
	if (w > vn->w[col])
		vn->w[col] = w;
}

static void measure_row(struct doc_ctx *c, struct table *t, struct value_need *vn,
			const char *name, const struct fig_measure *f,
			const char *src_file, int src_line, enum actual_kind pk)
{
	struct grade_cols k = grade_cols(c);
	size_t r = table_add_row(t, false);
	table_set_cell(t, r, 0, &(struct table_cell){
		.text = with_reason(c, name, f), .src = {src_file, src_line}});
	const char *v[4] = {
		NULL, doc_fit_value(c, doc_baseline(c, f->measure), VALUE_MAX),
		doc_fit_value(c, actual_text(c, f, c->rfy), ACTUAL_MAX),
		doc_fit_value(c, doc_target(c, f->measure), VALUE_MAX),
	};
	for (size_t i = 1; i <= 3; i++) {
		table_set(t, r, i, v[i]);
		need_bracket(c, vn, i, v[i]);
	}
	size_t col = 4;
	if (k.ratio_head)
		table_set(t, r, col++, ratio_text(c, f));
	if (k.mark_head)
		table_set_cell(t, r, col++, &(struct table_cell){
			.text = f->mark ? f->mark : "", .align = TABLE_CENTER});
	if (pk != ACTUAL_FINAL) {
		const struct provisional *pv = measure_provisional(f->measure, c->o->fy, pk);
		const char *pt = pv ? doc_mvalue(c, f->measure, pv->value, false) : doc_no_data(c);
		/* beside a running sum, the year's own part of it */
		if (pv && f->measure->target.kind == TARGET_CUMULATIVE)
			pt = doc_printf(c, "年度分 %s", pt);
		table_set(t, r, col, pt);
	}
}

/* Numbers right-aligned in every value column, so that 基準値, 実績 and
 * 目標値 of a row line up on their last digit (or their bracket) and read
 * across as one comparison. */
static void value_cols(struct table *t, const struct value_need *vn)
{
	static const float lo[4] = {0, LAY_MM(20), LAY_MM(18), LAY_MM(20)};
	static const float hi[4] = {0, VALUE_MAX, ACTUAL_MAX, VALUE_MAX};
	for (size_t i = 1; i <= 3; i++) {
		float min = vn->w[i] > lo[i] ? vn->w[i] : lo[i];
		table_set_col(t, i, &(struct table_col){
			.width_kind = TABLE_AUTO, .min = min < hi[i] ? min : hi[i],
			.max = hi[i], .align = TABLE_RIGHT});
	}
}

/* The head of the column of kind pk: 「上半期実績（R7）」, 「見込（R7）」. */
static const char *provisional_head(struct doc_ctx *c, enum actual_kind pk)
{
	return doc_printf(c, "%s（%s）", pk == ACTUAL_INTERIM ? "上半期実績" : "見込",
			  c->fy_short);
}

const char *doc_provisional_caption(struct doc_ctx *c, struct indicator *const *inds,
				    size_t n)
{
	enum actual_kind pk = provisional_kind(c);
	if (!first_provisional(inds, n, c->o->fy, pk))
		return "";
	return doc_printf(c, "・%s%s", c->fy_era, pk == ACTUAL_INTERIM ? "上半期実績" : "末見込");
}

static struct table *indicator_table_new(struct doc_ctx *c, enum actual_kind pk)
{
	struct grade_cols k = grade_cols(c);
	size_t cols = 4 + (k.ratio_head != NULL) + (k.mark_head != NULL) +
		      (pk != ACTUAL_FINAL);
	struct table_style ts = cells();
	struct table *t = table_new(cols, &ts);
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1});
	value_cols(t, &(struct value_need){{0}});
	size_t col = 4;
	if (k.ratio_head)
		table_set_col(t, col++, &(struct table_col){.width_kind = TABLE_FIXED,
							     .width = LAY_MM(16),
							     .align = TABLE_DECIMAL});
	if (k.mark_head)
		table_set_col(t, col++, &(struct table_col){.width_kind = TABLE_FIXED,
							     .width = LAY_MM(10), .align = TABLE_CENTER,
							     .valign = TEXT_MIDDLE});
	if (pk != ACTUAL_FINAL)
		table_set_col(t, col, &(struct table_col){.width_kind = TABLE_AUTO,
							   .min = LAY_MM(22), .max = VALUE_MAX,
							   .align = TABLE_RIGHT}); /* 26,990事業所 whole */
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "指標");
	table_set(t, h, 1, "基準値");
	table_set(t, h, 2, doc_printf(c, "実績（%s）", c->rfy_short));
	table_set(t, h, 3, "目標値");
	col = 4;
	if (k.ratio_head)
		table_set(t, h, col++, k.ratio_head);
	if (k.mark_head)
		table_set(t, h, col++, k.mark_head);
	if (pk != ACTUAL_FINAL)
		table_set(t, h, col, provisional_head(c, pk));
	return t;
}

static const char *indicator_label(struct doc_ctx *c, const struct indicator *ind)
{
	return ind->no ? doc_printf(c, "%s %s", ind->no, ind->name) : ind->name;
}

/* Adds the rows of one indicator in year fy (a compound one: a spanning
 * title row, then a row per part), as of the latest year with a value
 * where fy has none yet; the earliest such year in *latest_fy. */
static void indicator_rows(struct doc_ctx *c, struct table *t,
			   struct value_need *vn, const struct indicator *ind, int fy,
			   enum actual_kind pk, int *latest_fy)
{
	struct fig_indicator fi;
	fig_indicator_latest(c->p, ind, fy, c->a, &fi);
	for (size_t i = 0; i < fi.n_parts; i++)
		if (fi.parts[i].latest && (!*latest_fy || fi.parts[i].value_fy < *latest_fy))
			*latest_fy = fi.parts[i].value_fy;
	if (fi.n_parts == 1) {
		measure_row(c, t, vn, indicator_label(c, ind), &fi.parts[0],
			    ind->pos.file, ind->pos.line, pk);
		return;
	}
	struct grade_cols k = grade_cols(c);
	int span = 4 + (k.ratio_head != NULL);
	size_t r = table_add_row(t, false);
	table_set_cell(t, r, 0, &(struct table_cell){
		.text = indicator_label(c, ind), .colspan = span, .grey = 0.95f,
		.src = {ind->pos.file, ind->pos.line}});
	if (k.mark_head)
		table_set_cell(t, r, (size_t)span, &(struct table_cell){
			.text = fi.mark ? fi.mark : "", .align = TABLE_CENTER, .grey = 0.95f});
	if (pk != ACTUAL_FINAL)
		table_set_cell(t, r, (size_t)span + (k.mark_head != NULL),
			       &(struct table_cell){.grey = 0.95f});
	for (size_t i = 0; i < fi.n_parts; i++) {
		const struct measure *m = fi.parts[i].measure;
		measure_row(c, t, vn, doc_printf(c, "　%s", m->name ? m->name : ""),
			    &fi.parts[i], m->pos.file, m->pos.line, pk);
	}
}

static bool sample_until(const struct indicator *ind, int fy);

bool doc_shows_sample(struct doc_ctx *c, struct indicator *const *inds, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (sample_until(inds[i], c->rfy))
			return true;
	return false;
}

void doc_note_block(struct doc_ctx *c, bool shows)
{
	if (c->page_notes && shows)
		story_note_last(c->s);
}

/* Whether an indicator shows a sample value up to year fy (its table, its
 * trend, the achievement and grade computed from them). */
static bool sample_until(const struct indicator *ind, int fy)
{
	for (size_t i = 0; i < ind->n_measures; i++) {
		const struct measure *m = &ind->measures[i];
		for (size_t k = 0; k < m->n_actuals; k++)
			if (m->actuals[k].fy <= fy && m->actuals[k].known &&
			    m->actuals[k].illustrative)
				return true;
	}
	return false;
}

/* The note under a table that shows sample values (or, with page notes,
 * the mark that puts it at the foot of the table's pages). */
static void illustrative_note_ex(struct doc_ctx *c, bool shows, const char *text)
{
	if (!shows)
		return;
	if (c->page_notes) {
		story_note_last(c->s);
		return;
	}
	story_para_ex(c->s, &(struct lay_para){
		.text = text,
		.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f,
			  .align = TEXT_RIGHT},
		.before = 2, .after = 4, .keep_with_prev = true,
	});
}

static void illustrative_note(struct doc_ctx *c, bool shows)
{
	illustrative_note_ex(c, shows, ILLUSTRATIVE_NOTE);
}

/* A note under an indicator table, left-aligned (what a column or a
 * bracket means). */
static void table_note(struct doc_ctx *c, const char *text)
{
	story_para_ex(c->s, &(struct lay_para){
		.text = text,
		.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f},
		.before = 2, .after = 2, .keep_with_prev = true,
	});
}

void part_indicator_table(struct doc_ctx *c, struct indicator *const *inds, size_t n)
{
	if (!n)
		return;
	/* a working meeting's first half or estimate of its own year, in a
	 * column of its own where the data has them */
	enum actual_kind pk = provisional_kind(c);
	const struct provisional *pv = first_provisional(inds, n, c->o->fy, pk);
	if (!pv)
		pk = ACTUAL_FINAL;
	struct grade_cols gk = grade_cols(c);
	if (gk.ratio_head || gk.mark_head)
		part_grading_legend(c);
	struct table *t = indicator_table_new(c, pk);
	struct value_need vn = {{0}};
	int latest_fy = 0;
	for (size_t i = 0; i < n; i++)
		indicator_rows(c, t, &vn, inds[i], c->rfy, pk, &latest_fy);
	value_cols(t, &vn);
	story_table(c->s, t);
	/* say what is not the year's own final value */
	if (latest_fy) {
		struct grade_cols k = grade_cols(c);
		table_note(c, doc_printf(c, "※ 実績欄に（%s）などと年度を付した%sは、%sの実績が"
					 "未確定のため、その年度の実績%sを示しています。",
					 doc_fy(c, latest_fy), doc_indicator_word(c), c->rfy_short,
					 k.mark_head || k.ratio_head
						 ? "と、その年度時点での評価" : ""));
	}
	if (pv)
		table_note(c, pk == ACTUAL_INTERIM
			? doc_printf(c, "※ %sは%sの値です（年度の実績ではないため、評価には"
				     "用いていません）。", provisional_head(c, pk),
				     pv->as_of ? pv->as_of : "年度途中")
			: doc_printf(c, "※ %sは%s末の見込みです（実績ではないため、評価"
				     "には用いていません）。", provisional_head(c, pk), c->fy_era));
	if (pv && pv->illustrative)
		illustrative_note_ex(c, true, doc_printf(c, "※ 実績値・%sは例示値です（公表された"
							 "統計値ではありません）。",
							 pk == ACTUAL_INTERIM ? "上半期実績" : "見込"));
	else
		illustrative_note(c, doc_shows_sample(c, inds, n));
}

void part_indicator_series(struct doc_ctx *c, const struct indicator *ind)
{
	struct grade_cols k = grade_cols(c);
	size_t cols = 4 + (k.ratio_head != NULL) + (k.mark_head != NULL);
	struct table_style ts = cells();
	struct table *t = table_new(cols, &ts);
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED,
						 .width = LAY_MM(16), .align = TABLE_CENTER});
	for (size_t j = 1; j <= 3; j++)
		table_set_col(t, j, &(struct table_col){.width_kind = TABLE_SHARE,
							 .width = 1, .align = TABLE_RIGHT});
	size_t col = 4;
	if (k.ratio_head)
		table_set_col(t, col++, &(struct table_col){.width_kind = TABLE_FIXED,
							     .width = LAY_MM(18),
							     .align = TABLE_DECIMAL});
	if (k.mark_head)
		table_set_col(t, col, &(struct table_col){.width_kind = TABLE_FIXED,
							   .width = LAY_MM(12),
							   .align = TABLE_CENTER});
	size_t h = table_add_row(t, true);
	const char *head[] = {"年度", "実績", "目安", "目標値", k.ratio_head, k.mark_head};
	col = 0;
	for (size_t j = 0; j < 6; j++)
		if (head[j])
			table_set(t, h, col++, head[j]);
	for (size_t i = 0; i < ind->n_measures; i++) {
		const struct measure *m = &ind->measures[i];
		if (ind->n_measures > 1) {
			size_t r = table_add_row(t, false);
			table_set_cell(t, r, 0, &(struct table_cell){
				.text = m->name, .colspan = (int)cols, .grey = 0.95f});
		}
		for (int fy = c->p->from; fy <= c->rfy; fy++) {
			struct fig_measure f;
			fig_measure_compute(c->p, m, fy, &f);
			size_t r = table_add_row(t, false);
			table_set(t, r, 0, doc_fy(c, fy));
			table_set(t, r, 1, actual_text(c, &f, fy));
			table_set(t, r, 2, f.has_expected
				  ? doc_mvalue(c, m, f.expected, false) : doc_no_data(c));
			table_set(t, r, 3, doc_target(c, m));
			col = 4;
			if (k.ratio_head)
				table_set(t, r, col++, ratio_text(c, &f));
			if (k.mark_head)
				table_set(t, r, col, f.mark ? f.mark : "");
		}
	}
	story_table(c->s, t);
	illustrative_note(c, sample_until(ind, c->rfy));
}

/* Two trend charts side by side, drawn by the story. */
struct chart_pair {
	struct chart *left, *right;
};

#define PAIR_GAP 12.0f

static void draw_pair(struct dl_doc *d, struct dl_page *pg, float x, float y,
		      float w, float h, void *ctx)
{
	struct chart_pair *cp = ctx;
	float half = (w - PAIR_GAP) / 2;
	chart_draw(d, pg, x, y, half, h, cp->left);
	if (cp->right)
		chart_draw(d, pg, x + half + PAIR_GAP, y, half, h, cp->right);
}

static struct chart_opts chart_options(struct doc_ctx *c)
{
	return (struct chart_opts){.fy = c->rfy, .diags = c->dg,
				   .monochrome = c->o->pdfa && c->o->kind->pdfa};
}

/* Whether ind is a milestone (設置, 策定) only: done or not, no series. */
static bool milestone_only(const struct indicator *ind)
{
	for (size_t i = 0; i < ind->n_measures; i++)
		if (!ind->measures[i].milestone)
			return false;
	return ind->n_measures > 0;
}

void part_trend_charts(struct doc_ctx *c, struct indicator *const *all, size_t n_all)
{
	/* a milestone has no trend to draw: its table row says done or not */
	struct indicator **inds = arena_calloc(c->a, n_all + 1, sizeof *inds);
	size_t n = 0;
	for (size_t i = 0; i < n_all; i++)
		if (!milestone_only(all[i]))
			inds[n++] = all[i];
	struct chart_opts o = chart_options(c);
	float half = (c->body_w - PAIR_GAP) / 2;
	for (size_t i = 0; i < n; i += 2) {
		struct chart_pair *cp = arena_alloc(c->a, sizeof *cp);
		cp->left = chart_trend_new(c->te, c->p, inds[i], &o);
		doc_own_chart(c, cp->left);
		float h = chart_height(cp->left, half);
		float min_h = chart_min_height(cp->left, half);
		if (i + 1 < n) {
			cp->right = chart_trend_new(c->te, c->p, inds[i + 1], &o);
			doc_own_chart(c, cp->right);
			float h2 = chart_height(cp->right, half);
			float m2 = chart_min_height(cp->right, half);
			if (h2 > h)
				h = h2;
			if (m2 > min_h)
				min_h = m2;
		}
		/* shrinkable: a section kept on one page may take a little
		 * from its charts rather than leave its last lines behind */
		story_fixed_ex(c->s, &(struct lay_fixed){.h = h, .min_h = min_h,
							 .fn = draw_pair, .ctx = cp});
		doc_note_block(c, sample_until(inds[i], c->rfy) ||
			      (i + 1 < n && sample_until(inds[i + 1], c->rfy)));
	}
}

/* Whether any indicator of pl (NULL: of the plan) shows a sample value. */
static bool pillar_sample(struct doc_ctx *c, const struct pillar *pl)
{
	if (pl) {
		for (size_t i = 0; i < pl->n_indicators; i++)
			if (sample_until(pl->indicators[i], c->rfy))
				return true;
		return false;
	}
	for (size_t i = 0; i < c->p->n_indicators; i++)
		if (sample_until(&c->p->indicators[i], c->rfy))
			return true;
	return false;
}

#define LEAD_ROOM 160.0f /* a level-1 heading and a few lines of note */

/* Rows [from, from + n) of the overview (overview) or of pl's bars, or
 * NULL when taller than room (n > 1) - its height in *h. */
static struct chart *slice(struct doc_ctx *c, const struct pillar *pl, bool overview,
			   size_t from, size_t n, float room, float *h)
{
	struct chart_opts o = chart_options(c);
	o.total_row = overview;
	o.rows_from = from;
	o.rows_n = n;
	struct chart *ch = overview ? chart_overview_new(c->te, c->p, &o)
				    : chart_bars_new(c->te, c->p, pl, &o);
	*h = chart_height(ch, c->body_w);
	if (*h > room && n > 1) {
		chart_free(ch);
		return NULL;
	}
	return ch;
}

/* The next block of a chart cut to pages: the most of the left rows from
 * from on that fit room (heights grow with the rows), its height in *h and
 * its rows in *rows.  A single row is never refused (one taller than a page
 * is drawn clipped, with the layout's warning). */
static struct chart *next_block(struct doc_ctx *c, const struct pillar *pl, bool overview,
				size_t from, size_t left, float room, float *h, size_t *rows)
{
	size_t lo = 1, hi = left;
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		struct chart *t = slice(c, pl, overview, from, mid, room, h);
		if (t) {
			chart_free(t);
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	*rows = lo;
	return slice(c, pl, overview, from, lo, room, h);
}

/* A pillar of a few dozen indicators has bars taller than a page (55 were
 * 825 pt on A4's 723): they were clipped, the last rows lost without an
 * error (issue 14).  Cut into blocks of at most a page, each with its own
 * header, axis and legend, the later ones headed （続き）. */
void part_bars(struct doc_ctx *c, const struct pillar *pl)
{
	if (!fig_rule_has_ratio(&c->p->grading))
		return; /* no ratio to draw: no bars, no legend (issue 16) */
	struct chart_opts o = chart_options(c);
	struct chart *all = chart_bars_new(c->te, c->p, pl, &o);
	if (chart_height(all, c->body_w) <= c->body_h) {
		doc_chart_block(c, all, c->body_w);
		doc_note_block(c, pillar_sample(c, pl));
		return;
	}
	size_t n = chart_rows(all);
	chart_free(all);
	float room = c->body_h - LEAD_ROOM;
	for (size_t from = 0, lo; from < n; room = c->body_h) {
		float h;
		struct chart *ch = next_block(c, pl, false, from, n - from, room, &h, &lo);
		doc_own_chart(c, ch);
		story_fixed(c->s, h, chart_draw, ch);
		story_what_last(c->s, chart_what(ch, c->a));
		from += lo;
	}
	doc_note_block(c, pillar_sample(c, pl));
}

bool doc_pillars_have_indicators(const struct plan *p)
{
	for (size_t i = 0; i < p->n_pillars; i++)
		if (p->pillars[i].n_indicators)
			return true;
	return false;
}

/* A plan of a few pillars gets one block; one of hundreds (a plan ×100 is
 * 6,700 pt of rows) was clipped to its first page.  Its rows are cut into
 * blocks that each fill at most a page, each with the legend and the axis
 * of its own, so that every page reads alone. */
void part_overview(struct doc_ctx *c)
{
	if (!fig_rule_grades(&c->p->grading))
		return; /* no marks to count */
	if (!doc_pillars_have_indicators(c->p))
		return; /* a lone 全体 bar: the plan's targets have their table */
	struct chart_opts o = chart_options(c);
	o.total_row = true;
	struct chart *all = chart_overview_new(c->te, c->p, &o);
	bool sample = pillar_sample(c, NULL);
	if (chart_height(all, c->body_w) <= c->body_h) {
		doc_own_chart(c, all);
		story_fixed(c->s, chart_height(all, c->body_w), chart_draw, all);
		doc_note_block(c, sample);
		return;
	}
	size_t n = chart_rows(all);
	chart_free(all);
	/* The first block leaves room for what leads to it on its page (the
	 * section heading and the ※ note, kept with it): a page-tall first
	 * block put the heading alone on one page and the note on the next. */
	float room = c->body_h - LEAD_ROOM;
	for (size_t from = 0, lo; from < n; room = c->body_h) {
		float h;
		struct chart *ch = next_block(c, NULL, true, from, n - from, room, &h, &lo);
		doc_own_chart(c, ch);
		story_fixed(c->s, h, chart_draw, ch);
		doc_note_block(c, sample);
		from += lo;
	}
}

struct indicator **doc_loose_indicators(struct doc_ctx *c, size_t *n)
{
	const struct plan *p = c->p;
	struct indicator **v = arena_calloc(c->a, p->n_indicators + 1, sizeof *v);
	*n = 0;
	for (size_t i = 0; i < p->n_indicators; i++) {
		struct indicator *ind = &p->indicators[i];
		bool basic = false;
		for (size_t k = 0; k < p->n_basic_indicators; k++)
			basic |= p->basic_indicators[k] == ind;
		if (!ind->pillar && !basic)
			v[(*n)++] = ind;
	}
	return v;
}

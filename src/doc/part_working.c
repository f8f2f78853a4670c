/* part_working.c - the working meeting's results in the council handout.
 *
 * A plan whose council shares what its working meeting concluded (the city
 * plan's agenda: 「熱度マネジメント会議」の協議結果に関する情報共有) gets one
 * section with the PDCA records of the working meetings held since the
 * council last met: the year-end meeting of the year before and this
 * year's mid-year meeting, and any held by the council's own date.  A
 * table per meeting: the priority project, what was done, how it is
 * judged and what changes.  The names are the plan's own (the record's
 * <meeting-name>, the plan's meeting held twice a year); a plan without
 * such records gets no section, and nothing says so.
 */
#include "doc_int.h"
#include "fy.h"
#include "typesize.h"

/* yyyymmdd of a session's date, or 0 when it has none. */
static long session_day(const struct pdca_session *s)
{
	return s && s->year ? (long)s->year * 10000 + s->month * 100 + s->day : 0;
}

/* The plan's name of its working meeting: the one held twice a year. */
static const char *working_name(const struct plan *p)
{
	for (size_t i = 0; i < p->n_meetings; i++)
		if (p->meetings[i].times_per_year == 2 && p->meetings[i].name)
			return p->meetings[i].name;
	return NULL;
}

/* "令和7年度 第1回 熱度マネジメント会議（中間期）（令和7年10月9日）". */
static const char *session_title(struct doc_ctx *c, const struct pdca_session *s)
{
	const char *name = s->name;
	if (!name) {
		char era[32];
		fy_format(s->fy, FY_STYLE_ERA, era, sizeof era);
		const char *w = working_name(c->p);
		name = doc_printf(c, "%s %s（%s）", era, w ? w : "",
				  s->meeting == PDCA_MIDYEAR ? "中間期" : "年度末");
	}
	char date[48];
	if (s->year && fy_format_date(s->year, s->month, s->day, date, sizeof date) >= 0)
		return doc_printf(c, "%s（%s）", name, date);
	return name;
}

static void session_table(struct doc_ctx *c, const struct pdca_record *r, size_t n)
{
	struct table *t = table_new(4, &(struct table_style){.role = FONT_MINCHO,
							     .size = TYPE.table});
	/* wide enough for its head 「重点プロジェクト」 on one line at 10 pt */
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(38)});
	for (size_t k = 1; k < 4; k++)
		table_set_col(t, k, &(struct table_col){.width_kind = TABLE_SHARE, .width = 2});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "重点プロジェクト");
	table_set(t, h, 1, "主な取組（Do）");
	table_set(t, h, 2, "評価（Check）");
	table_set(t, h, 3, "改善（Action）");
	for (size_t i = 0; i < n; i++) {
		const struct project *pj = r[i].project;
		if (!pj)
			continue;
		size_t row = table_add_row(t, false);
		table_set_cell(t, row, 0, &(struct table_cell){
			.text = pj->no ? doc_printf(c, "%s %s", pj->no, pj->title) : pj->title,
			.src = {r[i].pos.file, r[i].pos.line}});
		table_set(t, row, 1, doc_pdca_items(c, &r[i].done));
		table_set(t, row, 2, r[i].check ? r[i].check : "");
		table_set(t, row, 3, doc_pdca_items(c, &r[i].action));
	}
	story_table(c->s, t);
}

void part_working_results(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	int fy = c->o->fy;
	size_t nc = 0;
	const struct pdca_record *cr = pdca_of_meeting(p, fy, PDCA_COUNCIL, &nc);
	long council = nc ? session_day(cr->session) : 0;
	/* since the council last met: last year's year-end meeting and this
	 * year's mid-year one (unless held after this council), this year's
	 * year-end one only when held before it */
	static const struct {
		int back;
		enum pdca_meeting m;
		bool only_before;
	} since[] = {
		{1, PDCA_YEAREND, false},
		{0, PDCA_MIDYEAR, false},
		{0, PDCA_YEAREND, true},
	};
	const struct pdca_record *recs[3];
	size_t counts[3], shown = 0;
	bool sample = false;
	for (size_t k = 0; k < 3; k++) {
		counts[k] = 0;
		recs[k] = pdca_of_meeting(p, fy - since[k].back, since[k].m, &counts[k]);
		long day = counts[k] ? session_day(recs[k]->session) : 0;
		bool keep = counts[k] && (council && day ? day <= council : !since[k].only_before);
		if (!keep) {
			counts[k] = 0;
			continue;
		}
		shown++;
		sample |= recs[k]->session->illustrative;
	}
	if (!shown)
		return; /* no records: no section, never announced as missing */
	const char *w = working_name(p);
	part_heading(c, 1, doc_printf(c, "%sの協議結果", w ? w : "重点プロジェクト"));
	for (size_t k = 0; k < 3; k++) {
		if (!counts[k])
			continue;
		part_caption(c, session_title(c, recs[k]->session));
		session_table(c, recs[k], counts[k]);
	}
	if (sample)
		story_para_ex(c->s, &(struct lay_para){
			.text = "※ 会議の記録は例示です（実際の会議記録ではありません）。",
			.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f,
				  .align = TEXT_RIGHT},
			.before = 2, .after = 4,
		});
}

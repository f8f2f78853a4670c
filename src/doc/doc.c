/* doc.c - builds a document: the context, the page setup and the layout.
 *
 * The kinds differ in what they compose (council.c, project.c, annual.c,
 * summary.c) and in the data of their row of doc_kinds[] (kinds.c);
 * everything they share - the paper, the running head, the document
 * information, the date, the archive flag - is decided here once, from
 * that row.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "alloc.h"
#include "diag.h"
#include "doc_int.h"
#include "fy.h"

const char *doc_sample_page_note(const struct plan *p, int fy)
{
	(void)p, (void)fy;
	return ILLUSTRATIVE_NOTE;
}

void doc_own(struct doc_ctx *c, void (*fn)(void *), void *ptr)
{
	if (c->n_owned == c->alloc_owned) {
		size_t n = c->alloc_owned ? 2 * c->alloc_owned : 32;
		struct doc_owned *o = xreallocarray(c->owned, n, sizeof *o);
		c->owned = o;
		c->alloc_owned = n;
	}
	c->owned[c->n_owned++] = (struct doc_owned){fn, ptr};
}

static void free_chart(void *ch)
{
	chart_free(ch);
}

void doc_own_chart(struct doc_ctx *c, struct chart *ch)
{
	doc_own(c, free_chart, ch);
}

void doc_chart_block(struct doc_ctx *c, struct chart *ch, float w)
{
	doc_own_chart(c, ch);
	story_fixed(c->s, chart_height(ch, w), chart_draw, ch);
	story_what_last(c->s, chart_what(ch, c->a));
}

/* The meeting the document is for, when the plan has records of it. */
static const struct pdca_session *meeting_session(const struct doc_ctx *c)
{
	enum pdca_meeting m = PDCA_COUNCIL;
	if (c->o->kind->meetings)
		m = c->o->meeting == MEETING_MIDYEAR ? PDCA_MIDYEAR : PDCA_YEAREND;
	size_t n = 0;
	const struct pdca_record *r = pdca_of_meeting(c->p, c->o->fy, m, &n);
	return n ? r->session : NULL;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (no time zone). */
static long long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The earliest and latest days (since 1970) a document may be dated.  It
 * is never dated before what it reports has ended: the results year
 * (31 March of rfy + 1), and for a working meeting the first half of fy
 * (30 September).  A meeting's handout belongs to the year the meeting is
 * held in, fy, so it is not dated after that year ends either; the
 * report of a year (annual) has no latest day. */
static void date_bounds(const struct doc_ctx *c, long long *lo, long long *hi)
{
	int fy = c->o->fy;
	*lo = days_from_civil(c->rfy + 1, 4, 1);
	if (c->o->kind->meetings && *lo < days_from_civil(fy, 10, 1))
		*lo = days_from_civil(fy, 10, 1);
	*hi = c->o->kind->whole_year ? -1 : days_from_civil(fy + 1, 4, 1) - 1;
	if (*hi >= 0 && *hi < *lo)
		*hi = *lo;
}

/* The date printed and recorded: the meeting's date from its records (the
 * council's for the summary beside it); else the date the command line
 * gave (SOURCE_DATE_EPOCH) moved into the bounds above; else, with no date
 * given, the first day of them - never a file's time, which a checkout or
 * a copy changes (a council of R7 came out dated 令和8年12月7日). */
static long long doc_date(struct doc_ctx *c)
{
	const struct pdca_session *s = c->o->kind->whole_year ? NULL : meeting_session(c);
	long long lo, hi, t;
	date_bounds(c, &lo, &hi);
	if (s && s->year) {
		t = days_from_civil(s->year, s->month, s->day) * 86400;
	} else if (c->o->date < 0) {
		t = lo * 86400;
	} else {
		t = c->o->date;
		if (t < lo * 86400)
			t = lo * 86400;
		if (hi >= 0 && t >= (hi + 1) * 86400)
			t = hi * 86400 + (t % 86400);
	}
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	int y = tm.tm_year + 1900, mo = tm.tm_mon + 1, d = tm.tm_mday;
	if (fy_format_date(y, mo, d, c->date, sizeof c->date) < 0)
		c->date[0] = '\0';
	return t;
}

/* Whether the plan's council says it reviews the year it meets in. */
static bool council_reviews_current(const struct plan *p)
{
	static const char *const words[] = {"当年度", "今年度", "本年度"};
	for (size_t i = 0; i < p->n_meetings; i++) {
		const struct meeting_body *mb = &p->meetings[i];
		if (mb->times_per_year != 1)
			continue;
		for (size_t k = 0; k < mb->n_agenda; k++)
			for (size_t w = 0; w < sizeof words / sizeof *words; w++)
				if (strstr(mb->agenda[k], words[w]) &&
				    !strstr(mb->agenda[k], "前年度"))
					return true;
	}
	return false;
}

int doc_results_year(const struct plan *p, const struct doc_kind *k, int fy)
{
	if (k->results == DOC_RESULTS_OWN_YEAR) /* the year's own report */
		return fy;
	/* the summary lies beside the council's handout: the same year */
	if (k->results == DOC_RESULTS_COUNCIL && council_reviews_current(p))
		return fy;
	/* the year before, but never before the plan's first year */
	return fy - 1 >= p->from ? fy - 1 : fy;
}

/* The page setup of the kind's row: paper, margins, 資料番号, page notes. */
static void page_setup(struct doc_ctx *c, struct lay_setup *ls)
{
	const struct doc_options *o = c->o;
	const struct doc_kind *k = o->kind;
	enum lay_paper paper = o->paper == PAPER_A3_LANDSCAPE ? LAY_A3_LANDSCAPE
			       : o->paper == PAPER_A4_LANDSCAPE ? LAY_A4_LANDSCAPE : LAY_A4;
	/* a landscape sheet: A3 unless A4 was asked */
	if (k->paper == PAPER_A3_LANDSCAPE)
		paper = o->paper_set && o->paper != PAPER_A3_LANDSCAPE ? LAY_A4_LANDSCAPE
								       : LAY_A3_LANDSCAPE;
	lay_setup_init(ls, paper);
	ls->head_left = c->p->short_title ? c->p->short_title : c->p->title;
	ls->draft = o->draft;
	ls->continued = "（続き）";
	ls->doc_number = k->number;
	ls->binding = k->binding;
	if (k->page_note) {
		/* no page with a sample value goes without the note, whatever
		 * the page breaks */
		ls->page_note = k->page_note(c->p, o->fy);
		c->page_notes = ls->page_note != NULL;
	}
	if (k->margins[0] || k->margins[1] || k->margins[2] || k->margins[3]) {
		ls->margin_top = k->margins[0];
		ls->margin_bottom = k->margins[1];
		ls->margin_left = k->margins[2];
		ls->margin_right = k->margins[3];
	}
}

int doc_build(const struct plan *p, const struct doc_options *o,
	      struct text_engine *te, struct dl_doc **out, struct diag_list *dg)
{
	*out = NULL;
	const struct doc_kind *k = o->kind;
	if (k->applies && !k->applies(p)) {
		char kinds[256];
		diag_add(dg, DIAG_ERROR, p->file, 0, 0, "plan '%s' %s; use --kind %s",
			 p->id ? p->id : p->title, k->lacks,
			 doc_kind_names(p, kinds, sizeof kinds));
		return -1;
	}
	if (o->fy < p->from || o->fy > p->to) {
		char y[32], a[32], b[32];
		fy_format(o->fy, FY_STYLE_ERA, y, sizeof y);
		fy_format(p->from, FY_STYLE_ERA, a, sizeof a);
		fy_format(p->to, FY_STYLE_ERA, b, sizeof b);
		diag_add(dg, DIAG_ERROR, p->file, 0, 0,
			 "%s is outside the plan period (%s to %s)", y, a, b);
		return -1;
	}
	struct doc_ctx c = {.p = p, .o = o, .te = te, .dg = dg,
			    .title = doc_kind_title(k, o->meeting)};
	c.a = arena_new();
	fy_format(o->fy, FY_STYLE_SHORT, c.fy_short, sizeof c.fy_short);
	fy_format(o->fy, FY_STYLE_ERA, c.fy_era, sizeof c.fy_era);
	c.rfy = doc_results_year(p, k, o->fy);
	fy_format(c.rfy, FY_STYLE_SHORT, c.rfy_short, sizeof c.rfy_short);
	fy_format(c.rfy, FY_STYLE_ERA, c.rfy_era, sizeof c.rfy_era);
	long long date = doc_date(&c);

	struct lay_setup ls;
	page_setup(&c, &ls);
	c.body_w = lay_body(&ls).w;
	c.body_h = lay_body(&ls).h;
	c.s = story_new(te, &ls);

	struct dl_info info = {
		.title = doc_printf(&c, "%s %s %s", p->title, c.fy_era, c.title),
		.author = p->issuer,
		.subject = doc_printf(&c, "%s（%s）", c.title, c.fy_era),
		.keywords = doc_printf(&c, "%s, %s, 主要指標, 進捗管理, PDCA",
				       p->short_title ? p->short_title : p->title, c.fy_era),
		.creator = "shiryo",
		.created = date,
	};
	story_set_info(c.s, &info);

	int rc = k->compose(&c);
	if (rc == 0 && story_layout(c.s, out, dg) != 0)
		rc = -1;
	if (rc == 0)
		(*out)->pdfa = o->pdfa && k->pdfa;
	for (size_t i = c.n_owned; i-- > 0;)
		c.owned[i].free(c.owned[i].ptr);
	free(c.owned);
	story_free(c.s);
	arena_free(c.a);
	if (rc != 0) {
		dl_doc_free(*out);
		*out = NULL;
	}
	return rc;
}

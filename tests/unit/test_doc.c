/* test_doc.c - the documents as composed from the shipped plans: what the
 * reader sees in the display list.  Loads xml/kagoshima-city-plan2.xml and
 * xml/kagoshima-pref-manufacturing.xml (run from the top directory), builds
 * every kind of R7 and reads the lines back: the indicator tables' value
 * columns, the bracketed years of a value, page budgets, headings, every
 * indicator named, nothing outside the body, the dates, the paper, the
 * draft mark, and the same input giving the same pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cu_main.h"
#include "dl_read.h"
#include "diag.h"
#include "doc.h"
#include "dlist.h"
#include "font.h"
#include "layout.h"
#include "load.h"
#include "plan.h"
#include "text.h"

#define FY_R7 2025

/* The row of doc_kinds[] named name. */
#define K(name) doc_kind_find(name)

static struct fontset *fonts;
static struct text_engine *te;
static struct diag_list diags = DIAG_LIST_INIT;
static struct plan *city, *pref;

static void cleanup(void)
{
	plan_free(city);
	plan_free(pref);
	text_engine_free(te);
	fontset_free(fonts);
	diag_list_release(&diags);
}

static void setup(void)
{
	if (te)
		return;
	fonts = fontset_load(NULL, &diags);
	te = fonts ? text_engine_new(fonts, &diags) : NULL;
	city = plan_load("xml/kagoshima-city-plan2.xml", &diags);
	pref = plan_load("xml/kagoshima-pref-manufacturing.xml", &diags);
	if (!te || !city || !pref) {
		diag_print(&diags, stderr);
		exit(2);
	}
	atexit(cleanup);
}

static struct dl_doc *build(const char *kind)
{
	setup();
	struct doc_options o = {.kind = K(kind), .fy = FY_R7, .date = 1763683200};
	struct dl_doc *d = NULL;
	struct diag_list dg = DIAG_LIST_INIT;
	CU_ASSERT_EQUAL_FATAL(doc_build(city, &o, te, &d, &dg), 0);
	diag_list_release(&dg);
	return d;
}

/* ---- lines as drawn ------------------------------------------------------ */

static struct dl_line *lines;
static size_t n_lines;

static void read_lines(const struct dl_doc *d)
{
	free(lines);
	lines = dl_read_lines(te, d, &n_lines);
}

static const struct dl_line *find_line(const char *text)
{
	for (size_t i = 0; i < n_lines; i++)
		if (!strcmp(lines[i].text, text))
			return &lines[i];
	return NULL;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

/* ---- cases ------------------------------------------------------------- */

/* Pillar ① of the city plan: 基準値, 実績 and 目標値 of two rows end at the
 * same x, column by column (numbers right-aligned), and each value column
 * of a row ends left of the next one's start. */
static void value_columns_are_right_aligned(void)
{
	struct dl_doc *d = build("council");
	read_lines(d);
	static const char *const rows[2][3] = {
		/* the R7 council shows R6 results (doc_results_year) */
		{"17事業者（R2）", "102事業者", "220事業者（R13）"},
		{"2件（R2）", "23件", "70件（R13）"},
	};
	const struct dl_line *l[2][3];
	for (int r = 0; r < 2; r++)
		for (int k = 0; k < 3; k++) {
			l[r][k] = find_line(rows[r][k]);
			CU_ASSERT_PTR_NOT_NULL_FATAL(l[r][k]);
		}
	for (int k = 0; k < 3; k++) {
		CU_ASSERT_DOUBLE_EQUAL(l[0][k]->x_end, l[1][k]->x_end, 0.2);
		/* and not merely left-aligned values of equal width */
		CU_ASSERT(l[0][k]->x + 1 < l[1][k]->x);
	}
	dl_doc_free(d);
}

/* 1,200人（R4～R13累計） does not fit a value column: the bracket goes to
 * the next line whole, never split after 「累」. */
static void bracketed_years_wrap_whole(void)
{
	for (int kind = 0; kind < 2; kind++) {
		struct dl_doc *d = build(kind ? "annual" : "council");
		read_lines(d);
		CU_ASSERT_PTR_NOT_NULL(find_line("（R4～R13累計）"));
		for (size_t i = 0; i < n_lines; i++)
			if (ends_with(lines[i].text, "累")) {
				fprintf(stderr, "split: '%s' on page %zu\n",
					lines[i].text, lines[i].page);
				CU_FAIL("a bracket split after 累");
			}
		dl_doc_free(d);
	}
}

/* The Check box reads as the other three: its computed results and its
 * evaluation are 「・」 items in the font of the Plan box's items. */
static void check_box_like_the_others(void)
{
	setup();
	struct doc_options o = {.kind = K("project"), .fy = FY_R7,
				.meeting = MEETING_MIDYEAR, .date = 1763683200};
	struct dl_doc *d = NULL;
	struct diag_list dg = DIAG_LIST_INIT;
	CU_ASSERT_EQUAL_FATAL(doc_build(city, &o, te, &d, &dg), 0);
	diag_list_release(&dg);
	read_lines(d);
	const struct dl_line *plan = find_line("・台湾での商談会");
	CU_ASSERT_PTR_NOT_NULL_FATAL(plan);
	const struct dl_line *results = NULL, *eval = NULL;
	for (size_t i = 0; i < n_lines; i++) {
		if (lines[i].page != plan->page)
			continue;
		/* the R7 working meeting counts R6 results (doc_results_year) */
		if (strstr(lines[i].text, "主要指標3件（R6）"))
			results = &lines[i];
		if (strstr(lines[i].text, "定期輸出の仕組みは"))
			eval = &lines[i];
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(results);
	CU_ASSERT_PTR_NOT_NULL_FATAL(eval);
	CU_ASSERT_NSTRING_EQUAL(results->text, "・", strlen("・"));
	CU_ASSERT_NSTRING_EQUAL(eval->text, "・", strlen("・"));
	CU_ASSERT_EQUAL(results->font, plan->font);
	CU_ASSERT_EQUAL(eval->font, plan->font);
	dl_doc_free(d);
}

/* ---- every kind of both plans ------------------------------------------ */

/* The documents of the shipped plans for R7, as `make demo` builds them,
 * with a page budget each: what a secretary prints for the meeting. */
static const struct kind_case {
	const char *what;
	int plan; /* 0 city, 1 prefecture */
	const char *kind;
	enum doc_meeting meeting;
	size_t max_pages;
} kinds[] = {
	/* build.sh; 16 + 2 for the working meeting's results (part_working.c) */
	{"city council handout", 0, "council", MEETING_NONE, 19},
	{"city mid-year project handout", 0, "project", MEETING_MIDYEAR, 10},
	{"city year-end project handout", 0, "project", MEETING_YEAREND, 10},
	{"city annual report", 0, "annual", MEETING_NONE, 40},
	{"prefecture council handout", 1, "council", MEETING_NONE, 8},
	{"prefecture annual report", 1, "annual", MEETING_NONE, 20},
};
#define N_KINDS (sizeof kinds / sizeof *kinds)

static const struct plan *plan_of(int which)
{
	setup();
	return which ? pref : city;
}

/* Builds with the options given (fy, date and kind filled in when zero);
 * the diagnostics go to *dg, which the caller releases. */
static int compose(const struct plan *p, struct doc_options o,
		   struct dl_doc **d, struct diag_list *dg)
{
	setup();
	if (!o.fy)
		o.fy = FY_R7;
	if (!o.date)
		o.date = 1763683200; /* 2025-11-21 */
	return doc_build(p, &o, te, d, dg);
}

static struct dl_doc *built[N_KINDS];

/* Kind i, built once and kept: no warning, no error. */
static const struct dl_doc *kind_doc(size_t i)
{
	if (built[i])
		return built[i];
	struct diag_list dg = DIAG_LIST_INIT;
	struct doc_options o = {.kind = K(kinds[i].kind), .meeting = kinds[i].meeting};
	int rc = compose(plan_of(kinds[i].plan), o, &built[i], &dg);
	if (rc != 0 || dg.count)
		diag_print(&dg, stderr);
	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_EQUAL(dg.errors, 0);
	CU_ASSERT_EQUAL(dg.warnings, 0); /* a clipped block warns */
	diag_list_release(&dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(built[i]);
	return built[i];
}

static void free_kinds(void)
{
	for (size_t i = 0; i < N_KINDS; i++) {
		dl_doc_free(built[i]);
		built[i] = NULL;
	}
}

/* Every line of the document run together without spaces (a name that
 * wraps in a table cell reads whole: a cell's lines are drawn in order). */
static char *flat_text(const struct dl_doc *d, size_t from, size_t to)
{
	read_lines(d);
	size_t cap = 1, k = 0;
	for (size_t i = 0; i < n_lines; i++)
		cap += strlen(lines[i].text);
	char *out = malloc(cap);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	for (size_t i = 0; i < n_lines; i++) {
		if (lines[i].page < from || lines[i].page > to)
			continue;
		for (const char *c = lines[i].text; *c; c++)
			if (*c != ' ')
				out[k++] = *c;
	}
	out[k] = '\0';
	return out;
}

/* s without its spaces, in buf. */
static const char *squeeze(const char *s, char *buf, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (*s != ' ')
			buf[k++] = *s;
	buf[k] = '\0';
	return buf;
}

static void every_kind_within_its_page_budget(void)
{
	for (size_t i = 0; i < N_KINDS; i++) {
		const struct dl_doc *d = kind_doc(i);
		if (d->n_pages < 3 || d->n_pages > kinds[i].max_pages)
			fprintf(stderr, "\n%s: %zu pages (budget %zu)", kinds[i].what,
				d->n_pages, kinds[i].max_pages);
		CU_ASSERT(d->n_pages >= 3); /* a cover and a body */
		CU_ASSERT(d->n_pages <= kinds[i].max_pages);
		/* the information names the plan and the year */
		CU_ASSERT_PTR_NOT_NULL(strstr(d->info.title, plan_of(kinds[i].plan)->title));
		CU_ASSERT_PTR_NOT_NULL(strstr(d->info.title, "令和7年度"));
	}
}

/* The cover: the plan's title and the year, and no page number. */
static void every_kind_has_its_cover(void)
{
	for (size_t i = 0; i < N_KINDS; i++) {
		const struct dl_doc *d = kind_doc(i);
		const struct plan *p = plan_of(kinds[i].plan);
		read_lines(d);
		bool title = false, year = false, number = false;
		for (size_t k = 0; k < n_lines && lines[k].page == 0; k++) {
			title |= !strcmp(lines[k].text, p->title) && lines[k].size >= 18;
			year |= strstr(lines[k].text, "令和7年度") != NULL;
			number |= !strcmp(lines[k].text, "- 1 -");
		}
		if (!title || !year)
			fprintf(stderr, "\n%s: cover without %s", kinds[i].what,
				title ? "the year" : "the plan's title");
		CU_ASSERT(title);
		CU_ASSERT(year);
		CU_ASSERT_FALSE(number);
	}
}

/* Every page after the cover: the running head names the plan (its short
 * title), the footer reads - n -, counting from the page after the cover. */
static void every_page_has_head_and_number(void)
{
	for (size_t i = 0; i < N_KINDS; i++) {
		const struct dl_doc *d = kind_doc(i);
		const struct plan *p = plan_of(kinds[i].plan);
		const char *head = p->short_title ? p->short_title : p->title;
		read_lines(d);
		for (size_t pg = 1; pg < d->n_pages; pg++) {
			char want[32];
			snprintf(want, sizeof want, "- %zu -", pg);
			bool has_head = false, has_number = false;
			for (size_t k = 0; k < n_lines; k++) {
				if (lines[k].page != pg)
					continue;
				has_head |= !strcmp(lines[k].text, head);
				has_number |= !strcmp(lines[k].text, want);
			}
			if (!has_head || !has_number)
				fprintf(stderr, "\n%s p%zu: no %s", kinds[i].what, pg,
					has_head ? want : head);
			CU_ASSERT(has_head);
			CU_ASSERT(has_number);
		}
	}
}

/* A heading for every pillar (council handout, annual report) and every
 * priority project (project handouts): a Gothic line of at least 12 pt
 * with its number and the start of its title. */
static bool has_heading(const char *no, const char *title)
{
	char start[64];
	size_t n = 0;
	for (int cp = 0; title[n] && cp < 4; cp++) /* four characters */
		do
			n++;
		while ((title[n] & 0xC0) == 0x80);
	snprintf(start, sizeof start, "%.*s", (int)n, title);
	int gothic = fontset_role(fonts, FONT_GOTHIC);
	for (size_t k = 0; k < n_lines; k++)
		if (lines[k].size >= 12 && lines[k].font == gothic &&
		    strstr(lines[k].text, no) && strstr(lines[k].text, start))
			return true;
	fprintf(stderr, "\nno heading %s %s", no, title);
	return false;
}

static void every_pillar_and_project_has_a_heading(void)
{
	for (size_t i = 0; i < N_KINDS; i++) {
		const struct plan *p = plan_of(kinds[i].plan);
		read_lines(kind_doc(i));
		if (!strcmp(kinds[i].kind, "project")) {
			CU_ASSERT(p->n_projects > 0);
			for (size_t k = 0; k < p->n_projects; k++)
				CU_ASSERT(has_heading(p->projects[k].no, p->projects[k].title));
		} else {
			CU_ASSERT(p->n_pillars > 0);
			for (size_t k = 0; k < p->n_pillars; k++)
				CU_ASSERT(has_heading(p->pillars[k].no, p->pillars[k].title));
		}
	}
}

/* The council handout and the annual report name every indicator of the
 * plan, as the plan writes it. */
static void every_indicator_is_named(void)
{
	for (size_t i = 0; i < N_KINDS; i++) {
		if (!strcmp(kinds[i].kind, "project"))
			continue;
		const struct plan *p = plan_of(kinds[i].plan);
		char *all = flat_text(kind_doc(i), 0, SIZE_MAX);
		size_t missing = 0;
		for (size_t k = 0; k < p->n_indicators; k++) {
			char name[512];
			squeeze(p->indicators[k].name, name, sizeof name);
			if (!strstr(all, name)) {
				fprintf(stderr, "\n%s: no indicator '%s'", kinds[i].what,
					p->indicators[k].name);
				missing++;
			}
		}
		CU_ASSERT(p->n_indicators > 0);
		CU_ASSERT_EQUAL(missing, 0);
		free(all);
	}
}

/* Nothing outside the body: a text line in the top margin is the running
 * head (or the cover's 資料番号), in the bottom margin the footer or the
 * page's note on sample values; every line lies between the side margins
 * and on the paper.  A block pushed past the body's foot would show here. */
static void nothing_outside_the_body(void)
{
	struct lay_setup ls;
	lay_setup_init(&ls, LAY_A4); /* the binding margin only adds to the left */
	struct lay_box body = lay_body(&ls);
	for (size_t i = 0; i < N_KINDS; i++) {
		const struct dl_doc *d = kind_doc(i);
		read_lines(d);
		size_t outside = 0;
		for (size_t k = 0; k < n_lines; k++) {
			const struct dl_line *l = &lines[k];
			bool in_x = l->x >= body.x - 0.5f && l->x_end <= body.x + body.w + 0.5f;
			bool top = l->y - l->size < body.y;
			bool foot = l->y > body.y + body.h;
			bool ok = in_x;
			if (top)
				ok &= l->y < body.y && l->size <= 12; /* head, 資料番号 */
			if (foot)
				ok &= l->page > 0 && (!strncmp(l->text, "- ", 2) ||
						      !strncmp(l->text, "※", strlen("※")));
			if (!ok) {
				fprintf(stderr, "\n%s p%zu: '%s' at (%.1f..%.1f, %.1f)",
					kinds[i].what, l->page, l->text, (double)l->x,
					(double)l->x_end, (double)l->y);
				outside++;
			}
		}
		CU_ASSERT_EQUAL(outside, 0);
		for (size_t pg = 0; pg < d->n_pages; pg++) {
			CU_ASSERT_DOUBLE_EQUAL(d->pages[pg].width, LAY_A4_WIDTH, 0.01);
			CU_ASSERT_DOUBLE_EQUAL(d->pages[pg].height, LAY_A4_HEIGHT, 0.01);
		}
	}
}

/* The prefecture's documents use the prefecture's words: not one line
 * says 鹿児島市 or the city plan's 商工業. */
static void the_plans_words_are_its_own(void)
{
	for (size_t i = 0; i < N_KINDS; i++) {
		if (kinds[i].plan != 1)
			continue;
		read_lines(kind_doc(i));
		size_t city_words = 0;
		for (size_t k = 0; k < n_lines; k++)
			if (strstr(lines[k].text, "鹿児島市") || strstr(lines[k].text, "商工業")) {
				fprintf(stderr, "\n%s p%zu: '%s'", kinds[i].what,
					lines[k].page, lines[k].text);
				city_words++;
			}
		CU_ASSERT_EQUAL(city_words, 0);
	}
}

/* The date on the cover and in the information: the meeting's own date
 * when the plan has a record of the meeting (whatever date the command
 * line gives), else the date given. */
static bool cover_says(const struct dl_doc *d, const char *text)
{
	read_lines(d);
	for (size_t k = 0; k < n_lines && lines[k].page == 0; k++)
		if (!strcmp(lines[k].text, text))
			return true;
	fprintf(stderr, "\ncover without %s", text);
	return false;
}

static void dates_come_from_the_meeting_or_the_input(void)
{
	static const struct {
		int plan;
		const char *kind;
		enum doc_meeting meeting;
		const char *cover;
		long long created;
	} cases[] = {
		/* records: kagoshima-city-plan2-pdca-R7-*.xml */
		{0, "council", MEETING_NONE, "令和7年11月21日", 1763683200},
		{0, "project", MEETING_MIDYEAR, "令和7年10月9日", 1759968000},
		{0, "project", MEETING_YEAREND, "令和8年2月12日", 1770854400},
		/* no records: the date given, 2026-03-31 12:00 UTC */
		{1, "council", MEETING_NONE, "令和8年3月31日", 1774958400},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct dl_doc *d = NULL;
		struct diag_list dg = DIAG_LIST_INIT;
		struct doc_options o = {.kind = K(cases[i].kind),
					.meeting = cases[i].meeting,
					.date = 1774958400};
		CU_ASSERT_EQUAL_FATAL(compose(plan_of(cases[i].plan), o, &d, &dg), 0);
		CU_ASSERT(cover_says(d, cases[i].cover));
		CU_ASSERT_EQUAL(d->info.created, cases[i].created);
		diag_list_release(&dg);
		dl_doc_free(d);
	}
}

/* A3 landscape: every page 1190.55 x 841.89 pt, within the budget of
 * tests/e2e/build.sh. */
static void a3_landscape_pages(void)
{
	struct dl_doc *d = NULL;
	struct diag_list dg = DIAG_LIST_INIT;
	struct doc_options o = {.kind = K("council"), .paper = PAPER_A3_LANDSCAPE};
	CU_ASSERT_EQUAL_FATAL(compose(city, o, &d, &dg), 0);
	CU_ASSERT_EQUAL(dg.warnings, 0);
	for (size_t pg = 0; pg < d->n_pages; pg++) {
		CU_ASSERT_DOUBLE_EQUAL(d->pages[pg].width, LAY_A3L_WIDTH, 0.01);
		CU_ASSERT_DOUBLE_EQUAL(d->pages[pg].height, LAY_A3L_HEIGHT, 0.01);
	}
	CU_ASSERT(d->n_pages >= 3 && d->n_pages <= 18);
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* A draft carries 「案」 on every page; a final copy on none. */
static void draft_mark_on_every_page(void)
{
	for (int draft = 0; draft < 2; draft++) {
		struct dl_doc *d = NULL;
		struct diag_list dg = DIAG_LIST_INIT;
		struct doc_options o = {.kind = K("council"), .draft = draft};
		CU_ASSERT_EQUAL_FATAL(compose(pref, o, &d, &dg), 0);
		CU_ASSERT_EQUAL(d->draft, draft);
		read_lines(d);
		size_t marked = 0;
		for (size_t pg = 0; pg < d->n_pages; pg++) {
			bool mark = false;
			for (size_t k = 0; k < n_lines; k++)
				mark |= lines[k].page == pg && !strcmp(lines[k].text, "案") &&
					lines[k].size > 48;
			marked += mark;
		}
		CU_ASSERT_EQUAL(marked, draft ? d->n_pages : 0);
		diag_list_release(&dg);
		dl_doc_free(d);
	}
}

/* Archive grade is for the annual report only; a handout stays plain. */
static void pdfa_for_the_annual_report_only(void)
{
	static const char *const k[] = {"council", "annual"};
	for (size_t i = 0; i < 2; i++) {
		struct dl_doc *d = NULL;
		struct diag_list dg = DIAG_LIST_INIT;
		struct doc_options o = {.kind = K(k[i]), .pdfa = true};
		CU_ASSERT_EQUAL_FATAL(compose(pref, o, &d, &dg), 0);
		CU_ASSERT_EQUAL(d->pdfa, !strcmp(k[i], "annual"));
		diag_list_release(&dg);
		dl_doc_free(d);
	}
}

/* A plan without priority projects has no project handout; a year outside
 * the plan has no document: -1, the reason, and nothing built. */
static void refused_documents_say_why(void)
{
	struct dl_doc *d = (struct dl_doc *)1;
	struct diag_list dg = DIAG_LIST_INIT;
	struct doc_options o = {.kind = K("project"), .meeting = MEETING_MIDYEAR};
	CU_ASSERT_EQUAL(compose(pref, o, &d, &dg), -1);
	CU_ASSERT_PTR_NULL(d);
	CU_ASSERT(dg.errors == 1 && strstr(dg.items[0].message, "no priority projects"));
	diag_list_release(&dg);

	d = (struct dl_doc *)1;
	diag_list_init(&dg);
	o = (struct doc_options){.kind = K("council"), .fy = city->to + 1};
	CU_ASSERT_EQUAL(compose(city, o, &d, &dg), -1);
	CU_ASSERT_PTR_NULL(d);
	CU_ASSERT(dg.errors == 1 && strstr(dg.items[0].message, "outside the plan period"));
	diag_list_release(&dg);
}

/* The same plan and options give the same display list, item for item. */
static bool same_items(const struct dl_doc *a, const struct dl_doc *b)
{
	if (a->n_pages != b->n_pages || a->n_outline != b->n_outline)
		return false;
	for (size_t pg = 0; pg < a->n_pages; pg++) {
		const struct dl_page *x = &a->pages[pg], *y = &b->pages[pg];
		if (x->n_items != y->n_items)
			return false;
		for (size_t i = 0; i < x->n_items; i++) {
			const struct dl_item *u = &x->items[i], *v = &y->items[i];
			if (u->kind != v->kind)
				return false;
			if (u->kind == DL_TEXT &&
			    (u->u.text.x != v->u.text.x || u->u.text.y != v->u.text.y ||
			     u->u.text.font != v->u.text.font || u->u.text.len != v->u.text.len ||
			     memcmp(u->u.text.utf8, v->u.text.utf8, u->u.text.len)))
				return false;
		}
	}
	for (size_t i = 0; i < a->n_outline; i++)
		if (strcmp(a->outline[i].title, b->outline[i].title) ||
		    a->outline[i].page != b->outline[i].page)
			return false;
	return true;
}

static void same_input_same_pages(void)
{
	for (size_t i = 0; i < N_KINDS; i++) {
		if (strcmp(kinds[i].kind, "annual"))
			continue;
		struct dl_doc *d = NULL;
		struct diag_list dg = DIAG_LIST_INIT;
		struct doc_options o = {.kind = K(kinds[i].kind), .meeting = kinds[i].meeting};
		CU_ASSERT_EQUAL_FATAL(compose(plan_of(kinds[i].plan), o, &d, &dg), 0);
		CU_ASSERT(same_items(kind_doc(i), d));
		CU_ASSERT(d->n_outline > 0); /* the annual report's bookmarks */
		diag_list_release(&dg);
		dl_doc_free(d);
	}
	free_kinds(); /* the last case to use them */
}

static const struct cu_case cases[] = {
	{"the PDCA Check box: 「・」 items in the others' font",
	 check_box_like_the_others},
	{"numbers right-aligned in the indicator table's value columns",
	 value_columns_are_right_aligned},
	{"a value's bracketed years wrap whole", bracketed_years_wrap_whole},
	{"every kind of both plans within its page budget",
	 every_kind_within_its_page_budget},
	{"every kind has its cover: the plan's title and the year",
	 every_kind_has_its_cover},
	{"every page after the cover: running head and - n -",
	 every_page_has_head_and_number},
	{"a heading for every pillar and priority project",
	 every_pillar_and_project_has_a_heading},
	{"the council handout and annual report name every indicator",
	 every_indicator_is_named},
	{"nothing outside the body", nothing_outside_the_body},
	{"the prefecture's documents say nothing of the city",
	 the_plans_words_are_its_own},
	{"dates: the meeting's own, else the one given",
	 dates_come_from_the_meeting_or_the_input},
	{"A3 landscape pages", a3_landscape_pages},
	{"a draft carries 「案」 on every page", draft_mark_on_every_page},
	{"archive grade for the annual report only", pdfa_for_the_annual_report_only},
	{"refused documents say why and build nothing", refused_documents_say_why},
	{"the same input gives the same pages", same_input_same_pages},
	{NULL, NULL},
};

CU_MAIN("doc", cases)

/* kinds.c - the table of document kinds: every kind shiryo builds, one row
 * each.
 *
 * What differs between the kinds is data here, read by doc_build (the page
 * setup, the date, the archive grade, the year of results) and by the
 * command line (--kind, its help, the default file name); what a kind
 * composes is its own file (council.c, project.c, annual.c, summary.c).
 * A new kind is a new file with its compose function and a new row.
 */
#include <stdio.h>
#include <string.h>

#include "doc_int.h"

const struct doc_kind doc_kinds[] = {
	{
		.name = "council", .help = "推進会議資料",
		.title = "進捗状況報告", .number = "資料１",
		.results = DOC_RESULTS_COUNCIL,
		.compose = doc_council,
	},
	{
		.name = "project", .help = "熱度マネジメント会議資料; --meeting midyear or yearend",
		.title = "重点プロジェクト 年度末の取組状況",
		.title_midyear = "重点プロジェクト 中間期の取組状況",
		.number = "資料２",
		.results = DOC_RESULTS_YEAR_BEFORE, .meetings = true,
		.applies = doc_project_applies,
		.lacks = "has no priority projects (重点プロジェクト), so there is no "
			 "working-meeting handout to build",
		.compose = doc_project,
	},
	{
		/* the archive copy is bound: とじしろ 5 mm.  It shows two
		 * tables and a chart per indicator: a note under each said it
		 * six times a page; once per page that shows a sample value,
		 * at its foot, is enough. */
		.name = "annual", .help = "年次報告書, PDF/A-2b",
		.title = "年次報告書", .binding = 5,
		.page_note = doc_sample_page_note,
		.results = DOC_RESULTS_OWN_YEAR, .whole_year = true, .pdfa = true,
		.compose = doc_annual,
	},
	{
		.name = "summary", .help = "主要指標一覧, one landscape sheet (A3; A4 with --paper a4)",
		.title = "主要指標一覧", .number = "参考資料",
		.paper = PAPER_A3_LANDSCAPE, .margins = {18, 16, 15, 15},
		.page_note = doc_summary_page_note,
		.results = DOC_RESULTS_COUNCIL, /* it lies beside the council's handout */
		.compose = doc_summary,
	},
};

const size_t doc_n_kinds = sizeof doc_kinds / sizeof doc_kinds[0];

const struct doc_kind *doc_kind_find(const char *name)
{
	for (size_t i = 0; i < doc_n_kinds; i++)
		if (!strcmp(doc_kinds[i].name, name))
			return &doc_kinds[i];
	return NULL;
}

const char *doc_kind_names(const struct plan *p, char *buf, size_t size)
{
	if (!size)
		return buf;
	size_t n = 0, left = 0;
	for (size_t i = 0; i < doc_n_kinds; i++)
		left += !p || !doc_kinds[i].applies || doc_kinds[i].applies(p);
	buf[0] = '\0';
	for (size_t i = 0; i < doc_n_kinds; i++) {
		const struct doc_kind *k = &doc_kinds[i];
		if (p && k->applies && !k->applies(p))
			continue;
		left--;
		const char *sep = n == 0 ? "" : left == 0 ? " or " : ", ";
		size_t used = strlen(buf);
		if (used < size)
			snprintf(buf + used, size - used, "%s%s", sep, k->name);
		n++;
	}
	return buf;
}

const char *doc_kind_title(const struct doc_kind *k, enum doc_meeting m)
{
	return m == MEETING_MIDYEAR && k->title_midyear ? k->title_midyear : k->title;
}

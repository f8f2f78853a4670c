/* doc.h - the documents shiryo builds: compositions of layout parts.
 *
 * A document turns a loaded plan and one fiscal year into a display list;
 * each kind lives in its own file in src/doc/ and uses the shared parts
 * (cover, indicator table, charts, PDCA box) rather than page code of its
 * own.
 */
#ifndef SHIRYO_DOC_H
#define SHIRYO_DOC_H

#include <stdbool.h>

struct plan;
struct dl_doc;
struct diag_list;
struct text_engine;

enum doc_kind { DOC_COUNCIL, DOC_PROJECT, DOC_ANNUAL, DOC_SUMMARY };
enum doc_meeting { MEETING_NONE, MEETING_MIDYEAR, MEETING_YEAREND };
enum doc_paper { PAPER_A4, PAPER_A3_LANDSCAPE, PAPER_A4_LANDSCAPE };

struct doc_options {
	enum doc_kind kind;
	int fy;                 /* the fiscal year reported on */
	enum doc_meeting meeting;
	enum doc_paper paper;
	bool paper_set;         /* paper was asked for: the summary (always
				   landscape) is A3 unless a4 or a4l was */
	bool draft;             /* 「案」 watermark */
	bool pdfa;              /* archive grade (annual) */
	bool review;            /* reviewer's annex: stated vs recomputed figures */
	long long date;         /* document date, seconds since the epoch (UTC),
				   from SOURCE_DATE_EPOCH; -1: none given (the
				   meeting's record or the year decides) */
};

/* Builds the document into a new display list (*out, owned by the caller,
 * freed with dl_doc_free).  Returns 0, or -1 with the reason in dl (e.g. a
 * plan without priority projects asked for a project handout). */
int doc_build(const struct plan *p, const struct doc_options *o,
	      struct text_engine *te, struct dl_doc **out, struct diag_list *dl);

const char *doc_kind_name(enum doc_kind k);

/* The fiscal year whose results a document of kind k for year fy reports,
 * stated once for every kind: a council meets during fy and reviews the
 * year before (the city plan's agenda: 「前年度の成果指標の達成状況の確認と
 * 評価」) unless the plan's council says it reviews the current year
 * (当年度・今年度・本年度); a working-meeting handout is held inside fy,
 * whose full-year results do not exist yet, so it too shows the year before
 * (with fy's interim values or forecasts where the data has them); the
 * one-sheet summary lies beside the council's handout and shows its year;
 * the annual report covers fy itself. */
int doc_results_year(const struct plan *p, enum doc_kind k, int fy);

#endif

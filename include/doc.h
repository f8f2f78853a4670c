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
				   from the input or SOURCE_DATE_EPOCH */
};

/* Builds the document into a new display list (*out, owned by the caller,
 * freed with dl_doc_free).  Returns 0, or -1 with the reason in dl (e.g. a
 * plan without priority projects asked for a project handout). */
int doc_build(const struct plan *p, const struct doc_options *o,
	      struct text_engine *te, struct dl_doc **out, struct diag_list *dl);

const char *doc_kind_name(enum doc_kind k);

#endif

/* doc.h - the documents shiryo builds: compositions of layout parts.
 *
 * A document turns a loaded plan and one fiscal year into a display list;
 * each kind is a row of doc_kinds[] and a file in src/doc/ that composes it
 * from the shared parts (cover, indicator table, charts, PDCA box) rather
 * than page code of its own.
 */
#ifndef SHIRYO_DOC_H
#define SHIRYO_DOC_H

#include <stdbool.h>
#include <stddef.h>

struct plan;
struct dl_doc;
struct diag_list;
struct text_engine;
struct doc_ctx;

enum doc_meeting { MEETING_NONE, MEETING_MIDYEAR, MEETING_YEAREND };
enum doc_paper { PAPER_A4, PAPER_A3_LANDSCAPE, PAPER_A4_LANDSCAPE };

/* Which fiscal year's results a kind shows (doc_results_year). */
enum doc_results {
	DOC_RESULTS_OWN_YEAR,    /* the year itself: a report on the year */
	DOC_RESULTS_YEAR_BEFORE, /* the year before: a meeting held inside
				    the year, whose results do not exist yet */
	DOC_RESULTS_COUNCIL,     /* the year before, unless the plan's council
				    says it reviews the year it meets in */
};

/* One kind of document: a row of doc_kinds[] (src/doc/kinds.c), the one
 * place that says what kinds exist.  The command line (--kind, its help,
 * the default file name), the man page and bash completion (checked
 * against it by tests/unit/test_kinds.c) and the documents (cover title,
 * 資料番号, paper, page notes) all read it; a new kind is a file in
 * src/doc/ with its compose function and a row. */
struct doc_kind {
	const char *name;        /* --kind NAME, and the default file name */
	const char *help;        /* what it is, for --help: 「推進会議資料」 */
	const char *title;       /* after the year on the cover and in the
				    document information: 「進捗状況報告」 */
	const char *title_midyear; /* with --meeting midyear, when it differs */
	const char *number;      /* 資料番号 on every page (「資料１」); NULL:
				    none */
	/* The paper: PAPER_A4 means A4 or what --paper asks for;
	 * PAPER_A3_LANDSCAPE a landscape sheet, A3 unless --paper asks for
	 * a4 or a4l (then A4 landscape). */
	enum doc_paper paper;
	float binding;           /* binding margin (とじしろ), mm */
	/* Margins in mm (top, bottom, left, right); all 0: the layout's
	 * defaults. */
	float margins[4];
	/* The note at the foot of every page that shows a sample value, for
	 * plan p in year fy, instead of one under each table; NULL (the
	 * function, or what it returns): notes under the tables. */
	const char *(*page_note)(const struct plan *p, int fy);
	enum doc_results results;
	bool meetings;           /* one per working meeting: --meeting midyear
				    or yearend (default yearend), dated by
				    that meeting's record and never before the
				    first half of the year ends; else dated by
				    the council's */
	bool whole_year;         /* a report on the whole year, not a
				    meeting's handout: dated by no meeting's
				    record, and may be dated after the year */
	bool pdfa;               /* archive grade (PDF/A-2b) unless --no-pdfa,
				    and its charts in print-safe monochrome */
	/* Whether plan p can have this document (NULL: every plan), and what
	 * a plan that cannot lacks: 「no priority projects (重点プロジェクト)」. */
	bool (*applies)(const struct plan *p);
	const char *lacks;
	/* Composes the document on the context's story (doc_int.h). */
	int (*compose)(struct doc_ctx *c);
};

/* Every kind, in the order the command line lists them. */
extern const struct doc_kind doc_kinds[];
extern const size_t doc_n_kinds;

/* The kind named name, or NULL. */
const struct doc_kind *doc_kind_find(const char *name);

/* The names of the kinds that plan p can have (every kind for NULL),
 * joined for a message: "council, project, annual or summary".  Writes at
 * most size bytes into buf and returns buf. */
const char *doc_kind_names(const struct plan *p, char *buf, size_t size);

/* The title of kind k for meeting m. */
const char *doc_kind_title(const struct doc_kind *k, enum doc_meeting m);

struct doc_options {
	const struct doc_kind *kind;
	int fy;                 /* the fiscal year reported on */
	enum doc_meeting meeting;
	enum doc_paper paper;
	bool paper_set;         /* paper was asked for: the summary (always
				   landscape) is A3 unless a4 or a4l was */
	bool draft;             /* 「案」 watermark */
	bool pdfa;              /* archive grade (when the kind is) */
	bool review;            /* reviewer's annex: stated vs recomputed figures */
	long long date;         /* document date, seconds since the epoch (UTC),
				   from SOURCE_DATE_EPOCH; -1: none given (the
				   meeting's record or the year decides) */
};

/* Builds the document into a new display list (*out, owned by the caller,
 * freed with dl_doc_free).  Returns 0, or -1 with the reason in dg (e.g. a
 * plan without priority projects asked for a project handout). */
int doc_build(const struct plan *p, const struct doc_options *o,
	      struct text_engine *te, struct dl_doc **out, struct diag_list *dg);

/* The fiscal year whose results a document of kind k for year fy reports,
 * stated once for every kind: a council meets during fy and reviews the
 * year before (the city plan's agenda: 「前年度の成果指標の達成状況の確認と
 * 評価」) unless the plan's council says it reviews the current year
 * (当年度・今年度・本年度); a working-meeting handout is held inside fy,
 * whose full-year results do not exist yet, so it too shows the year before
 * (with fy's interim values or forecasts where the data has them); the
 * one-sheet summary lies beside the council's handout and shows its year;
 * the annual report covers fy itself. */
int doc_results_year(const struct plan *p, const struct doc_kind *k, int fy);

#endif

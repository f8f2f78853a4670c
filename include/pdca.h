/* pdca.h - PDCA records of meetings: per pillar or priority project, what
 * was planned for the year, what was carried out, how it is judged, what
 * changes and what comes next.
 *
 * A PDCA file (xml/schema/README.md, "<pdca>") holds the records of one
 * meeting of one plan year: the annual council (推進会議), or the mid-year
 * or year-end working meeting (熱度マネジメント会議).  A plan names its files
 * with <pdca-file href="..."/>; plan_load() reads them after its actuals.
 *
 * Check is text only.  The indicator results it comments on are computed by
 * shiryo from the actuals (src/figures/), never typed into a record: a
 * document prints them beside the text from the same figures as its tables.
 *
 * Records live in the plan's arena and are reached through p->pdca, sorted
 * by fiscal year, then meeting (enum order), then target in plan order
 * (pillars as the plan lists them, then projects).  Text is UTF-8,
 * normalised for printing as the plan's text is (outer white space gone, a
 * line break between Japanese characters removed).
 */
#ifndef SHIRYO_PDCA_H
#define SHIRYO_PDCA_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"
#include "diag.h"
#include "plan.h"

struct eval_record;

enum pdca_meeting {
	PDCA_COUNCIL, /* 推進会議, once a year: records for pillars */
	PDCA_MIDYEAR, /* 熱度マネジメント会議, 中間期: records for projects */
	PDCA_YEAREND, /* 熱度マネジメント会議, 年度末 */
};
#define PDCA_N_MEETINGS 3

/* A figure of what was done: セミナー開催回数 12回. */
struct pdca_figure {
	const char *name;       /* セミナー開催回数 */
	struct decimal value;
	const char *value_text; /* as written: "1,200", "１２" */
	const char *unit;       /* 回, 社, 人; NULL when none was written */
};

struct pdca_item {
	const char *text;                  /* never NULL or empty */
	const struct pdca_figure *figures; /* Do items only; in written order */
	size_t n_figures;
	int line;                          /* in the record's file */
};

struct pdca_list {
	const struct pdca_item *items;
	size_t n_items; /* 0 only for an absent <discussion> */
};

/* One meeting: what its file says about all of its records. */
struct pdca_session {
	int fy;                    /* the plan year the records are about */
	enum pdca_meeting meeting;
	int year, month, day;      /* the meeting's date (the handout's date) */
	const char *date;          /* the same, ISO 8601 as written */
	const char *name;          /* <meeting-name>, or NULL */
	const char *note;          /* <note>, or NULL (the illustrative note) */
	bool illustrative;         /* sample records, not minutes of a meeting */
	const char *file;          /* the PDCA file */
	const struct eval_record *eval; /* its <evaluation> (record.h), or NULL */
};

struct pdca_record {
	int fy;                    /* = session->fy, for sorting and look-ups */
	enum pdca_meeting meeting; /* = session->meeting */
	const struct pdca_session *session;
	const char *target;        /* the pillar's or project's id */
	struct pillar *pillar;     /* exactly one of pillar and project is set */
	struct project *project;
	struct pdca_list plan;     /* Plan: the plan of the year */
	struct pdca_list done;     /* Do: what was carried out, with figures */
	const char *check;         /* Check: the evaluation text */
	struct pdca_list action;   /* Action: review and improvements */
	struct pdca_list next;     /* the next plan */
	struct pdca_list discussion; /* points for discussion; may be empty */
	struct src_pos pos;        /* the <record> element */
};

/* Reads the PDCA file at path and adds its records to p.
 *
 * The file is read as safely as a plan (load.h), validated against the
 * embedded pdca.rng, then checked against p: `plan` is p's id; the year
 * parses and lies in the plan period; the date is a real day from the
 * start of that fiscal year to the end of the next one (a council that
 * reviews a year may meet after it); every target names a pillar or a
 * project of p, a project only within its project period; no target comes
 * twice in the file, nor is already loaded for the same year and meeting;
 * an earlier file of the same year and meeting had the same date.  A
 * <check> that states a percentage gets a warning.
 *
 * Returns 0, or -1 with every problem in dg (FILE:LINE:COLUMN, sorted by
 * position) and p unchanged.  On success the records are copied into p's
 * arena and p->pdca is replaced by a new sorted array: pointers into the
 * old p->pdca array (not into what its records point to) are stale. */
int pdca_load(struct plan *p, const char *path, struct diag_list *dg);

/* The record of target (a pillar's or project's id) at meeting m of year
 * fy, or NULL. */
const struct pdca_record *pdca_find(const struct plan *p, int fy,
				    enum pdca_meeting m, const char *target);

/* The records of year fy (of meeting m), in order: a pointer to the first
 * and their count in *n; NULL and 0 when there are none. */
const struct pdca_record *pdca_of_year(const struct plan *p, int fy, size_t *n);
const struct pdca_record *pdca_of_meeting(const struct plan *p, int fy,
					  enum pdca_meeting m, size_t *n);

/* "council", "midyear", "yearend": the vocabulary's and the command line's
 * word for m. */
const char *pdca_meeting_name(enum pdca_meeting m);
/* The meeting named s (one of those words); 0, or -1 leaving *m alone. */
int pdca_meeting_parse(const char *s, enum pdca_meeting *m);

#endif

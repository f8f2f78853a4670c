/* load.h - reading plans and actuals from XML into the model.
 *
 * src/load/ is the only code that knows libxml2.  Files are read safely:
 * regular files only (never a FIFO or a device, which could block), at
 * most 16 MiB, UTF-8 only, at most 50,000 elements nested at most 64 deep,
 * at most 256 attributes on one element (libxml2 2.9.14 slows down
 * quadratically past that), no DOCTYPE (so no entities and no entity
 * expansion), no network.  Each file is validated
 * against its RELAX NG schema (embedded in the binary, see xml/schema/) and
 * then checked for what a schema cannot say: references, numbers, fiscal
 * years and the plan period.
 *
 * Every problem goes into the diag_list as FILE:LINE:COLUMN plus a message,
 * as many as can be found in one run, sorted by position within a file.
 * Columns count characters (a Japanese character is one column), as
 * libxml2's own messages do.
 */
#ifndef SHIRYO_LOAD_H
#define SHIRYO_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"
#include "diag.h"
#include "plan.h"

/* Loads the plan at path, then the actuals files its <actuals-file>
 * elements name (relative to the plan's folder; URLs are refused).
 *
 * Returns a new plan owned by the caller (free with plan_free()), or NULL
 * when any error was found, every one of them reported into dg.  Warnings
 * and notes do not make it fail.  Every pointer in the plan points into
 * p->arena; no libxml2 memory survives the call.
 *
 * Without a <grading> element the plan gets the grading of the README's
 * example: progress basis, prorated, A >= 1.0, B >= 0.75, C >= 0.5, D,
 * 「－」 for no data, 「／」 for not assessable, maintain tolerance 1.0%,
 * ratio scale 1.  Within <grading>, absent attributes and absent <no-data>,
 * <not-assessable> and <maintain> elements take the same defaults. */
struct plan *plan_load(const char *path, struct diag_list *dg);

/* The plan the file at path belongs to: plan_load(path) for a plan; for
 * an actuals or PDCA file (<actuals plan="ID">, <pdca plan="ID">), the plan
 * with that id in the same folder, loaded with its links, and with path
 * too when the plan does not link it.  *plan_path is then the plan's path
 * (malloc'd; NULL for a plan given itself).  NULL after an error, every
 * one reported into dg (also when no such plan is there). */
struct plan *plan_load_owner(const char *path, struct diag_list *dg, char **plan_path);

/* Reads an actuals file (<actuals plan="...">) and merges its values into
 * p's measures, as actuals_merge() does.  Returns 0, or -1 with the reasons
 * in dg and p unchanged. */
int actuals_load_xml(struct plan *p, const char *path, struct diag_list *dg);

/* One value read by an actuals reader (XML here, CSV elsewhere). */
struct actual_value {
	const char *ref;      /* an indicator's id, or a part's id */
	int fy;               /* fiscal year (Western year it starts in) */
	bool known;           /* false: the year is listed, the value not yet */
	struct decimal value; /* when known */
	bool illustrative;    /* sample data, not a published figure */
	int line, column;     /* where it was read, for messages */
	/* issue 16 (see struct actual) */
	const char *written;  /* as written when not plain: "△1,577" */
	const char *mark, *reason;
	enum actual_kind kind;
	const char *as_of;
	bool done;            /* a milestone done this year */
};

/* Checks the values read from file against p: each ref names a simple
 * indicator or a part of a compound one (never the compound indicator
 * itself), each year lies in the plan period, no ref and year come twice.
 * If anything is wrong, reports every problem and returns -1 with p
 * unchanged.  Otherwise merges them and returns 0: a known value replaces
 * one of the same year from an earlier file (with a DIAG_NOTE naming both
 * places), an unknown one never replaces a known one; actuals stay sorted
 * by year.  file and the values are copied into p's arena.  Sets
 * p->actuals_illustrative when a merged value is illustrative. */
int actuals_merge(struct plan *p, const char *file, const struct actual_value *v,
		  size_t n, struct diag_list *dg);

#endif

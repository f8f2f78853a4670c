/* load_int.h - shared by the files of src/load/, nothing else.
 *
 * An xdoc is one XML file being loaded: its bytes, the libxml2 tree, where
 * every element starts (line and column, which libxml2 does not keep), and
 * the problems found so far.  Problems are collected rather than reported
 * at once because the schema validator and the loader's own checks often see
 * the same fault: xdoc_flush() drops the echoes, sorts what is left by
 * position and hands it to a diag_list.
 */
#ifndef SHIRYO_LOAD_INT_H
#define SHIRYO_LOAD_INT_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"
#include "diag.h"

struct arena;

/* Limits on what a plan or actuals file may be. */
#define XDOC_MAX_BYTES ((size_t)16 << 20)
#define XDOC_MAX_DEPTH 64
/* A plan has about 500 elements of a few attributes each.  libxml2 2.9
 * spends time quadratic in the attributes of one element (40,000 took 2 s;
 * the 2 million that fit in 16 MiB would take hours), and about a second
 * per million elements: these keep any file under the byte limit well
 * under a second (issue 8). */
#define XDOC_MAX_ELEMENTS 50000
#define XDOC_MAX_ATTRIBUTES 256
/* Problems kept per file: a hostile file could have millions, and the
 * de-duplication is quadratic. */
#define XDOC_MAX_PROBLEMS 1000

enum problem_kind {
	PROBLEM_PARSE,       /* reading, encoding, well-formedness, limits */
	PROBLEM_CHECK,       /* the loader's own checks */
	PROBLEM_RNG,         /* a schema error with a subject of its own */
	PROBLEM_RNG_CASCADE, /* "expected <x>, found <y>": often only the echo
			      * of another error under the same parent */
	PROBLEM_RNG_GENERIC, /* "invalid content in <x>": dropped when a more
			      * specific problem lies in the same subtree */
	PROBLEM_RNG_VALUE,   /* "invalid value of attribute a": when a choice
			      * of attribute sets fails, libxml2 blames one
			      * that is fine; dropped when a check found what
			      * is wrong with the same element */
};

struct problem {
	enum diag_severity severity;
	enum problem_kind kind;
	xmlNodePtr node;  /* element concerned, or NULL */
	int line, column; /* 0 when unknown */
	/* What the problem is about, so that a check can stand in for the
	 * schema's vaguer message on the same thing: an attribute of node, or
	 * a child element of node (the one a check finds missing, the one the
	 * schema expected). */
	char *attr;
	char *elem;
	char *message;
	size_t seq;       /* order of discovery, for a stable sort */
	bool dropped;
};

struct elem_pos {
	size_t offset; /* byte offset of the '<' */
	int line, column;
};

struct xdoc {
	const char *path;
	char *buf;                /* the file's bytes, NUL-terminated */
	size_t len;
	size_t *line_starts;      /* byte offset of each line */
	size_t n_lines;
	struct elem_pos *pos;     /* indexed by (intptr_t)node->_private - 1 */
	size_t n_pos, alloc_pos;
	xmlDocPtr doc;            /* NULL when the file did not parse */
	struct problem *problems;
	size_t n_problems, alloc_problems;
	bool stopped;             /* parsing was halted: ignore later errors */
	size_t dropped_problems;  /* not kept, past XDOC_MAX_PROBLEMS */
	/* Where xdoc_offset_pos() last counted (line 0: nowhere yet), so that
	 * positions asked in document order cost linear time in all: counted
	 * from the line start each time, a plan written on one long line took
	 * minutes (issue 8). */
	size_t last_offset;
	int last_line, last_column;
};

/* Reads and parses path safely (size and depth limits, UTF-8 only, no
 * DOCTYPE, no network).  Returns 0 with x->doc set, or -1 with the reasons
 * recorded as problems.  Always call xdoc_release() afterwards. */
int xdoc_read(struct xdoc *x, const char *path);
/* Frees the tree, the bytes and the problems. */
void xdoc_release(struct xdoc *x);

/* Where node starts (the '<' of its start tag); for a text or attribute
 * node, where its element starts.  0, 0 when unknown. */
void xdoc_node_pos(const struct xdoc *x, xmlNodePtr node, int *line, int *column);
/* Where attribute name is written in node's start tag; node's position if
 * it is not there. */
void xdoc_attr_pos(const struct xdoc *x, xmlNodePtr node, const char *name,
		   int *line, int *column);
/* Line and column of a byte offset: column counts characters, not bytes. */
void xdoc_offset_pos(const struct xdoc *x, size_t offset, int *line, int *column);

/* Records a problem at node (at its attribute attr when attr is given and
 * written there).  elem names the child element it is about, or NULL. */
void xdoc_problem(struct xdoc *x, enum diag_severity sev, enum problem_kind kind,
		  xmlNodePtr node, const char *attr, const char *elem,
		  const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Records a problem at an explicit position. */
void xdoc_problem_at(struct xdoc *x, enum diag_severity sev, int line, int column,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The path of href, a file a plan at plan_path links to: relative to the
 * plan's folder, not to the current one (href_problem() in plan_load.c
 * refused the rest).  malloc'd. */
char *load_sibling_path(const char *plan_path, const char *href);

/* Drops echoes, sorts by position and adds the problems to dg.  Returns
 * the number of errors added.  The problem list is empty afterwards. */
size_t xdoc_flush(struct xdoc *x, struct diag_list *dg);

/* "indicator 'kpi-01'" for an element with an id, "<target> of indicator
 * 'kpi-01'" for one inside such an element, "<meta>" otherwise.  Written
 * into buf; returns buf. */
char *xdoc_describe(xmlNodePtr node, char *buf, size_t size);

/* Validates x->doc against a RELAX NG schema given as text, recording
 * readable problems.  Returns the number of problems it recorded. */
size_t rng_validate(struct xdoc *x, const char *schema, size_t len);

struct plan;
struct actual_value;

/* While plan_load() reads the files a plan names (a file of actuals and
 * three of PDCA records a year), the arrays those fill grow by doubling,
 * in place while there is room, instead of by a copy per file that the
 * arena keeps (30 years at x100: 40 MB of actuals, 330 MB of records).
 * The room is known only to the load that made the arrays: plan_load()
 * keeps it in a struct load_growth of its own and hands it to each read;
 * a read given none (an --actuals file after the load, a test that put a
 * plan together) copies and assumes nothing about the arrays it finds.
 * Nothing of it is global: two loads can run at once. */
struct load_growth {
	const struct plan *plan; /* the plan being loaded */
	/* each measure's array (actuals.c), by the measure's plan order */
	struct load_grown *actuals;
	size_t n_actuals;
	/* the plan's records (pdca_load.c): the array merged last, its count
	 * and its room */
	const struct pdca_record *pdca;
	size_t n_pdca, room_pdca;
};
void load_growth_init(struct load_growth *g, const struct plan *p);
void load_growth_release(struct load_growth *g);

/* The two halves of actuals_merge(): the checks (every problem reported
 * into dg; returns the number of errors), and the merge of values that
 * passed them (growing the arrays of g, which may be NULL).  Values with
 * fy 0 had a year that did not parse: only their ref is checked. */
size_t actuals_check(const struct plan *p, const struct actual_value *v, size_t n,
		     struct diag_list *dg, const char *file);
void actuals_apply(struct plan *p, const char *file, const struct actual_value *v,
		   size_t n, struct diag_list *dg, struct load_growth *g);

/* actuals_load_xml() and pdca_load() with the growth of the load reading
 * them (NULL: none).  Defined in actuals_xml.c and pdca_load.c. */
int actuals_read_xml(struct plan *p, const char *path, struct diag_list *dg,
		     struct load_growth *g);
int pdca_read(struct plan *p, const char *path, struct diag_list *dg,
	      struct load_growth *g);

/* What is wrong with s, a trimmed value that decimal_parse() refused with
 * st, to end "invalid value 's' of ...: " in every loader, so that plan,
 * PDCA records and actuals say the same of the same mistake: exponent
 * notation explained (see load_exponent) when s is nothing else, or the
 * status and, for a syntax error, what breaks it ("not a number; it has
 * letters", "number too long (...)").  Written into buf; returns buf.
 * This and load_exponent are defined in number.c. */
const char *load_number_problem(const char *s, enum decimal_status st, char *buf,
				size_t size);
/* A value as actuals (XML and CSV) and the plan take it (issue 16): a
 * number, △/▲ for a negative, and the indicator's own unit attached
 * ("16.2%" for ％).  DECIMAL_OK fills *out; otherwise why says what is
 * wrong (DECIMAL_EMPTY: a unit that is not the indicator's). */
enum decimal_status load_value_text(const char *s, const char *unit, struct decimal *out,
				    char *why, size_t size);
/* When after, the text right after the number v read from a value, starts
 * with an exponent (e or E, ASCII or full-width, an optional sign, digits:
 * 1e9, 1.5E+3, ２．５ｅ－３), writes into buf what the loaders say of it:
 * "a number in exponent notation, which is not accepted; write the number
 * in full: 1000000000", or "..., e.g. 1000000000 for 1e9" when that would
 * not fit a decimal; and returns the first byte after the exponent, so that
 * a caller can tell what follows (a unit in CSV, nothing in XML).  Returns
 * NULL, buf untouched, when after is no exponent ("e" alone, "E件"). */
const char *load_exponent(struct decimal v, const char *after, char *buf,
			  size_t size);

/* Reads an <evaluation> (record.h) of a PDCA file of year fy into a (the
 * file's council when council is set).  With report, every problem is
 * recorded in x; without, nothing is (the second, keeping reading of a
 * file that passed).  Defined in eval_load.c. */
struct eval_record;
struct eval_record *eval_read(struct xdoc *x, const struct plan *p, xmlNodePtr ev, int fy,
			      bool fy_ok, bool council, bool illustrative, struct arena *a,
			      bool report);

/* Sorts the diagnostics of src by line and column (keeping the order of
 * equal positions) and moves them to the end of dst. */
void load_diag_sort_move(struct diag_list *dst, struct diag_list *src);

/* "R4", a fiscal year as the loaders' messages name it (the Western year
 * when fy_format() cannot); written into buf, returns buf.  Defined in
 * number.c. */
const char *load_fy_text(int fy, char *buf, size_t size);

/* Text as shiryo prints it: outer white space goes; a run of white space
 * with a line break disappears next to a Japanese (non-ASCII) character and
 * becomes one space between Latin words; any other run becomes one space.
 * The copy is in a.  Defined in xnode.c, with the other readers of text
 * (xnode.h). */
const char *load_norm(struct arena *a, const char *s);

/* One cell of a workbook's table, for actuals_parse_table(). */
struct table_cell {
	const char *text; /* the value as the department meant it, or "" */
	const char *ref;  /* where it is, for messages: "Sheet1!C12" */
};

/* Checks and merges rows read from a workbook as actuals_parse_csv() does
 * a CSV's records (same header names, same rules, same messages), each
 * problem named FILE:SHEET!CELL.  cells holds n_rows rows of n_cols cells,
 * the header first; row_no[i] is row i's number in its sheet.  Returns 0,
 * or -1 with p unchanged.  Defined in actuals_csv.c. */
int actuals_parse_table(struct plan *p, const char *name, const struct table_cell *cells,
			const int *row_no, size_t n_rows, size_t n_cols,
			struct diag_list *dg);

#endif

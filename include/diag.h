/* diag.h - diagnostics: errors and warnings as data.
 *
 * Every stage (loader, figures, text engine, layout) reports into a
 * diag_list instead of printing, so that a loader can keep going and report
 * every problem in a file at once, tests can assert on messages, and the CLI
 * decides how to print.  Messages name the problem first and quote the
 * subject:  "xml/plan.xml:120:7: indicator 'kpi-3' refers to pillar 'p9',
 * which does not exist".
 */
#ifndef SHIRYO_DIAG_H
#define SHIRYO_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

struct diag {
	enum diag_severity severity;
	char *file;    /* owned; NULL when the message concerns no file */
	int line;      /* 1-based; 0 = unknown */
	int column;    /* 1-based; 0 = unknown */
	char *message; /* owned */
};

struct diag_list {
	struct diag *items;
	size_t count, alloc;
	size_t errors, warnings;
	size_t limit; /* stop storing after this many (0 = 1000); counts go on */
};

#define DIAG_LIST_INIT { NULL, 0, 0, 0, 0, 0 }

void diag_list_init(struct diag_list *dg);
/* Frees every message; the list is empty and reusable afterwards. */
void diag_list_release(struct diag_list *dg);

/* Adds a diagnostic. file may be NULL; line/column 0 when unknown.  The
 * message and the file name are stored as diag_clean() leaves them: they
 * quote input (element text, attribute values, CSV cells, file names), and
 * this is the one place that keeps terminal controls out of every message,
 * so that no caller has to remember. */
void diag_add(struct diag_list *dg, enum diag_severity sev, const char *file,
	      int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Prints "FILE:LINE:COLUMN: error: message" lines, one per diagnostic, in the
 * order they were added.  Omits the parts that are unknown. */
void diag_print(const struct diag_list *dg, FILE *out);
/* Formats one diagnostic the same way into buf; returns buf. */
char *diag_format(const struct diag *d, char *buf, size_t size);

/* Copies s into buf (size > 0 bytes, always NUL-terminated) with every byte
 * or character a terminal could act on shown as '?': C0 controls (line
 * breaks and tabs too: a message is one line), DEL, C1 controls
 * (U+0080..U+009F: 0x9B alone is CSI on some terminals), the Unicode
 * bidirectional controls (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F,
 * U+061C: they make the rest of a line display reordered) and each byte
 * that is not part of valid UTF-8.  A copy too long for buf is cut at a
 * character boundary.  buf may be s itself: the text only ever shrinks.
 * Returns buf.  For text printed outside a diag_list (the CLI's usage
 * errors and progress lines). */
char *diag_clean(const char *s, char *buf, size_t size);

/* Moves every diagnostic of src to the end of dst; src is left empty. */
void diag_list_move(struct diag_list *dst, struct diag_list *src);

#endif

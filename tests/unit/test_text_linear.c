/* test_text_linear.c - line layout is linear in the length of a run that
 * has no legal break (issue 14, row 4): a megabyte of digits or Latin
 * letters used to cost time quadratic in its length (4 MiB: minutes),
 * because every forced line measured the rest of the run again.  The
 * bound is generous: 30 s of CPU for 4 MiB (about 1.6 s at -O2, 8.5 s under
 * ASan on a loaded machine; quadratic took more than 60 s at -O2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cu_main.h"
#include "diag.h"
#include "font.h"
#include "text.h"

#define MIB (1024 * 1024)

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); /* CPU: the machine may be shared */
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Lays out n bytes of unit (repeated) at 480 pt with st and checks that
 * the lines cover the text in order, every one but the last forced; returns
 * the seconds taken. */
static double run(struct text_engine *te, const char *unit, size_t n,
		  struct text_style st)
{
	size_t u = strlen(unit);
	char *s = malloc(n);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	for (size_t i = 0; i < n; i++)
		s[i] = unit[i % u];
	double t0 = now();
	struct text_layout *tl = text_layout_new(te, s, n, &st, 480, NULL, NULL);
	double t = now() - t0;
	CU_ASSERT_FATAL(tl->n_lines > 1);
	CU_ASSERT_EQUAL(tl->lines[0].start, 0);
	CU_ASSERT_EQUAL(tl->lines[tl->n_lines - 1].end, n);
	size_t bad = 0;
	for (size_t i = 0; i + 1 < tl->n_lines; i++)
		bad += tl->lines[i].end != tl->lines[i + 1].start ||
		       tl->lines[i].width > 480.01f;
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT(tl->forced);
	text_layout_free(tl);
	free(s);
	return t;
}

static void runs_without_breaks(void)
{
	struct diag_list dg;
	diag_list_init(&dg);
	struct fontset *fs = fontset_load(NULL, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fs);
	struct text_engine *te = text_engine_new(fs, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(te);
	struct text_style body = {.size = 10.5f, .align = TEXT_JUSTIFY,
				  .first_indent = 10.5f};
	struct text_style closer = body;
	closer.close_punct = true;
	struct {
		const char *what, *unit;
		size_t bytes;
		struct text_style st;
	} cases[] = {
		{"4 MiB of digits", "7", 4 * MIB, body},
		{"4 MiB of Latin letters", "a", 4 * MIB, body},
		{"1 MiB of digits, push-in on", "7", MIB, closer},
		/* 、 cannot start a line: no break in 、、、, and every one has
		 * a blank half that push-in could take */
		{"1 MiB of 、、、, push-in on", "\xE3\x80\x81", MIB, closer},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		double t = run(te, cases[k].unit, cases[k].bytes, cases[k].st);
		printf("\n    %s: %.2f s", cases[k].what, t);
		CU_ASSERT(t < 30.0);
	}
	text_engine_free(te);
	fontset_free(fs);
	diag_list_release(&dg);
}

static const struct cu_case cases[] = {
	{"runs without legal breaks lay out in linear time", runs_without_breaks},
	{NULL, NULL},
};

CU_MAIN("text_linear", cases)

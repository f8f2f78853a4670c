/* main.c - the shiryo command line.
 *
 *   shiryo check PLAN.xml|ACTUALS.xml|PDCA.xml [--actuals FILE]...
 *   shiryo build PLAN.xml --kind council|project|annual --year FY
 *                [--actuals FILE]... [--meeting midyear|yearend] [-o OUT.pdf]
 *                [--paper a4|a3l] [--draft] [--no-pdfa]
 *   shiryo archive PLAN.xml --from FY --to FY [--actuals FILE]... -o DIR
 *
 * Exit status: 0 success, 1 the input has errors or the output could not be
 * written, 2 the command line is wrong.  Diagnostics go to stderr as
 * FILE:LINE:COLUMN: severity: message.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "actuals_csv.h"
#include "diag.h"
#include "dlist.h"
#include "doc.h"
#include "figures.h"
#include "font.h"
#include "fy.h"
#include "load.h"
#include "plan.h"
#include "render.h"
#include "text.h"

#ifndef SHIRYO_VERSION
#define SHIRYO_VERSION "0.1.0"
#endif

#define EXIT_INPUT 1
#define EXIT_USAGE 2
#define MAX_ACTUALS 64

static const char usage_text[] =
	"usage: shiryo check PLAN.xml|ACTUALS.xml|PDCA.xml [--actuals FILE]...\n"
	"       shiryo build PLAN.xml --kind council|project|annual --year FY\n"
	"                    [--actuals FILE]... [--meeting midyear|yearend]\n"
	"                    [-o OUT.pdf] [--paper a4|a3l] [--draft] [--no-pdfa]\n"
	"       shiryo archive PLAN.xml --from FY --to FY [--actuals FILE]... -o DIR\n"
	"       shiryo --help | --version\n"
	"\n"
	"FY is a fiscal year: 2025, R7, 令和7 or 令和7年度.\n"
	"Actuals files are XML (<actuals>) or CSV (指標,年度,実績; UTF-8 or CP932).\n"
	"Dates printed in documents come from SOURCE_DATE_EPOCH when it is set,\n"
	"otherwise from the newest input file.\n";

struct options {
	const char *command;
	const char *plan;
	const char *actuals[MAX_ACTUALS];
	int n_actuals;
	const char *output;
	struct doc_options doc;
	bool have_kind, have_year;
	int from, to;
	bool have_from, have_to;
};

static void vsay(const char *end, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static void say(const char *end, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints to stderr a line that quotes arguments or file names, through
 * diag_clean() as every diagnostic is (a file name can hold ESC too), then
 * end as it is. */
static void vsay(const char *end, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *buf = malloc(n < 0 ? 1 : (size_t)n + 1);
	if (!buf)
		abort();
	buf[0] = '\0';
	if (n >= 0)
		vsnprintf(buf, (size_t)n + 1, fmt, again);
	va_end(again);
	fputs(diag_clean(buf, buf, strlen(buf) + 1), stderr);
	fputs(end, stderr);
	free(buf);
}

static void say(const char *end, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(end, fmt, ap);
	va_end(ap);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("shiryo: ", stderr);
	vsay("\n", fmt, ap);
	va_end(ap);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Reads the value of an option that takes one ("--year R7"). */
static const char *option_value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static int parse_args(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof *o);
	o->doc.pdfa = true;
	if (argc < 2)
		return usage_error("%s", "no command given");
	o->command = argv[1];
	if (strcmp(o->command, "check") && strcmp(o->command, "build") &&
	    strcmp(o->command, "archive"))
		return usage_error("unknown command '%s'", o->command);
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *v;
		if (a[0] != '-' || a[1] == '\0') {
			if (o->plan)
				return usage_error("unexpected argument '%s'", a);
			o->plan = a;
		} else if (!strcmp(a, "--actuals")) {
			if (!(v = option_value(argc, argv, &i)))
				return usage_error("%s needs a file", a);
			if (o->n_actuals == MAX_ACTUALS)
				return usage_error("too many %s files", a);
			o->actuals[o->n_actuals++] = v;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			if (!(v = option_value(argc, argv, &i)))
				return usage_error("%s needs a path", a);
			o->output = v;
		} else if (!strcmp(a, "--kind")) {
			if (!(v = option_value(argc, argv, &i)))
				return usage_error("%s needs council, project or annual", a);
			if (!strcmp(v, "council"))
				o->doc.kind = DOC_COUNCIL;
			else if (!strcmp(v, "project"))
				o->doc.kind = DOC_PROJECT;
			else if (!strcmp(v, "annual"))
				o->doc.kind = DOC_ANNUAL;
			else
				return usage_error("unknown kind '%s' (council, project or annual)", v);
			o->have_kind = true;
		} else if (!strcmp(a, "--year") || !strcmp(a, "--from") || !strcmp(a, "--to")) {
			int fy;
			if (!(v = option_value(argc, argv, &i)))
				return usage_error("%s needs a fiscal year", a);
			if (fy_parse(v, &fy) != 0)
				return usage_error("'%s' is not a fiscal year (2025, R7, 令和7年度)", v);
			if (a[2] == 'y') {
				o->doc.fy = fy;
				o->have_year = true;
			} else if (a[2] == 'f') {
				o->from = fy;
				o->have_from = true;
			} else {
				o->to = fy;
				o->have_to = true;
			}
		} else if (!strcmp(a, "--meeting")) {
			if (!(v = option_value(argc, argv, &i)))
				return usage_error("%s needs midyear or yearend", a);
			if (!strcmp(v, "midyear"))
				o->doc.meeting = MEETING_MIDYEAR;
			else if (!strcmp(v, "yearend"))
				o->doc.meeting = MEETING_YEAREND;
			else
				return usage_error("unknown meeting '%s' (midyear or yearend)", v);
		} else if (!strcmp(a, "--paper")) {
			if (!(v = option_value(argc, argv, &i)))
				return usage_error("%s needs a4 or a3l", a);
			if (!strcmp(v, "a4"))
				o->doc.paper = PAPER_A4;
			else if (!strcmp(v, "a3l"))
				o->doc.paper = PAPER_A3_LANDSCAPE;
			else
				return usage_error("unknown paper '%s' (a4 or a3l)", v);
		} else if (!strcmp(a, "--draft")) {
			o->doc.draft = true;
		} else if (!strcmp(a, "--no-pdfa")) {
			o->doc.pdfa = false;
		} else {
			return usage_error("unknown option '%s'", a);
		}
	}
	if (!o->plan)
		return usage_error("%s", "no plan file given");
	if (!strcmp(o->command, "build")) {
		if (!o->have_kind)
			return usage_error("%s", "build needs --kind council|project|annual");
		if (!o->have_year)
			return usage_error("%s", "build needs --year FY");
	}
	if (!strcmp(o->command, "archive")) {
		if (!o->have_from || !o->have_to)
			return usage_error("%s", "archive needs --from FY and --to FY");
		if (o->from > o->to)
			return usage_error("%s", "--from is after --to");
		if (!o->output)
			return usage_error("%s", "archive needs -o DIR");
	}
	return 0;
}

/* The document date: SOURCE_DATE_EPOCH, else the newest input's mtime, so
 * that the same inputs always give the same bytes. */
static long long input_date(const struct options *o, struct diag_list *dl)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long t = strtoll(sde, &end, 10);
		if (!errno && *end == '\0' && t >= 0 && t < 253402300800LL)
			return t;
		diag_add(dl, DIAG_WARNING, NULL, 0, 0,
			 "SOURCE_DATE_EPOCH '%s' is not a time in seconds; using the input's date", sde);
	}
	long long newest = 0;
	struct stat st;
	if (stat(o->plan, &st) == 0)
		newest = st.st_mtime;
	for (int i = 0; i < o->n_actuals; i++)
		if (stat(o->actuals[i], &st) == 0 && st.st_mtime > newest)
			newest = st.st_mtime;
	return newest;
}

/* The plan and the --actuals files.  With owner_path (check), o->plan may
 * also be an actuals or PDCA file, checked with the plan it belongs to,
 * whose path *owner_path then gets (see plan_load_owner()). */
static struct plan *load_all(const struct options *o, struct diag_list *dl,
			     char **owner_path)
{
	struct plan *p = owner_path ? plan_load_owner(o->plan, dl, owner_path)
				    : plan_load(o->plan, dl);
	if (!p)
		return NULL;
	for (int i = 0; i < o->n_actuals; i++) {
		const char *f = o->actuals[i];
		int rc = ends_with(f, ".csv") || ends_with(f, ".CSV")
				 ? actuals_load_csv(p, f, dl)
				 : actuals_load_xml(p, f, dl);
		if (rc != 0) {
			plan_free(p);
			return NULL;
		}
	}
	return p;
}

static int cmd_check(const struct options *o)
{
	struct diag_list dl;
	diag_list_init(&dl);
	char *owner = NULL;
	struct plan *p = load_all(o, &dl, &owner);
	if (p)
		fig_check_plan(p, &dl);
	diag_print(&dl, stderr);
	int rc = (p && dl.errors == 0) ? 0 : EXIT_INPUT;
	if (rc == 0 && owner)
		say("\n", "%s: valid, with its plan %s (%zu warnings)", o->plan, owner,
		    dl.warnings);
	else if (rc == 0)
		say("\n", "%s: valid (%zu indicators, %zu pillars, %zu projects; %zu warnings)",
		    o->plan, p->n_indicators, p->n_pillars, p->n_projects, dl.warnings);
	free(owner);
	plan_free(p);
	diag_list_release(&dl);
	return rc;
}

/* Builds one document of plan p into path. */
static int build_one(const struct plan *p, const struct doc_options *doc,
		     struct text_engine *te, const struct fontset *fs,
		     const char *path, struct diag_list *dl)
{
	struct dl_doc *d = NULL;
	if (doc_build(p, doc, te, &d, dl) != 0 || dl->errors) {
		dl_doc_free(d);
		return -1;
	}
	int rc = pdf_write(d, fs, path, dl);
	dl_doc_free(d);
	return rc;
}

static const char *default_output(const struct options *o, char *buf, size_t size)
{
	char year[32];
	fy_format(o->doc.fy, FY_STYLE_SHORT, year, sizeof year);
	const char *base = strrchr(o->plan, '/');
	base = base ? base + 1 : o->plan;
	size_t n = strlen(base);
	if (ends_with(base, ".xml"))
		n -= 4;
	snprintf(buf, size, "%.*s-%s-%s.pdf", (int)n, base, doc_kind_name(o->doc.kind), year);
	return buf;
}

static int cmd_build(struct options *o)
{
	struct diag_list dl;
	diag_list_init(&dl);
	int rc = EXIT_INPUT;
	struct fontset *fs = NULL;
	struct text_engine *te = NULL;
	struct plan *p = load_all(o, &dl, NULL);
	if (!p)
		goto out;
	o->doc.date = input_date(o, &dl);
	fs = fontset_load(NULL, &dl);
	if (!fs)
		goto out;
	te = text_engine_new(fs, &dl);
	if (!te)
		goto out;

	if (!strcmp(o->command, "build")) {
		char buf[4096];
		const char *path = o->output ? o->output : default_output(o, buf, sizeof buf);
		if (build_one(p, &o->doc, te, fs, path, &dl) == 0) {
			rc = 0;
			say("\n", "wrote %s", path);
		}
		goto out;
	}

	/* archive: one annual report per year, stable names, stop at the first
	 * failure (earlier files stay as written, later ones untouched). */
	o->doc.kind = DOC_ANNUAL;
	if (mkdir(o->output, 0777) != 0 && errno != EEXIST) {
		diag_add(&dl, DIAG_ERROR, o->output, 0, 0, "cannot create the folder: %s",
			 strerror(errno));
		goto out;
	}
	rc = 0;
	for (int fy = o->from; fy <= o->to; fy++) {
		char year[32], path[4096];
		o->doc.fy = fy;
		fy_format(fy, FY_STYLE_SHORT, year, sizeof year);
		snprintf(path, sizeof path, "%s/%s-annual-%d.pdf", o->output,
			 p->id ? p->id : "plan", fy);
		say(" ... ", "[%d/%d] %s (%s)", fy - o->from + 1, o->to - o->from + 1, path,
		    year);
		if (build_one(p, &o->doc, te, fs, path, &dl) != 0) {
			fputs("failed\n", stderr);
			rc = EXIT_INPUT;
			break;
		}
		fputs("ok\n", stderr);
	}
out:
	diag_print(&dl, stderr);
	text_engine_free(te);
	fontset_free(fs);
	plan_free(p);
	diag_list_release(&dl);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "--version")) {
		printf("shiryo %s\n", SHIRYO_VERSION);
		return 0;
	}
	struct options o;
	int rc = parse_args(argc, argv, &o);
	if (rc)
		return rc;
	if (!strcmp(o.command, "check"))
		return cmd_check(&o);
	return cmd_build(&o);
}

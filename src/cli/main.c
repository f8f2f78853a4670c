/* main.c - the shiryo command line.
 *
 *   shiryo check PLAN.xml|ACTUALS.xml|PDCA.xml [--actuals FILE]...
 *   shiryo build PLAN.xml --kind KIND --year FY
 *                [--actuals FILE]... [--meeting midyear|yearend] [-o OUT.pdf]
 *                [--paper a4|a4l|a3l] [--draft] [--no-pdfa]
 *   shiryo archive PLAN.xml --from FY --to FY [--actuals FILE]... -o DIR
 *
 * The kinds of document, their names and what --help says of them come
 * from doc_kinds[] (doc.h); nothing here lists them.
 *
 * Exit status: 0 success, 1 the input has errors or the output could not be
 * written, 2 the command line is wrong.  Diagnostics go to stderr as
 * FILE:LINE:COLUMN: severity: message.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "actuals_csv.h"
#include "actuals_xlsx.h"
#include "alloc.h"
#include "diag.h"
#include "dlist.h"
#include "doc.h"
#include "figures.h"
#include "font.h"
#include "fy.h"
#include "html.h"
#include "load.h"
#include "pdca.h"
#include "plan.h"
#include "record.h"
#include "render.h"
#include "scaffold.h"
#include "sheet.h"
#include "text.h"
#include "watch.h"

#ifndef SHIRYO_VERSION
#define SHIRYO_VERSION "0.1.0"
#endif

#define EXIT_INPUT 1
#define EXIT_USAGE 2
#define MAX_ACTUALS 64

/* The whole help (shiryo --help); each command's own is in commands[]. */
static const char usage_text[] =
	"usage: shiryo check PLAN.xml|ACTUALS.xml|PDCA.xml [--actuals FILE]...\n"
	"       shiryo build PLAN.xml --kind KIND --year FY\n"
	"                    [--actuals FILE]... [--meeting midyear|yearend]\n"
	"                    [-o OUT.pdf] [--paper a4|a4l|a3l] [--draft] [--no-pdfa]\n"
	"       shiryo archive PLAN.xml --from FY --to FY [--actuals FILE]... -o DIR\n"
	"       shiryo sheet PLAN.xml --year FY [--by department] [--actuals FILE]...\n"
	"                    -o OUT.xlsx\n"
	"       shiryo init DIR --title TITLE --issuer ISSUER --from FY --to FY\n"
	"       shiryo watch PLAN.xml --kind KIND --year FY [build options] -o OUT.pdf\n"
	"       shiryo help [COMMAND] | --help | --version\n"
	"\n"
	"FY is a fiscal year: 2025, R7, 令和7 or 令和7年度.\n"
	"Actuals files are XML (<actuals>), CSV (指標,年度,実績; UTF-8 or CP932)\n"
	"or Excel workbooks (.xlsx: the same columns, or a column per year R7実績).\n"
	"Dates printed in documents come from SOURCE_DATE_EPOCH when it is set,\n"
	"otherwise from the newest input file.\n"
	"'shiryo help COMMAND' or 'shiryo COMMAND --help' lists a command's options.\n"
	"\n";
/* ... followed by the kinds (print_kinds). */

/* Option values beyond the one-letter ones. */
enum {
	OPT_ACTUALS = 256, OPT_KIND, OPT_YEAR, OPT_FROM, OPT_TO, OPT_MEETING,
	OPT_PAPER, OPT_DRAFT, OPT_NO_PDFA, OPT_BY, OPT_TITLE, OPT_ISSUER,
	OPT_FORMAT, OPT_REVIEW,
};

#define BIT(o) (1u << ((o) == 'o' ? 0 : (o) == 'h' ? 1 : (o) - OPT_ACTUALS + 2))
#define BUILD_OPTS (BIT(OPT_ACTUALS) | BIT('o') | BIT(OPT_KIND) | BIT(OPT_YEAR) | \
		    BIT(OPT_MEETING) | BIT(OPT_PAPER) | BIT(OPT_DRAFT) | BIT(OPT_NO_PDFA) | \
		    BIT(OPT_FORMAT) | BIT(OPT_REVIEW))

static const struct option long_options[] = {
	{"actuals", required_argument, NULL, OPT_ACTUALS},
	{"output", required_argument, NULL, 'o'},
	{"kind", required_argument, NULL, OPT_KIND},
	{"year", required_argument, NULL, OPT_YEAR},
	{"from", required_argument, NULL, OPT_FROM},
	{"to", required_argument, NULL, OPT_TO},
	{"meeting", required_argument, NULL, OPT_MEETING},
	{"paper", required_argument, NULL, OPT_PAPER},
	{"draft", no_argument, NULL, OPT_DRAFT},
	{"no-pdfa", no_argument, NULL, OPT_NO_PDFA},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"review", no_argument, NULL, OPT_REVIEW},
	{"by", required_argument, NULL, OPT_BY},
	{"title", required_argument, NULL, OPT_TITLE},
	{"issuer", required_argument, NULL, OPT_ISSUER},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* One command: its name, the one-line synopsis printed on a usage error,
 * the options it takes and its help. */
struct command {
	const char *name;
	const char *synopsis;
	unsigned options; /* BIT()s */
	const char *help;
};

static const struct command commands[] = {
	{"check", "shiryo check PLAN.xml|ACTUALS.xml|PDCA.xml [--actuals FILE]...",
	 BIT(OPT_ACTUALS) | BIT('h'),
	 "Checks a plan (schema and meaning) with its actuals and PDCA files; given\n"
	 "an actuals or PDCA file, checks it with the plan it names, found in its folder.\n"
	 "Exit 0 valid, 1 errors, 2 wrong command line.\n"
	 "\n"
	 "  --actuals FILE   also read these actuals (XML, CSV or .xlsx); repeatable\n"},
	{"build", "shiryo build PLAN.xml --kind KIND --year FY [options]",
	 BUILD_OPTS | BIT('h'),
	 "Writes one PDF document of the plan for a fiscal year.\n"
	 "\n"
	 "  --kind KIND       the document: one of the kinds below\n"
	 "  --year FY         the fiscal year: 2025, R7, 令和7年度\n"
	 "  --actuals FILE    yearly actuals (XML, CSV or .xlsx); later files override\n"
	 "                    earlier ones; repeatable\n"
	 "  --meeting M       midyear or yearend (project handouts)\n"
	 "  -o, --output FILE the PDF to write (default PLAN-KIND-FY.pdf)\n"
	 "  --paper P         a4, a4l (A4 landscape) or a3l (A3 landscape)\n"
	 "  --draft           mark every page 案\n"
	 "  --no-pdfa         no PDF/A for the annual report\n"
	 "  --format F        pdf (default) or html (one self-contained page)\n"
	 "  --review          add the reviewer's annex (stated vs recomputed figures)\n"
	 "\n"},
	{"archive", "shiryo archive PLAN.xml --from FY --to FY [--actuals FILE]... -o DIR",
	 BIT(OPT_ACTUALS) | BIT('o') | BIT(OPT_FROM) | BIT(OPT_TO) | BIT(OPT_PAPER) |
		 BIT(OPT_DRAFT) | BIT(OPT_NO_PDFA) | BIT('h'),
	 "Writes DIR/PLANID-annual-YEAR.pdf for every fiscal year from..to.\n"
	 "\n"
	 "  --from FY, --to FY   the years\n"
	 "  --actuals FILE       yearly actuals; repeatable\n"
	 "  -o, --output DIR     the folder (created if missing)\n"
	 "  --paper P            a4 or a3l (A3 landscape)\n"
	 "  --draft              mark every page 案\n"
	 "  --no-pdfa            no PDF/A\n"},
	{"sheet", "shiryo sheet PLAN.xml --year FY [--by department] -o OUT.xlsx",
	 BIT(OPT_ACTUALS) | BIT('o') | BIT(OPT_YEAR) | BIT(OPT_BY) | BIT('h'),
	 "Writes an Excel workbook for departments to enter a year's actuals: one\n"
	 "row per indicator, earlier years filled in and locked, this year's cells\n"
	 "open.  Read it back with 'shiryo build --actuals OUT.xlsx'.\n"
	 "\n"
	 "  --year FY          the year to be entered\n"
	 "  --by department    one sheet per department (所管課), when the plan names them\n"
	 "  --actuals FILE     more actuals for the earlier years; repeatable\n"
	 "  -o, --output FILE  the workbook to write (.xlsx)\n"},
	{"init", "shiryo init DIR --title TITLE --issuer ISSUER --from FY --to FY",
	 BIT(OPT_TITLE) | BIT(OPT_ISSUER) | BIT(OPT_FROM) | BIT(OPT_TO) | BIT('h'),
	 "Writes a minimal plan, an actuals file and a PDCA file into DIR (created\n"
	 "if missing; existing files are never overwritten), with comments saying\n"
	 "what goes where.\n"
	 "\n"
	 "  --title TITLE     the plan's title\n"
	 "  --issuer ISSUER   who issues it (the municipality)\n"
	 "  --from FY, --to FY  the plan period\n"},
	{"watch", "shiryo watch PLAN.xml --kind KIND --year FY [build options] -o OUT.pdf",
	 BUILD_OPTS | BIT('h'),
	 "Builds as 'shiryo build' does, then again whenever the plan or a file it\n"
	 "links (actuals, PDCA records, --actuals files) changes.  An invalid edit\n"
	 "prints its errors and keeps the last good PDF.  Stop it with Ctrl-C.\n"
	 "\n"
	 "  Options as for build; -o is required.\n"
	 "\n"},
	{"help", "shiryo help [COMMAND]", 0,
	 "Prints the help of a command, or the whole usage.\n"},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* The kinds of document, one a line: "  council   推進会議資料". */
static void print_kinds(FILE *out)
{
	fputs("KIND (--kind) is one of:\n", out);
	for (size_t i = 0; i < doc_n_kinds; i++)
		fprintf(out, "  %-9s %s\n", doc_kinds[i].name, doc_kinds[i].help);
}

/* "council, project, annual or summary", for messages. */
static const char *kind_names(void)
{
	static char buf[256];
	return doc_kind_names(NULL, buf, sizeof buf);
}

static void print_command_help(const struct command *c, FILE *out)
{
	fprintf(out, "usage: %s\n\n%s", c->synopsis, c->help);
	if (c->options & BIT(OPT_KIND))
		print_kinds(out);
}

struct options {
	const struct command *cmd;
	const char *command;
	const char *plan;
	const char *actuals[MAX_ACTUALS];
	int n_actuals;
	const char *output;
	struct doc_options doc;
	bool have_kind, have_year;
	int from, to;
	bool have_from, have_to;
	bool by_department;
	bool html; /* --format html */
	const char *title, *issuer;
	bool help; /* --help given: print the command's help */
};

static void vsay(const char *end, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static void say(const char *end, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints to stderr a line that quotes arguments or file names, through
 * diag_clean() as every diagnostic is (a file name can hold ESC too), then
 * end as it is. */
static void vsay(const char *end, const char *fmt, va_list ap)
{
	char *buf = xvasprintf(fmt, ap);
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

/* The command whose synopsis a usage error shows (NULL: the commands). */
static const struct command *usage_command;

/* A usage error: the message, then one usage line and where the rest is,
 * not the whole help (it hid the message). */
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("shiryo: ", stderr);
	vsay("\n", fmt, ap);
	va_end(ap);
	if (usage_command)
		fprintf(stderr, "usage: %s\n(shiryo help %s lists the options)\n",
			usage_command->synopsis, usage_command->name);
	else
		fputs("usage: shiryo check|build|archive|sheet|init|watch|help ...\n"
		      "(shiryo --help lists them all)\n", stderr);
	return EXIT_USAGE;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The name of option c as the user wrote it, for messages. */
static const char *option_name(int c, char *buf, size_t size)
{
	if (c == 'o')
		return "-o";
	for (const struct option *lo = long_options; lo->name; lo++)
		if (lo->val == c) {
			snprintf(buf, size, "--%s", lo->name);
			return buf;
		}
	return "?";
}

/* Applies option c with value v (NULL for a flag); 0 or a usage error. */
static int apply_option(struct options *o, int c, const char *v)
{
	char name[32];
	const char *a = option_name(c, name, sizeof name);
	int fy;
	switch (c) {
	case OPT_ACTUALS:
		if (o->n_actuals == MAX_ACTUALS)
			return usage_error("too many %s files", a);
		o->actuals[o->n_actuals++] = v;
		return 0;
	case 'o':
		if (!*v)
			return usage_error("%s needs a path", a);
		o->output = v;
		return 0;
	case OPT_KIND:
		o->doc.kind = doc_kind_find(v);
		if (!o->doc.kind)
			return usage_error("unknown kind '%s' (%s)", v, kind_names());
		o->have_kind = true;
		return 0;
	case OPT_YEAR:
	case OPT_FROM:
	case OPT_TO:
		if (fy_parse(v, &fy) != 0)
			return usage_error("'%s' is not a fiscal year (2025, R7, 令和7年度)", v);
		if (c == OPT_YEAR) {
			o->doc.fy = fy;
			o->have_year = true;
		} else if (c == OPT_FROM) {
			o->from = fy;
			o->have_from = true;
		} else {
			o->to = fy;
			o->have_to = true;
		}
		return 0;
	case OPT_MEETING:
		if (!strcmp(v, "midyear"))
			o->doc.meeting = MEETING_MIDYEAR;
		else if (!strcmp(v, "yearend"))
			o->doc.meeting = MEETING_YEAREND;
		else
			return usage_error("unknown meeting '%s' (midyear or yearend)", v);
		return 0;
	case OPT_PAPER:
		if (!strcmp(v, "a4"))
			o->doc.paper = PAPER_A4;
		else if (!strcmp(v, "a3l"))
			o->doc.paper = PAPER_A3_LANDSCAPE;
		else if (!strcmp(v, "a4l"))
			o->doc.paper = PAPER_A4_LANDSCAPE;
		else
			return usage_error("unknown paper '%s' (a4, a4l or a3l)", v);
		o->doc.paper_set = true;
		return 0;
	case OPT_DRAFT:
		o->doc.draft = true;
		return 0;
	case OPT_NO_PDFA:
		o->doc.pdfa = false;
		return 0;
	case OPT_FORMAT:
		if (strcmp(v, "pdf") && strcmp(v, "html"))
			return usage_error("unknown format '%s' (pdf or html)", v);
		o->html = !strcmp(v, "html");
		return 0;
	case OPT_REVIEW:
		o->doc.review = true;
		return 0;
	case OPT_BY:
		if (strcmp(v, "department"))
			return usage_error("unknown grouping '%s' (--by department)", v);
		o->by_department = true;
		return 0;
	case OPT_TITLE:
		o->title = v;
		return 0;
	case OPT_ISSUER:
		o->issuer = v;
		return 0;
	case 'h':
		o->help = true;
		return 0;
	}
	return usage_error("%s", "unknown option");
}

/* What an option needs, for "--kind needs ...". */
static const char *option_wants(int c)
{
	switch (c) {
	case OPT_ACTUALS: return "a file";
	case 'o': return "a path";
	case OPT_KIND: return kind_names();
	case OPT_YEAR: case OPT_FROM: case OPT_TO: return "a fiscal year";
	case OPT_MEETING: return "midyear or yearend";
	case OPT_PAPER: return "a4 or a3l";
	case OPT_BY: return "department";
	case OPT_TITLE: return "a title";
	case OPT_ISSUER: return "the issuer's name";
	}
	return "a value";
}

/* Parses argv with getopt_long: options may come before or after the
 * file, --year=R7 and -oFILE are one argument, -- ends the options. */
static int parse_args(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof *o);
	o->doc.pdfa = true;
	usage_command = NULL;
	if (argc < 2)
		return usage_error("%s", "no command given");
	o->command = argv[1];
	o->cmd = find_command(o->command);
	if (!o->cmd)
		return usage_error("unknown command '%s'", o->command);
	usage_command = o->cmd;
	/* getopt_long over argv[1..]: argv[1], the command, stands as the
	 * program name. */
	int ac = argc - 1;
	char **av = argv + 1;
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(ac, av, ":o:h", long_options, NULL)) != -1) {
		/* the argument just read (getopt has moved optind past it) */
		const char *written = optind > 1 && optind - 1 < ac ? av[optind - 1] : "?";
		if (c == '?') {
			if (optopt)
				return usage_error("unknown option '-%c'", optopt);
			return usage_error("unknown option '%s'", written);
		}
		if (c == ':') {
			char name[32];
			const char *n = optopt ? option_name(optopt, name, sizeof name) : written;
			return usage_error("%s needs %s", n, option_wants(optopt));
		}
		if (!(o->cmd->options & BIT(c))) {
			char name[32];
			return usage_error("%s %s takes no option %s", "shiryo", o->command,
					   option_name(c, name, sizeof name));
		}
		int rc = apply_option(o, c, optarg);
		if (rc)
			return rc;
	}
	if (o->help)
		return 0;
	for (int i = optind; i < ac; i++) {
		if (!strcmp(o->command, "help")) {
			if (o->plan)
				return usage_error("unexpected argument '%s'", av[i]);
			o->plan = av[i];
			continue;
		}
		if (o->plan)
			return usage_error("unexpected argument '%s'", av[i]);
		o->plan = av[i];
	}
	if (!strcmp(o->command, "help"))
		return 0;
	if (!o->plan)
		return usage_error("%s", !strcmp(o->command, "init") ? "no folder given"
								     : "no plan file given");
	if (!strcmp(o->command, "build") || !strcmp(o->command, "watch")) {
		if (!o->have_kind)
			return usage_error("%s needs --kind KIND (%s)", o->command, kind_names());
		if (!o->have_year)
			return usage_error("%s needs --year FY", o->command);
		if (!strcmp(o->command, "watch") && !o->output)
			return usage_error("%s", "watch needs -o OUT.pdf");
	}
	if (!strcmp(o->command, "archive") || !strcmp(o->command, "init")) {
		if (!o->have_from || !o->have_to)
			return usage_error("%s needs --from FY and --to FY", o->command);
		if (o->from > o->to)
			return usage_error("%s", "--from is after --to");
		if (!strcmp(o->command, "archive") && !o->output)
			return usage_error("%s", "archive needs -o DIR");
	}
	if (!strcmp(o->command, "init") && (!o->title || !*o->title || !o->issuer ||
					    !*o->issuer))
		return usage_error("%s", "init needs --title and --issuer");
	if (!strcmp(o->command, "sheet")) {
		if (!o->have_year)
			return usage_error("%s", "sheet needs --year FY");
		if (!o->output)
			return usage_error("%s", "sheet needs -o OUT.xlsx");
	}
	return 0;
}

/* The document date: SOURCE_DATE_EPOCH, else -1 (none): the meeting's
 * record or the year the document reports decides (doc.c), never a file's
 * modification time, which a checkout or a copy changes. */
static long long input_date(const struct options *o, struct diag_list *dg)
{
	(void)o;
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long t = strtoll(sde, &end, 10);
		if (!errno && *end == '\0' && t >= 0 && t < 253402300800LL)
			return t;
		diag_add(dg, DIAG_WARNING, NULL, 0, 0,
			 "SOURCE_DATE_EPOCH '%s' is not a time in seconds; using the year's date", sde);
	}
	return -1;
}

/* The plan and the --actuals files.  With owner_path (check), o->plan may
 * also be an actuals or PDCA file, checked with the plan it belongs to,
 * whose path *owner_path then gets (see plan_load_owner()). */
static struct plan *load_all(const struct options *o, struct diag_list *dg,
			     char **owner_path)
{
	struct plan *p = owner_path ? plan_load_owner(o->plan, dg, owner_path)
				    : plan_load(o->plan, dg);
	if (!p)
		return NULL;
	for (int i = 0; i < o->n_actuals; i++) {
		const char *f = o->actuals[i];
		int rc = ends_with(f, ".csv") || ends_with(f, ".CSV")
				 ? actuals_load_csv(p, f, dg)
			 : actuals_is_workbook(f) ? actuals_load_xlsx(p, f, dg)
						  : actuals_load_xml(p, f, dg);
		if (rc != 0) {
			plan_free(p);
			return NULL;
		}
	}
	return p;
}

static int cmd_check(const struct options *o)
{
	struct diag_list dg;
	diag_list_init(&dg);
	char *owner = NULL;
	struct plan *p = load_all(o, &dg, &owner);
	if (p) {
		fig_check_plan(p, &dg);
		eval_check(p, &dg);
	}
	diag_print(&dg, stderr);
	int rc = (p && dg.errors == 0) ? 0 : EXIT_INPUT;
	if (rc == 0 && owner)
		say("\n", "%s: valid, with its plan %s (%zu warnings)", o->plan, owner,
		    dg.warnings);
	else if (rc == 0)
		say("\n", "%s: valid (%zu indicators, %zu pillars, %zu projects; %zu warnings)",
		    o->plan, p->n_indicators, p->n_pillars, p->n_projects, dg.warnings);
	free(owner);
	plan_free(p);
	diag_list_release(&dg);
	return rc;
}

/* shiryo sheet: the input workbook for departments. */
static int cmd_sheet(const struct options *o)
{
	struct diag_list dg;
	diag_list_init(&dg);
	int rc = EXIT_INPUT;
	struct plan *p = load_all(o, &dg, NULL);
	if (p) {
		if (o->doc.fy < p->from || o->doc.fy > p->to) {
			char y[32], a[32], b[32];
			fy_format(o->doc.fy, FY_STYLE_SHORT, y, sizeof y);
			fy_format(p->from, FY_STYLE_SHORT, a, sizeof a);
			fy_format(p->to, FY_STYLE_SHORT, b, sizeof b);
			diag_add(&dg, DIAG_ERROR, o->plan, 0, 0,
				 "%s lies outside the plan period %s–%s", y, a, b);
		} else {
			struct sheet_options so = {o->doc.fy, o->by_department};
			if (sheet_write_xlsx(p, &so, o->output, &dg) == 0) {
				rc = 0;
				if (strcmp(o->output, "-"))
					say("\n", "wrote %s", o->output);
			}
		}
	}
	diag_print(&dg, stderr);
	plan_free(p);
	diag_list_release(&dg);
	return rc;
}

/* shiryo init: a new plan's files. */
static int cmd_init(const struct options *o)
{
	struct diag_list dg;
	diag_list_init(&dg);
	struct scaffold s = {o->plan, o->title, o->issuer, o->from, o->to};
	int rc = scaffold_init(&s, &dg) == 0 ? 0 : EXIT_INPUT;
	diag_print(&dg, stderr);
	diag_list_release(&dg);
	if (rc == 0)
		say("\n", "wrote %s/plan.xml, its actuals and a PDCA record; next: shiryo check "
		    "%s/plan.xml", o->plan, o->plan);
	return rc;
}

/* Builds one document of plan p into path. */
static int build_one(const struct plan *p, const struct doc_options *doc,
		     struct text_engine *te, const struct fontset *fs,
		     const char *path, struct diag_list *dg, bool html)
{
	struct dl_doc *d = NULL;
	if (doc_build(p, doc, te, &d, dg) != 0 || dg->errors) {
		dl_doc_free(d);
		return -1;
	}
	int rc = html ? html_write(d, fs, path, dg) : pdf_write(d, fs, path, dg);
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
	snprintf(buf, size, "%.*s-%s-%s.%s", (int)n, base, o->doc.kind->name, year,
		 o->html ? "html" : "pdf");
	return buf;
}

static int cmd_build(struct options *o)
{
	struct diag_list dg;
	diag_list_init(&dg);
	int rc = EXIT_INPUT;
	struct fontset *fs = NULL;
	struct text_engine *te = NULL;
	struct plan *p = load_all(o, &dg, NULL);
	if (!p)
		goto out;
	o->doc.date = input_date(o, &dg);
	fs = fontset_load(NULL, &dg);
	if (!fs)
		goto out;
	te = text_engine_new(fs, &dg);
	if (!te)
		goto out;

	if (!strcmp(o->command, "build")) {
		char buf[4096];
		const char *path = o->output ? o->output : default_output(o, buf, sizeof buf);
		if (build_one(p, &o->doc, te, fs, path, &dg, o->html) == 0) {
			rc = 0;
			say("\n", "wrote %s", path);
		}
		goto out;
	}

	/* archive: one annual report per year, stable names, stop at the first
	 * failure (earlier files stay as written, later ones untouched). */
	o->doc.kind = doc_kind_find("annual");
	if (mkdir(o->output, 0777) != 0 && errno != EEXIST) {
		diag_add(&dg, DIAG_ERROR, o->output, 0, 0, "cannot create the folder: %s",
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
		if (build_one(p, &o->doc, te, fs, path, &dg, false) != 0) {
			fputs("failed\n", stderr);
			rc = EXIT_INPUT;
			break;
		}
		fputs("ok\n", stderr);
	}
out:
	diag_print(&dg, stderr);
	text_engine_free(te);
	fontset_free(fs);
	plan_free(p);
	diag_list_release(&dg);
	return rc;
}

/* shiryo watch: build, then again at every change of an input. */
struct watch_ctx {
	struct options *o;
	struct text_engine *te;
	const struct fontset *fs;
};

static int watch_build(void *ctx, struct watch_files *files)
{
	struct watch_ctx *w = ctx;
	struct options *o = w->o;
	struct diag_list dg;
	diag_list_init(&dg);
	watch_files_add(files, o->plan);
	for (int i = 0; i < o->n_actuals; i++)
		watch_files_add(files, o->actuals[i]);
	struct plan *p = load_all(o, &dg, NULL);
	int rc = -1;
	if (p) {
		/* what the plan linked: its actuals and PDCA files */
		for (size_t i = 0; i < p->n_indicators; i++)
			for (size_t k = 0; k < p->indicators[i].n_measures; k++) {
				const struct measure *m = &p->indicators[i].measures[k];
				for (size_t j = 0; j < m->n_actuals; j++)
					if (m->actuals[j].source)
						watch_files_add(files, m->actuals[j].source);
			}
		for (size_t i = 0; i < p->n_pdca; i++)
			if (p->pdca[i].session && p->pdca[i].session->file)
				watch_files_add(files, p->pdca[i].session->file);
		o->doc.date = input_date(o, &dg);
		rc = build_one(p, &o->doc, w->te, w->fs, o->output, &dg, o->html);
	}
	diag_print(&dg, stderr);
	time_t now = time(NULL);
	struct tm tm;
	char when[16] = "";
	if (localtime_r(&now, &tm))
		strftime(when, sizeof when, "%H:%M:%S", &tm);
	if (rc == 0)
		say("\n", "[%s] wrote %s; watching %zu files (Ctrl-C stops)", when, o->output,
		    files->n);
	else
		say("\n", "[%s] errors: %s is the last good build, unchanged", when, o->output);
	plan_free(p);
	diag_list_release(&dg);
	return rc;
}

static int cmd_watch(struct options *o)
{
	struct diag_list dg;
	diag_list_init(&dg);
	int rc = EXIT_INPUT;
	struct fontset *fs = fontset_load(NULL, &dg);
	struct text_engine *te = fs ? text_engine_new(fs, &dg) : NULL;
	diag_print(&dg, stderr);
	if (te) {
		struct watch_ctx w = {o, te, fs};
		rc = watch_loop(watch_build, &w) == 0 ? 0 : EXIT_INPUT;
	}
	text_engine_free(te);
	fontset_free(fs);
	diag_list_release(&dg);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage_text, stdout);
		print_kinds(stdout);
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
	if (o.help) {
		print_command_help(o.cmd, stdout);
		return 0;
	}
	if (!strcmp(o.command, "help")) {
		if (!o.plan) {
			fputs(usage_text, stdout);
			print_kinds(stdout);
			return 0;
		}
		const struct command *c = find_command(o.plan);
		if (!c) {
			usage_command = o.cmd;
			return usage_error("unknown command '%s'", o.plan);
		}
		print_command_help(c, stdout);
		return 0;
	}
	if (!strcmp(o.command, "check"))
		return cmd_check(&o);
	if (!strcmp(o.command, "sheet"))
		return cmd_sheet(&o);
	if (!strcmp(o.command, "init"))
		return cmd_init(&o);
	if (!strcmp(o.command, "watch"))
		return cmd_watch(&o);
	return cmd_build(&o);
}

/* test_kinds.c - the table of document kinds (doc_kinds[], src/doc/kinds.c)
 * is the one list of kinds: every row builds for both shipped plans (or is
 * refused with the reason its row states), its data reaches the document
 * (title, 資料番号, paper, archive grade), and the command line, the bash
 * completion and the man page list exactly its names, in its order.  Run
 * from the top directory (it reads xml/) after `make` has built BUILD/shiryo
 * and, from it, BUILD/shiryo.1 and BUILD/shiryo.bash-completion
 * (src/cli/gen-kinds), BUILD being the folder above this program's.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "doc.h"
#include "font.h"
#include "load.h"
#include "plan.h"
#include "text.h"

#define FY_R7 2025

static struct fontset *fonts;
static struct text_engine *te;
static struct diag_list diags = DIAG_LIST_INIT;
static struct plan *plans[2];
static const char *const plan_files[2] = {"xml/kagoshima-city-plan2.xml",
					  "xml/kagoshima-pref-manufacturing.xml"};

static void cleanup(void)
{
	for (size_t i = 0; i < 2; i++)
		plan_free(plans[i]);
	text_engine_free(te);
	fontset_free(fonts);
	diag_list_release(&diags);
}

static void setup(void)
{
	if (te)
		return;
	fonts = fontset_load(NULL, &diags);
	te = fonts ? text_engine_new(fonts, &diags) : NULL;
	for (size_t i = 0; i < 2; i++)
		plans[i] = plan_load(plan_files[i], &diags);
	if (!te || !plans[0] || !plans[1]) {
		diag_print(&diags, stderr);
		exit(2);
	}
	atexit(cleanup);
}

/* The table's names joined with sep: "council project annual summary". */
static void table_names(char *buf, size_t size, const char *sep)
{
	buf[0] = '\0';
	for (size_t i = 0; i < doc_n_kinds; i++) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s", i ? sep : "", doc_kinds[i].name);
	}
}

/* Whether some text item of page pg is exactly s. */
static bool page_has_text(const struct dl_doc *d, size_t pg, const char *s)
{
	const struct dl_page *p = &d->pages[pg];
	for (size_t i = 0; i < p->n_items; i++) {
		const struct dl_item *it = &p->items[i];
		if (it->kind == DL_TEXT && it->u.text.len == strlen(s) &&
		    !memcmp(it->u.text.utf8, s, it->u.text.len))
			return true;
	}
	return false;
}

/* Checks what the row says against the document built from it. */
static void check_built(const struct doc_kind *k, const struct doc_options *o,
			const struct dl_doc *d)
{
	CU_ASSERT_FATAL(d->n_pages > 0);
	/* the title the row gives, in the document information */
	const char *title = doc_kind_title(k, o->meeting);
	CU_ASSERT_PTR_NOT_NULL(strstr(d->info.title, title));
	CU_ASSERT_PTR_NOT_NULL(strstr(d->info.subject, title));
	/* the archive grade */
	CU_ASSERT_EQUAL(d->pdfa, k->pdfa);
	/* the paper: a landscape sheet is wider than high */
	const struct dl_page *p = &d->pages[0];
	CU_ASSERT_EQUAL(p->width > p->height, k->paper == PAPER_A3_LANDSCAPE);
	/* the 資料番号 on the first page, when the row has one */
	if (k->number)
		CU_ASSERT(page_has_text(d, 0, k->number));
}

/* Every row of the table builds for both plans, for each of its meetings,
 * with no error or warning - or, for a plan the row does not apply to,
 * fails with one error that states the row's reason and names the kinds
 * the plan can have. */
static void every_kind_builds_for_both_plans(void)
{
	setup();
	size_t built = 0, refused = 0;
	for (size_t i = 0; i < doc_n_kinds; i++) {
		const struct doc_kind *k = &doc_kinds[i];
		CU_ASSERT_PTR_NOT_NULL(k->compose);
		CU_ASSERT_PTR_NOT_NULL(k->title);
		CU_ASSERT_PTR_NOT_NULL(k->help);
		CU_ASSERT(!k->applies == !k->lacks); /* a rule states its reason */
		static const enum doc_meeting none[] = {MEETING_NONE},
					      both[] = {MEETING_MIDYEAR, MEETING_YEAREND};
		const enum doc_meeting *m = k->meetings ? both : none;
		size_t n_m = k->meetings ? 2 : 1;
		for (size_t pl = 0; pl < 2; pl++)
			for (size_t j = 0; j < n_m; j++) {
				const struct plan *p = plans[pl];
				struct doc_options o = {.kind = k, .fy = FY_R7, .meeting = m[j],
							.pdfa = true, .date = 1763683200};
				struct dl_doc *d = NULL;
				struct diag_list dg = DIAG_LIST_INIT;
				int rc = doc_build(p, &o, te, &d, &dg);
				bool applies = !k->applies || k->applies(p);
				if (applies && (rc != 0 || dg.count)) {
					fprintf(stderr, "%s of %s:\n", k->name, plan_files[pl]);
					diag_print(&dg, stderr);
				}
				if (applies) {
					CU_ASSERT_EQUAL(rc, 0);
					CU_ASSERT_EQUAL(dg.errors, 0);
					CU_ASSERT_EQUAL(dg.warnings, 0);
					CU_ASSERT_PTR_NOT_NULL(d);
					if (d)
						check_built(k, &o, d);
					built++;
				} else {
					char others[256];
					doc_kind_names(p, others, sizeof others);
					CU_ASSERT_EQUAL(rc, -1);
					CU_ASSERT_PTR_NULL(d);
					CU_ASSERT_EQUAL(dg.errors, 1);
					CU_ASSERT(dg.count == 1 &&
						  strstr(dg.items[0].message, k->lacks) &&
						  strstr(dg.items[0].message, others));
					refused++;
				}
				dl_doc_free(d);
				diag_list_release(&dg);
			}
	}
	/* the shipped plans: the prefecture has no priority projects */
	CU_ASSERT(built >= doc_n_kinds);
	CU_ASSERT(refused >= 1);
}

/* Names are unique and found; the message list is the table's. */
static void names_are_the_table(void)
{
	setup();
	for (size_t i = 0; i < doc_n_kinds; i++) {
		CU_ASSERT_PTR_EQUAL(doc_kind_find(doc_kinds[i].name), &doc_kinds[i]);
		for (size_t j = 0; j < i; j++)
			CU_ASSERT_STRING_NOT_EQUAL(doc_kinds[i].name, doc_kinds[j].name);
	}
	CU_ASSERT_PTR_NULL(doc_kind_find("Council"));
	CU_ASSERT_PTR_NULL(doc_kind_find(""));
	char buf[256], want[256];
	/* "a, b, c or d": every name, in order */
	doc_kind_names(NULL, buf, sizeof buf);
	table_names(want, sizeof want, ", ");
	char *last = strrchr(want, ',');
	CU_ASSERT_PTR_NOT_NULL_FATAL(last);
	char fixed[256];
	snprintf(fixed, sizeof fixed, "%.*s or%s", (int)(last - want), want, last + 1);
	CU_ASSERT_STRING_EQUAL(buf, fixed);
	/* for a plan: only the kinds it can have (the prefecture has no
	 * priority projects) */
	doc_kind_names(plans[1], buf, sizeof buf);
	for (size_t i = 0; i < doc_n_kinds; i++) {
		const struct doc_kind *k = &doc_kinds[i];
		bool applies = !k->applies || k->applies(plans[1]);
		CU_ASSERT_EQUAL(strstr(buf, k->name) != NULL, applies);
	}
	CU_ASSERT_PTR_NULL(strstr(buf, "project"));
	/* a short buffer is cut, never overrun */
	char tiny[8];
	memset(tiny, 'x', sizeof tiny);
	doc_kind_names(NULL, tiny, 5);
	CU_ASSERT_STRING_EQUAL(tiny, "coun");
	CU_ASSERT_EQUAL(tiny[5], 'x');
}

/* The file at path, whole, or NULL. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap) {
			char *b = realloc(buf, cap *= 2);
			if (!b)
				free(buf);
			buf = b;
		}
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	return buf;
}

/* BUILD/name, BUILD being the folder above this program's
 * (BUILD/tests/test_kinds). */
static void build_path(char *out, size_t size, const char *name)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	CU_ASSERT_FATAL(n > 0);
	self[n] = '\0';
	for (int up = 0; up < 2; up++) {
		char *slash = strrchr(self, '/');
		CU_ASSERT_PTR_NOT_NULL_FATAL(slash);
		*slash = '\0';
	}
	int w = snprintf(out, size, "%s/%s", self, name);
	CU_ASSERT_FATAL(w > 0 && (size_t)w < size);
}

/* The words the command line lists under "KIND (--kind) is one of:" in
 * shiryo help build, joined by spaces. */
static void cli_names(char *out, size_t size)
{
	out[0] = '\0';
	char exe[PATH_MAX], cmd[PATH_MAX + 32];
	build_path(exe, sizeof exe, "shiryo");
	snprintf(cmd, sizeof cmd, "'%s' help build", exe);
	FILE *f = popen(cmd, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	char line[512];
	bool in = false;
	while (fgets(line, sizeof line, f)) {
		if (!strncmp(line, "KIND (--kind) is one of:", 24)) {
			in = true;
			continue;
		}
		char word[64];
		if (in && sscanf(line, " %63s", word) == 1) {
			size_t used = strlen(out);
			snprintf(out + used, size - used, "%s%s", used ? " " : "", word);
		}
	}
	CU_ASSERT_EQUAL(pclose(f), 0);
}

/* The command line, the completion and the man page list the table. */
static void cli_completion_and_man_page_list_the_table(void)
{
	char want[256], got[256];
	table_names(want, sizeof want, " ");

	cli_names(got, sizeof got);
	CU_ASSERT_STRING_EQUAL(got, want);

	/* bash completion: --kind) COMPREPLY=($(compgen -W "..." */
	char path[PATH_MAX];
	build_path(path, sizeof path, "shiryo.bash-completion");
	char *comp = slurp(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(comp);
	char *at = strstr(comp, "--kind) COMPREPLY=($(compgen -W \"");
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	at = strchr(at, '"') + 1;
	char *end = strchr(at, '"');
	CU_ASSERT_PTR_NOT_NULL_FATAL(end);
	snprintf(got, sizeof got, "%.*s", (int)(end - at), at);
	CU_ASSERT_STRING_EQUAL(got, want);
	free(comp);

	/* man page, synopsis: .B \-\-kind then .BR a | b | c */
	build_path(path, sizeof path, "shiryo.1");
	char *man = slurp(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(man);
	char bar[256];
	table_names(bar, sizeof bar, " | ");
	at = strstr(man, ".B \\-\\-kind\n.BR ");
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	at += strlen(".B \\-\\-kind\n.BR ");
	end = strchr(at, '\n');
	snprintf(got, sizeof got, "%.*s", (int)(end - at), at);
	CU_ASSERT_STRING_EQUAL(got, bar);
	/* man page, OPTIONS: the .B lines of the --kind entry's list */
	at = strstr(man, ".BI \\-\\-kind \" KIND\"\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	end = strstr(at, "\n.RE\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(end);
	got[0] = '\0';
	for (char *l = strchr(at, '\n') + 1; l && l < end; l = strchr(l, '\n'), l = l ? l + 1 : l)
		if (!strncmp(l, ".B ", 3)) {
			size_t used = strlen(got);
			snprintf(got + used, sizeof got - used, "%s%.*s", used ? " " : "",
				 (int)strcspn(l + 3, "\n"), l + 3);
		}
	CU_ASSERT_STRING_EQUAL(got, want);
	free(man);
}

static const struct cu_case cases[] = {
	{"every kind of the table builds for both plans, or says why not",
	 every_kind_builds_for_both_plans},
	{"kind names are the table's", names_are_the_table},
	{"the CLI, bash completion and man page list the table's kinds",
	 cli_completion_and_man_page_list_the_table},
	{NULL, NULL},
};

CU_MAIN("kinds", cases)

/* test_hostile.c - hostile input and hostile output places (issue 8), at
 * the level of the library: the limits of the XML reader, the positions it
 * gives on long lines, files that are not files, negative counts, and the
 * PDF writer where the CLI tests cannot reach (a process whose file-size
 * limit would kill it, a read-only folder as root).
 *
 * Each case is a regression test for something found while hardening; the
 * comment above it says what was wrong.  The CLI-level tests of the same
 * area are tests/e2e/hostile-input.sh and hostile-output.sh.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "actuals_csv.h"
#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "load.h"
#include "plan.h"
#include "render.h"

#define FX "tests/fixtures/"

/* ---- helpers ------------------------------------------------------------ */

static char tmpdir[64];
static struct diag_list DL;

static void cleanup(void)
{
	diag_list_release(&DL);
	if (tmpdir[0]) {
		char cmd[160];
		snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", tmpdir, tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
	}
}

static const char *tmp(const char *name)
{
	static char buf[8][512];
	static int k;
	if (!tmpdir[0]) {
		strcpy(tmpdir, "/tmp/test_hostile.XXXXXX");
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			exit(2);
		}
		chmod(tmpdir, 0755); /* user nobody must reach the read-only case */
		atexit(cleanup);
	}
	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
	return buf[k];
}

static void reset(void)
{
	diag_list_release(&DL);
	diag_list_init(&DL);
}

static void dump(void)
{
	char buf[1024];
	for (size_t i = 0; i < DL.count; i++)
		fprintf(stderr, "    | %s\n", diag_format(&DL.items[i], buf, sizeof buf));
}

/* The first diagnostic of this severity whose message holds text. */
static const struct diag *find(enum diag_severity sev, const char *text)
{
	for (size_t i = 0; i < DL.count; i++)
		if (DL.items[i].severity == sev && strstr(DL.items[i].message, text))
			return &DL.items[i];
	return NULL;
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_FATAL(fwrite(data, 1, len, f) == len);
	fclose(f);
}

/* Contents of a file (malloc'd, NUL-terminated), or NULL. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		fclose(f);
		return NULL;
	}
	s[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return s;
}

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Loads path as a plan, expecting it refused; returns the seconds taken. */
static double refused(const char *path)
{
	reset();
	double t0 = seconds();
	struct plan *p = plan_load(path, &DL);
	double t = seconds() - t0;
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT(DL.errors > 0);
	plan_free(p);
	return t;
}

/* ---- the XML reader's limits ---------------------------------------------- */

/* libxml2 2.9 checks each attribute of an element against all the earlier
 * ones and appends it after them: a million attributes in 10 MB (under the
 * size limit) took hours.  Refused before parsing, at the tag. */
static void test_element_with_too_many_attributes_is_refused_at_once(void)
{
	const char *path = tmp("attrs.xml");
	size_t cap = 12u << 20, n = 0;
	char *s = malloc(cap);
	CU_ASSERT_FATAL(s != NULL);
	n += (size_t)sprintf(s + n, "<?xml version=\"1.0\"?>\n<plan id=\"t\" version=\"1\"");
	for (int i = 0; i < 1000000; i++)
		n += (size_t)sprintf(s + n, " a%d=\"\"", i);
	n += (size_t)sprintf(s + n, "/>\n");
	write_file(path, s, n);
	free(s);
	double t = refused(path);
	CU_ASSERT(t < 1.0);
	const struct diag *d = find(DIAG_ERROR, "element with more than 256 attributes");
	CU_ASSERT_PTR_NOT_NULL(d);
	if (d) {
		CU_ASSERT_EQUAL(d->line, 2);
		CU_ASSERT_EQUAL(d->column, 1);
	} else {
		dump();
	}
}

/* 256 attributes are allowed, and quoted '=' and '>' do not count. */
static void test_attribute_count_reads_quotes_and_comments(void)
{
	const char *path = tmp("quoted.xml");
	char s[65536];
	size_t n = 0;
	n += (size_t)sprintf(s + n, "<?xml version=\"1.0\"?>\n<!-- <x ");
	for (int i = 0; i < 300; i++)
		n += (size_t)sprintf(s + n, "a%d=\"\" ", i);
	n += (size_t)sprintf(s + n, "> -->\n<plan id=\"t\" version=\"1\" title=\"");
	for (int i = 0; i < 300; i++)
		n += (size_t)sprintf(s + n, "=>");
	n += (size_t)sprintf(s + n, "\"");
	for (int i = 0; i < 253; i++) /* with id, version, title: 256 */
		n += (size_t)sprintf(s + n, " b%d=\"x\"", i);
	n += (size_t)sprintf(s + n, "/>\n");
	write_file(path, s, n);
	refused(path); /* by the schema, not by the count */
	CU_ASSERT_PTR_NULL(find(DIAG_ERROR, "more than 256 attributes"));
}

/* A plan has about 500 elements; a file of millions of tiny ones (4 MB of
 * <a/> fits 1 million) took seconds to parse and validate. */
static void test_too_many_elements_are_refused_quickly(void)
{
	const char *path = tmp("many.xml");
	size_t n = 0, cap = 8u << 20;
	char *s = malloc(cap);
	CU_ASSERT_FATAL(s != NULL);
	n += (size_t)sprintf(s + n, "<?xml version=\"1.0\"?>\n<plan id=\"t\" version=\"1\">\n");
	for (int i = 0; i < 1000000; i++) {
		memcpy(s + n, "<a/>", 4);
		n += 4;
	}
	n += (size_t)sprintf(s + n, "</plan>\n");
	write_file(path, s, n);
	free(s);
	double t = refused(path);
	CU_ASSERT(t < 1.0);
	const struct diag *d = find(DIAG_ERROR, "more than 50000 elements");
	CU_ASSERT_PTR_NOT_NULL(d);
	if (d) {
		/* the 50001st <a/> on line 3 (the root is the first element) */
		CU_ASSERT_EQUAL(d->line, 3);
		CU_ASSERT_EQUAL(d->column, 1 + 49999 * 4);
	} else {
		dump();
	}
}

/* Columns were counted from the start of the line for every element: a
 * plan written on one line (as some tools save XML) took time quadratic in
 * its length - 200,000 elements, 1 MB, took 100 s.  Positions must still
 * be exact, for elements and for attributes found after later elements. */
static void test_one_long_line_is_fast_and_positions_exact(void)
{
	size_t len;
	char *good = read_file(FX "plan-good.xml", &len);
	CU_ASSERT_FATAL(good != NULL);
	/* one line: every newline a space; and one bad reference */
	for (size_t i = 0; i < len; i++)
		if (good[i] == '\n')
			good[i] = ' ';
	const char *needle = "<indicator id=\"kpi-02\" pillar=\"p1\"";
	char *at = strstr(good, needle);
	CU_ASSERT_FATAL(at != NULL);
	memcpy(strstr(at, "pillar=\"p1\""), "pillar=\"p9\"", 11);
	char *attr = strstr(at, "pillar=\"p9\"");
	int col = 1;
	for (const char *c = good; c < attr; c++)
		col += ((unsigned char)*c & 0xC0) != 0x80;

	/* pad the line with 20000 comments in front of the plan */
	size_t pad = 20000 * 9, head = (size_t)(strstr(good, "<plan") - good);
	char *s = malloc(len + pad + 1);
	CU_ASSERT_FATAL(s != NULL);
	memcpy(s, good, head);
	for (size_t i = 0; i < 20000; i++)
		memcpy(s + head + i * 9, "<!--x--> ", 9);
	memcpy(s + head + pad, good + head, len - head);
	const char *path = tmp("oneline.xml");
	write_file(path, s, len + pad);
	col += (int)pad;

	double t = refused(path);
	CU_ASSERT(t < 1.0);
	const struct diag *d = find(DIAG_ERROR, "'p9'");
	CU_ASSERT_PTR_NOT_NULL(d);
	if (d) {
		CU_ASSERT_EQUAL(d->line, 1);
		CU_ASSERT_EQUAL(d->column, col);
	} else {
		dump();
	}
	free(s);
	free(good);
}

/* A plan names its actuals and PDCA files; "/dev/stdin", "/dev/tty" or a
 * FIFO there made shiryo wait for ever.  Only regular files are read.
 * (A plan may no longer name /dev/zero itself, see below: a symbolic link
 * in its folder still can.) */
static void test_files_that_are_not_files_are_refused(void)
{
	CU_ASSERT_FATAL(mkfifo(tmp("fifo.xml"), 0600) == 0);
	CU_ASSERT_FATAL(symlink("/dev/null", tmp("null.xml")) == 0);
	CU_ASSERT_FATAL(symlink("/dev/zero", tmp("zero.xml")) == 0);
	CU_ASSERT_FATAL(symlink("/dev/stdin", tmp("stdin.xml")) == 0);
	const char *hrefs[] = {"fifo.xml", "null.xml", "zero.xml", "stdin.xml"};
	size_t len;
	char *good = read_file(FX "plan-good.xml", &len);
	CU_ASSERT_FATAL(good != NULL);
	char *at = strstr(good, "actuals-good.xml");
	CU_ASSERT_FATAL(at != NULL);
	for (size_t i = 0; i < sizeof hrefs / sizeof hrefs[0]; i++) {
		const char *path = tmp("devplan.xml");
		FILE *f = fopen(path, "wb");
		CU_ASSERT_FATAL(f != NULL);
		fprintf(f, "%.*s%s%s", (int)(at - good), good, hrefs[i],
			at + strlen("actuals-good.xml"));
		fclose(f);
		double t = refused(path);
		CU_ASSERT(t < 1.0);
		if (!find(DIAG_ERROR, "is not a regular file")) {
			fprintf(stderr, "\n  href %s:\n", hrefs[i]);
			dump();
			CU_FAIL("not refused as a non-regular file");
		}
	}
	/* and as the plan itself */
	refused("/dev/null");
	CU_ASSERT_PTR_NOT_NULL(find(DIAG_ERROR, "is not a regular file"));
	free(good);
}

/* plan-good.xml with its actuals-file (or, pdca: a pdca-file) href
 * replaced, written as path; returns the line the href is on. */
static int plan_with_href(const char *path, const char *href, bool pdca)
{
	char *good = read_file(FX "plan-good.xml", NULL);
	CU_ASSERT_FATAL(good != NULL);
	const char *link = "<actuals-file href=\"actuals-good.xml\"/>";
	char *at = strstr(good, link);
	CU_ASSERT_FATAL(at != NULL);
	FILE *f = fopen(path, "wb");
	CU_ASSERT_FATAL(f != NULL);
	fprintf(f, "%.*s<%s href=\"%s\"/>%s", (int)(at - good), good,
		pdca ? "pdca-file" : "actuals-file", href, at + strlen(link));
	fclose(f);
	int line = 1;
	for (const char *c = good; c < at; c++)
		line += *c == '\n';
	free(good);
	return line;
}

/* A plan could name any file on the machine that builds it as its actuals
 * or PDCA file: /etc/passwd, or ../../other-department/data.xml.  A link
 * names a file in the plan's folder or below it; anything else is refused
 * at the href, FILE:LINE:COLUMN, before a byte of it is read. */
static void test_links_outside_the_plans_folder_are_refused(void)
{
	static const struct {
		const char *href, *why;
	} bad[] = {
		{"/etc/passwd", "is an absolute path"},
		{"/tmp/actuals-good.xml", "is an absolute path"},
		{"../actuals-good.xml", "climbs out of the plan's folder"},
		{"data/../../actuals-good.xml", "climbs out of the plan's folder"},
		{"./../x.xml", "climbs out of the plan's folder"},
		{"..", "climbs out of the plan's folder"},
		{"..\\..\\x.xml", "climbs out of the plan's folder"},
		{"C:\\data\\x.xml", "is an absolute path"},
		{"\\\\server\\share\\x.xml", "is an absolute path"},
	};
	const char *path = tmp("linkplan.xml");
	char want[256];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		for (int pdca = 0; pdca < 2; pdca++) {
			int line = plan_with_href(path, bad[i].href, pdca);
			refused(path);
			snprintf(want, sizeof want, "%s file '%s' %s: name a file in the plan's folder",
				 pdca ? "PDCA" : "actuals", bad[i].href, bad[i].why);
			const struct diag *d = find(DIAG_ERROR, want);
			CU_ASSERT_PTR_NOT_NULL(d);
			if (!d) {
				fprintf(stderr, "\n  wanted: %s\n", want);
				dump();
				continue;
			}
			CU_ASSERT_STRING_EQUAL(d->file, path);
			CU_ASSERT_EQUAL(d->line, line);
			CU_ASSERT_EQUAL(d->column, pdca ? 14 : 17); /* "  <pdca-file href" */
			CU_ASSERT_EQUAL(DL.errors, 1); /* and nothing read from it */
		}
	}
}

/* What stays allowed: a file in the plan's folder or below it, also by a
 * way through ".." that stays inside; found from the plan's folder, not
 * the current one. */
static void test_links_inside_the_plans_folder_are_read(void)
{
	char *actuals = read_file(FX "actuals-good.xml", NULL);
	CU_ASSERT_FATAL(actuals != NULL);
	write_file(tmp("actuals-good.xml"), actuals, strlen(actuals));
	CU_ASSERT_FATAL(mkdir(tmp("data"), 0755) == 0);
	write_file(tmp("data/in-data.xml"), actuals, strlen(actuals));
	free(actuals);
	const char *hrefs[] = {"actuals-good.xml", "./actuals-good.xml", "data/in-data.xml",
			       "data/../actuals-good.xml", "data//./in-data.xml"};
	const char *path = tmp("insideplan.xml");
	for (size_t i = 0; i < sizeof hrefs / sizeof hrefs[0]; i++) {
		plan_with_href(path, hrefs[i], false);
		reset();
		struct plan *p = plan_load(path, &DL);
		CU_ASSERT_PTR_NOT_NULL(p);
		CU_ASSERT_EQUAL(DL.errors, 0);
		if (!p || DL.errors) {
			fprintf(stderr, "\n  href %s:\n", hrefs[i]);
			dump();
		}
		plan_free(p);
	}
}

/* ---- negative counts ------------------------------------------------------ */

/* Nothing refused a negative 件 or 事業者 actual; a count cannot be below
 * zero, but a change entered by mistake can be: a warning naming the value.
 * A negative percentage (a fall) or amount says nothing. */
static void test_negative_count_actual_is_a_warning(void)
{
	reset();
	struct plan *p = plan_load(FX "plan-good.xml", &DL);
	CU_ASSERT_FATAL(p != NULL);
	reset();
	const char *path = tmp("neg.xml");
	const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			  "<actuals plan=\"test-plan\">\n"
			  "  <value ref=\"kpi-01\" year=\"R6\">-3</value>\n"
			  "  <value ref=\"kpi-05\" year=\"R6\">-1.5</value>\n"
			  "  <value ref=\"kpi-bs\" year=\"R6\">-1,200</value>\n"
			  "</actuals>\n";
	write_file(path, xml, strlen(xml));
	CU_ASSERT_EQUAL(actuals_load_xml(p, path, &DL), 0);
	CU_ASSERT_EQUAL(DL.errors, 0);
	CU_ASSERT_EQUAL(DL.warnings, 1);
	const struct diag *d = find(DIAG_WARNING, "negative value -3 of 'kpi-01' for R6");
	CU_ASSERT_PTR_NOT_NULL(d);
	if (d) {
		CU_ASSERT_STRING_EQUAL(d->file, path);
		CU_ASSERT_EQUAL(d->line, 3);
		CU_ASSERT_EQUAL(d->column, 3);
		CU_ASSERT_PTR_NOT_NULL(strstr(d->message, "'事業者'"));
	} else {
		dump();
	}

	/* CSV, through actuals_merge(): the row is named */
	reset();
	const char *csv = "指標,年度,実績\nkpi-03,R7,▲5人\nkpi-05,R7,-0.5％\n";
	CU_ASSERT_EQUAL(actuals_parse_csv(p, "neg.csv", csv, strlen(csv), &DL), 0);
	CU_ASSERT_EQUAL(DL.warnings, 1);
	d = find(DIAG_WARNING, "negative value -5 of 'kpi-03' for R7");
	CU_ASSERT_PTR_NOT_NULL(d);
	if (d) {
		CU_ASSERT_EQUAL(d->line, 2);
	} else {
		dump();
	}
	plan_free(p);
}

/* ---- CSV ------------------------------------------------------------------- */

/* The CP932 decoder's buffer was 3/2 of the input, but a half-width
 * katakana (ｼﾞｯｾｷ, common in Excel sheets) is one byte in CP932 and three
 * in UTF-8: a CP932 file with many of them was refused as "neither UTF-8
 * nor Shift_JIS/CP932". */
static void test_cp932_with_half_width_katakana_is_read(void)
{
	reset();
	struct plan *p = plan_load(FX "plan-good.xml", &DL);
	CU_ASSERT_FATAL(p != NULL);
	reset();
	/* 指標,年度,実績,備考 / kpi-01,R6,7,ｼﾞｯｾｷﾁ×20 in CP932 */
	char csv[4096];
	size_t n = 0;
	static const char head[] = "\x8E\x77\x95\x57,\x94\x4E\x93\x78,\x8E\xC0\x90\xD1,"
				   "\x94\xF5\x8D\x6C\r\nkpi-01,R6,7,";
	memcpy(csv, head, sizeof head - 1);
	n = sizeof head - 1;
	for (int i = 0; i < 20; i++) {
		memcpy(csv + n, "\xBC\xDE\xAF\xBE\xB7\xC1", 6);
		n += 6;
	}
	memcpy(csv + n, "\r\n", 2);
	n += 2;
	CU_ASSERT_EQUAL(actuals_parse_csv(p, "kana.csv", csv, n, &DL), 0);
	CU_ASSERT_EQUAL(DL.errors, 0);
	if (DL.errors)
		dump();
	const struct measure *m = plan_find_measure(p, "kpi-01", NULL);
	CU_ASSERT_FATAL(m != NULL);
	bool found = false;
	for (size_t i = 0; i < m->n_actuals; i++)
		if (m->actuals[i].fy == 2024 && m->actuals[i].known &&
		    m->actuals[i].value.units == 7)
			found = true;
	CU_ASSERT(found);
	plan_free(p);
}

/* A cell quoted in a message went to the terminal as it was: ESC [2J
 * cleared the screen, ESC ]0; retitled the window.  Controls (C0, DEL, C1)
 * are quoted as '?'. */
static void test_control_characters_in_csv_are_not_echoed(void)
{
	reset();
	struct plan *p = plan_load(FX "plan-good.xml", &DL);
	CU_ASSERT_FATAL(p != NULL);
	reset();
	const char csv[] = "指標,年度,実績\n\033[2J\033]0;x\007\177\302\233k,R4,1\n";
	CU_ASSERT_EQUAL(actuals_parse_csv(p, "esc.csv", csv, sizeof csv - 1, &DL), -1);
	const struct diag *d = find(DIAG_ERROR, "no indicator '?[2J?]0;x???k'");
	CU_ASSERT_PTR_NOT_NULL(d);
	if (!d)
		dump();
	for (size_t i = 0; i < DL.count; i++)
		for (const unsigned char *c = (const unsigned char *)DL.items[i].message; *c; c++)
			CU_ASSERT(*c >= 0x20 && *c != 0x7F && !(c[0] == 0xC2 && c[1] >= 0x80 &&
								 c[1] <= 0x9F));
	plan_free(p);
}

/* ---- the PDF writer ----------------------------------------------------------- */

static const char OLD[] = "%PDF-1.4\n% an earlier, good handout\n";

/* A document with no text (no fonts needed), of a few KiB. */
static struct dl_doc *doc(void)
{
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	struct dl_color grey = DL_GREY(0.5f);
	for (int i = 0; i < 400; i++)
		dl_rect(p, (float)(i % 20) * 25, (float)(i / 20) * 40, 20, 30, &grey, NULL);
	return d;
}

static bool still_old(const char *path)
{
	char *s = read_file(path, NULL);
	bool same = s && strcmp(s, OLD) == 0;
	free(s);
	return same;
}

/* Whether folder holds anything but the file named keep. */
static bool others_in(const char *folder, const char *keep)
{
	DIR *d = opendir(folder);
	if (!d)
		return true;
	bool found = false;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, keep))
			found = true;
	closedir(d);
	return found;
}

/* Runs pdf_write(doc(), path) in a child process prepared by setup (which
 * returns false to give up); the child exits 0 when pdf_write failed with a
 * message holding text, 1 when it succeeded, 2 when the message was wrong,
 * 3 when setup failed.  Returns the raw wait status. */
static int write_in_child(const char *path, bool (*setup)(void), const char *text)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		if (!setup()) {
			_exit(3);
		}
		struct diag_list dg = DIAG_LIST_INIT;
		struct dl_doc *d = doc();
		int rc = pdf_write(d, NULL, path, &dg);
		bool said = false;
		for (size_t i = 0; i < dg.count; i++)
			if (strstr(dg.items[i].message, text) && strstr(dg.items[i].message, path))
				said = true;
		if (!said)
			diag_print(&dg, stderr);
		_exit(rc == 0 ? 1 : said ? 0 : 2);
	}
	int status = 0;
	CU_ASSERT_FATAL(pid > 0);
	waitpid(pid, &status, 0);
	return status;
}

static bool small_file_limit(void)
{
	/* SIGXFSZ at its default action, as in a shell with ulimit -f */
	signal(SIGXFSZ, SIG_DFL);
	struct rlimit lim;
	if (getrlimit(RLIMIT_FSIZE, &lim) != 0)
		return false;
	lim.rlim_cur = 100; /* bytes; the PDF is larger */
	return setrlimit(RLIMIT_FSIZE, &lim) == 0;
}

/* Under a file-size limit the kernel sends SIGXFSZ, which killed shiryo
 * with the temporary file ".NAME.XXXXXX" still in the folder.  pdf_write
 * ignores it while writing and cleans up as for a full disk. */
static void test_file_size_limit_signal_does_not_kill_the_writer(void)
{
	const char *folder = tmp("xfsz");
	CU_ASSERT_FATAL(mkdir(folder, 0755) == 0);
	char path[600];
	snprintf(path, sizeof path, "%s/keep.pdf", folder);
	write_file(path, OLD, strlen(OLD));
	int status = write_in_child(path, small_file_limit, strerror(EFBIG));
	CU_ASSERT(WIFEXITED(status));
	if (WIFSIGNALED(status))
		fprintf(stderr, " (killed by signal %d) ", WTERMSIG(status));
	CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CU_ASSERT(still_old(path));
	CU_ASSERT_FALSE(others_in(folder, "keep.pdf"));
	/* and the caller's own handling of the signal is given back */
	struct sigaction now;
	CU_ASSERT(sigaction(SIGXFSZ, NULL, &now) == 0 && now.sa_handler == SIG_DFL);
}

static bool nothing(void)
{
	return true;
}

static bool become_nobody(void)
{
	/* uid/gid 65534: nobody/nogroup on Debian */
	return setgid(65534) == 0 && setuid(65534) == 0;
}

/* A read-only folder, whoever runs the tests: as root (who writes
 * anywhere) the writer runs as user nobody, for whom the folder is
 * read-only. */
static void test_read_only_folder_as_another_user(void)
{
	const char *folder = tmp("ro");
	CU_ASSERT_FATAL(mkdir(folder, 0755) == 0);
	char path[600];
	snprintf(path, sizeof path, "%s/keep.pdf", folder);
	write_file(path, OLD, strlen(OLD));
	if (geteuid() != 0) {
		CU_ASSERT_FATAL(chmod(folder, 0555) == 0);
	}
	int status = write_in_child(path, geteuid() == 0 ? become_nobody : nothing,
				    strerror(EACCES));
	if (geteuid() != 0)
		chmod(folder, 0755);
	CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CU_ASSERT(still_old(path));
	CU_ASSERT_FALSE(others_in(folder, "keep.pdf"));
}

/* A display list the writer must refuse (text in no font, at size 0): the
 * render fails before anything is written at the path. */
static void test_failed_render_leaves_the_old_file(void)
{
	const char *folder = tmp("render");
	CU_ASSERT_FATAL(mkdir(folder, 0755) == 0);
	char path[600];
	snprintf(path, sizeof path, "%s/keep.pdf", folder);
	write_file(path, OLD, strlen(OLD));
	struct dl_doc *d = doc();
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	dl_text(d, p, 10, 10, 0, 0, DL_BLACK, "\xFF\xFE bad", 6);
	reset();
	CU_ASSERT_EQUAL(pdf_write(d, NULL, path, &DL), -1);
	CU_ASSERT(DL.errors > 0);
	CU_ASSERT(still_old(path));
	CU_ASSERT_FALSE(others_in(folder, "keep.pdf"));
	dl_doc_free(d);
}

static const struct cu_case cases[] = {
	{"element with too many attributes is refused at once",
	 test_element_with_too_many_attributes_is_refused_at_once},
	{"attribute count reads quotes and comments", test_attribute_count_reads_quotes_and_comments},
	{"too many elements are refused quickly", test_too_many_elements_are_refused_quickly},
	{"one long line is fast and positions exact", test_one_long_line_is_fast_and_positions_exact},
	{"files that are not files are refused", test_files_that_are_not_files_are_refused},
	{"links outside the plan's folder are refused",
	 test_links_outside_the_plans_folder_are_refused},
	{"links inside the plan's folder are read", test_links_inside_the_plans_folder_are_read},
	{"negative count actual is a warning", test_negative_count_actual_is_a_warning},
	{"CP932 with half-width katakana is read", test_cp932_with_half_width_katakana_is_read},
	{"control characters in CSV are not echoed", test_control_characters_in_csv_are_not_echoed},
	{"file-size limit signal does not kill the writer",
	 test_file_size_limit_signal_does_not_kill_the_writer},
	{"read-only folder as another user", test_read_only_folder_as_another_user},
	{"failed render leaves the old file", test_failed_render_leaves_the_old_file},
	{NULL, NULL},
};

CU_MAIN("hostile input and output", cases)

/* test_render.c - the PDF writer: files, safety, fonts, text, structure.
 *
 * Builds small display lists, writes them into a temporary folder and reads
 * the PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo), mupdf
 * (mutool) and qpdf, which the Makefile's deps install.  Bytes are compared
 * only for determinism.
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
#include <unistd.h>

#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "render.h"
#include "text.h"

/* ---- fixtures ----------------------------------------------------------- */

#define RENDER_FIXTURE_NAME "test_render"
#include "render_fixture.h"

/* The lines of the sample, one text item each, as pdftotext must give
 * them back: full-width digits, circled numbers, a wave dash, and ➡ from
 * the fallback font (IPAex lacks it). */
static const char *const sample_lines[] = {
	"鹿児島市商工業振興プラン（概要版）",
	"主要指標：事業所数２２０件、達成率65.1％",
	"取組課題①〜⑦",
	"熱度マネジメント会議（中間・年度末）",
	"令和7年度 推進会議資料",
};

static struct dl_doc *sample_doc(void)
{
	setup();
	struct dl_doc *d = dl_doc_new();
	d->info.title = dl_doc_strdup(d, "第2期鹿児島市商工業振興プラン 推進会議資料");
	d->info.author = dl_doc_strdup(d, "鹿児島市 産業局");
	d->info.subject = dl_doc_strdup(d, "令和7年度 中小企業振興推進会議");
	d->info.keywords = dl_doc_strdup(d, "商工業, 振興, 主要指標");
	d->info.creator = dl_doc_strdup(d, "shiryo test");
	d->info.created = 1743465600; /* 2025-04-01T00:00:00Z */

	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	p->label = "";
	for (size_t i = 0; i < sizeof sample_lines / sizeof *sample_lines; i++)
		text(d, p, 72, 100 + 30 * (float)i, i % 2 ? gothic : mincho, 12,
		     sample_lines[i]);
	if (dejavu >= 0)
		text(d, p, 72, 260, dejavu, 12, "➡");

	struct dl_stroke solid = dl_stroke_solid(1, DL_BLACK);
	struct dl_stroke dash = dl_stroke_solid(0.5f, (struct dl_color){0, 0, 1});
	dash.dash[0] = 3, dash.dash[1] = 1.4f, dash.n_dash = 2;
	struct dl_color grey = DL_GREY(0.85f);
	dl_line(p, 72, 300, 500, 300, &dash);
	dl_rect(p, 72, 320, 200, 50, &grey, &solid);

	struct dl_item *it = dl_item_add(p, DL_CLIP_PUSH);
	it->u.clip.x = 72, it->u.clip.y = 400, it->u.clip.w = 100;
	it->u.clip.h = 30;
	dl_rect(p, 60, 390, 200, 50, &grey, NULL);
	dl_item_add(p, DL_CLIP_POP);
	it = dl_item_add(p, DL_LINK_DEST);
	it->u.dest.name = "sec-1";
	it->u.dest.y = 100;

	p = dl_page_add(d, 595.28f, 841.89f);
	text(d, p, 72, 100, gothic, 14, "第1章 施策の柱");
	p = dl_page_add(d, 1190.55f, 841.89f);
	text(d, p, 72, 100, mincho, 14, "付録");

	dl_outline_add(d, "表紙", 0, 0, 0);
	dl_outline_add(d, "第1章 施策の柱", 0, 1, 90);
	dl_outline_add(d, "1.1 主要指標", 1, 1, 200);
	dl_outline_add(d, "付録", 0, 2, 0);
	return d;
}

/* ---- helpers ------------------------------------------------------------ */

/* Runs a shell command; returns its stdout, and its stderr in *err. */
static char *run(const char *cmd, char **err)
{
	char full[1024];
	const char *errfile = tmp_path("stderr.txt");
	snprintf(full, sizeof full, "%s 2>'%s'", cmd, errfile);
	FILE *p = popen(full, "r");
	if (!p)
		return NULL;
	char *out = read_all(p, NULL);
	pclose(p);
	if (err)
		*err = read_file(errfile, NULL);
	return out;
}

/* Writes d to tmp_path(name) (which must succeed) and runs the command
 * "BEFORE 'PATH'AFTER"; returns its stdout. */
static char *write_then_run(const struct dl_doc *d, const char *name,
			    const char *before, const char *after)
{
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path(name);
	int rc = pdf_write(d, fonts, path, &dg);
	diag_list_release(&dg);
	CU_ASSERT_FATAL(rc == 0);
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "%s '%s'%s", before, path, after);
	return run(cmd, NULL);
}

/* The lines of s that are not empty (a form feed counts as empty). */
static char *non_blank_lines(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	if (!out)
		abort();
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n > 0 && !(n == 1 && s[0] == '\f')) {
			if (s[0] == '\f')
				s++, n--;
			memcpy(o, s, n);
			o += n;
			*o++ = '\n';
		}
		s += n + (e ? 1 : 0);
	}
	*o = '\0';
	return out;
}

static bool has_message(const struct diag_list *dg, const char *a,
			const char *b)
{
	for (size_t i = 0; i < dg->count; i++)
		if (strstr(dg->items[i].message, a) &&
		    (!b || strstr(dg->items[i].message, b)))
			return true;
	return false;
}

static void write_old(const char *path)
{
	FILE *f = fopen(path, "w");
	CU_ASSERT_FATAL(f != NULL);
	fputs("OLD CONTENT", f);
	fclose(f);
}

static bool still_old(const char *path)
{
	char *b = read_file(path, NULL);
	bool same = b && strcmp(b, "OLD CONTENT") == 0;
	free(b);
	return same;
}

/* True when folder dir holds a leftover ".NAME.XXXXXX" of base. */
static bool temp_left(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	char prefix[256];
	snprintf(prefix, sizeof prefix, ".%s.", base);
	bool found = false;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			found = true;
	closedir(d);
	return found;
}

/* ---- files -------------------------------------------------------------- */

static void writes_a_pdf_file(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("sample.pdf");
	CU_ASSERT_EQUAL(pdf_write(d, fonts, path, &dg), 0);
	CU_ASSERT_EQUAL(dg.errors, 0);
	size_t len = 0;
	char *b = read_file(path, &len);
	CU_ASSERT_FATAL(b != NULL);
	CU_ASSERT(len > 1000);
	CU_ASSERT(strncmp(b, "%PDF-", 5) == 0);
	CU_ASSERT(strstr(b + len - 8, "%%EOF") != NULL);
	CU_ASSERT_FALSE(temp_left(tmpdir, "sample.pdf"));
	free(b);
	diag_list_release(&dg);
	dl_doc_free(d);
}

static void same_document_gives_identical_bytes(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *a = tmp_path("same-a.pdf"), *b = tmp_path("same-b.pdf");
	CU_ASSERT_EQUAL(pdf_write(d, fonts, a, &dg), 0);
	dl_doc_free(d);
	d = sample_doc(); /* rebuilt, not the same pointers */
	CU_ASSERT_EQUAL(pdf_write(d, fonts, b, &dg), 0);
	size_t la, lb;
	char *ba = read_file(a, &la), *bb = read_file(b, &lb);
	CU_ASSERT_FATAL(ba && bb);
	CU_ASSERT_EQUAL(la, lb);
	CU_ASSERT(la == lb && memcmp(ba, bb, la) == 0);
	CU_ASSERT(strstr(ba, "/ID") == NULL); /* no time-based file ID */
	free(ba);
	free(bb);
	diag_list_release(&dg);
	dl_doc_free(d);
}

static void existing_file_survives_a_missing_folder(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("no/such/folder/out.pdf");
	CU_ASSERT_EQUAL(pdf_write(d, fonts, path, &dg), -1);
	CU_ASSERT(has_message(&dg, path, strerror(ENOENT)));
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* A folder the user may not write into.  Root writes into any folder
 * whatever its mode (and CI runs as root), so as root the writer runs in a
 * child that has become user nobody, for whom the 0555 folder is read-only;
 * the child's exit status carries the verdict: 0 refused with the reason,
 * 1 written, 2 refused without the reason, 3 could not become nobody. */
static void existing_file_survives_a_read_only_folder(void)
{
	struct dl_doc *d = sample_doc();
	const char *dir = tmp_path("ro");
	char path[300];
	snprintf(path, sizeof path, "%s/out.pdf", dir);
	CU_ASSERT_FATAL(mkdir(dir, 0755) == 0);
	write_old(path);
	CU_ASSERT_FATAL(chmod(dir, 0555) == 0);
	if (geteuid() != 0) {
		struct diag_list dg = DIAG_LIST_INIT;
		CU_ASSERT_EQUAL(pdf_write(d, fonts, path, &dg), -1);
		CU_ASSERT(has_message(&dg, path, strerror(EACCES)));
		diag_list_release(&dg);
	} else {
		/* nobody must get through the private folder to ro/ */
		CU_ASSERT_FATAL(chmod(tmpdir, 0711) == 0);
		fflush(NULL);
		pid_t pid = fork();
		CU_ASSERT_FATAL(pid >= 0);
		if (pid == 0) {
			/* uid/gid 65534: nobody/nogroup on Debian */
			if (setgid(65534) != 0 || setuid(65534) != 0 || geteuid() == 0)
				_exit(3);
			struct diag_list dg = DIAG_LIST_INIT;
			if (pdf_write(d, fonts, path, &dg) == 0)
				_exit(1);
			bool said = has_message(&dg, path, strerror(EACCES));
			if (!said)
				diag_print(&dg, stderr);
			_exit(said ? 0 : 2); /* _exit: the parent owns the rest */
		}
		int status = -1;
		CU_ASSERT_FATAL(waitpid(pid, &status, 0) == pid);
		chmod(tmpdir, 0700);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fprintf(stderr, " (child as nobody: status %#x) ", status);
		CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	CU_ASSERT(still_old(path));
	CU_ASSERT_FALSE(temp_left(dir, "out.pdf"));
	chmod(dir, 0755);
	dl_doc_free(d);
}

/* A path through a regular file: no user, root included, can make a file
 * there. */
static void existing_file_survives_a_path_through_a_file(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *file = tmp_path("plain");
	write_old(file);
	char path[300];
	snprintf(path, sizeof path, "%s/out.pdf", file);
	CU_ASSERT_EQUAL(pdf_write(d, fonts, path, &dg), -1);
	CU_ASSERT(has_message(&dg, path, strerror(ENOTDIR)));
	CU_ASSERT(still_old(file));
	CU_ASSERT_FALSE(temp_left(tmpdir, "plain"));
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* A full disk, simulated with a file-size limit (works as root too). */
static void existing_file_survives_a_full_disk(void)
{
	setup();
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	struct dl_color grey = DL_GREY(0.5f);
	for (int i = 0; i < 400; i++)
		dl_rect(p, (float)(i % 20) * 25, (float)(i / 20) * 40, 20, 30,
			&grey, NULL);
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("full.pdf");
	write_old(path);

	struct rlimit old, lim;
	CU_ASSERT_FATAL(getrlimit(RLIMIT_FSIZE, &old) == 0);
	lim = old;
	lim.rlim_cur = 100; /* bytes; the PDF is larger */
	void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
	CU_ASSERT_FATAL(setrlimit(RLIMIT_FSIZE, &lim) == 0);
	int rc = pdf_write(d, NULL, path, &dg);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, prev);

	CU_ASSERT_EQUAL(rc, -1);
	CU_ASSERT(has_message(&dg, path, strerror(EFBIG)));
	CU_ASSERT(still_old(path));
	CU_ASSERT_FALSE(temp_left(tmpdir, "full.pdf"));
	diag_list_release(&dg);
	dl_doc_free(d);
}

static void a_folder_as_target_is_refused_cleanly(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *dir = tmp_path("adir");
	CU_ASSERT_FATAL(mkdir(dir, 0755) == 0);
	char inside[300];
	snprintf(inside, sizeof inside, "%s/keep", dir);
	write_old(inside);
	CU_ASSERT_EQUAL(pdf_write(d, fonts, dir, &dg), -1); /* rename fails */
	CU_ASSERT(has_message(&dg, dir, NULL));
	CU_ASSERT(still_old(inside));
	CU_ASSERT_FALSE(temp_left(tmpdir, "adir"));
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* ---- checks before libharu ---------------------------------------------- */

static void non_bmp_character_is_refused_by_name(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("nonbmp.pdf");
	write_old(path);
	text(d, &d->pages[0], 72, 700, mincho, 12, "𠮷野家の牛丼");
	CU_ASSERT_EQUAL(pdf_write(d, fonts, path, &dg), -1);
	CU_ASSERT(has_message(&dg, "U+20BB7", "page 1"));
	CU_ASSERT(still_old(path));
	diag_list_release(&dg);
	dl_doc_free(d);
}

static void invalid_utf8_and_bad_values_are_all_reported(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	struct dl_page *p = &d->pages[1];
	dl_text(d, p, 72, 300, mincho, 12, DL_BLACK, "ab\xC0\xAF", 4); /* overlong */
	text(d, p, 72, 320, 99, 12, "存在しないフォント");
	text(d, p, 72, 340, mincho, 0, "大きさ0");
	dl_item_add(p, DL_CLIP_POP);
	CU_ASSERT_EQUAL(pdf_write(d, fonts, tmp_path("bad.pdf"), &dg), -1);
	CU_ASSERT(has_message(&dg, "invalid UTF-8", "page 2"));
	CU_ASSERT(has_message(&dg, "font 99", NULL));
	CU_ASSERT(has_message(&dg, "font size 0", NULL));
	CU_ASSERT(has_message(&dg, "clip pop without a push", NULL));
	CU_ASSERT(dg.errors >= 4);
	diag_list_release(&dg);
	dl_doc_free(d);
}

static struct dl_doc *nested_clips(int n)
{
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	for (int i = 0; i < n; i++) {
		struct dl_item *it = dl_item_add(p, DL_CLIP_PUSH);
		it->u.clip.x = (float)i, it->u.clip.y = (float)i;
		it->u.clip.w = 500, it->u.clip.h = 500;
	}
	struct dl_color grey = DL_GREY(0.5f);
	dl_rect(p, 0, 0, 600, 800, &grey, NULL);
	for (int i = 0; i < n; i++)
		dl_item_add(p, DL_CLIP_POP);
	return d;
}

static void clips_nest_27_deep_and_no_deeper(void)
{
	struct diag_list dg = DIAG_LIST_INIT;
	struct dl_doc *d = nested_clips(27);
	CU_ASSERT_EQUAL(pdf_write(d, NULL, tmp_path("clip27.pdf"), &dg), 0);
	dl_doc_free(d);
	d = nested_clips(28);
	CU_ASSERT_EQUAL(pdf_write(d, NULL, tmp_path("clip28.pdf"), &dg), -1);
	CU_ASSERT(has_message(&dg, "more than 27 nested clips", "page 1"));
	dl_doc_free(d);
	d = nested_clips(1);
	d->pages[0].n_items--; /* drop the pop */
	CU_ASSERT_EQUAL(pdf_write(d, NULL, tmp_path("clip1.pdf"), &dg), -1);
	CU_ASSERT(has_message(&dg, "1 clip not popped", "page 1"));
	dl_doc_free(d);
	diag_list_release(&dg);
}

static void duplicate_destination_is_a_warning(void)
{
	struct dl_doc *d = sample_doc();
	struct dl_item *it = dl_item_add(&d->pages[1], DL_LINK_DEST);
	it->u.dest.name = "sec-1";
	it->u.dest.y = 50;
	struct diag_list dg = DIAG_LIST_INIT;
	CU_ASSERT_EQUAL(pdf_write(d, fonts, tmp_path("dup.pdf"), &dg), 0);
	CU_ASSERT(has_message(&dg, "'sec-1' on page 2 is defined twice", NULL));
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* 5,000 destinations: past libharu's 4,095 entries of a dictionary, so
 * they go in a name tree of several leaves, each with its /Limits, and a
 * reader finds the first, a middle and the last (issue 14). */
static void five_thousand_destinations_fit_in_a_name_tree(void)
{
	enum { N = 5000 };
	static char names[N][16];
	struct dl_doc *d = sample_doc();
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "ind-%05d", i);
		struct dl_item *it = dl_item_add(&d->pages[1 + i % 2], DL_LINK_DEST);
		it->u.dest.name = names[i];
		it->u.dest.y = 100;
	}
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("dests.pdf");
	CU_ASSERT_EQUAL_FATAL(pdf_write(d, fonts, path, &dg), 0);
	CU_ASSERT_EQUAL(dg.errors, 0);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", path);
	char *out = run(cmd, NULL);
	CU_ASSERT(out && strstr(out, "No syntax or stream encoding errors") != NULL);
	free(out);
	snprintf(cmd, sizeof cmd, "mutool show '%s' Root/Names/Dests/Kids | "
		 "tr ' ' '\\n' | grep -c '^R$'", path);
	out = run(cmd, NULL);
	CU_ASSERT(out && atoi(out) >= N / 256);
	free(out);
	/* (mutool counts array elements from 1) */
	snprintf(cmd, sizeof cmd, "mutool show '%s' Root/Names/Dests/Kids/2/Limits", path);
	out = run(cmd, NULL);
	CU_ASSERT(out && strstr(out, "(ind-00256)") && strstr(out, "(ind-00511)"));
	free(out);
	diag_list_release(&dg);
	dl_doc_free(d);
}

static void missing_glyph_is_a_warning(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	text(d, &d->pages[1], 72, 300, mincho, 12, "矢印➡");
	CU_ASSERT_EQUAL(pdf_write(d, fonts, tmp_path("notdef.pdf"), &dg), 0);
	CU_ASSERT(has_message(&dg, "U+27A1", "IPAexMincho"));
	CU_ASSERT_EQUAL(dg.warnings, 1);
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* ---- what readers see --------------------------------------------------- */

static void pdftotext_gives_the_text_back_without_warnings(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("text.pdf");
	CU_ASSERT_FATAL(pdf_write(d, fonts, path, &dg) == 0);

	char cmd[512], *err = NULL;
	snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l 1 '%s' -", path);
	char *out = run(cmd, &err);
	CU_ASSERT_FATAL(out != NULL);
	/* Each line exactly; poppler's blank lines between blocks and the
	 * final form feed are layout, not text. */
	char want[1024] = "";
	for (size_t i = 0; i < sizeof sample_lines / sizeof *sample_lines; i++) {
		strcat(want, sample_lines[i]);
		strcat(want, "\n");
	}
	if (dejavu >= 0)
		strcat(want, "➡\n");
	char *got = non_blank_lines(out);
	CU_ASSERT_STRING_EQUAL(got, want);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "\n--- pdftotext gave:\n%s--- expected:\n%s---\n",
			out, want);
	free(got);
	CU_ASSERT_STRING_EQUAL(err ? err : "?", "");
	free(out);
	free(err);

	snprintf(cmd, sizeof cmd, "mutool draw -q -F txt -o - '%s' 1", path);
	out = run(cmd, NULL);
	CU_ASSERT_FATAL(out != NULL);
	for (size_t i = 0; i < sizeof sample_lines / sizeof *sample_lines; i++)
		CU_ASSERT(strstr(out, sample_lines[i]) != NULL);
	if (dejavu >= 0)
		CU_ASSERT(strstr(out, "➡") != NULL);
	free(out);
	diag_list_release(&dg);
	dl_doc_free(d);
}

static void fonts_are_embedded_subset_cid_truetype(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("fonts.pdf");
	CU_ASSERT_FATAL(pdf_write(d, fonts, path, &dg) == 0);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdffonts '%s' | tail -n +3", path);
	char *out = run(cmd, NULL);
	CU_ASSERT_FATAL(out != NULL);
	int n = 0;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		n++;
		CU_ASSERT(strchr(line, '+') != NULL); /* subset tag */
		CU_ASSERT(strstr(line, "CID TrueType") != NULL);
		CU_ASSERT(strstr(line, "Identity-H") != NULL);
		CU_ASSERT(strstr(line, "yes yes yes") != NULL); /* emb sub uni */
	}
	CU_ASSERT_EQUAL(n, dejavu >= 0 ? 3 : 2);
	free(out);
	/* Real subsets: a page of text is small. */
	struct stat st;
	CU_ASSERT(stat(path, &st) == 0 && st.st_size < 60000);
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* The /W array holds the text engine's advances (font_advance_em1000, one
 * rule for both): a viewer advances each glyph by what the layout measured.
 * IPAex's Latin letters are proportional, of advances that are not whole
 * thousandths of its 2,048-unit em, so another rule (libharu rounded)
 * gives other numbers. */
static void widths_are_the_text_engines_advances(void)
{
	setup();
	const char *s = "AWgm1";
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595, 842);
	text(d, p, 72, 100, mincho, 10, s);
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("widths.pdf");
	CU_ASSERT_FATAL(pdf_write(d, fonts, path, &dg) == 0);
	struct text_engine *te = text_engine_new(fonts, &dg);
	CU_ASSERT_FATAL(te != NULL);
	/* CIDs are numbered in code point order: 1 A 2 W 3 g 4 m (and 1 first) */
	const char *order = "1AWgm";
	char want[128] = "/W [ 1 [ "; /* as libharu writes an array */
	for (const char *c = order; *c; c++) {
		int adv = text_advance(te, mincho, (unsigned char)*c);
		CU_ASSERT(adv > 0 && adv != 1000);
		snprintf(want + strlen(want), sizeof want - strlen(want), "%d ", adv);
	}
	strcat(want, "] ]");
	/* the font dictionaries may sit in a compressed object stream */
	char cmd[512];
	const char *plain = tmp_path("widths-qdf.pdf");
	snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable '%s' '%s'", path,
		 plain);
	CU_ASSERT_FATAL(system(cmd) == 0);
	size_t len = 0;
	char *b = read_file(plain, &len);
	CU_ASSERT_FATAL(b != NULL);
	const char *w = NULL; /* the file has binary streams: no strstr */
	for (size_t i = 0; !w && i + 4 <= len; i++)
		if (memcmp(b + i, "/W [", 4) == 0)
			w = b + i;
	CU_ASSERT_FATAL(w != NULL);
	/* the array with its white space as one space each (qpdf breaks lines) */
	char got[128];
	size_t k = 0;
	int closed = 0;
	for (const char *c = w; c < b + len && closed < 2 && k + 1 < sizeof got; c++) {
		bool space = *c == ' ' || *c == '\n' || *c == '\r';
		if (!space || (k && got[k - 1] != ' '))
			got[k++] = space ? ' ' : *c;
		closed += *c == ']';
	}
	got[k] = '\0';
	CU_ASSERT_STRING_EQUAL(got, want);
	free(b);
	text_engine_free(te);
	diag_list_release(&dg);
	dl_doc_free(d);
}

static void a_text_over_64k_bytes_is_drawn_whole(void)
{
	setup();
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	enum { N = 25000 }; /* 75,000 bytes of UTF-8 */
	char *s = malloc(N * 3 + 1);
	CU_ASSERT_FATAL(s != NULL);
	for (int i = 0; i < N; i++)
		memcpy(s + 3 * i, "あ", 3);
	s[N * 3] = '\0';
	dl_text(d, p, 10, 100, mincho, 0.02f, DL_BLACK, s, N * 3);
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("long.pdf");
	CU_ASSERT_FATAL(pdf_write(d, fonts, path, &dg) == 0);
	char cmd[512], *err = NULL;
	snprintf(cmd, sizeof cmd, "pdftotext '%s' - | grep -o 'あ' | wc -l", path);
	char *out = run(cmd, &err);
	CU_ASSERT(out && atoi(out) == N);
	free(out);
	free(err);
	free(s);
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* Greys are DeviceGray, colours RGB, justified text has Tc, dashes round. */
/* 人 (U+4EBA) and the Kangxi radical ⼈ (U+2F08) share one glyph in IPAex;
 * a CID per character, not per glyph, gives each back as itself (FOP sends
 * both to the radical, peers/README.md), and characters that need an
 * escape in a literal string - ( ) \\ and CR - survive too. */
static void shared_glyphs_and_escaped_codes_extract_as_written(void)
{
	setup();
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	/* 106 distinct characters, in code point order: CIDs 1..106 take
	 * every low byte that needs an escape (0x0D, 0x28, 0x29, 0x5C). */
	const char *line = "⼈一万三上下不与両中主予争事二互交人今仕他付代令以件任企会伝"
			   "伴位住体余作例供依価係促保信修値停備催働像元充先光児入全公六"
			   "共具典内円再出分切列初判別利制刻削前副割創力加労効動務勢勤包"
			   "化区千卒協印原厳参及収取受口可号";
	dl_text(d, p, 72, 100, mincho, 4, DL_BLACK, line, strlen(line));
	char *out = write_then_run(d, "shared.pdf", "pdftotext", " -");
	CU_ASSERT_FATAL(out != NULL);
	CU_ASSERT(strstr(out, line) != NULL);
	if (!strstr(out, line))
		fprintf(stderr, "\n--- pdftotext gave:\n%s---\n", out);
	free(out);
	dl_doc_free(d);
}

/* The content stream is shiryo's own (pdf_page.c): grey as g, exact
 * dashes (libharu allowed whole points only), positions in hundredths with
 * no float noise, and two texts in one text object, the second moved
 * relative to the first. */
static void content_uses_gray_charspace_and_exact_dashes(void)
{
	setup();
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	struct dl_item *it = dl_item_add(p, DL_TEXT);
	it->u.text.x = 72, it->u.text.y = 100, it->u.text.font = mincho;
	it->u.text.size = 12, it->u.text.char_space = 1.5f;
	it->u.text.color = DL_GREY(0.25f);
	it->u.text.utf8 = "均等割り付け";
	it->u.text.len = strlen(it->u.text.utf8);
	dl_text(d, p, 72, 130, gothic, 12, (struct dl_color){0.8f, 0.1f, 0.1f},
		"赤", strlen("赤"));
	struct dl_stroke s = dl_stroke_solid(0.5f, DL_BLACK);
	s.dash[0] = 2.4f, s.dash[1] = 0.3f, s.dash[2] = 4, s.n_dash = 3;
	dl_line(p, 72, 200, 300, 200, &s);
	char *out = write_then_run(d, "ops.pdf", "qpdf --qdf --object-streams=disable",
				   " - | tr -d '\\r'");
	CU_ASSERT_FATAL(out != NULL);
	CU_ASSERT(strstr(out, "0.25 g\n") != NULL);
	CU_ASSERT(strstr(out, "1.5 Tc\n") != NULL);
	CU_ASSERT(strstr(out, "0.8 0.1 0.1 rg\n") != NULL);
	CU_ASSERT(strstr(out, "[2.4 0.3 4] 0 d\n") != NULL);
	CU_ASSERT(strstr(out, "BT\n") != NULL);
	CU_ASSERT(strstr(out, "72 741.89 Td\n") != NULL);
	CU_ASSERT(strstr(out, "0 -30 Td\n") != NULL);
	char *bt = strstr(out, "BT\n");
	CU_ASSERT(bt && !strstr(bt + 1, "BT\n")); /* one text object */
	CU_ASSERT(strstr(out, "99999") == NULL && strstr(out, "00001") == NULL);
	free(out);
	dl_doc_free(d);
}

static void info_outline_labels_and_dests_are_japanese(void)
{
	struct dl_doc *d = sample_doc();
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("struct.pdf");
	CU_ASSERT_FATAL(pdf_write(d, fonts, path, &dg) == 0);
	char cmd[512];

	snprintf(cmd, sizeof cmd, "pdfinfo -isodates '%s'", path);
	char *out = run(cmd, NULL);
	CU_ASSERT_FATAL(out != NULL);
	CU_ASSERT(strstr(out, "Title:           第2期鹿児島市商工業振興プラン "
			      "推進会議資料\n") != NULL);
	CU_ASSERT(strstr(out, "Author:          鹿児島市 産業局\n") != NULL);
	CU_ASSERT(strstr(out, "Subject:         令和7年度 中小企業振興推進会議\n") != NULL);
	CU_ASSERT(strstr(out, "Keywords:        商工業, 振興, 主要指標\n") != NULL);
	CU_ASSERT(strstr(out, "Producer:        shiryo (libharu 2.3.0)\n") != NULL);
	CU_ASSERT(strstr(out, "CreationDate:    2025-04-01T00:00:00Z\n") != NULL);
	CU_ASSERT(strstr(out, "ModDate:         2025-04-01T00:00:00Z\n") != NULL);
	CU_ASSERT(strstr(out, "Page size:       595.28 x 841.89 pts (A4)") != NULL);
	free(out);

	snprintf(cmd, sizeof cmd, "mutool show '%s' outline", path);
	out = run(cmd, NULL);
	CU_ASSERT_FATAL(out != NULL);
	CU_ASSERT(strstr(out, "\t\"表紙\"\t#page=1") != NULL);
	CU_ASSERT(strstr(out, "\t\"第1章 施策の柱\"\t#page=2&zoom=nan,0,90") != NULL);
	CU_ASSERT(strstr(out, "\t\t\"1.1 主要指標\"\t#page=2&zoom=nan,0,200") != NULL);
	CU_ASSERT(strstr(out, "\t\"付録\"\t#page=3") != NULL);
	free(out);

	/* Cover unlabelled, then numbered from 1. */
	snprintf(cmd, sizeof cmd,
		 "qpdf --qdf --object-streams=disable '%s' - | tr -d '\\r' | "
		 "grep -a -A14 '/PageLabels'", path);
	out = run(cmd, NULL);
	CU_ASSERT_FATAL(out != NULL);
	CU_ASSERT(strstr(out, "0\n      <<\n      >>\n      1\n      <<\n"
			      "        /S /D\n        /St 1\n") != NULL);
	free(out);

	/* a name tree (issue 14: a /Dests dictionary holds 4,095 at most) */
	snprintf(cmd, sizeof cmd, "mutool show '%s' Root/Names/Dests", path);
	out = run(cmd, NULL);
	CU_ASSERT(out && strstr(out, "(sec-1)") != NULL);
	free(out);
	diag_list_release(&dg);
	dl_doc_free(d);
}

static void japanese_page_label_is_readable(void)
{
	struct dl_doc *d = sample_doc();
	d->pages[2].label = "付録";
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("labels.pdf");
	CU_ASSERT_FATAL(pdf_write(d, fonts, path, &dg) == 0);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "qpdf --json --json-key=pagelabels '%s'", path);
	char *out = run(cmd, NULL);
	CU_ASSERT(out && strstr(out, "\"/P\": \"u:付録\"") != NULL);
	free(out);
	diag_list_release(&dg);
	dl_doc_free(d);
}

static const struct cu_case cases[] = {
	{"writes a PDF file", writes_a_pdf_file},
	{"same document gives identical bytes", same_document_gives_identical_bytes},
	{"existing file survives a missing folder",
	 existing_file_survives_a_missing_folder},
	{"existing file survives a read-only folder",
	 existing_file_survives_a_read_only_folder},
	{"existing file survives a path through a file",
	 existing_file_survives_a_path_through_a_file},
	{"existing file survives a full disk", existing_file_survives_a_full_disk},
	{"a folder as target is refused cleanly",
	 a_folder_as_target_is_refused_cleanly},
	{"non-BMP character is refused by name",
	 non_bmp_character_is_refused_by_name},
	{"invalid UTF-8 and bad values are all reported",
	 invalid_utf8_and_bad_values_are_all_reported},
	{"clips nest 27 deep and no deeper", clips_nest_27_deep_and_no_deeper},
	{"duplicate destination is a warning", duplicate_destination_is_a_warning},
	{"5,000 destinations fit in a name tree",
	 five_thousand_destinations_fit_in_a_name_tree},
	{"missing glyph is a warning", missing_glyph_is_a_warning},
	{"pdftotext gives the text back without warnings",
	 pdftotext_gives_the_text_back_without_warnings},
	{"fonts are embedded subset CID TrueType",
	 fonts_are_embedded_subset_cid_truetype},
	{"a text over 64K bytes is drawn whole", a_text_over_64k_bytes_is_drawn_whole},
	{"widths are the text engine's advances", widths_are_the_text_engines_advances},
	{"shared glyphs and escaped codes extract as written",
	 shared_glyphs_and_escaped_codes_extract_as_written},
	{"content uses gray, char space and exact dashes",
	 content_uses_gray_charspace_and_exact_dashes},
	{"info, outline, labels and dests are Japanese",
	 info_outline_labels_and_dests_are_japanese},
	{"Japanese page label is readable", japanese_page_label_is_readable},
	{NULL, NULL},
};

CU_MAIN("render", cases)

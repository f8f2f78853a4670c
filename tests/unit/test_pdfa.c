/* test_pdfa.c - archive grade: the PDF/A-2b repairs of src/render/pdfa.c.
 *
 * Builds small display lists with Japanese text, bookmarks, page labels and
 * a named destination, writes them with dl_doc.pdfa set and reads the files
 * back with mutool, qpdf, pdftotext, md5sum and libxml2: one case per
 * repair, plus Apache PDFBox Preflight (Debian's libpdfbox2-java), which
 * must call every archive file, unpacked by qpdf from its object streams
 * and relabelled part 1, a valid PDF/A-1b file (PDFBox 2 validates
 * PDF/A-1b only; pdfa.c says why the files are PDF/A-2b).  Preflight is not
 * optional: without java and the jars the validation cases fail and say
 * what to install.
 */
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "render.h"

#define SRGB_ICC "/usr/share/color/icc/ghostscript/srgb.icc"

#define JARS "/usr/share/java/"
#define PREFLIGHT                                                             \
	"java -cp " JARS "preflight.jar:" JARS "pdfbox2.jar:" JARS "xmpbox.jar:" \
	JARS "fontbox2.jar:" JARS "commons-logging.jar:" JARS                   \
	"javax.activation.jar:" JARS "jaxb-api.jar "                           \
	"org.apache.pdfbox.preflight.Validator_A1b"
#define PREFLIGHT_PACKAGES                                                    \
	"libpdfbox2-java libactivation-java libjaxb-api-java "                 \
	"default-jre-headless"

/* ---- fixtures ----------------------------------------------------------- */

#define RENDER_FIXTURE_NAME "test_pdfa"
#define RENDER_FIXTURE_CLEANUP xmlCleanupParser
#include "render_fixture.h"

/* Markup characters in every info string: the XMP must escape them. */
#define TITLE "第2期鹿児島市商工業振興プラン 年次報告書 R&D <令和7年度>"
#define AUTHOR "鹿児島市 産業局 & 商工振興課"
#define SUBJECT "令和7年度の実績 \"主要指標\" 'A'"
#define KEYWORDS "商工業, 振興, 主要指標, R&D"
#define CREATOR "shiryo test_pdfa"
#define PRODUCER "shiryo (libharu 2.3.0)"
#define CREATED 1743465600 /* 2025-04-01T00:00:00Z */

static const char *const body_lines[] = {
	"鹿児島市商工業振興プラン（年次報告書）",
	"主要指標：事業所数２２０件、達成率65.1％",
	"取組課題①〜⑦ ABC xyz",
	"熱度マネジメント会議（中間・年度末）",
};

/* Everything the writer can put in an archive file: both fonts and the
 * fallback font (➡ is not in IPAex), grey and colour fills and strokes, a
 * clip, a named destination, nested bookmarks, an unlabelled cover,
 * numbered pages and a Japanese page label. */
static struct dl_doc *sample_doc(void)
{
	setup();
	struct dl_doc *d = dl_doc_new();
	d->pdfa = true;
	d->info.title = dl_doc_strdup(d, TITLE);
	d->info.author = dl_doc_strdup(d, AUTHOR);
	d->info.subject = dl_doc_strdup(d, SUBJECT);
	d->info.keywords = dl_doc_strdup(d, KEYWORDS);
	d->info.creator = dl_doc_strdup(d, CREATOR);
	d->info.created = CREATED;

	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	p->label = "";
	for (size_t i = 0; i < sizeof body_lines / sizeof *body_lines; i++)
		text(d, p, 72, 100 + 30 * (float)i, i % 2 ? gothic : mincho, 12,
		     body_lines[i]);
	if (dejavu >= 0)
		text(d, p, 72, 230, dejavu, 12, "➡");
	struct dl_stroke solid = dl_stroke_solid(1, DL_BLACK);
	struct dl_stroke blue = dl_stroke_solid(0.5f, (struct dl_color){0, 0, 1});
	blue.dash[0] = 3, blue.dash[1] = 1, blue.n_dash = 2;
	struct dl_color grey = DL_GREY(0.85f);
	struct dl_color red = {0.8f, 0.1f, 0.1f};
	dl_line(p, 72, 300, 500, 300, &blue);
	dl_rect(p, 72, 320, 200, 50, &grey, &solid);
	dl_rect(p, 300, 320, 50, 50, &red, NULL);
	struct dl_item *it = dl_item_add(p, DL_CLIP_PUSH);
	it->u.clip.x = 72, it->u.clip.y = 400, it->u.clip.w = 100;
	it->u.clip.h = 30;
	dl_rect(p, 60, 390, 200, 50, &grey, NULL);
	dl_item_add(p, DL_CLIP_POP);
	it = dl_item_add(p, DL_LINK_DEST);
	it->u.dest.name = "sec-1";
	it->u.dest.y = 100;

	p = dl_page_add(d, 595.28f, 841.89f);
	text(d, p, 72, 100, gothic, 14, "第1章・施策の柱"); /* no U+0020 */
	p = dl_page_add(d, 595.28f, 841.89f);
	text(d, p, 72, 100, mincho, 14, "第2章 主要指標の推移");
	p = dl_page_add(d, 1190.55f, 841.89f);
	p->label = "付録";
	text(d, p, 72, 100, mincho, 14, "付録");

	dl_outline_add(d, "表紙", 0, 0, 0);
	dl_outline_add(d, "第1章 施策の柱", 0, 1, 90);
	dl_outline_add(d, "1.1 主要指標", 1, 1, 200);
	dl_outline_add(d, "第2章 主要指標の推移", 0, 2, 90);
	dl_outline_add(d, "付録", 0, 3, 0);
	return d;
}

/* ---- helpers ------------------------------------------------------------ */

/* Runs a shell command; returns its standard output (stderr goes to the
 * test's), its length in *len and its exit status in *status. */
static char *run(const char *cmd, size_t *len, int *status)
{
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	char *out = read_all(p, len);
	int st = pclose(p);
	if (status)
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	return out;
}

/* Writes doc to tmpdir/name; the path, or NULL after a failure. */
static const char *write_doc(struct dl_doc *d, const char *name)
{
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path(name);
	int rc = pdf_write(d, fonts, path, &dg);
	if (rc != 0 || dg.errors)
		diag_print(&dg, stderr);
	bool ok = rc == 0 && dg.errors == 0;
	diag_list_release(&dg);
	return ok ? path : NULL;
}

/* The object (or stream with binary, decoded) at a mutool path such as
 * "Root/Metadata" or an object number. */
static char *show(const char *pdf, const char *what, bool binary, size_t *len)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "mutool show %s '%s' '%s' 2>/dev/null",
		 binary ? "-b" : "", pdf, what);
	return run(cmd, len, NULL);
}

/* The whole file in qpdf's QDF form (uncompressed, one object per block). */
static char *qdf(const char *pdf)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd,
		 "qpdf --qdf --object-streams=disable '%s' - | tr -d '\\r'", pdf);
	return run(cmd, NULL, NULL);
}

/* Preflight's verdict on a file: true when valid; prints its report
 * otherwise. */
static bool preflight_valid(const char *pdf)
{
	if (access("/usr/share/java/preflight.jar", R_OK) != 0 ||
	    system("command -v java >/dev/null 2>&1") != 0) {
		fprintf(stderr, "\nPDFBox Preflight is not installed; as root run:\n"
				"  apt-get install --no-install-recommends "
				PREFLIGHT_PACKAGES "\n");
		return false;
	}
	/* qpdf undoes the object streams and the cross-reference stream
	 * (nothing else: no stream decoded or recompressed); sed says part 1 */
	char cmd[2048];
	int status = -1;
	snprintf(cmd, sizeof cmd,
		 "qpdf --object-streams=disable --compress-streams=n "
		 "--decode-level=none --newline-before-endstream '%s' '%s.a1' && "
		 "sed -i 's|<pdfaid:part>2</pdfaid:part>|<pdfaid:part>1</pdfaid:part>|' "
		 "'%s.a1' && " PREFLIGHT " '%s.a1' 2>&1", pdf, pdf, pdf, pdf);
	char *out = run(cmd, NULL, &status);
	bool ok = out && status == 0 &&
		  strstr(out, "is a valid PDF/A-1b file") != NULL &&
		  strstr(out, "not a valid") == NULL;
	if (!ok)
		fprintf(stderr, "\nPreflight (exit %d) on %s:\n%s\n", status, pdf,
			out ? out : "(no output)");
	free(out);
	return ok;
}

/* The value of "/Key N 0 R" in s: N, or -1. */
static long ref_of(const char *s, const char *key)
{
	const char *k = s ? strstr(s, key) : NULL;
	if (!k)
		return -1;
	k += strlen(key);
	char *end;
	long n = strtol(k, &end, 10);
	return end != k && strncmp(end, " 0 R", 4) == 0 ? n : -1;
}

/* The /ID strings of the cross-reference stream's dictionary (where
 * startxref points): true when found, hex digits in a and b. */
static bool file_id(const char *bytes, size_t len, char a[33], char b[33])
{
	const char *t = NULL;
	for (size_t i = len; i-- > 0 && !t;)
		if (i + 9 <= len && memcmp(bytes + i, "startxref", 9) == 0)
			t = bytes + i;
	long at = t ? strtol(t + 9, NULL, 10) : -1;
	if (at < 0 || (size_t)at >= len || !strstr(bytes + at, "/Type/XRef"))
		return false;
	const char *id = strstr(bytes + at, "/ID[");
	if (!id || sscanf(id, "/ID[<%32[0-9A-F]><%32[0-9A-F]>]", a, b) != 2)
		return false;
	return strlen(a) == 32 && strlen(b) == 32;
}

/* ---- validation --------------------------------------------------------- */

static void preflight_finds_the_archive_file_valid(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "sample.pdf");
	CU_ASSERT_FATAL(path != NULL);
	CU_ASSERT(preflight_valid(path));
	dl_doc_free(d);
}

/* A document with no text (no fonts at all) and no information but the
 * date: the metadata is then only what the writer always says. */
static void preflight_finds_a_bare_archive_file_valid(void)
{
	setup();
	struct dl_doc *d = dl_doc_new();
	d->pdfa = true;
	d->info.created = CREATED;
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	struct dl_color grey = DL_GREY(0.5f);
	dl_rect(p, 100, 100, 200, 100, &grey, NULL);
	const char *path = write_doc(d, "bare.pdf");
	CU_ASSERT_FATAL(path != NULL);
	CU_ASSERT(preflight_valid(path));
	dl_doc_free(d);
}

/* 40,000 ASCII characters in one item would be an 80,000-byte string of
 * two-byte codes; PDF/A-2 allows 32,767 bytes (ISO 19005-2, 6.1.13), so it
 * is shown as three strings (Preflight checks PDF/A-1's 65,535 only). */
static void a_long_text_is_cut_into_strings_pdfa_allows(void)
{
	setup();
	struct dl_doc *d = dl_doc_new();
	d->pdfa = true;
	d->info.created = CREATED;
	struct dl_page *p = dl_page_add(d, 595.28f, 841.89f);
	enum { N = 40000 };
	char *s = malloc(N + 1);
	CU_ASSERT_FATAL(s != NULL);
	memset(s, 'A', N);
	s[N] = '\0';
	dl_text(d, p, 10, 100, mincho, 0.01f, DL_BLACK, s, N);
	const char *path = write_doc(d, "long.pdf");
	CU_ASSERT_FATAL(path != NULL);
	CU_ASSERT(preflight_valid(path));
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdftotext '%s' - | tr -cd A | wc -c", path);
	char *out = run(cmd, NULL, NULL);
	CU_ASSERT(out && atoi(out) == N); /* drawn whole */
	free(out);
	/* the strings shown, in the uncompressed content (binary: the
	 * two-byte codes have NUL bytes) */
	snprintf(cmd, sizeof cmd, "qpdf --qdf --normalize-content=n "
		 "--object-streams=disable '%s' -", path);
	size_t qlen = 0;
	char *q = run(cmd, &qlen, NULL);
	CU_ASSERT_FATAL(q != NULL);
	size_t longest = 0, shown = 0, open = 0;
	for (size_t i = 0; i + 4 <= qlen; i++) {
		if (memcmp(q + i, "Td\n(", 4) == 0)
			open = i + 4;
		if (memcmp(q + i, ")Tj\n", 4) == 0 && open) {
			if (i - open > longest)
				longest = i - open;
			shown++;
			/* the next piece goes on where this one ended */
			open = i + 4 < qlen && q[i + 4] == '(' ? i + 5 : 0;
		}
	}
	CU_ASSERT(shown == 3);
	CU_ASSERT(longest > 2 * 16000 && longest <= 32767);
	free(q);
	free(s);
	dl_doc_free(d);
}

/* ---- 1. XMP metadata ---------------------------------------------------- */

static char *xpath_string(xmlXPathContextPtr xp, const char *expr)
{
	char full[512];
	snprintf(full, sizeof full, "string(%s)", expr);
	xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)full, xp);
	char *s = NULL;
	if (r && r->type == XPATH_STRING)
		s = strdup((const char *)r->stringval);
	xmlXPathFreeObject(r);
	return s ? s : strdup("(none)");
}

static void expect_xmp(xmlXPathContextPtr xp, const char *expr,
		       const char *want)
{
	char *got = xpath_string(xp, expr);
	CU_ASSERT_STRING_EQUAL(got, want);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "\n%s: got '%s', want '%s'\n", expr, got, want);
	free(got);
}

static void xmp_is_escaped_parseable_and_matches_the_info(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "xmp.pdf");
	CU_ASSERT_FATAL(path != NULL);

	/* The stream: /Type /Metadata /Subtype /XML, not compressed. */
	char *dict = show(path, "Root/Metadata", false, NULL);
	CU_ASSERT_FATAL(dict != NULL);
	CU_ASSERT(strstr(dict, "/Type /Metadata") != NULL);
	CU_ASSERT(strstr(dict, "/Subtype /XML") != NULL);
	CU_ASSERT(strstr(dict, "/SubType") == NULL);
	CU_ASSERT(strstr(dict, "/Filter") == NULL);
	free(dict);

	size_t len = 0;
	char *xmp = show(path, "Root/Metadata", true, &len);
	CU_ASSERT_FATAL(xmp != NULL && len > 0);
	CU_ASSERT(strncmp(xmp, "<?xpacket begin=\"\xEF\xBB\xBF\" "
			       "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 53) == 0);
	CU_ASSERT(strstr(xmp, "R&amp;D &lt;令和7年度&gt;") != NULL);
	xmlDocPtr x = xmlReadMemory(xmp, (int)len, "xmp.xml", "UTF-8",
				    XML_PARSE_NONET | XML_PARSE_NOERROR |
					    XML_PARSE_NOWARNING);
	CU_ASSERT_FATAL(x != NULL);
	xmlXPathContextPtr xp = xmlXPathNewContext(x);
	CU_ASSERT_FATAL(xp != NULL);
	static const char *const ns[][2] = {
		{"x", "adobe:ns:meta/"},
		{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
		{"dc", "http://purl.org/dc/elements/1.1/"},
		{"xmp", "http://ns.adobe.com/xap/1.0/"},
		{"pdf", "http://ns.adobe.com/pdf/1.3/"},
		{"pdfaid", "http://www.aiim.org/pdfa/ns/id/"},
	};
	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++)
		xmlXPathRegisterNs(xp, (const xmlChar *)ns[i][0],
				   (const xmlChar *)ns[i][1]);
	expect_xmp(xp, "//dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']", TITLE);
	expect_xmp(xp, "count(//dc:creator/rdf:Seq/rdf:li)", "1");
	expect_xmp(xp, "//dc:creator/rdf:Seq/rdf:li", AUTHOR);
	expect_xmp(xp, "//dc:description/rdf:Alt/rdf:li[@xml:lang='x-default']",
		   SUBJECT);
	expect_xmp(xp, "//pdf:Keywords", KEYWORDS);
	expect_xmp(xp, "//pdf:Producer", PRODUCER);
	expect_xmp(xp, "//xmp:CreatorTool", CREATOR);
	expect_xmp(xp, "//xmp:CreateDate", "2025-04-01T00:00:00Z");
	expect_xmp(xp, "//xmp:ModifyDate", "2025-04-01T00:00:00Z");
	expect_xmp(xp, "//pdfaid:part", "2");
	expect_xmp(xp, "//pdfaid:conformance", "B");
	xmlXPathFreeContext(xp);
	xmlFreeDoc(x);
	free(xmp);

	/* The Info dictionary says the same. */
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdfinfo -isodates '%s'", path);
	char *info = run(cmd, NULL, NULL);
	CU_ASSERT_FATAL(info != NULL);
	CU_ASSERT(strstr(info, "Title:           " TITLE "\n") != NULL);
	CU_ASSERT(strstr(info, "Author:          " AUTHOR "\n") != NULL);
	CU_ASSERT(strstr(info, "Subject:         " SUBJECT "\n") != NULL);
	CU_ASSERT(strstr(info, "Keywords:        " KEYWORDS "\n") != NULL);
	CU_ASSERT(strstr(info, "Creator:         " CREATOR "\n") != NULL);
	CU_ASSERT(strstr(info, "Producer:        " PRODUCER "\n") != NULL);
	CU_ASSERT(strstr(info, "CreationDate:    2025-04-01T00:00:00Z\n") != NULL);
	CU_ASSERT(strstr(info, "ModDate:         2025-04-01T00:00:00Z\n") != NULL);
	CU_ASSERT(strstr(info, "PDF version:     1.5\n") != NULL);
	free(info);
	dl_doc_free(d);
}

/* ---- 2. Info dates ------------------------------------------------------ */

static void info_dates_end_in_z_as_preflight_reads_them(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "dates.pdf");
	CU_ASSERT_FATAL(path != NULL);
	char *info = show(path, "Info", false, NULL);
	CU_ASSERT_FATAL(info != NULL);
	CU_ASSERT(strstr(info, "/CreationDate (D:20250401000000Z)") != NULL);
	CU_ASSERT(strstr(info, "/ModDate (D:20250401000000Z)") != NULL);
	free(info);
	dl_doc_free(d);
}

/* ---- 3. output intent --------------------------------------------------- */

static void srgb_output_intent_embeds_the_debian_profile(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "intent.pdf");
	CU_ASSERT_FATAL(path != NULL);
	char *intent = show(path, "Root/OutputIntents/1", false, NULL);
	CU_ASSERT_FATAL(intent != NULL);
	CU_ASSERT(strstr(intent, "/Type /OutputIntent") != NULL);
	CU_ASSERT(strstr(intent, "/S /GTS_PDFA1") != NULL);
	CU_ASSERT(strstr(intent, "/OutputConditionIdentifier (sRGB IEC61966-2.1)") !=
		  NULL);
	free(intent);
	char *all = show(path, "Root/OutputIntents", false, NULL);
	const char *first = all ? strstr(all, "/OutputIntent") : NULL;
	CU_ASSERT(first && !strstr(first + 1, "/OutputIntent")); /* only one */
	free(all);
	char *profile = show(path, "Root/OutputIntents/1/DestOutputProfile", false,
			     NULL);
	CU_ASSERT(profile && strstr(profile, "/N 3") != NULL);
	free(profile);

	size_t len = 0, want_len = 0;
	char *icc = show(path, "Root/OutputIntents/1/DestOutputProfile", true, &len);
	char *want = read_file(SRGB_ICC, &want_len);
	CU_ASSERT_FATAL(icc && want);
	CU_ASSERT(len == want_len && memcmp(icc, want, len) == 0);
	free(icc);
	free(want);
	dl_doc_free(d);
}

/* ---- 4. font descriptors ------------------------------------------------ */

struct cid_font {
	long font, descriptor, cidset, map;
};

/* The CIDFontType2 fonts of a file, from mutool's one-line-per-object
 * listing. */
static size_t cid_fonts(const char *path, struct cid_font *out, size_t max)
{
	char *all = show(path, "grep", false, NULL);
	size_t n = 0;
	for (char *line = all ? strtok(all, "\n") : NULL; line && n < max;
	     line = strtok(NULL, "\n")) {
		if (!strstr(line, "/Subtype/CIDFontType2"))
			continue;
		out[n].font = strtol(line, NULL, 10);
		out[n].descriptor = ref_of(line, "/FontDescriptor ");
		out[n].map = ref_of(line, "/CIDToGIDMap ");
		out[n].cidset = -1;
		n++;
	}
	free(all);
	for (size_t i = 0; i < n; i++) {
		char num[32];
		snprintf(num, sizeof num, "%ld", out[i].descriptor);
		char *desc = show(path, num, false, NULL);
		out[i].cidset = ref_of(desc, "/CIDSet ");
		free(desc);
	}
	return n;
}

/* CIDSet: one bit per CID, high-order bit first; set exactly for CID 0
 * and the CIDs that the CIDToGIDMap sends to a glyph of the subset: one
 * for every character drawn in that font. */
static void cidset_lists_exactly_the_cids_of_the_subset(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "cidset.pdf");
	CU_ASSERT_FATAL(path != NULL);
	struct cid_font f[8];
	size_t n = cid_fonts(path, f, 8);
	CU_ASSERT_EQUAL(n, dejavu >= 0 ? 3 : 2); /* Mincho, Gothic, DejaVu */
	size_t present = 0;
	for (size_t i = 0; i < n; i++) {
		CU_ASSERT_FATAL(f[i].cidset > 0 && f[i].map > 0);
		char num[32];
		size_t set_len = 0, map_len = 0;
		snprintf(num, sizeof num, "%ld", f[i].cidset);
		unsigned char *set = (unsigned char *)show(path, num, true, &set_len);
		snprintf(num, sizeof num, "%ld", f[i].map);
		unsigned char *map = (unsigned char *)show(path, num, true, &map_len);
		CU_ASSERT_FATAL(set && map && set_len > 0 && map_len > 0);
		CU_ASSERT(set[0] & 0x80); /* CID 0 */
		size_t wrong = 0;
		for (size_t cid = 1; cid < 0x10000; cid++) {
			bool in_set = cid / 8 < set_len &&
				      (set[cid / 8] & (0x80u >> (cid % 8)));
			bool mapped = 2 * cid + 1 < map_len &&
				      (map[2 * cid] || map[2 * cid + 1]);
			if (in_set != mapped && wrong++ < 5)
				fprintf(stderr, "\nCID %04zX: CIDSet %d, "
					"CIDToGIDMap %d\n", cid, in_set, mapped);
			present += in_set;
		}
		CU_ASSERT_EQUAL(wrong, 0);
		/* No bytes past the last CID present. */
		CU_ASSERT(set[set_len - 1] != 0);
		free(set);
		free(map);
	}
	CU_ASSERT(present > 40); /* the characters of the sample */
	dl_doc_free(d);
}

static long number_after(const char *s, const char *key)
{
	const char *k = s ? strstr(s, key) : NULL;
	return k ? strtol(k + strlen(key), NULL, 10) : -99999;
}

static void font_descriptors_have_cap_height_and_sane_metrics(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "metrics.pdf");
	CU_ASSERT_FATAL(path != NULL);
	struct cid_font f[8];
	size_t n = cid_fonts(path, f, 8);
	CU_ASSERT_EQUAL(n, dejavu >= 0 ? 3 : 2);
	for (size_t i = 0; i < n; i++) {
		char num[32];
		snprintf(num, sizeof num, "%ld", f[i].descriptor);
		char *desc = show(path, num, false, NULL);
		/* IPAex and DejaVu: capitals about 0.72 em, x-height about
		 * 0.5 em; libharu wrote no CapHeight, StemV 0 and XHeight 0. */
		long cap = number_after(desc, "/CapHeight ");
		long xh = number_after(desc, "/XHeight ");
		long stem = number_after(desc, "/StemV ");
		long ascent = number_after(desc, "/Ascent ");
		CU_ASSERT(cap > 600 && cap < 800);
		CU_ASSERT(xh > 400 && xh < 600);
		CU_ASSERT(stem > 50 && stem < 200);
		free(desc);
		/* No DW2: the default [880 -1000] puts the vertical origin
		 * at IPAex's ascent; libharu wrote [-278 -1194] for IPAex
		 * Mincho, below the glyphs. */
		snprintf(num, sizeof num, "%ld", f[i].font);
		char *font = show(path, num, false, NULL);
		CU_ASSERT(ascent > 800 && font && strstr(font, "/DW2") == NULL);
		free(font);
	}
	dl_doc_free(d);
}

/* ---- 5. the file identifier --------------------------------------------- */

static void file_id_is_the_md5_of_the_file_and_rebuilds_are_identical(void)
{
	struct dl_doc *d = sample_doc();
	const char *a = write_doc(d, "id-a.pdf");
	dl_doc_free(d);
	d = sample_doc(); /* rebuilt, not the same pointers */
	const char *b = write_doc(d, "id-b.pdf");
	CU_ASSERT_FATAL(a && b);
	size_t la, lb;
	char *ba = read_file(a, &la), *bb = read_file(b, &lb);
	CU_ASSERT_FATAL(ba && bb);
	CU_ASSERT(la == lb && memcmp(ba, bb, la) == 0);

	char id1[33], id2[33];
	CU_ASSERT_FATAL(file_id(ba, la, id1, id2));
	CU_ASSERT_STRING_EQUAL(id1, id2);
	CU_ASSERT_STRING_NOT_EQUAL(id1, "00000000000000000000000000000000");

	/* With the placeholder back in, md5sum gives the identifier. */
	char *sx = NULL;
	for (size_t i = la; i-- > 9 && !sx;)
		if (memcmp(ba + i - 9, "startxref", 9) == 0)
			sx = ba + i - 9;
	CU_ASSERT_FATAL(sx != NULL);
	char *at = strstr(ba + strtol(sx + 9, NULL, 10), "/ID[<");
	CU_ASSERT_FATAL(at != NULL);
	at = strstr(at, id1);
	CU_ASSERT_FATAL(at != NULL);
	memset(at, '0', 32);
	at = strstr(at, id1);
	CU_ASSERT_FATAL(at != NULL);
	memset(at, '0', 32);
	const char *zeroed = tmp_path("id-zeroed.pdf");
	FILE *fp = fopen(zeroed, "wb");
	CU_ASSERT_FATAL(fp != NULL);
	fwrite(ba, 1, la, fp);
	fclose(fp);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "md5sum '%s' | tr a-f A-F", zeroed);
	char *sum = run(cmd, NULL, NULL);
	CU_ASSERT(sum && strncmp(sum, id1, 32) == 0);
	free(sum);

	/* Another document, another identifier. */
	text(d, &d->pages[1], 72, 300, mincho, 12, "追記");
	const char *c = write_doc(d, "id-c.pdf");
	size_t lc;
	char *bc = c ? read_file(c, &lc) : NULL;
	char id3[33], id4[33];
	CU_ASSERT_FATAL(bc && file_id(bc, lc, id3, id4));
	CU_ASSERT_STRING_NOT_EQUAL(id3, id1);
	free(bc);
	free(ba);
	free(bb);
	dl_doc_free(d);
}

/* ---- shared repairs and what must not be there -------------------------- */

static void bookmark_destinations_are_direct_arrays(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "dests.pdf");
	CU_ASSERT_FATAL(path != NULL);
	char *all = show(path, "grep", false, NULL);
	CU_ASSERT_FATAL(all != NULL);
	int items = 0;
	for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strstr(line, "/Title") || !strstr(line, "/Parent"))
			continue; /* not a bookmark (the Info has a title too) */
		items++;
		CU_ASSERT(strstr(line, "/Dest[") != NULL);
		CU_ASSERT(strstr(line, "/XYZ 0 ") != NULL);
	}
	CU_ASSERT_EQUAL(items, 5);
	free(all);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "mutool show '%s' outline", path);
	char *out = run(cmd, NULL, NULL);
	CU_ASSERT(out && strstr(out, "\t\"第1章 施策の柱\"\t#page=2&zoom=nan,0,90") !=
			 NULL);
	CU_ASSERT(out && strstr(out, "\t\t\"1.1 主要指標\"\t#page=2&zoom=nan,0,200") !=
			 NULL);
	free(out);
	dl_doc_free(d);
}

static void no_transparency_and_no_libharu_pdfa_leftovers(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "clean.pdf");
	CU_ASSERT_FATAL(path != NULL);
	char *q = qdf(path);
	CU_ASSERT_FATAL(q != NULL);
	static const char *const never[] = {
		"/ExtGState", "/SMask", "/CA ", "/ca ", "/Group",
		"/Transparency", "/SubType", "/Encrypt", "/LZWDecode",
		"XMP toolkit 2.9.1-13",
	};
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
		CU_ASSERT(strstr(q, never[i]) == NULL);
		if (strstr(q, never[i]))
			fprintf(stderr, "\nfound '%s'\n", never[i]);
	}
	CU_ASSERT(strncmp(q, "%PDF-1.5\n", 9) == 0);
	/* Every font embedded. */
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdffonts '%s' | tail -n +3 | grep -vc "
		 "'yes yes yes'", path);
	char *out = run(cmd, NULL, NULL);
	CU_ASSERT(out && atoi(out) == 0);
	free(out);
	free(q);
	dl_doc_free(d);
}

static void archive_text_still_extracts(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "text.pdf");
	CU_ASSERT_FATAL(path != NULL);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l 1 '%s' - 2>&1", path);
	char *out = run(cmd, NULL, NULL);
	CU_ASSERT_FATAL(out != NULL);
	for (size_t i = 0; i < sizeof body_lines / sizeof *body_lines; i++)
		CU_ASSERT(strstr(out, body_lines[i]) != NULL);
	CU_ASSERT(strstr(out, "Error") == NULL && strstr(out, "Warning") == NULL);
	free(out);
	snprintf(cmd, sizeof cmd, "qpdf --json --json-key=pagelabels '%s'", path);
	out = run(cmd, NULL, NULL);
	CU_ASSERT(out && strstr(out, "\"/P\": \"u:付録\"") != NULL);
	free(out);
	dl_doc_free(d);
}

/* The .notdef box of a character the font lacks fails PDF/A (Preflight
 * 3.3.1): in an archive file it is an error naming the character, and no
 * file is written. */
static void a_missing_glyph_is_an_error_in_an_archive(void)
{
	struct dl_doc *d = sample_doc();
	text(d, &d->pages[1], 72, 300, mincho, 12, "矢印➡");
	struct diag_list dg = DIAG_LIST_INIT;
	const char *path = tmp_path("notdef.pdf");
	CU_ASSERT_EQUAL(pdf_write(d, fonts, path, &dg), -1);
	bool named = false;
	for (size_t i = 0; i < dg.count; i++)
		named |= strstr(dg.items[i].message, "U+27A1") &&
			 strstr(dg.items[i].message, "IPAexMincho") &&
			 strstr(dg.items[i].message, "page 2") &&
			 dg.items[i].severity == DIAG_ERROR;
	CU_ASSERT(named);
	CU_ASSERT(access(path, F_OK) != 0);
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* XML (the XMP) has no U+FFFF; neither has text. */
static void a_noncharacter_in_the_info_is_refused(void)
{
	struct dl_doc *d = sample_doc();
	d->info.title = dl_doc_strdup(d, "年次報告書\xEF\xBF\xBF");
	struct diag_list dg = DIAG_LIST_INIT;
	CU_ASSERT_EQUAL(pdf_write(d, fonts, tmp_path("fffe.pdf"), &dg), -1);
	bool named = false;
	for (size_t i = 0; i < dg.count; i++)
		named |= strstr(dg.items[i].message, "noncharacter U+FFFF") &&
			 strstr(dg.items[i].message, "document title");
	CU_ASSERT(named);
	diag_list_release(&dg);
	dl_doc_free(d);
}

/* The dictionaries are in compressed object streams with a cross-reference
 * stream (pdf_pack.c), which PDF/A-2 allows; qpdf reads every object. */
static void the_dictionaries_are_in_object_streams(void)
{
	struct dl_doc *d = sample_doc();
	const char *path = write_doc(d, "packed.pdf");
	CU_ASSERT_FATAL(path != NULL);
	char cmd[512];
	int status = -1;
	snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", path);
	char *out = run(cmd, NULL, &status);
	CU_ASSERT(status == 0 && out &&
		  strstr(out, "No syntax or stream encoding errors") != NULL);
	free(out);
	snprintf(cmd, sizeof cmd, "qpdf --show-xref '%s'", path);
	out = run(cmd, NULL, NULL);
	CU_ASSERT_FATAL(out != NULL);
	size_t packed = 0, plain = 0;
	for (const char *l = out; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : l) {
		packed += strncmp(strchr(l, ':') ? strchr(l, ':') : l, ": compressed", 12) == 0;
		plain += strncmp(strchr(l, ':') ? strchr(l, ':') : l, ": uncompressed", 14) == 0;
	}
	/* the catalog, pages, fonts' dictionaries, outline ... are packed;
	 * the streams and the object streams themselves are not */
	CU_ASSERT(packed > 20);
	CU_ASSERT(plain > 0 && plain < packed);
	free(out);
	dl_doc_free(d);
}

/* Handouts stay plain PDF: none of the archive additions. */
static void plain_mode_adds_nothing(void)
{
	struct dl_doc *d = sample_doc();
	d->pdfa = false;
	const char *path = write_doc(d, "plain.pdf");
	CU_ASSERT_FATAL(path != NULL);
	char *q = qdf(path);
	CU_ASSERT_FATAL(q != NULL);
	CU_ASSERT(strstr(q, "/Metadata") == NULL);
	CU_ASSERT(strstr(q, "/OutputIntents") == NULL);
	CU_ASSERT(strstr(q, "/CIDSet") == NULL);
	CU_ASSERT(strstr(q, "/ID [") == NULL);
	CU_ASSERT(strncmp(q, "%PDF-1.5\n", 9) == 0); /* object streams */
	free(q);
	dl_doc_free(d);
}

static const struct cu_case cases[] = {
	{"the dictionaries are in object streams",
	 the_dictionaries_are_in_object_streams},
	{"Preflight finds the archive file valid",
	 preflight_finds_the_archive_file_valid},
	{"Preflight finds a bare archive file valid",
	 preflight_finds_a_bare_archive_file_valid},
	{"a long text is cut into strings PDF/A allows",
	 a_long_text_is_cut_into_strings_pdfa_allows},
	{"XMP is escaped, parseable and matches the info",
	 xmp_is_escaped_parseable_and_matches_the_info},
	{"Info dates end in Z as Preflight reads them",
	 info_dates_end_in_z_as_preflight_reads_them},
	{"sRGB output intent embeds the Debian profile",
	 srgb_output_intent_embeds_the_debian_profile},
	{"CIDSet lists exactly the CIDs of the subset",
	 cidset_lists_exactly_the_cids_of_the_subset},
	{"font descriptors have CapHeight and sane metrics",
	 font_descriptors_have_cap_height_and_sane_metrics},
	{"file ID is the MD5 of the file and rebuilds are identical",
	 file_id_is_the_md5_of_the_file_and_rebuilds_are_identical},
	{"bookmark destinations are direct arrays",
	 bookmark_destinations_are_direct_arrays},
	{"no transparency and no libharu PDF/A leftovers",
	 no_transparency_and_no_libharu_pdfa_leftovers},
	{"archive text still extracts", archive_text_still_extracts},
	{"a missing glyph is an error in an archive",
	 a_missing_glyph_is_an_error_in_an_archive},
	{"a noncharacter in the info is refused",
	 a_noncharacter_in_the_info_is_refused},
	{"plain mode adds nothing", plain_mode_adds_nothing},
	{NULL, NULL},
};

CU_MAIN("pdfa", cases)

/* actuals_xlsx.c - yearly actuals from .xlsx workbooks; the format and the
 * rules are in actuals_xlsx.h.
 *
 * The workbook is read into memory (bounded), opened with libzip from that
 * buffer, and every part is inflated into a buffer of its declared size
 * after the limits are checked, so that no forged size or ratio gets past
 * them.  The parts are read with libxml2's streaming reader (no tree, no
 * DTD, no network).  Each sheet becomes a list of cells; the header decides
 * the layout, and the values go, as rows 指標,年度,実績, to
 * actuals_parse_table(): the checks, the messages and the merge of the CSV
 * reader, with FILE.xlsx:SHEET!C12 for places.
 */
#include "actuals_xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "alloc.h"
#include "diag.h"
#include "fy.h"
#include "infile.h"
#include "load_int.h"

#define MAX_ENTRIES 10000
#define MAX_SHEETS 256
#define MAX_STRINGS 1000000
#define MAX_CELLS 2000000
#define HEADER_ROWS 20

struct cell {
	int row, col;   /* 1-based */
	char *text;
};

struct sheet {
	char *name;
	char *part;     /* xl/worksheets/sheet1.xml */
	bool hidden;
	struct cell *cells;
	size_t n_cells, alloc_cells;
};

struct numfmt {
	int id;
	char *code;
};

struct book {
	const char *path;
	struct diag_list *dg;
	size_t errors;
	zip_t *zip;
	size_t total; /* bytes inflated so far */
	char **strings;
	size_t n_strings, alloc_strings;
	int *xf_fmt; /* cellXfs index → numFmtId */
	size_t n_xf, alloc_xf;
	struct numfmt *fmts;
	size_t n_fmts, alloc_fmts;
	bool date1904;
	struct sheet *sheets;
	size_t n_sheets;
	/* the head of the first value column read ("Sheet1!G1"), and its text
	 * ("R7実績"): where an untouched workbook is told it has no values */
	char *value_head_at;
	char *value_head;
};

static void book_error(struct book *b, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* An error about the workbook (where NULL) or a place in it ("Sheet1!C12"). */
static void book_error(struct book *b, const char *where, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (where) {
		size_t n = strlen(b->path) + strlen(where) + 2;
		char *file = xrealloc(NULL, n);
		snprintf(file, n, "%s:%s", b->path, where);
		diag_add(b->dg, DIAG_ERROR, file, 0, 0, "%s", msg);
		free(file);
	} else {
		diag_add(b->dg, DIAG_ERROR, b->path, 0, 0, "%s", msg);
	}
	b->errors++;
}

/* ---- names of places ----------------------------------------------------- */

/* "C12" for column 3, row 12. */
static void cell_name(int col, int row, char *buf, size_t size)
{
	char letters[8];
	int n = 0;
	for (int c = col; c > 0 && n < 7; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	size_t k = 0;
	while (n > 0 && k + 1 < size)
		buf[k++] = letters[--n];
	snprintf(buf + k, size - k, "%d", row);
}

/* "Sheet1!C12", the sheet name quoted as Excel quotes it ('My data'!C12)
 * when it has spaces or punctuation. */
static char *place(const struct sheet *s, int col, int row)
{
	char cell[32];
	cell_name(col, row, cell, sizeof cell);
	bool quote = false;
	for (const char *p = s->name; *p; p++)
		if ((unsigned char)*p < 0x80 && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= 'a' && *p <= 'z') && !(*p >= '0' && *p <= '9') && *p != '_')
			quote = true;
	size_t n = strlen(s->name) + strlen(cell) + 4;
	char *out = xrealloc(NULL, n);
	snprintf(out, n, quote ? "'%s'!%s" : "%s!%s", s->name, cell);
	return out;
}

/* Column and row of "C12"; false when it is no cell reference. */
static bool parse_ref(const char *r, int *col, int *row)
{
	int c = 0, n = 0;
	while (*r >= 'A' && *r <= 'Z') {
		c = c * 26 + (*r++ - 'A' + 1);
		if (c > 16384)
			return false;
	}
	if (!c || !(*r >= '1' && *r <= '9'))
		return false;
	while (*r >= '0' && *r <= '9') {
		n = n * 10 + (*r++ - '0');
		if (n > 1048576)
			return false;
	}
	if (*r)
		return false;
	*col = c;
	*row = n;
	return true;
}

/* ---- the archive --------------------------------------------------------- */

static bool ends_with_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	if (n < m)
		return false;
	for (size_t i = 0; i < m; i++) {
		char a = s[n - m + i], c = suffix[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != c)
			return false;
	}
	return true;
}

static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

bool actuals_is_workbook(const char *path)
{
	if (ends_with_ci(path, ".xlsx") || ends_with_ci(path, ".xlsm") ||
	    ends_with_ci(path, ".xltx") || ends_with_ci(path, ".xltm") ||
	    ends_with_ci(path, ".xls"))
		return true;
	unsigned char head[8] = {0};
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	ssize_t n = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		n = read(fd, head, sizeof head);
	close(fd);
	return (n >= 4 && !memcmp(head, "PK\3\4", 4)) ||
	       (n == 8 && !memcmp(head, ole_magic, 8));
}

/* Reads the file (a regular file, at most XLSX_MAX_FILE bytes). */
static char *read_file(struct book *b, size_t *len)
{
	int fd = open(b->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		book_error(b, NULL, "cannot open actuals: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	char *data = NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		book_error(b, NULL, "not a regular file; a workbook must be a file");
		goto fail;
	}
	infile_note(fd, b->path); /* an input: never an output (outfile.h) */
	if ((uintmax_t)st.st_size > XLSX_MAX_FILE) {
		book_error(b, NULL, "workbook of %jd bytes refused: at most %u MiB",
			   (intmax_t)st.st_size, XLSX_MAX_FILE >> 20);
		goto fail;
	}
	data = xrealloc(NULL, XLSX_MAX_FILE + 1);
	size_t n = 0;
	for (;;) {
		ssize_t k = read(fd, data + n, XLSX_MAX_FILE + 1 - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			book_error(b, NULL, "cannot read actuals: %s", strerror(errno));
			goto fail;
		}
		if (k == 0)
			break;
		n += (size_t)k;
		if (n > XLSX_MAX_FILE) {
			book_error(b, NULL, "workbook larger than %u MiB refused",
				   XLSX_MAX_FILE >> 20);
			goto fail;
		}
	}
	close(fd);
	*len = n;
	return data;
fail:
	close(fd);
	free(data);
	return NULL;
}

/* Whether an entry name would point outside the workbook if unpacked:
 * absolute, a drive, a backslash or a .. component. */
static bool is_path_name(const char *name)
{
	if (name[0] == '/' || strchr(name, '\\') || strchr(name, ':'))
		return true;
	for (const char *p = name; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == name || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return true;
	return false;
}

/* Checks every entry of the archive before any is read. */
static bool check_entries(struct book *b)
{
	zip_int64_t n = zip_get_num_entries(b->zip, 0);
	if (n < 0 || n > MAX_ENTRIES) {
		book_error(b, NULL, "workbook with %lld parts refused (at most %d)",
			   (long long)n, MAX_ENTRIES);
		return false;
	}
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(b->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW, &st) != 0 ||
		    !(st.valid & ZIP_STAT_NAME)) {
			book_error(b, NULL, "the workbook's archive is damaged (entry %lld)",
				   (long long)i);
			return false;
		}
		if (is_path_name(st.name)) {
			book_error(b, NULL, "the archive has an entry with a path, '%s'; "
				   "a workbook has none: refused", st.name);
			return false;
		}
		if (ends_with_ci(st.name, "vbaproject.bin")) {
			book_error(b, NULL, "the workbook holds macros (%s): save it as "
				   "\"Excel Workbook (*.xlsx)\", without macros", st.name);
			return false;
		}
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			book_error(b, NULL, "the workbook is encrypted; save it without a "
				   "password");
			return false;
		}
	}
	return true;
}

/* Opens the part called name for reading, after checking what its entry
 * declares: size, ratio, the running total.  NULL when it is missing
 * (*missing) or refused (reported). */
static zip_file_t *open_part(struct book *b, const char *name, zip_uint64_t *size,
			     bool *missing)
{
	*missing = false;
	zip_int64_t i = zip_name_locate(b->zip, name, ZIP_FL_ENC_RAW);
	if (i < 0) {
		*missing = true;
		return NULL;
	}
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(b->zip, (zip_uint64_t)i, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		book_error(b, NULL, "the workbook's part %s is damaged", name);
		return NULL;
	}
	if (st.size > XLSX_MAX_PART) {
		book_error(b, NULL, "the workbook's part %s is %llu MiB uncompressed; "
			   "parts over %u MiB are refused", name,
			   (unsigned long long)(st.size >> 20), XLSX_MAX_PART >> 20);
		return NULL;
	}
	if (st.size > (1u << 20) && st.size / (st.comp_size ? st.comp_size : 1) > XLSX_MAX_RATIO) {
		book_error(b, NULL, "the workbook's part %s inflates %llu times "
			   "(%llu bytes to %llu): refused as a zip bomb", name,
			   (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)),
			   (unsigned long long)st.comp_size, (unsigned long long)st.size);
		return NULL;
	}
	if (b->total + st.size > XLSX_MAX_TOTAL) {
		book_error(b, NULL, "the workbook's parts are over %u MiB uncompressed: refused",
			   XLSX_MAX_TOTAL >> 20);
		return NULL;
	}
	b->total += st.size;
	zip_file_t *f = zip_fopen_index(b->zip, (zip_uint64_t)i, 0);
	if (!f)
		book_error(b, NULL, "cannot read the workbook's part %s: %s", name,
			   zip_strerror(b->zip));
	*size = st.size;
	return f;
}

/* A part being inflated: never more than its declared size is read (one
 * byte more, and it is refused as lying about its size). */
struct stream {
	struct book *b;
	const char *name;
	zip_file_t *f;
	zip_uint64_t declared, got;
	bool bad; /* reported */
};

static int stream_read(void *ctx, char *buf, int len)
{
	struct stream *s = ctx;
	if (!s->f || s->bad || len <= 0)
		return s->bad ? -1 : 0;
	zip_int64_t k = zip_fread(s->f, buf, (zip_uint64_t)len);
	if (k < 0) {
		book_error(s->b, NULL, "cannot read the workbook's part %s: %s", s->name,
			   zip_file_strerror(s->f));
		s->bad = true;
		return -1;
	}
	s->got += (zip_uint64_t)k;
	if (s->got > s->declared) {
		book_error(s->b, NULL, "the workbook's part %s holds more than its "
			   "declared %llu bytes: refused", s->name,
			   (unsigned long long)s->declared);
		s->bad = true;
		return -1;
	}
	return (int)k;
}

static int stream_close(void *ctx)
{
	struct stream *s = ctx;
	if (s->f)
		zip_fclose(s->f);
	s->f = NULL;
	return 0;
}

/* The part called name, inflated whole (NUL-terminated, *len bytes), or
 * NULL: *missing tells a part that is not there from one refused. */
static char *read_part(struct book *b, const char *name, size_t *len, bool *missing)
{
	struct stream s = {b, name, NULL, 0, 0, false};
	s.f = open_part(b, name, &s.declared, missing);
	if (!s.f)
		return NULL;
	char *buf = xrealloc(NULL, (size_t)s.declared + 2);
	size_t n = 0;
	for (;;) {
		size_t room = (size_t)s.declared + 1 - n;
		int k = stream_read(&s, buf + n, room > INT32_MAX ? INT32_MAX : (int)room);
		if (k < 0) {
			stream_close(&s);
			free(buf);
			return NULL;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	stream_close(&s);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* ---- streaming XML ------------------------------------------------------- */

struct xml {
	struct book *b;
	const char *part;
	xmlTextReaderPtr r;
	bool failed;
	struct stream in;
};

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct xml *x = ctx;
	if (x->failed || x->in.bad || !e || e->level < XML_ERR_ERROR)
		return;
	x->failed = true;
	char msg[256];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "error");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	book_error(x->b, NULL, "the workbook's part %s is not well-formed XML (line %d: %s)",
		   x->part, e->line, msg);
}

/* Starts streaming the part called name through libxml2's reader.  False
 * when it is missing (*missing) or refused (reported). */
static bool xml_open(struct xml *x, struct book *b, const char *part, bool *missing)
{
	*x = (struct xml){b, part, NULL, false, {b, part, NULL, 0, 0, false}};
	x->in.f = open_part(b, part, &x->in.declared, missing);
	if (!x->in.f)
		return false;
	/* xmlReaderForIO closes the stream itself when it fails */
	x->r = xmlReaderForIO(stream_read, stream_close, &x->in, NULL, NULL,
			      XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!x->r) {
		book_error(b, NULL, "cannot read the workbook's part %s", part);
		return false;
	}
	xmlTextReaderSetStructuredErrorHandler(x->r, on_xml_error, x);
	return true;
}

/* The next node; 1, 0 at the end, -1 after an error (reported).  A DOCTYPE
 * is refused: no workbook part has one, and it is how entities come in. */
static int xml_next(struct xml *x)
{
	int rc = xmlTextReaderRead(x->r);
	if (rc < 0 && !x->failed && !x->in.bad) {
		x->failed = true;
		book_error(x->b, NULL, "the workbook's part %s is not well-formed XML",
			   x->part);
	}
	if (rc == 1 && xmlTextReaderNodeType(x->r) == XML_READER_TYPE_DOCUMENT_TYPE) {
		book_error(x->b, NULL, "the workbook's part %s has a DOCTYPE: refused", x->part);
		x->failed = true;
		return -1;
	}
	return x->failed || x->in.bad ? -1 : rc;
}

static void xml_close(struct xml *x)
{
	if (x->r)
		xmlFreeTextReader(x->r);
	x->r = NULL;
	stream_close(&x->in);
}

static bool is_start(struct xml *x, const char *name)
{
	return xmlTextReaderNodeType(x->r) == XML_READER_TYPE_ELEMENT &&
	       !strcmp((const char *)xmlTextReaderConstLocalName(x->r), name);
}

static bool is_end(struct xml *x, const char *name)
{
	return xmlTextReaderNodeType(x->r) == XML_READER_TYPE_END_ELEMENT &&
	       !strcmp((const char *)xmlTextReaderConstLocalName(x->r), name);
}

/* Attribute name (no namespace, or the r: relationship one) as a malloc'd
 * string, or NULL. */
static char *attr(struct xml *x, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static bool is_text(struct xml *x)
{
	int t = xmlTextReaderNodeType(x->r);
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE;
}

/* A growing string. */
struct str {
	char *s;
	size_t n, alloc;
};

static void str_add(struct str *s, const char *t)
{
	size_t k = strlen(t);
	if (s->n + k + 1 > s->alloc) {
		s->alloc = (s->n + k + 1) * 2;
		s->s = xrealloc(s->s, s->alloc);
	}
	memcpy(s->s + s->n, t, k + 1);
	s->n += k;
}

static char *str_take(struct str *s)
{
	char *r = s->s ? s->s : xstrdup("");
	*s = (struct str){0};
	return r;
}

/* ---- the parts ------------------------------------------------------------ */

/* Reads a part into *buf; false after an error, or when it is missing and
 * required (reported). */
static bool part(struct book *b, const char *name, bool required, char **buf, size_t *len)
{
	bool missing;
	*buf = read_part(b, name, len, &missing);
	if (*buf)
		return true;
	if (missing && required)
		book_error(b, NULL, "the workbook has no part %s: it is not an Excel "
			   "workbook (.xlsx)", name);
	return missing && !required;
}

/* Opens a part for streaming: 1, 0 when it is missing and not required,
 * -1 after an error (reported). */
static int xml_part(struct xml *x, struct book *b, const char *name, bool required)
{
	bool missing;
	if (xml_open(x, b, name, &missing))
		return 1;
	if (missing && required)
		book_error(b, NULL, "the workbook has no part %s: it is not an Excel "
			   "workbook (.xlsx)", name);
	return missing && !required ? 0 : -1;
}

static bool read_content_types(struct book *b)
{
	char *buf;
	size_t len;
	if (!part(b, "[Content_Types].xml", true, &buf, &len))
		return false;
	bool macro = strstr(buf, "macroEnabled") != NULL;
	free(buf);
	if (macro) {
		book_error(b, NULL, "the workbook is macro-enabled: save it as "
			   "\"Excel Workbook (*.xlsx)\", without macros");
		return false;
	}
	return true;
}

/* Shared strings: <si> holds <t>, or runs <r><t>; <rPh> (furigana) is not
 * part of the text. */
static bool read_strings(struct book *b)
{
	struct xml x;
	int open = xml_part(&x, b, "xl/sharedStrings.xml", false);
	if (open <= 0)
		return open == 0;
	struct str cur = {0};
	int in_si = 0, in_rph = 0, in_t = 0, rc;
	while ((rc = xml_next(&x)) == 1) {
		bool empty = xmlTextReaderIsEmptyElement(x.r);
		if (is_start(&x, "si")) {
			in_si = 1;
			if (empty)
				goto add;
		} else if (is_start(&x, "rPh") && !empty) {
			in_rph = 1;
		} else if (is_end(&x, "rPh")) {
			in_rph = 0;
		} else if (is_start(&x, "t") && !empty) {
			in_t = 1;
		} else if (is_end(&x, "t")) {
			in_t = 0;
		} else if (in_si && in_t && !in_rph && is_text(&x)) {
			str_add(&cur, (const char *)xmlTextReaderConstValue(x.r));
		} else if (is_end(&x, "si")) {
add:
			in_si = 0;
			if (b->n_strings == MAX_STRINGS) {
				book_error(b, NULL, "more than %d shared strings: refused",
					   MAX_STRINGS);
				rc = -1;
				break;
			}
			if (b->n_strings == b->alloc_strings) {
				b->alloc_strings = b->alloc_strings ? b->alloc_strings * 2 : 64;
				b->strings = xreallocarray(b->strings, b->alloc_strings,
							   sizeof *b->strings);
			}
			b->strings[b->n_strings++] = str_take(&cur);
		}
	}
	free(cur.s);
	xml_close(&x);
	return rc == 0;
}

/* Number formats: the custom ones (<numFmt>) and, per cell style
 * (<cellXfs><xf>), the format id. */
static bool read_styles(struct book *b)
{
	struct xml x;
	int open = xml_part(&x, b, "xl/styles.xml", false);
	if (open <= 0)
		return open == 0;
	bool in_xfs = false;
	int rc;
	while ((rc = xml_next(&x)) == 1) {
		if (is_start(&x, "numFmt")) {
			char *id = attr(&x, "numFmtId"), *code = attr(&x, "formatCode");
			if (id && code) {
				if (b->n_fmts == b->alloc_fmts) {
					b->alloc_fmts = b->alloc_fmts ? b->alloc_fmts * 2 : 16;
					b->fmts = xreallocarray(b->fmts, b->alloc_fmts,
								sizeof *b->fmts);
				}
				b->fmts[b->n_fmts++] = (struct numfmt){atoi(id), code};
				code = NULL;
			}
			free(id);
			free(code);
		} else if (is_start(&x, "cellXfs") && !xmlTextReaderIsEmptyElement(x.r)) {
			in_xfs = true;
		} else if (is_end(&x, "cellXfs")) {
			in_xfs = false;
		} else if (in_xfs && is_start(&x, "xf")) {
			char *id = attr(&x, "numFmtId");
			if (b->n_xf == b->alloc_xf) {
				b->alloc_xf = b->alloc_xf ? b->alloc_xf * 2 : 16;
				b->xf_fmt = xreallocarray(b->xf_fmt, b->alloc_xf,
							  sizeof *b->xf_fmt);
			}
			b->xf_fmt[b->n_xf++] = id ? atoi(id) : 0;
			free(id);
		}
	}
	xml_close(&x);
	return rc == 0;
}

/* The sheets in workbook order, with their parts found through
 * xl/_rels/workbook.xml.rels. */
static bool read_workbook(struct book *b)
{
	struct xml x;
	char **rel_id = NULL, **rel_target = NULL;
	size_t n_rels = 0;
	int rc = -1;
	if (xml_part(&x, b, "xl/_rels/workbook.xml.rels", true) <= 0)
		goto out;
	while ((rc = xml_next(&x)) == 1) {
		if (!is_start(&x, "Relationship"))
			continue;
		char *id = attr(&x, "Id"), *target = attr(&x, "Target");
		if (!id || !target || n_rels >= MAX_ENTRIES) {
			free(id);
			free(target);
			continue;
		}
		rel_id = xreallocarray(rel_id, n_rels + 1, sizeof *rel_id);
		rel_target = xreallocarray(rel_target, n_rels + 1, sizeof *rel_target);
		rel_id[n_rels] = id;
		rel_target[n_rels++] = target;
	}
	xml_close(&x);
	if (rc != 0)
		goto out;
	if (xml_part(&x, b, "xl/workbook.xml", true) <= 0) {
		rc = -1;
		goto out;
	}
	while ((rc = xml_next(&x)) == 1) {
		if (is_start(&x, "workbookPr")) {
			char *d = attr(&x, "date1904");
			b->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
			free(d);
		}
		if (!is_start(&x, "sheet"))
			continue;
		char *name = attr(&x, "name"), *state = attr(&x, "state");
		xmlChar *rid = xmlTextReaderGetAttributeNs(
			x.r, (const xmlChar *)"id",
			(const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships");
		const char *target = NULL;
		for (size_t i = 0; rid && i < n_rels; i++)
			if (!strcmp(rel_id[i], (const char *)rid))
				target = rel_target[i];
		if (rid)
			xmlFree(rid);
		if (!name || !target || b->n_sheets == MAX_SHEETS) {
			free(name);
			free(state);
			if (b->n_sheets == MAX_SHEETS) {
				book_error(b, NULL, "more than %d sheets: refused", MAX_SHEETS);
				rc = -1;
				break;
			}
			continue;
		}
		/* "worksheets/sheet1.xml" is relative to xl/; "/xl/..." absolute
		 * within the package. */
		size_t n = strlen(target) + 4;
		char *path = xrealloc(NULL, n);
		if (target[0] == '/')
			snprintf(path, n, "%s", target + 1);
		else
			snprintf(path, n, "xl/%s", target);
		if (is_path_name(path)) {
			book_error(b, NULL, "sheet '%s' points outside the workbook (%s): refused",
				   name, target);
			free(path);
			free(name);
			free(state);
			rc = -1;
			break;
		}
		b->sheets = xreallocarray(b->sheets, b->n_sheets + 1, sizeof *b->sheets);
		b->sheets[b->n_sheets++] = (struct sheet){
			.name = name, .part = path,
			.hidden = state && strcmp(state, "visible") != 0};
		free(state);
	}
	xml_close(&x);
out:
	for (size_t i = 0; i < n_rels; i++) {
		free(rel_id[i]);
		free(rel_target[i]);
	}
	free(rel_id);
	free(rel_target);
	return rc == 0;
}

/* ---- values -------------------------------------------------------------- */

enum fmt_kind { FMT_GENERAL, FMT_PERCENT, FMT_DATE };

/* What format id shows: a kind and the decimals it writes. */
static enum fmt_kind format_of(const struct book *b, int id, int *decimals)
{
	*decimals = 0;
	switch (id) {
	case 2: case 4: case 8: case 40: *decimals = 2; return FMT_GENERAL;
	case 9: return FMT_PERCENT;
	case 10: *decimals = 2; return FMT_PERCENT;
	}
	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	    (id >= 50 && id <= 58))
		return FMT_DATE;
	const char *code = NULL;
	for (size_t i = 0; i < b->n_fmts; i++)
		if (b->fmts[i].id == id)
			code = b->fmts[i].code;
	if (!code)
		return FMT_GENERAL;
	/* The first section, without quoted text, escapes and [colours]. */
	bool percent = false, date = false, point = false;
	int zeros = 0;
	for (const char *p = code; *p && *p != ';'; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '[') {
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else if (*p == '%') {
			percent = true;
		} else if (*p == '.') {
			point = true;
		} else if (point && (*p == '0' || *p == '#' || *p == '?')) {
			zeros++;
		} else if (strchr("yYmMdDhHsSeg", *p) && strncmp(p, "General", 7)) {
			date = true;
		} else if (!strncmp(p, "General", 7)) {
			p += 6;
		}
	}
	*decimals = zeros;
	return date ? FMT_DATE : percent ? FMT_PERCENT : FMT_GENERAL;
}

/* v in plain decimal notation with the fewest significant digits (at most
 * 15) that give v back; 15 when none does (0.1 + 0.2), as Excel shows. */
static void shortest(double v, char *out, size_t size)
{
	char e[40];
	int prec = 15;
	for (int p = 1; p <= 15; p++) {
		snprintf(e, sizeof e, "%.*e", p - 1, v);
		if (strtod(e, NULL) == v) {
			prec = p;
			break;
		}
	}
	snprintf(e, sizeof e, "%.*e", prec - 1, v);
	/* e is [-]d.ddde[+-]XX */
	const char *s = e;
	bool neg = *s == '-';
	if (neg)
		s++;
	char digits[24];
	int nd = 0;
	for (; *s && *s != 'e'; s++)
		if (*s >= '0' && *s <= '9' && nd < 23)
			digits[nd++] = *s;
	int exp = atoi(s + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	/* the point goes after digit exp (0-based: after digits[exp]) */
	size_t k = 0;
	char buf[400];
	if (neg && !(nd == 1 && digits[0] == '0'))
		buf[k++] = '-';
	if (exp < 0) {
		buf[k++] = '0';
		buf[k++] = '.';
		for (int i = 0; i < -exp - 1 && k < sizeof buf - 30; i++)
			buf[k++] = '0';
		for (int i = 0; i < nd; i++)
			buf[k++] = digits[i];
	} else {
		for (int i = 0; i <= exp || i < nd; i++) {
			if (i == exp + 1)
				buf[k++] = '.';
			buf[k++] = i < nd ? digits[i] : '0';
			if (k > sizeof buf - 4)
				break;
		}
	}
	buf[k] = '\0';
	snprintf(out, size, "%s", buf);
}

/* Moves the point of the decimal text s two places right (a fraction shown
 * as a percentage: 0.651 → 65.1). */
static void times_100(char *s, size_t size)
{
	char tmp[128];
	bool neg = *s == '-';
	const char *d = s + neg;
	char intpart[64] = "", frac[64] = "";
	const char *dot = strchr(d, '.');
	if (dot) {
		snprintf(intpart, sizeof intpart, "%.*s", (int)(dot - d), d);
		snprintf(frac, sizeof frac, "%s", dot + 1);
	} else {
		snprintf(intpart, sizeof intpart, "%s", d);
	}
	size_t fl = strlen(frac);
	char moved[3] = {fl > 0 ? frac[0] : '0', fl > 1 ? frac[1] : '0', 0};
	const char *rest = fl > 2 ? frac + 2 : "";
	snprintf(tmp, sizeof tmp, "%s%s%s%s%s", neg ? "-" : "", intpart, moved,
		 *rest ? "." : "", rest);
	/* drop leading zeros of the integer part, keeping one */
	char *p = tmp + neg;
	while (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		memmove(p, p + 1, strlen(p));
	snprintf(s, size, "%s", tmp);
}

/* Pads the decimal text s to at least n decimals (the precision the cell's
 * format writes: 16.2 shown as 0.00 is 16.20). */
static void pad_decimals(char *s, size_t size, int n)
{
	const char *dot = strchr(s, '.');
	int have = dot ? (int)strlen(dot + 1) : 0;
	if (have >= n || n > 10)
		return;
	size_t k = strlen(s);
	if (!dot && k + 1 < size)
		s[k++] = '.';
	for (int i = have; i < n && k + 1 < size; i++)
		s[k++] = '0';
	s[k] = '\0';
}

/* A date serial as YYYY-MM-DD (the 1900 system, with Excel's phantom
 * 29 February 1900, or the 1904 one). */
static void serial_date(double v, bool date1904, char *out, size_t size)
{
	long days = (long)floor(v);
	/* days since 1970-01-01 */
	long z;
	z = date1904 ? days - 24107 : (days >= 61 ? days - 25569 : days - 25568);
	/* civil from days (Howard Hinnant) */
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, size, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

/* The text a number cell means, given its style. */
static bool number_text(struct book *b, const char *v, int style, char *out, size_t size)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	while (*end == ' ')
		end++;
	if (*end || !isfinite(d))
		return false;
	int fmt = style >= 0 && (size_t)style < b->n_xf ? b->xf_fmt[style] : 0;
	int decimals;
	enum fmt_kind kind = format_of(b, fmt, &decimals);
	if (kind == FMT_DATE && d >= 1 && d < 2958466) {
		serial_date(d, b->date1904, out, size);
		return true;
	}
	shortest(d, out, size);
	if (kind == FMT_PERCENT)
		times_100(out, size);
	pad_decimals(out, size, decimals);
	return true;
}

/* ---- a sheet ------------------------------------------------------------- */

static void add_cell(struct sheet *s, int row, int col, char *text)
{
	if (s->n_cells == s->alloc_cells) {
		s->alloc_cells = s->alloc_cells ? s->alloc_cells * 2 : 256;
		s->cells = xreallocarray(s->cells, s->alloc_cells, sizeof *s->cells);
	}
	s->cells[s->n_cells++] = (struct cell){row, col, text};
}

static bool too_big(struct book *b, struct sheet *s, int row, int col)
{
	char *at = place(s, col, row);
	if (row > XLSX_MAX_ROWS)
		book_error(b, at, "the sheet has %d rows or more; sheets of more than %d "
			   "rows are refused", row, XLSX_MAX_ROWS);
	else
		book_error(b, at, "the sheet is %d columns wide or more; more than %d "
			   "are refused", col, XLSX_MAX_COLS);
	free(at);
	return false;
}

/* Reads a worksheet's cells (values as meant: see number_text). */
static bool read_sheet(struct book *b, struct sheet *s)
{
	struct xml x;
	int open = xml_part(&x, b, s->part, false);
	if (open <= 0) {
		if (open == 0)
			book_error(b, NULL, "sheet '%s' has no part %s", s->name, s->part);
		return false;
	}
	int rc, row = 0, col = 0, style = 0;
	char *type = NULL;
	struct str value = {0}, formula = {0};
	bool in_v = false, in_f = false, in_is = false, in_t = false, in_rph = false;
	bool in_cell = false, has_f = false, has_v = false, ok = true;
	while (ok && (rc = xml_next(&x)) == 1) {
		bool empty = xmlTextReaderIsEmptyElement(x.r);
		if (is_start(&x, "dimension")) {
			/* ref="A1:C1048576": refuse at once, without reading on */
			char *ref = attr(&x, "ref");
			const char *last = ref ? strchr(ref, ':') : NULL;
			int c, r;
			if (last && parse_ref(last + 1, &c, &r) &&
			    (r > XLSX_MAX_ROWS || c > XLSX_MAX_COLS))
				ok = too_big(b, s, r, c);
			free(ref);
		} else if (is_start(&x, "row")) {
			char *r = attr(&x, "r");
			int n = r ? atoi(r) : row + 1;
			free(r);
			if (n <= row || n > XLSX_MAX_ROWS) {
				if (n > XLSX_MAX_ROWS)
					ok = too_big(b, s, n, 1);
				else
					n = row + 1;
			}
			row = n;
			col = 0;
		} else if (is_start(&x, "c")) {
			char *r = attr(&x, "r"), *st = attr(&x, "s");
			int c = 0, rr = 0;
			if (r && parse_ref(r, &c, &rr) && rr == row && c > col)
				col = c;
			else
				col++;
			free(r);
			style = st ? atoi(st) : 0;
			free(st);
			free(type);
			type = attr(&x, "t");
			if (col > XLSX_MAX_COLS) {
				ok = too_big(b, s, row, col);
				break;
			}
			if (s->n_cells >= MAX_CELLS) {
				book_error(b, NULL, "sheet '%s' has more than %d cells: refused",
					   s->name, MAX_CELLS);
				ok = false;
				break;
			}
			in_cell = !empty;
			has_f = has_v = false;
			free(value.s);
			free(formula.s);
			value = (struct str){0};
			formula = (struct str){0};
		} else if (in_cell && is_start(&x, "v")) {
			in_v = !empty;
			has_v = true;
		} else if (is_end(&x, "v")) {
			in_v = false;
		} else if (in_cell && is_start(&x, "f")) {
			in_f = !empty;
			has_f = true;
		} else if (is_end(&x, "f")) {
			in_f = false;
		} else if (in_cell && is_start(&x, "is")) {
			in_is = !empty;
			has_v = true;
		} else if (is_end(&x, "is")) {
			in_is = false;
		} else if (in_is && is_start(&x, "rPh")) {
			in_rph = !empty;
		} else if (is_end(&x, "rPh")) {
			in_rph = false;
		} else if (in_is && is_start(&x, "t")) {
			in_t = !empty;
		} else if (is_end(&x, "t")) {
			in_t = false;
		} else if (is_text(&x) && (in_v || (in_is && in_t && !in_rph))) {
			str_add(&value, (const char *)xmlTextReaderConstValue(x.r));
		} else if (is_text(&x) && in_f) {
			str_add(&formula, (const char *)xmlTextReaderConstValue(x.r));
		} else if (in_cell && is_end(&x, "c")) {
			in_cell = false;
			const char *v = value.s ? value.s : "";
			char *at = NULL;
			char num[512];
			if (has_f && (!has_v || !*v)) {
				at = place(s, col, row);
				book_error(b, at, "formula '=%s' has no saved result (the workbook "
					   "was written by a program that computes nothing); open "
					   "and save it in Excel, or enter the value",
					   formula.s ? formula.s : "");
			} else if (type && !strcmp(type, "s")) {
				char *e;
				unsigned long i = strtoul(v, &e, 10);
				if (*e || !*v || i >= b->n_strings) {
					at = place(s, col, row);
					book_error(b, at, "the cell names shared string '%s', which "
						   "the workbook does not have", v);
				} else {
					add_cell(s, row, col, xstrdup(b->strings[i]));
				}
			} else if (type && !strcmp(type, "e")) {
				at = place(s, col, row);
				book_error(b, at, "the cell holds the error %s, not a value", v);
			} else if (type && !strcmp(type, "b")) {
				add_cell(s, row, col, xstrdup(!strcmp(v, "1") ? "TRUE" : "FALSE"));
			} else if (type && (!strcmp(type, "str") || !strcmp(type, "inlineStr") ||
					    !strcmp(type, "d"))) {
				add_cell(s, row, col, xstrdup(v));
			} else if (*v) {
				if (number_text(b, v, style, num, sizeof num)) {
					add_cell(s, row, col, xstrdup(num));
				} else {
					at = place(s, col, row);
					book_error(b, at, "the cell's number '%s' is not one", v);
				}
			}
			free(at);
		}
	}
	if (rc < 0)
		ok = false;
	free(type);
	free(value.s);
	free(formula.s);
	xml_close(&x);
	return ok;
}

/* ---- from cells to rows -------------------------------------------------- */

/* The table being built for actuals_parse_table: rows of three cells. */
struct table {
	struct table_cell *cells;
	int *rows;
	size_t n, alloc;
	char **owned; /* texts and places to free */
	size_t n_owned, alloc_owned;
};

static const char *own(struct table *t, char *s)
{
	if (t->n_owned == t->alloc_owned) {
		t->alloc_owned = t->alloc_owned ? t->alloc_owned * 2 : 64;
		t->owned = xreallocarray(t->owned, t->alloc_owned, sizeof *t->owned);
	}
	t->owned[t->n_owned++] = s;
	return s;
}

static void table_add(struct table *t, int row, struct table_cell a, struct table_cell y,
		      struct table_cell v)
{
	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 64;
		t->cells = xreallocarray(t->cells, t->alloc * 3, sizeof *t->cells);
		t->rows = xreallocarray(t->rows, t->alloc, sizeof *t->rows);
	}
	t->cells[t->n * 3] = a;
	t->cells[t->n * 3 + 1] = y;
	t->cells[t->n * 3 + 2] = v;
	t->rows[t->n++] = row;
}

/* The text trimmed of ASCII and ideographic blanks, into buf. */
static const char *trimmed(const char *s, char *buf, size_t size)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	       !strncmp(s, "\xE3\x80\x80", 3))
		s += *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ? 1 : 3;
	snprintf(buf, size, "%s", s);
	size_t n = strlen(buf);
	for (;;) {
		if (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\n' ||
			  buf[n - 1] == '\r'))
			n--;
		else if (n >= 3 && !memcmp(buf + n - 3, "\xE3\x80\x80", 3))
			n -= 3;
		else
			break;
		buf[n] = '\0';
	}
	return buf;
}

static bool header_is(const char *text, const char *const *names)
{
	char buf[256];
	trimmed(text, buf, sizeof buf);
	for (; *names; names++) {
		const char *a = buf, *n = *names;
		for (; *a && *n; a++, n++)
			if ((*a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a) != *n)
				break;
		if (!*a && !*n)
			return true;
	}
	return false;
}

static const char *const ind_names[] = {"指標", "indicator", NULL};
static const char *const id_names[] = {"指標id", "id", "指標ｉｄ", NULL};
static const char *const year_names[] = {"年度", "year", NULL};
static const char *const value_names[] = {"実績", "value", NULL};

/* The fiscal year of a wide layout's column header "R7実績" (spaces
 * allowed before 実績), or 0. */
static int year_column(const char *text)
{
	char buf[256];
	trimmed(text, buf, sizeof buf);
	size_t n = strlen(buf), k = strlen("実績");
	if (n <= k || strcmp(buf + n - k, "実績"))
		return 0;
	buf[n - k] = '\0';
	int fy;
	if (fy_parse(buf, &fy) == 0)
		return fy;
	/* "2025年度実績" */
	n = strlen(buf);
	k = strlen("年度");
	if (n > k && !strcmp(buf + n - k, "年度")) {
		buf[n - k] = '\0';
		if (fy_parse(buf, &fy) == 0)
			return fy;
	}
	return 0;
}

static int cmp_cell(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* Turns one sheet into rows 指標,年度,実績 of t. */
static bool sheet_rows(struct book *b, struct sheet *s, struct table *t)
{
	if (!s->n_cells)
		return true;
	qsort(s->cells, s->n_cells, sizeof *s->cells, cmp_cell);
	/* the header: the first row (of the first HEADER_ROWS) naming the indicator */
	size_t h = 0;
	int hrow = 0;
	for (size_t i = 0; i < s->n_cells && s->cells[i].row <= HEADER_ROWS; i++)
		if (header_is(s->cells[i].text, ind_names) || header_is(s->cells[i].text, id_names)) {
			hrow = s->cells[i].row;
			break;
		}
	if (!hrow) {
		char *at = place(s, 1, 1);
		book_error(b, at, "no header row: expected the columns 指標,年度,実績 (or "
			   "indicator,year,value), or 指標 and a column per year such as "
			   "R7実績, in the first %d rows", HEADER_ROWS);
		free(at);
		return false;
	}
	while (h < s->n_cells && s->cells[h].row < hrow)
		h++;
	size_t hend = h;
	while (hend < s->n_cells && s->cells[hend].row == hrow)
		hend++;
	int ind_col = 0, id_col = 0, year_col = 0, value_col = 0;
	int *years = xreallocarray(NULL, XLSX_MAX_COLS + 1, sizeof *years);
	memset(years, 0, (XLSX_MAX_COLS + 1) * sizeof *years);
	bool wide = false;
	for (size_t i = h; i < hend; i++) {
		const struct cell *c = &s->cells[i];
		if (header_is(c->text, ind_names) && !ind_col)
			ind_col = c->col;
		else if (header_is(c->text, id_names) && !id_col)
			id_col = c->col;
		else if (header_is(c->text, year_names) && !year_col)
			year_col = c->col;
		else if (header_is(c->text, value_names) && !value_col)
			value_col = c->col;
		else if ((years[c->col] = year_column(c->text)) != 0)
			wide = true;
	}
	int key = id_col ? id_col : ind_col;
	bool ok = true;
	if (!b->value_head_at && ((year_col && value_col) || wide)) {
		int vcol = year_col && value_col ? value_col : 0;
		for (size_t i = h; i < hend && !vcol; i++)
			if (s->cells[i].col <= XLSX_MAX_COLS && years[s->cells[i].col])
				vcol = s->cells[i].col;
		for (size_t i = h; i < hend; i++)
			if (s->cells[i].col == vcol)
				b->value_head = xstrdup(s->cells[i].text);
		b->value_head_at = place(s, vcol, hrow);
	}
	if (!(year_col && value_col) && !wide) {
		char *at = place(s, 1, hrow);
		book_error(b, at, "the header has no 年度 and 実績 columns, nor a column per "
			   "year such as R7実績");
		free(at);
		ok = false;
		goto out;
	}
	/* one row of t per value: the indicator's cell, the year (its cell, or
	 * the year column's header), the value's cell */
	size_t i = hend;
	while (i < s->n_cells) {
		int row = s->cells[i].row;
		size_t j = i;
		const struct cell *kc = NULL, *yc = NULL, *vc = NULL;
		for (; j < s->n_cells && s->cells[j].row == row; j++) {
			const struct cell *c = &s->cells[j];
			if (c->col == key)
				kc = c;
			if (c->col == year_col)
				yc = c;
			if (c->col == value_col)
				vc = c;
		}
		struct table_cell kcell = {kc ? kc->text : "",
					   own(t, place(s, key, row))};
		if (!wide || (year_col && value_col)) {
			if (kc || yc || vc)
				table_add(t, row, kcell,
					  (struct table_cell){yc ? yc->text : "",
							      own(t, place(s, year_col, row))},
					  (struct table_cell){vc ? vc->text : "",
							      own(t, place(s, value_col, row))});
		} else {
			for (size_t k = i; k < j; k++) {
				const struct cell *c = &s->cells[k];
				char fy[32], blank[8];
				if (c->col > XLSX_MAX_COLS || !years[c->col] ||
				    !*trimmed(c->text, blank, sizeof blank))
					continue;
				fy_format(years[c->col], FY_STYLE_SHORT, fy, sizeof fy);
				table_add(t, row, kcell,
					  (struct table_cell){own(t, xstrdup(fy)),
							      own(t, place(s, c->col, hrow))},
					  (struct table_cell){c->text,
							      own(t, place(s, c->col, row))});
			}
		}
		i = j;
	}
out:
	free(years);
	return ok;
}

/* ---- entry point --------------------------------------------------------- */

static void book_free(struct book *b)
{
	for (size_t i = 0; i < b->n_strings; i++)
		free(b->strings[i]);
	free(b->strings);
	for (size_t i = 0; i < b->n_fmts; i++)
		free(b->fmts[i].code);
	free(b->fmts);
	free(b->xf_fmt);
	for (size_t i = 0; i < b->n_sheets; i++) {
		struct sheet *s = &b->sheets[i];
		for (size_t k = 0; k < s->n_cells; k++)
			free(s->cells[k].text);
		free(s->cells);
		free(s->name);
		free(s->part);
	}
	free(b->sheets);
	free(b->value_head_at);
	free(b->value_head);
}

int actuals_load_xlsx(struct plan *p, const char *path, struct diag_list *dg)
{
	struct book b = {.path = path, .dg = dg};
	struct table t = {0};
	size_t len = 0;
	int rc = -1;
	char *data = read_file(&b, &len);
	if (!data)
		return -1;
	zip_source_t *src = NULL;
	if (len >= 8 && !memcmp(data, ole_magic, 8)) {
		book_error(&b, NULL, "the workbook is encrypted (password-protected) or an "
			   "old .xls file; save it without a password as \"Excel Workbook "
			   "(*.xlsx)\"");
		goto out;
	}
	if (ends_with_ci(path, ".xlsm") || ends_with_ci(path, ".xltm")) {
		book_error(&b, NULL, "the workbook is macro-enabled (.xlsm): save it as "
			   "\"Excel Workbook (*.xlsx)\", without macros");
		goto out;
	}
	if (len < 4 || memcmp(data, "PK\3\4", 4)) {
		book_error(&b, NULL, "not an Excel workbook (.xlsx): it is no zip archive%s",
			   ends_with_ci(path, ".xls") ? "; save the old .xls as .xlsx" : "");
		goto out;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src)
		b.zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!b.zip) {
		book_error(&b, NULL, "the workbook's zip archive is damaged (%s)",
			   zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto out;
	}
	zip_error_fini(&ze);
	if (!check_entries(&b) || !read_content_types(&b) || !read_workbook(&b) ||
	    !read_styles(&b) || !read_strings(&b))
		goto out;
	size_t visible = 0;
	for (size_t i = 0; i < b.n_sheets; i++) {
		if (b.sheets[i].hidden)
			continue;
		visible++;
		if (!read_sheet(&b, &b.sheets[i]))
			goto out;
	}
	if (!visible) {
		book_error(&b, NULL, "the workbook has no visible sheet");
		goto out;
	}
	/* header of the table the CSV reader checks */
	table_add(&t, 1, (struct table_cell){"指標", ""}, (struct table_cell){"年度", ""},
		  (struct table_cell){"実績", ""});
	bool ok = true;
	for (size_t i = 0; i < b.n_sheets; i++)
		if (!b.sheets[i].hidden)
			ok &= sheet_rows(&b, &b.sheets[i], &t);
	if (!ok)
		goto out;
	if (t.n == 1 && !b.value_head_at) {
		book_error(&b, NULL, "the workbook has no values");
		goto out;
	}
	if (t.n == 1) {
		/* A department's workbook returned as it was sent (shiryo sheet
		 * wrote it, nobody filled it in): a warning, not an error.  The
		 * secretariat builds with the workbooks it has; one not yet
		 * filled in must not stop the others' figures from printing,
		 * and it changes nothing - the year stays 未確定 (or its latest
		 * value) as without the file.  The message names the column to
		 * fill in, so that it can be sent back. */
		size_t n = strlen(path) + strlen(b.value_head_at) + 2;
		char *file = xrealloc(NULL, n);
		snprintf(file, n, "%s:%s", path, b.value_head_at);
		diag_add(dg, DIAG_WARNING, file, 0, 0,
			 "no value is entered under %s%s%s: nothing is read from this "
			 "workbook (returned as it was sent?)",
			 b.value_head ? "「" : "the value column",
			 b.value_head ? b.value_head : "", b.value_head ? "」" : "");
		free(file);
		rc = 0;
		goto out;
	}
	rc = actuals_parse_table(p, path, t.cells, t.rows, t.n, 3, dg);
out:
	if (b.zip)
		zip_discard(b.zip);
	else if (src)
		zip_source_free(src);
	book_free(&b);
	for (size_t i = 0; i < t.n_owned; i++)
		free(t.owned[i]);
	free(t.owned);
	free(t.cells);
	free(t.rows);
	free(data);
	return b.errors ? -1 : rc;
}

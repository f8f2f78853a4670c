/* pdf_write.c - display list to PDF file: set-up, document structure and
 * the safe save; see render.h.
 *
 * libharu is driven so that it never longjmps and never writes a file
 * itself: its error handler only records the first error into the context
 * (any libharu error poisons the document, so the first one is the one to
 * report), and the finished PDF is taken from its memory stream and written
 * by the write policy of outfile.c (temporary file renamed over the target
 * only when complete, devices written through, never over an input).
 */
#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <hpdf_page_label.h>

#include "alloc.h"
#include "diag.h"
#include "dlist.h"
#include "outfile.h"
#include "render_int.h"

/* ---- diagnostics ------------------------------------------------------ */

__attribute__((format(printf, 3, 0))) static void
vadd(struct pdf_ctx *ctx, enum diag_severity sev, const char *fmt, va_list ap)
{
	char buf[1024];
	vsnprintf(buf, sizeof buf, fmt, ap);
	diag_add(ctx->dg, sev, NULL, 0, 0, "%s", buf);
}

void pdf_error(struct pdf_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vadd(ctx, DIAG_ERROR, fmt, ap);
	va_end(ap);
	ctx->errors++;
}

void pdf_warning(struct pdf_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vadd(ctx, DIAG_WARNING, fmt, ap);
	va_end(ap);
}

/* libharu's error codes in words: the one place they are turned into
 * text, so that no message ever shows a raw code (issue 14).  The limits
 * are hpdf_consts.h's HPDF_LIMIT_*. */
static const char *hpdf_error_name(HPDF_STATUS e)
{
	switch (e) {
	case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
	case HPDF_FILE_IO_ERROR: return "file input/output error";
	case HPDF_FILE_OPEN_ERROR: return "cannot open a file";
	case HPDF_ARRAY_COUNT_ERR:
		return "more than 32,767 entries in one PDF array, the PDF "
		       "library's limit";
	case HPDF_DICT_COUNT_ERR:
		return "more than 4,095 entries in one PDF dictionary, the PDF "
		       "library's limit";
	case HPDF_XREF_COUNT_ERR:
		return "more than 8,388,607 objects in one PDF file, the PDF "
		       "library's limit";
	case HPDF_STRING_OUT_OF_RANGE:
		return "a text longer than 65,535 bytes in one PDF string, the "
		       "PDF library's limit";
	case HPDF_NAME_OUT_OF_RANGE:
		return "a PDF name longer than 127 bytes, the PDF library's limit";
	case HPDF_NAME_INVALID_VALUE: return "an empty or invalid PDF name";
	case HPDF_REAL_OUT_OF_RANGE:
		return "a number beyond -32,767..32,767, the PDF library's limit";
	case HPDF_BINARY_LENGTH_ERR: return "binary data too long";
	case HPDF_INVALID_FONT_NAME: return "invalid font name";
	case HPDF_FONT_EXISTS: return "font already loaded";
	case HPDF_INVALID_FONT:
	case HPDF_PAGE_INVALID_FONT: return "invalid font";
	case HPDF_PAGE_FONT_NOT_FOUND: return "font not found";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "font does not allow embedding";
	case HPDF_TTF_INVALID_CMAP: return "unsupported cmap in TrueType font";
	case HPDF_TTF_INVALID_FOMAT: return "invalid TrueType font";
	case HPDF_TTF_MISSING_TABLE: return "TrueType font lacks a required table";
	case HPDF_INVALID_FONTDEF_DATA:
	case HPDF_INVALID_FONTDEF_TYPE: return "invalid font data";
	case HPDF_UNSUPPORTED_FONT_TYPE: return "unsupported font type";
	case HPDF_INVALID_ENCODER:
	case HPDF_INVALID_ENCODER_TYPE:
	case HPDF_INVALID_ENCODING_NAME: return "invalid text encoding";
	case HPDF_PAGE_OUT_OF_RANGE:
	case HPDF_PAGE_LAYOUT_OUT_OF_RANGE:
	case HPDF_PAGE_MODE_OUT_OF_RANGE:
	case HPDF_PAGE_NUM_STYLE_OUT_OF_RANGE:
	case HPDF_EXT_GSTATE_OUT_OF_RANGE: return "value out of range";
	case HPDF_PAGE_INVALID_SIZE: return "invalid page size";
	case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
	case HPDF_PAGE_INVALID_GMODE: return "operator not allowed here";
	case HPDF_PAGE_INVALID_PARAM_COUNT: return "wrong number of parameters";
	case HPDF_PAGE_CANNOT_RESTORE_GSTATE:
		return "graphics state restored more often than saved";
	case HPDF_EXCEED_GSTATE_LIMIT: return "too many nested graphics states";
	case HPDF_PAGE_INSUFFICIENT_SPACE: return "text does not fit its box";
	case HPDF_INVALID_DESTINATION: return "invalid destination";
	case HPDF_INVALID_OUTLINE: return "invalid bookmark";
	case HPDF_INVALID_PAGE:
	case HPDF_INVALID_PAGES:
	case HPDF_INVALID_PAGE_INDEX:
	case HPDF_PAGE_INVALID_INDEX: return "invalid page";
	case HPDF_INVALID_DATE_TIME: return "invalid date";
	case HPDF_INVALID_ICC_COMPONENT_NUM: return "invalid colour profile";
	case HPDF_INVALID_PARAMETER: return "invalid parameter";
	case HPDF_INVALID_OBJECT:
	case HPDF_INVALID_OBJ_ID:
	case HPDF_DOC_INVALID_OBJECT: return "invalid PDF object";
	case HPDF_INVALID_DOCUMENT:
	case HPDF_INVALID_DOCUMENT_STATE: return "invalid document state";
	case HPDF_INVALID_OPERATION:
	case HPDF_UNSUPPORTED_FUNC: return "operation not supported";
	case HPDF_INVALID_STREAM: return "invalid stream";
	case HPDF_STREAM_EOF: return "end of stream";
	case HPDF_ZLIB_ERROR: return "compression failed";
	default: return "an internal error of the PDF library";
	}
}

/* libharu's error callback: record, never jump.  Only the first error is
 * kept: after it every libharu call fails with follow-up errors. */
static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_ctx *ctx = data;
	if (ctx->hpdf_failed)
		return;
	ctx->hpdf_failed = true;
	ctx->hpdf_error = error;
	ctx->hpdf_detail = detail;
}

bool pdf_hpdf_ok(struct pdf_ctx *ctx, const char *doing)
{
	/* The internal functions used for the repairs (HPDF_Dict_Add, stream
	 * writes) set the error without calling the handler. */
	if (!ctx->hpdf_failed && ctx->pdf && HPDF_GetError(ctx->pdf) != HPDF_OK)
		on_hpdf_error(HPDF_GetError(ctx->pdf),
			      HPDF_GetErrorDetail(ctx->pdf), ctx);
	if (!ctx->hpdf_failed)
		return true;
	if (ctx->hpdf_error) {
		pdf_error(ctx, "cannot write '%s': the PDF library failed "
			  "while %s: %s", ctx->path, doing,
			  hpdf_error_name(ctx->hpdf_error));
		ctx->hpdf_error = 0; /* reported once */
	}
	return false;
}

/* ---- UTF-8 -------------------------------------------------------------- */

long pdf_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i;
	unsigned char c = p[0];
	long cp, min;
	size_t n;

	if (c < 0x80) {
		*i += 1;
		return c;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2, cp = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, cp = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, cp = c & 0x07, min = 0x10000;
	} else {
		*i += 1;
		return -1;
	}
	if (left < n) {
		*i += 1;
		return -1;
	}
	for (size_t k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			*i += 1;
			return -1;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*i += 1;
		return -1;
	}
	*i += n;
	return cp;
}

bool pdf_check_string(struct pdf_ctx *ctx, const char *s, size_t len,
		      const char *what)
{
	bool ok = true;
	for (size_t i = 0; i < len;) {
		size_t at = i;
		long cp = pdf_utf8_next(s, len, &i);
		if (cp < 0) {
			pdf_error(ctx, "invalid UTF-8 (byte 0x%02X at offset %zu) in %s",
				  (unsigned char)s[at], at, what);
			return false; /* the rest would only repeat it */
		}
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
			pdf_error(ctx, "control character U+%04lX in %s", cp, what);
			ok = false;
		} else if (cp == 0xFFFE || cp == 0xFFFF) {
			/* Not characters; XML (the XMP of an archive file)
			 * does not allow them either. */
			pdf_error(ctx, "noncharacter U+%04lX in %s", cp, what);
			ok = false;
		} else if (cp > 0xFFFF) {
			pdf_error(ctx,
				  "character U+%05lX '%.*s' is outside the Basic "
				  "Multilingual Plane, which the PDF writer does not "
				  "encode, in %s",
				  cp, (int)(i - at), s + at, what);
			ok = false;
		}
	}
	return ok;
}

/* ---- document structure --------------------------------------------- */

/* s cut to at most max characters, "…" in place of the rest, or s itself
 * when short enough; *copy is what to free.  A bookmark or an Info entry
 * is one PDF string, at most HPDF_LIMIT_MAX_STRING_LEN bytes once in
 * UTF-16 (a 40,000-character indicator name stopped the writer, issue 14),
 * and a reader shows a few dozen characters of it anyway. */
const char *pdf_shortened(const char *s, size_t max, char **copy)
{
	*copy = NULL;
	if (!s)
		return s;
	size_t len = strlen(s), i = 0, chars = 0;
	while (i < len && chars < max) {
		pdf_utf8_next(s, len, &i);
		chars++;
	}
	if (i >= len)
		return s;
	*copy = xmalloc(i + 4);
	memcpy(*copy, s, i);
	memcpy(*copy + i, "\xE2\x80\xA6", 4); /* … and the NUL */
	return *copy;
}

#define OUTLINE_MAX_CHARS 200

/* The Info dates, in UTC, from doc->info.created (never the clock). */
static bool set_dates(struct pdf_ctx *ctx)
{
	long long secs = ctx->doc->info.created;
	struct tm tm;
	time_t t = (time_t)secs;
	if ((long long)t != secs || !gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1 ||
	    tm.tm_year + 1900 > 9999) {
		pdf_error(ctx, "creation date %lld (seconds since 1970) is out of "
			  "range for a PDF date", secs);
		return false;
	}
	HPDF_Date d = {0};
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(ctx->pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(ctx->pdf, HPDF_INFO_MOD_DATE, d);
	return pdf_hpdf_ok(ctx, "setting the document dates");
}

static bool set_info(struct pdf_ctx *ctx)
{
	const struct dl_info *in = &ctx->doc->info;
	const struct {
		HPDF_InfoType type;
		const char *value;
	} attrs[] = {
		{HPDF_INFO_TITLE, in->title},
		{HPDF_INFO_AUTHOR, in->author},
		{HPDF_INFO_SUBJECT, in->subject},
		{HPDF_INFO_KEYWORDS, in->keywords},
		{HPDF_INFO_CREATOR, in->creator},
		{HPDF_INFO_PRODUCER, PDF_PRODUCER},
	};
	/* HPDF_SetInfoAttr encodes with the current encoder: UTF-8 makes the
	 * strings UTF-16BE, which is what shows Japanese correctly. */
	HPDF_SetCurrentEncoder(ctx->pdf, "UTF-8");
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (attrs[i].value && attrs[i].value[0]) {
			char *cut;
			HPDF_SetInfoAttr(ctx->pdf, attrs[i].type,
					 pdf_shortened(attrs[i].value, PDF_INFO_MAX_CHARS, &cut));
			free(cut);
		}
	if (!pdf_hpdf_ok(ctx, "setting the document information"))
		return false;
	return set_dates(ctx);
}

/* A destination [page /XYZ 0 top null]: page at y (top-left coordinates),
 * zoom unchanged.  HPDF_Destination_SetXYZ cannot say "zoom unchanged": it
 * rejects zoom 0 with HPDF_INVALID_PARAMETER and never writes null, so the
 * array is written here.  It is a direct object, not libharu's indirect
 * one (HPDF_Page_CreateDestination): PDF/A validation (PDFBox Preflight)
 * cannot convert an indirect /Dest of a bookmark, see pdfa.c. */
static HPDF_Array make_dest(struct pdf_ctx *ctx, size_t page, float y)
{
	const struct dl_page *pg = &ctx->doc->pages[page];
	float top = pg->height - y;
	if (top < 0)
		top = 0;
	if (top > pg->height)
		top = pg->height;
	HPDF_Array dst = HPDF_Array_New(ctx->pdf->mmgr);
	if (!dst)
		return NULL;
	HPDF_Array_Add(dst, ctx->pages[page]);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_AddReal(dst, 0);
	HPDF_Array_AddReal(dst, top);
	HPDF_Array_Add(dst, HPDF_Null_New(ctx->pdf->mmgr));
	return dst;
}

/* Bookmarks, nested by level: an entry's parent is the nearest earlier
 * entry of a lower level; a level deeper than parent + 1 is taken as
 * parent + 1. */
static bool add_outline(struct pdf_ctx *ctx)
{
	enum { MAX_DEPTH = 16 };
	HPDF_Outline parent[MAX_DEPTH + 1];
	int depth = 0; /* entries in parent[] above the root */

	for (size_t i = 0; i < ctx->doc->n_outline; i++) {
		const struct dl_outline *o = &ctx->doc->outline[i];
		int level = o->level < 0 ? 0 : o->level;
		if (level > depth)
			level = depth;
		if (level >= MAX_DEPTH)
			level = MAX_DEPTH - 1;
		HPDF_Outline up = level ? parent[level - 1] : NULL;
		char *cut;
		HPDF_Outline ol = HPDF_CreateOutline(
			ctx->pdf, up, pdf_shortened(o->title, OUTLINE_MAX_CHARS, &cut),
			ctx->utf8);
		free(cut);
		HPDF_Array dst = make_dest(ctx, o->page, o->y);
		/* Not HPDF_Outline_SetDestination: it accepts only libharu's
		 * own (indirect) destination objects. */
		if (ol && dst)
			HPDF_Dict_Add(ol, "Dest", dst);
		if (ol && level == 0)
			HPDF_Outline_SetOpened(ol, HPDF_TRUE);
		if (!pdf_hpdf_ok(ctx, "adding the bookmarks"))
			return false;
		parent[level] = ol;
		depth = level + 1;
	}
	return true;
}

enum label_kind { LABEL_NUMBER, LABEL_NONE, LABEL_TEXT };

static enum label_kind label_kind(const char *label)
{
	return !label ? LABEL_NUMBER : label[0] ? LABEL_TEXT : LABEL_NONE;
}

/* Page labels (see render.h for the convention).  One label range starts
 * wherever the kind changes, and at every text-labelled page. */
static bool add_page_labels(struct pdf_ctx *ctx)
{
	const struct dl_doc *doc = ctx->doc;
	size_t i;
	for (i = 0; i < doc->n_pages; i++)
		if (doc->pages[i].label)
			break;
	if (i == doc->n_pages)
		return true; /* all numbered: the viewer's default is right */

	HPDF_Doc pdf = ctx->pdf;
	int number = 1;
	enum label_kind prev = LABEL_TEXT;
	for (i = 0; i < doc->n_pages; i++) {
		const char *text = doc->pages[i].label;
		enum label_kind k = label_kind(text);
		if (k == prev && k != LABEL_TEXT) {
			if (k == LABEL_NUMBER)
				number++;
			continue;
		}
		/* HPDF_PageLabel_New encodes the prefix with the document's
		 * default encoder, NULL in 2.3.0 (bytes taken as PDFDocEncoding,
		 * Japanese garbled): lend it the UTF-8 encoder meanwhile. */
		HPDF_Encoder saved = pdf->def_encoder;
		pdf->def_encoder = ctx->utf8;
		HPDF_Dict label = HPDF_PageLabel_New(
			pdf, HPDF_PAGE_NUM_STYLE_DECIMAL, k == LABEL_NUMBER ? number : 1,
			k == LABEL_TEXT ? text : NULL);
		pdf->def_encoder = saved;
		if (label && k != LABEL_NUMBER) {
			/* No /S: the label is the prefix alone (or empty). */
			HPDF_Dict_RemoveElement(label, "S");
			HPDF_Dict_RemoveElement(label, "St");
		}
		if (label)
			HPDF_Catalog_AddPageLabel(pdf->catalog, (HPDF_UINT)i, label);
		if (!pdf_hpdf_ok(ctx, "adding the page labels"))
			return false;
		if (k == LABEL_NUMBER)
			number++;
		prev = k;
	}
	return true;
}

/* Named destinations of DL_LINK_DEST items, in a name tree (the
 * catalog's /Names /Dests), not the PDF 1.1 /Dests dictionary: libharu
 * holds at most HPDF_LIMIT_MAX_DICT_ELEMENT (4,095) keys in a dictionary,
 * and a plan of 4,100 indicators has more destinations than that (issue
 * 14).  Leaves of DEST_LEAF names under one root hold up to 32,767 leaves.
 * The first of two equal names wins. */
#define DEST_LEAF 256

struct dest_ref {
	const char *name;
	size_t page, seq;
	float y;
};

static int cmp_dest(const void *a, const void *b)
{
	const struct dest_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name); /* byte order, as name trees need */
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static HPDF_Array dest_limits(struct pdf_ctx *ctx, const char *first, const char *last)
{
	HPDF_Array lim = HPDF_Array_New(ctx->pdf->mmgr);
	if (lim) {
		HPDF_Array_Add(lim, HPDF_String_New(ctx->pdf->mmgr, first, NULL));
		HPDF_Array_Add(lim, HPDF_String_New(ctx->pdf->mmgr, last, NULL));
	}
	return lim;
}

static bool add_dests(struct pdf_ctx *ctx)
{
	const struct dl_doc *doc = ctx->doc;
	size_t n = 0;
	for (size_t p = 0; p < doc->n_pages; p++)
		for (size_t k = 0; k < doc->pages[p].n_items; k++)
			n += doc->pages[p].items[k].kind == DL_LINK_DEST;
	if (n == 0)
		return true;
	struct dest_ref *v = xmallocarray(n, sizeof *v);
	n = 0;
	for (size_t p = 0; p < doc->n_pages; p++) {
		const struct dl_page *pg = &doc->pages[p];
		for (size_t k = 0; k < pg->n_items; k++)
			if (pg->items[k].kind == DL_LINK_DEST) {
				v[n] = (struct dest_ref){pg->items[k].u.dest.name, p, n,
							 pg->items[k].u.dest.y};
				n++;
			}
	}
	qsort(v, n, sizeof *v, cmp_dest);
	size_t m = 0; /* unique names, first kept */
	for (size_t i = 0; i < n; i++) {
		if (m && !strcmp(v[m - 1].name, v[i].name)) {
			pdf_warning(ctx, "destination '%s' on page %zu is defined "
				    "twice; the first one is used", v[i].name,
				    v[i].page + 1);
			continue;
		}
		v[m++] = v[i];
	}

	HPDF_MMgr mm = ctx->pdf->mmgr;
	HPDF_Dict names = HPDF_Dict_New(mm);
	HPDF_Dict root = HPDF_Dict_New(mm);
	HPDF_Array kids = m > DEST_LEAF ? HPDF_Array_New(mm) : NULL;
	bool ok = names && root && (m <= DEST_LEAF || kids);
	if (ok) {
		HPDF_Dict_Add(ctx->pdf->catalog, "Names", names);
		HPDF_Xref_Add(ctx->pdf->xref, root);
		HPDF_Dict_Add(names, "Dests", root);
		if (kids)
			HPDF_Dict_Add(root, "Kids", kids);
	}
	for (size_t from = 0; ok && from < m; from += DEST_LEAF) {
		size_t to = from + DEST_LEAF < m ? from + DEST_LEAF : m;
		HPDF_Dict leaf = root;
		if (kids) {
			leaf = HPDF_Dict_New(mm);
			if (!leaf)
				break;
			HPDF_Xref_Add(ctx->pdf->xref, leaf);
			HPDF_Array_Add(kids, leaf);
			HPDF_Dict_Add(leaf, "Limits",
				      dest_limits(ctx, v[from].name, v[to - 1].name));
		}
		HPDF_Array arr = HPDF_Array_New(mm);
		if (!arr)
			break;
		HPDF_Dict_Add(leaf, "Names", arr);
		for (size_t i = from; i < to; i++) {
			HPDF_Array_Add(arr, HPDF_String_New(mm, v[i].name, NULL));
			HPDF_Array dst = make_dest(ctx, v[i].page, v[i].y);
			if (dst)
				HPDF_Array_Add(arr, dst);
		}
		ok = pdf_hpdf_ok(ctx, "adding named destinations");
	}
	free(v);
	return pdf_hpdf_ok(ctx, "adding named destinations") && ok;
}

/* ---- the PDF in memory ---------------------------------------------- */

/* Hands page i's compressed content to libharu and frees the buffers. */
static bool store_page(struct pdf_ctx *ctx, size_t i)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)ctx->pages[i]->attr;
	if (!ctx->content_z[i].ok) {
		pdf_error(ctx, "cannot write '%s': cannot compress page %zu",
			  ctx->path, i + 1);
		return false;
	}
	pdf_stream_put_deflated(attr->contents, &ctx->content_z[i]);
	pdf_zjob_release(&ctx->content_z[i]);
	free(ctx->content[i].p);
	ctx->content[i] = (struct pdf_buf){0};
	return pdf_hpdf_ok(ctx, "writing a page");
}

/* Builds the whole PDF in memory. */
static bool build(struct pdf_ctx *ctx, struct pdf_bytes *out)
{
	const struct dl_doc *doc = ctx->doc;

	ctx->pdf = HPDF_New(on_hpdf_error, ctx);
	if (!ctx->pdf) {
		pdf_error(ctx, "cannot write '%s': libharu could not start "
			  "(out of memory)", ctx->path);
		return false;
	}
	/* Before any page or font exists: compression is decided when a
	 * stream is created. */
	HPDF_SetCompressionMode(ctx->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(ctx->pdf);
	HPDF_SetCurrentEncoder(ctx->pdf, "UTF-8");
	ctx->utf8 = HPDF_GetEncoder(ctx->pdf, "UTF-8");
	if (!pdf_hpdf_ok(ctx, "setting up the document"))
		return false;

	/* The font subsets first: they are the longest to compress, and
	 * the worker threads start on them while the pages are painted. */
	ctx->z = pdf_deflate_new();
	if (!pdf_fonts_prepare(ctx, ctx->z))
		return false;
	ctx->font_res = HPDF_Dict_New(ctx->pdf->mmgr);
	if (ctx->font_res)
		HPDF_Xref_Add(ctx->pdf->xref, ctx->font_res);
	if (!pdf_hpdf_ok(ctx, "making the font resources"))
		return false;

	size_t n_alloc = doc->n_pages ? doc->n_pages : 1;
	ctx->pages = xcalloc(n_alloc, sizeof *ctx->pages);
	ctx->content = xcalloc(n_alloc, sizeof *ctx->content);
	ctx->content_z = xcalloc(n_alloc, sizeof *ctx->content_z);
	size_t stored = 0; /* pages whose content libharu holds */
	for (size_t i = 0; i < doc->n_pages; i++) {
		HPDF_Page page = HPDF_AddPage(ctx->pdf);
		if (page) {
			HPDF_Page_SetWidth(page, doc->pages[i].width);
			HPDF_Page_SetHeight(page, doc->pages[i].height);
			/* One /Font dictionary for every page; libharu's
			 * own would be made per page on first use. */
			HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources",
							  HPDF_OCLASS_DICT);
			if (res && HPDF_Dict_Add(res, "Font", ctx->font_res) == HPDF_OK)
				((HPDF_PageAttr)page->attr)->fonts = ctx->font_res;
		}
		if (!pdf_hpdf_ok(ctx, "adding a page"))
			return false;
		ctx->pages[i] = page;
		pdf_paint_page(ctx, i, &ctx->content[i]);
		ctx->content_z[i].in = (const unsigned char *)ctx->content[i].p;
		ctx->content_z[i].in_len = ctx->content[i].len;
		pdf_deflate_add(ctx->z, &ctx->content_z[i]);
		/* Pages already compressed go to libharu now, so that a
		 * long document does not hold every page's operators. */
		while (stored < i && pdf_deflate_done(ctx->z, &ctx->content_z[stored]))
			if (!store_page(ctx, stored++))
				return false;
	}
	pdf_deflate_wait(ctx->z);
	while (stored < doc->n_pages)
		if (!store_page(ctx, stored++))
			return false;
	if (!pdf_fonts_embed(ctx))
		return false;

	if (!add_dests(ctx) || !add_outline(ctx) || !add_page_labels(ctx) ||
	    !set_info(ctx) || !pdf_tags_write(ctx) ||
	    (doc->pdfa && !pdfa_prepare(ctx)) ||
	    (!doc->pdfa && doc->n_elems && !pdfua_metadata(ctx)))
		return false;

	/* object streams and the cross-reference stream (pdf_pack.c) */
	ctx->pdf->pdf_version = HPDF_VER_15;
	HPDF_SaveToStream(ctx->pdf);
	if (!pdf_hpdf_ok(ctx, "assembling the PDF"))
		return false;
	HPDF_UINT32 size = HPDF_GetStreamSize(ctx->pdf);
	out->data = xmalloc(size ? size : 1);
	/* Read exactly size bytes (past the end libharu returns
	 * HPDF_STREAM_EOF, 0x1058, a status we would have to tell apart). */
	HPDF_ResetStream(ctx->pdf);
	while (out->len < size) {
		HPDF_UINT32 n = size - (HPDF_UINT32)out->len;
		if (n > 65536)
			n = 65536;
		HPDF_ReadFromStream(ctx->pdf, out->data + out->len, &n);
		if (!pdf_hpdf_ok(ctx, "reading the PDF back"))
			return false;
		if (n == 0) {
			pdf_error(ctx, "cannot write '%s': libharu gave %zu of the "
				  "%u bytes of the PDF", ctx->path, out->len,
				  (unsigned)size);
			return false;
		}
		out->len += n;
	}
	return pdf_pack(ctx, out) &&
	       (!doc->pdfa || pdfa_finish(ctx, out->data, out->len));
}

/* ---- the safe save ---------------------------------------------------- */

void pdf_buf_put_n(struct pdf_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = xrealloc(b->p, cap);
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void pdf_buf_put(struct pdf_buf *b, const char *s)
{
	pdf_buf_put_n(b, s, strlen(s));
}

/* The write policy (outfile.c): temporary file and rename, or written
 * through to a device, FIFO or standard output; never over an input. */
static bool save_file(struct pdf_ctx *ctx, const struct pdf_bytes *b)
{
	char why[1024];
	if (outfile_write(ctx->path, b->data, b->len, why, sizeof why) == 0)
		return true;
	pdf_error(ctx, "cannot write '%s': %s", ctx->path, why);
	return false;
}

/* ---- entry point ------------------------------------------------------ */

int pdf_write(const struct dl_doc *doc, const struct fontset *fs,
	      const char *path, struct diag_list *dg)
{
	struct pdf_ctx ctx = {0};
	struct pdf_bytes bytes = {0};
	struct diag_list own = DIAG_LIST_INIT;
	ctx.doc = doc;
	ctx.fs = fs;
	ctx.dg = dg ? dg : &own;
	ctx.path = path;

	bool ok = pdf_check_doc(&ctx) && build(&ctx, &bytes) &&
		  save_file(&ctx, &bytes);

	/* The pool first: its threads may still read the buffers below. */
	pdf_deflate_free(ctx.z);
	if (ctx.pdf)
		HPDF_Free(ctx.pdf);
	pdf_fonts_release(&ctx);
	pdf_tags_release(&ctx);
	for (size_t i = 0; ctx.content && i < doc->n_pages; i++) {
		free(ctx.content[i].p);
		pdf_zjob_release(&ctx.content_z[i]);
	}
	free(ctx.content);
	free(ctx.content_z);
	free(ctx.pages);
	free(bytes.data);
	diag_list_release(&own);
	return ok && ctx.errors == 0 ? 0 : -1;
}

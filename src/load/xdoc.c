/* xdoc.c - reading an XML file safely, and knowing where things are in it.
 *
 * Why not xmlReadFile():
 *  - a plan must not be able to make shiryo read other files, reach the
 *    network or expand entities: the file is read here (size-limited), any
 *    DOCTYPE stops the parser at once (a plan never needs one, and without a
 *    DTD there are no entities to expand, so no billion laughs and no
 *    external entities), and the parser gets XML_PARSE_NONET and none of
 *    NOENT / DTDLOAD / DTDATTR / HUGE;
 *  - the bytes are checked as UTF-8 first, so that a Shift_JIS file gets
 *    "invalid UTF-8 at 3:12" instead of a transcoding surprise;
 *  - libxml2 keeps a line per node but no column, and the line is where the
 *    start tag ends.  The SAX start-element handler is wrapped to record
 *    where each start tag begins (line and column, counted in characters as
 *    libxml2 counts them in its own messages), so that schema and semantic
 *    errors can name both.
 */
#include "arena.h"
#include "alloc.h"
#include "infile.h"
#include "load_int.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- problems ---------------------------------------------------------- */

/* A slot for a new problem, or NULL past the limit. */
static struct problem *problem_push(struct xdoc *x)
{
	if (x->n_problems >= XDOC_MAX_PROBLEMS) {
		x->dropped_problems++;
		return NULL;
	}
	if (x->n_problems == x->alloc_problems) {
		x->alloc_problems = x->alloc_problems ? 2 * x->alloc_problems : 16;
		x->problems = xreallocarray(x->problems, x->alloc_problems, sizeof *x->problems);
	}
	struct problem *pr = &x->problems[x->n_problems];
	memset(pr, 0, sizeof *pr);
	pr->seq = x->n_problems++;
	return pr;
}

__attribute__((format(printf, 1, 0)))
static char *vformat(const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return xstrdup("");
	char *s = xrealloc(NULL, (size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void xdoc_problem(struct xdoc *x, enum diag_severity sev, enum problem_kind kind,
		  xmlNodePtr node, const char *attr, const char *elem,
		  const char *fmt, ...)
{
	struct problem *pr = problem_push(x);
	if (!pr)
		return;
	pr->severity = sev;
	pr->kind = kind;
	pr->node = node;
	pr->attr = attr ? xstrdup(attr) : NULL;
	pr->elem = elem ? xstrdup(elem) : NULL;
	if (attr)
		xdoc_attr_pos(x, node, attr, &pr->line, &pr->column);
	else
		xdoc_node_pos(x, node, &pr->line, &pr->column);
	va_list ap;
	va_start(ap, fmt);
	pr->message = vformat(fmt, ap);
	va_end(ap);
}

void xdoc_problem_at(struct xdoc *x, enum diag_severity sev, int line, int column,
		     const char *fmt, ...)
{
	struct problem *pr = problem_push(x);
	if (!pr)
		return;
	pr->severity = sev;
	pr->kind = PROBLEM_PARSE;
	pr->line = line;
	pr->column = column;
	va_list ap;
	va_start(ap, fmt);
	pr->message = vformat(fmt, ap);
	va_end(ap);
}

/* ---- positions --------------------------------------------------------- */

void xdoc_offset_pos(const struct xdoc *x, size_t offset, int *line, int *column)
{
	*line = *column = 0;
	if (!x->line_starts || offset > x->len)
		return;
	/* the last line start <= offset */
	size_t lo = 0, hi = x->n_lines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	size_t start = x->line_starts[lo];
	if (lo == 0 && x->len >= 3 && memcmp(x->buf, "\xEF\xBB\xBF", 3) == 0 &&
	    offset >= 3)
		start = 3; /* a byte-order mark takes no column */
	int col = 1;
	if (x->last_line == (int)(lo + 1) && x->last_offset >= start &&
	    x->last_offset <= offset) {
		start = x->last_offset; /* go on from the last count */
		col = x->last_column;
	}
	for (size_t i = start; i < offset; i++)
		if (((unsigned char)x->buf[i] & 0xC0) != 0x80)
			col++;
	*line = (int)(lo + 1);
	*column = col;
	/* The cache is not part of the document's value: x is never a const
	 * object, only const to the callers that ask for positions. */
	struct xdoc *cache = (struct xdoc *)x;
	cache->last_offset = offset;
	cache->last_line = *line;
	cache->last_column = col;
}

static const struct elem_pos *node_epos(const struct xdoc *x, xmlNodePtr node)
{
	while (node && node->type != XML_ELEMENT_NODE)
		node = node->parent;
	if (!node)
		return NULL;
	intptr_t i = (intptr_t)node->_private;
	if (i <= 0 || (size_t)i > x->n_pos)
		return NULL;
	return &x->pos[i - 1];
}

void xdoc_node_pos(const struct xdoc *x, xmlNodePtr node, int *line, int *column)
{
	const struct elem_pos *ep = node_epos(x, node);
	if (ep) {
		*line = ep->line;
		*column = ep->column;
	} else {
		*line = *column = 0;
	}
}

static bool is_name_char(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	       c == ':';
}

/* Scans the start tag at ep for ` name=`, skipping quoted values. */
void xdoc_attr_pos(const struct xdoc *x, xmlNodePtr node, const char *name,
		   int *line, int *column)
{
	const struct elem_pos *ep = node_epos(x, node);
	if (!ep) {
		*line = *column = 0;
		return;
	}
	*line = ep->line;
	*column = ep->column;
	size_t nlen = strlen(name);
	const char *s = x->buf;
	size_t i = ep->offset + 1;
	while (i < x->len && is_name_char((unsigned char)s[i]))
		i++; /* the element's name */
	while (i < x->len && s[i] != '>') {
		char c = s[i];
		if (c == '"' || c == '\'') {
			const char *q = memchr(s + i + 1, c, x->len - i - 1);
			if (!q)
				return;
			i = (size_t)(q - s) + 1;
			continue;
		}
		if (is_name_char((unsigned char)c)) {
			size_t b = i;
			while (i < x->len && is_name_char((unsigned char)s[i]))
				i++;
			if (i - b == nlen && memcmp(s + b, name, nlen) == 0) {
				/* counted from the tag's own start, which is
				 * known: not from the start of its line, which
				 * may be megabytes away */
				for (size_t k = ep->offset; k < b; k++) {
					if (s[k] == '\n') {
						++*line;
						*column = 1;
					} else if (((unsigned char)s[k] & 0xC0) != 0x80) {
						++*column;
					}
				}
				return;
			}
			continue;
		}
		i++;
	}
}

/* ---- reading ------------------------------------------------------------ */

static int read_bytes(struct xdoc *x)
{
	/* O_NONBLOCK, and regular files only: a plan may name its actuals and
	 * PDCA files, and "/dev/stdin", "/dev/tty" or a FIFO there would
	 * otherwise block shiryo for ever (found by review for issue 8). */
	char why[256];
	int fd = infile_open(x->path, why, sizeof why);
	if (fd < 0) {
		xdoc_problem_at(x, DIAG_ERROR, 0, 0, "%s%s",
				fd == -1 ? "cannot open the file: " : "", why);
		return -1;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		xdoc_problem_at(x, DIAG_ERROR, 0, 0, "cannot open the file: %s",
				strerror(errno));
		close(fd);
		return -1;
	}
	size_t cap = 65536, len = 0;
	char *buf = xrealloc(NULL, cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap > XDOC_MAX_BYTES)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	int failed = ferror(f);
	fclose(f);
	if (failed) {
		xdoc_problem_at(x, DIAG_ERROR, 0, 0, "cannot read the file");
		free(buf);
		return -1;
	}
	if (len > XDOC_MAX_BYTES) {
		xdoc_problem_at(x, DIAG_ERROR, 0, 0,
				"file too large: more than %zu MiB (a plan is far smaller)",
				XDOC_MAX_BYTES >> 20);
		free(buf);
		return -1;
	}
	buf[len] = '\0';
	x->buf = buf;
	x->len = len;
	return 0;
}

static void index_lines(struct xdoc *x)
{
	size_t n = 1;
	for (size_t i = 0; i < x->len; i++)
		n += x->buf[i] == '\n';
	x->line_starts = xreallocarray(NULL, n, sizeof *x->line_starts);
	x->line_starts[0] = 0;
	size_t k = 1;
	for (size_t i = 0; i < x->len; i++)
		if (x->buf[i] == '\n')
			x->line_starts[k++] = i + 1;
	x->n_lines = n;
}

/* Length of the UTF-8 sequence at s (at most n bytes), or 0 if invalid:
 * overlong forms, surrogates and values past U+10FFFF are refused. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned min;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	unsigned cp = c & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

static int check_utf8(struct xdoc *x)
{
	const unsigned char *s = (const unsigned char *)x->buf;
	for (size_t i = 0; i < x->len;) {
		int line, col;
		if (s[i] == 0) {
			xdoc_offset_pos(x, i, &line, &col);
			xdoc_problem_at(x, DIAG_ERROR, line, col,
					"NUL byte in the file: it must be UTF-8 text "
					"(not UTF-16 or binary)");
			return -1;
		}
		size_t n = utf8_len(s + i, x->len - i);
		if (n == 0) {
			xdoc_offset_pos(x, i, &line, &col);
			xdoc_problem_at(x, DIAG_ERROR, line, col,
					"invalid UTF-8 (byte 0x%02X): the file must be "
					"UTF-8, not Shift_JIS or UTF-16", s[i]);
			return -1;
		}
		i += n;
	}
	return 0;
}

/* Where the text s..end first holds the string t (of n bytes), or NULL. */
static const char *find(const char *s, const char *end, const char *t, size_t n)
{
	for (; (size_t)(end - s) >= n; s++)
		if (*s == *t && memcmp(s, t, n) == 0)
			return s;
	return NULL;
}

/* Refuses a start tag with more than XDOC_MAX_ATTRIBUTES attributes before
 * libxml2 sees it (see load_int.h for why).  No tokenizer is needed:
 * in well-formed XML every '<' outside comments, CDATA sections and
 * processing instructions starts a tag, no '<' occurs inside one, and an
 * '=' outside quotes inside a start tag joins an attribute to its value.
 * Malformed input may be counted wrongly; the parser then says what is
 * wrong with it.  One pass: p only moves forward. */
static int check_attribute_counts(struct xdoc *x)
{
	const char *s = x->buf, *end = x->buf + x->len, *p = s;
	while ((p = memchr(p, '<', (size_t)(end - p)))) {
		const char *tag = p++;
		if (p < end && (*p == '!' || *p == '?')) {
			const char *close;
			if (end - p >= 3 && memcmp(p, "!--", 3) == 0)
				close = find(p + 3, end, "-->", 3);
			else if (end - p >= 8 && memcmp(p, "![CDATA[", 8) == 0)
				close = find(p + 8, end, "]]>", 3);
			else if (*p == '?')
				close = find(p + 1, end, "?>", 2);
			else
				close = memchr(p, '>', (size_t)(end - p)); /* DOCTYPE */
			if (!close)
				return 0; /* unterminated: the parser will say */
			p = close;
			continue;
		}
		size_t n = 0;
		char quote = 0;
		for (; p < end; p++) {
			if (quote) {
				if (*p == quote)
					quote = 0;
			} else if (*p == '"' || *p == '\'') {
				quote = *p;
			} else if (*p == '=') {
				n++;
			} else if (*p == '>' || *p == '<') {
				break;
			}
		}
		if (n > XDOC_MAX_ATTRIBUTES) {
			int line, col;
			xdoc_offset_pos(x, (size_t)(tag - s), &line, &col);
			xdoc_problem_at(x, DIAG_ERROR, line, col,
					"element with more than %d attributes",
					XDOC_MAX_ATTRIBUTES);
			return -1;
		}
	}
	return 0;
}

/* The XML declaration may name an encoding; only UTF-8 is read (the bytes
 * were checked as UTF-8, and positions are counted in them). */
static int check_declared_encoding(struct xdoc *x)
{
	size_t start = x->len >= 3 && memcmp(x->buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (x->len - start < 6 || memcmp(x->buf + start, "<?xml", 5) != 0)
		return 0;
	const char *end = strstr(x->buf + start, "?>");
	if (!end)
		return 0; /* the parser will say */
	const char *e = strstr(x->buf + start, "encoding");
	if (!e || e > end)
		return 0;
	const char *q = e + 8;
	while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n' || *q == '='))
		q++;
	if (q >= end || (*q != '"' && *q != '\''))
		return 0;
	const char *v = q + 1;
	const char *ve = memchr(v, *q, (size_t)(end - v));
	if (!ve)
		return 0;
	size_t n = (size_t)(ve - v);
	if ((n == 5 && strncasecmp(v, "UTF-8", 5) == 0) ||
	    (n == 4 && strncasecmp(v, "UTF8", 4) == 0))
		return 0;
	int line, col;
	xdoc_offset_pos(x, (size_t)(e - x->buf), &line, &col);
	xdoc_problem_at(x, DIAG_ERROR, line, col,
			"encoding '%.*s' is not supported: shiryo reads UTF-8 only",
			(int)(n > 40 ? 40 : n), v);
	return -1;
}

/* ---- the parser's callbacks --------------------------------------------- */

static void record_error(struct xdoc *x, xmlParserCtxtPtr ctxt, const xmlError *e)
{
	if (x->stopped || !e)
		return;
	int line = e->line, col = e->int2;
	if (line <= 0 && ctxt) {
		long off = xmlByteConsumed(ctxt);
		if (off >= 0)
			xdoc_offset_pos(x, (size_t)off, &line, &col);
	}
	char msg[512];
	if (e->code == XML_ERR_TAG_NAME_MISMATCH && e->str1 && e->str2)
		snprintf(msg, sizeof msg, "end tag </%s> does not match <%s> (opened at line %d)",
			 e->str2, e->str1, e->int1);
	else if (e->code == XML_ERR_TAG_NOT_FINISHED && e->str1)
		snprintf(msg, sizeof msg, "file ends inside <%s> (opened at line %d): "
			 "truncated?", e->str1, e->int1);
	else
		snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
	msg[strcspn(msg, "\n")] = '\0';
	xdoc_problem_at(x, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR,
			line, col, "%s", msg);
}

static void on_parse_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	record_error(ctxt->_private, ctxt, e);
}

static void on_stray_error(void *data, xmlErrorPtr e)
{
	record_error(data, NULL, e);
}

static void stop(xmlParserCtxtPtr ctxt)
{
	struct xdoc *x = ctxt->_private;
	xmlStopParser(ctxt);
	x->stopped = true;
}

/* Byte offset of the parser's current position. */
static size_t here(const struct xdoc *x, xmlParserCtxtPtr ctxt)
{
	long off = xmlByteConsumed(ctxt);
	if (off < 0 || (size_t)off > x->len)
		return x->len;
	return (size_t)off;
}

static void on_start_element(void *ctx, const xmlChar *localname,
			     const xmlChar *prefix, const xmlChar *uri,
			     int nb_namespaces, const xmlChar **namespaces,
			     int nb_attributes, int nb_defaulted,
			     const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xdoc *x = ctxt->_private;
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
			      namespaces, nb_attributes, nb_defaulted, attributes);
	xmlNodePtr node = ctxt->node;
	if (!node || node->type != XML_ELEMENT_NODE || node->_private)
		return;
	/* The parser stands at the end of the start tag; no '<' can occur
	 * inside it (attribute values may not contain one), so the last '<'
	 * before here is where the tag begins. */
	size_t off = here(x, ctxt);
	while (off > 0 && x->buf[off] != '<')
		off--;
	if (x->n_pos == x->alloc_pos) {
		x->alloc_pos = x->alloc_pos ? 2 * x->alloc_pos : 256;
		x->pos = xreallocarray(x->pos, x->alloc_pos, sizeof *x->pos);
	}
	struct elem_pos *ep = &x->pos[x->n_pos++];
	ep->offset = off;
	xdoc_offset_pos(x, off, &ep->line, &ep->column);
	node->_private = (void *)(intptr_t)x->n_pos;
	if (ctxt->nodeNr > XDOC_MAX_DEPTH) {
		xdoc_problem_at(x, DIAG_ERROR, ep->line, ep->column,
				"elements nested deeper than %d levels", XDOC_MAX_DEPTH);
		stop(ctxt);
	} else if (x->n_pos > XDOC_MAX_ELEMENTS) {
		xdoc_problem_at(x, DIAG_ERROR, ep->line, ep->column,
				"more than %d elements (a plan has a few thousand)",
				XDOC_MAX_ELEMENTS);
		stop(ctxt);
	}
}

static void refuse_dtd(xmlParserCtxtPtr ctxt)
{
	struct xdoc *x = ctxt->_private;
	if (x->stopped)
		return;
	size_t off = here(x, ctxt);
	size_t at = off;
	for (size_t i = off; i-- > 0;)
		if (x->buf[i] == '<' && strncmp(x->buf + i, "<!DOCTYPE", 9) == 0) {
			at = i;
			break;
		}
	int line, col;
	xdoc_offset_pos(x, at, &line, &col);
	xdoc_problem_at(x, DIAG_ERROR, line, col,
			"DOCTYPE declaration not allowed: a shiryo file uses no DTD "
			"and no entities");
	stop(ctxt);
}

static void on_internal_subset(void *ctx, const xmlChar *name,
			       const xmlChar *external_id, const xmlChar *system_id)
{
	(void)name, (void)external_id, (void)system_id;
	refuse_dtd(ctx);
}

/* Never reached while internalSubset stops the parser; kept as a second
 * lock should libxml2 ever report declarations first. */
static void on_entity_decl(void *ctx, const xmlChar *name, int type,
			   const xmlChar *public_id, const xmlChar *system_id,
			   xmlChar *content)
{
	(void)name, (void)type, (void)public_id, (void)system_id, (void)content;
	refuse_dtd(ctx);
}

/* ---- xdoc_read ----------------------------------------------------------- */

int xdoc_read(struct xdoc *x, const char *path)
{
	memset(x, 0, sizeof *x);
	x->path = path;
	if (read_bytes(x) != 0)
		return -1;
	index_lines(x);
	if (check_utf8(x) != 0 || check_declared_encoding(x) != 0 ||
	    check_attribute_counts(x) != 0)
		return -1;
	if (x->len == 0) {
		xdoc_problem_at(x, DIAG_ERROR, 0, 0, "empty file");
		return -1;
	}

	xmlStructuredErrorFunc saved_fn = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(x, on_stray_error);

	int rc = -1;
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(x->buf, (int)x->len);
	if (!ctxt) {
		xdoc_problem_at(x, DIAG_ERROR, 0, 0, "cannot start the XML parser");
		goto out;
	}
	/* No NOENT, DTDLOAD, DTDATTR or HUGE: nothing is fetched or expanded.
	 * IGNORE_ENC: the bytes are UTF-8 (checked above), whatever the
	 * declaration says (also checked above). */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA |
					XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES);
	ctxt->_private = x;
	ctxt->sax->startElementNs = on_start_element;
	ctxt->sax->internalSubset = on_internal_subset;
	ctxt->sax->entityDecl = on_entity_decl;
	ctxt->sax->serror = on_parse_error;
	ctxt->sax->error = NULL;
	ctxt->sax->warning = NULL;

	xmlParseDocument(ctxt);
	xmlDocPtr doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	bool ok = ctxt->wellFormed && !x->stopped && doc && xmlDocGetRootElement(doc);
	if (ok) {
		x->doc = doc;
		rc = 0;
	} else {
		xmlFreeDoc(doc);
		bool any = false;
		for (size_t i = 0; i < x->n_problems; i++)
			any |= x->problems[i].severity == DIAG_ERROR;
		if (!any)
			xdoc_problem_at(x, DIAG_ERROR, 0, 0, "not a well-formed XML document");
	}
	xmlFreeParserCtxt(ctxt);
out:
	xmlSetStructuredErrorFunc(saved_ctx, saved_fn);
	return rc;
}

void xdoc_release(struct xdoc *x)
{
	if (x->doc)
		xmlFreeDoc(x->doc);
	for (size_t i = 0; i < x->n_problems; i++) {
		free(x->problems[i].attr);
		free(x->problems[i].elem);
		free(x->problems[i].message);
	}
	free(x->problems);
	free(x->pos);
	free(x->line_starts);
	free(x->buf);
	memset(x, 0, sizeof *x);
}

/* ---- describing elements ------------------------------------------------ */

static const char *id_of(xmlNodePtr n)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, "id") == 0 &&
		    a->children && a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

/* "past-result" -> "past result" */
static void kind_name(const xmlChar *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s", (const char *)name);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = ' ';
}

char *xdoc_describe(xmlNodePtr node, char *buf, size_t size)
{
	char kind[64];
	if (!node || node->type != XML_ELEMENT_NODE) {
		snprintf(buf, size, "the document");
		return buf;
	}
	const char *id = id_of(node);
	if (id && node->parent && node->parent->type == XML_ELEMENT_NODE) {
		kind_name(node->name, kind, sizeof kind);
		snprintf(buf, size, "%s '%.80s'", kind, id);
		return buf;
	}
	for (xmlNodePtr a = node->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
		/* the root's id names the whole file: no help in locating */
		if (!a->parent || a->parent->type != XML_ELEMENT_NODE)
			break;
		const char *aid = id_of(a);
		if (aid) {
			kind_name(a->name, kind, sizeof kind);
			snprintf(buf, size, "<%s> of %s '%.80s'", (const char *)node->name,
				 kind, aid);
			return buf;
		}
	}
	snprintf(buf, size, "<%s>", (const char *)node->name);
	return buf;
}

/* ---- flushing ----------------------------------------------------------- */

static bool in_subtree(xmlNodePtr n, xmlNodePtr root)
{
	for (; n; n = n->parent)
		if (n == root)
			return true;
	return false;
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Does check q explain schema problem p?  A check that finds attribute a of
 * node n wrong stands for the schema's complaints about a on n; one that
 * finds child element e of n missing or wrong stands for the schema's
 * complaints about e on n or on n's children. */
static bool explains(const struct problem *q, const struct problem *p)
{
	if (q->kind != PROBLEM_CHECK || !q->node || !p->node)
		return false;
	if (q->attr && q->node == p->node && same(q->attr, p->attr))
		return true;
	if (q->elem && (q->node == p->node || q->node == p->node->parent) &&
	    (same(q->elem, p->elem) || same(q->elem, (const char *)p->node->name)))
		return true;
	return false;
}

static int cmp_problem(const void *a, const void *b)
{
	const struct problem *p = a, *q = b;
	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	if (p->column != q->column)
		return p->column < q->column ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

size_t xdoc_flush(struct xdoc *x, struct diag_list *dg)
{
	struct problem *ps = x->problems;
	size_t n = x->n_problems;

	for (size_t i = 0; i < n; i++) {
		struct problem *p = &ps[i];
		if (p->kind < PROBLEM_RNG)
			continue;
		for (size_t j = 0; j < n && !p->dropped; j++) {
			const struct problem *q = &ps[j];
			if (j == i || q->dropped)
				continue;
			if (explains(q, p))
				p->dropped = true;
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct problem *p = &ps[i];
		if (p->dropped || p->kind != PROBLEM_RNG_VALUE)
			continue;
		for (size_t j = 0; j < n && !p->dropped; j++)
			if (ps[j].kind == PROBLEM_CHECK && ps[j].severity == DIAG_ERROR &&
			    ps[j].node == p->node)
				p->dropped = true;
	}
	/* "invalid content in <x>" when anything more precise is known about
	 * x or its descendants; "expected <a>, found <b>" when anything else
	 * went wrong under the same parent (libxml2 then reports the branch
	 * it tried last, which is rarely the point). */
	for (size_t i = 0; i < n; i++) {
		struct problem *p = &ps[i];
		if (p->dropped || !p->node ||
		    (p->kind != PROBLEM_RNG_GENERIC && p->kind != PROBLEM_RNG_CASCADE))
			continue;
		xmlNodePtr root = p->kind == PROBLEM_RNG_GENERIC ? p->node : p->node->parent;
		for (size_t j = 0; j < n && !p->dropped; j++) {
			const struct problem *q = &ps[j];
			if (j == i || q->dropped || !q->node || q->severity != DIAG_ERROR)
				continue;
			if (q->kind == PROBLEM_RNG_GENERIC)
				continue;
			if (p->kind == PROBLEM_RNG_CASCADE && q->kind == PROBLEM_RNG_CASCADE)
				continue;
			if (p->kind == PROBLEM_RNG_CASCADE && q->kind == PROBLEM_CHECK &&
			    !q->attr && !q->elem)
				continue;
			if (in_subtree(q->node, root))
				p->dropped = true;
		}
	}
	/* the same message at the same place once */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i && !ps[i].dropped; j++)
			if (!ps[j].dropped && ps[j].line == ps[i].line &&
			    ps[j].column == ps[i].column &&
			    strcmp(ps[j].message, ps[i].message) == 0)
				ps[i].dropped = true;

	if (n > 1)
		qsort(ps, n, sizeof *ps, cmp_problem);
	size_t errors = 0;
	for (size_t i = 0; i < n; i++) {
		if (ps[i].dropped)
			continue;
		diag_add(dg, ps[i].severity, x->path, ps[i].line, ps[i].column, "%s",
			 ps[i].message);
		errors += ps[i].severity == DIAG_ERROR;
	}
	if (x->dropped_problems) {
		/* counted as an error: some of those not shown surely are */
		diag_add(dg, DIAG_ERROR, x->path, 0, 0,
			 "too many problems: the rest are not reported");
		errors++;
		x->dropped_problems = 0;
	}
	for (size_t i = 0; i < n; i++) {
		free(ps[i].attr);
		free(ps[i].elem);
		free(ps[i].message);
	}
	x->n_problems = 0;
	return errors;
}

/* ---- sorting diagnostics ------------------------------------------------- */

struct ranked {
	struct diag d;
	size_t seq;
};

static int cmp_ranked(const void *a, const void *b)
{
	const struct ranked *p = a, *q = b;
	if (p->d.line != q->d.line)
		return p->d.line < q->d.line ? -1 : 1;
	if (p->d.column != q->d.column)
		return p->d.column < q->d.column ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

void load_diag_sort_move(struct diag_list *dst, struct diag_list *src)
{
	size_t n = src->count;
	if (n > 1) {
		struct ranked *r = xreallocarray(NULL, n, sizeof *r);
		for (size_t i = 0; i < n; i++)
			r[i] = (struct ranked){src->items[i], i};
		qsort(r, n, sizeof *r, cmp_ranked);
		for (size_t i = 0; i < n; i++)
			src->items[i] = r[i].d;
		free(r);
	}
	diag_list_move(dst, src);
}

/* pdf_pack.c - the file as it is written: libharu's PDF with its
 * dictionaries packed into compressed object streams and a cross-reference
 * stream (PDF 1.5; ISO 32000-1, 7.5.7 and 7.5.8).
 *
 * libharu 2.3.0 writes every object on its own, uncompressed, one key a
 * line, with a 20-byte cross-reference entry each.  A tagged report has
 * thousands of small objects (one StructElem per heading, paragraph and
 * table cell: 2,574 in the city's annual report), and they were about a
 * third of its bytes (issue 19).  Here the saved file is read back through
 * its own cross-reference table (libharu's layout, checked as it is read):
 *  - every object that is not a stream goes, with the blanks its syntax
 *    does not need left out, into an object stream of up to OBJSTM_MAX
 *    objects, compressed on the deflate pool;
 *  - streams (page contents, fonts, XMP, ICC) stay as libharu wrote them:
 *    a stream cannot be in an object stream, and they are compressed
 *    already (the XMP is kept readable, as PDF/A wants);
 *  - the cross-reference table and trailer become one cross-reference
 *    stream (PNG "Up" predictor: the offsets differ little row to row).
 * Object numbers do not change, so no reference is rewritten.  The
 * trailer keys (/Root, /Info, /ID) are copied into the stream's
 * dictionary; pdfa_finish() still finds the /ID placeholder after
 * startxref.  PDF/A-1 forbids both structures; the archive grade is
 * PDF/A-2b, which allows them (pdfa.c says why).
 * What libharu wrote is used as is when it is not laid out as expected
 * (never seen; the file is then valid, only larger).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "render_int.h"

/* Objects per object stream.  A reader inflates a whole object stream to
 * reach one object in it; 200 StructElems are about 8 KB.  Measured on
 * the city's annual report: 1,000 a stream saves 1 % more. */
#define OBJSTM_MAX 200

struct obj {
	size_t off, end; /* "N 0 obj" .. past "endobj" and its EOL */
	size_t body, body_end; /* the value (or dictionary and stream) */
	bool stream;
};

/* Character classes of PDF syntax (ISO 32000-1, 7.2.2); 0 is regular. */
enum { REGULAR, WHITE, DELIM };
static const unsigned char class_of[256] = {
	[0] = WHITE, ['\t'] = WHITE, ['\n'] = WHITE, ['\f'] = WHITE,
	['\r'] = WHITE, [' '] = WHITE,
	['('] = DELIM, [')'] = DELIM, ['<'] = DELIM, ['>'] = DELIM,
	['['] = DELIM, [']'] = DELIM, ['{'] = DELIM, ['}'] = DELIM,
	['/'] = DELIM, ['%'] = DELIM,
};

static bool is_white(unsigned char c)
{
	return class_of[c] == WHITE;
}

/* The decimal number at p (at most end), or -1. */
static long long read_num(const unsigned char *p, const unsigned char *end,
			  const unsigned char **after)
{
	long long v = 0;
	const unsigned char *s = p;
	while (p < end && *p >= '0' && *p <= '9' && v < (1LL << 50))
		v = v * 10 + (*p++ - '0');
	if (after)
		*after = p;
	return p == s ? -1 : v;
}

static const unsigned char *find(const unsigned char *from,
				 const unsigned char *end, const char *s)
{
	size_t n = strlen(s);
	for (const unsigned char *p = from; p + n <= end; p++)
		if (*p == (unsigned char)s[0] && memcmp(p, s, n) == 0)
			return p;
	return NULL;
}

static const unsigned char *find_last(const unsigned char *from,
				      const unsigned char *end, const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(end - from) < n)
		return NULL;
	for (const unsigned char *p = end - n + 1; p-- > from;)
		if (memcmp(p, s, n) == 0)
			return p;
	return NULL;
}

/* Appends the PDF value in[0..n) to b without the white space its syntax
 * does not need: a blank stays only between two regular characters
 * ("0 R", "1 0 R").  Strings are copied as they are; runs without white
 * space are copied whole. */
static void put_compact(struct pdf_buf *b, const unsigned char *in, size_t n)
{
	bool prev_regular = false;
	size_t i = 0;
	while (i < n) {
		if (class_of[in[i]] == WHITE) {
			while (i < n && class_of[in[i]] == WHITE)
				i++;
			if (i < n && prev_regular && class_of[in[i]] == REGULAR)
				pdf_buf_put_n(b, " ", 1);
			continue;
		}
		size_t s = i;
		while (i < n && class_of[in[i]] != WHITE) {
			unsigned char c = in[i];
			if (c == '(') { /* literal string: nesting and escapes */
				int depth = 1;
				for (i++; i < n && depth > 0; i++) {
					if (in[i] == '\\')
						i++;
					else if (in[i] == '(')
						depth++;
					else if (in[i] == ')')
						depth--;
				}
				if (i > n)
					i = n;
			} else if (c == '<' && !(i + 1 < n && in[i + 1] == '<')) {
				/* hex string: libharu writes no blanks in it */
				while (i < n && in[i] != '>')
					i++;
				i += i < n;
			} else {
				i++;
			}
		}
		pdf_buf_put_n(b, (const char *)in + s, i - s);
		prev_regular = class_of[in[i - 1]] == REGULAR;
	}
}

/* Reads libharu's cross-reference table and finds every object; false
 * when the file is not laid out as libharu writes it. */
static bool read_objects(const unsigned char *d, size_t len, struct obj **objs,
			 size_t *n_objs, size_t *xref_at, size_t *trailer_at,
			 size_t *trailer_end)
{
	const unsigned char *end = d + len;
	const unsigned char *sx = find_last(d, end, "startxref");
	if (!sx)
		return false;
	const unsigned char *p = sx + 9;
	while (p < end && is_white(*p))
		p++;
	long long x = read_num(p, end, NULL);
	if (x < 0 || (size_t)x >= len || memcmp(d + x, "xref", 4) != 0)
		return false;
	p = d + x + 4;
	while (p < end && is_white(*p))
		p++;
	if (read_num(p, end, &p) != 0 || p >= end || *p != ' ')
		return false;
	long long n = read_num(p + 1, end, &p);
	if (n < 1 || n > (1LL << 23))
		return false;
	while (p < end && is_white(*p))
		p++;
	if ((size_t)(end - p) < (size_t)n * 20)
		return false;
	struct obj *o = xcalloc((size_t)n, sizeof *o);
	const unsigned char *table = p;
	for (long long i = 1; i < n; i++) {
		const unsigned char *e = table + 20 * i;
		long long off = read_num(e, e + 10, NULL);
		if (off < 0 || memcmp(e + 10, " 00000 n", 8) != 0 || (size_t)off >= (size_t)x)
			goto fail;
		o[i].off = (size_t)off;
	}
	/* libharu writes the objects in number order: each ends where the
	 * next begins, the last before the table */
	for (long long i = 1; i < n; i++) {
		size_t next = i + 1 < n ? o[i + 1].off : (size_t)x;
		if (next <= o[i].off)
			goto fail;
		char head[32];
		int hl = snprintf(head, sizeof head, "%lld 0 obj", i);
		if (memcmp(d + o[i].off, head, (size_t)hl) != 0)
			goto fail;
		const unsigned char *b = d + o[i].off + hl;
		const unsigned char *eo = find_last(b, d + next, "endobj");
		if (!eo)
			goto fail;
		o[i].end = next;
		o[i].body = (size_t)(b - d);
		o[i].body_end = (size_t)(eo - d);
		const unsigned char *t = eo;
		while (t > b && is_white(t[-1]))
			t--;
		o[i].stream = t - b >= 9 && memcmp(t - 9, "endstream", 9) == 0;
	}
	const unsigned char *tr = find(table + 20 * n, end, "trailer");
	const unsigned char *open = tr ? find(tr, end, "<<") : NULL;
	const unsigned char *close = open ? find_last(open, sx, ">>") : NULL;
	if (!close)
		goto fail;
	*objs = o;
	*n_objs = (size_t)n;
	*xref_at = (size_t)x;
	*trailer_at = (size_t)(open + 2 - d);
	*trailer_end = (size_t)(close - d);
	return true;
fail:
	free(o);
	return false;
}

/* The trailer's keys but /Size, compacted, for the cross-reference
 * stream's dictionary. */
static void put_trailer_keys(struct pdf_buf *b, const unsigned char *t, size_t n)
{
	struct pdf_buf c = {0};
	put_compact(&c, t, n);
	char *s = c.p ? strstr(c.p, "/Size") : NULL;
	if (s) {
		char *e = s + 5;
		while (*e == ' ')
			e++;
		while (*e >= '0' && *e <= '9')
			e++;
		memmove(s, e, strlen(e) + 1);
		c.len -= (size_t)(e - s);
	}
	if (c.p)
		pdf_buf_put_n(b, c.p, c.len);
	free(c.p);
}

static void put_u(unsigned char *p, unsigned long long v, int bytes)
{
	for (int i = bytes; i-- > 0; v >>= 8)
		p[i] = (unsigned char)(v & 0xFF);
}

__attribute__((format(printf, 2, 3))) static void
put_fmt(struct pdf_buf *b, const char *fmt, ...)
{
	char s[128];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(s, sizeof s, fmt, ap);
	va_end(ap);
	pdf_buf_put_n(b, s, n < 0 ? 0 : (size_t)n);
}

/* Appends a stream object: number num, dictionary keys dict, data. */
static void put_stream_obj(struct pdf_buf *b, size_t num, const char *dict,
			   const unsigned char *data, size_t len)
{
	put_fmt(b, "%zu 0 obj\n<<", num);
	pdf_buf_put(b, dict);
	put_fmt(b, "/Length %zu>>\nstream\n", len);
	pdf_buf_put_n(b, (const char *)data, len);
	pdf_buf_put(b, "\nendstream\nendobj\n");
}

bool pdf_pack(struct pdf_ctx *ctx, struct pdf_bytes *io)
{
	const unsigned char *d = io->data;
	struct obj *o;
	size_t n, xref_at, tr_at, tr_end;
	if (!read_objects(d, io->len, &o, &n, &xref_at, &tr_at, &tr_end))
		return true; /* keep libharu's file: valid, only larger */

	/* the object streams, numbered after libharu's objects */
	size_t n_small = 0;
	for (size_t i = 1; i < n; i++)
		n_small += !o[i].stream;
	size_t n_stm = (n_small + OBJSTM_MAX - 1) / OBJSTM_MAX;
	struct pdf_buf *data = xcalloc(n_stm ? n_stm : 1, sizeof *data);
	struct pdf_zjob *z = xcalloc(n_stm ? n_stm : 1, sizeof *z);
	size_t *stm_of = xcalloc(n, sizeof *stm_of), *idx_of = xcalloc(n, sizeof *idx_of);
	struct pdf_buf head = {0}, body = {0};
	size_t k = 0, in_stm = 0;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && !o[i].stream) {
			char s[48];
			int sl = snprintf(s, sizeof s, "%zu %zu ", i, body.len);
			pdf_buf_put_n(&head, s, (size_t)sl);
			put_compact(&body, d + o[i].body, o[i].body_end - o[i].body);
			pdf_buf_put_n(&body, "\n", 1);
			stm_of[i] = n + k;
			idx_of[i] = in_stm++;
		}
		if (in_stm && (in_stm == OBJSTM_MAX || i == n)) {
			/* "/First" is where the objects start: the header */
			head.p[head.len - 1] = '\n';
			struct pdf_buf *s = &data[k];
			put_fmt(s, "/Type/ObjStm/N %zu/First %zu", in_stm, head.len);
			z[k].in_len = head.len + body.len;
			unsigned char *all = xmalloc(z[k].in_len);
			memcpy(all, head.p, head.len);
			memcpy(all + head.len, body.p, body.len);
			z[k].in = all;
			pdf_deflate_add(ctx->z, &z[k]);
			head.len = body.len = 0;
			in_stm = 0;
			k++;
		}
	}
	free(head.p);
	free(body.p);
	pdf_deflate_wait(ctx->z);

	/* the file: header, the streams as they were, the object streams,
	 * the cross-reference stream */
	struct pdf_buf out = {0};
	size_t total = n + n_stm + 1; /* /Size: the xref stream is the last */
	unsigned long long *off = xcalloc(total, sizeof *off);
	pdf_buf_put_n(&out, (const char *)d, o[1].off);
	bool ok = true;
	for (size_t i = 1; i < n; i++)
		if (o[i].stream) {
			off[i] = out.len;
			pdf_buf_put_n(&out, (const char *)d + o[i].off, o[i].end - o[i].off);
		}
	for (size_t s = 0; s < n_stm; s++) {
		ok &= z[s].ok;
		off[n + s] = out.len;
		pdf_buf_put(&data[s], "/Filter/FlateDecode");
		put_stream_obj(&out, n + s, data[s].p, z[s].out, z[s].out_len);
	}
	size_t x = total - 1;
	off[x] = out.len;
	int w2 = out.len < (1u << 24) ? 3 : 4;
	size_t cols = (size_t)(1 + w2 + 2);
	/* rows with the PNG Up predictor: a filter byte (2), then each byte
	 * less the one above it */
	unsigned char *rows = xcalloc(total, cols + 1), *prev = xcalloc(1, cols),
		      *cur = xmalloc(cols);
	for (size_t i = 0; i < total; i++) {
		if (i == 0) {
			put_u(cur, 0, 1);
			put_u(cur + 1, 0, w2);
			put_u(cur + 1 + w2, 0xFFFF, 2);
		} else if (i < n && !o[i].stream) {
			put_u(cur, 2, 1);
			put_u(cur + 1, stm_of[i], w2);
			put_u(cur + 1 + w2, idx_of[i], 2);
		} else {
			put_u(cur, 1, 1);
			put_u(cur + 1, off[i], w2);
			put_u(cur + 1 + w2, 0, 2);
		}
		unsigned char *r = rows + i * (cols + 1);
		r[0] = 2;
		for (size_t c = 0; c < cols; c++)
			r[c + 1] = (unsigned char)(cur[c] - prev[c]);
		memcpy(prev, cur, cols);
	}
	struct pdf_zjob xz = {.in = rows, .in_len = total * (cols + 1)};
	pdf_deflate_add(ctx->z, &xz);
	pdf_deflate_wait(ctx->z);
	ok &= xz.ok;
	struct pdf_buf xd = {0};
	put_fmt(&xd, "/Type/XRef/Size %zu/W[1 %d 2]", total, w2);
	put_trailer_keys(&xd, d + tr_at, tr_end - tr_at);
	put_fmt(&xd, "/Filter/FlateDecode/DecodeParms<</Columns %zu/Predictor 12>>",
		cols);
	put_stream_obj(&out, x, xd.p, xz.out, xz.out_len);
	put_fmt(&out, "startxref\n%llu\n%%%%EOF\n", off[x]);

	for (size_t s = 0; s < n_stm; s++) {
		free((void *)z[s].in);
		pdf_zjob_release(&z[s]);
		free(data[s].p);
	}
	pdf_zjob_release(&xz);
	free(xd.p);
	free(rows);
	free(prev);
	free(cur);
	free(off);
	free(z);
	free(data);
	free(stm_of);
	free(idx_of);
	free(o);
	if (!ok) {
		free(out.p);
		pdf_error(ctx, "cannot write '%s': cannot compress the object "
			  "streams", ctx->path);
		return false;
	}
	free(io->data);
	io->data = (unsigned char *)out.p;
	io->len = out.len;
	return true;
}

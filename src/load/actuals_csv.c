/* actuals_csv.c - yearly actuals from Excel CSV; the format and the rules
 * are in actuals_csv.h.
 *
 * The work is done in three passes over a private copy, so that nothing is
 * half-merged: decode (BOM, UTF-8 or CP932) → split into records and check
 * every row, collecting the resolved (measure, year, value) in a staging
 * array → merge the staging array only when no row had an error.
 */
#include "actuals_csv.h"

#include <errno.h>
#include <iconv.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "decimal.h"
#include "diag.h"
#include "fy.h"
#include "infile.h"
#include "load.h"
#include "load_int.h"
#include "plan.h"

/* One parsed row, waiting to be merged. */
struct staged {
	struct measure *m;
	int fy;
	bool known;
	struct decimal value;
	int row;
	int column; /* of the value's cell: the merge's warnings and notes are about it */
};

struct reader {
	struct plan *p;
	const char *name;
	struct diag_list *dg;
	size_t errors;

	const char *text;    /* the decoded text: text..end */
	const char *s, *end; /* the place being read, and the end */
	int row;             /* record number of the record being read */

	/* fields of the current record, each NUL-terminated in buf */
	char *buf;
	size_t buf_len, buf_alloc;
	size_t *starts;
	const char **at;     /* where each field's text starts in s (after a quote) */
	size_t n_fields, fields_alloc;
	bool too_long;       /* a field exceeded ACTUALS_CSV_MAX_FIELD */
	size_t long_field;   /* the first field that did */

	struct staged *rows;
	size_t n_rows, rows_alloc;

	/* When the rows come from a workbook (actuals_parse_table): the cell
	 * each field of the current row was read from, which messages name
	 * instead of a line and column. */
	const struct table_cell *cells;
};

static void vrow_error(struct reader *r, int row, int column, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
static void row_error(struct reader *r, int row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void cell_error(struct reader *r, int row, size_t i, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int field_column(const struct reader *r, size_t i);

static void vrow_error(struct reader *r, int row, int column, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *msg = xrealloc(NULL, n < 0 ? 1 : (size_t)n + 1);
	msg[0] = '\0';
	if (n >= 0)
		vsnprintf(msg, (size_t)n + 1, fmt, again);
	va_end(again);
	diag_add(r->dg, DIAG_ERROR, r->name, row, column, "%s", msg);
	free(msg);
	r->errors++;
}

/* An error about a row as a whole (its number of fields, a second row for
 * the same measure and year): FILE:ROW. */
static void row_error(struct reader *r, int row, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (r->cells) { /* a workbook: the row's first cell */
		const char *name = r->name;
		char *at = xrealloc(NULL, strlen(name) + strlen(r->cells[0].ref) + 2);
		sprintf(at, "%s:%s", name, r->cells[0].ref);
		r->name = at;
		vrow_error(r, 0, 0, fmt, ap);
		r->name = name;
		free(at);
	} else {
		vrow_error(r, row, 0, fmt, ap);
	}
	va_end(ap);
}

/* An error about field i of the record being read: FILE:ROW:COLUMN (see
 * field_column), so that an editor can go to the cell. */
static void cell_error(struct reader *r, int row, size_t i, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (r->cells) {
		const char *name = r->name;
		char *at = xrealloc(NULL, strlen(name) + strlen(r->cells[i].ref) + 2);
		sprintf(at, "%s:%s", name, r->cells[i].ref);
		r->name = at;
		vrow_error(r, 0, 0, fmt, ap);
		r->name = name;
		free(at);
	} else {
		vrow_error(r, row, field_column(r, i), fmt, ap);
	}
	va_end(ap);
}

/* A field quoted in a message: at most about 60 bytes, cut at a character
 * boundary, so that a 4 kB cell does not fill the terminal.  (Control
 * characters in it are diag_add()'s business: it shows them as '?'.) */
#define SHOWN 80
static const char *shorten(const char *s, char buf[SHOWN])
{
	size_t n = strlen(s);
	bool cut = n >= 64;
	if (cut) {
		n = 60;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	if (cut) {
		memcpy(buf + n, "…", strlen("…"));
		n += strlen("…");
	}
	buf[n] = '\0';
	return buf;
}

/* ---- decoding ------------------------------------------------------------ */

/* Strict UTF-8: no overlongs, no surrogates, nothing past U+10FFFF.
 * Returns n, or the offset of the first byte that is not UTF-8. */
static size_t utf8_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned min, cp;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2, min = 0x80, cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3, min = 0x800, cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4, min = 0x10000, cp = c & 0x07;
		} else {
			return i;
		}
		if (n - i < len)
			return i;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return n;
}

static int line_at(const char *s, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/* Converts CP932 to UTF-8 into a new malloc'd buffer; NULL after reporting
 * the file as neither encoding.  The message points at the place where the
 * encoding that got further broke: that is the one the file was meant to
 * be in, and the bad byte is most likely a typo there. */
static char *from_cp932(struct reader *r, const char *in, size_t n, size_t utf8_ok,
			size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1) {
		diag_add(r->dg, DIAG_ERROR, r->name, 0, 0,
			 "file is not UTF-8, and this system cannot convert from CP932 (%s)",
			 strerror(errno));
		r->errors++;
		return NULL;
	}
	/* CP932 → UTF-8 grows at most 3 times: a half-width katakana (ｶ) is
	 * one byte in CP932 and three in UTF-8.  (It was n * 3 / 2, and a
	 * file with many half-width katakana was refused as "not CP932".) */
	size_t alloc = n * 3 + 16;
	char *out = xrealloc(NULL, alloc + 1);
	char *ip = (char *)in, *op = out;
	size_t il = n, ol = alloc;
	size_t rc = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	if (rc == (size_t)-1) {
		size_t off = (size_t)(ip - in);
		bool utf8 = utf8_ok > off;
		if (utf8)
			off = utf8_ok;
		diag_add(r->dg, DIAG_ERROR, r->name, line_at(in, off), 0,
			 "file is neither UTF-8 nor Shift_JIS/CP932 (byte 0x%02X is not %s); "
			 "save it as CSV UTF-8 or CSV (Shift_JIS)",
			 (unsigned char)in[off], utf8 ? "UTF-8" : "CP932");
		r->errors++;
		free(out);
		return NULL;
	}
	*out_len = (size_t)(op - out);
	out[*out_len] = '\0';
	return out;
}

/* ---- splitting ----------------------------------------------------------- */

static void put(struct reader *r, char c)
{
	if (r->buf_len + 1 >= r->buf_alloc) {
		r->buf_alloc = r->buf_alloc ? r->buf_alloc * 2 : 256;
		r->buf = xrealloc(r->buf, r->buf_alloc);
	}
	r->buf[r->buf_len++] = c;
}

static void start_field(struct reader *r)
{
	if (r->n_fields == r->fields_alloc) {
		r->fields_alloc = r->fields_alloc ? r->fields_alloc * 2 : 8;
		r->starts = xreallocarray(r->starts, r->fields_alloc, sizeof *r->starts);
		r->at = xreallocarray(r->at, r->fields_alloc, sizeof *r->at);
	}
	r->at[r->n_fields] = r->s;
	r->starts[r->n_fields++] = r->buf_len;
}

static const char *field(const struct reader *r, size_t i)
{
	return r->buf + r->starts[i];
}

/* The column of field i of the current record, for FILE:ROW:COLUMN: where
 * its text starts after the blanks trim() drops, in characters (not bytes:
 * a CP932 file was converted, and an editor counts characters) from the
 * start of that line of the file.  That line is the row's own unless a
 * quoted field before it spans lines; the row stays the spreadsheet's. */
static int field_column(const struct reader *r, size_t i)
{
	const char *p = r->at[i];
	for (;;) {
		if (p < r->end && (*p == ' ' || *p == '\t'))
			p++;
		else if (r->end - p >= 3 && !memcmp(p, "\xE3\x80\x80", 3))
			p += 3;
		else if (r->end - p >= 2 && !memcmp(p, "\xC2\xA0", 2))
			p += 2;
		else
			break;
	}
	const char *line = p;
	while (line > r->text && line[-1] != '\n' && line[-1] != '\r')
		line--;
	int col = 1;
	for (const char *q = line; q < p; q++)
		if (((unsigned char)*q & 0xC0) != 0x80)
			col++;
	return col;
}

static char *trim(char *s);

/* Trims field i in place, so that field() gives it without blanks. */
static void trim_field(struct reader *r, size_t i)
{
	char *f = r->buf + r->starts[i];
	char *t = trim(f);
	if (t != f)
		memmove(f, t, strlen(t) + 1);
}

/* Reads one record into the field list.  Returns false at the end of the
 * text.  A field that grows past the limit stops being stored (too_long)
 * but is still consumed, so that the next record starts in the right place. */
static bool read_record(struct reader *r)
{
	if (r->s >= r->end)
		return false;
	r->buf_len = 0;
	r->n_fields = 0;
	r->too_long = false;
	int row = r->row;
	bool reported = false; /* one quoting message per record is enough */
	for (;;) {
		start_field(r);
		size_t len = 0;
		bool quoted = false, closed = false;
		if (r->s < r->end && *r->s == '"') {
			quoted = true;
			r->s++;
			r->at[r->n_fields - 1] = r->s;
		}
		while (r->s < r->end) {
			char c = *r->s;
			if (quoted && !closed) {
				if (c == '"') {
					if (r->s + 1 < r->end && r->s[1] == '"') {
						r->s++;
					} else {
						closed = true;
						r->s++;
						continue;
					}
				}
			} else if (c == ',' || c == '\n' || c == '\r') {
				break;
			} else if (closed && (c == ' ' || c == '\t')) {
				r->s++; /* blanks after the closing quote */
				continue;
			} else if (c == '"' || closed) {
				if (!reported)
					cell_error(r, row, r->n_fields - 1, "%s; quote the whole field (\"...\") and "
						  "double the quotes inside",
						  closed ? "text after a closing quote"
							 : "stray quote in a field");
				reported = true;
				closed = false; /* keep the text */
				quoted = false;
			}
			if (++len > ACTUALS_CSV_MAX_FIELD) {
				if (!r->too_long)
					r->long_field = r->n_fields - 1;
				r->too_long = true;
			} else {
				put(r, c);
			}
			r->s++;
		}
		if (quoted && !closed) {
			cell_error(r, row, r->n_fields - 1,
				   "quoted field is not closed before the end of the file");
		}
		put(r, '\0');
		trim_field(r, r->n_fields - 1);
		if (r->s >= r->end)
			break;
		char c = *r->s++;
		if (c == ',')
			continue;
		if (c == '\r' && r->s < r->end && *r->s == '\n')
			r->s++;
		break;
	}
	return true;
}

/* ---- field helpers ------------------------------------------------------- */

/* Trims ASCII blanks, U+3000 and U+00A0 from both ends, in place. */
static char *trim(char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, "\xE3\x80\x80", 3))
			s += 3;
		else if (!strncmp(s, "\xC2\xA0", 2))
			s += 2;
		else
			break;
	}
	size_t n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && !memcmp(s + n - 3, "\xE3\x80\x80", 3))
			n -= 3;
		else if (n >= 2 && !memcmp(s + n - 2, "\xC2\xA0", 2))
			n -= 2;
		else
			break;
	}
	s[n] = '\0';
	return s;
}

static bool ascii_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return *a == *b;
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* A spreadsheet formula written out as text (=SUM(...), +A1, -A1, @x):
 * shiryo evaluates nothing, and a CSV that carries formulas was not exported
 * as values. */
static bool is_formula(const char *s)
{
	if (*s == '=' || *s == '+' || *s == '@' || starts_with(s, "＝"))
		return true;
	if (*s == '-') {
		unsigned char c = (unsigned char)s[1];
		return c && !(c >= '0' && c <= '9') && c != '.' && c != ' ' &&
		       !starts_with(s + 1, "\xEF\xBC"); /* full-width digits */
	}
	return false;
}

/* ---- header -------------------------------------------------------------- */

enum column { COL_NONE, COL_INDICATOR, COL_YEAR, COL_VALUE, COL_NOTE, COL_EMPTY, COL_COUNT };

static enum column column_of(const char *name)
{
	static const struct {
		const char *name;
		enum column col;
	} names[] = {
		{"指標", COL_INDICATOR}, {"indicator", COL_INDICATOR},
		{"年度", COL_YEAR},      {"year", COL_YEAR},
		{"実績", COL_VALUE},     {"value", COL_VALUE},
		{"備考", COL_NOTE},      {"note", COL_NOTE},
	};
	if (!*name)
		return COL_EMPTY;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (ascii_ieq(name, names[i].name))
			return names[i].col;
	return COL_NONE;
}

/* Fills cols[] (one per header field) and the index of each known column.
 * Returns false after reporting what is wrong with the header. */
static bool read_header(struct reader *r, enum column **cols, size_t *n_cols, int idx[COL_COUNT])
{
	char shown[SHOWN];
	*n_cols = r->n_fields;
	*cols = xreallocarray(NULL, r->n_fields, sizeof **cols);
	for (int k = 0; k < COL_COUNT; k++)
		idx[k] = -1;
	bool ok = true;
	for (size_t i = 0; i < r->n_fields; i++) {
		char *name = trim(r->buf + r->starts[i]);
		enum column c = column_of(name);
		(*cols)[i] = c;
		if (c == COL_NONE) {
			cell_error(r, 1, i, "unknown column '%s'; the header is 指標,年度,実績 "
				  "(or indicator,year,value) and optionally 備考",
				  shorten(name, shown));
			ok = false;
		} else if (c != COL_EMPTY) {
			if (idx[c] >= 0) {
				cell_error(r, 1, i, "column '%s' appears twice in the header",
					  shorten(name, shown));
				ok = false;
			}
			idx[c] = (int)i;
		}
	}
	if (ok && (idx[COL_INDICATOR] < 0 || idx[COL_YEAR] < 0 || idx[COL_VALUE] < 0)) {
		row_error(r, 1, "the first row must be the header 指標,年度,実績 "
			  "(or indicator,year,value)");
		ok = false;
	}
	return ok;
}

/* ---- resolving a row ----------------------------------------------------- */

/* Whether text is "NAME" + separator + "PART". */
static bool names_part(const char *text, const char *name, const char *part)
{
	static const char *const seps[] = {"", " ", "　", "・", "：", ":", "/", "／", "-", "－"};
	size_t n = strlen(name);
	if (!name[0] || !part || !part[0] || strncmp(text, name, n))
		return false;
	const char *rest = text + n;
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		size_t k = strlen(seps[i]);
		if (!strncmp(rest, seps[i], k) && !strcmp(rest + k, part))
			return true;
	}
	/* NAME（PART） or NAME(PART) */
	static const char *const parens[][2] = {{"（", "）"}, {"(", ")"}};
	for (size_t i = 0; i < 2; i++) {
		size_t o = strlen(parens[i][0]), pl = strlen(part);
		if (!strncmp(rest, parens[i][0], o) && !strncmp(rest + o, part, pl) &&
		    !strcmp(rest + o + pl, parens[i][1]))
			return true;
	}
	return false;
}

/* The measure named by field col, or NULL after reporting why. */
static struct measure *resolve(struct reader *r, int row, size_t col)
{
	const char *text = field(r, col);
	char shown[SHOWN];
	struct plan *p = r->p;
	/* Ids first: they are unique and what an export from shiryo would use. */
	struct measure *by_id = plan_find_measure(p, text, NULL);
	if (by_id)
		return by_id;
	struct measure *found = NULL;
	const struct indicator *compound = NULL;
	size_t hits = 0;
	for (size_t i = 0; i < p->n_indicators; i++) {
		struct indicator *ind = &p->indicators[i];
		bool simple = ind->n_measures == 1 && ind->measures[0].id && ind->id &&
			      !strcmp(ind->measures[0].id, ind->id);
		if (ind->id && !strcmp(ind->id, text) && !simple) {
			compound = ind;
			continue;
		}
		if (ind->name && !strcmp(ind->name, text)) {
			if (simple) {
				if (found != &ind->measures[0])
					hits++;
				found = &ind->measures[0];
			} else {
				compound = ind;
			}
			continue;
		}
		if (simple)
			continue;
		for (size_t j = 0; j < ind->n_measures; j++) {
			struct measure *m = &ind->measures[j];
			if ((m->name && !strcmp(m->name, text)) ||
			    (ind->name && names_part(text, ind->name, m->name))) {
				if (found != m)
					hits++;
				found = m;
			}
		}
	}
	if (hits == 1 && found->id)
		return found;
	if (hits == 1) {
		cell_error(r, row, col, "indicator '%s' has no id to record its values under",
			  shorten(text, shown));
		return NULL;
	}
	if (hits > 1) {
		cell_error(r, row, col, "indicator name '%s' is ambiguous; use the indicator's id",
			  shorten(text, shown));
		return NULL;
	}
	if (compound) {
		char parts[512] = "";
		size_t n = 0;
		for (size_t j = 0; j < compound->n_measures && n < sizeof parts; j++) {
			const struct measure *m = &compound->measures[j];
			int w = snprintf(parts + n, sizeof parts - n, "%s'%s'", j ? ", " : "",
					 m->id ? m->id : (m->name ? m->name : "?"));
			if (w < 0)
				break;
			n += (size_t)w;
		}
		cell_error(r, row, col, "indicator '%s' has several parts; name one of them: %s",
			  shorten(text, shown), parts);
		return NULL;
	}
	cell_error(r, row, col, "no indicator '%s' in the plan (give its id or its exact name)",
		  shorten(text, shown));
	return NULL;
}

static bool parse_year(const char *text, int *fy)
{
	if (fy_parse(text, fy) == 0)
		return true;
	/* "2025年度", as a spreadsheet column often says */
	size_t n = strlen(text);
	const char *suffix = "年度";
	size_t k = strlen(suffix);
	if (n > k && n < 64 && !strcmp(text + n - k, suffix)) {
		char y[64];
		memcpy(y, text, n - k);
		y[n - k] = '\0';
		bool digits = true;
		for (size_t i = 0; i < n - k; i++)
			if (y[i] < '0' || y[i] > '9')
				digits = false;
		return digits && fy_parse(y, fy) == 0;
	}
	return false;
}

static bool is_percent(const char *u)
{
	return !strcmp(u, "％") || !strcmp(u, "%");
}

/* Whether suffix (the text after the number, trimmed) names unit. */
static bool unit_matches(const char *suffix, const char *unit)
{
	if (!*suffix || !strcmp(suffix, unit))
		return true;
	if (is_percent(suffix) && is_percent(unit))
		return true;
	/* "305人" for a unit "人/年" */
	static const char *const per_year[] = {"/年", "／年"};
	size_t su = strlen(suffix), un = strlen(unit);
	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(per_year[i]);
		if (un == su + k && !strncmp(unit, suffix, su) && !strcmp(unit + su, per_year[i]))
			return true;
	}
	return false;
}

/* Whether s, the text right after a number, starts with a point or a comma:
 * then it is no unit but the rest of a number written wrong. */
static bool continues_number(const char *s)
{
	return *s == '.' || *s == ',' || starts_with(s, "．") || starts_with(s, "，");
}

/* Parses a value cell.  Returns false after reporting. */
static bool parse_value(struct reader *r, int row, size_t col, const struct measure *m,
			bool *known, struct decimal *out)
{
	char *text = r->buf + r->starts[col];
	char shown[SHOWN];
	if (!*text) {
		*known = false;
		return true;
	}
	bool neg = false;
	char *s = text;
	if (starts_with(s, "▲") || starts_with(s, "△")) {
		neg = true;
		s = trim(s + strlen("▲"));
	}
	const char *end = NULL;
	enum decimal_status st = decimal_parse_prefix(s, out, &end);
	/* "12.3.4" is 12.3 followed by ".4", which is no unit: the number
	 * itself is wrong, and decimal_syntax_reason() says how. */
	if (st == DECIMAL_OK && continues_number(end))
		st = DECIMAL_SYNTAX;
	if (st != DECIMAL_OK) {
		const char *reason = decimal_syntax_reason(s);
		if (!strcmp(text, "－") || !strcmp(text, "―") || !strcmp(text, "-") ||
		    !strcmp(text, "ー") || !strcmp(text, "—"))
			cell_error(r, row, col, "value '%s' is not a number; leave the cell empty "
				   "for a value not yet known", shorten(text, shown));
		else if (st == DECIMAL_OVERFLOW)
			cell_error(r, row, col, "value '%s': %s", shorten(text, shown),
				   decimal_status_text(st));
		else if (reason)
			cell_error(r, row, col, "value '%s' is not a number; it %s",
				   shorten(text, shown), reason);
		else
			cell_error(r, row, col, "value '%s' is not a number", shorten(text, shown));
		return false;
	}
	if (neg) {
		if (out->units < 0) {
			cell_error(r, row, col, "value '%s' has two signs", shorten(text, shown));
			return false;
		}
		out->units = -out->units;
	}
	/* 1e9, 1.5E3: not how anyone writes actuals, but how Excel saves a
	 * number of many digits in a General column, rounded to what the cell
	 * shows.  Read as 1 with the unit 'e9' it made no sense. */
	char why[160];
	if (load_exponent(*out, end, why, sizeof why)) {
		cell_error(r, row, col, "value '%s' is %s (if Excel wrote it, format the "
			   "column as a number before saving, or digits may be lost)",
			   shorten(text, shown), why);
		return false;
	}
	char suffix[ACTUALS_CSV_MAX_FIELD + 1];
	snprintf(suffix, sizeof suffix, "%s", end);
	char *u = trim(suffix);
	if (!unit_matches(u, m->unit ? m->unit : "")) {
		cell_error(r, row, col, "value has unit '%s', but the indicator is measured in '%s'",
			  shorten(u, shown), m->unit ? m->unit : "");
		return false;
	}
	*known = true;
	return true;
}

static void stage(struct reader *r, struct measure *m, int fy, bool known,
		  struct decimal v, int row, int column)
{
	for (size_t i = 0; i < r->n_rows; i++) {
		if (r->rows[i].m == m && r->rows[i].fy == fy) {
			char year[32];
			if (fy_format(fy, FY_STYLE_SHORT, year, sizeof year) < 0)
				snprintf(year, sizeof year, "%d", fy);
			row_error(r, row, "duplicate row: '%s' in %s was already given in row %d",
				  m->id ? m->id : "?", year, r->rows[i].row);
			return;
		}
	}
	if (r->n_rows == r->rows_alloc) {
		r->rows_alloc = r->rows_alloc ? r->rows_alloc * 2 : 32;
		r->rows = xreallocarray(r->rows, r->rows_alloc, sizeof *r->rows);
	}
	r->rows[r->n_rows++] = (struct staged){m, fy, known, v, row, column};
}

static void check_row(struct reader *r, int row, const enum column *cols, size_t n_cols,
		      const int idx[COL_COUNT])
{
	char shown[SHOWN];
	if (r->too_long) {
		cell_error(r, row, r->long_field, "field longer than %d bytes refused",
			   ACTUALS_CSV_MAX_FIELD);
		return;
	}
	bool blank = true;
	for (size_t i = 0; i < r->n_fields; i++)
		if (*field(r, i))
			blank = false;
	if (blank)
		return; /* an empty line, or Excel's ",,," */
	if (r->n_fields != n_cols) {
		row_error(r, row, "row has %zu fields, the header has %zu", r->n_fields, n_cols);
		return;
	}
	bool ok = true;
	for (size_t i = 0; i < n_cols; i++) {
		const char *f = field(r, i);
		if (cols[i] == COL_EMPTY && *f) {
			cell_error(r, row, i, "value '%s' in a column without a header",
				  shorten(f, shown));
			ok = false;
		} else if ((cols[i] == COL_INDICATOR || cols[i] == COL_YEAR ||
			    cols[i] == COL_VALUE) && is_formula(f)) {
			cell_error(r, row, i, "formula not evaluated: '%s' (export the values, not "
				  "the formulas)", shorten(f, shown));
			ok = false;
		}
	}
	if (!ok)
		return;

	size_t ind_col = (size_t)idx[COL_INDICATOR], year_col = (size_t)idx[COL_YEAR];
	const char *year = field(r, year_col);
	struct measure *m = NULL;
	if (!*field(r, ind_col))
		cell_error(r, row, ind_col, "no indicator named in the row");
	else
		m = resolve(r, row, ind_col);

	int fy = 0;
	bool year_ok = false;
	if (!*year) {
		cell_error(r, row, year_col, "no year given");
	} else if (!parse_year(year, &fy)) {
		cell_error(r, row, year_col, "'%s' is not a fiscal year (2025, R7, 令和7年度 ...)",
			  shorten(year, shown));
	} else if (r->p->from && r->p->to && (fy < r->p->from || fy > r->p->to)) {
		char a[32] = "", b[32] = "";
		fy_format(r->p->from, FY_STYLE_SHORT, a, sizeof a);
		fy_format(r->p->to, FY_STYLE_SHORT, b, sizeof b);
		cell_error(r, row, year_col, "year '%s' is outside the plan (%s–%s)",
			   shorten(year, shown), a, b);
	} else {
		year_ok = true;
	}

	if (!m)
		return; /* the value's unit cannot be checked without the measure */
	bool known = false;
	struct decimal v = {0, 0};
	if (!parse_value(r, row, (size_t)idx[COL_VALUE], m, &known, &v) || !year_ok)
		return;
	stage(r, m, fy, known, v, row,
	      r->cells ? idx[COL_VALUE] + 1 : field_column(r, (size_t)idx[COL_VALUE]));
}

/* ---- merging ------------------------------------------------------------- */

/* The checked rows go through actuals_merge(), the one merge of every
 * actuals reader, so that a CSV overrides, keeps sort order and marks
 * sample data exactly as an XML actuals file does. */
static int merge(struct reader *r)
{
	struct actual_value *v = xreallocarray(NULL, r->n_rows, sizeof *v);
	for (size_t i = 0; i < r->n_rows; i++) {
		const struct staged *s = &r->rows[i];
		v[i] = (struct actual_value){.ref = s->m->id, .fy = s->fy, .known = s->known,
					     .value = s->value, .line = s->row,
					     .column = s->column};
	}
	int rc = actuals_merge(r->p, r->name, v, r->n_rows, r->dg);
	free(v);
	return rc;
}

/* ---- entry points -------------------------------------------------------- */

int actuals_parse_csv(struct plan *p, const char *name, const char *data,
		      size_t len, struct diag_list *dg)
{
	struct reader r = {.p = p, .name = name, .dg = dg, .row = 1};
	char *decoded = NULL;
	enum column *cols = NULL;
	size_t n_cols = 0;
	int idx[COL_COUNT];
	int rc = -1;

	if (len >= 2 && ((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE)) {
		diag_add(dg, DIAG_ERROR, name, 0, 0,
			 "file is UTF-16 (Excel's \"Unicode text\"); save it as CSV UTF-8 or "
			 "CSV (Shift_JIS)");
		return -1;
	}
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		diag_add(dg, DIAG_ERROR, name, line_at(data, (size_t)(nul - data)), 0,
			 "file contains NUL bytes; it is not a CSV text file");
		return -1;
	}
	size_t utf8_ok = utf8_prefix((const unsigned char *)data, len);
	if (utf8_ok == len) {
		r.text = r.s = data;
		r.end = data + len;
	} else {
		size_t n = 0;
		decoded = from_cp932(&r, data, len, utf8_ok, &n);
		if (!decoded)
			goto out;
		r.text = r.s = decoded;
		r.end = decoded + n;
	}

	if (!read_record(&r)) {
		diag_add(dg, DIAG_ERROR, name, 0, 0,
			 "file is empty; expected the header 指標,年度,実績");
		goto out;
	}
	if (r.too_long) {
		cell_error(&r, 1, r.long_field, "header field longer than %d bytes refused",
			   ACTUALS_CSV_MAX_FIELD);
		goto out;
	}
	if (!read_header(&r, &cols, &n_cols, idx))
		goto out;
	/* The row is the record number, as the spreadsheet numbers it (a
	 * quoted field spanning lines is still one row). */
	for (r.row = 2; read_record(&r); r.row++)
		check_row(&r, r.row, cols, n_cols, idx);
	if (r.errors)
		goto out;
	rc = merge(&r);
out:
	free(decoded);
	free(cols);
	free(r.buf);
	free(r.starts);
	free(r.at);
	free(r.rows);
	return rc;
}

/* Puts the texts of one workbook row into the field list, as
 * read_record() does for a CSV record. */
static void table_record(struct reader *r, const struct table_cell *cells, size_t n)
{
	r->buf_len = 0;
	r->n_fields = 0;
	r->too_long = false;
	r->cells = cells;
	for (size_t i = 0; i < n; i++) {
		r->s = "";
		start_field(r);
		const char *t = cells[i].text ? cells[i].text : "";
		size_t len = strlen(t);
		if (len > ACTUALS_CSV_MAX_FIELD) {
			if (!r->too_long)
				r->long_field = i;
			r->too_long = true;
			len = ACTUALS_CSV_MAX_FIELD;
		}
		for (size_t k = 0; k < len; k++)
			put(r, t[k]);
		put(r, '\0');
		trim_field(r, i);
	}
}

int actuals_parse_table(struct plan *p, const char *name, const struct table_cell *cells,
			const int *row_no, size_t n_rows, size_t n_cols,
			struct diag_list *dg)
{
	struct reader r = {.p = p, .name = name, .dg = dg, .row = 1};
	enum column *cols = NULL;
	size_t n = 0;
	int idx[COL_COUNT];
	int rc = -1;
	if (n_rows == 0 || n_cols == 0)
		return -1;
	table_record(&r, cells, n_cols);
	if (!read_header(&r, &cols, &n, idx))
		goto out;
	for (size_t i = 1; i < n_rows; i++) {
		table_record(&r, cells + i * n_cols, n_cols);
		check_row(&r, row_no[i], cols, n, idx);
	}
	if (r.errors)
		goto out;
	rc = merge(&r);
out:
	free(cols);
	free(r.buf);
	free(r.starts);
	free(r.at);
	free(r.rows);
	return rc;
}

int actuals_load_csv(struct plan *p, const char *path, struct diag_list *dg)
{
	/* Regular files only, checked on the descriptor: a FIFO named
	 * x.csv would otherwise block for ever (issue 14). */
	char why[256];
	int fd = infile_open(path, why, sizeof why);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (!f) {
		if (fd >= 0) {
			snprintf(why, sizeof why, "%s", strerror(errno));
			close(fd);
		}
		diag_add(dg, DIAG_ERROR, path, 0, 0, "%s%s",
			 fd == -2 ? "" : "cannot open actuals: ", why);
		return -1;
	}
	char *data = NULL;
	size_t len = 0, alloc = 0;
	int rc = -1;
	for (;;) {
		if (len == alloc) {
			if (alloc > ACTUALS_CSV_MAX_FILE) {
				diag_add(dg, DIAG_ERROR, path, 0, 0,
					 "file larger than %u MiB refused as actuals",
					 ACTUALS_CSV_MAX_FILE >> 20);
				goto out;
			}
			alloc = alloc ? alloc * 2 : 65536;
			if (alloc > (size_t)ACTUALS_CSV_MAX_FILE + 1)
				alloc = (size_t)ACTUALS_CSV_MAX_FILE + 1;
			data = xrealloc(data, alloc);
		}
		size_t n = fread(data + len, 1, alloc - len, f);
		len += n;
		if (n == 0) {
			if (ferror(f)) {
				diag_add(dg, DIAG_ERROR, path, 0, 0, "cannot read actuals: %s",
					 strerror(errno));
				goto out;
			}
			break;
		}
	}
	rc = actuals_parse_csv(p, path, data ? data : "", len, dg);
out:
	fclose(f);
	free(data);
	return rc;
}

/* layout.c - text boxes: lines fitted greedily to a width, aligned, and
 * drawn into the display list.  See text.h.
 *
 * Fitting is greedy and exact: advances are integers (thousandths of an
 * em), so a line's width is an integer sum compared with the width
 * available; trailing spaces do not count.  A line ends at the last legal
 * break (linebreak.c) that fits.  When none fits - a number zone or a
 * Latin word longer than the line, or a box narrower than a word - the line
 * is broken at the last character that fits, choosing, when it can, a
 * point that still keeps 行頭禁則/行末禁則 and never one before a combining
 * mark; and when a single character is wider than the box it stands alone
 * on its line (marked overflow) rather than vanish.  The next line starts
 * where that one stopped: layout always terminates and loses nothing.
 *
 * Japanese justification (両端揃え) widens every gap between characters
 * of the line by the same amount (the PDF's Tc, DL_TEXT char_space), which
 * keeps the grid of full-width characters even; the last line of the
 * paragraph and lines ending in a newline are set left, as JLREQ does.
 *
 * Vertically, a line is a box of pitch = size * line_height with the em
 * box centred in it (half-leading above and below, as CSS does), so
 * paragraphs stack evenly and a single line centres in a table cell.
 */
#include "text_int.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define DEFAULT_LINE_HEIGHT 1.5f
#define DEFAULT_MAX_CHAR_SPACE 0.125f /* em */
#define EPS 1e-3

struct layout_impl {
	struct text_layout pub; /* first: a text_layout* is a layout_impl* */
	struct text_engine *te;
	char *buf; /* the drawn text, UTF-8, substitutions applied */
};

struct builder {
	struct layout_impl *li;
	const struct tchar *c;
	size_t n;
	size_t *boff;        /* byte offset of char i in buf */
	const long long *cum;
	size_t alloc_lines, alloc_runs;
};

static bool drawn(const struct tchar *t)
{
	return t->kind == TC_GLYPH || t->kind == TC_OUTLINE;
}

/* End of [s, e) without trailing spaces, newlines and skipped chars. */
static size_t trim(const struct tchar *c, size_t s, size_t e)
{
	while (e > s && (!drawn(&c[e - 1]) || (c[e - 1].flags & TC_SPACE)))
		e--;
	return e;
}

/* Width of the line [s, e) in thousandths of an em: trailing spaces left
 * out, and the kern after its last character not applied (the pair it
 * belongs to is split by the break).  cum[i] sums adv + kern before i. */
static long long units(const struct tchar *c, const long long *cum, size_t s,
		       size_t e)
{
	size_t t = trim(c, s, e);
	return t > s ? cum[t] - cum[s] - c[t - 1].kern : 0;
}

static struct text_run *add_run(struct builder *b)
{
	struct text_layout *tl = &b->li->pub;
	if (tl->n_runs == b->alloc_runs) {
		b->alloc_runs = b->alloc_runs ? b->alloc_runs * 2 : 16;
		tl->runs = realloc(tl->runs, b->alloc_runs * sizeof *tl->runs);
		if (!tl->runs)
			abort();
	}
	struct text_run *r = &tl->runs[tl->n_runs++];
	memset(r, 0, sizeof *r);
	return r;
}

static void add_line(struct builder *b, size_t s, size_t e, size_t len,
		     bool hard, bool forced, bool overflow, float indent)
{
	struct text_layout *tl = &b->li->pub;
	const struct tchar *c = b->c;
	if (tl->n_lines == b->alloc_lines) {
		b->alloc_lines = b->alloc_lines ? b->alloc_lines * 2 : 8;
		tl->lines = realloc(tl->lines, b->alloc_lines * sizeof *tl->lines);
		if (!tl->lines)
			abort();
	}
	struct text_line *ln = &tl->lines[tl->n_lines++];
	memset(ln, 0, sizeof *ln);
	ln->start = c[s].off;
	ln->end = e < b->n ? c[e].off : len;
	ln->hard_end = hard;
	ln->forced = forced;
	ln->overflow = overflow;
	ln->x = indent;
	ln->first_run = tl->n_runs;
	float size = tl->style.size;
	size_t t = trim(c, s, e);

	/* the drawn characters, and whether justification space may follow
	 * each (never after the last) */
	size_t m = 0;
	for (size_t i = s; i < t; i++)
		m += drawn(&c[i]);
	size_t *idx = malloc((m ? m : 1) * sizeof *idx);
	bool *gap = malloc((m ? m : 1) * sizeof *gap);
	if (!idx || !gap)
		abort();
	m = 0;
	for (size_t i = s; i < t; i++)
		if (drawn(&c[i]))
			idx[m++] = i;
	for (size_t k = 0; k < m; k++) {
		gap[k] = k + 1 < m &&
			 text_gap_expandable(c[idx[k]].cp, c[idx[k + 1]].cp);
		ln->n_gaps += gap[k];
	}

	bool widen = tl->style.align == TEXT_JUSTIFY && tl->width > 0;
	/* Runs.  PDF char spacing goes after every character of a run, so all
	 * but a run's last character must agree on taking justification
	 * space; a Western sequence (no space inside) starts a run of its
	 * own, and ends with its last character.  A run also ends where the
	 * font changes and after a kerned character (it is positioned). */
	for (size_t k = 0; k < m;) {
		const struct tchar *first = &c[idx[k]];
		struct text_run *run = add_run(b);
		run->font = first->font;
		run->outline = first->kind == TC_OUTLINE;
		run->spread = gap[k];
		run->utf8 = b->li->buf + b->boff[idx[k]];
		size_t j = k + 1;
		if (!run->outline && first->kern == 0 &&
		    !(widen && (first->flags & TC_SPACE))) {
			while (j < m) {
				const struct tchar *cj = &c[idx[j]];
				if (cj->font != run->font || cj->kind == TC_OUTLINE)
					break;
				if (j + 1 < m && gap[j] != run->spread) {
					if (run->spread)
						break; /* a Western sequence starts */
					j++;   /* it ends with this one */
					break;
				}
				j++;
				if (cj->kern != 0 || (widen && (cj->flags & TC_SPACE)))
					break; /* positioned: kern, or a
						  space that justification
						  may widen */
			}
		}
		long long run_units = 0;
		for (size_t q = k; q < j; q++)
			run_units += c[idx[q]].adv;
		size_t last = idx[j - 1];
		run->len = b->boff[last + 1] - b->boff[idx[k]];
		run->n_chars = j - k;
		run->width = (float)(run_units * size / 1000.0);
		run->gap_after = gap[j - 1];
		run->after = j < m ? (float)(c[last].kern * size / 1000.0) : 0;
		if (run->n_chars == 1)
			run->spread = false;
		ln->n_chars += run->n_chars;
		k = j;
	}
	free(idx);
	free(gap);
	ln->n_runs = tl->n_runs - ln->first_run;
	ln->width = (float)(units(c, b->cum, s, e) * size / 1000.0);
}

/* Where to force a break in [s, i] when no legal break fits: the last
 * position that keeps kinsoku and does not split a combining sequence,
 * else the last one that does not split a combining sequence, else i. */
static size_t emergency(const struct tchar *c, size_t s, size_t i)
{
	for (size_t e = i; e > s; e--)
		if (!(c[e].flags & TC_MARK) && !text_no_line_start(c[e].orig) &&
		    !text_no_line_end(c[e - 1].orig))
			return e;
	for (size_t e = i; e > s; e--)
		if (!(c[e].flags & TC_MARK))
			return e;
	return i;
}

/* Widest unbreakable piece, in thousandths of an em. */
static long long widest_piece(const struct tchar *c, size_t n,
			      const long long *cum, const uint8_t *brk)
{
	long long best = 0;
	size_t s = 0;
	for (size_t i = 1; i <= n; i++)
		if (brk[i]) {
			long long w = units(c, cum, s, i);
			if (w > best)
				best = w;
			s = i;
		}
	return best;
}

/* Widest text between hard breaks, in thousandths of an em. */
static long long widest_hard_line(const struct tchar *c, size_t n,
				  const long long *cum, const uint8_t *brk)
{
	long long best = 0;
	size_t s = 0;
	for (size_t i = 1; i <= n; i++)
		if (brk[i] == BRK_HARD) {
			long long w = units(c, cum, s, i);
			if (w > best)
				best = w;
			s = i;
		}
	return best;
}

static void break_lines(struct builder *b, const uint8_t *brk,
			const long long *cum, size_t len)
{
	struct text_layout *tl = &b->li->pub;
	const struct tchar *c = b->c;
	size_t n = b->n;
	float size = tl->style.size;
	for (size_t s = 0; s < n;) {
		float indent = tl->n_lines ? tl->style.indent : tl->style.first_indent;
		double limit = tl->width > 0 ?
				       (double)(tl->width - indent) * 1000.0 / size :
				       INFINITY;
		size_t best = 0; /* last legal break that fits */
		size_t end = 0;
		bool forced = false, overflow = false;
		for (size_t i = s + 1; i <= n; i++) {
			long long w = units(c, cum, s, i);
			if ((double)w > limit + EPS) {
				if (best) {
					end = best;
				} else if (i - 1 > s) {
					end = emergency(c, s, i - 1);
					forced = true;
				} else {
					/* one character wider than the box:
					 * alone, with its combining marks */
					end = i;
					while (end < n && (c[end].flags & TC_MARK))
						end++;
					overflow = true;
				}
				break;
			}
			if (brk[i]) {
				best = i;
				if (brk[i] == BRK_HARD) {
					end = i;
					break;
				}
			}
		}
		if (!end)
			end = n;
		if (end == s) /* cannot happen; never loop forever */
			end = s + 1;
		add_line(b, s, end, len, c[end - 1].kind == TC_NEWLINE, forced,
			 overflow, indent);
		tl->forced |= forced;
		s = end;
	}
}

static bool ends_in_space(const struct text_run *r)
{
	const unsigned char *e = (const unsigned char *)r->utf8 + r->len;
	return (r->len >= 1 && e[-1] == ' ') ||
	       (r->len >= 3 && e[-3] == 0xE3 && e[-2] == 0x80 && e[-1] == 0x80);
}

/* Fills a line to the box: first the spaces inside it (up to half an em
 * more each: JLREQ widens word spaces first, and a text extractor sees
 * a space there anyway), then every gap between characters evenly, but
 * by no more than max_char_space: from about 0.15 em pdftotext and mutool
 * read the gaps of a line as word spaces and the copied text comes out as
 * "市 内 総 生 産".  What is left stays at the line's end (the line is
 * marked loose) - rare in prose, common in a narrow cell whose next word
 * is a long number. */
static void justify(struct text_layout *tl, struct text_line *ln, float spare)
{
	float size = tl->style.size;
	float cap = tl->style.max_char_space;
	cap = cap == 0 ? DEFAULT_MAX_CHAR_SPACE * size :
	      cap < 0  ? INFINITY : cap * size;
	size_t spaces = 0;
	for (size_t r = ln->first_run; r + 1 < ln->first_run + ln->n_runs; r++)
		spaces += ends_in_space(&tl->runs[r]);
	if (spaces) {
		float each = spare / (float)spaces;
		if (each > size / 2)
			each = size / 2;
		for (size_t r = ln->first_run; r + 1 < ln->first_run + ln->n_runs; r++)
			if (ends_in_space(&tl->runs[r]))
				tl->runs[r].after += each;
		spare -= each * (float)spaces;
		ln->width += each * (float)spaces;
	}
	if (ln->n_gaps && spare > 0) {
		ln->char_space = spare / (float)ln->n_gaps;
		if (ln->char_space > cap)
			ln->char_space = cap;
		spare -= ln->char_space * (float)ln->n_gaps;
	}
	ln->loose = spare > (float)EPS;
}

static void align(struct text_layout *tl)
{
	float block = tl->width;
	if (block <= 0) /* unlimited: align within the widest line */
		for (size_t i = 0; i < tl->n_lines; i++)
			if (tl->lines[i].x + tl->lines[i].width > block)
				block = tl->lines[i].x + tl->lines[i].width;
	tl->widest_line = 0;
	for (size_t i = 0; i < tl->n_lines; i++) {
		struct text_line *ln = &tl->lines[i];
		float indent = ln->x;
		float spare = block - indent - ln->width;
		if (indent + ln->width > tl->widest_line)
			tl->widest_line = indent + ln->width;
		if (spare <= 0)
			continue;
		switch (tl->style.align) {
		case TEXT_LEFT:
			break;
		case TEXT_CENTER:
			ln->x = indent + spare / 2;
			break;
		case TEXT_RIGHT:
			ln->x = indent + spare;
			break;
		case TEXT_JUSTIFY:
			if (i + 1 < tl->n_lines && !ln->hard_end &&
			    tl->width > 0 && !ln->overflow)
				justify(tl, ln, spare);
			break;
		}
	}
}

struct text_layout *text_layout_new(struct text_engine *te, const char *utf8,
				    size_t len, const struct text_style *style,
				    float width, const struct text_src *src,
				    struct diag_list *dl)
{
	struct layout_impl *li = calloc(1, sizeof *li);
	if (!li)
		abort();
	struct text_layout *tl = &li->pub;
	li->te = te;
	tl->style = *style;
	if (!(tl->style.size > 0))
		tl->style.size = 10.5f;
	if (!(tl->style.line_height > 0))
		tl->style.line_height = DEFAULT_LINE_HEIGHT;
	if ((int)tl->style.role < 0 || tl->style.role >= FONT_ROLE_COUNT)
		tl->style.role = FONT_MINCHO;
	tl->width = width > 0 ? width : 0;
	tl->pitch = tl->style.size * tl->style.line_height;
	tl->ascent = te->ascent[tl->style.role] * tl->style.size;

	struct tchar *c;
	size_t n = text_decode(te, tl->style.role, utf8, len, src, dl, &c);
	struct builder b = {.li = li, .c = c, .n = n};
	b.boff = malloc((n + 1) * sizeof *b.boff);
	long long *cum = malloc((n + 1) * sizeof *cum);
	uint8_t *brk = malloc(n + 1);
	li->buf = malloc(4 * n + 1);
	if (!b.boff || !cum || !brk || !li->buf)
		abort();
	size_t bl = 0;
	cum[0] = 0;
	for (size_t i = 0; i < n; i++) {
		b.boff[i] = bl;
		if (drawn(&c[i]))
			bl += text_put_utf8(li->buf + bl, c[i].cp);
		cum[i + 1] = cum[i] + (drawn(&c[i]) ? c[i].adv + c[i].kern : 0);
	}
	b.boff[n] = bl;
	li->buf[bl] = '\0';

	b.cum = cum;
	text_break_opportunities(te, c, n, brk);
	float more = tl->style.first_indent > tl->style.indent ?
			     tl->style.first_indent :
			     tl->style.indent;
	tl->min_width = (float)(widest_piece(c, n, cum, brk) *
				tl->style.size / 1000.0) + (more > 0 ? more : 0);
	tl->natural_width = (float)(widest_hard_line(c, n, cum, brk) *
				    tl->style.size / 1000.0) +
			    (tl->style.first_indent > 0 ? tl->style.first_indent : 0);
	break_lines(&b, brk, cum, len);
	align(tl);
	tl->height = (float)tl->n_lines * tl->pitch;

	free(brk);
	free(cum);
	free(b.boff);
	free(c);
	return tl;
}

void text_layout_free(struct text_layout *tl)
{
	if (!tl)
		return;
	struct layout_impl *li = (struct layout_impl *)tl;
	free(tl->lines);
	free(tl->runs);
	free(li->buf);
	free(li);
}

float text_layout_baseline(const struct text_layout *tl, size_t i)
{
	return (float)i * tl->pitch + (tl->pitch - tl->style.size) / 2 +
	       tl->ascent;
}

size_t text_layout_lines_fitting(const struct text_layout *tl, float h)
{
	if (!(h > 0) || tl->pitch <= 0)
		return 0;
	size_t k = (size_t)floor((double)h / tl->pitch + EPS);
	return k < tl->n_lines ? k : tl->n_lines;
}

static void draw_line(const struct layout_impl *li, const struct text_line *ln,
		      struct dl_doc *d, struct dl_page *p, float x, float base)
{
	const struct text_layout *tl = &li->pub;
	double pos = x + ln->x;
	for (size_t r = ln->first_run; r < ln->first_run + ln->n_runs; r++) {
		const struct text_run *run = &tl->runs[r];
		if (run->outline) {
			/* an outline run is one 4-byte character */
			const unsigned char *s = (const unsigned char *)run->utf8;
			uint32_t cp = (uint32_t)(s[0] & 0x07) << 18 |
				      (uint32_t)(s[1] & 0x3F) << 12 |
				      (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
			text_outline_emit(li->te, run->font,
					  text_glyph(li->te, run->font, cp),
					  tl->style.size, (float)pos, base,
					  tl->style.color, d, p);
		} else {
			struct dl_item *it = dl_item_add(p, DL_TEXT);
			it->u.text.x = (float)pos;
			it->u.text.y = base;
			it->u.text.font = run->font;
			it->u.text.size = tl->style.size;
			it->u.text.char_space = run->spread ? ln->char_space : 0;
			it->u.text.color = tl->style.color;
			it->u.text.utf8 = dl_doc_strndup(d, run->utf8, run->len);
			it->u.text.len = run->len;
		}
		pos += run->width + run->after;
		if (run->spread)
			pos += (double)(run->n_chars - 1) * ln->char_space;
		if (run->gap_after)
			pos += ln->char_space;
	}
}

float text_layout_draw_lines(const struct text_layout *tl, size_t first,
			     size_t count, struct dl_doc *d, struct dl_page *p,
			     float x, float y)
{
	const struct layout_impl *li = (const struct layout_impl *)tl;
	if (first > tl->n_lines)
		first = tl->n_lines;
	if (count > tl->n_lines - first)
		count = tl->n_lines - first;
	for (size_t k = 0; k < count; k++)
		draw_line(li, &tl->lines[first + k], d, p, x,
			  y + text_layout_baseline(tl, k));
	return (float)count * tl->pitch;
}

float text_layout_draw(const struct text_layout *tl, struct dl_doc *d,
		       struct dl_page *p, float x, float y, float box_h,
		       enum text_fit fit)
{
	if (box_h <= 0)
		box_h = tl->height;
	float off = 0;
	if (tl->height > box_h + (float)EPS) {
		if (fit == TEXT_MUST_FIT)
			return -1;
		box_h = tl->height;
	} else if (tl->style.valign == TEXT_MIDDLE) {
		off = (box_h - tl->height) / 2;
	} else if (tl->style.valign == TEXT_BOTTOM) {
		off = box_h - tl->height;
	}
	text_layout_draw_lines(tl, 0, tl->n_lines, d, p, x, y + off);
	return box_h;
}

/* paragraph.c - text boxes: a text broken into lines of a width, aligned, and
 * drawn into the display list.  See text.h.
 *
 * Where the lines break (issue 21): over the whole paragraph at once
 * (paragraph_spans(), the default), a shortest path over the legal
 * breaks as TeX and the JLREQ adjustment model choose them.  A line costs
 * more than any poor break, so a paragraph has as many lines as filling
 * it line by line gives (heights and page counts do not change); among
 * those, each line costs what it ends in - nothing at a phrase boundary,
 * more inside a compound (参加者|数), more inside a phrase (生|産性), most
 * where a kanji is torn from its compound or a katakana word is split -
 * and what it leaves empty: in a justified line, little up to what the
 * spacing cap can fill and much beyond (a loose line), in a ragged one a
 * little; two lines in a row ending in the same poor kind cost extra, and
 * so does a paragraph's last line of one character.  Each start looks
 * one line ahead at most, and lines leaving more than half the box empty
 * are not tried while a fuller one fits, so the work is linear in the
 * text.  Line by line (TEXT_BREAK_GREEDY, greedy_spans()) is the engine
 * before issue 21, kept for the specimen's comparison page: the rest of
 * this comment describes it, and the push-in, forced breaks and
 * overflow both share.
 *
 * Fitting is greedy and exact: advances are integers (thousandths of an
 * em), so a line's width is an integer sum compared with the width
 * available; trailing spaces do not count.
 *
 * Where a line ends (JIS X 4051 / JLREQ 3.8): when the text up to the next
 * legal break is too long by no more than its punctuation can give up -
 * the blank half of each full-width 、。「」（） - the line takes it and the
 * punctuation is set closer (追い込み, push-in, which JIS X 4051 prefers);
 * otherwise the line ends at the last legal break that fits and the rest
 * moves down (追い出し, push-out).  When no legal break fits - a number or
 * Latin word longer than the line - the line is broken at the last
 * character that fits, at a point that still keeps 行頭禁則/行末禁則 if
 * there is one and never before a combining mark; a single character wider
 * than the box stands alone on its line (marked overflow) rather than
 * vanish.  The next line starts where that one stopped: layout always
 * terminates and loses nothing.
 *
 * Two refinements, both local and deterministic.  A legal break that
 * linebreak.c marks poor - inside a katakana word (プロ|ジェクト), or
 * leaving 「計）」 to start a line - gives way to an earlier good break
 * when that costs little (better_break()).  And a paragraph's last line of
 * one character (「る」, 「す。」) takes characters from the line above
 * (mend_last_line()), which is then justified a little looser: no line is
 * added, so heights never change.
 *
 * Japanese justification (両端揃え) widens the spaces of the line, then
 * every gap between characters by the same amount (the PDF's Tc, DL_TEXT
 * char_space) - but not inside Latin words and numbers, and not by more
 * than text extractors tolerate (see justify()).  The last line of the
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

#include <unicode/uchar.h>

#include "alloc.h"

#define DEFAULT_LINE_HEIGHT 1.5f
#define DEFAULT_MAX_CHAR_SPACE 0.09f /* em; see justify() */
#define DEFAULT_MIN_LAST_CHARS 2     /* see mend_last_line() */
#define EPS 1e-3

struct layout_impl {
	struct text_layout pub; /* first: a text_layout* is a layout_impl* */
	struct text_engine *te;
	char *buf; /* the drawn text, UTF-8, substitutions applied */
};

struct builder {
	struct layout_impl *li;
	struct tchar *c;     /* kerns change where a line is pushed in */
	size_t n;
	size_t *boff;        /* byte offset of char i in buf */
	const long long *cum; /* adv + kern before char i, as decoded */
	int8_t *blank;       /* text_punct_blank() of each char */
	uint32_t *gaps;      /* expandable gaps before char i (drawn pairs
				whose second char is before i) */
	size_t nb_from, nb;  /* next_break(): no legal break in
				[nb_from, nb), and one at nb */
	size_t alloc_lines, alloc_runs;
};

/* A line as break_lines() chose it, before add_line() builds it. */
struct span {
	size_t s, e;         /* chars [s, e) */
	long long tail;      /* push-in took this from the last char */
	float indent;        /* points */
	double limit;        /* thousandths of an em available */
	bool forced, overflow;
};

struct spans {
	struct span *v;
	size_t n, alloc;
};

static void span_add(struct spans *l, struct span s)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 4;
		l->v = xreallocarray(l->v, l->alloc, sizeof *l->v);
	}
	l->v[l->n++] = s;
}

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
		/* from 2 and 1: most layouts are a table cell of one short
		 * line, and a table at scale keeps thousands of them */
		b->alloc_runs = b->alloc_runs ? b->alloc_runs * 2 : 2;
		tl->runs = xreallocarray(tl->runs, b->alloc_runs, sizeof *tl->runs);
	}
	struct text_run *r = &tl->runs[tl->n_runs++];
	memset(r, 0, sizeof *r);
	return r;
}

/* Appends the line [s, e); tail is what push-in took from the blank
 * half of its last character (not drawn differently, only not counted). */
static void add_line(struct builder *b, size_t s, size_t e, size_t len,
		     bool hard, bool forced, bool overflow, float indent,
		     long long tail)
{
	struct text_layout *tl = &b->li->pub;
	const struct tchar *c = b->c;
	if (tl->n_lines == b->alloc_lines) {
		b->alloc_lines = b->alloc_lines ? b->alloc_lines * 2 : 1;
		tl->lines = xreallocarray(tl->lines, b->alloc_lines, sizeof *tl->lines);
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
	size_t *idx = xmallocarray((m ? m : 1), sizeof *idx);
	bool *gap = xmallocarray((m ? m : 1), sizeof *gap);
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
	/* summed here: push-in may have changed kerns since cum */
	long long w = 0;
	for (size_t k = 0; k < m; k++)
		w += c[idx[k]].adv + (k + 1 < m ? c[idx[k]].kern : 0);
	ln->width = (float)((w - tail) * size / 1000.0);
	free(idx);
	free(gap);
	ln->n_runs = tl->n_runs - ln->first_run;
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

/* What the punctuation of the line [s, t) can give up for push-in, in
 * thousandths of an em: the blank half of each full-width 、。）」 (after
 * it) and 「（ (before it, not at the line start), unless a kern has taken
 * it already.  The last character's kern is not applied at a line end, so
 * its blank is always there. */
static long long squeezable(const struct builder *b, size_t s, size_t t)
{
	long long sum = 0;
	for (size_t k = s; k < t; k++) {
		if (b->blank[k] > 0 && (k + 1 == t || b->c[k].kern == 0))
			sum += 500;
		else if (b->blank[k] < 0 && k > s && b->c[k - 1].kern == 0)
			sum += 500;
	}
	return sum;
}

/* Takes need (> 0, <= squeezable) from the punctuation of [s, t), evenly,
 * as kerns; returns what was taken from the last character's blank. */
static long long squeeze(struct builder *b, size_t s, size_t t, long long need)
{
	long long marks = 0, tail = 0;
	for (size_t k = s; k < t; k++)
		marks += (b->blank[k] > 0 && (k + 1 == t || b->c[k].kern == 0)) ||
			 (b->blank[k] < 0 && k > s && b->c[k - 1].kern == 0);
	long long share = (need + marks - 1) / marks;
	if (share > 500)
		share = 500;
	for (size_t k = s; k < t && need > 0; k++) {
		long long give = share < need ? share : need;
		if (b->blank[k] > 0 && k + 1 == t) {
			tail = give;
		} else if (b->blank[k] > 0 && b->c[k].kern == 0) {
			b->c[k].kern = (int)-give;
		} else if (b->blank[k] < 0 && k > s && b->c[k - 1].kern == 0) {
			b->c[k - 1].kern = (int)-give;
		} else {
			continue;
		}
		need -= give;
	}
	return tail;
}

/* How far a justified line [s, e) may fall short of its box and still
 * end flush: what its gaps take at max_char_space each (the spaces, which
 * take more first, are left out: a lower bound), in thousandths of an em. */
static double stretch(const struct builder *b, size_t s, size_t e)
{
	const struct text_style *st = &b->li->pub.style;
	if (st->max_char_space < 0)
		return INFINITY;
	double cap = st->max_char_space > 0 ? st->max_char_space * 1000.0 :
					      DEFAULT_MAX_CHAR_SPACE * 1000.0;
	const struct tchar *c = b->c;
	size_t t = trim(c, s, e), gaps = 0;
	const struct tchar *prev = NULL;
	for (size_t i = s; i < t; i++) {
		if (!drawn(&c[i]))
			continue;
		if (prev)
			gaps += text_gap_expandable(prev->cp, c[i].cp);
		prev = &c[i];
	}
	return (double)gaps * cap;
}

/* A legal break that is not one of the poor ones better_break() and
 * mend_last_line() avoid (inside a katakana word, an orphaned kanji);
 * where phrases are concerned, the paragraph breaker's costs decide. */
static bool plain(uint8_t k)
{
	return k == BRK_ALLOW || k == BRK_WORD || k == BRK_IN_PHRASE;
}

static bool justified(const struct builder *b)
{
	return b->li->pub.style.align == TEXT_JUSTIFY;
}

/* The break to take for a line from s when best, the last legal break
 * that fits, is a poor one (BRK_IN_KANA, BRK_ORPHAN): the last good break
 * before it that leaves the line short by little, else best.  Little is,
 * for a break inside a katakana word, a quarter of the line (a heading or
 * a cell may end short; a word of more than a quarter splits anyway); for
 * one that orphans 「計）」, half (rather than leave a line of one or two
 * characters above it).  A justified line must also still end flush
 * (stretch()): a ragged edge in a paragraph is worse than either. */
static size_t better_break(const struct builder *b, const uint8_t *brk,
			   size_t s, size_t best, double limit)
{
	if (brk[best] != BRK_IN_KANA && brk[best] != BRK_ORPHAN)
		return best;
	double most = brk[best] == BRK_IN_KANA ? limit / 4 : limit / 2;
	for (size_t e = best - 1; e > s; e--) {
		double spare = limit - (double)units(b->c, b->cum, s, e);
		if (spare > most)
			break;
		if (!plain(brk[e]))
			continue;
		if (justified(b) && spare > stretch(b, s, e))
			break; /* earlier breaks fall shorter still */
		return e;
	}
	return best;
}

/* Characters of [s, e) that count for a paragraph's last line: drawn,
 * neither spaces nor punctuation (「す。」 is one). */
static size_t counted(const struct tchar *c, size_t s, size_t e)
{
	size_t k = 0;
	for (size_t i = s; i < e; i++)
		k += drawn(&c[i]) && !(c[i].flags & TC_SPACE) &&
		     !u_ispunct((UChar32)c[i].orig);
	return k;
}

/* A paragraph's last line holding fewer than want characters (「る」,
 * 「す。」) takes characters from the line above: the break moves back to
 * the last good legal break that gives it want, when both lines then still
 * fit, the line above keeps want as well, and - justified - still ends
 * flush; ragged, it gives up at most half its width.  Line counts never
 * change, so neither do heights.  The line above loses its push-in, if it
 * had one: its kerns are restored from kern0. */
static void mend_last_line(struct builder *b, const uint8_t *brk,
			   const int *kern0, struct span *pen, struct span *last,
			   size_t want)
{
	const struct tchar *c = b->c;
	if (pen->forced || pen->overflow || last->overflow)
		return;
	size_t have = counted(c, last->s, last->e);
	if (have == 0 || have >= want)
		return;
	/* counts kept as e moves back, so that this is linear */
	size_t above = counted(c, pen->s, pen->e);
	for (size_t e = pen->e - 1; e > pen->s; e--) {
		size_t k = counted(c, e, e + 1);
		above -= k;
		have += k;
		if ((double)units(c, b->cum, e, last->e) > last->limit + EPS ||
		    above < want)
			return; /* moving more only makes these worse */
		if (!plain(brk[e]) || have < want)
			continue;
		double spare = pen->limit - (double)units(c, b->cum, pen->s, e);
		if (spare < -EPS)
			continue; /* a pushed-in line, still too long */
		if (justified(b) ? spare > stretch(b, pen->s, e) :
				   spare > pen->limit / 2)
			return;
		for (size_t i = pen->s; i < pen->e; i++)
			b->c[i].kern = kern0[i];
		pen->e = e;
		pen->tail = 0;
		last->s = e;
		return;
	}
}

/* The first legal break at or after i (brk[n] is always one).  Lines
 * ask with i growing, so the answer is kept: within a run without breaks
 * every line would otherwise scan to the run's end again. */
static size_t next_break(struct builder *b, const uint8_t *brk, size_t i)
{
	if (b->nb > 0 && b->nb_from <= i && i <= b->nb)
		return b->nb;
	size_t nb = i;
	while (nb < b->n && !brk[nb])
		nb++;
	b->nb_from = i;
	b->nb = nb;
	return nb;
}

/* Line by line (TEXT_BREAK_GREEDY): each line takes what fits, then the
 * next one starts.  Appends the lines to *sp. */
static void greedy_spans(struct builder *b, const uint8_t *brk,
			 const long long *cum, struct spans *out)
{
	struct text_layout *tl = &b->li->pub;
	struct tchar *c = b->c;
	size_t n = b->n;
	float size = tl->style.size;
	for (size_t s = 0; s < n;) {
		/* Every line after a newline starts a paragraph: it takes the
		 * first-line indent, so that a list of 「・」 items set with a
		 * hanging indent keeps its bullets in one column. */
		bool para_start = s == 0 || c[s - 1].kind == TC_NEWLINE;
		float indent = para_start ? tl->style.first_indent : tl->style.indent;
		double limit = tl->width > 0 ?
				       (double)(tl->width - indent) * 1000.0 / size :
				       INFINITY;
		size_t best = 0; /* last legal break that fits */
		size_t end = 0;
		long long tail = 0;
		bool forced = false, overflow = false;
		for (size_t i = s + 1; i <= n; i++) {
			long long w = units(c, cum, s, i);
			if ((double)w > limit + EPS) {
				/* push-in: up to the next legal break.
				 * Only a line's worth of punctuation can be
				 * set closer (half an em each at most), so a
				 * run without breaks (a megabyte of digits)
				 * is neither scanned nor measured again for
				 * every line: next_break() and the limit/2
				 * test keep this linear in its length. */
				size_t nb = next_break(b, brk, i);
				long long wb = units(c, cum, s, nb);
				size_t t = trim(c, s, nb);
				long long over = wb - (long long)floor(limit + EPS);
				if (tl->style.close_punct && over > 0 &&
				    (double)over <= limit / 2 &&
				    over <= squeezable(b, s, t)) {
					tail = squeeze(b, s, t, over);
					end = nb;
				} else if (best) {
					end = better_break(b, brk, s, best, limit);
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
		span_add(out, (struct span){.s = s, .e = end, .tail = tail,
					    .indent = indent, .limit = limit,
					    .forced = forced, .overflow = overflow});
		s = end;
	}
}


/* ---- the breaks of a whole paragraph at once (TEXT_BREAK_PARAGRAPH) ------- */

/* Costs, on one scale.  A line costs more than any poor break, so a
 * paragraph keeps as few lines as filling it line by line gives (heights
 * and page counts do not change); among the ways of breaking it into that
 * many, the cheapest wins: breaks at phrase boundaries, justified lines
 * within their spacing cap, no paragraph ending in one character. */
#define COST_LINE 1e5
#define COST_FORCED 1e6         /* no legal break fits: as line by line */
#define COST_SAME_KIND 200.0    /* two lines in a row end in one kind of
				   poor break (as TeX's double hyphens) */
#define COST_SHORT_LAST 1000.0  /* last line below min_last_chars */
#define COST_LOOSE 200.0        /* a justified line past its spacing cap */
#define COST_LOOSE_EM 500.0     /* ... and per em it leaves unfilled */
#define COST_RAGGED 100.0       /* an unjustified line left empty */
#define SCAN_CHARS 4096         /* longest line considered: a bound on
				   the work per break, whatever the width */

/* What ending a line at a legal break of kind k costs (linebreak.c). */
static double break_cost(uint8_t k)
{
	switch (k) {
	case BRK_WORD:
		return 150;      /* 受入企業|数: a compound's words */
	case BRK_IN_PHRASE:
		return 600;      /* 生|産性, 開発に|よる */
	case BRK_IN_KANA:
		return 700;      /* プロ|ジェクト */
	case BRK_ORPHAN:
		return 800;      /* 累|計）, ・未|確定 */
	}
	return 0;
}

/* What a break of kind k costs beyond break_cost() when the style keeps
 * words whole: a break inside a phrase or a katakana word (粗付加価|値額,
 * プロ|ジェクト) one and a half lines, so one more line is cheaper than one
 * such break but two more are not; a break between a compound's words
 * (食品|製造業) half a line, so a cell takes a line to save two of them. */
static double word_cost(const struct builder *b, uint8_t k)
{
	if (!b->li->pub.style.whole_words || break_cost(k) == 0)
		return 0;
	return k == BRK_WORD ? 0.5 * COST_LINE : 1.5 * COST_LINE;
}

/* Gaps of [s, t) that take justification space, from the prefix counts
 * (b->gaps[k]: expandable gaps before the drawn character k). */
static double fast_stretch(const struct builder *b, size_t s, size_t t)
{
	const struct text_style *st = &b->li->pub.style;
	if (st->max_char_space < 0)
		return INFINITY;
	double cap = st->max_char_space > 0 ? st->max_char_space * 1000.0 :
					      DEFAULT_MAX_CHAR_SPACE * 1000.0;
	if (t <= s + 1)
		return 0;
	return (double)(b->gaps[t] - b->gaps[s + 1]) * cap;
}

/* The cost of the line [i, j) of width w (thousandths of an em) in limit:
 * how far it falls short of the box, as the alignment shows it. */
static double fit_cost(const struct builder *b, size_t i, size_t j,
		       long long w, double limit, bool last)
{
	double spare = limit - (double)w;
	if (last || spare <= 0) /* set left, or pushed in */
		return 0;
	if (!justified(b))
		return COST_RAGGED * (spare / limit) * (spare / limit);
	double give = fast_stretch(b, i, trim(b->c, i, j));
	if (spare <= give) {
		double r = spare / give;
		return 100.0 * r * r * r;
	}
	return COST_LOOSE + COST_LOOSE_EM * (spare - give) / 1000.0;
}

/* The cost of [i, j) as the last line of its paragraph (set left): only
 * what a short one costs, where the paragraph has a line above it. */
static double last_cost(const struct builder *b, const uint8_t *brk, size_t i,
			size_t j, bool para_start, int want)
{
	(void)brk;
	if (!para_start && want > 1 && counted(b->c, i, j) < (size_t)want)
		return COST_SHORT_LAST;
	return 0;
}

/* The first hard break at or after i (brk[n] is one). */
static size_t next_hard(const uint8_t *brk, size_t n, size_t i)
{
	while (i < n && brk[i] != BRK_HARD)
		i++;
	return i;
}

enum { HOW_LEGAL, HOW_PUSHED, HOW_FORCED, HOW_OVERFLOW };

struct dp {
	double *cost;  /* cheapest way to start a line at k */
	size_t *prev;  /* where the line ending at k starts */
	uint8_t *how;  /* enum HOW_* of that line */
};

static void relax(struct dp *d, size_t i, size_t j, double cost, uint8_t how)
{
	if (cost < d->cost[j]) {
		d->cost[j] = cost;
		d->prev[j] = i;
		d->how[j] = how;
	}
}

/* Total fit: every legal break a line from a reachable start can end at
 * is relaxed, in text order (a shortest path over the breaks, as TeX and
 * the JLREQ adjustment model do).  Each start looks ahead one line at
 * most (SCAN_CHARS), so the work is linear in the text's length. */
static void paragraph_spans(struct builder *b, const uint8_t *brk,
			    const long long *cum, struct spans *out)
{
	struct text_layout *tl = &b->li->pub;
	const struct tchar *c = b->c;
	size_t n = b->n;
	float size = tl->style.size;
	int want = tl->style.min_last_chars;
	if (want == 0)
		want = DEFAULT_MIN_LAST_CHARS;
	struct dp d = {xmallocarray((n + 1), sizeof *d.cost),
		       xmallocarray((n + 1), sizeof *d.prev), xmalloc(n + 1)};
	for (size_t k = 0; k <= n; k++)
		d.cost[k] = INFINITY;
	d.cost[0] = 0;
	size_t hard = 0; /* the first hard break after i */
	for (size_t i = 0; i < n; i++) {
		if (!(d.cost[i] < INFINITY))
			continue;
		bool para_start = i == 0 || c[i - 1].kind == TC_NEWLINE;
		float indent = para_start ? tl->style.first_indent : tl->style.indent;
		double limit = (double)(tl->width - indent) * 1000.0 / size;
		double base = d.cost[i] + COST_LINE;
		uint8_t kind_i = brk[i];
		bool any = false;
		/* A line that leaves more than most empty never wins while
		 * a fuller one is possible: the scan starts where the line
		 * is that full (found by bisection on cum), after the
		 * paragraph's end when that comes first. */
		if (hard <= i)
			hard = next_hard(brk, n, i + 1);
		double most = justified(b) ? fmin(limit / 2, 8000) : limit * 0.6;
		size_t k = i + 1, hi = hard;
		while (k < hi) {
			size_t mid = k + (hi - k) / 2;
			if ((double)(cum[mid] - cum[i]) < limit - most)
				k = mid + 1;
			else
				hi = mid;
		}
		if (k == hard && (double)units(c, cum, i, k) <= limit + EPS) {
			relax(&d, i, k, base + last_cost(b, brk, i, k, para_start, want),
			      HOW_LEGAL);
			continue;
		}
		size_t k_lo = k;
		for (; k <= n; k++) {
			long long w = units(c, cum, i, k);
			if ((double)w > limit + EPS || k - i > SCAN_CHARS)
				break;
			if (!brk[k])
				continue;
			bool last = brk[k] == BRK_HARD;
			double cost = base;
			if (last) {
				cost += last_cost(b, brk, i, k, para_start, want);
			} else {
				cost += break_cost(brk[k]) + word_cost(b, brk[k]) +
					fit_cost(b, i, k, w, limit, false);
				if (brk[k] == kind_i && break_cost(kind_i) > 0)
					cost += COST_SAME_KIND;
			}
			relax(&d, i, k, cost, HOW_LEGAL);
			any = true;
			if (last)
				break;
		}
		/* (k - 1 == i: the line starts right after a hard break and
		 * not one character fits; it still needs a line below) */
		if (k > n || (k - 1 > i && brk[k - 1] == BRK_HARD))
			continue;
		/* k overflows: push-in up to the next legal break (see
		 * greedy_spans() for the limit/2 test) */
		if (tl->style.close_punct) {
			size_t nb = next_break(b, brk, k);
			long long over = units(c, cum, i, nb) -
					 (long long)floor(limit + EPS);
			size_t t = trim(c, i, nb);
			if (over > 0 && (double)over <= limit / 2 &&
			    over <= squeezable(b, i, t)) {
				relax(&d, i, nb, base + break_cost(brk[nb]), HOW_PUSHED);
				any = true;
			}
		}
		if (any)
			continue;
		/* nothing from k_lo on: the last legal break before it, as
		 * line by line (a short line before a long word) */
		size_t e = k_lo < k ? k_lo : k;
		while (--e > i && !brk[e])
			;
		if (e > i) {
			relax(&d, i, e, base + break_cost(brk[e]) + word_cost(b, brk[e]) +
				  fit_cost(b, i, e, units(c, cum, i, e), limit, false),
			      HOW_LEGAL);
			continue;
		}
		if (k - 1 > i) {
			relax(&d, i, emergency(c, i, k - 1), base + COST_FORCED,
			      HOW_FORCED);
		} else {
			size_t one = k; /* one character wider than the box */
			while (one < n && (c[one].flags & TC_MARK))
				one++;
			relax(&d, i, one, base + COST_FORCED, HOW_OVERFLOW);
		}
	}

	/* the chosen lines, last first, then in order */
	size_t first = out->n;
	for (size_t j = n; j > 0; j = d.prev[j]) {
		size_t i = d.prev[j];
		bool para_start = i == 0 || c[i - 1].kind == TC_NEWLINE;
		float indent = para_start ? tl->style.first_indent : tl->style.indent;
		span_add(out, (struct span){
				      .s = i, .e = j, .indent = indent,
				      .limit = (double)(tl->width - indent) * 1000.0 / size,
				      .forced = d.how[j] == HOW_FORCED,
				      .overflow = d.how[j] == HOW_OVERFLOW,
				      .tail = d.how[j] == HOW_PUSHED});
	}
	for (size_t a = first, z = out->n; a + 1 < z; a++) {
		z--;
		struct span t = out->v[a];
		out->v[a] = out->v[z];
		out->v[z] = t;
	}
	for (size_t k = first; k < out->n; k++) {
		struct span *l = &out->v[k];
		if (!l->tail)
			continue;
		size_t t = trim(c, l->s, l->e);
		long long over = units(c, cum, l->s, l->e) -
				 (long long)floor(l->limit + EPS);
		l->tail = squeeze(b, l->s, t, over);
	}
	free(d.cost);
	free(d.prev);
	free(d.how);
}

static void break_lines(struct builder *b, const uint8_t *brk,
			const long long *cum, size_t len)
{
	struct text_layout *tl = &b->li->pub;
	struct tchar *c = b->c;
	size_t n = b->n;
	int *kern0 = xmallocarray((n ? n : 1), sizeof *kern0);
	for (size_t i = 0; i < n; i++)
		kern0[i] = c[i].kern;
	struct spans all = {0};
	if (tl->width > 0 && tl->style.breaker == TEXT_BREAK_PARAGRAPH)
		paragraph_spans(b, brk, cum, &all);
	else
		greedy_spans(b, brk, cum, &all);
	struct span *sp = all.v;
	size_t n_sp = all.n;

	/* each paragraph's last line, where the paragraph has two or more */
	int want = tl->style.min_last_chars;
	if (want == 0)
		want = DEFAULT_MIN_LAST_CHARS;
	for (size_t k = 1; want > 1 && tl->width > 0 && k < n_sp; k++) {
		bool last = k + 1 == n_sp || c[sp[k].e - 1].kind == TC_NEWLINE;
		if (last && c[sp[k - 1].e - 1].kind != TC_NEWLINE)
			mend_last_line(b, brk, kern0, &sp[k - 1], &sp[k],
				       (size_t)want);
	}

	for (size_t k = 0; k < n_sp; k++) {
		const struct span *l = &sp[k];
		add_line(b, l->s, l->e, len, c[l->e - 1].kind == TC_NEWLINE,
			 l->forced, l->overflow, l->indent, l->tail);
		tl->forced |= l->forced;
	}
	free(sp);
	free(kern0);
}

/* Width in points of the space that ends run r, or 0 when r does not end
 * in a space. */
static float ending_space(const struct layout_impl *li, const struct text_run *r)
{
	const unsigned char *e = (const unsigned char *)r->utf8 + r->len;
	uint32_t cp = 0;
	if (r->len >= 1 && e[-1] == ' ')
		cp = ' ';
	else if (r->len >= 3 && e[-3] == 0xE3 && e[-2] == 0x80 && e[-1] == 0x80)
		cp = 0x3000;
	if (!cp || r->outline)
		return 0;
	int adv = text_advance(li->te, r->font, cp);
	return adv > 0 ? (float)adv * li->pub.style.size / 1000 : 0;
}

/* Fills a line to the box.  First the spaces inside it, each up to half
 * an em in all (JLREQ widens the space between Japanese and Western text
 * first, from its quarter em up to half an em; an ideographic space stays
 * as it is) - text extractors read a space there anyway.  Then every gap
 * between characters evenly, by at most max_char_space.  That limit is for
 * text extraction: pdftotext (poppler's TextOutputDev) starts a new word
 * at any gap over 0.1 em, and once a line holds a word of several
 * characters (a number, a Latin word, or any text at all when the gaps are
 * smaller) it prints a space at every gap over 0.03 em - "市 内 総 生 産";
 * mutool does the same from about 0.15 em.  0.09 em keeps both exact.
 * What is left stays at the line's end (the line is marked loose): rare
 * in prose, where push-in takes most of it, common only in narrow cells
 * whose next word is a long number. */
static void justify(struct layout_impl *li, struct text_line *ln, float spare)
{
	struct text_layout *tl = &li->pub;
	float size = tl->style.size;
	float cap = tl->style.max_char_space;
	cap = cap == 0 ? DEFAULT_MAX_CHAR_SPACE * size :
	      cap < 0  ? INFINITY : cap * size;
	size_t end = ln->first_run + ln->n_runs;
	float room = 0; /* what the spaces can take */
	for (size_t r = ln->first_run; r + 1 < end; r++) {
		float w = ending_space(li, &tl->runs[r]);
		if (w > 0 && w < size / 2)
			room += size / 2 - w;
	}
	if (room > 0) {
		float part = spare < room ? spare / room : 1;
		for (size_t r = ln->first_run; r + 1 < end; r++) {
			float w = ending_space(li, &tl->runs[r]);
			if (w > 0 && w < size / 2) {
				float more = (size / 2 - w) * part;
				tl->runs[r].after += more;
				ln->width += more;
				spare -= more;
			}
		}
	}
	if (ln->n_gaps && spare > 0) {
		ln->char_space = spare / (float)ln->n_gaps;
		if (ln->char_space > cap)
			ln->char_space = cap;
		spare -= ln->char_space * (float)ln->n_gaps;
	}
	ln->loose = spare > (float)EPS;
}

static void align(struct layout_impl *li)
{
	struct text_layout *tl = &li->pub;
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
				justify(li, ln, spare);
			break;
		}
	}
}

struct text_layout *text_layout_new(struct text_engine *te, const char *utf8,
				    size_t len, const struct text_style *style,
				    float width, const struct text_src *src,
				    struct diag_list *dg)
{
	struct layout_impl *li = xcalloc(1, sizeof *li);
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
	size_t n = text_decode(te, tl->style.role, utf8, len, src, dg, &c);
	if (!tl->style.close_punct)
		for (size_t i = 0; i < n; i++)
			c[i].kern = 0; /* ベタ組: see close_punct in text.h */
	struct builder b = {.li = li, .c = c, .n = n};
	b.boff = xmallocarray((n + 1), sizeof *b.boff);
	long long *cum = xmallocarray((n + 1), sizeof *cum);
	uint8_t *brk = xmalloc(n + 1);
	li->buf = xmalloc(4 * n + 1);
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
	b.blank = xmalloc(n ? n : 1);
	for (size_t i = 0; i < n; i++)
		b.blank[i] = (int8_t)text_punct_blank(te, &c[i]);
	b.gaps = xmallocarray((n + 1), sizeof *b.gaps);
	b.gaps[0] = 0;
	for (size_t i = 0, prev = SIZE_MAX; i < n; i++) {
		bool gap = drawn(&c[i]) && prev != SIZE_MAX &&
			   text_gap_expandable(c[prev].cp, c[i].cp);
		b.gaps[i + 1] = b.gaps[i] + gap;
		if (drawn(&c[i]))
			prev = i;
	}
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
	align(li);
	tl->height = (float)tl->n_lines * tl->pitch;

	free(brk);
	free(cum);
	free(b.boff);
	free(b.blank);
	free(b.gaps);
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

static void emit_text(const struct text_layout *tl, struct dl_doc *d,
		      struct dl_page *p, float x, float base, int font,
		      const char *utf8, size_t len, float char_space)
{
	struct dl_item *it = dl_item_add(p, DL_TEXT);
	it->u.text.x = x;
	it->u.text.y = base;
	it->u.text.font = font;
	it->u.text.size = tl->style.size;
	it->u.text.char_space = char_space;
	it->u.text.color = tl->style.color;
	it->u.text.utf8 = dl_doc_strndup(d, utf8, len);
	it->u.text.len = len;
}

/* Advance in points of the last character of a (non-outline) run. */
static float last_advance(const struct layout_impl *li, const struct text_run *run)
{
	const unsigned char *s = (const unsigned char *)run->utf8;
	size_t i = run->len;
	while (i > 0 && (s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return 0;
	i--;
	uint32_t cp = s[i];
	int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
	cp &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
	for (int k = 1; k <= extra && i + (size_t)k < run->len; k++)
		cp = cp << 6 | (s[i + (size_t)k] & 0x3F);
	int adv = text_advance(li->te, run->font, cp);
	return adv > 0 ? (float)adv * li->pub.style.size / 1000.0f : 0;
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
		} else if (run->after == 0) {
			emit_text(tl, d, p, (float)pos, base, run->font, run->utf8,
				  run->len, run->spread ? ln->char_space : 0);
		} else {
			/* A run ends with its kerned character (「」、。 set
			 * closer).  The kern goes into that character's own
			 * char spacing, so that its advance ends where the next
			 * run starts: a next run starting inside the previous
			 * glyph's advance makes pdftotext and mutool break the
			 * extracted line there. */
			size_t cut = run->len;
			while (cut > 0 && ((unsigned char)run->utf8[cut - 1] & 0xC0) == 0x80)
				cut--;
			if (cut > 0)
				cut--;
			float cs = run->spread ? ln->char_space : 0;
			float head_w = 0;
			if (cut > 0) {
				emit_text(tl, d, p, (float)pos, base, run->font, run->utf8,
					  cut, cs);
				head_w = run->width - last_advance(li, run) +
					 (float)(run->n_chars - 1) * cs;
			}
			emit_text(tl, d, p, (float)pos + head_w, base, run->font,
				  run->utf8 + cut, run->len - cut,
				  run->after + (run->gap_after ? ln->char_space : 0));
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

/* linebreak.c - where a line may break: ICU's line break iterator for the
 * Japanese locale, tailored for JLREQ.
 *
 * What ICU does (UAX #14 as ICU 72 implements it, locale "ja@lb=strict"):
 * break anywhere between ideographs and kana, never inside Latin words
 * (AL × AL), after spaces but not before them, keep ASCII numbers whole
 * with their separators and affixes (6,534 / 65.1％ / R4.4 / 2022/4/1:
 * NU (NU|IS|SY)* and NU × PO, PR × NU), keep …… and ‥‥ together (IN) and
 * ―― (U+2015 pairs resolve to AL), forbid line starts before CL/CP/EX/IS/NS
 * (」）、。，．！？・：；ゝゞヽヾ々 ‼ ⁇ 〜) and line ends after OP (「（『【),
 * and - only with lb=strict, since ICU 72's plain "ja" is CSS "normal" -
 * before small kana and ー (CJ as NS).  The tests pin each of these so that
 * a change of ICU shows up.
 *
 * What we tailor, because UAX #14 is not JLREQ:
 *  1. The JLREQ 行頭禁則 and 行末禁則 character classes (cl-01 to cl-11)
 *     are applied as hard constraints from our own tables below.  ICU
 *     agrees today; the tables are the specification, and keep the result
 *     independent of ICU's version and locale data (whose CJ handling has
 *     changed before).
 *  2. 分離禁止 for numbers as Japanese writes them: full-width digits
 *     (６５．１％, ７，８０９) are ID in UAX #14, so ICU breaks between
 *     them; and a number's unit (6,534千円, 2,215億円, 27,300事業所,
 *     121人/年, 7年度) is ideographic, so ICU breaks before it.  A number
 *     zone is: an optional sign (△▲＋－￥), digits with , . ，．between
 *     digits, and up to three units from the table below.  What comes
 *     before the number is not part of it: 令和|７年度 may break, as
 *     JLREQ allows, rather than leave a line loosely justified.
 *     An era abbreviation is a number zone too, its letter included:
 *     R元, H28, Ｒ７, H２９ (ICU keeps only R7, AL × NU, whole).
 *  3. Full-width Latin words (ＰＤＣＡ) are ID in UAX #14; kept whole.
 *  4. “ ” ‘ ’ are QU in UAX #14, which forbids a break on either side; in
 *     Japanese text they are brackets (JLREQ cl-01/cl-02): a break is
 *     allowed before “ ‘ and after ” ’ when the neighbour is Japanese.
 *     (ICU 72 already does so for “ ” beside ideographs, not for ‘ ’.)
 *  5. Never before a combining mark or variation selector, and after every
 *     newline (hard).
 *  7. Phrases (issue 21): ICU 72's "ja@lb=strict;lw=phrase" (CSS
 *     word-break: auto-phrase) segments Japanese into phrases with a
 *     dictionary: 創業|後|3年|以内の|事業|者の|経営|相談に|….  A legal
 *     break that is not a phrase boundary is BRK_IN_PHRASE (生|産性,
 *     開発に|よる); a phrase boundary between two words of one compound -
 *     kanji or katakana on both sides (受入企業|数, 支援|プロジェクト) or
 *     a kanji noun and する/した/される (反映|する) - is BRK_WORD; one
 *     that leaves a single kanji of a run on either side (参加者|数,
 *     付加価|値) is BRK_ORPHAN, as 累|計） is; a grade letter and its count
 *     (D|0件) is BRK_IN_PHRASE.  The layout weighs them (paragraph.c).
 *  6. Some legal breaks are marked poor, for the layout to avoid when an
 *     earlier break costs little: one inside a katakana word (プロ|ジェ
 *     クト; katakana carries loanwords, and a heading split there reads
 *     badly), and one that tears a lone character from a kanji compound
 *     at either edge of a line - before one character and a closing
 *     bracket (…R13累|計）), or after the first of a run of kanji that
 *     starts after a separator (…・未|確定, 「評|価不能」), and the
 *     break after the ～ of a range between two numbers (R3～|R7累計).
 *     Without a
 *     dictionary these are the splits that are surely bad; the rest of
 *     kanji text breaks anywhere, as JLREQ allows.  text_breaks() reports
 *     them as ordinary breaks: they are legal.
 */
#include "text_int.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "alloc.h"

/* JLREQ cl-02 closing brackets, cl-03 hyphens, cl-04 dividing punctuation,
 * cl-05 middle dots, cl-06 full stops, cl-07 commas, cl-09 iteration marks,
 * cl-10 prolonged sound mark, cl-11 small kana (with the half-width and
 * ASCII forms): no line starts with one.  Sorted. */
static const uint32_t no_start[] = {
	0x0021, /* ! */ 0x0029, /* ) */ 0x002C, /* , */ 0x002E, /* . */
	0x003A, /* : */ 0x003B, /* ; */ 0x003F, /* ? */ 0x005D, /* ] */
	0x007D, /* } */ 0x00BB, /* » */
	0x2010, /* ‐ */ 0x2013, /* – */ 0x2019, /* ’ */ 0x201D, /* ” */
	0x203C, /* ‼ */ 0x2047, /* ⁇ */ 0x2048, /* ⁈ */ 0x2049, /* ⁉ */
	0x2986, /* ⦆ */
	0x3001, /* 、 */ 0x3002, /* 。 */ 0x3005, /* 々 */ 0x3009, /* 〉 */
	0x300B, /* 》 */ 0x300D, /* 」 */ 0x300F, /* 』 */ 0x3011, /* 】 */
	0x3015, /* 〕 */ 0x3017, /* 〗 */ 0x3019, /* 〙 */ 0x301B, /* 〛 */
	0x301C, /* 〜 */ 0x301F, /* 〟 */ 0x303B, /* 〻 */
	0x3041, 0x3043, 0x3045, 0x3047, 0x3049, /* ぁぃぅぇぉ */
	0x3063, 0x3083, 0x3085, 0x3087, 0x308E, /* っゃゅょゎ */
	0x3095, 0x3096,                         /* ゕゖ */
	0x309D, 0x309E,                         /* ゝゞ */
	0x30A0,                                 /* ゠ */
	0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, /* ァィゥェォ */
	0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, /* ッャュョヮ */
	0x30F5, 0x30F6,                         /* ヵヶ */
	0x30FB, 0x30FC, 0x30FD, 0x30FE,         /* ・ーヽヾ */
	0x31F0, 0x31F1, 0x31F2, 0x31F3, 0x31F4, 0x31F5, 0x31F6, 0x31F7,
	0x31F8, 0x31F9, 0x31FA, 0x31FB, 0x31FC, 0x31FD, 0x31FE, 0x31FF,
	0xFF01, /* ！ */ 0xFF09, /* ） */ 0xFF0C, /* ， */ 0xFF0E, /* ． */
	0xFF1A, /* ： */ 0xFF1B, /* ； */ 0xFF1F, /* ？ */ 0xFF3D, /* ］ */
	0xFF5D, /* ｝ */ 0xFF5E, /* ～ */ 0xFF60, /* ｠ */ 0xFF61, /* ｡ */
	0xFF63, /* ｣ */ 0xFF64, /* ､ */ 0xFF65, /* ･ */
	0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B, 0xFF6C, 0xFF6D, 0xFF6E,
	0xFF6F, /* ｧ-ｯ */ 0xFF70, /* ｰ */
};

/* JLREQ cl-01 opening brackets: no line ends with one.  Sorted. */
static const uint32_t no_end[] = {
	0x0028, /* ( */ 0x005B, /* [ */ 0x007B, /* { */ 0x00AB, /* « */
	0x2018, /* ‘ */ 0x201C, /* “ */ 0x2985, /* ⦅ */
	0x3008, /* 〈 */ 0x300A, /* 《 */ 0x300C, /* 「 */ 0x300E, /* 『 */
	0x3010, /* 【 */ 0x3014, /* 〔 */ 0x3016, /* 〖 */ 0x3018, /* 〘 */
	0x301A, /* 〚 */ 0x301D, /* 〝 */
	0xFF08, /* （ */ 0xFF3B, /* ［ */ 0xFF5B, /* ｛ */ 0xFF5F, /* ｟ */
	0xFF62, /* ｢ */
};

static bool in_set(const uint32_t *set, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (set[mid] == cp)
			return true;
		if (set[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool text_no_line_start(uint32_t cp)
{
	return in_set(no_start, sizeof no_start / sizeof *no_start, cp);
}

bool text_no_line_end(uint32_t cp)
{
	return in_set(no_end, sizeof no_end / sizeof *no_end, cp);
}

/* ---- number zones --------------------------------------------------------- */

static bool is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool is_num_sep(uint32_t cp)
{
	return cp == ',' || cp == '.' || cp == 0xFF0C || cp == 0xFF0E;
}

static bool is_sign(uint32_t cp)
{
	switch (cp) {
	case '+': case '-': case '$': case 0xA5:  /* ¥ */
	case 0xB1:   /* ± */ case 0x2212: /* − */ case 0x25B2: /* ▲ */
	case 0x25B3: /* △ */ case 0xFF04: /* ＄ */ case 0xFF0B: /* ＋ */
	case 0xFF0D: /* － */ case 0xFFE5: /* ￥ */ case 0x2116: /* № */
		return true;
	}
	return false;
}

/* Units and counters written after a number (longest first where one is
 * the start of another).  A unit may also follow "/" or "／" (人/年).
 * UTF-8. */
static const char *const num_units[] = {
	"事業所", "事業者", "事業", "年度", "年間", "年代", "か年", "ヶ年",
	"か月", "ヶ月", "カ月", "箇月", "か所", "ヶ所", "カ所", "箇所",
	"千円", "万円", "億円", "兆円", "千人", "万人", "千件", "万件",
	"千社", "千台", "万台", "ポイント", "パーセント", "世帯", "団体",
	"施設", "品目", "企業", "店舗", "時間", "日間", "週間", "ヵ月",
	"円", "千", "万", "億", "兆", "％", "%", "‰", "℃", "°", "件", "人",
	"社", "年", "月", "日", "回", "倍", "者", "所", "店", "校", "台",
	"個", "本", "点", "歳", "才", "時", "分", "秒", "割", "名", "期",
	"次", "位", "号", "項", "章", "節", "条", "部", "戸", "棟", "組",
	"隻", "機", "頭", "匹", "坪", "枚", "冊", "泊", "席", "品", "種",
	"型", "面", "㎡", "㎞", "㎏", "ha", "km", "kg", "m²", "t", "m",
	"GB", "MB",
};

/* Decodes the next code point of a well-formed UTF-8 literal. */
static uint32_t lit_next(const unsigned char **s)
{
	const unsigned char *p = *s;
	uint32_t cp;
	int n;
	if (p[0] < 0x80) {
		cp = p[0];
		n = 1;
	} else if (p[0] < 0xE0) {
		cp = p[0] & 0x1F;
		n = 2;
	} else if (p[0] < 0xF0) {
		cp = p[0] & 0x0F;
		n = 3;
	} else {
		cp = p[0] & 0x07;
		n = 4;
	}
	for (int i = 1; i < n; i++)
		cp = cp << 6 | (p[i] & 0x3F);
	*s = p + n;
	return cp;
}

/* Length in characters of literal lit matched at c[i...], or 0. */
static size_t match_at(const struct tchar *c, size_t n, size_t i,
		       const char *lit)
{
	const unsigned char *s = (const unsigned char *)lit;
	size_t k = 0;
	while (*s) {
		if (i + k >= n || c[i + k].orig != lit_next(&s))
			return 0;
		k++;
	}
	return k;
}

/* Length of the longest unit at c[i...], "/" and "／" + unit included. */
static size_t match_unit(const struct tchar *c, size_t n, size_t i)
{
	size_t slash = 0;
	if (i < n && (c[i].orig == '/' || c[i].orig == 0xFF0F))
		slash = 1;
	size_t best = 0;
	for (size_t u = 0; u < sizeof num_units / sizeof *num_units; u++) {
		size_t k = match_at(c, n, i + slash, num_units[u]);
		/* a Latin unit must not run on into a word: "5 m" yes, "5mail" no */
		if (k && i + slash + k < n && c[i + slash + k].orig < 0x80 &&
		    u_isalpha((UChar32)c[i + slash + k].orig))
			k = 0;
		if (k > best)
			best = k;
	}
	return best ? slash + best : 0;
}

static bool is_fullwidth_alnum(uint32_t cp)
{
	return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	       (cp >= 0xFF41 && cp <= 0xFF5A);
}

static bool is_alnum(uint32_t cp)
{
	return (cp < 0x80 && u_isalnum((UChar32)cp)) || is_fullwidth_alnum(cp);
}

/* M T S H R (明治 大正 昭和 平成 令和), half- or full-width, starting an
 * era abbreviation at c[i]: not the tail of a word (PDCAR7 is not one),
 * and followed by a year, digits or 元 (R元 = 令和元年).  ICU keeps R7
 * whole (AL × NU) but breaks R|元, R|７ and Ｒ|7. */
static bool era_at(const struct tchar *c, size_t n, size_t i)
{
	if (i + 1 >= n || (i > 0 && is_alnum(c[i - 1].orig)))
		return false;
	switch (c[i].orig) {
	case 'M': case 'T': case 'S': case 'H': case 'R':
	case 0xFF2D: case 0xFF34: case 0xFF33: case 0xFF28: case 0xFF32:
		return is_digit(c[i + 1].orig) || c[i + 1].orig == 0x5143; /* 元 */
	}
	return false;
}

/* Marks zone[i] with an id (> 0) for every character of a number zone or
 * a full-width word; a line never breaks between two characters of one. */
static void find_zones(const struct tchar *c, size_t n, uint32_t *zone)
{
	uint32_t id = 0;
	memset(zone, 0, n * sizeof *zone);
	for (size_t i = 0; i < n;) {
		bool era = era_at(c, n, i);
		if (era || is_digit(c[i].orig)) {
			size_t start = i, end = i;
			if (era) {
				end = i + 1; /* the letter; R元 takes 元 here */
				if (c[end].orig == 0x5143)
					end++;
			} else if (start > 0 && is_sign(c[start - 1].orig)) {
				start--;
			}
			while (end < n && is_digit(c[end].orig))
				end++;
			while (end + 1 < n && is_num_sep(c[end].orig) &&
			       is_digit(c[end + 1].orig)) {
				end++;
				while (end < n && is_digit(c[end].orig))
					end++;
			}
			for (int k = 0; k < 3; k++) {
				size_t u = match_unit(c, n, end);
				if (!u)
					break;
				end += u;
			}
			/* a zone may not swallow the tail of an earlier one */
			if (start < i && zone[start])
				start = i;
			if (end - start >= 2) {
				id++;
				for (size_t k = start; k < end; k++)
					zone[k] = id;
			}
			i = end;
		} else if (is_fullwidth_alnum(c[i].orig)) {
			size_t end = i;
			while (end < n && is_fullwidth_alnum(c[end].orig))
				end++;
			if (end - i >= 2) {
				id++;
				for (size_t k = i; k < end; k++)
					zone[k] = id;
			}
			i = end;
		} else {
			i++;
		}
	}
}

/* ---- the break opportunities ---------------------------------------------- */

/* Kana, ideographs and full-width forms: the neighbours that make a
 * quotation mark behave as a Japanese bracket. */
static bool is_japanese(uint32_t cp)
{
	return (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Katakana and ー, full- and half-width; not ・, which separates words. */
static bool is_katakana(uint32_t cp)
{
	return (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FF) ||
	       (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F);
}

/* Kanji (and 々): the characters of the compounds that 「・未|確定」
 * splits. */
static bool is_ideograph(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3005;
}

/* What a term starts after: spaces, 、。，．・ and opening brackets. */
static bool is_separator(uint32_t cp)
{
	switch (cp) {
	case ' ': case 0x3000: case 0x3001: case 0x3002: case 0xFF0C:
	case 0xFF0E: case 0x30FB: case 0xFF65: case ',':
		return true;
	}
	return text_no_line_end(cp);
}

/* JLREQ cl-02: ）」』】 and the like (Pe), and ” ’ (Pf). */
static bool is_closing_bracket(uint32_t cp)
{
	int8_t t = u_charType((UChar32)cp);
	return t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION;
}

/* ---- phrases ---------------------------------------------------------------- */

/* ICU 72 segments Japanese into phrases with a dictionary ("lw=phrase"),
 * in time quadratic in the length of a run it is given (48,000 kanji and
 * kana without punctuation: 4 s).  So it is given one clause at a time:
 * pieces ending after a space, a comma, a full stop or a bracket, and at
 * most PHRASE_CHUNK UTF-16 units (then cut at a legal break in the second
 * half, a boundary that counts as inside a phrase). */
#define PHRASE_CHUNK 128

static bool clause_end(uint16_t u)
{
	switch (u) {
	case ' ': case '\t': case '\n': case '\r': case 0x3000: case 0x3001:
	case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF01: case 0xFF1F:
	case '!': case '?': case ',': case ';': case 0xFF1B:
		return true;
	}
	int8_t t = u_charType(u);
	return t == U_START_PUNCTUATION || t == U_END_PUNCTUATION;
}

static bool is_japanese(uint32_t cp);

/* phr[i] = 1 where a phrase ends before char i.  The u16 text of
 * icu_breaks() (m units) and the legal breaks are given. */
static void phrase_breaks(struct text_engine *te, size_t m, const uint8_t *brk,
			  uint8_t *phr)
{
	const uint16_t *u = te->u16;
	const size_t *ch = te->u16_char;
	for (size_t a = 0; a < m;) {
		size_t e = a;
		bool jp = false, natural = false;
		while (e < m) {
			uint16_t x = u[e++];
			jp |= is_japanese(x) || (x >= 0xD800 && x <= 0xDFFF);
			if (clause_end(x)) {
				natural = true;
				break;
			}
			if (e - a >= PHRASE_CHUNK) {
				for (size_t p = e - 1; p > a + PHRASE_CHUNK / 2; p--)
					if (ch[p] != ch[p - 1] && brk[ch[p]]) {
						e = p;
						break;
					}
				break;
			}
		}
		if (natural && e < m)
			phr[ch[e]] = 1;
		if (!jp || !te->phrase) {
			for (size_t p = a + 1; p < e; p++)
				if (ch[p] != ch[p - 1])
					phr[ch[p]] = 1;
		} else {
			UErrorCode err = U_ZERO_ERROR;
			ubrk_setText(te->phrase, u + a, (int32_t)(e - a), &err);
			if (U_FAILURE(err)) {
				for (size_t p = a + 1; p < e; p++)
					phr[ch[p]] = 1;
			} else {
				for (int32_t q = ubrk_following(te->phrase, 0);
				     q != UBRK_DONE && (size_t)q < e - a;
				     q = ubrk_next(te->phrase))
					phr[ch[a + (size_t)q]] = 1;
			}
		}
		a = e;
	}
}

static void icu_breaks(struct text_engine *te, const struct tchar *c, size_t n,
		       uint8_t *brk, uint8_t *phr)
{
	size_t need = 2 * n + 1;
	if (need > te->alloc_u16) {
		te->alloc_u16 = need;
		te->u16 = xreallocarray(te->u16, need, sizeof *te->u16);
		te->u16_char = xreallocarray(te->u16_char, need, sizeof *te->u16_char);
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = c[i].orig == '\t' ? ' ' : c[i].orig;
		te->u16_char[m] = i;
		if (cp > 0xFFFF) {
			te->u16[m++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
			te->u16_char[m] = i;
			te->u16[m++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
		} else {
			te->u16[m++] = (uint16_t)cp;
		}
	}
	te->u16_char[m] = n;
	UErrorCode err = U_ZERO_ERROR;
	ubrk_setText(te->brk, te->u16, (int32_t)m, &err);
	if (U_FAILURE(err))
		return; /* no opportunities: lines are force-broken */
	for (int32_t p = ubrk_following(te->brk, 0); p != UBRK_DONE;
	     p = ubrk_next(te->brk)) {
		size_t i = te->u16_char[p];
		if (i > 0 && i < n)
			brk[i] = BRK_ALLOW;
	}
	phrase_breaks(te, m, brk, phr);
}

/* Kanji, 々, katakana and ー: the characters of compounds, whose words
 * ICU's phrases separate (参加|者|数, 育成|支援|プロジェクト) although a
 * reader takes the compound as one. */
static bool in_compound(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3005 ||
	       (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FF);
}

/* する, した, して, される, させる after a kanji noun: one verb (反映|する
 * is a phrase boundary to ICU, not to a reader). */
static bool suru_verb(const struct tchar *c, size_t n, size_t i)
{
	if (i + 1 >= n || !is_ideograph(c[i - 1].orig))
		return false;
	uint32_t a = c[i].orig, b = c[i + 1].orig;
	return (a == 0x3059 && b == 0x308B) ||                  /* する */
	       (a == 0x3057 && (b == 0x305F || b == 0x3066 ||   /* した して */
				b == 0x307E)) ||                /* しま(す) */
	       (a == 0x3055 && (b == 0x308C || b == 0x305B));   /* され させ */
}

/* A one-letter word (a grade: A, B, C, D) before a space and a number:
 * 「D 0件」 reads as one item. */
static bool grade_count(const struct tchar *c, size_t n, size_t i)
{
	if (i < 2 || i >= n || !is_digit(c[i].orig) ||
	    (c[i - 1].orig != ' ' && c[i - 1].orig != 0x3000))
		return false;
	uint32_t g = c[i - 2].orig;
	bool letter = (g >= 'A' && g <= 'Z') || (g >= 0xFF21 && g <= 0xFF3A);
	return letter && (i < 3 || !is_alnum(c[i - 3].orig));
}

/* ---- the last texts' breaks ------------------------------------------------ */

/* ICU's phrases cost about 150 ns a character, three times the rest of a
 * layout, and documents lay the same text out more than once (a table
 * sizes its columns, then sets each cell; a story measures, then draws;
 * the specimen and the bench set a paragraph at three widths).  So the
 * opportunities of texts of up to MEMO_CHARS characters are kept in
 * MEMO_SLOTS slots chosen by a hash (at most 2.5 MB), keyed by
 * everything they depend on: each character, whether it is a newline and
 * whether it is a combining mark. */
#define MEMO_SLOTS 1024
#define MEMO_CHARS 512

struct brk_memo {
	size_t n;         /* 0: empty */
	uint64_t hash;
	uint32_t *key;    /* n */
	uint8_t *brk;     /* n + 1 */
};

static uint32_t memo_key(const struct tchar *t)
{
	return t->orig | (uint32_t)(t->kind == TC_NEWLINE) << 31 |
	       (uint32_t)((t->flags & TC_MARK) != 0) << 30;
}

static uint64_t memo_hash(const struct tchar *c, size_t n)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= memo_key(&c[i]);
		h *= 1099511628211u;
	}
	return h;
}

static bool memo_same(const struct brk_memo *m, const struct tchar *c,
		      size_t n, uint64_t h)
{
	if (m->n != n || m->hash != h)
		return false;
	for (size_t i = 0; i < n; i++)
		if (m->key[i] != memo_key(&c[i]))
			return false;
	return true;
}

static void memo_keep(struct text_engine *te, const struct tchar *c, size_t n,
		      uint64_t h, const uint8_t *brk)
{
	if (!te->memo) {
		te->memo = xcalloc(MEMO_SLOTS, sizeof *te->memo);
	}
	struct brk_memo *m = &te->memo[h % MEMO_SLOTS];
	uint32_t *key = xreallocarray(m->key, n, sizeof *key);
	uint8_t *b = xrealloc(m->brk, n + 1);
	for (size_t i = 0; i < n; i++)
		key[i] = memo_key(&c[i]);
	memcpy(b, brk, n + 1);
	*m = (struct brk_memo){.n = n, .hash = h, .key = key, .brk = b};
}

void text_break_memo_free(struct text_engine *te)
{
	if (!te->memo)
		return;
	for (size_t k = 0; k < MEMO_SLOTS; k++) {
		free(te->memo[k].key);
		free(te->memo[k].brk);
	}
	free(te->memo);
	te->memo = NULL;
}

static void find_opportunities(struct text_engine *te, const struct tchar *c,
			       size_t n, uint8_t *brk);

void text_break_opportunities(struct text_engine *te, const struct tchar *c,
			      size_t n, uint8_t *brk)
{
	if (n == 0 || n > MEMO_CHARS) {
		find_opportunities(te, c, n, brk);
		return;
	}
	uint64_t h = memo_hash(c, n);
	if (te->memo && memo_same(&te->memo[h % MEMO_SLOTS], c, n, h)) {
		memcpy(brk, te->memo[h % MEMO_SLOTS].brk, n + 1);
		return;
	}
	find_opportunities(te, c, n, brk);
	memo_keep(te, c, n, h, brk);
}

static void find_opportunities(struct text_engine *te, const struct tchar *c,
			       size_t n, uint8_t *brk)
{
	memset(brk, BRK_NO, n + 1);
	if (n == 0) {
		brk[0] = BRK_HARD;
		return;
	}
	uint8_t *phr = xcalloc(n + 1, 1);
	icu_breaks(te, c, n, brk, phr);

	/* 4. quotation marks as Japanese brackets */
	for (size_t i = 1; i < n; i++) {
		uint32_t a = c[i - 1].orig, b = c[i].orig;
		if ((b == 0x201C || b == 0x2018) && is_japanese(a) &&
		    !text_no_line_end(a))
			brk[i] = BRK_ALLOW;
		if ((a == 0x201D || a == 0x2019) && is_japanese(b) &&
		    !text_no_line_start(b))
			brk[i] = BRK_ALLOW;
	}

	/* 1, 2, 3, 5: what may never break */
	uint32_t *zone = xmallocarray(n, sizeof *zone);
	find_zones(c, n, zone);
	for (size_t i = 1; i < n; i++) {
		if (!brk[i])
			continue;
		if (text_no_line_start(c[i].orig) ||
		    text_no_line_end(c[i - 1].orig) || (c[i].flags & TC_MARK) ||
		    (zone[i] && zone[i] == zone[i - 1]))
			brk[i] = BRK_NO;
	}

	/* 6. legal, but poor: inside a katakana word, before one character
	 * that a closing bracket follows, and after one ideograph that starts
	 * a run of them after a separator */
	for (size_t i = 1; i < n; i++) {
		if (brk[i] != BRK_ALLOW)
			continue;
		if (is_katakana(c[i - 1].orig) && is_katakana(c[i].orig))
			brk[i] = BRK_IN_KANA;
		else if (i + 1 < n && is_japanese(c[i].orig) &&
			 !u_ispunct((UChar32)c[i].orig) &&
			 is_closing_bracket(c[i + 1].orig))
			brk[i] = BRK_ORPHAN;
		else if (is_ideograph(c[i - 1].orig) && is_ideograph(c[i].orig) &&
			 (i == 1 || is_separator(c[i - 2].orig)))
			brk[i] = BRK_ORPHAN;
		else if (i >= 2 && (c[i - 1].orig == 0xFF5E || c[i - 1].orig == 0x301C) &&
			 zone[i - 2] && zone[i])
			brk[i] = BRK_ORPHAN; /* a range of numbers: R3～|R7 */
	}

	/* 7. phrases: a legal break inside one is a poor break, and so is
	 * one between two words of a compound; one that leaves a single
	 * kanji of a compound on either side (参加者|数, 生|産性, 付加価|値)
	 * is as poor as 累|計） */
	uint32_t *right = xmallocarray((n + 1), sizeof *right); /* kanji from i on */
	/* (the 元 of R元 and the 人 of 1,200人 belong to their numbers) */
	right[n] = 0;
	for (size_t i = n; i-- > 0;)
		right[i] = is_ideograph(c[i].orig) && !zone[i] ? right[i + 1] + 1 : 0;
	uint32_t left = 0; /* kanji just before i */
	for (size_t i = 1; i < n; i++) {
		left = is_ideograph(c[i - 1].orig) && !zone[i - 1] ? left + 1 : 0;
		if (brk[i] != BRK_ALLOW)
			continue;
		if (left && right[i] && (left == 1 || right[i] == 1))
			brk[i] = BRK_ORPHAN;
		else if (!phr[i] || grade_count(c, n, i))
			brk[i] = BRK_IN_PHRASE;
		else if ((in_compound(c[i - 1].orig) && in_compound(c[i].orig)) ||
			 suru_verb(c, n, i))
			brk[i] = BRK_WORD;
	}
	free(right);
	free(phr);
	free(zone);

	/* 5. newlines: always, whatever came before */
	for (size_t i = 1; i < n; i++)
		if (c[i - 1].kind == TC_NEWLINE)
			brk[i] = BRK_HARD;
	brk[n] = BRK_HARD;
}

void text_breaks(struct text_engine *te, const char *utf8, size_t len,
		 void (*fn)(size_t offset, bool hard, void *ctx), void *ctx)
{
	struct tchar *c;
	size_t n = text_decode_plain(utf8, len, &c);
	uint8_t *brk = xmalloc(n + 1);
	text_break_opportunities(te, c, n, brk);
	for (size_t i = 1; i < n; i++)
		if (brk[i])
			fn(c[i].off, brk[i] == BRK_HARD, ctx);
	free(brk);
	free(c);
}

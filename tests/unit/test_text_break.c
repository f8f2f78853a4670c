/* test_text_break.c - Japanese line breaking: what ICU's "ja" strict rules
 * already do, what we tailor (JLREQ 行頭禁則・行末禁則・分離禁止), forced
 * breaks, and real sentences from the Kagoshima plan pinned at three
 * widths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utf8.h>
#include <unicode/ustring.h>

#include "cu_main.h"
#include "diag.h"
#include "font.h"
#include "text.h"

/* The city plan seed (seeds/000_d9ec721641db9e26.txt), as a fixture; tests
 * run from the top of the tree. */
#define SEED "tests/fixtures/text/city_plan_000.txt"

static struct fontset *fs;
static struct text_engine *te;
static struct diag_list dg;

static void start(void)
{
	diag_list_init(&dg);
	fs = fontset_load(NULL, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fs);
	te = text_engine_new(fs, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(te);
}

static void stop(void)
{
	text_engine_free(te);
	fontset_free(fs);
	diag_list_release(&dg);
	te = NULL;
	fs = NULL;
}

/* ---- helpers --------------------------------------------------------------- */

struct marks {
	char out[4096];
	const char *s;
	size_t done;
};

static void mark(size_t off, bool hard, void *ctx)
{
	struct marks *m = ctx;
	size_t n = strlen(m->out);
	snprintf(m->out + n, sizeof m->out - n, "%.*s%s", (int)(off - m->done),
		 m->s + m->done, hard ? "/" : "|");
	m->done = off;
}

/* s with '|' at every break opportunity ('/' after a newline). */
static const char *breaks(const char *s)
{
	static struct marks m;
	memset(&m, 0, sizeof m);
	m.s = s;
	text_breaks(te, s, strlen(s), mark, &m);
	size_t n = strlen(m.out);
	snprintf(m.out + n, sizeof m.out - n, "%s", s + m.done);
	return m.out;
}

/* s with '|' at every break ICU alone allows, for locale. */
static const char *icu_breaks(const char *locale, const char *s)
{
	static char out[4096];
	UChar u[1024];
	int32_t n;
	UErrorCode err = U_ZERO_ERROR;
	u_strFromUTF8(u, 1024, &n, s, -1, &err);
	UBreakIterator *bi = ubrk_open(UBRK_LINE, locale, u, n, &err);
	CU_ASSERT_FATAL(U_SUCCESS(err));
	out[0] = '\0';
	int32_t prev = 0;
	for (int32_t p = ubrk_following(bi, 0); p != UBRK_DONE;
	     p = ubrk_next(bi)) {
		char piece[1024];
		int32_t m;
		u_strToUTF8(piece, sizeof piece, &m, u + prev, p - prev, &err);
		piece[m] = '\0';
		strcat(out, piece);
		if (p < n)
			strcat(out, "|");
		prev = p;
	}
	ubrk_close(bi);
	return out;
}

/* The lines of s set at 10 pt mincho in width points, joined by '|'. */
/* How lines() and ragged() break: over the whole paragraph (the default),
 * or line by line where a test pins the line-by-line refinements. */
static enum text_breaker how = TEXT_BREAK_PARAGRAPH;

static const char *lines(const char *s, float width)
{
	static char out[8192];
	/* pinned with punctuation set closer, as a typesetter would */
	struct text_style st = {.role = FONT_MINCHO, .size = 10,
				.align = TEXT_JUSTIFY, .close_punct = true,
				.breaker = how};
	struct text_layout *tl =
		text_layout_new(te, s, strlen(s), &st, width, NULL, &dg);
	out[0] = '\0';
	for (size_t i = 0; i < tl->n_lines; i++) {
		size_t n = strlen(out);
		snprintf(out + n, sizeof out - n, "%s%.*s", i ? "|" : "",
			 (int)(tl->lines[i].end - tl->lines[i].start),
			 s + tl->lines[i].start);
	}
	text_layout_free(tl);
	return out;
}

/* The lines of s set ragged (TEXT_LEFT), solid, at 10 pt mincho, as
 * headings and most table cells are, joined by '|'. */
static const char *ragged(const char *s, float width)
{
	static char out[8192];
	struct text_style st = {.role = FONT_MINCHO, .size = 10,
				.align = TEXT_LEFT, .breaker = how};
	struct text_layout *tl =
		text_layout_new(te, s, strlen(s), &st, width, NULL, &dg);
	out[0] = '\0';
	for (size_t i = 0; i < tl->n_lines; i++) {
		size_t n = strlen(out);
		snprintf(out + n, sizeof out - n, "%s%.*s", i ? "|" : "",
			 (int)(tl->lines[i].end - tl->lines[i].start),
			 s + tl->lines[i].start);
	}
	text_layout_free(tl);
	return out;
}

#define EXPECT_STR(got, want)                                                  \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (strcmp(g_, w_) != 0)                                       \
			fprintf(stderr, "\n  got:  %s\n  want: %s\n", g_, w_); \
		CU_ASSERT_STRING_EQUAL(g_, w_);                                \
	} while (0)

/* ---- what ICU's Japanese strict rules do by themselves -------------------- */

/* We rely on ICU for these; if a new ICU changes one, this test says so
 * (our JLREQ tables would still hold the line). */
static void icu_strict_keeps_kinsoku_by_itself(void)
{
	const char *ja = "ja@lb=strict";
	/* closing brackets, 、。，． never start a line */
	EXPECT_STR(icu_breaks(ja, "あ」、い。う）え，お．"), "あ」、|い。|う）|え，|お．");
	/* opening brackets never end one */
	EXPECT_STR(icu_breaks(ja, "あ「い（う『え"), "あ|「い|（う|『え");
	/* small kana, ー, iteration marks, middle dots, ！？ */
	EXPECT_STR(icu_breaks(ja, "ちょっとコーヒー"), "ちょっ|と|コー|ヒー");
	EXPECT_STR(icu_breaks(ja, "人々あゝ"), "人々|あゝ");
	EXPECT_STR(icu_breaks(ja, "あ・い：う；え！お？"), "あ・|い：|う；|え！|お？");
	/* ellipses and dashes stay whole */
	EXPECT_STR(icu_breaks(ja, "あ……い‥‥う――え"), "あ……|い‥‥|う|――|え");
	/* ASCII numbers with separators and ％ stay whole */
	EXPECT_STR(icu_breaks(ja, "あ6,534と65.1％と"), "あ|6,534|と|65.1％|と");
}

/* Why lb=strict: ICU 72's plain "ja" is CSS "normal". */
static void icu_plain_ja_allows_small_kana_at_line_start(void)
{
	EXPECT_STR(icu_breaks("ja", "ちょっとコーヒー"), "ち|ょ|っ|と|コ|ー|ヒ|ー");
}

/* What UAX #14 does not know about Japanese, and we tailor. */
static void icu_alone_splits_japanese_numbers_and_quotes(void)
{
	const char *ja = "ja@lb=strict";
	EXPECT_STR(icu_breaks(ja, "６５．１％"), "６|５．|１％");
	EXPECT_STR(icu_breaks(ja, "6,534千円"), "6,534|千|円");
	EXPECT_STR(icu_breaks(ja, "ＰＤＣＡ"), "Ｐ|Ｄ|Ｃ|Ａ");
	/* ICU 72 already treats “ ” beside ideographs as brackets, but not
	 * ‘ ’ */
	EXPECT_STR(icu_breaks(ja, "の“熱”が"), "の|“熱”|が");
	EXPECT_STR(icu_breaks(ja, "と‘単’だ"), "と‘単’だ");
}

/* ---- 行頭禁則, one class at a time ------------------------------------------ */

static void no_line_starts_with_closing_bracket(void)
{
	start();
	const char *closers[] = {"」", "）", "』", "】", "〕", "〉", "》", "］",
				 "｝", ")", "”", "’"};
	for (size_t i = 0; i < sizeof closers / sizeof *closers; i++) {
		char s[64], want[64];
		snprintf(s, sizeof s, "あ%sい", closers[i]);
		snprintf(want, sizeof want, "あ%s|い", closers[i]);
		EXPECT_STR(breaks(s), want);
	}
	/* and the layout pushes the character before it to the next line */
	EXPECT_STR(lines("あいうえお」かき", 50), "あいうえ|お」かき");
	stop();
}

static void no_line_starts_with_comma_or_full_stop(void)
{
	start();
	EXPECT_STR(breaks("あ、い。う，え．お,f.g"), "あ、|い。|う，|え．|お,f.g");
	EXPECT_STR(lines("あいうえお、かき", 50), "あいうえ|お、かき");
	EXPECT_STR(lines("あいうえお。かき", 50), "あいうえ|お。かき");
	stop();
}

static void no_line_starts_with_small_kana(void)
{
	start();
	EXPECT_STR(breaks("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"),
		   "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ");
	EXPECT_STR(breaks("あぁ"), "あぁ");
	EXPECT_STR(lines("あいうえきゃく", 50), "あいうえ|きゃく");
	EXPECT_STR(lines("あいうえおっかき", 50), "あいうえ|おっかき");
	EXPECT_STR(lines("あいうえカッタ", 50), "あいうえ|カッタ");
	stop();
}

static void no_line_starts_with_prolonged_sound_mark(void)
{
	start();
	EXPECT_STR(breaks("コーヒー"), "コー|ヒー");
	EXPECT_STR(lines("あいうえコーヒー", 50), "あいうえ|コーヒー");
	EXPECT_STR(lines("あいうコーヒー", 50), "あいうコー|ヒー");
	stop();
}

static void no_line_starts_with_middle_dot_colon_semicolon(void)
{
	start();
	EXPECT_STR(breaks("国・県：市；町"), "国・|県：|市；|町");
	EXPECT_STR(lines("あいうえ国・県", 50), "あいうえ|国・県");
	EXPECT_STR(lines("あいうえお：かき", 50), "あいうえ|お：かき");
	stop();
}

static void no_line_starts_with_exclamation_or_question(void)
{
	start();
	EXPECT_STR(breaks("あ！い？う‼え⁇お"), "あ！|い？|う‼|え⁇|お");
	EXPECT_STR(lines("あいうえお？かき", 50), "あいうえ|お？かき");
	stop();
}

static void no_line_starts_with_iteration_mark(void)
{
	start();
	EXPECT_STR(breaks("様々人々あゝいゞウヽエヾ"), "様々|人々|あゝ|いゞ|ウヽ|エヾ");
	EXPECT_STR(lines("あいうえ様々な", 50), "あいうえ|様々な");
	stop();
}

static void percent_stays_with_its_number(void)
{
	start();
	EXPECT_STR(breaks("率65.1％で６５．１％と"), "率|65.1％|で|６５．１％|と");
	EXPECT_STR(lines("あいうえお65.1％", 50), "あいうえお|65.1％");
	stop();
}

/* ---- 行末禁則 ---------------------------------------------------------------- */

static void no_line_ends_with_opening_bracket(void)
{
	start();
	const char *openers[] = {"「", "（", "『", "【", "〔", "〈", "《", "［",
				 "｛", "(", "“", "‘"};
	for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
		char s[64], want[64];
		snprintf(s, sizeof s, "あ%sい", openers[i]);
		snprintf(want, sizeof want, "あ|%sい", openers[i]);
		EXPECT_STR(breaks(s), want);
	}
	EXPECT_STR(lines("あいうえ「おかき」", 50), "あいうえ|「おかき」");
	stop();
}

/* “ ” are QU in UAX #14 (no break on either side); Japanese text uses
 * them as brackets. */
static void quotes_break_like_brackets_in_japanese(void)
{
	start();
	EXPECT_STR(breaks("の“熱”が"), "の|“熱”|が");
	EXPECT_STR(breaks("と‘単’だ"), "と|‘単’|だ");
	/* in English they stay as ICU has them */
	EXPECT_STR(breaks("a “b” c"), "a |“b” |c");
	stop();
}

/* ---- 分離禁止 ---------------------------------------------------------------- */

static void numbers_with_units_are_never_split(void)
{
	start();
	EXPECT_STR(breaks("は6,534千円で"), "は|6,534千円|で");
	EXPECT_STR(breaks("は7，809千円で"), "は|7，809千円|で");
	EXPECT_STR(breaks("は2,215億円以上"), "は|2,215億円|以|上");
	EXPECT_STR(breaks("は７，８０９千円"), "は|７，８０９千円");
	EXPECT_STR(breaks("は27,300事業所と"), "は|27,300事業所|と");
	EXPECT_STR(breaks("者数121人/年で"), "者|数|121人/年|で");
	EXPECT_STR(breaks("令和７年度まで"), "令|和|７年度|ま|で");
	EXPECT_STR(breaks("△1,200"), "△1,200");
	/* a unit is not taken from a Latin word after the number */
	EXPECT_STR(breaks("5mail"), "5mail");
	/* a number too wide for the line is still broken, as a last resort */
	const char *l = lines("1,234,567,890,123千円", 30);
	CU_ASSERT_PTR_NOT_NULL(strchr(l, '|'));
	stop();
}

/* R元, H28, Ｒ７: an era letter and its year are one token.  ICU keeps
 * R7 (AL × NU) but breaks R|元 and mixed widths. */
static void era_abbreviations_are_never_split(void)
{
	start();
	EXPECT_STR(breaks("（R元）"), "（R元）");
	EXPECT_STR(breaks("はR元年度に"), "は|R元年度|に");
	EXPECT_STR(breaks("（H28～R元平均）"), "（H28～|R元|平|均）");
	EXPECT_STR(breaks("H２９年度は"), "H２９年度|は");
	EXPECT_STR(breaks("Ｒ7年"), "Ｒ7年");
	EXPECT_STR(breaks("R13、H30"), "R13、|H30");
	/* a letter ending a word is no era, and 令和元年 breaks as before */
	EXPECT_STR(breaks("PDCAR元"), "PDCAR|元");
	EXPECT_STR(breaks("令和元年"), "令|和|元|年");
	/* in a narrow cell the year goes down with its letter */
	EXPECT_STR(ragged("35.5％（R元）", 55), "35.5％|（R元）");
	EXPECT_STR(ragged("305人/年（R元）", 60), "305人/年|（R元）");
	/* and numbers keep their separators and units, as before */
	EXPECT_STR(breaks("1,200人と85.0%と８５．０％"), "1,200人|と|85.0%|と|８５．０％");
	EXPECT_STR(ragged("あいうえお1,200人", 70), "あいうえお|1,200人");
	stop();
}

/* 「累|計）」: a line does not start with one character and a closing
 * bracket when the line above has an earlier break; when it has none, the
 * break stays where it was. */
static void a_line_does_not_start_with_one_character_and_a_closing_bracket(void)
{
	start();
	how = TEXT_BREAK_GREEDY;
	EXPECT_STR(ragged("1,200人（R4〜R13累計）", 90), "1,200人（R4〜R13|累計）");
	EXPECT_STR(ragged("7件/年（H27～R元平均）", 90), "7件/年（H27～R元|平均）");
	EXPECT_STR(ragged("あいうえおかきくけこさ）", 100), "あいうえおかきくけ|こさ）");
	/* justified, when the line above still ends flush: 1 em over 18 gaps */
	EXPECT_STR(lines("あいうえおかきくけこさしすせそたちつてとな）に", 200),
		   "あいうえおかきくけこさしすせそたちつて|とな）に");
	/* nothing earlier on the line: kept */
	EXPECT_STR(ragged("累計）", 25), "累|計）");
	how = TEXT_BREAK_PARAGRAPH;
	/* over the paragraph the break goes to a phrase boundary before the
	 * bracket: the range R4〜R13 (a poor break after its 〜) and 累計
	 * stay whole */
	EXPECT_STR(ragged("1,200人（R4〜R13累計）", 90), "1,200人|（R4〜R13累計）");
	EXPECT_STR(ragged("累計）", 25), "累|計）");
	stop();
}

/* 「・未|確定」「・評|価不能」: nor does a line end with the first kanji of
 * a term that starts after a separator, when an earlier break is cheap. */
static void a_line_does_not_end_with_the_first_kanji_of_a_term(void)
{
	start();
	EXPECT_STR(ragged("あいうえおかきく・未確定 1件", 100),
		   "あいうえおかきく・|未確定 1件");
	EXPECT_STR(ragged("あいうえおかきく・評価不能", 100),
		   "あいうえおかきく・|評価不能");
	EXPECT_STR(ragged("あいうえおかきく（実績値）", 100),
		   "あいうえおかきく|（実績値）");
	/* justified: 1 em over 18 gaps */
	EXPECT_STR(lines("あいうえおかきくけこさしすせそたちつ・未確定です", 200),
		   "あいうえおかきくけこさしすせそたちつ・|未確定です");
	/* kana after a separator break anywhere, as before */
	EXPECT_STR(ragged("あいうえおかきく・みかくてい", 100),
		   "あいうえおかきく・み|かくてい");
	/* nothing earlier: the compound is split, never overflows */
	EXPECT_STR(ragged("未確定", 15), "未|確|定");
	stop();
}

/* プロ|ジェクト: a line breaks before a katakana word rather than inside
 * it, when that leaves at most a quarter of a ragged line empty (or, in a
 * justified one, no more than its gaps can take); otherwise inside. */
static void katakana_words_are_kept_whole_when_it_costs_little(void)
{
	start();
	how = TEXT_BREAK_GREEDY;
	const char *h = "重点プロジェクト1 高付加価値な産業を創出する企業・人材の育成支援"
			"プロジェクト";
	EXPECT_STR(ragged(h, 340),
		   "重点プロジェクト1 高付加価値な産業を創出する企業・人材の育成支援|"
		   "プロジェクト");
	EXPECT_STR(ragged(h, 360),
		   "重点プロジェクト1 高付加価値な産業を創出する企業・人材の育成支援|"
		   "プロジェクト");
	EXPECT_STR(ragged("あいうえおかきくけプロジェクト", 100),
		   "あいうえおかきくけ|プロジェクト");
	/* three em of ten is more than a quarter: split */
	EXPECT_STR(ragged("あいうえおかきクリエイティブ", 100),
		   "あいうえおかきクリエ|イティブ");
	/* justified: 2 em over 30 gaps keeps the line flush, 1 em over 9
	 * does not (the seed sentences keep 「プ|ラン」 at 100 pt) */
	EXPECT_STR(lines("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふプロジェクト", 300),
		   "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふ|プロジェクト");
	EXPECT_STR(lines("あいうえおかきくけプロジェクト", 100),
		   "あいうえおかきくけプ|ロジェクト");
	/* over the whole paragraph the heading keeps its compound: a
	 * shorter first line rather than 育成支援|プロジェクト (issue 21),
	 * and a katakana word is not split where a line can end short */
	how = TEXT_BREAK_PARAGRAPH;
	EXPECT_STR(ragged(h, 340),
		   "重点プロジェクト1 高付加価値な産業を創出する企業・人材の|"
		   "育成支援プロジェクト");
	EXPECT_STR(ragged("あいうえおかきクリエイティブ", 100),
		   "あいうえおかき|クリエイティブ");
	stop();
}

static void latin_words_and_ellipses_are_never_split(void)
{
	start();
	EXPECT_STR(breaks("mark MEIZAN（マーク"), "mark |MEIZAN|（マー|ク");
	EXPECT_STR(breaks("ＰＤＣＡサイクル"), "ＰＤＣＡ|サ|イ|ク|ル");
	EXPECT_STR(breaks("あ……い‥‥う"), "あ……|い‥‥|う");
	/* JLREQ cl-08: no break between the two dashes; a line may start
	 * with them */
	EXPECT_STR(breaks("不明――データ"), "不|明|――|デー|タ");
	EXPECT_STR(lines("ありがとうtechnology", 70), "ありがとう|technology");
	stop();
}

static void newlines_are_hard_breaks(void)
{
	start();
	EXPECT_STR(breaks("あい\nうえ\r\nお\rか"), "あ|い\n/う|え\r\n/お\r/か");
	EXPECT_STR(lines("あい\nうえ", 100), "あい\n|うえ");
	EXPECT_STR(lines("あい\n\nうえ", 100), "あい\n|\n|うえ");
	stop();
}

static void combining_marks_stay_with_their_base(void)
{
	start();
	/* か + U+3099 (combining dakuten) */
	EXPECT_STR(breaks("あか\xe3\x82\x99い"), "あ|か\xe3\x82\x99|い");
	stop();
}

/* ---- when nothing legal fits ------------------------------------------------ */

static void a_word_wider_than_the_line_is_broken_at_the_last_char_that_fits(void)
{
	start();
	struct text_style st = {.role = FONT_MINCHO, .size = 10};
	const char *s = "internationalization";
	struct text_layout *tl =
		text_layout_new(te, s, strlen(s), &st, 40, NULL, &dg);
	CU_ASSERT(tl->n_lines >= 2);
	CU_ASSERT(tl->forced);
	size_t covered = 0;
	for (size_t i = 0; i < tl->n_lines; i++) {
		CU_ASSERT(tl->lines[i].width <= 40 + 1e-3);
		CU_ASSERT_EQUAL(tl->lines[i].start, covered);
		covered = tl->lines[i].end;
		/* the last character that fits: adding the next would not */
		if (i + 1 < tl->n_lines) {
			char one[2] = {s[tl->lines[i].end], 0};
			float next = text_width(te, FONT_MINCHO, 10, one, 1, NULL, NULL);
			CU_ASSERT(tl->lines[i].width + next > 40);
			CU_ASSERT(tl->lines[i].forced);
		}
	}
	CU_ASSERT_EQUAL(covered, strlen(s));
	text_layout_free(tl);
	stop();
}

static void a_forced_break_still_keeps_kinsoku_when_it_can(void)
{
	start();
	/* 12 digits and a 。: no legal break; the forced one must not put 。
	 * at a line start */
	EXPECT_STR(lines("１２３４５６７８９０１２。", 120),
		   "１２３４５６７８９０１|２。");
	EXPECT_STR(lines("１２３４５６７８９０１。", 110),
		   "１２３４５６７８９０|１。");
	/* and never ends a line with an opening bracket */
	EXPECT_STR(lines("abcdefgh(ijklmnopq", 48), "abcdefgh|(ijklmnop|q");
	stop();
}

static void a_character_wider_than_the_box_stands_alone(void)
{
	start();
	struct text_style st = {.role = FONT_MINCHO, .size = 10};
	struct text_layout *tl =
		text_layout_new(te, "あい", strlen("あい"), &st, 5, NULL, &dg);
	CU_ASSERT_EQUAL(tl->n_lines, 2);
	CU_ASSERT(tl->lines[0].overflow);
	CU_ASSERT_EQUAL(tl->lines[0].n_chars, 1);
	text_layout_free(tl);
	stop();
}

/* ---- real sentences from the city plan, three widths ------------------- */

static const struct {
	const char *text;
	const char *at[3]; /* 100 pt (10 字), 155 pt, 230 pt at 10 pt */
} seed_cases[] = {
	{"鹿児島市商工業振興プランは、鹿児島市総合計画の商工業分野の分野別計画"
	 "として、今後の本市商工業振興の基本計画となるものであり、市、国・県な"
	 "ど関係機関、民間、大学等が一体となって取り組むものです。",
	 {"鹿児島市商工業振興|プランは、鹿児島市総|合計画の商工業分野の|分野別計"
	  "画として、|今後の本市商工業|振興の基本計画となる|ものであり、市、国・"
	  "|県など関係機関、民間、|大学等が一体となって|取り組むものです。",
	  "鹿児島市商工業振興プランは、|鹿児島市総合計画の商工業分野の|分野別計"
	  "画として、今後の本市商|工業振興の基本計画となるもので|あり、市、国・"
	  "県など関係機関、|民間、大学等が一体となって取り組|むものです。",
	  "鹿児島市商工業振興プランは、鹿児島市総合計画の|商工業分野の分野別計"
	  "画として、今後の本市商工業|振興の基本計画となるものであり、市、国・"
	  "県など|関係機関、民間、大学等が一体となって取り組む|ものです。"}},
	{"第２期鹿児島市商工業振興プラン(以下、「本プラン」という。)の計画期間"
	 "は、令和４年度から令和 13年度までの 10年間です。",
	 {"第２期鹿児島市商工業|振興プラン(以下、「本|プラン」という。)の計|画期"
	  "間は、令和４年度|から令和 13年度まで|の 10年間です。",
	  "第２期鹿児島市商工業振興プラン|(以下、「本プラン」という。)の|計画期"
	  "間は、令和４年度から令和 |13年度までの 10年間です。",
	  "第２期鹿児島市商工業振興プラン(以下、「本プラ|ン」という。)の計画期間"
	  "は、令和４年度から令和 |13年度までの 10年間です。"}},
	{"「本編」は、本市商工業の現状と課題などを踏まえ、計画期間 10 年間で実"
	 "現を目指す「本市商工業の将来像」と、その将来像の実現に向けた「展開シ"
	 "ナリオ」を示し、展開シナリオを推進するための「施策体系（施策の柱・取"
	 "組方針・取組内容）」を位置づけています。",
	 {"「本編」は、本市商工業|の現状と課題などを踏|まえ、計画期間 10 年|間で"
	  "実現を目指す「本|市商工業の将来像」と、|その将来像の実現に向|けた「展"
	  "開シナリオ」を|示し、展開シナリオを|推進するための「施策|体系（施策の"
	  "柱・取組|方針・取組内容）」を|位置づけています。",
	  "「本編」は、本市商工業の現状と|課題などを踏まえ、計画期間 10 |年間で実"
	  "現を目指す「本市商工業の|将来像」と、その将来像の実現に|向けた「展開"
	  "シナリオ」を示し、|展開シナリオを推進するための|「施策体系（施策の柱"
	  "・取組方針・|取組内容）」を位置づけています。",
	  "「本編」は、本市商工業の現状と課題などを踏まえ、|計画期間 10 年間で実"
	  "現を目指す「本市商工業の|将来像」と、その将来像の実現に向けた「展開"
	  "|シナリオ」を示し、展開シナリオを推進するための|「施策体系（施策の柱"
	  "・取組方針・取組内容）」を|位置づけています。"}},
	{"産学連携による共同研究・実用化検討の取組「かごしまtechミーティング」"
	 "（鹿児島大学産学・地域共創センター）、「mark MEIZAN（マークメイザン）」"
	 "の運営、クリエイティブ、スタートアップなどに着眼した取組等を推進",
	 {"産学連携による共同|研究・実用化検討の|取組「かごしま|techミーティング"
	  "」|（鹿児島大学産学・|地域共創センター）、|「mark MEIZAN|（マークメイザン"
	  "）」の|運営、クリエイティブ、|スタートアップなどに|着眼した取組等を推"
	  "進",
	  "産学連携による共同研究・実用|化検討の取組「かごしまtechミー|ティング」"
	  "（鹿児島大学産学・地域|共創センター）、「mark MEIZAN|（マークメイザン）"
	  "」の運営、クリ|エイティブ、スタートアップなどに|着眼した取組等を推進",
	  "産学連携による共同研究・実用化検討の取組「かご|しまtechミーティング」"
	  "（鹿児島大学産学・地域共|創センター）、「mark MEIZAN（マークメイザン）」"
	  "|の運営、クリエイティブ、スタートアップなどに|着眼した取組等を推進"}},
	{"⑤ 上記①～④のために、様々な交流・連携を通じて、ひと・企業の“熱度"
	 "”を高める",
	 {"⑤ 上記①～④の|ために、様々な交流・|連携を通じて、ひと・|企業の“熱"
	  "度”を高める",
	  "⑤ 上記①～④のために、様々な|交流・連携を通じて、ひと・企業の|“熱度"
	  "”を高める",
	  "⑤ 上記①～④のために、様々な交流・連携を通じ|て、ひと・企業の“熱度"
	  "”を高める"}},
	{"本市の移住関連施策を通じた移住者数 121人/年 ➡ 10年間で 1,200人",
	 {"本市の移住関連|施策を通じた移住者数 |121人/年 ➡ 10年間|で 1,200人",
	  "本市の移住関連施策を通じた|移住者数 121人/年 ➡ 10年間で |1,200人",
	  "本市の移住関連施策を通じた移住者数 121人/年 ➡ |10年間で 1,200人"}},
};

static void seed_sentences_break_as_pinned(void)
{
	start();
	static const float widths[3] = {100, 155, 230};
	for (size_t i = 0; i < sizeof seed_cases / sizeof *seed_cases; i++)
		for (int k = 0; k < 3; k++)
			EXPECT_STR(lines(seed_cases[i].text, widths[k]),
				   seed_cases[i].at[k]);
	stop();
}

/* JLREQ's lists, written out again here so the test does not trust the
 * engine's own tables. */
static const char *const not_at_start =
	"」）』】〕〉》］｝)”’、。，．,.ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
	"ー・：；！？‼⁇ゝゞヽヾ々〜～";
static const char *const not_at_end = "「（『【〔〈《［｛(“‘";

static bool in_list(const char *list, UChar32 c)
{
	int32_t o = 0, n = (int32_t)strlen(list);
	while (o < n) {
		UChar32 d;
		U8_NEXT(list, o, n, d);
		if (d == c)
			return true;
	}
	return false;
}

/* Every line of the whole city plan, at three widths: nothing lost, no
 * line wider than the box, no line starting or ending against the rules,
 * and no line that had to be forced. */
static void the_whole_city_plan_breaks_within_the_rules(void)
{
	start();
	FILE *f = fopen(SEED, "rb");
	if (!f)
		fprintf(stderr, "\n  cannot open %s (run from the top of the tree)\n",
			SEED);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	char buf[8192];
	static const float widths[3] = {100, 155, 230};
	size_t n_lines = 0, n_forced = 0, n_bad = 0;
	struct diag_list quiet = DIAG_LIST_INIT;
	while (fgets(buf, sizeof buf, f)) {
		size_t len = strlen(buf);
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		for (int k = 0; k < 3; k++) {
			struct text_style st = {
				.role = k == 1 ? FONT_GOTHIC : FONT_MINCHO,
				.size = 10, .align = TEXT_JUSTIFY};
			struct text_layout *tl = text_layout_new(
				te, buf, len, &st, widths[k], NULL, &quiet);
			size_t at = 0;
			for (size_t i = 0; i < tl->n_lines; i++) {
				const struct text_line *ln = &tl->lines[i];
				n_lines++;
				n_forced += ln->forced;
				CU_ASSERT_EQUAL(ln->start, at);
				at = ln->end;
				CU_ASSERT(ln->width <= widths[k] + 1e-3);
				if (i == 0)
					continue;
				UChar32 first, last;
				int32_t o = 0;
				U8_NEXT(buf + ln->start, o,
					(int32_t)(ln->end - ln->start), first);
				o = (int32_t)(ln->start - tl->lines[i - 1].start);
				const char *prev = buf + tl->lines[i - 1].start;
				while (o > 0 && prev[o - 1] == ' ')
					o--; /* trailing spaces are not drawn */
				U8_PREV(prev, 0, o, last);
				if (in_list(not_at_start, first) ||
				    in_list(not_at_end, last)) {
					n_bad++;
					fprintf(stderr, "\n  bad break at %g: %.*s|%.*s\n",
						(double)widths[k],
						(int)(ln->start - tl->lines[i - 1].start),
						prev, (int)(ln->end - ln->start),
						buf + ln->start);
				}
			}
			CU_ASSERT_EQUAL(at, len);
			text_layout_free(tl);
		}
	}
	fclose(f);
	diag_list_release(&quiet);
	CU_ASSERT(n_lines > 1000);
	CU_ASSERT_EQUAL(n_forced, 0);
	CU_ASSERT_EQUAL(n_bad, 0);
	stop();
}

static const struct cu_case cases[] = {
	{"ICU strict keeps kinsoku by itself", icu_strict_keeps_kinsoku_by_itself},
	{"ICU plain ja allows small kana at line start",
	 icu_plain_ja_allows_small_kana_at_line_start},
	{"ICU alone splits Japanese numbers and quotes",
	 icu_alone_splits_japanese_numbers_and_quotes},
	{"no line starts with a closing bracket", no_line_starts_with_closing_bracket},
	{"no line starts with 、。，．", no_line_starts_with_comma_or_full_stop},
	{"no line starts with small kana", no_line_starts_with_small_kana},
	{"no line starts with ー", no_line_starts_with_prolonged_sound_mark},
	{"no line starts with ・：；", no_line_starts_with_middle_dot_colon_semicolon},
	{"no line starts with ！？‼⁇", no_line_starts_with_exclamation_or_question},
	{"no line starts with ゝゞヽヾ々", no_line_starts_with_iteration_mark},
	{"％ stays with its number", percent_stays_with_its_number},
	{"no line ends with an opening bracket", no_line_ends_with_opening_bracket},
	{"quotes break like brackets in Japanese",
	 quotes_break_like_brackets_in_japanese},
	{"numbers with units are never split", numbers_with_units_are_never_split},
	{"era abbreviations are never split", era_abbreviations_are_never_split},
	{"a line does not start with one character and a closing bracket",
	 a_line_does_not_start_with_one_character_and_a_closing_bracket},
	{"a line does not end with the first kanji of a term",
	 a_line_does_not_end_with_the_first_kanji_of_a_term},
	{"katakana words are kept whole when it costs little",
	 katakana_words_are_kept_whole_when_it_costs_little},
	{"Latin words and ellipses are never split",
	 latin_words_and_ellipses_are_never_split},
	{"newlines are hard breaks", newlines_are_hard_breaks},
	{"combining marks stay with their base", combining_marks_stay_with_their_base},
	{"a word wider than the line breaks at the last char that fits",
	 a_word_wider_than_the_line_is_broken_at_the_last_char_that_fits},
	{"a forced break keeps kinsoku when it can",
	 a_forced_break_still_keeps_kinsoku_when_it_can},
	{"a character wider than the box stands alone",
	 a_character_wider_than_the_box_stands_alone},
	{"seed sentences break as pinned", seed_sentences_break_as_pinned},
	{"the whole city plan breaks within the rules",
	 the_whole_city_plan_breaks_within_the_rules},
	{NULL, NULL},
};

CU_MAIN("text: line breaking", cases)

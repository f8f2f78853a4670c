/* test_typo.c - the typographic profile (typo.h): how a figure, its sign,
 * its unit, a missing figure and a range print, and what running text and
 * a source's figure text become under the default (公用文) profile and
 * under others. */
#include "cu_main.h"
#include "arena.h"
#include "typo.h"

#include <stdbool.h>
#include <string.h>

static void report(bool ok, unsigned line, const char *what, const char *got,
		   const char *want)
{
	char msg[512];
	snprintf(msg, sizeof msg, "%s: got \"%s\", want \"%s\"", what, got, want);
	CU_assertImplementation(ok, line, msg, __FILE__, "", CU_FALSE);
}

static struct decimal dec(long long units, int scale)
{
	return (struct decimal){units, scale};
}

#define EXPECT_VALUE(t, d, unit, want)                                            \
	do {                                                                      \
		char b_[TYPO_FIGURE_MAX];                                         \
		int n_ = typo_value(t, d, unit, b_, sizeof b_);                   \
		report(!strcmp(b_, want) && n_ == (int)strlen(want), __LINE__,    \
		       "typo_value", b_, want);                                   \
	} while (0)

#define EXPECT_PERCENT(t, d, want)                                                \
	do {                                                                      \
		char b_[TYPO_FIGURE_MAX];                                         \
		typo_percent(t, d, b_, sizeof b_);                                \
		report(!strcmp(b_, want), __LINE__, "typo_percent", b_, want);    \
	} while (0)

#define EXPECT_TEXT(fn, t, in, want)                                              \
	do {                                                                      \
		struct arena *a_ = arena_new();                                   \
		const char *g_ = fn(t, in, a_);                                   \
		report(g_ && !strcmp(g_, want), __LINE__, #fn, g_ ? g_ : "(null)", \
		       want);                                                     \
		arena_free(a_);                                                   \
	} while (0)

static const struct typo ascii = {
	.percent = "%", .no_data = "-", .negative = "-", .range = "～",
	.digits = TYPO_DIGITS_HALF,
};

/* a negative figure prints with △ (public documents), never "-" */
static void test_negative(void)
{
	EXPECT_PERCENT(&typo_public, dec(-446, 1), "△44.6％");
	EXPECT_VALUE(&typo_public, dec(-117, 0), "件", "△117件");
	EXPECT_VALUE(&typo_public, dec(-1577, 0), "", "△1,577");
	EXPECT_VALUE(NULL, dec(-5, 1), "人", "△0.5人"); /* NULL: the default */
	EXPECT_VALUE(&typo_public, dec(0, 1), "％", "0.0％");    /* no sign on 0 */
	EXPECT_PERCENT(&ascii, dec(-446, 1), "-44.6%");
	struct typo black = typo_public;
	black.negative = "▲";
	EXPECT_VALUE(&black, dec(-20, 0), "社", "▲20社");
}

/* ％ after a percentage, as the profile says */
static void test_percent(void)
{
	EXPECT_PERCENT(&typo_public, dec(1038, 1), "103.8％");
	EXPECT_PERCENT(&typo_public, dec(100, 0), "100％");
	EXPECT_PERCENT(&ascii, dec(1038, 1), "103.8%");
	/* a measure's unit that is a percent sign is the profile's */
	EXPECT_VALUE(&typo_public, dec(412, 1), "%", "41.2％");
	EXPECT_VALUE(&ascii, dec(412, 1), "％", "41.2%");
}

/* grouping by three, and 兆 before 億 without leading zeros */
static void test_grouping(void)
{
	EXPECT_VALUE(&typo_public, dec(7809, 0), "千円", "7,809千円");
	EXPECT_VALUE(&typo_public, dec(123456789, 2), "万円", "1,234,567.89万円");
	EXPECT_VALUE(&typo_public, dec(2215, 0), "億円", "2,215億円");
	EXPECT_VALUE(&typo_public, dec(9999, 0), "億円", "9,999億円");
	EXPECT_VALUE(&typo_public, dec(20600, 0), "億円", "2兆600億円");
	EXPECT_VALUE(&typo_public, dec(19128, 0), "億円", "1兆9,128億円");
	EXPECT_VALUE(&typo_public, dec(30000, 0), "億円", "3兆円");
	EXPECT_VALUE(&typo_public, dec(12345678, 0), "億円", "1,234兆5,678億円");
	EXPECT_VALUE(&typo_public, dec(-20600, 0), "億円", "△2兆600億円");
	EXPECT_VALUE(&typo_public, dec(20600, 0), "億", "2兆600億");
	/* a fraction of 億 stays in 億 */
	EXPECT_VALUE(&typo_public, dec(206005, 1), "億円", "20,600.5億円");
	/* a truncated buffer still says how long the whole is */
	char small[4];
	int n = typo_value(&typo_public, dec(20600, 0), "億円", small, sizeof small);
	report(n == (int)strlen("2兆600億円") && strlen(small) < 4, __LINE__,
	       "typo_value (truncated)", small, "2兆");
}

/* ― for no data: a lone dash of any kind is the profile's mark */
static void test_no_data(void)
{
	static const char *const dashes[] = {"－", "-", "―", "—", " － ", "−"};
	for (size_t i = 0; i < sizeof dashes / sizeof *dashes; i++) {
		report(typo_is_dash(dashes[i]), __LINE__, "typo_is_dash", dashes[i], "true");
		const char *m = typo_mark(&typo_public, dashes[i]);
		report(!strcmp(m, "―"), __LINE__, "typo_mark", m, "―");
	}
	report(!typo_is_dash("－－"), __LINE__, "typo_is_dash", "－－", "false");
	report(!strcmp(typo_mark(&typo_public, "未"), "未"), __LINE__, "typo_mark", "未", "未");
	report(!strcmp(typo_mark(&typo_public, "△"), "△"), __LINE__, "typo_mark", "△", "△");
	report(typo_mark(&typo_public, NULL) == NULL, __LINE__, "typo_mark", "NULL", "NULL");
	report(!strcmp(typo_mark(&ascii, "―"), "-"), __LINE__, "typo_mark", "―", "-");
}

/* ～ for ranges: the wave dash 〜 never mixes with ～ */
static void test_range(void)
{
	EXPECT_TEXT(typo_text, &typo_public, "実績値（R4〜R7）は例示値", "実績値（R4～R7）は例示値");
	EXPECT_TEXT(typo_text, &typo_public, "令和４年度〜令和13年度", "令和4年度～令和13年度");
	EXPECT_TEXT(typo_figure_text, &typo_public, "735件（H28〜R元）", "735件（H28～R元）");
}

/* digits of running text: half-width by default (as the sentences shiryo
 * writes), one digit full-width with "mixed"; names (R7, 5G) and codes
 * (2025/4/1) are left alone, and nothing is regrouped */
static void test_digits(void)
{
	const struct typo *t = &typo_public;
	EXPECT_TEXT(typo_text, t, "１事業所当たり（従業者4人以上）",
		    "1事業所当たり（従業者4人以上）");
	EXPECT_TEXT(typo_text, t, "1事業者当たり（従業者４人以上）",
		    "1事業者当たり（従業者4人以上）");
	EXPECT_TEXT(typo_text, t, "令和４年度から令和１３年度までの１０年間",
		    "令和4年度から令和13年度までの10年間");
	EXPECT_TEXT(typo_text, t, "７，８０９千円と６５．１％", "7,809千円と65.1％");
	EXPECT_TEXT(typo_text, t, "R7の5G、Ｒ３、No.1、2025/4/1、10:00",
		    "R7の5G、Ｒ３、No.1、2025/4/1、10:00");
	/* ASCII letters with full-width digits: the digits half-width */
	EXPECT_TEXT(typo_text, t, "基準値（H２９）", "基準値（H29）");
	/* a badly grouped number stays as written, only narrower */
	EXPECT_TEXT(typo_text, t, "１，２３と1,2345", "1,23と1,2345");
	struct typo mixed = typo_public, full = typo_public;
	mixed.digits = TYPO_DIGITS_MIXED;
	full.digits = TYPO_DIGITS_FULL;
	EXPECT_TEXT(typo_text, &mixed, "1事業者当たり（従業者4人以上）",
		    "１事業者当たり（従業者４人以上）");
	EXPECT_TEXT(typo_text, &mixed, "令和４年度から令和１３年度", "令和４年度から令和13年度");
	EXPECT_TEXT(typo_text, &mixed, "開催回数 3回。", "開催回数 ３回。");
	EXPECT_TEXT(typo_text, &mixed, "R7の5G、H２９、Ｒ３", "R7の5G、H29、Ｒ３");
	EXPECT_TEXT(typo_text, &full, "令和4年度から令和13年度", "令和４年度から令和１３年度");
	EXPECT_TEXT(typo_text, &full, "7,809千円", "７，８０９千円");
	/* nothing to change: the very same string comes back */
	struct arena *a = arena_new();
	const char *s = "施策の柱を推進する";
	report(typo_text(t, s, a) == s, __LINE__, "typo_text (unchanged)", s, s);
	const char *h = "令和4年度";
	report(typo_text(t, h, a) == h, __LINE__, "typo_text (already half-width)", h, h);
	report(typo_text(t, NULL, a) == NULL, __LINE__, "typo_text", "NULL", "NULL");
	const char *bad = "４人\xff";
	report(typo_text(t, bad, a) == bad, __LINE__, "typo_text (invalid UTF-8)", bad, bad);
	arena_free(a);
}

/* a figure as a published table writes it */
static void test_figure_text(void)
{
	const struct typo *t = &typo_public;
	EXPECT_TEXT(typo_figure_text, t, "2兆0,600億円（R2年）", "2兆600億円（R2年）");
	EXPECT_TEXT(typo_figure_text, t, "1兆9,128億円（H26年）", "1兆9,128億円（H26年）");
	EXPECT_TEXT(typo_figure_text, t, "89.4%", "89.4％");
	EXPECT_TEXT(typo_figure_text, t, "－（R2）", "―（R2）");
	EXPECT_TEXT(typo_figure_text, t, "-5件", "△5件");
	EXPECT_TEXT(typo_figure_text, t, "－44.6％", "△44.6％");
	EXPECT_TEXT(typo_figure_text, t, "▲1,577人", "△1,577人");
	EXPECT_TEXT(typo_figure_text, t, "７，８０９千円", "7,809千円");
	EXPECT_TEXT(typo_figure_text, t, "6,534千円（H２９）", "6,534千円（H29）");
	EXPECT_TEXT(typo_figure_text, t, "（目標年度：Ｒ２）", "（目標年度：Ｒ２）");
	EXPECT_TEXT(typo_figure_text, t, "40.5%（年1.0%）（R8.3）", "40.5％（年1.0％）（R8.3）");
	/* a range between years keeps its dash: it is no sign */
	EXPECT_TEXT(typo_figure_text, t, "H28-R2", "H28-R2");
	EXPECT_TEXT(typo_figure_text, t, "100-200件", "100-200件");
	EXPECT_TEXT(typo_figure_text, &ascii, "△44.6％", "-44.6%");
}

static const struct cu_case cases[] = {
	{"negative figures take the profile's sign (△)", test_negative},
	{"percentages take the profile's sign (％)", test_percent},
	{"grouping by three, 兆 and 億", test_grouping},
	{"no data is the profile's mark (―)", test_no_data},
	{"ranges are ～, never 〜", test_range},
	{"digits of running text", test_digits},
	{"figure text of a source", test_figure_text},
	{NULL, NULL},
};

CU_MAIN("typo", cases)

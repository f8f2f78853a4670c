/* init.c - shiryo init: the files of a new plan; see scaffold.h.
 *
 * The texts are templates with a few holes (title, issuer, years), filled
 * with XML-escaped values.  Every file is created with O_EXCL, so that an
 * existing plan is never overwritten, not even by a race.
 */
#include "scaffold.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "fy.h"

/* A growing text. */
struct text {
	char *s;
	size_t n, alloc;
};

static void add(struct text *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->alloc) {
		t->alloc = (t->n + n + 1) * 2;
		t->s = xrealloc(t->s, t->alloc);
	}
	memcpy(t->s + t->n, s, n);
	t->n += n;
	t->s[t->n] = '\0';
}

/* s, escaped for XML text and attribute values. */
static void add_escaped(struct text *t, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': add(t, "&amp;", 5); break;
		case '<': add(t, "&lt;", 4); break;
		case '>': add(t, "&gt;", 4); break;
		case '"': add(t, "&quot;", 6); break;
		default: add(t, s, 1);
		}
	}
}

/* The template with its holes filled: @TITLE@, @ISSUER@, @FROM@, @TO@,
 * @FROM_ERA@ (令和8年度), @TO_ERA@, @BASE@ (the year before the plan),
 * @PLAN@ (the plan file's name), @PDCA@, @ACTUALS@, @DATE@ (a date in the
 * first year's autumn, for the council). */
static char *fill(const char *tpl, const struct scaffold *s)
{
	char from[32], to[32], from_era[48], to_era[48], base[32], date[16];
	fy_format(s->from, FY_STYLE_SHORT, from, sizeof from);
	fy_format(s->to, FY_STYLE_SHORT, to, sizeof to);
	fy_format(s->from, FY_STYLE_ERA, from_era, sizeof from_era);
	fy_format(s->to, FY_STYLE_ERA, to_era, sizeof to_era);
	fy_format(s->from - 1, FY_STYLE_SHORT, base, sizeof base);
	snprintf(date, sizeof date, "%04d-11-20", s->from);
	char pdca[64];
	snprintf(pdca, sizeof pdca, "plan-pdca-%s-council.xml", from);
	const struct {
		const char *hole, *value;
		bool escape;
	} holes[] = {
		{"@TITLE@", s->title, true}, {"@ISSUER@", s->issuer, true},
		{"@FROM@", from, false},     {"@TO@", to, false},
		{"@FROM_ERA@", from_era, false}, {"@TO_ERA@", to_era, false},
		{"@BASE@", base, false},     {"@PDCA@", pdca, false},
		{"@DATE@", date, false},
	};
	struct text t = {0};
	for (const char *p = tpl; *p;) {
		const char *at = strchr(p, '@');
		if (!at) {
			add(&t, p, strlen(p));
			break;
		}
		add(&t, p, (size_t)(at - p));
		bool done = false;
		for (size_t i = 0; i < sizeof holes / sizeof holes[0] && !done; i++) {
			size_t n = strlen(holes[i].hole);
			if (!strncmp(at, holes[i].hole, n)) {
				if (holes[i].escape)
					add_escaped(&t, holes[i].value);
				else
					add(&t, holes[i].value, strlen(holes[i].value));
				p = at + n;
				done = true;
			}
		}
		if (!done) {
			add(&t, "@", 1);
			p = at + 1;
		}
	}
	return t.s;
}

static const char plan_tpl[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!--\n"
	"  @TITLE@ の計画ファイル（shiryo init で作成したひな形）。\n"
	"\n"
	"  「（…）」の部分を計画の内容に書き換えてください。書き方の詳細は\n"
	"  shiryo のソースにある xml/schema/README.md にあります。\n"
	"  書き換えたら shiryo check plan.xml で確かめ、shiryo build で資料を作成します\n"
	"  （build のオプションは shiryo help build で表示されます）。\n"
	"  XML のコメントの中にはハイフン 2 つを続けて書けません。\n"
	"  数値は資料に書かれているとおりに書けます（1,200　６５．１　7，809）。\n"
	"  年度は R8、令和8年度、2026 のどの形でも書けます。\n"
	"-->\n"
	"<plan id=\"plan\" version=\"1\">\n"
	"  <!-- 計画の基本情報: 名称、発行者、計画期間 -->\n"
	"  <meta>\n"
	"    <title>@TITLE@</title>\n"
	"    <!-- ページ上部の見出しに使う短い名称 -->\n"
	"    <short-title>@TITLE@</short-title>\n"
	"    <issuer>@ISSUER@</issuer>\n"
	"    <!-- 所管の部局（任意）: <department>（…部）</department> -->\n"
	"    <!-- この XML が写している文書の名称 -->\n"
	"    <document>@TITLE@</document>\n"
	"    <period from=\"@FROM@\" to=\"@TO@\"/>\n"
	"  </meta>\n"
	"\n"
	"  <!-- 主要指標の年度ごとの実績値のファイル。Excel の実績入力シート（.xlsx）や\n"
	"       CSV は build の actuals オプションで加えることもできます。 -->\n"
	"  <actuals-file href=\"plan-actuals.xml\"/>\n"
	"  <!-- 会議ごとの PDCA 記録のファイル。年度と会議ごとに 1 つ加えていきます。 -->\n"
	"  <pdca-file href=\"@PDCA@\"/>\n"
	"\n"
	"  <!-- 評価の基準（達成度の区分）。省略すると次と同じ基準になります。 -->\n"
	"  <grading basis=\"progress\" prorate=\"true\" ratio-scale=\"1\">\n"
	"    <grade mark=\"A\" min=\"1.0\" label=\"計画どおり以上\"/>\n"
	"    <grade mark=\"B\" min=\"0.75\" label=\"おおむね順調\"/>\n"
	"    <grade mark=\"C\" min=\"0.5\" label=\"やや遅れ\"/>\n"
	"    <grade mark=\"D\" min=\"0\" label=\"遅れ\"/>\n"
	"    <no-data mark=\"－\" label=\"実績未確定\"/>\n"
	"    <not-assessable mark=\"／\" label=\"評価不能\"/>\n"
	"  </grading>\n"
	"\n"
	"  <!-- 計画の本文（位置づけ、背景など）。いくつでも書けます。 -->\n"
	"  <section id=\"positioning\" title=\"計画の位置づけ\">\n"
	"    <p>（この計画の根拠や、ほかの計画との関係を書きます。）</p>\n"
	"    <item>計画期間は@FROM_ERA@から@TO_ERA@までです。</item>\n"
	"  </section>\n"
	"\n"
	"  <!-- 目指す将来像。1 行ずつ <line> に書きます。 -->\n"
	"  <vision>\n"
	"    <line>（目指す将来像を書きます）</line>\n"
	"  </vision>\n"
	"\n"
	"  <!-- 施策の柱。柱ごとに取組方針（direction）、具体的な取組（initiative）、\n"
	"       目指す状態（outcome）とそれを測る指標を書きます。 -->\n"
	"  <pillars>\n"
	"    <pillar id=\"p1\" no=\"①\">\n"
	"      <title>（施策の柱の名称）</title>\n"
	"      <description>（この柱で目指すことを書きます。）</description>\n"
	"      <direction id=\"p1-d1\" no=\"1\">\n"
	"        <title>（取組方針）</title>\n"
	"        <!-- partners: 連携先（agencies 関係機関、private 民間、academia 大学等） -->\n"
	"        <initiative id=\"p1-d1-i1\" partners=\"private\">（具体的な取組）</initiative>\n"
	"      </direction>\n"
	"      <outcome id=\"p1-o1\">\n"
	"        <text>（目指す状態）</text>\n"
	"        <indicator-ref ref=\"kpi-1\"/>\n"
	"      </outcome>\n"
	"    </pillar>\n"
	"  </pillars>\n"
	"\n"
	"  <!-- 主要指標: 名称、単位、基準値、目標値、算出方法。\n"
	"       goal は higher（増えるほどよい）、lower（減るほどよい）、maintain（維持）。\n"
	"       下の数値は例示です。計画の数値に置き換えてください。 -->\n"
	"  <indicators>\n"
	"    <indicator id=\"kpi-1\" no=\"1\" pillar=\"p1\" goal=\"higher\">\n"
	"      <name>（指標の名称）</name>\n"
	"      <unit>件</unit>\n"
	"      <baseline value=\"100\" year=\"@BASE@\"/>\n"
	"      <target value=\"150\" year=\"@TO@\"/>\n"
	"      <source>（算出方法・出典）</source>\n"
	"    </indicator>\n"
	"  </indicators>\n"
	"</plan>\n";

static const char actuals_tpl[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!--\n"
	"  @TITLE@ の主要指標の実績値（shiryo init で作成したひな形）。\n"
	"\n"
	"  指標ごと・年度ごとに <value ref=\"指標のid\" year=\"年度\">値</value> を書きます。\n"
	"  値が未確定の年度は <value ref=\"kpi-1\" year=\"R9\"/> のように空にします。\n"
	"  下の値は例示です。実際の値に置き換えたら illustrative=\"true\" と <note> を\n"
	"  消してください（例示のあいだは、資料のページにも「例示値」と表示されます）。\n"
	"  各課から集める場合は、shiryo sheet（shiryo help sheet を参照）で入力用の\n"
	"  Excel を作り、記入されたものを build の actuals オプションで読み込めます。\n"
	"-->\n"
	"<actuals plan=\"plan\" illustrative=\"true\">\n"
	"  <note>実績値は例示値です。</note>\n"
	"  <value ref=\"kpi-1\" year=\"@FROM@\">110</value>\n"
	"</actuals>\n";

static const char pdca_tpl[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!--\n"
	"  @TITLE@ の PDCA 記録: @FROM_ERA@の推進会議（shiryo init で作成したひな形）。\n"
	"\n"
	"  施策の柱ごとに <record target=\"柱のid\"> を書きます。\n"
	"    <plan>   その年度に計画したこと\n"
	"    <do>     実施したこと（件数などは <figure name=\"…\" value=\"…\" unit=\"…\"/>）\n"
	"    <check>  評価（主要指標の実績は shiryo が実績値から算出するので書きません）\n"
	"    <action> 改善すること\n"
	"    <next>   次年度に取り組むこと\n"
	"  date は会議の開催日です。資料の日付になります。\n"
	"  下の内容は例示です。実際の記録に置き換えたら illustrative=\"true\" と <note> を\n"
	"  消してください。\n"
	"-->\n"
	"<pdca plan=\"plan\" year=\"@FROM@\" meeting=\"council\" date=\"@DATE@\" illustrative=\"true\">\n"
	"  <meeting-name>@FROM_ERA@ 推進会議</meeting-name>\n"
	"  <note>この記録は例示です。</note>\n"
	"  <record target=\"p1\">\n"
	"    <plan>\n"
	"      <item>（計画したこと）</item>\n"
	"    </plan>\n"
	"    <do>\n"
	"      <item>（実施したこと）<figure name=\"（実施件数）\" value=\"10\" unit=\"件\"/></item>\n"
	"    </do>\n"
	"    <check>（評価を書きます。）</check>\n"
	"    <action>\n"
	"      <item>（改善すること）</item>\n"
	"    </action>\n"
	"    <next>\n"
	"      <item>（次年度に取り組むこと）</item>\n"
	"    </next>\n"
	"  </record>\n"
	"</pdca>\n";

static bool has_controls(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return true;
	return false;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

int scaffold_init(const struct scaffold *s, struct diag_list *dg)
{
	if (has_controls(s->title) || has_controls(s->issuer)) {
		diag_add(dg, DIAG_ERROR, NULL, 0, 0,
			 "the title and the issuer must be one line of text without control "
			 "characters");
		return -1;
	}
	char from[32];
	fy_format(s->from, FY_STYLE_SHORT, from, sizeof from);
	char pdca_name[64];
	snprintf(pdca_name, sizeof pdca_name, "plan-pdca-%s-council.xml", from);
	const char *names[3] = {"plan.xml", "plan-actuals.xml", pdca_name};
	const char *tpls[3] = {plan_tpl, actuals_tpl, pdca_tpl};
	char *paths[3];
	for (int i = 0; i < 3; i++)
		paths[i] = join(s->dir, names[i]);

	int rc = -1, written = 0;
	if (mkdir(s->dir, 0777) != 0 && errno != EEXIST) {
		diag_add(dg, DIAG_ERROR, s->dir, 0, 0, "cannot create the folder: %s",
			 strerror(errno));
		goto out;
	}
	for (int i = 0; i < 3; i++) {
		struct stat st;
		if (lstat(paths[i], &st) == 0) {
			diag_add(dg, DIAG_ERROR, paths[i], 0, 0,
				 "already exists; init writes only into a folder without a plan");
			goto out;
		}
	}
	for (; written < 3; written++) {
		char *text = fill(tpls[written], s);
		int fd = open(paths[written], O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		size_t len = strlen(text);
		bool ok = fd >= 0 && write(fd, text, len) == (ssize_t)len;
		int err = errno;
		if (fd >= 0 && close(fd) != 0 && ok) {
			ok = false;
			err = errno;
		}
		free(text);
		if (!ok) {
			diag_add(dg, DIAG_ERROR, paths[written], 0, 0, "cannot write: %s",
				 strerror(err));
			if (fd >= 0)
				unlink(paths[written]);
			goto out;
		}
	}
	rc = 0;
out:
	if (rc != 0)
		for (int i = 0; i < written; i++)
			unlink(paths[i]);
	for (int i = 0; i < 3; i++)
		free(paths[i]);
	return rc;
}

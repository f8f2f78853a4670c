/* test_tagging.c - the logical structure the layout gives a display list
 * (issue 19): sections and headings that never skip a level, paragraphs,
 * a table over pages as one Table whose repeated header is an artifact,
 * furniture as artifacts, a fixed block's drawing in its Div; and the
 * HTML edition walked from it.  The PDF side (marked content, the tree in
 * the file) is checked end to end by tests/e2e/tagged.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "html.h"
#include "layout.h"
#include "table.h"
#include "text.h"

static struct fontset *fs;
static struct text_engine *te;
static struct diag_list dg;
static struct story *st;
static struct dl_doc *doc;

static void start(void)
{
	diag_list_init(&dg);
	fs = fontset_load(NULL, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fs);
	te = text_engine_new(fs, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(te);
	struct lay_setup ls;
	lay_setup_init(&ls, LAY_A4);
	ls.head_left = "計画の名前";
	ls.continued = "（続き）";
	st = story_new(te, &ls);
	doc = NULL;
}

static void stop(void)
{
	dl_doc_free(doc);
	story_free(st);
	text_engine_free(te);
	fontset_free(fs);
	diag_list_release(&dg);
}

/* The element whose text items hold text (first match), or -1. */
static int elem_of_text(const char *text)
{
	for (size_t p = 0; p < doc->n_pages; p++)
		for (size_t k = 0; k < doc->pages[p].n_items; k++) {
			const struct dl_item *it = &doc->pages[p].items[k];
			if (it->kind == DL_TEXT && it->u.text.len == strlen(text) &&
			    !memcmp(it->u.text.utf8, text, it->u.text.len))
				return it->elem;
		}
	return -2;
}

static size_t count_role(enum dl_role r)
{
	size_t n = 0;
	for (size_t e = 0; e < doc->n_elems; e++)
		n += doc->elems[e].role == r;
	return n;
}

static void mark_box(struct dl_doc *d, struct dl_page *p, float x, float y,
		     float w, float h, void *ctx)
{
	(void)ctx;
	(void)d;
	struct dl_color grey = DL_GREY(0.5f);
	dl_rect(p, x, y, w, h, &grey, NULL);
}

static void headings_sections_and_artifacts(void)
{
	start();
	/* a part that starts with a level-2 heading, then a level 3 one */
	story_heading(st, 2, "最初の見出し");
	story_para(st, "本文の段落です。");
	story_heading(st, 3, "小見出し");
	story_fixed(st, 40, mark_box, NULL);
	story_heading(st, 1, "次の章");
	CU_ASSERT_EQUAL_FATAL(story_layout(st, &doc, &dg), 0);

	CU_ASSERT_EQUAL_FATAL(doc->elems[0].role, DL_R_DOCUMENT);
	int h = elem_of_text("最初の見出し");
	CU_ASSERT_FATAL(h > 0);
	/* level 2 first: tagged H1, so that no level is skipped */
	CU_ASSERT_EQUAL(doc->elems[h].role, DL_R_H1);
	CU_ASSERT_EQUAL(doc->elems[doc->elems[h].parent].role, DL_R_SECT);
	int h3 = elem_of_text("小見出し");
	CU_ASSERT_EQUAL(doc->elems[h3].role, DL_R_H2);
	int h1 = elem_of_text("次の章");
	CU_ASSERT_EQUAL(doc->elems[h1].role, DL_R_H1);
	/* the second chapter's Sect is the Document's child, not nested */
	CU_ASSERT_EQUAL(doc->elems[doc->elems[h1].parent].parent, 0);
	int p = elem_of_text("本文の段落です。");
	CU_ASSERT_EQUAL(doc->elems[p].role, DL_R_P);
	CU_ASSERT_EQUAL(doc->elems[p].parent, doc->elems[h].parent);
	/* running head and footer are artifacts; the fixed block is a Div */
	CU_ASSERT_EQUAL(elem_of_text("計画の名前"), DL_ARTIFACT);
	CU_ASSERT_EQUAL(elem_of_text("- 1 -"), DL_ARTIFACT);
	CU_ASSERT_EQUAL(count_role(DL_R_DIV), 1);
	size_t divs = 0, rules = 0;
	for (size_t k = 0; k < doc->pages[0].n_items; k++) {
		const struct dl_item *it = &doc->pages[0].items[k];
		if (it->kind == DL_RECT && it->u.rect.fill)
			divs += it->elem >= 0 && doc->elems[it->elem].role == DL_R_DIV;
		if (it->kind == DL_LINE)
			rules += it->elem == DL_ARTIFACT;
	}
	CU_ASSERT_EQUAL(divs, 1);
	CU_ASSERT(rules >= 2); /* under the H1s and the running head */
	stop();
}

static void table_over_pages_is_one_table(void)
{
	start();
	struct table *t = table_new(2, NULL);
	size_t r = table_add_row(t, true);
	table_set(t, r, 0, "項目");
	table_set(t, r, 1, "内容");
	char buf[64];
	for (int i = 0; i < 120; i++) {
		r = table_add_row(t, false);
		snprintf(buf, sizeof buf, "行%d", i);
		table_set(t, r, 0, buf);
		table_set(t, r, 1, "説明の文");
	}
	story_table(st, t);
	CU_ASSERT_EQUAL_FATAL(story_layout(st, &doc, &dg), 0);
	CU_ASSERT_FATAL(doc->n_pages >= 2);
	CU_ASSERT_EQUAL(count_role(DL_R_TABLE), 1);
	CU_ASSERT_EQUAL(count_role(DL_R_THEAD), 1);
	CU_ASSERT_EQUAL(count_role(DL_R_TBODY), 1);
	CU_ASSERT_EQUAL(count_role(DL_R_TH), 2);
	CU_ASSERT_EQUAL(count_role(DL_R_TD), 240);
	CU_ASSERT_EQUAL(count_role(DL_R_TR), 121);
	int th = elem_of_text("項目");
	CU_ASSERT_EQUAL(doc->elems[th].role, DL_R_TH);
	CU_ASSERT_EQUAL(doc->elems[th].scope, DL_SCOPE_COLUMN);
	/* the header on the second page: drawn again, as an artifact; the
	 * marker too; the rows there are cells of the same Table */
	size_t heads = 0, cells = 0, marks = 0;
	const struct dl_page *pg = &doc->pages[1];
	for (size_t k = 0; k < pg->n_items; k++) {
		const struct dl_item *it = &pg->items[k];
		if (it->kind != DL_TEXT)
			continue;
		if (it->u.text.len == strlen("項目") && !memcmp(it->u.text.utf8, "項目", it->u.text.len))
			heads += it->elem == DL_ARTIFACT;
		if (!strncmp(it->u.text.utf8, "（続き）", strlen("（続き）")))
			marks += it->elem == DL_ARTIFACT;
		if (!strncmp(it->u.text.utf8, "行", strlen("行")))
			cells += it->elem >= 0 && doc->elems[it->elem].role == DL_R_TD;
	}
	CU_ASSERT_EQUAL(heads, 1);
	CU_ASSERT_EQUAL(marks, 1);
	CU_ASSERT(cells > 10);
	stop();
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void html_from_the_structure(void)
{
	start();
	story_heading(st, 1, "章 & 節");
	story_para(st, "本文<です>。");
	struct table *t = table_new(2, NULL);
	size_t r = table_add_row(t, true);
	table_set_cell(t, r, 0, &(struct table_cell){.text = "見出し", .colspan = 2});
	r = table_add_row(t, false);
	table_set(t, r, 0, "左");
	table_set(t, r, 1, "右");
	story_table(st, t);
	CU_ASSERT_EQUAL_FATAL(story_layout(st, &doc, &dg), 0);
	char path[] = "/tmp/shiryo-test-tagging-XXXXXX";
	int fd = mkstemp(path);
	CU_ASSERT_FATAL(fd >= 0);
	close(fd);
	CU_ASSERT_EQUAL_FATAL(html_write(doc, fs, path, &dg), 0);
	const char *h = slurp(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	CU_ASSERT(strstr(h, "<html lang=\"ja\">") != NULL);
	CU_ASSERT(strstr(h, ">章 &amp; 節</h1>") != NULL);
	CU_ASSERT(strstr(h, "<p>本文&lt;です&gt;。</p>") != NULL);
	CU_ASSERT(strstr(h, "<th scope=\"col\" colspan=\"2\">見出し</th>") != NULL);
	CU_ASSERT(strstr(h, "<td>左</td><td>右</td>") != NULL);
	/* furniture is not content */
	CU_ASSERT(strstr(h, "- 1 -") == NULL);
	CU_ASSERT(strstr(h, "<script") == NULL);

	/* with a title, it is the one h1 and the chapters are h2 */
	doc->info.title = dl_doc_strdup(doc, "表題");
	CU_ASSERT_EQUAL_FATAL(html_write(doc, fs, path, &dg), 0);
	h = slurp(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	CU_ASSERT(strstr(h, "<main>\n<h1>表題</h1>\n") != NULL);
	CU_ASSERT(strstr(h, ">章 &amp; 節</h2>") != NULL);
	int h1s = 0;
	for (const char *at = strstr(h, "<h1"); at; at = strstr(at + 1, "<h1"))
		h1s++;
	CU_ASSERT_EQUAL(h1s, 1);
	unlink(path);

	/* an untagged display list is refused, and nothing is written */
	struct dl_doc *plain = dl_doc_new();
	dl_page_add(plain, 100, 100);
	struct diag_list dl2 = DIAG_LIST_INIT;
	CU_ASSERT_EQUAL(html_write(plain, fs, path, &dl2), -1);
	CU_ASSERT_EQUAL(dl2.errors, 1);
	CU_ASSERT(access(path, F_OK) != 0);
	diag_list_release(&dl2);
	dl_doc_free(plain);
	stop();
}

/* The index the PDF structure tree and the HTML edition share: children
 * in the order made; an element shows when it or a descendant has
 * content, and an empty cell of a table that shows is kept. */
static void the_element_index(void)
{
	struct dl_doc *d = dl_doc_new();
	CU_ASSERT_EQUAL(dl_elem_add(d, DL_R_DOCUMENT, -1), 0);
	int sect = dl_elem_add(d, DL_R_SECT, 0);
	int empty_p = dl_elem_add(d, DL_R_P, sect);
	int table = dl_elem_add(d, DL_R_TABLE, sect);
	int tr = dl_elem_add(d, DL_R_TR, table);
	int td_full = dl_elem_add(d, DL_R_TD, tr);
	int td_empty = dl_elem_add(d, DL_R_TD, tr);
	int lone = dl_elem_add(d, DL_R_SECT, 0);
	int lone_td = dl_elem_add(d, DL_R_TD, lone);
	size_t n = d->n_elems;
	CU_ASSERT_EQUAL_FATAL(n, 9);

	size_t *at, *kid;
	dl_elem_children(d, &at, &kid);
	CU_ASSERT_EQUAL(at[1] - at[0], 3); /* the Document itself, then sect, lone */
	CU_ASSERT_EQUAL(kid[at[0] + 1], (size_t)sect);
	CU_ASSERT_EQUAL(kid[at[0] + 2], (size_t)lone);
	CU_ASSERT_EQUAL(at[sect + 1] - at[sect], 2);
	CU_ASSERT_EQUAL(kid[at[sect]], (size_t)empty_p);
	CU_ASSERT_EQUAL(kid[at[sect] + 1], (size_t)table);
	CU_ASSERT_EQUAL(at[tr + 1] - at[tr], 2);
	free(at);
	free(kid);

	bool own[9] = {false};
	own[td_full] = true;
	bool *live = dl_elem_live(d, own);
	CU_ASSERT(live[0] && live[sect] && live[table] && live[tr]);
	CU_ASSERT(live[td_full]);
	CU_ASSERT(live[td_empty]); /* an empty cell of a table that shows */
	CU_ASSERT(!live[empty_p]);
	CU_ASSERT(!live[lone]);
	CU_ASSERT(!live[lone_td]); /* no table that shows above it */
	free(live);
	dl_doc_free(d);
}

static const struct cu_case cases[] = {
	{"the element index: children in order, which elements show",
	 the_element_index},
	{"headings never skip a level; sections; furniture is artifact",
	 headings_sections_and_artifacts},
	{"a table over pages is one Table, its repeated header an artifact",
	 table_over_pages_is_one_table},
	{"the HTML edition walks the structure", html_from_the_structure},
	{NULL, NULL},
};

CU_MAIN("tagging", cases)

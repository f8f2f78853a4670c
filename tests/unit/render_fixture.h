/* render_fixture.h - what the PDF writer's tests share (test_render.c,
 * test_pdfa.c): a private temporary folder removed at exit, the font set
 * with its Mincho, Gothic and DejaVu indexes, and small file helpers.
 * Header-only, as each test program is one file.
 *
 * Define RENDER_FIXTURE_NAME (the folder's prefix, "test_render") before
 * including it, and RENDER_FIXTURE_CLEANUP(), if the program has more to
 * release at exit.
 */
#ifndef SHIRYO_TEST_RENDER_FIXTURE_H
#define SHIRYO_TEST_RENDER_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "dlist.h"
#include "font.h"

#ifndef RENDER_FIXTURE_NAME
#error "define RENDER_FIXTURE_NAME before including render_fixture.h"
#endif

static char tmpdir[64];
static struct fontset *fonts;
static int mincho, gothic, dejavu = -1;

static void cleanup(void)
{
	fontset_free(fonts);
#ifdef RENDER_FIXTURE_CLEANUP
	RENDER_FIXTURE_CLEANUP();
#endif
	if (tmpdir[0]) {
		char cmd[256];
		/* u+w: a case may leave a read-only folder behind */
		snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", tmpdir,
			 tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
	}
}

/* Loads the fonts and makes the folder, once. */
static void setup(void)
{
	if (fonts)
		return;
	strcpy(tmpdir, "/tmp/" RENDER_FIXTURE_NAME ".XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		exit(2);
	}
	struct diag_list dg = DIAG_LIST_INIT;
	fonts = fontset_load(NULL, &dg);
	if (!fonts) {
		diag_print(&dg, stderr);
		exit(2);
	}
	diag_list_release(&dg);
	mincho = fontset_role(fonts, FONT_MINCHO);
	gothic = fontset_role(fonts, FONT_GOTHIC);
	for (size_t i = 0; i < fontset_count(fonts); i++)
		if (strcmp(fontset_family(fonts, (int)i), "DejaVu Sans") == 0)
			dejavu = (int)i;
	atexit(cleanup);
}

/* tmpdir/name; the last eight results stay valid. */
static char *tmp_path(const char *name)
{
	static char buf[8][256];
	static int k;
	setup();
	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
	return buf[k];
}

static void text(struct dl_doc *d, struct dl_page *p, float x, float y,
		 int font, float size, const char *s)
{
	dl_text(d, p, x, y, font, size, DL_BLACK, s, strlen(s));
}

/* All of f, NUL-terminated, its length in *len (NULL when out of memory). */
static char *read_all(FILE *f, size_t *len)
{
	size_t cap = 4096, n = 0, r;
	char *b = malloc(cap);
	while (b && (r = fread(b + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (cap - n < 2) {
			char *nb = realloc(b, cap *= 2);
			if (!nb) {
				free(b);
				return NULL;
			}
			b = nb;
		}
	}
	if (b)
		b[n] = '\0';
	if (len)
		*len = n;
	return b;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *b = read_all(f, len);
	fclose(f);
	return b;
}

#endif

/* fontset.c - the font set: fonts/fontset.conf resolved to TrueType files.
 *
 * See font.h for the contract and fonts/fontset.conf for the format.
 *
 * Families are resolved with FreeType rather than fontconfig: fontconfig is
 * not among the build's libraries, and fc-match may answer with Debian's
 * fonts-japanese-*.ttf alternatives links, which a system can point at any
 * font.  We walk the two Debian font directories ourselves (sorted, so the
 * answer does not depend on directory order), never follow a symbolic link,
 * and accept a file only when the face inside reports the family asked for,
 * in a regular style, with TrueType (glyf) outlines, which the PDF writer embeds as
 * CIDFontType2 (pdf_font.c).
 */
#include "font.h"
#include "text.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include <dirent.h>
#include <stdint.h>
#include <hb.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "infile.h"

extern const char fontset_conf[];     /* fontset_blob.S */
extern const char fontset_conf_end[];

#define EMBEDDED_NAME "fonts/fontset.conf"
#define MAX_FAMILIES 32
#define MAX_CHAIN 8
#define MAX_DEPTH 8

static const char *const font_dirs[] = {
	"/usr/share/fonts/opentype",
	"/usr/share/fonts/truetype",
};

static const char *const role_names[FONT_ROLE_COUNT] = {"mincho", "gothic"};

/* A family declared by a 'font' line. */
struct decl {
	char *family, *file, *package;
	int line;
	char *path;  /* resolved file, NULL until found */
	char *broken; /* the package's file, there but unusable: "PATH: why" */
	bool tried;  /* resolution attempted */
	int index;   /* index in the set, -1 when not in it */
};

struct face_cache {
	hb_face_t *face[MAX_FAMILIES];
	bool tried[MAX_FAMILIES];
};

struct fontset {
	struct decl decls[MAX_FAMILIES];
	int n_decls;
	/* chain[r][k]: declaration numbers, then (after resolution) indices */
	int chain_decl[FONT_ROLE_COUNT][MAX_CHAIN];
	int n_chain_decl[FONT_ROLE_COUNT];
	int chain_line[FONT_ROLE_COUNT];
	int chain[FONT_ROLE_COUNT][MAX_CHAIN]; /* font indices, installed only */
	int n_chain[FONT_ROLE_COUNT];
	int font_decl[MAX_FAMILIES]; /* font index -> declaration */
	/* HarfBuzz faces of the files, opened on first use by fontset_face()
	 * and kept for the life of the set: a process that writes many PDFs
	 * (archive) maps each font file once, and HarfBuzz's tables and
	 * caches (cmap, glyph offsets) are built once. */
	struct face_cache *cache;
	int n_fonts;
};

/* Every .ttf file under the font directories, sorted, found lazily. */
struct file_list {
	char **paths;
	size_t n, alloc;
	bool scanned;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with_ttf(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && (strcmp(name + n - 4, ".ttf") == 0 ||
			 strcmp(name + n - 4, ".TTF") == 0);
}

static void walk(struct file_list *fl, const char *dir, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			names = xreallocarray(names, alloc, sizeof *names);
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = xmalloc(len);
		snprintf(path, len, "%s/%s", dir, names[i]);
		struct stat st;
		/* lstat: a link is skipped, whatever it points at */
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(fl, path, depth + 1);
			free(path);
		} else if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
			   ends_with_ttf(names[i])) {
			if (fl->n == fl->alloc) {
				fl->alloc = fl->alloc ? fl->alloc * 2 : 32;
				fl->paths = xreallocarray(fl->paths, fl->alloc,
							  sizeof *fl->paths);
			}
			fl->paths[fl->n++] = path;
		} else {
			free(path);
		}
		free(names[i]);
	}
	free(names);
}

static void file_list_scan(struct file_list *fl)
{
	if (fl->scanned)
		return;
	fl->scanned = true;
	for (size_t i = 0; i < sizeof font_dirs / sizeof *font_dirs; i++)
		walk(fl, font_dirs[i], 0);
}

static void file_list_release(struct file_list *fl)
{
	for (size_t i = 0; i < fl->n; i++)
		free(fl->paths[i]);
	free(fl->paths);
	memset(fl, 0, sizeof *fl);
}

static bool is_regular_style(const char *style)
{
	static const char *const ok[] = {"Regular", "Book", "Normal", "Roman",
					 "Medium"};
	if (!style)
		return true;
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		if (strcmp(style, ok[i]) == 0)
			return true;
	return false;
}

/* Can FreeType open the file at all?  why: its answer, when not. */
static bool face_opens(FT_Library lib, const char *path, char *why, size_t size)
{
	FT_Face face;
	FT_Error e = FT_New_Face(lib, path, 0, &face);
	if (e == 0) {
		FT_Done_Face(face);
		return true;
	}
	snprintf(why, size, "%s", e == FT_Err_Unknown_File_Format
					  ? "not a font file FreeType knows"
					  : "damaged font file (FreeType cannot read it)");
	return false;
}

/* Does the file hold a regular TrueType face of the family? */
static bool face_matches(FT_Library lib, const char *path, const char *family)
{
	FT_Face face;
	if (FT_New_Face(lib, path, 0, &face))
		return false;
	FT_ULong glyf_len = 0;
	bool ok = face->family_name && strcmp(face->family_name, family) == 0 &&
		  is_regular_style(face->style_name) &&
		  FT_Load_Sfnt_Table(face, TTAG_glyf, 0, NULL, &glyf_len) == 0 &&
		  glyf_len > 0;
	FT_Done_Face(face);
	return ok;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Why the font file at path cannot be used, into why (false when it can
 * be read and its table directory is whole).  FreeType opens a truncated
 * file without a word and fails later, glyph by glyph: the directory is
 * checked here, every table inside the file (issue 14). */
static bool font_file_problem(const char *path, char *why, size_t size)
{
	int fd = infile_open(path, why, size);
	if (fd < 0)
		return true;
	unsigned char head[12 + 16 * 64];
	ssize_t n = read(fd, head, sizeof head);
	struct stat st;
	bool bad = true;
	if (n < 0 || fstat(fd, &st) != 0) {
		snprintf(why, size, "%s", strerror(errno));
	} else if (st.st_size == 0) {
		snprintf(why, size, "the file is empty");
	} else if (n < 12) {
		snprintf(why, size, "the file is too short to be a font (%zd bytes)", n);
	} else if (be32(head) != 0x00010000 && be32(head) != 0x74727565 /* true */) {
		snprintf(why, size, "not a TrueType font file (its first bytes "
			 "are not a TrueType header)");
	} else {
		unsigned tables = (unsigned)head[4] << 8 | head[5];
		if (tables == 0 || 12 + 16 * (size_t)tables > (size_t)n) {
			snprintf(why, size, "damaged font file: %u tables in its "
				 "directory", tables);
		} else {
			bad = false;
			for (unsigned i = 0; i < tables && !bad; i++) {
				const unsigned char *r = head + 12 + 16 * i;
				uint64_t end = (uint64_t)be32(r + 8) + be32(r + 12);
				if (end > (uint64_t)st.st_size) {
					snprintf(why, size, "truncated font file: its "
						 "'%.4s' table ends at byte %llu, the "
						 "file has %lld bytes", (const char *)r,
						 (unsigned long long)end,
						 (long long)st.st_size);
					bad = true;
				}
			}
		}
	}
	close(fd);
	return bad;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static void resolve(struct decl *dc, FT_Library lib, struct file_list *fl)
{
	if (dc->tried)
		return;
	dc->tried = true;
	file_list_scan(fl);
	/* the file the package installs, first; there but unreadable or
	 * damaged, it is an error, not a font "not installed" */
	for (size_t i = 0; i < fl->n; i++) {
		if (strcmp(base_name(fl->paths[i]), dc->file) != 0)
			continue;
		char why[300];
		if (font_file_problem(fl->paths[i], why, sizeof why) ||
		    (!face_matches(lib, fl->paths[i], dc->family) &&
		     !face_opens(lib, fl->paths[i], why, sizeof why))) {
			size_t len = strlen(fl->paths[i]) + strlen(why) + 3;
			dc->broken = xmalloc(len);
			snprintf(dc->broken, len, "%s: %s", fl->paths[i], why);
			return;
		}
		if (face_matches(lib, fl->paths[i], dc->family)) {
			dc->path = xstrdup(fl->paths[i]);
			return;
		}
	}
	for (size_t i = 0; i < fl->n; i++)
		if (strcmp(base_name(fl->paths[i]), dc->file) != 0 &&
		    face_matches(lib, fl->paths[i], dc->family)) {
			dc->path = xstrdup(fl->paths[i]);
			return;
		}
}

/* ---- parsing ------------------------------------------------------------ */

static const char *skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

static const char *trim_end(const char *s, const char *end)
{
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	return end;
}

/* Splits [s, end) at sep into at most max trimmed fields; returns the count
 * (max + 1 when there are more). */
static int split(const char *s, const char *end, char sep, char **out, int max)
{
	int n = 0;
	for (;;) {
		const char *f = skip_space(s, end);
		const char *stop = f;
		while (stop < end && *stop != sep)
			stop++;
		const char *fe = trim_end(f, stop);
		if (n == max)
			return max + 1;
		out[n++] = xstrndup(f, (size_t)(fe - f));
		if (stop == end)
			return n;
		s = stop + 1;
	}
}

static int find_decl(const struct fontset *fs, const char *family)
{
	for (int i = 0; i < fs->n_decls; i++)
		if (strcmp(fs->decls[i].family, family) == 0)
			return i;
	return -1;
}

static void free_fields(char **f, int n)
{
	for (int i = 0; i < n && i < MAX_CHAIN + 1; i++)
		free(f[i]);
}

/* Parses one non-empty statement; false after reporting an error. */
static bool parse_line(struct fontset *fs, const char *s, const char *end,
		       const char *name, int line, struct diag_list *dg)
{
	char *f[MAX_CHAIN + 1] = {0};
	if (end - s > 5 && memcmp(s, "font", 4) == 0 && (s[4] == ' ' || s[4] == '\t')) {
		int n = split(s + 5, end, '|', f, 3);
		bool ok = n == 3 && f[0][0] && f[1][0] && f[2][0];
		if (!ok) {
			diag_add(dg, DIAG_ERROR, name, line, 0,
				 "font line needs 'font FAMILY | FILE | PACKAGE'");
		} else if (find_decl(fs, f[0]) >= 0) {
			diag_add(dg, DIAG_ERROR, name, line, 0,
				 "font family '%s' is declared twice", f[0]);
			ok = false;
		} else if (fs->n_decls == MAX_FAMILIES) {
			diag_add(dg, DIAG_ERROR, name, line, 0,
				 "more than %d font families", MAX_FAMILIES);
			ok = false;
		}
		if (ok) {
			struct decl *dc = &fs->decls[fs->n_decls++];
			dc->family = f[0];
			dc->file = f[1];
			dc->package = f[2];
			dc->line = line;
			dc->index = -1;
			return true;
		}
		free_fields(f, n);
		return false;
	}
	const char *eq = memchr(s, '=', (size_t)(end - s));
	if (!eq) {
		diag_add(dg, DIAG_ERROR, name, line, 0,
			 "line is neither 'font ...' nor 'ROLE = FAMILY, ...'");
		return false;
	}
	const char *re = trim_end(s, eq);
	int role = -1;
	for (int r = 0; r < FONT_ROLE_COUNT; r++)
		if ((size_t)(re - s) == strlen(role_names[r]) &&
		    memcmp(s, role_names[r], (size_t)(re - s)) == 0)
			role = r;
	if (role < 0) {
		diag_add(dg, DIAG_ERROR, name, line, 0,
			 "unknown role '%.*s' (expected mincho or gothic)",
			 (int)(re - s), s);
		return false;
	}
	if (fs->chain_line[role]) {
		diag_add(dg, DIAG_ERROR, name, line, 0,
			 "role '%s' is given twice (first on line %d)",
			 role_names[role], fs->chain_line[role]);
		return false;
	}
	int n = split(eq + 1, end, ',', f, MAX_CHAIN);
	bool ok = true;
	if (n > MAX_CHAIN) {
		diag_add(dg, DIAG_ERROR, name, line, 0,
			 "role '%s' has more than %d families", role_names[role],
			 MAX_CHAIN);
		ok = false;
	}
	for (int i = 0; ok && i < n; i++) {
		int d = f[i][0] ? find_decl(fs, f[i]) : -1;
		if (d < 0) {
			diag_add(dg, DIAG_ERROR, name, line, 0,
				 "font family '%s' in role '%s' has no 'font' line "
				 "before it",
				 f[i], role_names[role]);
			ok = false;
		} else {
			fs->chain_decl[role][i] = d;
		}
	}
	if (ok) {
		fs->n_chain_decl[role] = n;
		fs->chain_line[role] = line;
	}
	free_fields(f, n);
	return ok;
}

static bool parse(struct fontset *fs, const char *text, size_t len,
		  const char *name, struct diag_list *dg)
{
	bool ok = true;
	const char *p = text, *end = text + len;
	for (int line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *hash = memchr(p, '#', (size_t)(le - p));
		const char *s = skip_space(p, hash ? hash : le);
		const char *e = trim_end(s, hash ? hash : le);
		if (s < e && !parse_line(fs, s, e, name, line, dg))
			ok = false;
		p = nl ? nl + 1 : end;
	}
	for (int r = 0; r < FONT_ROLE_COUNT; r++)
		if (!fs->chain_line[r]) {
			diag_add(dg, DIAG_ERROR, name, 0, 0,
				 "no fonts given for role '%s'", role_names[r]);
			ok = false;
		}
	return ok;
}

static char *read_file(const char *path, size_t *len, struct diag_list *dg)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(dg, DIAG_ERROR, path, 0, 0, "cannot open font set: %s",
			 strerror(errno));
		return NULL;
	}
	char *buf = NULL;
	size_t n = 0, alloc = 0;
	for (;;) {
		if (n + 4096 > alloc) {
			alloc = alloc ? alloc * 2 : 8192;
			buf = xrealloc(buf, alloc);
		}
		size_t got = fread(buf + n, 1, alloc - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	bool err = ferror(f);
	fclose(f);
	if (err) {
		diag_add(dg, DIAG_ERROR, path, 0, 0, "cannot read font set");
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* ---- the set --------------------------------------------------------------- */

static void report_missing(const struct decl *dc, enum diag_severity sev,
			   const char *name, int line, const char *role,
			   struct diag_list *dg)
{
	diag_add(dg, sev, name, line, 0,
		 "font family '%s' (role %s) is not installed: no %s or other "
		 "TrueType file of that family under %s or %s; install the "
		 "Debian package %s",
		 dc->family, role, dc->file, font_dirs[0], font_dirs[1],
		 dc->package);
}

static int add_font(struct fontset *fs, int d)
{
	if (fs->decls[d].index < 0) {
		fs->decls[d].index = fs->n_fonts;
		fs->font_decl[fs->n_fonts++] = d;
	}
	return fs->decls[d].index;
}

struct fontset *fontset_load(const char *conf_path, struct diag_list *dg)
{
	struct fontset *fs = xcalloc(1, sizeof *fs);
	fs->cache = xcalloc(1, sizeof *fs->cache);
	const char *name = conf_path ? conf_path : EMBEDDED_NAME;
	char *text = NULL;
	size_t len;
	if (conf_path) {
		text = read_file(conf_path, &len, dg);
		if (!text) {
			fontset_free(fs);
			return NULL;
		}
	}
	bool ok = parse(fs, text ? text : fontset_conf,
			text ? len : (size_t)(fontset_conf_end - fontset_conf),
			name, dg);
	free(text);
	if (!ok) {
		fontset_free(fs);
		return NULL;
	}

	FT_Library lib;
	if (FT_Init_FreeType(&lib)) {
		diag_add(dg, DIAG_ERROR, NULL, 0, 0, "cannot start FreeType");
		fontset_free(fs);
		return NULL;
	}
	struct file_list fl = {0};
	for (int r = 0; r < FONT_ROLE_COUNT; r++)
		for (int k = 0; k < fs->n_chain_decl[r]; k++)
			resolve(&fs->decls[fs->chain_decl[r][k]], lib, &fl);
	file_list_release(&fl);
	FT_Done_FreeType(lib);

	/* a font file that is there but cannot be used: an error, naming it */
	for (int d = 0; d < fs->n_decls; d++)
		if (fs->decls[d].broken) {
			diag_add(dg, DIAG_ERROR, name, fs->decls[d].line, 0,
				 "font family '%s': the file %s; reinstall the "
				 "Debian package %s", fs->decls[d].family,
				 fs->decls[d].broken, fs->decls[d].package);
			ok = false;
		}
	if (!ok) {
		fontset_free(fs);
		return NULL;
	}

	/* report every missing family once, as an error when its role has
	 * nothing else installed */
	bool reported[MAX_FAMILIES] = {0};
	for (int r = 0; r < FONT_ROLE_COUNT; r++) {
		bool served = false;
		for (int k = 0; k < fs->n_chain_decl[r]; k++)
			served |= fs->decls[fs->chain_decl[r][k]].path != NULL;
		for (int k = 0; k < fs->n_chain_decl[r]; k++) {
			int d = fs->chain_decl[r][k];
			if (fs->decls[d].path || (served && reported[d]))
				continue;
			reported[d] = true;
			report_missing(&fs->decls[d],
				       served ? DIAG_WARNING : DIAG_ERROR, name,
				       fs->chain_line[r], role_names[r], dg);
		}
		if (!served)
			ok = false;
	}
	if (!ok) {
		fontset_free(fs);
		return NULL;
	}

	/* indices: the font serving each role first, then the fallbacks */
	for (int r = 0; r < FONT_ROLE_COUNT; r++)
		for (int k = 0; k < fs->n_chain_decl[r]; k++)
			if (fs->decls[fs->chain_decl[r][k]].path) {
				add_font(fs, fs->chain_decl[r][k]);
				break;
			}
	for (int r = 0; r < FONT_ROLE_COUNT; r++)
		for (int k = 0; k < fs->n_chain_decl[r]; k++) {
			int d = fs->chain_decl[r][k];
			if (!fs->decls[d].path)
				continue;
			int idx = add_font(fs, d);
			bool dup = false;
			for (int j = 0; j < fs->n_chain[r]; j++)
				dup |= fs->chain[r][j] == idx;
			if (!dup)
				fs->chain[r][fs->n_chain[r]++] = idx;
		}
	return fs;
}

void fontset_free(struct fontset *fs)
{
	if (!fs)
		return;
	for (int i = 0; fs->cache && i < MAX_FAMILIES; i++)
		hb_face_destroy(fs->cache->face[i]);
	free(fs->cache);
	for (int i = 0; i < fs->n_decls; i++) {
		free(fs->decls[i].family);
		free(fs->decls[i].file);
		free(fs->decls[i].package);
		free(fs->decls[i].path);
		free(fs->decls[i].broken);
	}
	free(fs);
}

size_t fontset_count(const struct fontset *fs)
{
	return (size_t)fs->n_fonts;
}

int fontset_role(const struct fontset *fs, enum font_role role)
{
	if ((int)role < 0 || role >= FONT_ROLE_COUNT || fs->n_chain[role] == 0)
		return -1;
	return fs->chain[role][0];
}

const char *fontset_file(const struct fontset *fs, int i)
{
	if (i < 0 || i >= fs->n_fonts)
		return NULL;
	return fs->decls[fs->font_decl[i]].path;
}

hb_face_t *fontset_face(const struct fontset *fs, int i)
{
	const char *path = fontset_file(fs, i);
	if (!path)
		return NULL;
	struct face_cache *c = fs->cache;
	if (!c->tried[i]) {
		c->tried[i] = true;
		hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
		if (blob) {
			c->face[i] = hb_face_create(blob, 0);
			hb_blob_destroy(blob);
			if (hb_face_get_glyph_count(c->face[i]) == 0) {
				hb_face_destroy(c->face[i]);
				c->face[i] = NULL;
			}
		}
	}
	return c->face[i];
}

const char *fontset_family(const struct fontset *fs, int i)
{
	if (i < 0 || i >= fs->n_fonts)
		return NULL;
	return fs->decls[fs->font_decl[i]].family;
}

size_t fontset_chain(const struct fontset *fs, enum font_role role,
		     const int **fonts)
{
	if ((int)role < 0 || role >= FONT_ROLE_COUNT) {
		*fonts = NULL;
		return 0;
	}
	*fonts = fs->chain[role];
	return (size_t)fs->n_chain[role];
}

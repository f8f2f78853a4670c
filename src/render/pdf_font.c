/* pdf_font.c - fonts for the PDF: real subsets, and libharu's repairs.
 *
 * libharu 2.3.0 embeds TrueType fonts by copying every table but 'glyf'
 * whole (cmap 246 KB, post 114 KB, hmtx, loca for IPAex), about 250 KB per
 * font before any text.  So each font is first cut down with hb-subset to
 * the characters the document draws, written to a temporary file (2.3.0
 * cannot load a font from memory) and loaded from there; libharu then
 * embeds that small font.  Measured on the 821 distinct characters of the
 * two seed plans in IPAex Mincho alone: whole font 522 KB, subset with
 * hinting 280 KB, subset without hinting 169 KB (the glyph instructions of
 * IPAex are about 40 % of its glyph data; print does not use them).  What
 * remains is the outlines: about 200 bytes per Mincho glyph and 140 per
 * Gothic glyph after deflate.
 *
 * Subset choices, each tested against libharu's loader:
 *  - NO_HINTING drops glyph instructions and the cvt/fpgm/prep tables;
 *    libharu then writes those three as empty tables, which poppler
 *    (pdftoppm), mupdf (mutool draw) and Ghostscript 10.0 render well;
 *  - NOTDEF_OUTLINE keeps the .notdef box, so a character the font lacks
 *    shows on paper as the warning says instead of vanishing;
 *  - layout and vertical tables are dropped (the PDF never uses them);
 *    libharu needs OS/2, cmap, glyf, head, hhea, hmtx, loca, maxp, name
 *    (PostScript name) and reads post if present: all kept.
 * U+0020 is always included: a subset of characters the font lacks has an
 * empty cmap, which libharu refuses (0x105F, HPDF_TTF_INVALID_FOMAT).
 *
 * After subsetting, the other libharu overheads are small and left alone:
 * the CIDToGIDMap (65,535 two-byte entries, almost all zero now) deflates
 * to 3.1 KB for 821 characters, and the /W array lists only the codes whose
 * width differs from the default, i.e. the proportional Latin ones.
 *
 * libharu's ToUnicode map is wrong (a CID-style 'begincidrange' that poppler
 * warns about and Ghostscript loses all text with) and its CIDSystemInfo
 * says Ordering (Identity-H).  pdf_fonts_finish() replaces the map's data
 * with 'bfchar' entries for the codes used (bfrange is garbled by
 * Ghostscript 10.0) and sets Ordering (Identity), through the internal
 * structures that the installed headers expose (hpdf_font.h).
 */
#include <errno.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dlist.h"
#include "font.h"
#include "pdf_int.h"

#define BIT_TEST(set, cp) ((set)[(cp) >> 3] & (1u << ((cp) & 7)))
#define BIT_SET(set, cp) ((set)[(cp) >> 3] |= (uint8_t)(1u << ((cp) & 7)))

enum { SLOT_NONE = -1, SLOT_FAILED = -2 };

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p)
		abort();
	return p;
}

/* The slot of font-set index font, opening the font file on first use. */
static int slot_of(struct pdf_ctx *ctx, int font)
{
	if (!ctx->font_slot) {
		ctx->n_font_slot = fontset_count(ctx->fs);
		ctx->font_slot = xcalloc(ctx->n_font_slot, sizeof *ctx->font_slot);
		ctx->fonts = xcalloc(ctx->n_font_slot, sizeof *ctx->fonts);
		for (size_t i = 0; i < ctx->n_font_slot; i++)
			ctx->font_slot[i] = SLOT_NONE;
	}
	int s = ctx->font_slot[font];
	if (s != SLOT_NONE)
		return s;

	const char *file = fontset_file(ctx->fs, font);
	for (size_t i = 0; i < ctx->n_fonts; i++) {
		if (file && strcmp(ctx->fonts[i].file, file) == 0) {
			ctx->font_slot[font] = (int)i;
			return (int)i;
		}
	}
	ctx->font_slot[font] = SLOT_FAILED;
	hb_blob_t *blob = file ? hb_blob_create_from_file_or_fail(file) : NULL;
	if (!blob) {
		/* HarfBuzz does not say why; ask the system. */
		FILE *fp = file ? fopen(file, "rb") : NULL;
		const char *why = !file ? "the font set names no file"
			       : fp	 ? "empty or unreadable"
					 : strerror(errno);
		if (fp)
			fclose(fp);
		pdf_error(ctx, "cannot read font file '%s' (font %d): %s",
			  file ? file : "", font, why);
		return SLOT_FAILED;
	}
	hb_face_t *face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	if (hb_face_get_glyph_count(face) == 0) {
		pdf_error(ctx, "font file '%s' (font %d) is not a TrueType font",
			  file, font);
		hb_face_destroy(face);
		return SLOT_FAILED;
	}
	struct pdf_font *f = &ctx->fonts[ctx->n_fonts];
	f->file = file;
	f->face = face;
	f->hb = hb_font_create(face);
	f->used = xcalloc(PDF_BMP_BYTES, 1);
	f->warned = xcalloc(PDF_BMP_BYTES, 1);
	ctx->font_slot[font] = (int)ctx->n_fonts;
	return (int)ctx->n_fonts++;
}

bool pdf_font_use(struct pdf_ctx *ctx, int font, const char *utf8, size_t len,
		  size_t page)
{
	int s = slot_of(ctx, font);
	if (s < 0)
		return false;
	struct pdf_font *f = &ctx->fonts[s];
	for (size_t i = 0; i < len;) {
		size_t at = i;
		long cp = pdf_utf8_next(utf8, len, &i);
		if (cp < 0 || cp > 0xFFFF)
			return false; /* pdf_check_string() reported it */
		if (BIT_TEST(f->used, cp))
			continue;
		BIT_SET(f->used, cp);
		f->n_used++;
		hb_codepoint_t gid;
		if (!hb_font_get_nominal_glyph(f->hb, (hb_codepoint_t)cp, &gid) &&
		    !BIT_TEST(f->warned, cp)) {
			BIT_SET(f->warned, cp);
			if (ctx->doc->pdfa)
				/* The .notdef glyph makes the file fail PDF/A
				 * validation (Preflight 3.3.1), so an archive
				 * file is not written at all. */
				pdf_error(ctx,
					  "character U+%04lX '%.*s' is not in font %d "
					  "(%s), and an archive (PDF/A) file cannot "
					  "show a missing glyph (first on page %zu)",
					  cp, (int)(i - at), utf8 + at, font,
					  fontset_family(ctx->fs, font), page);
			else
				pdf_warning(ctx,
					    "character U+%04lX '%.*s' is not in font %d "
					    "(%s); it prints as a crossed box (first on "
					    "page %zu)",
					    cp, (int)(i - at), utf8 + at, font,
					    fontset_family(ctx->fs, font), page);
		}
	}
	return true;
}

HPDF_Font pdf_font_get(const struct pdf_ctx *ctx, int i)
{
	return ctx->fonts[ctx->font_slot[i]].font;
}

/* The subset of f's font file with the code points f uses. */
static hb_blob_t *make_subset(struct pdf_ctx *ctx, struct pdf_font *f)
{
	static const char *const drop[] = {"GSUB", "GPOS", "GDEF", "BASE",
					   "JSTF", "vhea", "vmtx", "VORG",
					   "gasp", "kern", "DSIG", "hdmx",
					   "LTSH", "VDMX", "morx", "feat"};
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		abort();
	hb_set_t *uni = hb_subset_input_unicode_set(in);
	for (hb_codepoint_t cp = 0; cp < 0x10000; cp++)
		if (BIT_TEST(f->used, cp))
			hb_set_add(uni, cp);
	hb_set_add(uni, 0x20);
	hb_set_t *tables = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
		hb_set_add(tables, hb_tag_from_string(drop[i], 4));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
					      HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	hb_face_t *sub = hb_subset_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	if (!sub) {
		pdf_error(ctx, "cannot subset font file '%s' (hb-subset failed)",
			  f->file);
		return NULL;
	}
	hb_blob_t *blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	return blob;
}

/* libharu finds a character's glyph by a linear search through the cmap's
 * segments (HPDF_TTFontDef_GetGlyphid), and HPDF_GetFont() does that for
 * each of the 65,536 codes of its UTF-8 encoder, then again for every
 * character of every HPDF_Page_ShowText.  A subset of a few hundred
 * ideographs has a segment for almost each of them: some 40 million
 * comparisons per font, a fifth of the time of the city council handout.
 * So libharu's parsed table is turned here into one segment over the whole
 * BMP whose glyph array is indexed by the code itself (idRangeOffset 2:
 * index = 2/2 + code - start - (segments - 0) = code), filled with what
 * libharu's own search would answer for each code.  Only libharu's memory
 * changes: the embedded font's cmap is copied from the file as it was, so
 * the output bytes are the same.  Returns false when out of memory (libharu
 * has recorded the error). */
static bool flatten_cmap(HPDF_Doc pdf, const char *name)
{
	HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
	if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE)
		return true;
	HPDF_TTF_CmapRange *cm = &((HPDF_TTFontDefAttr)def->attr)->cmap;
	if (cm->format != 4 || cm->seg_count_x2 < 2)
		return true;
	HPDF_UINT segs = cm->seg_count_x2 / 2;
	HPDF_UINT16 *gids = HPDF_GetMem(def->mmgr, 65536 * sizeof *gids);
	HPDF_UINT16 *one[4];
	for (int k = 0; k < 4; k++)
		one[k] = HPDF_GetMem(def->mmgr, sizeof *one[k]);
	if (!gids || !one[0] || !one[1] || !one[2] || !one[3]) {
		if (gids)
			HPDF_FreeMem(def->mmgr, gids);
		for (int k = 0; k < 4; k++)
			if (one[k])
				HPDF_FreeMem(def->mmgr, one[k]);
		return false;
	}
	memset(gids, 0, 65536 * sizeof *gids);
	/* libharu takes the first segment whose end is >= the code, answers
	 * 0 if the code is below its start, else code + delta, or the glyph
	 * array's entry + delta (0 when the index is past the array) */
	HPDF_UINT code = 0;
	for (HPDF_UINT i = 0; i < segs && code <= 0xFFFF; i++) {
		HPDF_UINT end = cm->end_count[i], start = cm->start_count[i];
		for (; code <= end; code++) {
			HPDF_UINT16 gid = 0;
			if (code < start)
				gid = 0;
			else if (cm->id_range_offset[i] == 0)
				gid = (HPDF_UINT16)(code + (HPDF_UINT16)cm->id_delta[i]);
			else {
				HPDF_UINT idx = cm->id_range_offset[i] / 2 + (code - start) - (segs - i);
				if (idx < cm->glyph_id_array_count)
					gid = (HPDF_UINT16)(cm->glyph_id_array[idx] +
							    (HPDF_UINT16)cm->id_delta[i]);
			}
			gids[code] = gid;
		}
	}
	HPDF_UINT16 *old[] = {cm->end_count, cm->start_count, (HPDF_UINT16 *)cm->id_delta,
			      cm->id_range_offset, cm->glyph_id_array};
	for (size_t k = 0; k < sizeof old / sizeof *old; k++)
		if (old[k])
			HPDF_FreeMem(def->mmgr, old[k]);
	one[0][0] = 0xFFFF; /* end */
	one[1][0] = 0;      /* start */
	one[2][0] = 0;      /* delta */
	one[3][0] = 2;      /* range offset */
	cm->end_count = one[0];
	cm->start_count = one[1];
	cm->id_delta = (HPDF_INT16 *)one[2];
	cm->id_range_offset = one[3];
	cm->glyph_id_array = gids;
	cm->glyph_id_array_count = 65536;
	cm->seg_count_x2 = 2;
	return true;
}

/* Writes the subset to a temporary file and loads it into libharu. */
static bool load_one(struct pdf_ctx *ctx, struct pdf_font *f)
{
	hb_blob_t *blob = make_subset(ctx, f);
	if (!blob)
		return false;
	unsigned len = 0;
	const char *data = hb_blob_get_data(blob, &len);
	f->subset_bytes = len;

	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	size_t n = strlen(dir) + 32;
	char *tmp = xcalloc(n, 1);
	snprintf(tmp, n, "%s/shiryo-font-XXXXXX", dir);
	bool ok = false;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		pdf_error(ctx, "cannot write '%s': cannot create a temporary font "
			  "file in '%s': %s", ctx->path, dir, strerror(errno));
		goto out;
	}
	bool written = pdf_write_all(fd, data, len);
	int saved = errno;
	if (close(fd) != 0 && written) {
		written = false;
		saved = errno;
	}
	if (!written) {
		pdf_error(ctx, "cannot write '%s': cannot write temporary font file "
			  "'%s': %s", ctx->path, tmp, strerror(saved));
		unlink(tmp);
		goto out;
	}
	f->name = HPDF_LoadTTFontFromFile(ctx->pdf, tmp, HPDF_TRUE);
	/* libharu keeps the file open until HPDF_Free and reads the glyphs
	 * only when saving; on POSIX the open file outlives its name, so the
	 * name goes now and no path out of here can leave the file behind. */
	unlink(tmp);
	if (f->name && flatten_cmap(ctx->pdf, f->name))
		f->font = HPDF_GetFont(ctx->pdf, f->name, "UTF-8");
	char doing[600];
	snprintf(doing, sizeof doing, "loading the subset of font file '%s'",
		 f->file);
	ok = pdf_hpdf_ok(ctx, doing) && f->font;
out:
	free(tmp);
	hb_blob_destroy(blob);
	return ok;
}

bool pdf_fonts_load(struct pdf_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_fonts; i++)
		if (ctx->fonts[i].n_used && !load_one(ctx, &ctx->fonts[i]))
			return false;
	return true;
}

/* ---- ToUnicode ---------------------------------------------------------- */

/* A ToUnicode CMap: each code used maps to itself (codes are UTF-16
 * code units of the BMP under libharu's UTF-8 encoder with Identity-H). */
static void tounicode(const struct pdf_font *f, struct pdf_buf *b)
{
	pdf_buf_put(b, "/CIDInit /ProcSet findresource begin\n"
	       "12 dict begin\n"
	       "begincmap\n"
	       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	       "/Supplement 0 >> def\n"
	       "/CMapName /Adobe-Identity-UCS def\n"
	       "/CMapType 2 def\n"
	       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	size_t left = f->n_used;
	char line[32];
	for (unsigned cp = 0; cp < 0x10000 && left > 0; cp++) {
		if (!BIT_TEST(f->used, cp))
			continue;
		if (left == f->n_used || (f->n_used - left) % 100 == 0) {
			size_t block = left < 100 ? left : 100;
			if (left != f->n_used)
				pdf_buf_put(b, "endbfchar\n");
			snprintf(line, sizeof line, "%zu beginbfchar\n", block);
			pdf_buf_put(b, line);
		}
		snprintf(line, sizeof line, "<%04X> <%04X>\n", cp, cp);
		pdf_buf_put(b, line);
		left--;
	}
	pdf_buf_put(b, "endbfchar\n"
	       "endcmap\n"
	       "CMapName currentdict /CMap defineresource pop\n"
	       "end\n"
	       "end\n");
}

/* A CIDSystemInfo dictionary Adobe-ORDERING-0. */
static HPDF_Dict system_info(HPDF_MMgr mmgr, const char *ordering)
{
	HPDF_Dict d = HPDF_Dict_New(mmgr);
	if (!d)
		return NULL;
	HPDF_Dict_Add(d, "Registry", HPDF_String_New(mmgr, "Adobe", NULL));
	HPDF_Dict_Add(d, "Ordering", HPDF_String_New(mmgr, ordering, NULL));
	HPDF_Dict_AddNumber(d, "Supplement", 0);
	return d;
}

bool pdf_fonts_finish(struct pdf_ctx *ctx)
{
	HPDF_MMgr mmgr = ctx->pdf->mmgr;
	for (size_t i = 0; i < ctx->n_fonts; i++) {
		struct pdf_font *f = &ctx->fonts[i];
		if (!f->font)
			continue;
		HPDF_FontAttr attr = (HPDF_FontAttr)f->font->attr;
		HPDF_Dict cmap = attr->cmap_stream;
		HPDF_Dict cid_font = attr->descendant_font;
		if (!cmap || !cid_font || attr->type != HPDF_FONT_TYPE0_TT) {
			pdf_error(ctx, "cannot write '%s': font '%s' is not the CID "
				  "TrueType font expected from libharu", ctx->path,
				  f->name);
			return false;
		}
		struct pdf_buf b = {0};
		tounicode(f, &b);
		HPDF_MemStream_FreeData(cmap->stream);
		HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.p,
				  (HPDF_UINT)b.len);
		free(b.p);
		/* The stream dictionary describes libharu's old map; make it
		 * match the new one. */
		HPDF_Dict_AddName(cmap, "CMapName", "Adobe-Identity-UCS");
		HPDF_Dict_Add(cmap, "CIDSystemInfo", system_info(mmgr, "UCS"));
		/* Identity-H with a CIDToGIDMap: the CIDs are no character
		 * collection's, so Adobe-Identity-0, not (Identity-H). */
		HPDF_Dict_Add(cid_font, "CIDSystemInfo",
			      system_info(mmgr, "Identity"));
		char doing[600];
		snprintf(doing, sizeof doing, "replacing the ToUnicode map of '%s'",
			 f->file);
		if (!pdf_hpdf_ok(ctx, doing))
			return false;
	}
	return true;
}

void pdf_fonts_release(struct pdf_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_fonts; i++) {
		hb_font_destroy(ctx->fonts[i].hb);
		hb_face_destroy(ctx->fonts[i].face);
		free(ctx->fonts[i].used);
		free(ctx->fonts[i].warned);
	}
	free(ctx->fonts);
	free(ctx->font_slot);
	ctx->fonts = NULL;
	ctx->font_slot = NULL;
	ctx->n_fonts = 0;
}

/* pdf_font.c - the fonts of the PDF: subsets made with hb-subset and
 * embedded by shiryo itself as Type0 / CIDFontType2 fonts.
 *
 * libharu 2.3.0 was first used for this, and measured (issue 9) it was the
 * slowest and largest part of every file: it reads a font only from a file
 * (a temporary file for each subset), copies every table but glyf whole,
 * builds a 65,536-entry encoder per font (a linear cmap search per code),
 * writes a 131 KB CIDToGIDMap per font (Unicode code point to glyph), a
 * malformed ToUnicode map (a 'begincidrange' poppler warns about and
 * Ghostscript loses all text with), CIDSystemInfo (Identity-H), no CapHeight
 * or CIDSet (PDF/A), StemV 0 and a DW2 below the glyphs.  Each of those was
 * repaired through libharu's internal structures; now none of it is used.
 * libharu still owns the objects, the cross-reference table and the file;
 * this file decides what goes into them.
 *
 * For each font file the document draws with:
 *  - CIDs are numbered 1..n over the code points drawn, in code point
 *    order (CID 0 is .notdef).  A CID per code point, not per glyph: two
 *    characters that share a glyph (人 U+4EBA and the radical ⼈ U+2F08 in
 *    IPAex) keep their own CIDs, so each extracts as itself;
 *  - the subset (hb-subset: the glyphs of those code points, without
 *    hinting, layout or vertical tables) is the FontFile2, compressed by
 *    pdf_deflate.c while the pages are painted;
 *  - CIDToGIDMap maps each CID to the subset's glyph (0, the .notdef box,
 *    for a character the font lacks, which pdf_font_use() warned about);
 *  - /W lists the widths that differ from /DW 1000, from the font's own
 *    advances (hmtx) in thousandths of an em by font_advance_em1000()
 *    (font.h), the numbers the text engine laid out with;
 *  - ToUnicode maps each CID to its code point with 'bfchar' (Ghostscript
 *    10.0 was seen to garble 'bfrange' in libharu's files);
 *  - the FontDescriptor has the metrics PDF/A wants (CapHeight from OS/2,
 *    StemV estimated from the weight class as PDF writers do) and, for an
 *    archive file, the CIDSet (every CID: each has its glyph, or the file
 *    was refused in pdf_font_use()).
 * The subset tag (ABCDEF+) is made from a hash of the code points, so the
 * same document gives the same bytes.
 */
#include <errno.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlist.h"
#include "alloc.h"
#include "font.h"
#include "render_int.h"

#define BIT_TEST(set, cp) ((set)[(cp) >> 3] & (1u << ((cp) & 7)))
#define BIT_SET(set, cp) ((set)[(cp) >> 3] |= (uint8_t)(1u << ((cp) & 7)))

enum { SLOT_NONE = -1, SLOT_FAILED = -2 };

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
	hb_face_t *face = fontset_face(ctx->fs, font);
	if (!face) {
		/* HarfBuzz does not say why; ask the system. */
		FILE *fp = file ? fopen(file, "rb") : NULL;
		const char *why = !file ? "the font set names no file"
			       : fp	 ? "empty, unreadable or not a TrueType font"
					 : strerror(errno);
		if (fp)
			fclose(fp);
		pdf_error(ctx, "cannot read font file '%s' (font %d): %s",
			  file ? file : "", font, why);
		return SLOT_FAILED;
	}
	struct pdf_font *f = &ctx->fonts[ctx->n_fonts];
	f->file = file;
	f->face = hb_face_reference(face);
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

/* ---- numbering and subsetting ------------------------------------------ */

/* Font units to the 1000-unit glyph space of the PDF, rounded: for the
 * descriptor's metrics and boxes; widths follow font_advance_em1000(). */
static int to_pdf_units(double v, unsigned upem)
{
	double x = v * 1000.0 / (double)upem;
	return (int)(x < 0 ? x - 0.5 : x + 0.5);
}

/* CIDs 1..n for the code points drawn, in code point order. */
static void number_cids(struct pdf_font *f)
{
	f->cid_of = xcalloc(0x10000, sizeof *f->cid_of);
	f->cp_of = xcalloc(f->n_used + 1, sizeof *f->cp_of);
	unsigned n = 0;
	for (unsigned cp = 0; cp < 0x10000 && n < f->n_used; cp++)
		if (BIT_TEST(f->used, cp)) {
			f->cid_of[cp] = (uint16_t)++n;
			f->cp_of[n] = cp;
		}
	f->n_cids = n + 1;
}

/* Widens f->bbox, the box of the glyphs embedded (the font's head box
 * covers glyphs that are not there), by glyph g. */
static void grow_bbox(struct pdf_font *f, hb_codepoint_t g, unsigned upem)
{
	hb_glyph_extents_t e;
	if (!hb_font_get_glyph_extents(f->hb, g, &e) || e.width == 0)
		return;
	int box[4] = {to_pdf_units(e.x_bearing, upem),
		      to_pdf_units(e.y_bearing + e.height, upem),
		      to_pdf_units(e.x_bearing + e.width, upem),
		      to_pdf_units(e.y_bearing, upem)};
	if (!f->has_bbox) {
		memcpy(f->bbox, box, sizeof box);
		f->has_bbox = true;
		return;
	}
	f->bbox[0] = box[0] < f->bbox[0] ? box[0] : f->bbox[0];
	f->bbox[1] = box[1] < f->bbox[1] ? box[1] : f->bbox[1];
	f->bbox[2] = box[2] > f->bbox[2] ? box[2] : f->bbox[2];
	f->bbox[3] = box[3] > f->bbox[3] ? box[3] : f->bbox[3];
}

/* The subset of f's font with the glyphs of the code points drawn, and
 * each CID's glyph in it.  Returns false after an error. */
static bool make_subset(struct pdf_ctx *ctx, struct pdf_font *f)
{
	static const char *const drop[] = {"GSUB", "GPOS", "GDEF", "BASE",
					   "JSTF", "vhea", "vmtx", "VORG",
					   "gasp", "kern", "DSIG", "hdmx",
					   "LTSH", "VDMX", "morx", "feat"};
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		xalloc_fail(0); /* HarfBuzz's only reason to fail */
	hb_set_t *uni = hb_subset_input_unicode_set(in);
	for (unsigned cid = 1; cid < f->n_cids; cid++)
		hb_set_add(uni, f->cp_of[cid]);
	hb_set_t *tables = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
		hb_set_add(tables, hb_tag_from_string(drop[i], 4));
	/* Without hinting: the glyph instructions of IPAex are about 40 % of
	 * its glyph data, and print does not use them.  NOTDEF_OUTLINE keeps
	 * the .notdef box, so a character the font lacks shows on paper as the
	 * warning says instead of vanishing. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
					      HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
	if (!sub) {
		hb_subset_plan_destroy(plan);
		pdf_error(ctx, "cannot subset font file '%s' (hb-subset failed)",
			  f->file);
		return false;
	}
	const hb_map_t *old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
	unsigned upem = hb_face_get_upem(f->face);
	f->gid_of = xcalloc(f->n_cids, sizeof *f->gid_of);
	f->width_of = xcalloc(f->n_cids, sizeof *f->width_of);
	for (unsigned cid = 0; cid < f->n_cids; cid++) {
		hb_codepoint_t old = 0, new_gid = 0;
		if (cid > 0 && hb_font_get_nominal_glyph(f->hb, f->cp_of[cid], &old)) {
			new_gid = hb_map_get(old_to_new, old);
			if (new_gid == HB_MAP_VALUE_INVALID)
				new_gid = 0;
		}
		f->gid_of[cid] = (uint16_t)new_gid;
		hb_position_t adv = hb_font_get_glyph_h_advance(f->hb, old);
		f->width_of[cid] = font_advance_em1000(adv > 0 ? (unsigned long)adv : 0, upem);
		grow_bbox(f, old, upem);
	}
	f->subset = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	hb_subset_plan_destroy(plan);
	unsigned len = 0;
	f->zjob.in = (const unsigned char *)hb_blob_get_data(f->subset, &len);
	f->zjob.in_len = len;
	return true;
}

bool pdf_fonts_prepare(struct pdf_ctx *ctx, struct pdf_deflate *z)
{
	int number = 0;
	for (size_t i = 0; i < ctx->n_fonts; i++) {
		struct pdf_font *f = &ctx->fonts[i];
		if (!f->n_used)
			continue;
		snprintf(f->res_name, sizeof f->res_name, "F%d", ++number);
		number_cids(f);
		if (!make_subset(ctx, f))
			return false;
		pdf_deflate_add(z, &f->zjob);
	}
	return true;
}

void pdf_font_put_text(struct pdf_ctx *ctx, int font, const char *utf8,
		       size_t len, struct pdf_buf *b)
{
	const struct pdf_font *f = &ctx->fonts[ctx->font_slot[font]];
	char two[2];
	for (size_t i = 0; i < len;) {
		long cp = pdf_utf8_next(utf8, len, &i);
		uint16_t cid = cp >= 0 && cp <= 0xFFFF ? f->cid_of[cp] : 0;
		two[0] = (char)(cid >> 8);
		two[1] = (char)(cid & 0xFF);
		pdf_buf_put_n(b, two, 2);
	}
}

const char *pdf_font_resource(const struct pdf_ctx *ctx, int font)
{
	return ctx->fonts[ctx->font_slot[font]].res_name;
}

/* ---- the PDF objects ---------------------------------------------------- */

/* PostScript name of the font, with only the characters a PDF name and
 * the BaseFont convention allow. */
static void ps_name(const struct pdf_font *f, char *out, size_t size)
{
	char raw[64] = "";
	unsigned n = sizeof raw;
	hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
			    &n, raw);
	size_t k = 0;
	for (const char *p = raw; *p && k + 1 < size; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')
			out[k++] = *p;
	if (k == 0 && size > 5)
		k = (size_t)snprintf(out, size, "Font");
	out[k] = '\0';
}

/* ABCDEF+: six capitals from an FNV-1a hash of the name and the code
 * points, so that two subsets of one font in one file differ. */
static void subset_tag(const struct pdf_font *f, const char *name, char tag[7])
{
	uint64_t h = 1469598103934665603ULL;
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	for (unsigned cid = 1; cid < f->n_cids; cid++)
		h = (h ^ f->cp_of[cid]) * 1099511628211ULL;
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

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

/* A new stream object holding data (the small streams: CIDToGIDMap,
 * ToUnicode, CIDSet), compressed here with libdeflate (libharu would use
 * zlib, twice as slow, when it saves); by libharu if that failed. */
static HPDF_Dict small_stream(struct pdf_ctx *ctx, const void *data, size_t len)
{
	HPDF_Doc pdf = ctx->pdf;
	HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!d)
		return NULL;
	struct pdf_zjob job = {.in = data, .in_len = len};
	if (pdf_deflate_now(ctx->z, &job)) {
		pdf_stream_put_deflated(d, &job);
	} else {
		d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len);
	}
	pdf_zjob_release(&job);
	return d;
}

/* ToUnicode: each CID to the code point it was numbered from. */
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
	char line[32];
	for (unsigned cid = 1; cid < f->n_cids; cid++) {
		if ((cid - 1) % 100 == 0) {
			if (cid > 1)
				pdf_buf_put(b, "endbfchar\n");
			unsigned left = f->n_cids - cid;
			snprintf(line, sizeof line, "%u beginbfchar\n",
				 left < 100 ? left : 100);
			pdf_buf_put(b, line);
		}
		snprintf(line, sizeof line, "<%04X> <%04X>\n", cid, f->cp_of[cid]);
		pdf_buf_put(b, line);
	}
	if (f->n_cids > 1)
		pdf_buf_put(b, "endbfchar\n");
	pdf_buf_put(b, "endcmap\n"
	       "CMapName currentdict /CMap defineresource pop\n"
	       "end\n"
	       "end\n");
}

/* /W: runs of consecutive CIDs whose width is not /DW, as c [w1 w2 ...]. */
static HPDF_Array widths(HPDF_MMgr mmgr, const struct pdf_font *f)
{
	HPDF_Array w = HPDF_Array_New(mmgr);
	if (!w)
		return NULL;
	for (unsigned cid = 0; cid < f->n_cids;) {
		if (f->width_of[cid] == 1000) {
			cid++;
			continue;
		}
		HPDF_Array run = HPDF_Array_New(mmgr);
		HPDF_Array_AddNumber(w, (HPDF_INT32)cid);
		HPDF_Array_Add(w, run);
		for (; cid < f->n_cids && f->width_of[cid] != 1000; cid++)
			HPDF_Array_AddNumber(run, f->width_of[cid]);
	}
	return w;
}

struct font_metrics {
	int ascent, descent, cap_height, x_height, stem_v;
	int bbox[4];
};

static struct font_metrics measure(const struct pdf_font *f)
{
	struct font_metrics m = {0};
	unsigned upem = hb_face_get_upem(f->face);
	hb_position_t v = 0;
	hb_ot_metrics_get_position_with_fallback(f->hb, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v);
	m.ascent = to_pdf_units(v, upem);
	v = 0;
	hb_ot_metrics_get_position_with_fallback(f->hb, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v);
	m.descent = to_pdf_units(v, upem);
	/* OS/2 sCapHeight / sxHeight, or the height of 'H' / 'x' when the
	 * table is older than version 2 (HarfBuzz's fallback). */
	v = 0;
	hb_ot_metrics_get_position_with_fallback(f->hb, HB_OT_METRICS_TAG_CAP_HEIGHT, &v);
	m.cap_height = to_pdf_units(v, upem);
	v = 0;
	hb_ot_metrics_get_position_with_fallback(f->hb, HB_OT_METRICS_TAG_X_HEIGHT, &v);
	m.x_height = to_pdf_units(v, upem);
	/* TrueType fonts do not record their stem width; PDF writers estimate
	 * it from the weight class: 50 + (weight / 65)^2, 88 for Regular. */
	float weight = hb_style_get_value(f->hb, HB_STYLE_TAG_WEIGHT);
	if (!(weight >= 1 && weight <= 1000))
		weight = 400;
	m.stem_v = (int)(50.0 + (weight / 65.0) * (weight / 65.0) + 0.5);
	memcpy(m.bbox, f->bbox, sizeof m.bbox);
	return m;
}

static HPDF_Dict descriptor(struct pdf_ctx *ctx, const struct pdf_font *f,
			    const char *base, HPDF_Dict file)
{
	HPDF_Doc pdf = ctx->pdf;
	HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
	if (!d || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
		return NULL;
	struct font_metrics m = measure(f);
	HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	HPDF_Dict_AddName(d, "FontName", base);
	HPDF_Dict_AddNumber(d, "Flags", 4); /* symbolic: glyphs by CID */
	HPDF_Array box = HPDF_Array_New(pdf->mmgr);
	if (box) {
		for (int i = 0; i < 4; i++)
			HPDF_Array_AddNumber(box, m.bbox[i]);
		HPDF_Dict_Add(d, "FontBBox", box);
	}
	HPDF_Dict_AddNumber(d, "ItalicAngle", 0);
	HPDF_Dict_AddNumber(d, "Ascent", m.ascent);
	HPDF_Dict_AddNumber(d, "Descent", m.descent);
	HPDF_Dict_AddNumber(d, "CapHeight", m.cap_height);
	HPDF_Dict_AddNumber(d, "XHeight", m.x_height);
	HPDF_Dict_AddNumber(d, "StemV", m.stem_v);
	HPDF_Dict_Add(d, "FontFile2", file);
	if (ctx->doc->pdfa) {
		/* CIDSet (PDF/A-1 6.3.5 for subsets): one bit per CID,
		 * high-order bit first; every CID has its glyph. */
		size_t n = (f->n_cids + 7) / 8;
		unsigned char *bits = xcalloc(n, 1);
		for (unsigned cid = 0; cid < f->n_cids; cid++)
			bits[cid >> 3] |= (unsigned char)(0x80u >> (cid & 7));
		HPDF_Dict_Add(d, "CIDSet", small_stream(ctx, bits, n));
		free(bits);
	}
	return d;
}

/* The objects of one font; f->type0 is what pages refer to. */
static bool embed_one(struct pdf_ctx *ctx, struct pdf_font *f)
{
	HPDF_Doc pdf = ctx->pdf;
	HPDF_MMgr mmgr = pdf->mmgr;
	char name[64], tag[7], base[80];
	ps_name(f, name, sizeof name);
	subset_tag(f, name, tag);
	snprintf(base, sizeof base, "%s+%s", tag, name);

	if (!f->zjob.ok) {
		pdf_error(ctx, "cannot write '%s': cannot compress the subset of font "
			  "file '%s' (zlib)", ctx->path, f->file);
		return false;
	}
	HPDF_Dict file = HPDF_DictStream_New(mmgr, pdf->xref);
	if (file) {
		HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)f->zjob.in_len);
		pdf_stream_put_deflated(file, &f->zjob);
	}
	pdf_zjob_release(&f->zjob);

	uint8_t *map = xcalloc(f->n_cids, 2);
	for (unsigned cid = 0; cid < f->n_cids; cid++) {
		map[2 * cid] = (uint8_t)(f->gid_of[cid] >> 8);
		map[2 * cid + 1] = (uint8_t)(f->gid_of[cid] & 0xFF);
	}
	HPDF_Dict cid_map = small_stream(ctx, map, 2 * (size_t)f->n_cids);
	free(map);

	struct pdf_buf tu = {0};
	tounicode(f, &tu);
	HPDF_Dict to_unicode = small_stream(ctx, tu.p, tu.len);
	free(tu.p);

	HPDF_Dict cid_font = HPDF_Dict_New(mmgr);
	if (cid_font && HPDF_Xref_Add(pdf->xref, cid_font) == HPDF_OK) {
		HPDF_Dict_AddName(cid_font, "Type", "Font");
		HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
		HPDF_Dict_AddName(cid_font, "BaseFont", base);
		/* Our own CIDs, no character collection's: Adobe-Identity-0. */
		HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info(mmgr, "Identity"));
		HPDF_Dict_Add(cid_font, "FontDescriptor",
			      file ? descriptor(ctx, f, base, file) : NULL);
		HPDF_Dict_AddNumber(cid_font, "DW", 1000);
		HPDF_Dict_Add(cid_font, "W", widths(mmgr, f));
		HPDF_Dict_Add(cid_font, "CIDToGIDMap", cid_map);
	}
	HPDF_Dict type0 = HPDF_Dict_New(mmgr);
	if (type0 && HPDF_Xref_Add(pdf->xref, type0) == HPDF_OK) {
		HPDF_Dict_AddName(type0, "Type", "Font");
		HPDF_Dict_AddName(type0, "Subtype", "Type0");
		/* The CIDFont's name, a hyphen and the CMap's (PDF 1.4, 5.6.5) */
		char type0_name[96];
		snprintf(type0_name, sizeof type0_name, "%s-Identity-H", base);
		HPDF_Dict_AddName(type0, "BaseFont", type0_name);
		HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
		HPDF_Array desc = HPDF_Array_New(mmgr);
		if (desc) {
			HPDF_Array_Add(desc, cid_font);
			HPDF_Dict_Add(type0, "DescendantFonts", desc);
		}
		HPDF_Dict_Add(type0, "ToUnicode", to_unicode);
		f->type0 = type0;
	}
	char doing[600];
	snprintf(doing, sizeof doing, "embedding the subset of font file '%s'",
		 f->file);
	return pdf_hpdf_ok(ctx, doing);
}

bool pdf_fonts_embed(struct pdf_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_fonts; i++) {
		struct pdf_font *f = &ctx->fonts[i];
		if (!f->n_used)
			continue;
		if (!embed_one(ctx, f))
			return false;
		HPDF_Dict_Add(ctx->font_res, f->res_name, f->type0);
	}
	return pdf_hpdf_ok(ctx, "making the font resources");
}

void pdf_fonts_release(struct pdf_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_fonts; i++) {
		struct pdf_font *f = &ctx->fonts[i];
		hb_font_destroy(f->hb);
		hb_face_destroy(f->face);
		hb_blob_destroy(f->subset);
		pdf_zjob_release(&f->zjob);
		free(f->used);
		free(f->warned);
		free(f->cid_of);
		free(f->cp_of);
		free(f->gid_of);
		free(f->width_of);
	}
	free(ctx->fonts);
	free(ctx->font_slot);
	ctx->fonts = NULL;
	ctx->font_slot = NULL;
	ctx->n_fonts = 0;
}

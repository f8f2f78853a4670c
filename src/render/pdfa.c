/* pdfa.c - archive grade: every repair that makes the writer's PDF a
 * PDF/A-2b file (ISO 19005-2, level B), in one place.
 *
 * Why PDF/A-2b and not PDF/A-1b (issue 19).  Tagging made the annual
 * report about twice its size: thousands of StructElems, each its own
 * uncompressed object with a 20-byte cross-reference entry.  Object
 * streams and a cross-reference stream (pdf_pack.c) take that back (the
 * city's annual report, 29 pages: 597,524 -> 342,099 bytes), and PDF/A-1
 * (ISO 19005-1, on PDF 1.4) forbids both; PDF/A-2 (on ISO 32000-1)
 * allows them.  Nothing else changes: the file keeps everything PDF/A-1b
 * asks for.  The price is the validator: Apache PDFBox 2's Preflight
 * (Debian's libpdfbox2-java) checks PDF/A-1b only, and veraPDF is not in
 * Debian.  So the tests (tests/e2e/pdfa.sh, tests/unit/test_pdfa.c) let
 * qpdf unpack the object streams into a classic table, say part 1 in the
 * XMP in place of part 2 (same length), and run Preflight's PDF/A-1b
 * validation on that: every rule of PDF/A-1b but the container holds,
 * and PDF/A-2b is PDF/A-1b relaxed, with two exceptions the writer
 * keeps: a string is at most 32,767 bytes (pdf_page.c shows a text in
 * pieces of SHOW_MAX_CHARS) and the header is %PDF-1.0 to 1.7 (1.5).
 * qpdf --check reads the object and cross-reference streams.  Level B,
 * not A: level A adds rules on the structure that no Debian tool checks.
 *
 * libharu 2.3.0's own PDF/A support is not used.  HPDF_PDFA_SetPDFAConformance
 * copies the Info strings into XMP without XML escaping (Preflight: 7.1
 * "Failed to parse" for a title with '&'), writes /SubType where /Subtype
 * belongs, does nothing unless an Info entry was set before it, and adds a
 * /ID made from the clock.  HPDF_PDFA_AppendOutputIntents works only by
 * accident: its key is "DestOutputProfile " with a trailing space, which
 * libharu writes unescaped, so readers see the right name.  Instead, with
 * dl_doc.pdfa set, pdf_write.c calls pdfa_prepare() once the document is
 * complete, right before libharu saves it, and pdfa_finish() on the saved
 * bytes.  Each repair answers what Apache PDFBox Preflight (Validator_A1b,
 * Debian's libpdfbox2-java) reports on the writer's plain output:
 *
 *  1. XMP metadata (7.1 "Metadata is not a stream"): a packet made here
 *     from the same dl_info strings as the Info dictionary, XML-escaped,
 *     so that the two match as PDF/A wants - Title = dc:title, Author =
 *     dc:creator, Subject = dc:description, Keywords = pdf:Keywords,
 *     Creator = xmp:CreatorTool, Producer = pdf:Producer, CreationDate /
 *     ModDate = xmp:CreateDate / xmp:ModifyDate - plus pdfaid:part 2 and
 *     conformance B.  Not compressed: PDF/A wants it readable as is.
 *  2. the Info dates as D:20250401000000Z (7.2 "CreationDate ... doesn't
 *     match with XMP information"): see set_info_dates().
 *  3. an sRGB OutputIntent (2.4.3 "... can't be used without Color
 *     Profile" for g, rg, RG and the default DeviceGray of text):
 *     GTS_PDFA1 with Ghostscript's sRGB profile, read at run time from
 *     Debian's libgs-common (the smallest package that has an sRGB
 *     profile; ICC version 2, as PDF 1.4 needs).
 *  4. font descriptors: CapHeight (3.1.2 "mandatory fields are missing
 *     from the FontDescriptor: CapHeight") and CIDSet (3.1.11 "The CIDSet
 *     entry is missing for the Composite Subset").  shiryo now writes its
 *     font objects itself (pdf_font.c): CapHeight always, CIDSet when
 *     dl_doc.pdfa is set.
 *  5. a file identifier (1.4.1 "The trailer dictionary doesn't contain
 *     ID"): the MD5 of the file itself, written over a placeholder after
 *     saving, so the same document gives the same bytes, /ID included.
 *  6. the header says %PDF-1.5 (object streams; libharu writes 1.3).
 *     Preflight does not check it.
 * Two repairs live in the code every mode shares, because they make a
 * better PDF for every reader:
 *  - bookmark destinations are direct arrays (1.2.3 "can't convert to
 *    Destination": Preflight does not resolve an indirect /Dest, and
 *    libharu makes every destination an indirect object); make_dest() in
 *    pdf_write.c;
 *  - a text is cut into pieces of at most 32,767 characters (1.0.4 "A
 *    String operand is too long": PDF 1.4 strings hold 65,535 bytes, and
 *    each character is a two-byte code); draw_text() in pdf_page.c.
 * What PDF/A forbids and the writer never makes, in any mode: transparency
 * (no ExtGState, soft mask or transparency group; the display list has no
 * alpha), encryption, LZW, fonts that are not embedded.
 * tests/unit/test_pdfa.c pins each repair and runs Preflight.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf_encrypt.h>

#include "dlist.h"
#include "alloc.h"
#include "render_int.h"

/* Ghostscript's sRGB profile (2,576 bytes, ICC 2.1), package libgs-common. */
#ifndef SHIRYO_SRGB_ICC
#define SHIRYO_SRGB_ICC "/usr/share/color/icc/ghostscript/srgb.icc"
#endif
#define SRGB_NAME "sRGB IEC61966-2.1"
#define ICC_MAX_BYTES (4u << 20)

/* The trailer /ID before pdfa_finish() knows the file's hash. */
static const HPDF_BYTE id_placeholder[HPDF_MD5_KEY_LEN];

/* s as XML character data.  pdf_check_doc() has made sure it is valid
 * UTF-8 without control characters, so only the markup needs escaping. */
static void xput_escaped(struct pdf_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': pdf_buf_put(b, "&amp;"); break;
		case '<': pdf_buf_put(b, "&lt;"); break;
		case '>': pdf_buf_put(b, "&gt;"); break;
		case '"': pdf_buf_put(b, "&quot;"); break;
		case '\'': pdf_buf_put(b, "&apos;"); break;
		default: pdf_buf_put_n(b, s, 1);
		}
	}
}

/* ---- 1. XMP metadata and 2. the Info dates ------------------------------ */

static bool has(const char *s)
{
	return s && s[0]; /* the rule set_info() in pdf_write.c follows */
}

/* Room for any int in each field, so the compiler sees no truncation. */
#define XMP_DATE_SIZE 80

/* The document date as XMP writes it: 2025-04-01T00:00:00Z, the same
 * instant as the Info dates (set_dates() has checked the range). */
static void xmp_date(long long secs, char out[XMP_DATE_SIZE])
{
	time_t t = (time_t)secs;
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		memset(&tm, 0, sizeof tm);
	snprintf(out, XMP_DATE_SIZE, "%04d-%02d-%02dT%02d:%02d:%02dZ",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec > 59 ? 59 : tm.tm_sec);
}

/* The Info dates again, as D:20250401000000Z.  libharu writes
 * D:20250401000000Z00'00', which PDF allows, but Preflight decides
 * whether a date has a time zone with a pattern (ends in Z, or has a +),
 * finds none there and one in the XMP date, and reports the two as not
 * matching (7.2). */
static bool set_info_dates(struct pdf_ctx *ctx)
{
	HPDF_Doc pdf = ctx->pdf;
	char xmp[XMP_DATE_SIZE], d[XMP_DATE_SIZE];
	xmp_date(ctx->doc->info.created, xmp);
	/* 2025-04-01T00:00:00Z -> D:20250401000000Z */
	snprintf(d, sizeof d, "D:%.4s%.2s%.2s%.2s%.2s%.2sZ", xmp, xmp + 5, xmp + 8,
		 xmp + 11, xmp + 14, xmp + 17);
	HPDF_Dict info = pdf->info;
	if (!info) {
		pdf_error(ctx, "cannot write '%s' as PDF/A: libharu made no "
			  "document information dictionary", ctx->path);
		return false;
	}
	HPDF_Dict_Add(info, "CreationDate", HPDF_String_New(pdf->mmgr, d, NULL));
	HPDF_Dict_Add(info, "ModDate", HPDF_String_New(pdf->mmgr, d, NULL));
	return pdf_hpdf_ok(ctx, "setting the document dates (PDF/A)");
}

static void xmp_element(struct pdf_buf *b, const char *open, const char *value,
			const char *close)
{
	char *cut; /* as set_info() cut it: Info and XMP must agree */
	pdf_buf_put(b, open);
	xput_escaped(b, pdf_shortened(value, PDF_INFO_MAX_CHARS, &cut));
	pdf_buf_put(b, close);
	free(cut);
}

/* PDF/UA-1 identification (ISO 14289-1, 5), and, in a PDF/A file, the
 * extension schema that PDF/A asks for any schema it does not predefine
 * (ISO 19005-1, 6.7.8; ISO 19005-2, 6.6.2.3): without it Preflight reports the pdfuaid property
 * as unknown. */
static void xmp_pdfua(struct pdf_buf *b, bool pdfa)
{
	pdf_buf_put(b, "<rdf:Description rdf:about=\"\" "
		 "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
		 "<pdfuaid:part>1</pdfuaid:part>\n"
		 "</rdf:Description>\n");
	if (!pdfa)
		return;
	pdf_buf_put(b, "<rdf:Description rdf:about=\"\" "
		 "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
		 "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
		 "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
		 "<pdfaExtension:schemas><rdf:Bag>\n"
		 "<rdf:li rdf:parseType=\"Resource\">\n"
		 "<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>\n"
		 "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
		 "</pdfaSchema:namespaceURI>\n"
		 "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
		 "<pdfaSchema:property><rdf:Seq>\n"
		 "<rdf:li rdf:parseType=\"Resource\">\n"
		 "<pdfaProperty:name>part</pdfaProperty:name>\n"
		 "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
		 "<pdfaProperty:category>internal</pdfaProperty:category>\n"
		 "<pdfaProperty:description>the part of ISO 14289 the file "
		 "conforms to</pdfaProperty:description>\n"
		 "</rdf:li>\n"
		 "</rdf:Seq></pdfaSchema:property>\n"
		 "</rdf:li>\n"
		 "</rdf:Bag></pdfaExtension:schemas>\n"
		 "</rdf:Description>\n");
}

static void make_xmp(const struct dl_info *in, bool pdfa, bool pdfua,
		     char **out, size_t *len)
{
	struct pdf_buf b = {0};
	char date[XMP_DATE_SIZE];
	xmp_date(in->created, date);

	/* begin= holds U+FEFF in UTF-8, as the XMP specification asks. */
	pdf_buf_put(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
		 "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		 "<rdf:Description rdf:about=\"\" "
		 "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
		 "<dc:format>application/pdf</dc:format>\n");
	if (has(in->title))
		xmp_element(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
			    in->title, "</rdf:li></rdf:Alt></dc:title>\n");
	if (has(in->author))
		xmp_element(&b, "<dc:creator><rdf:Seq><rdf:li>", in->author,
			    "</rdf:li></rdf:Seq></dc:creator>\n");
	if (has(in->subject))
		xmp_element(&b,
			    "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
			    in->subject, "</rdf:li></rdf:Alt></dc:description>\n");
	pdf_buf_put(&b, "</rdf:Description>\n"
		 "<rdf:Description rdf:about=\"\" "
		 "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	if (has(in->creator))
		xmp_element(&b, "<xmp:CreatorTool>", in->creator,
			    "</xmp:CreatorTool>\n");
	xmp_element(&b, "<xmp:CreateDate>", date, "</xmp:CreateDate>\n");
	xmp_element(&b, "<xmp:ModifyDate>", date, "</xmp:ModifyDate>\n");
	xmp_element(&b, "<xmp:MetadataDate>", date, "</xmp:MetadataDate>\n");
	pdf_buf_put(&b, "</rdf:Description>\n"
		 "<rdf:Description rdf:about=\"\" "
		 "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	xmp_element(&b, "<pdf:Producer>", PDF_PRODUCER, "</pdf:Producer>\n");
	if (has(in->keywords))
		xmp_element(&b, "<pdf:Keywords>", in->keywords,
			    "</pdf:Keywords>\n");
	pdf_buf_put(&b, "</rdf:Description>\n");
	if (pdfa)
		pdf_buf_put(&b, "<rdf:Description rdf:about=\"\" "
			 "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
			 "<pdfaid:part>2</pdfaid:part>\n"
			 "<pdfaid:conformance>B</pdfaid:conformance>\n"
			 "</rdf:Description>\n");
	if (pdfua)
		xmp_pdfua(&b, pdfa);
	pdf_buf_put(&b, "</rdf:RDF>\n"
		 "</x:xmpmeta>\n"
		 "<?xpacket end=\"w\"?>");
	*out = b.p;
	*len = b.len;
}

static bool add_metadata(struct pdf_ctx *ctx)
{
	HPDF_Doc pdf = ctx->pdf;
	char *xmp;
	size_t len;
	make_xmp(&ctx->doc->info, ctx->doc->pdfa, ctx->doc->n_elems > 0, &xmp,
		 &len);
	HPDF_Dict md = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (md) {
		md->filter = HPDF_STREAM_FILTER_NONE;
		HPDF_Dict_AddName(md, "Type", "Metadata");
		HPDF_Dict_AddName(md, "Subtype", "XML");
		HPDF_Stream_Write(md->stream, (const HPDF_BYTE *)xmp,
				  (HPDF_UINT)len);
		HPDF_Dict_Add(pdf->catalog, "Metadata", md);
	}
	free(xmp);
	return pdf_hpdf_ok(ctx, "adding the XMP metadata");
}

bool pdfua_metadata(struct pdf_ctx *ctx)
{
	ctx->pdf->pdf_version = HPDF_VER_15; /* /Tabs is PDF 1.5 */
	return add_metadata(ctx);
}

/* ---- 3. the sRGB output intent ------------------------------------------ */

/* Reads the ICC profile and checks that PDF/A-1 can use it: an RGB
 * profile of ICC version 2 (PDF 1.4 knows no later version). */
static unsigned char *read_icc(struct pdf_ctx *ctx, const char *path,
			       size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		pdf_error(ctx, "cannot write '%s' as PDF/A: cannot open the sRGB "
			  "colour profile '%s' (Debian package libgs-common): %s",
			  ctx->path, path, strerror(errno));
		return NULL;
	}
	unsigned char *data = xmalloc(ICC_MAX_BYTES);
	size_t n = fread(data, 1, ICC_MAX_BYTES, f);
	bool read_error = ferror(f);
	fclose(f);
	const char *why = NULL;
	if (read_error)
		why = "read error";
	else if (n == ICC_MAX_BYTES)
		why = "larger than 4 MB";
	else if (n < 128 || memcmp(data + 36, "acsp", 4) != 0 ||
		 ((size_t)data[0] << 24 | (size_t)data[1] << 16 |
		  (size_t)data[2] << 8 | data[3]) != n)
		why = "not an ICC profile";
	else if (memcmp(data + 16, "RGB ", 4) != 0)
		why = "not an RGB profile";
	else if (data[8] != 2)
		why = "not ICC version 2, which PDF/A-1 requires";
	if (why) {
		pdf_error(ctx, "cannot write '%s' as PDF/A: the colour profile "
			  "'%s' is unusable (%s)", ctx->path, path, why);
		free(data);
		return NULL;
	}
	*len = n;
	return data;
}

static bool add_output_intent(struct pdf_ctx *ctx)
{
	HPDF_Doc pdf = ctx->pdf;
	HPDF_MMgr mmgr = pdf->mmgr;
	size_t len;
	unsigned char *icc = read_icc(ctx, SHIRYO_SRGB_ICC, &len);
	if (!icc)
		return false;
	HPDF_Dict profile = HPDF_DictStream_New(mmgr, pdf->xref);
	HPDF_Dict intent = HPDF_Dict_New(mmgr);
	HPDF_Array intents = HPDF_Array_New(mmgr);
	if (profile && intent && intents) {
		profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		HPDF_Dict_AddNumber(profile, "N", 3);
		HPDF_Stream_Write(profile->stream, icc, (HPDF_UINT)len);
		HPDF_Dict_AddName(intent, "Type", "OutputIntent");
		HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
		HPDF_Dict_Add(intent, "OutputConditionIdentifier",
			      HPDF_String_New(mmgr, SRGB_NAME, NULL));
		HPDF_Dict_Add(intent, "RegistryName",
			      HPDF_String_New(mmgr, "http://www.color.org", NULL));
		HPDF_Dict_Add(intent, "Info", HPDF_String_New(mmgr, SRGB_NAME, NULL));
		HPDF_Dict_Add(intent, "DestOutputProfile", profile);
		HPDF_Array_Add(intents, intent);
		HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
	}
	free(icc);
	return pdf_hpdf_ok(ctx, "adding the sRGB output intent (PDF/A)");
}

/* ---- 5. the file identifier --------------------------------------------- */

static bool add_id_placeholder(struct pdf_ctx *ctx)
{
	HPDF_Doc pdf = ctx->pdf;
	HPDF_Array id = HPDF_Array_New(pdf->mmgr);
	HPDF_BYTE *zero = (HPDF_BYTE *)id_placeholder;
	if (id) {
		HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, zero, HPDF_MD5_KEY_LEN));
		HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, zero, HPDF_MD5_KEY_LEN));
		HPDF_Dict_Add(pdf->trailer, "ID", id);
	}
	return pdf_hpdf_ok(ctx, "adding the file identifier (PDF/A)");
}

/* The last occurrence of needle in hay[from..len). */
static unsigned char *find_last(unsigned char *hay, size_t len, size_t from,
				const char *needle)
{
	size_t n = strlen(needle);
	if (len < n)
		return NULL;
	for (size_t i = len - n + 1; i-- > from;)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/* The first occurrence of needle in hay[from..len). */
static unsigned char *find_first(unsigned char *hay, size_t len, size_t from,
				 const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = from; i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

bool pdfa_finish(struct pdf_ctx *ctx, unsigned char *data, size_t len)
{
	/* The placeholder is written as <00...00> twice, after /ID in the
	 * dictionary that startxref points at: the cross-reference stream's
	 * (pdf_pack.c), or libharu's trailer that follows its table. */
	char hole[2 * HPDF_MD5_KEY_LEN + 3];
	memset(hole, '0', sizeof hole - 1);
	hole[0] = '<';
	hole[sizeof hole - 2] = '>';
	hole[sizeof hole - 1] = '\0';
	unsigned char *sx = find_last(data, len, 0, "startxref");
	size_t at = sx ? (size_t)strtoull((const char *)sx + 9, NULL, 10) : len;
	unsigned char *id = at < len ? find_first(data, len, at, "/ID") : NULL;
	unsigned char *first = id ? find_first(data, len, (size_t)(id - data), hole)
				  : NULL;
	unsigned char *second = first ? find_first(data, len,
						   (size_t)(first - data) + 1, hole)
				      : NULL;
	if (!second || second - first > 64) {
		pdf_error(ctx, "cannot write '%s' as PDF/A: the file identifier "
			  "placeholder is not in the trailer", ctx->path);
		return false;
	}

	HPDF_MD5_CTX md5;
	HPDF_BYTE digest[HPDF_MD5_KEY_LEN];
	HPDF_MD5Init(&md5);
	HPDF_MD5Update(&md5, data, (HPDF_UINT32)len);
	HPDF_MD5Final(digest, &md5);
	char hex[2 * HPDF_MD5_KEY_LEN + 1];
	for (size_t i = 0; i < HPDF_MD5_KEY_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02X", digest[i]);
	memcpy(first + 1, hex, 2 * HPDF_MD5_KEY_LEN);
	memcpy(second + 1, hex, 2 * HPDF_MD5_KEY_LEN);
	return true;
}

/* ---- all before saving -------------------------------------------------- */

bool pdfa_prepare(struct pdf_ctx *ctx)
{
	if (!add_metadata(ctx) || !set_info_dates(ctx) || !add_output_intent(ctx))
		return false;
	return add_id_placeholder(ctx);
}

/* render_int.h - what the files of the PDF writer share (not a public header).
 *
 * pdf_write.c  entry point, libharu set-up and error handling, document
 *              structure (info, outline, labels, destinations), safe save
 * pdf_check.c  the checking pass over the display list that runs before
 *              libharu sees anything; it also collects the code points
 *              that each font has to provide
 * pdf_page.c   the content stream of one page (operators written here,
 *              not through libharu's drawing calls)
 * pdf_font.c   font subsets (hb-subset) and their Type0 font objects
 * pdf_deflate.c  compressing font programs and page contents on worker
 *              threads, and handing them to libharu compressed
 * pdfa.c       archive grade (dl_doc.pdfa): every repair that makes the
 *              file PDF/A-2b, made before and after libharu saves it; the
 *              XMP metadata of every file (PDF/UA identification)
 * pdf_tags.c   tagged PDF: marked-content ids and the structure tree
 * pdf_pack.c   the saved file's small objects into compressed object
 *              streams, with a cross-reference stream
 */
#ifndef SHIRYO_RENDER_INT_H
#define SHIRYO_RENDER_INT_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dl_doc;
struct pdf_buf;
struct dl_page;
struct fontset;
struct diag_list;
typedef struct hb_face_t hb_face_t;
typedef struct hb_font_t hb_font_t;
typedef struct hb_blob_t hb_blob_t;

/* Fixed, so that two builds of the same input are the same bytes; the Info
 * dictionary and the XMP metadata both say it. */
#define PDF_PRODUCER "shiryo (libharu 2.3.0)"

/* Code points of the Basic Multilingual Plane, one bit each. */
#define PDF_BMP_BYTES (0x10000 / 8)

/* A buffer to compress (pdf_deflate.c): in/in_len are the caller's; out
 * is malloc'd by the compressing thread, freed with pdf_zjob_release(). */
struct pdf_zjob {
	const unsigned char *in;
	size_t in_len;
	unsigned char *out;
	size_t out_len;
	bool ok;
	bool done; /* read it with pdf_deflate_done() */
};
struct pdf_deflate;

/* One font file as embedded: several font-set indices naming the same file
 * share one slot and one subset. */
struct pdf_font {
	const char *file;    /* fontset_file(); owned by the font set */
	uint8_t *used;       /* PDF_BMP_BYTES bitset of code points drawn */
	uint8_t *warned;     /* code points already reported as missing */
	size_t n_used;
	hb_face_t *face;     /* the whole font file, for coverage and subset */
	hb_font_t *hb;       /* at scale upem */
	/* After pdf_fonts_prepare(): CIDs 0..n_cids-1 (0 is .notdef) */
	uint16_t *cid_of;    /* code point -> CID, 0x10000 entries */
	unsigned *cp_of;     /* CID -> code point */
	uint16_t *gid_of;    /* CID -> glyph of the subset */
	int *width_of;       /* CID -> advance, 1/1000 em */
	int bbox[4];         /* of the glyphs embedded, 1/1000 em */
	bool has_bbox;
	unsigned n_cids;
	hb_blob_t *subset;   /* the subset font program */
	struct pdf_zjob zjob; /* ... and its compression */
	char res_name[16];   /* F1, F2 ... in the pages' font resources */
	HPDF_Dict type0;     /* the Type0 font, once embedded */
};

struct pdf_mcids;

struct pdf_ctx {
	const struct dl_doc *doc;
	const struct fontset *fs;
	struct diag_list *dg;
	const char *path;     /* the output file, for messages */

	HPDF_Doc pdf;
	HPDF_Encoder utf8;    /* libharu's UTF-8 encoder */
	bool hpdf_failed;     /* the error handler ran */
	HPDF_STATUS hpdf_error, hpdf_detail;

	struct pdf_font *fonts; /* unique files */
	size_t n_fonts;
	int *font_slot;         /* font-set index -> index into fonts, or -1 */
	size_t n_font_slot;

	HPDF_Page *pages;       /* one per dl_page, once drawn */
	HPDF_Dict font_res;     /* the /Font resources every page shares */
	struct pdf_buf *content;      /* each page's content stream ... */
	struct pdf_zjob *content_z;   /* ... and its compression */
	struct pdf_deflate *z;
	struct pdf_mcids *mcids; /* per page: the element of each MCID */
	size_t errors;          /* errors this run added to dg */
};

/* Adds an error to ctx->dg and counts it. */
void pdf_error(struct pdf_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void pdf_warning(struct pdf_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* After libharu calls: false (and an error naming what was being done)
 * when libharu has reported an error; the document is then unusable. */
bool pdf_hpdf_ok(struct pdf_ctx *ctx, const char *doing);

/* Decodes one UTF-8 character of s[*i..len) strictly (no overlong forms,
 * surrogates or truncated sequences); advances *i.  Returns the code point
 * or -1 for an invalid byte sequence (then *i has moved past one byte). */
long pdf_utf8_next(const char *s, size_t len, size_t *i);
/* s cut to max characters and "…" (or s itself); *copy is what to free.
 * Info entries (and their XMP copies) keep PDF_INFO_MAX_CHARS. */
const char *pdf_shortened(const char *s, size_t max, char **copy);
#define PDF_INFO_MAX_CHARS 2000
#define PDF_ALT_MAX_CHARS 16000 /* 3 UTF-8 bytes each: 48,000 bytes */
/* Checks a string the writer will encode - text as two-byte CIDs
 * (pdf_font.c, BMP only), bookmark titles, labels and info with libharu's
 * UTF-8 encoder (which writes characters past the BMP as a space): valid
 * UTF-8, no control characters or the noncharacters U+FFFE and U+FFFF,
 * BMP only.
 * what names the string in the message ("title of bookmark 3"). */
bool pdf_check_string(struct pdf_ctx *ctx, const char *s, size_t len,
		      const char *what);

/* The checking pass: every problem of the display list becomes an error
 * (all of them, not just the first); collects code points per font.
 * Returns false when there was an error. */
bool pdf_check_doc(struct pdf_ctx *ctx);

/* Marks the code points of a text item as used by font-set index font;
 * warns once per character that the font lacks. */
bool pdf_font_use(struct pdf_ctx *ctx, int font, const char *utf8, size_t len,
		  size_t page);
/* Numbers the CIDs of every font drawn with, makes its subset and queues
 * the subset on z for compression.  False after an error. */
bool pdf_fonts_prepare(struct pdf_ctx *ctx, struct pdf_deflate *z);
/* Appends the two-byte CIDs of utf8 in font-set index font (prepared). */
void pdf_font_put_text(struct pdf_ctx *ctx, int font, const char *utf8,
		       size_t len, struct pdf_buf *b);
/* The resource name (F1 ...) of font-set index font. */
const char *pdf_font_resource(const struct pdf_ctx *ctx, int font);
/* The font objects, once z has compressed the subsets, each named in
 * ctx->font_res.  False after an error. */
bool pdf_fonts_embed(struct pdf_ctx *ctx);
void pdf_fonts_release(struct pdf_ctx *ctx);

/* The content stream of page index, written to b (pdf_page.c). */
void pdf_paint_page(struct pdf_ctx *ctx, size_t index, struct pdf_buf *b);

/* The compression pool (pdf_deflate.c).  Jobs added are compressed on
 * worker threads; pdf_deflate_wait() helps and returns when all are done;
 * free it before freeing the jobs. */
struct pdf_deflate *pdf_deflate_new(void);
void pdf_deflate_add(struct pdf_deflate *z, struct pdf_zjob *job);
void pdf_deflate_wait(struct pdf_deflate *z);
/* Compresses job on the calling thread now (a small stream, not worth a
 * thread); false when that failed. */
bool pdf_deflate_now(struct pdf_deflate *z, struct pdf_zjob *job);
/* Whether job, once added, has been compressed. */
bool pdf_deflate_done(struct pdf_deflate *z, const struct pdf_zjob *job);
void pdf_deflate_free(struct pdf_deflate *z);
void pdf_zjob_release(struct pdf_zjob *job);
/* Makes dict's stream the compressed bytes of job, /Filter /FlateDecode. */
bool pdf_stream_put_deflated(HPDF_Dict dict, const struct pdf_zjob *job);

/* A whole PDF file in memory (malloc'd). */
struct pdf_bytes {
	unsigned char *data;
	size_t len;
};

/* Rewrites the file libharu saved with its dictionaries in compressed
 * object streams and a cross-reference stream (pdf_pack.c), on ctx->z.
 * False (an error added) when compression failed. */
bool pdf_pack(struct pdf_ctx *ctx, struct pdf_bytes *io);

/* PDF/A-2b (pdfa.c).  pdfa_prepare() adds what the finished document lacks
 * (XMP metadata, output intent, a placeholder /ID); call it right before
 * saving.
 * pdfa_finish() writes the file identifier, the MD5 of the saved bytes,
 * over the placeholder in data.  Both return false after an error. */
bool pdfa_prepare(struct pdf_ctx *ctx);
bool pdfa_finish(struct pdf_ctx *ctx, unsigned char *data, size_t len);

/* Tagged PDF (pdf_tags.c), for a display list with elements.  The next
 * MCID of page for elem (recorded for the parent tree); the tag of elem's
 * marked content; the structure tree and the catalog and page entries of
 * a tagged file, once every page exists; freeing the records. */
int pdf_tags_mcid(struct pdf_ctx *ctx, size_t page, int elem);
const char *pdf_tags_tag(const struct pdf_ctx *ctx, int elem);
bool pdf_tags_write(struct pdf_ctx *ctx);
void pdf_tags_release(struct pdf_ctx *ctx);
/* The XMP metadata stream of a tagged file that is not PDF/A (pdfa.c):
 * the document information and pdfuaid:part 1. */
bool pdfua_metadata(struct pdf_ctx *ctx);

/* A growing NUL-terminated text buffer (ToUnicode maps, XMP); zeroed to
 * start, free(p) to finish. */
struct pdf_buf {
	char *p;
	size_t len, cap;
};
void pdf_buf_put_n(struct pdf_buf *b, const char *s, size_t n);
void pdf_buf_put(struct pdf_buf *b, const char *s);


#endif

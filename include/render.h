/* render.h - the PDF back end: a display list becomes a PDF file.
 *
 * src/render/ is the only code that includes hpdf.h (libharu 2.3.0).  The
 * writer takes a finished display list (dlist.h) and the font set its text
 * items refer to (font.h) and produces a print-ready PDF:
 *
 *  - fonts: every font the text uses is embedded as a real subset made with
 *    hb-subset (only the characters used, no hinting instructions, small
 *    tables), as a CID TrueType font, Identity-H, with a correct ToUnicode
 *    map, so the text extracts exactly (pdftotext, mutool, Ghostscript);
 *    a font-set index whose file another index already uses shares its
 *    subset;
 *  - document information (title, author, subject, keywords, creator) in
 *    Japanese as given; creation and modification dates from
 *    doc->info.created, written in UTC; a fixed producer;
 *  - bookmarks from doc->outline, nested by level (a level deeper than the
 *    previous entry's level + 1 is taken as that + 1), top level opened,
 *    each showing its page at its y with the zoom unchanged;
 *  - page labels from dl_page.label (below);
 *  - named destinations from DL_LINK_DEST items, in the catalog's /Dests
 *    (a name used twice is a warning; the first wins);
 *  - determinism: the same dl_doc and font files give the same bytes (no
 *    /ID is written; nothing depends on the clock or on file names).
 *
 * Every file is PDF 1.5: its dictionaries are in compressed object
 * streams with a cross-reference stream (src/render/pdf_pack.c).
 *
 * Archive grade (doc->pdfa, for the yearly report): the file is PDF/A-2b
 * (ISO 19005-2; not PDF/A-1b, which forbids object streams: pdfa.c says
 * why) - XMP metadata that repeats the document information (XML-escaped,
 * pdfaid part 2, conformance B), an sRGB output intent, CIDSet and
 * CapHeight in the font descriptors, and a file identifier /ID that is the
 * MD5 of the file itself, so rebuilding the same dl_doc still gives the
 * same bytes.
 * The sRGB profile is read when writing, from
 * /usr/share/color/icc/ghostscript/srgb.icc (Debian package libgs-common);
 * without it the write fails with an error naming the file.  In every mode
 * the writer makes nothing PDF/A forbids: no transparency (the display
 * list has no alpha), no encryption, every font embedded, bookmark
 * destinations as direct arrays, text strings within 32,767 bytes.  The
 * repairs, and why each is needed, are listed in src/render/pdfa.c.
 * Stricter in archive grade: a character the item's font lacks (below) is
 * an error, not a warning, because PDF/A does not allow its .notdef box.
 *
 * Page labels (dl_page.label):
 *    NULL    numbered in decimal; numbering counts only the NULL pages, so a
 *            cover followed by numbered pages reads "", 1, 2, 3 ...
 *    ""      no label (a cover): viewers show nothing or the page index
 *    other   that text alone as the label of that page, e.g. "表紙"
 *    A document whose pages are all NULL gets no page labels at all.
 *
 * What a page may hold, checked before anything is written (pdf_check.c;
 * each breach is an error naming the page and item; all are reported).
 * The bounds are libharu's constants (hpdf_consts.h), kept although the
 * page contents are written by shiryo (pdf_page.c), as the range of what a
 * document sensibly holds:
 *  - text, titles, labels and info must be valid UTF-8 without control
 *    characters and inside the Basic Multilingual Plane.  This is the one
 *    statement of that rule; the text engine draws a character past U+FFFF
 *    as an outline because of it (text.h).  Why: the fonts (pdf_font.c)
 *    give each code point a two-byte CID from a table of U+0000..U+FFFF, and
 *    bookmark titles, labels and info go through libharu's encoder, which
 *    writes U+10000 and above as a space.  Font size 0 < size <= 600 pt;
 *    char_space -30..300 pt; text runs of any length (pdf_page.c shows a
 *    long one in pieces: PDF 1.4 allows 65,535 bytes a string);
 *  - dash lengths 0..100 pt, written to the hundredth of a point as given
 *    (a 0.5 pt dot prints as 0.5 pt); an all-zero pattern is solid;
 *  - line widths 0..100 pt; page sizes 3..14400 pt; colours 0..1 (written
 *    as DeviceGray when r == g == b);
 *  - at most 27 nested DL_CLIP_PUSH, each popped on its own page;
 *  - destination names 1..127 bytes.
 * A character that the item's font lacks is drawn as that font's .notdef
 * (a crossed box) and reported once per font as a warning; the text engine
 * should have chosen a fallback font for it.
 */
#ifndef SHIRYO_RENDER_H
#define SHIRYO_RENDER_H

struct dl_doc;
struct fontset;
struct diag_list;

/* Writes doc as a PDF file at path.  fs may be NULL when doc has no text;
 * dg may be NULL when the caller does not want the messages.
 *
 * The file is written safely: the PDF is made in memory, written to a
 * temporary file ".NAME.XXXXXX" in the folder of path, flushed with fsync
 * and renamed over path (a symbolic link at path is replaced, not
 * followed).  On any failure - invalid display list, libharu error,
 * unreadable font, missing or read-only folder, full disk - nothing is left
 * behind, a file already at path is untouched, and -1 is returned with
 * error messages in dg (write failures name the path and the reason).
 * Returns 0 on success; warnings may still have been added to dg.
 * Font subsets pass through temporary files in $TMPDIR (or /tmp) that are
 * unlinked as soon as libharu has opened them. */
int pdf_write(const struct dl_doc *doc, const struct fontset *fs,
	      const char *path, struct diag_list *dg);

#endif

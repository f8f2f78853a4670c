/* html.h - the HTML edition: a display list's logical structure as one
 * self-contained HTML file (issue 19).
 *
 * Public bodies are asked to publish an HTML page beside a PDF.  The page
 * is made from the same laid-out document as the PDF, by walking the
 * structure tree of the display list (dlist.h: dl_doc.elems and each
 * item's element), not by composing the document a second time: headings
 * become h1-h3 in the same order, paragraphs p, notes p.note, tables
 * table/thead/tbody with th scope and the spans, the 目次 a list of links to
 * the headings, and every Figure an inline SVG drawn from the figure's own
 * display-list items (paths, rectangles, lines and text, in page
 * coordinates under a viewBox), with <title> and <desc> from the figure's
 * alternative text (chart_alt).  Artifacts (running heads, 「- n -」,
 * rules, shading, the 「案」 watermark, repeated table headers) are left
 * out.  The file has lang="ja", a <title> from the document information,
 * inline CSS, no script and no external reference of any kind.
 *
 * Written safely as pdf_write writes a PDF: to a temporary file in the
 * target's folder, renamed over it when complete; on failure nothing is
 * left and an error naming the file is added to dg. */
#ifndef SHIRYO_HTML_H
#define SHIRYO_HTML_H

struct dl_doc;
struct fontset;
struct diag_list;

/* Returns 0, or -1 with an error in dg (a display list without structure
 * is an error: there is nothing to walk). fs may be NULL (generic font
 * families). */
int html_write(const struct dl_doc *doc, const struct fontset *fs,
	       const char *path, struct diag_list *dg);

#endif

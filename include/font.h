/* font.h - the font set: which TrueType files shiryo draws with.
 *
 * fonts/fontset.conf (embedded in the binary; a file may replace it) names
 * the fonts by role - 明朝 for body text, ゴシック for headings and tables,
 * and an ordered fallback chain for characters the role's font lacks - as
 * family names resolved to files from the Debian font packages.  A font is
 * referred to everywhere else by its index in the set; the display list
 * stores that index and the PDF writer embeds the file behind it.
 */
#ifndef SHIRYO_FONT_H
#define SHIRYO_FONT_H

#include <stddef.h>

struct diag_list;
struct fontset;

enum font_role {
	FONT_MINCHO, /* body text */
	FONT_GOTHIC, /* headings, tables, labels, figures */
	FONT_ROLE_COUNT
};

/* Loads the set described by conf_path, or by the embedded fonts/fontset.conf
 * when conf_path is NULL.  Reports a missing font (naming the family, the
 * file looked for and the Debian package that has it) into dg and returns
 * NULL when a role cannot be served. */
struct fontset *fontset_load(const char *conf_path, struct diag_list *dg);
void fontset_free(struct fontset *fs);

size_t fontset_count(const struct fontset *fs);
/* The font index serving a role (the first font of its chain). */
int fontset_role(const struct fontset *fs, enum font_role role);
/* Path of the TrueType file of font i, and its family name. */
const char *fontset_file(const struct fontset *fs, int i);
const char *fontset_family(const struct fontset *fs, int i);
/* The HarfBuzz face of font i's file, opened on first use and owned by the
 * set (hb_face_reference() to keep it longer); NULL when the file cannot be
 * read or is not a font.  Not thread-safe. */
struct hb_face_t *fontset_face(const struct fontset *fs, int i);

/* A glyph's advance, adv font units of a font with upem units to the em, in
 * the thousandths of an em that the text engine measures lines with
 * (text_advance) and the PDF's /W array holds (pdf_font.c): one rule for
 * both, so that a viewer advances each glyph by exactly what the layout
 * measured.  Truncated: any whole number would do as long as both sides
 * use it, and truncation is what every layout was made with (rounding
 * would move line breaks in the documents for no visible gain, the
 * difference being under 1/1000 em a glyph). */
static inline int font_advance_em1000(unsigned long adv, unsigned upem)
{
	return upem ? (int)(adv * 1000u / upem) : 0;
}

#endif

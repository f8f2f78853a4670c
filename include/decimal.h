/* decimal.h - values as written: exact decimals that keep their precision.
 *
 * Council figures are read aloud: 65.1％ must stay 65.1％, not 65.09999.
 * A decimal is an integer count of 10^-scale units, with the number of
 * fraction digits the source wrote.  Parsing accepts what staff type and what
 * PDF extraction produces: full-width digits (２２０), full-width and ASCII
 * thousands separators (7，809 / 7,809), full-width point (６５．１), a
 * leading sign (－ or -), and rejects anything else.
 */
#ifndef SHIRYO_DECIMAL_H
#define SHIRYO_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DECIMAL_MAX_SCALE 6

struct decimal {
	int64_t units; /* value = units / 10^scale */
	int scale;     /* fraction digits as written, 0..DECIMAL_MAX_SCALE */
};

enum decimal_status {
	DECIMAL_OK = 0,
	DECIMAL_EMPTY,    /* nothing but spaces */
	DECIMAL_SYNTAX,   /* not a number */
	DECIMAL_OVERFLOW, /* more than 18 significant digits or scale > 6 */
};

/* Parses the whole of s (surrounding ASCII and U+3000 spaces allowed).
 * Thousands separators must group by three.  On success fills *out. */
enum decimal_status decimal_parse(const char *s, struct decimal *out);
/* Parses a number at the start of s and stores where it ended in *end (the
 * unit or suffix that follows, e.g. "千円" in "6,534千円"). */
enum decimal_status decimal_parse_prefix(const char *s, struct decimal *out,
					 const char **end);
/* Human message for a status ("not a number", ...). */
const char *decimal_status_text(enum decimal_status st);

double decimal_to_double(struct decimal d);
/* The exact decimal nearest to v at the given scale, rounding half away
 * from zero (四捨五入, as Japanese public documents round). */
struct decimal decimal_from_double(double v, int scale);
/* d rounded half away from zero to scale digits. */
struct decimal decimal_round(struct decimal d, int scale);
/* Sum with the larger scale of the two; returns false on overflow. */
bool decimal_add(struct decimal a, struct decimal b, struct decimal *out);
/* -1, 0, 1 comparing values (not precision). */
int decimal_cmp(struct decimal a, struct decimal b);

/* Writes d with ASCII digits, its own scale, and "," thousands separators
 * when grouping is true ("7,809", "65.1", "-0.5").  Returns the length that
 * was needed (snprintf-style). */
int decimal_format(struct decimal d, bool grouping, char *buf, size_t size);

#endif

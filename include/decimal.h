/* decimal.h - values as written: exact decimals that keep their precision.
 *
 * Council figures are read aloud: 65.1％ must stay 65.1％, not 65.09999.
 * A decimal is an integer count of 10^-scale units, with the number of
 * fraction digits the source wrote.  Parsing accepts what staff type and what
 * PDF extraction produces: full-width digits (２２０), full-width and ASCII
 * thousands separators (7，809 / 7,809), full-width point (６５．１), a
 * leading sign (- − － or + ＋), and rejects anything else.  Parsing uses no
 * floating point.
 *
 * Every function keeps |units| below 10^18 (18 digits), so no operation on
 * values they produce can overflow int64_t.
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

/* Parses the whole of s (surrounding spaces allowed: ASCII white space,
 * U+3000 and U+00A0).  The grammar is
 *
 *	[sign] digits [separator digits]... [point digits]
 *
 * A separator (, or ，) must group by three: 1-3 digits before the first one
 * (not starting with 0, so "0,5" is refused), exactly three after each.
 * An integer part is required (".5" is refused) and no space may follow the
 * sign.  Leading zeros are not significant ("007" is 7).  A lone dash of any
 * kind (―, —, －, -) is DECIMAL_SYNTAX: callers that read 「―」 as "unknown"
 * must test for it themselves.  Invalid UTF-8 is DECIMAL_SYNTAX.  Junk after
 * the number is DECIMAL_SYNTAX even if the digits also overflow.
 * On DECIMAL_OK fills *out; otherwise leaves it alone. */
enum decimal_status decimal_parse(const char *s, struct decimal *out);
/* Parses a number at the start of s (after leading spaces) and stores in
 * *end the first byte after it: the unit or suffix that follows, e.g. "千円"
 * in "6,534千円", "％" in "65.1％".  Nothing after the number is skipped,
 * not even spaces.  A comma or point not followed by a digit ends the number
 * ("5." gives 5, end "."); a comma followed by a digit must be a valid
 * separator ("1,23千円" is DECIMAL_SYNTAX).  The character at *end must be
 * valid UTF-8.  On failure *out is left alone and *end is set to s. */
enum decimal_status decimal_parse_prefix(const char *s, struct decimal *out,
					 const char **end);
/* Human message for a status ("not a number", ...); never NULL. */
const char *decimal_status_text(enum decimal_status st);
/* Why decimal_parse() finds no number in s (DECIMAL_SYNTAX or
 * DECIMAL_EMPTY), for a message: a phrase about the first thing that breaks
 * the grammar, to follow "it": "has two decimal points", "has letters",
 * "has a thousands separator in the wrong place", "has no digits" ...
 * (static text).  NULL when decimal_parse() gives DECIMAL_OK or
 * DECIMAL_OVERFLOW.  Exponent notation ("1e9") is "has letters" here:
 * telling it apart is the loaders' business (load_exponent). */
const char *decimal_syntax_reason(const char *s);

double decimal_to_double(struct decimal d);
/* The decimal nearest to v at the given scale, rounding half away from zero
 * (四捨五入, as Japanese public documents round).  v is first read as its
 * 15-significant-digit decimal, as spreadsheets show it, so that a computed
 * 29 ÷ 200 (stored as 0.14499999…) rounds to 0.15 the way the source's Excel
 * sheet did.  NaN gives 0; an infinity or a value that needs more than 18
 * digits saturates to ±999999999999999999 units: callers check isfinite()
 * and their divisors first. */
struct decimal decimal_from_double(double v, int scale);
/* d rounded half away from zero to scale digits (65.15 → 65.2, -2.5 → -3).
 * A larger scale pads with zeros (65.1 → 65.10) if the result fits 18
 * digits; otherwise d is returned unchanged. */
struct decimal decimal_round(struct decimal d, int scale);
/* Sum with the larger scale of the two; returns false (leaving *out alone)
 * when the sum needs more than 18 digits. */
bool decimal_add(struct decimal a, struct decimal b, struct decimal *out);
/* -1, 0, 1 comparing values (not precision): 65.1 and 65.10 are equal. */
int decimal_cmp(struct decimal a, struct decimal b);

/* Writes d with ASCII digits, its own scale, and "," thousands separators
 * when grouping is true ("7,809", "65.1", "-0.5", "100.0"): the plain form
 * for messages and files.  Printed pages write figures with typo_number
 * (typo.h: △0.5 and the plan's other choices).  Returns the
 * length that was needed (snprintf-style: buf may be NULL when size is 0,
 * and output is truncated and NUL-terminated when size is too small). */
int decimal_format(struct decimal d, bool grouping, char *buf, size_t size);

#endif

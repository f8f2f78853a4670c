/* utf8.h - decoding UTF-8 strictly, one code point at a time. */
#ifndef SHIRYO_UTF8_H
#define SHIRYO_UTF8_H

#include <stdint.h>

/* Decodes the code point at s (NUL-terminated): returns its length in
 * bytes, 0 at the NUL, or -1 for invalid UTF-8 (a stray or missing
 * continuation byte, an overlong form, a surrogate, a value past
 * U+10FFFF).  Each continuation byte is checked before the next is read, so
 * a NUL inside a truncated sequence ends the walk there and nothing past
 * the terminator is ever read. */
int utf8_next(const char *s, uint32_t *cp);

#endif

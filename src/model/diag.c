/* diag.c - diagnostics as data; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

void diag_list_init(struct diag_list *dg)
{
	memset(dg, 0, sizeof *dg);
}

void diag_list_release(struct diag_list *dg)
{
	for (size_t i = 0; i < dg->count; i++) {
		free(dg->items[i].file);
		free(dg->items[i].message);
	}
	free(dg->items);
	size_t limit = dg->limit;
	diag_list_init(dg);
	dg->limit = limit;
}

static void push(struct diag_list *dg, struct diag d)
{
	if (d.severity == DIAG_ERROR)
		dg->errors++;
	else if (d.severity == DIAG_WARNING)
		dg->warnings++;
	size_t limit = dg->limit ? dg->limit : 1000;
	if (dg->count >= limit) {
		free(d.file);
		free(d.message);
		return;
	}
	if (dg->count == dg->alloc) {
		size_t n = dg->alloc ? dg->alloc * 2 : 16;
		dg->items = xreallocarray(dg->items, n, sizeof *dg->items);
		dg->alloc = n;
	}
	dg->items[dg->count++] = d;
}

/* The Unicode bidirectional controls: the embeddings and overrides
 * (U+202A..U+202E), the isolates (U+2066..U+2069) and the marks (LRM, RLM,
 * ALM).  A terminal that does bidi lays out the rest of the line as they
 * say, so that a cell holding RLO can make a message display as something
 * else than it says (Trojan Source, CVE-2021-42574).  No message of shiryo
 * needs one: the input is Japanese and ASCII. */
static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

char *diag_clean(const char *s, char *buf, size_t size)
{
	size_t o = 0;
	const char *p = s;
	if (!size)
		return buf;
	while (*p) {
		uint32_t cp = 0;
		int n = utf8_next(p, &cp);
		bool control = n < 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
			       is_bidi_control(cp);
		size_t len = control ? 1 : (size_t)n;
		if (o + len >= size)
			break; /* never half a character */
		if (control)
			buf[o] = '?';
		else
			memmove(buf + o, p, len); /* buf may be s: o never passes p */
		o += len;
		p += n < 0 ? 1 : n;
	}
	buf[o] = '\0';
	return buf;
}

void diag_add(struct diag_list *dg, enum diag_severity sev, const char *file,
	      int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_clean(msg, msg, strlen(msg) + 1);
	char *f = file ? xstrdup(file) : NULL;
	if (f)
		diag_clean(f, f, strlen(f) + 1);
	push(dg, (struct diag){sev, f, line, column, msg});
}

static const char *severity_word(enum diag_severity s)
{
	switch (s) {
	case DIAG_ERROR: return "error";
	case DIAG_WARNING: return "warning";
	case DIAG_NOTE: return "note";
	}
	return "?";
}

char *diag_format(const struct diag *d, char *buf, size_t size)
{
	const char *sev = severity_word(d->severity);
	int n;
	if (d->file && d->line > 0 && d->column > 0)
		n = snprintf(buf, size, "%s:%d:%d: %s: %s", d->file, d->line, d->column,
			     sev, d->message);
	else if (d->file && d->line > 0)
		n = snprintf(buf, size, "%s:%d: %s: %s", d->file, d->line, sev, d->message);
	else if (d->file)
		n = snprintf(buf, size, "%s: %s: %s", d->file, sev, d->message);
	else
		n = snprintf(buf, size, "%s: %s", sev, d->message);
	/* Cut short, the text may end in half a character (the parts are
	 * clean, only the cut can break one): drop it, so that what is
	 * printed stays valid UTF-8. */
	if (n >= 0 && (size_t)n >= size && size > 0) {
		size_t i = strlen(buf);
		while (i > 0 && ((unsigned char)buf[i - 1] & 0xC0) == 0x80)
			i--;
		uint32_t cp;
		if (i > 0 && (unsigned char)buf[i - 1] >= 0xC0 && utf8_next(buf + i - 1, &cp) < 0)
			buf[i - 1] = '\0';
	}
	return buf;
}

void diag_print(const struct diag_list *dg, FILE *out)
{
	char buf[4096];
	for (size_t i = 0; i < dg->count; i++)
		fprintf(out, "%s\n", diag_format(&dg->items[i], buf, sizeof buf));
	size_t limit = dg->limit ? dg->limit : 1000;
	if (dg->errors + dg->warnings > dg->count && dg->count >= limit)
		fprintf(out, "(%zu more not shown)\n",
			dg->errors + dg->warnings - dg->count);
}

void diag_list_move(struct diag_list *dst, struct diag_list *src)
{
	for (size_t i = 0; i < src->count; i++)
		push(dst, src->items[i]);
	free(src->items);
	size_t limit = src->limit;
	diag_list_init(src);
	src->limit = limit;
}

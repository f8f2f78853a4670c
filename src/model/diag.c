/* diag.c - diagnostics as data; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *dupstr(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (!p)
		abort();
	return memcpy(p, s, n);
}

void diag_list_init(struct diag_list *dl)
{
	memset(dl, 0, sizeof *dl);
}

void diag_list_release(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->count; i++) {
		free(dl->items[i].file);
		free(dl->items[i].message);
	}
	free(dl->items);
	size_t limit = dl->limit;
	diag_list_init(dl);
	dl->limit = limit;
}

static void push(struct diag_list *dl, struct diag d)
{
	if (d.severity == DIAG_ERROR)
		dl->errors++;
	else if (d.severity == DIAG_WARNING)
		dl->warnings++;
	size_t limit = dl->limit ? dl->limit : 1000;
	if (dl->count >= limit) {
		free(d.file);
		free(d.message);
		return;
	}
	if (dl->count == dl->alloc) {
		size_t n = dl->alloc ? dl->alloc * 2 : 16;
		struct diag *items = realloc(dl->items, n * sizeof *items);
		if (!items)
			abort();
		dl->items = items;
		dl->alloc = n;
	}
	dl->items[dl->count++] = d;
}

void diag_add(struct diag_list *dl, enum diag_severity sev, const char *file,
	      int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = malloc(n < 0 ? 1 : (size_t)n + 1);
	if (!msg)
		abort();
	if (n < 0) {
		msg[0] = '\0';
	} else {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	push(dl, (struct diag){sev, dupstr(file), line, column, msg});
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
	char where[512] = "";
	if (d->file && d->line > 0 && d->column > 0)
		snprintf(where, sizeof where, "%s:%d:%d: ", d->file, d->line, d->column);
	else if (d->file && d->line > 0)
		snprintf(where, sizeof where, "%s:%d: ", d->file, d->line);
	else if (d->file)
		snprintf(where, sizeof where, "%s: ", d->file);
	snprintf(buf, size, "%s%s: %s", where, severity_word(d->severity), d->message);
	return buf;
}

void diag_print(const struct diag_list *dl, FILE *out)
{
	char buf[4096];
	for (size_t i = 0; i < dl->count; i++)
		fprintf(out, "%s\n", diag_format(&dl->items[i], buf, sizeof buf));
	size_t limit = dl->limit ? dl->limit : 1000;
	if (dl->errors + dl->warnings > dl->count && dl->count >= limit)
		fprintf(out, "(%zu more not shown)\n",
			dl->errors + dl->warnings - dl->count);
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

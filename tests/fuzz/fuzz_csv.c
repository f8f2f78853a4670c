/* fuzz_csv.c - libFuzzer harness for the actuals CSV reader.
 *
 * Each input is read by actuals_parse_csv() (bytes in memory) against both
 * plans of xml/ - the city plan (simple indicators) and the prefecture's
 * (compound indicators, matched by name and part) - and each plan is put
 * back as it was afterwards (fuzz_base.h).
 *
 * Invariants: the reader fails exactly when it reported an error; a failed
 * read leaves the plan exactly as it was; a successful one leaves every
 * measure's actuals sorted, one per year, inside the plan period; a file
 * that iconv(3) converts from CP932 is never called "neither UTF-8 nor
 * Shift_JIS/CP932" (a too small buffer once made it say so). */
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actuals_csv.h"
#include "diag.h"
#include "fuzz_base.h"
#include "fuzz_util.h"

static struct fuzz_base bases[2];

/* Whether all of data converts from CP932 (into a buffer surely large
 * enough). */
static bool converts_from_cp932(const uint8_t *data, size_t size)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1)
		return false;
	size_t cap = 4 * size + 16, il = size, ol = cap;
	char *out = malloc(cap), *op = out, *ip = (char *)data;
	if (!out)
		abort();
	bool ok = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1;
	iconv_close(cd);
	free(out);
	return ok;
}

/* Whether a message starts with text (a message may quote the input, which
 * may say anything). */
static bool said(const struct diag_list *dg, const char *text)
{
	for (size_t i = 0; i < dg->count; i++)
		if (strncmp(dg->items[i].message, text, strlen(text)) == 0)
			return true;
	return false;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_base_init(&bases[0], "xml/kagoshima-city-plan2.xml");
	fuzz_base_init(&bases[1], "xml/kagoshima-pref-manufacturing.xml");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (size_t i = 0; i < 2; i++) {
		struct fuzz_base *b = &bases[i];
		struct diag_list dg;
		diag_list_init(&dg);
		int rc = actuals_parse_csv(b->p, "fuzz.csv", (const char *)data, size, &dg);
		FUZZ_ASSERT(rc == 0 || rc == -1);
		FUZZ_ASSERT((rc != 0) == (dg.errors > 0));
		if (rc != 0)
			fuzz_base_check_unchanged(b);
		else
			fuzz_base_check(b->p);
		if (said(&dg, "file is neither UTF-8 nor Shift_JIS")) {
			/* the bytes the reader converts: after a UTF-8 BOM */
			bool bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
			FUZZ_ASSERT(!converts_from_cp932(data + (bom ? 3 : 0),
							 size - (bom ? 3 : 0)));
		}
		fuzz_check_diags(&dg);
		diag_list_release(&dg);
		fuzz_base_restore(b);
	}
	return 0;
}

/* fuzz_csv.c - libFuzzer harness for the actuals CSV reader.
 *
 * Each input is read by actuals_parse_csv() (bytes in memory) against both
 * plans of xml/ - the city plan (simple indicators) and the prefecture's
 * (compound indicators, matched by name and part) - and each plan is put
 * back as it was afterwards (fuzz_base.h).
 *
 * Invariants: the reader fails exactly when it reported an error; a failed
 * read leaves the plan exactly as it was; a successful one leaves every
 * measure's actuals sorted, one per year, inside the plan period. */
#include <stdint.h>

#include "actuals_csv.h"
#include "diag.h"
#include "fuzz_base.h"
#include "fuzz_util.h"

static struct fuzz_base bases[2];

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
		struct diag_list dl;
		diag_list_init(&dl);
		int rc = actuals_parse_csv(b->p, "fuzz.csv", (const char *)data, size, &dl);
		FUZZ_ASSERT(rc == 0 || rc == -1);
		FUZZ_ASSERT((rc != 0) == (dl.errors > 0));
		if (rc != 0)
			fuzz_base_check_unchanged(b);
		else
			fuzz_base_check(b->p);
		fuzz_check_diags(&dl);
		diag_list_release(&dl);
		fuzz_base_restore(b);
	}
	return 0;
}

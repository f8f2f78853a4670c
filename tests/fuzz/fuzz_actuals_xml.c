/* fuzz_actuals_xml.c - libFuzzer harness for <actuals> XML files.
 *
 * Each input is written to a private tmpfs folder and read by
 * actuals_load_xml() (which takes a path) into each plan of xml/, put back
 * as it was afterwards (fuzz_base.h).  The same XML reader (xdoc.c) serves
 * plans, actuals and PDCA records; this harness reaches it with a smaller
 * schema and the merge checks behind it.
 *
 * Invariants: as fuzz_csv.c. */
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "fuzz_base.h"
#include "fuzz_util.h"
#include "load.h"

static struct fuzz_base bases[2];
static char input_path[512];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_base_init(&bases[0], "xml/kagoshima-city-plan2.xml");
	fuzz_base_init(&bases[1], "xml/kagoshima-pref-manufacturing.xml");
	snprintf(input_path, sizeof input_path, "%s/actuals.xml", fuzz_dir());
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write_file(input_path, data, size);
	for (size_t i = 0; i < 2; i++) {
		struct fuzz_base *b = &bases[i];
		struct diag_list dg;
		diag_list_init(&dg);
		int rc = actuals_load_xml(b->p, input_path, &dg);
		FUZZ_ASSERT(rc == 0 || rc == -1);
		FUZZ_ASSERT((rc != 0) == (dg.errors > 0));
		if (rc != 0)
			fuzz_base_check_unchanged(b);
		else
			fuzz_base_check(b->p);
		fuzz_check_diags(&dg);
		diag_list_release(&dg);
		fuzz_base_restore(b);
	}
	return 0;
}

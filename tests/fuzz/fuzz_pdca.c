/* fuzz_pdca.c - libFuzzer harness for PDCA record files (pdca.h).
 *
 * Each input is written to a private tmpfs folder and read by pdca_load()
 * (which takes a path) into the city plan of xml/ - pillars, projects and
 * actuals, but without its <pdca-file>s, so that the plan's own records
 * (the seeds) load and their mutations reach the merge - and the plan is
 * put back as it was afterwards (fuzz_base.h).
 *
 * Invariants: pdca_load() fails exactly when it reported an error; a failed
 * load leaves the plan as it was; records stay sorted by year. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz_base.h"
#include "fuzz_util.h"
#include "pdca.h"

static struct fuzz_base base;
static char input_path[512];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	/* the city plan without its <pdca-file> lines, beside its actuals */
	char from[1024], to[1024], line[4096];
	snprintf(from, sizeof from, "%s/xml/kagoshima-city-plan2.xml", fuzz_top());
	snprintf(to, sizeof to, "%s/city.xml", fuzz_dir());
	FILE *in = fopen(from, "r"), *out = fopen(to, "w");
	if (!in || !out)
		abort();
	while (fgets(line, sizeof line, in))
		if (!strstr(line, "<pdca-file"))
			fputs(line, out);
	fclose(in);
	fclose(out);
	snprintf(from, sizeof from, "%s/xml/kagoshima-city-plan2-actuals.xml", fuzz_top());
	snprintf(to, sizeof to, "%s/kagoshima-city-plan2-actuals.xml", fuzz_dir());
	if (from[0] != '/' || symlink(from, to) != 0) {
		/* a relative top: copy by reading instead */
		in = fopen(from, "r");
		out = fopen(to, "w");
		if (!in || !out)
			abort();
		while (fgets(line, sizeof line, in))
			fputs(line, out);
		fclose(in);
		fclose(out);
	}
	snprintf(to, sizeof to, "%s/city.xml", fuzz_dir());
	fuzz_base_init(&base, to);
	snprintf(input_path, sizeof input_path, "%s/pdca.xml", fuzz_dir());
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write_file(input_path, data, size);
	struct plan *p = base.p;
	struct diag_list dg;
	diag_list_init(&dg);
	int rc = pdca_load(p, input_path, &dg);
	FUZZ_ASSERT(rc == 0 || rc == -1);
	FUZZ_ASSERT((rc != 0) == (dg.errors > 0));
	if (rc != 0) {
		fuzz_base_check_unchanged(&base);
	} else {
		for (size_t i = 1; i < p->n_pdca; i++)
			FUZZ_ASSERT(p->pdca[i - 1].fy <= p->pdca[i].fy);
		for (int fy = p->from; fy <= p->to; fy++) {
			size_t n = 0;
			const struct pdca_record *r = pdca_of_year(p, fy, &n);
			FUZZ_ASSERT((r == NULL) == (n == 0));
			for (size_t i = 0; i < n; i++)
				FUZZ_ASSERT(r[i].fy == fy);
		}
	}
	fuzz_check_diags(&dg);
	diag_list_release(&dg);
	fuzz_base_restore(&base);
	return 0;
}

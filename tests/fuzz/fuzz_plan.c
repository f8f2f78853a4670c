/* fuzz_plan.c - libFuzzer harness for the plan loader: `shiryo check` on
 * arbitrary bytes.
 *
 * The input is written to a private tmpfs folder as a plan file and loaded
 * with plan_load() (which takes a path), then checked and computed as the
 * CLI and the documents do: fig_check_plan(), and every indicator's figures
 * and every pillar's summary in each year of the plan.  The folder holds
 * links to every XML file of xml/ and tests/fixtures/, so that a plan's
 * <actuals-file> and <pdca-file> references from the seed corpus resolve
 * and the actuals and PDCA readers run too.
 *
 * Invariants: plan_load() returns NULL exactly when it reported an error;
 * every diagnostic formats. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "figures.h"
#include "load.h"
#include "plan.h"
#include "fuzz_util.h"

static char input_path[512];

/* Links every *.xml of folder src into the harness folder (the first of a
 * name wins). */
static void link_all(const char *src)
{
	char abs_src[1600], cwd[512], from[2048], to[1024];
	if (src[0] == '/')
		snprintf(abs_src, sizeof abs_src, "%s", src);
	else if (getcwd(cwd, sizeof cwd))
		snprintf(abs_src, sizeof abs_src, "%s/%s", cwd, src);
	else
		return;
	DIR *d = opendir(abs_src);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		snprintf(from, sizeof from, "%s/%s", abs_src, e->d_name);
		snprintf(to, sizeof to, "%s/%s", fuzz_dir(), e->d_name);
		if (symlink(from, to) != 0) {
			/* taken by an earlier folder: fine */
		}
	}
	closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	char path[1024];
	static const char *const folders[] = {"xml", "tests/fixtures", "tests/fixtures/pdca"};
	for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", fuzz_top(), folders[i]);
		link_all(path);
	}
	snprintf(input_path, sizeof input_path, "%s/fuzz-input.xml", fuzz_dir());
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dg;
	diag_list_init(&dg);
	fuzz_write_file(input_path, data, size);

	struct plan *p = plan_load(input_path, &dg);
	FUZZ_ASSERT((p == NULL) == (dg.errors > 0));
	if (p) {
		fig_check_plan(p, &dg);
		struct arena *a = arena_new();
		int from = p->from, to = p->to;
		if (to - from > 40)
			to = from + 40; /* the schema allows any span; keep runs short */
		for (int fy = from; fy <= to; fy++) {
			for (size_t i = 0; i < p->n_indicators; i++) {
				struct fig_indicator fi;
				fig_indicator_compute(p, &p->indicators[i], fy, a, &fi);
			}
			struct fig_summary s;
			fig_summary_compute(p, NULL, fy, a, &s);
			for (size_t i = 0; i < p->n_pillars; i++)
				fig_summary_compute(p, &p->pillars[i], fy, a, &s);
		}
		arena_free(a);
	}
	fuzz_check_diags(&dg);
	plan_free(p);
	diag_list_release(&dg);
	return 0;
}

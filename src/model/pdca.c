/* pdca.c - look-ups in a plan's PDCA records (pdca.h).
 *
 * The records are sorted by year, meeting and target, so the records of a
 * year or of a meeting are one run of the array.  Scans are linear: a plan
 * has a few records per meeting and a few meetings per year. */
#include "pdca.h"

#include <string.h>

static const char *const meeting_names[PDCA_N_MEETINGS] = {
	[PDCA_COUNCIL] = "council",
	[PDCA_MIDYEAR] = "midyear",
	[PDCA_YEAREND] = "yearend",
};

const char *pdca_meeting_name(enum pdca_meeting m)
{
	return (unsigned)m < PDCA_N_MEETINGS ? meeting_names[m] : "?";
}

int pdca_meeting_parse(const char *s, enum pdca_meeting *m)
{
	for (int i = 0; s && i < PDCA_N_MEETINGS; i++)
		if (strcmp(s, meeting_names[i]) == 0) {
			*m = (enum pdca_meeting)i;
			return 0;
		}
	return -1;
}

/* The run of records of year fy (and of meeting, unless it is -1). */
static const struct pdca_record *run(const struct plan *p, int fy, int meeting,
				     size_t *n)
{
	*n = 0;
	const struct pdca_record *start = NULL;
	for (size_t i = 0; i < p->n_pdca; i++) {
		const struct pdca_record *r = &p->pdca[i];
		if (r->fy != fy || (meeting >= 0 && (int)r->meeting != meeting)) {
			if (start)
				break;
			continue;
		}
		if (!start)
			start = r;
		(*n)++;
	}
	return start;
}

const struct pdca_record *pdca_of_year(const struct plan *p, int fy, size_t *n)
{
	return run(p, fy, -1, n);
}

const struct pdca_record *pdca_of_meeting(const struct plan *p, int fy,
					  enum pdca_meeting m, size_t *n)
{
	return run(p, fy, (int)m, n);
}

const struct pdca_record *pdca_find(const struct plan *p, int fy,
				    enum pdca_meeting m, const char *target)
{
	size_t n;
	const struct pdca_record *r = pdca_of_meeting(p, fy, m, &n);
	for (size_t i = 0; target && i < n; i++)
		if (strcmp(r[i].target, target) == 0)
			return &r[i];
	return NULL;
}

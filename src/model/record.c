/* record.c - look-ups in a plan's evaluation records (record.h). */
#include "record.h"

#include <string.h>

#include "pdca.h"

const struct eval_record *eval_of_year(const struct plan *p, int fy)
{
	size_t n = 0;
	const struct pdca_record *r = pdca_of_meeting(p, fy, PDCA_COUNCIL, &n);
	return n ? r->session->eval : NULL;
}

const struct eval_assessment *eval_assessment(const struct eval_record *e,
					      const struct indicator *ind)
{
	for (size_t i = 0; e && i < e->n_assessments; i++)
		if (e->assessments[i].indicator == ind)
			return &e->assessments[i];
	return NULL;
}

const char *eval_dept(const struct plan *p, const struct indicator *ind, int fy,
		      int *fy_out)
{
	for (int y = fy; y >= p->from; y--) {
		const struct eval_assessment *as = eval_assessment(eval_of_year(p, y), ind);
		if (as && as->dept) {
			if (fy_out)
				*fy_out = y;
			return as->dept;
		}
	}
	return NULL;
}

const struct eval_response *eval_response_to(const struct eval_record *e,
					     const struct eval_opinion *op)
{
	for (size_t i = 0; e && i < e->n_responses; i++)
		if (e->responses[i].opinion == op)
			return &e->responses[i];
	return NULL;
}

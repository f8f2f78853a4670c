/* scaffold.h - a starting point for a new plan (shiryo init).
 *
 * Writes into a folder three files that check and build as they are: a
 * minimal plan (one pillar, one direction, one initiative, one indicator)
 * with the given title, issuer and period, its actuals file (the first
 * year's value, marked illustrative) and the PDCA record of the first
 * year's council.  Each says in Japanese comments what goes where.  Text
 * that the municipality has to replace is written 「（…）」.
 */
#ifndef SHIRYO_SCAFFOLD_H
#define SHIRYO_SCAFFOLD_H

struct diag_list;

struct scaffold {
	const char *dir;
	const char *title;
	const char *issuer;
	int from, to; /* fiscal years */
};

/* Creates dir if it is missing and writes plan.xml, plan-actuals.xml and
 * plan-pdca-<FY>-council.xml there.  Refuses, writing nothing, when any of
 * them exists already, or when title or issuer hold control characters.
 * Returns 0, or -1 with the reason in dg (files written before a failure
 * are removed). */
int scaffold_init(const struct scaffold *s, struct diag_list *dg);

#endif

/* figures_int.h - what the files of src/figures share (not a public header). */
#ifndef SHIRYO_FIGURES_INT_H
#define SHIRYO_FIGURES_INT_H

#include "figures.h"
#include "frac.h"

enum fig_traj {
	FIG_TRAJ_OK,     /* *e holds the expected value */
	FIG_TRAJ_BEFORE, /* the year precedes the trajectory's start */
	FIG_TRAJ_NONE,   /* no trajectory at all (unknown baseline, no years) */
};

/* trajectory.c */
enum fig_traj fig_trajectory(const struct plan *p, const struct measure *m,
			     int fy, struct frac *e);
/* The baseline comparable with m's yearly values (a total baseline of a
 * rate target per year); false when unknown. */
bool fig_baseline(const struct measure *m, struct frac *out);
int fig_anchor_year(const struct plan *p, const struct baseline *b);
int fig_target_year(const struct plan *p, const struct target *t);
/* First and last year of a cumulative target's span. */
void fig_cumulative_span(const struct plan *p, const struct target *t,
			 int *from, int *to);
const struct actual *fig_find_actual(const struct measure *m, int fy);

/* grade.c: fig_measure_compute with the percentages at any scale (the
 * stated-achievement check rounds to the stated figure's precision). */
void fig_measure_at_scale(const struct plan *p, const struct measure *m,
			  int fy, int scale, struct fig_measure *out);
/* Sets r to f in percent at scale; r->ok false on overflow. */
void fig_ratio_set(struct fig_ratio *r, struct frac f, int scale);

#endif

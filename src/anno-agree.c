/*
 * anno-agree.c: how far two coders agree on one tag, from the four counts
 * of a 2x2 table over the same units (sentences): both coded the unit with
 * the tag, only the first did, only the second did, neither did.
 *
 * Three figures, all for nominal data and exactly two coders with no unit
 * missing a value:
 *  - percentage agreement: units where they agree / all units;
 *  - Cohen's kappa: (po - pe) / (1 - pe), pe from each coder's own margins;
 *  - Krippendorff's alpha: 1 - (n - 1) * sum(o_ck, c != k) / sum(n_c n_k,
 *    c != k), from the coincidence matrix, where every unit gives two
 *    pairable values (n = 2 * units) and a disagreement counts both ways.
 *    For two categories that is 1 - (n - 1) * o_01 / (n_0 n_1).
 * kappa and alpha are undefined when chance disagreement is nil (every
 * unit has the same value from both coders, or there are no units): they
 * come back as NAN then, and the caller prints that as "n/a", never as a
 * number a reader could mistake for perfect or null reliability.
 *
 * Pure: no SQLite; tested alone against published worked examples
 * (tests/unit/test-anno-agree.c).
 */
#include "config.h"

#include <math.h>

#include "anno.h"

void
anno_agree(const struct anno_agree_table *t, struct anno_agree *out)
{
	double units = (double)(t->both + t->first_only + t->second_only + t->neither);
	double agree = (double)(t->both + t->neither);
	double first_yes = (double)(t->both + t->first_only);
	double second_yes = (double)(t->both + t->second_only);
	double pe, n, n_yes, n_no, o_yes_no;

	out->units = t->both + t->first_only + t->second_only + t->neither;
	if (out->units == 0) {
		out->percent = NAN;
		out->kappa = NAN;
		out->alpha = NAN;
		return;
	}
	out->percent = 100.0 * agree / units;

	pe = (first_yes / units) * (second_yes / units) +
	    ((units - first_yes) / units) * ((units - second_yes) / units);
	out->kappa = pe >= 1.0 ? NAN : (agree / units - pe) / (1.0 - pe);

	/* Coincidences: each unit contributes both ordered pairs of its two
	 * values, so o_01 counts every disagreeing unit once. */
	n = 2.0 * units;
	n_yes = first_yes + second_yes;
	n_no = n - n_yes;
	o_yes_no = (double)(t->first_only + t->second_only);
	out->alpha = (n_yes == 0.0 || n_no == 0.0) ? NAN :
	    1.0 - (n - 1.0) * o_yes_no / (n_yes * n_no);
}

/* test-anno-agree.c: percentage agreement, Cohen's kappa and Krippendorff's
 * alpha for two coders on nominal data, against published worked examples
 * and hand-computed edge cases. */
#include "config.h"

#include <math.h>

#include "anno.h"
#include "tap.h"

static int
near(double got, double want)
{
	return fabs(got - want) < 1e-9;
}

/* Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability",
 * Annenberg School for Communication, University of Pennsylvania, section
 * A, "Binary or dichotomous data, two observers, no missing data":
 *   Obs. A: 0 1 0 0 0 0 0 0 1 0
 *   Obs. B: 1 1 1 0 0 1 0 0 0 0
 * coincidences o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6, n = 20;
 * alpha = 1 - (n - 1) o01 / (n0 n1) = 1 - 19 * 4 / 84 = 0.095 (8/84 exactly). */
static void
test_krippendorff_two_observers(void)
{
	struct anno_agree_table t = { .both = 1, .first_only = 1, .second_only = 3,
		.neither = 5 };
	struct anno_agree a;

	anno_agree(&t, &a);
	is_int(a.units, 10, "ten units");
	ok(near(a.alpha, 8.0 / 84.0), "alpha is 8/84 = 0.095 as in Krippendorff 2011 (got %.6f)",
	    a.alpha);
	ok(fabs(a.alpha - 0.095) < 0.0005, "alpha rounds to the paper's 0.095");
	ok(near(a.percent, 60.0), "6 of 10 units agree");
	/* kappa on the same data by hand: po = 0.6, pe = 0.2*0.4 + 0.8*0.6 = 0.56,
	 * kappa = 0.04 / 0.44 = 1/11. */
	ok(near(a.kappa, 1.0 / 11.0), "kappa by hand on the same data is 1/11 (got %.6f)",
	    a.kappa);
}

/* Cohen's kappa, the worked 2x2 example in the Wikipedia article "Cohen's
 * kappa" (section "Simple example"): 50 grant proposals read by A and B;
 * both yes 20, A yes B no 5, A no B yes 10, both no 15; po = 0.7, pe = 0.5,
 * kappa = 0.4. Alpha by hand on it: n = 100, n_yes = 25 + 30 = 55,
 * n_no = 45, o_yes,no = 15; alpha = 1 - 99 * 15 / (55 * 45) = 0.4. */
static void
test_cohen_textbook(void)
{
	struct anno_agree_table t = { .both = 20, .first_only = 5, .second_only = 10,
		.neither = 15 };
	struct anno_agree a;

	anno_agree(&t, &a);
	ok(near(a.percent, 70.0), "po = 0.7");
	ok(near(a.kappa, 0.4), "kappa = 0.4 (got %.6f)", a.kappa);
	ok(near(a.alpha, 1.0 - 99.0 * 15.0 / (55.0 * 45.0)), "alpha = 0.4 (got %.6f)", a.alpha);
}

static void
test_edges(void)
{
	struct anno_agree a;
	struct anno_agree_table none = { 0, 0, 0, 0 };
	struct anno_agree_table all_no = { .neither = 7 };
	struct anno_agree_table all_yes = { .both = 3 };
	struct anno_agree_table perfect = { .both = 2, .neither = 3 };
	struct anno_agree_table opposite = { .first_only = 2, .second_only = 2 };

	anno_agree(&none, &a);
	ok(a.units == 0 && isnan(a.percent) && isnan(a.kappa) && isnan(a.alpha),
	    "no units: nothing defined");
	anno_agree(&all_no, &a);
	ok(near(a.percent, 100.0) && isnan(a.kappa) && isnan(a.alpha),
	    "never coded by either: 100%% but kappa and alpha undefined");
	anno_agree(&all_yes, &a);
	ok(near(a.percent, 100.0) && isnan(a.kappa) && isnan(a.alpha),
	    "always coded by both: kappa and alpha undefined");
	anno_agree(&perfect, &a);
	ok(near(a.kappa, 1.0) && near(a.alpha, 1.0), "perfect agreement: 1 and 1");
	/* po = 0, pe = 0.5 -> kappa = -1; n = 8, n_yes = n_no = 4, o = 4:
	 * alpha = 1 - 7 * 4 / 16 = -0.75. */
	anno_agree(&opposite, &a);
	ok(near(a.kappa, -1.0) && near(a.alpha, -0.75),
	    "systematic disagreement: kappa -1, alpha -0.75 (got %.4f, %.4f)", a.kappa, a.alpha);
}

int
main(void)
{
	test_krippendorff_two_observers();
	test_cohen_textbook();
	test_edges();
	return tap_done();
}

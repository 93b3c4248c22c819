/* test-export-qda.c: what the REFI-QDA exchange computes without a
 * database: tag colours to #RRGGBB and back (every palette entry comes
 * back as the same colour, the 16 named ones by name), the nearest entry for
 * another tool's colour, malformed colours refused, and name-based GUIDs
 * (the schema's shape, stable, different for different names). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "store.h"
#include "tap.h"

static const char *const names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static void
test_round_trip(void)
{
	char rgb[8], again[8], name[32];
	int i, bad = 0, renamed = 0;

	for (i = 0; i < 256; i++) {
		char *back;

		if (i < 16)
			snprintf(name, sizeof name, "%s%s", i >= 8 ? "bright-" : "", names[i % 8]);
		else
			snprintf(name, sizeof name, "%d", i);
		if (export_qda_rgb(name, rgb) != 0) {
			diag("%s has no RGB", name);
			bad++;
			continue;
		}
		back = export_qda_color(rgb);
		/* Seven cube entries are the same colour as a named one
		 * (16 is black, 196 bright-red...): they come back by name. */
		if (back == NULL || (strcmp(back, name) != 0 &&
		    (export_qda_rgb(back, again) != 0 || strcmp(again, rgb) != 0 || i < 16))) {
			diag("%s -> %s -> %s", name, rgb, back ? back : "NULL");
			bad++;
		}
		renamed += back != NULL && strcmp(back, name) != 0;
		free(back);
	}
	ok(bad == 0, "every palette colour goes out as #RRGGBB and comes back as the same colour");
	is_int(renamed, 7, "seven numbers come back as the name of the same colour");
	ok(export_qda_rgb("red", rgb) == 0 && strcmp(rgb, "#CD0000") == 0, "red is xterm's #CD0000");
	ok(export_qda_rgb("color214", rgb) == 0 && strcmp(rgb, "#FFAF00") == 0,
	    "color214 is #FFAF00 (cube 5,3,0)");
	ok(export_qda_rgb("244", rgb) == 0 && strcmp(rgb, "#808080") == 0,
	    "244 is the grey #808080 (8 + 10 * 12)");
	ok(export_qda_rgb("default", rgb) == -1 && export_qda_rgb(NULL, rgb) == -1,
	    "default and none have no RGB");
}

static void
test_nearest(void)
{
	char *c;

	c = export_qda_color("#3A3");
	is_str(c, "71", "#3A3 (#33AA33) is nearest 71 (cube 1,3,1)");
	free(c);
	c = export_qda_color("#fe0101");
	is_str(c, "bright-red", "#fe0101 is nearest bright-red");
	free(c);
	ok(export_qda_color("red") == NULL && export_qda_color("#12345") == NULL &&
	    export_qda_color("#12345G") == NULL && export_qda_color("#GGG") == NULL &&
	    export_qda_color(NULL) == NULL, "malformed colours are refused");
}

static int
guid_shaped(const char *g)
{
	size_t i;

	if (strlen(g) != 36)
		return 0;
	for (i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? g[i] != '-' : strchr("0123456789abcdef", g[i]) == NULL)
			return 0;
	}
	return g[14] == '8' && strchr("89ab", g[19]) != NULL;
}

static void
test_guids(void)
{
	char a[37], b[37], c[37];

	store_name_uuid("tag", "claim", a);
	store_name_uuid("tag", "claim", b);
	store_name_uuid("tag", "claim/economic", c);
	ok(guid_shaped(a), "a name-based GUID has the schema's shape, version 8 (%s)", a);
	ok(strcmp(a, b) == 0, "the same name, the same GUID");
	ok(strcmp(a, c) != 0, "another name, another GUID");
	store_name_uuid("user", "claim", b);
	ok(strcmp(a, b) != 0, "the same name of another kind, another GUID");
}

int
main(void)
{
	test_round_trip();
	test_nearest();
	test_guids();
	return tap_done();
}

/*
 * export_api.c - a program built against the Debian package's headers and
 * libgovmap.a alone (tests/deb/run.sh): it loads a registry, analyses it
 * and writes it as FollowTheMoney entities with the library's export API.
 * Usage: export_api REGISTRY DATE
 */
#include <stdio.h>
#include <govmap/analysis.h>
#include <govmap/export.h>
#include <govmap/govmap.h>

int main(int argc, char **argv)
{
	govmap_src *src = NULL;
	govmap_registry *reg = NULL;
	govmap_analysis *an = NULL;
	govmap_diags diags = {0};
	govmap_analysis_opts ao = {0};
	int rc = 1;
	if (argc != 3 || govmap_date_parse(&ao.on, argv[2]) != GOVMAP_OK)
		return 2;
	if (govmap_src_open_dir(&src, argv[1], NULL, &diags) == GOVMAP_OK &&
	    govmap_registry_load(&reg, src, NULL, &diags) == GOVMAP_OK &&
	    !diags.count[GOVMAP_SEV_ERROR] &&
	    govmap_analyse(&an, reg, &ao) == GOVMAP_OK &&
	    govmap_export_write(stdout, GOVMAP_EXPORT_FTM, an, NULL) ==
		    GOVMAP_OK)
		rc = 0;
	for (size_t i = 0; i < diags.n; i++)
		fprintf(stderr, "%s\n", diags.v[i].msg);
	govmap_analysis_free(an);
	govmap_registry_free(reg);
	govmap_src_free(src);
	govmap_diags_free(&diags);
	return rc;
}

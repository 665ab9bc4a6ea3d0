/*
 * session.c - the pipeline (govmap/session.h): source, plugins' types,
 * load and validate, the registry checked against the plugins, analysis
 * on a date, core and plugin rules, suppressions, sorting.
 *
 * The one place these steps are put together; the CLI, the site, the
 * tests and the fuzzers call it instead of repeating them.  Never prints,
 * never exits.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "govmap/session.h"
#include "analysis_impl.h"
#include "source_impl.h"
#include "util.h"
#include "vcs_impl.h"

struct govmap_session {
	govmap_src *src;
	govmap_registry *reg;
	govmap_analysis *an;
	govmap_findings findings;
	govmap_diags diags;
	govmap_plugins *plugins; /* borrowed */
	govmap_stage stage;
	int analyse_invalid;
	govmap_date on;
	unsigned money_how; /* GOVMAP_MONEY_THIS_YEAR or _NEAREST_YEAR */
	char title[512];
};

/* Each finding's category from its rule, core or plugin (issue 15). */
static void categorise(govmap_session *s)
{
	size_t nc, np = govmap_plugins_nrules(s->plugins);
	const govmap_rule_info *core = govmap_core_rules(&nc);
	const govmap_rule_info **all = malloc((nc + np + 1) * sizeof(*all));
	if (!all)
		return; /* every finding stays a deficit finding */
	for (size_t k = 0; k < nc; k++)
		all[k] = &core[k];
	for (size_t k = 0; k < np; k++)
		all[nc + k] = govmap_plugins_rule(s->plugins, k);
	govmap_findings_categorise(&s->findings, all, nc + np);
	free(all);
}

static int open_source(govmap_session *s, const govmap_session_opts *o)
{
	struct stat st;
	if (o->source == GOVMAP_SOURCE_MEMORY)
		return govmap_src_open_memory(&s->src, o->files, o->nfiles,
					      o->label, o->limits, &s->diags);
	if (!o->registry || stat(o->registry, &st) != 0 ||
	    !S_ISDIR(st.st_mode)) {
		char q[1024]; /* one line, whatever -r held */
		govmap_diags_add(&s->diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "no-registry",
				 "no registry directory at '%s': give -r PATH "
				 "or set GOVMAP_REGISTRY",
				 o->registry ? govmap_text_escape(q, sizeof q,
								  o->registry)
					     : "(none)");
		return GOVMAP_ENOTFOUND;
	}
	switch (o->source) {
	case GOVMAP_SOURCE_DIR:
		return govmap_src_open_dir(&s->src, o->registry, o->limits,
					   &s->diags);
	case GOVMAP_SOURCE_GIT:
		/* a walk's loads keep one repository open (the cache) */
		return govmap__src_open_git_cached(
			&s->src, o->registry, o->rev, o->limits,
			o->version >= 2 ? o->cache : NULL, &s->diags);
	case GOVMAP_SOURCE_INDEX:
		return govmap_src_open_index(&s->src, o->registry, o->limits,
					     &s->diags);
	default:
		govmap_diags_add(&s->diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "usage", "unknown source kind %d",
				 (int)o->source);
		return GOVMAP_EINVALID;
	}
}

/* The plugins' type weights for the deficit model (analysis.h). */
static double plugin_weight(const char *type, void *payload)
{
	double w;
	if (payload && govmap_plugins_link_strength(payload, type, &w))
		return w;
	return -1;
}

static int analyse(govmap_session *s)
{
	govmap_findings_free(&s->findings);
	govmap_analysis_free(s->an);
	s->an = NULL;
	char d[11];
	govmap_date_format(d, s->on);
	snprintf(s->title, sizeof s->title, "%s, %s, on %s",
		 govmap_registry_name(s->reg), govmap_src_revision(s->src), d);
	if (s->diags.count[GOVMAP_SEV_ERROR] && !s->analyse_invalid)
		return GOVMAP_EINVALID;
	/* a manifest's `weights:` override, said in every title */
	const govmap_variant *w = govmap_registry_weights(s->reg);
	if (w)
		snprintf(s->title + strlen(s->title),
			 sizeof s->title - strlen(s->title),
			 ", with non-default weights (govmap.yaml)");
	govmap_analysis_opts ao = {s->on, plugin_weight, s->plugins,
				   s->money_how, w};
	int rc = govmap_analyse(&s->an, s->reg, &ao);
	if (rc != GOVMAP_OK)
		return rc;
	if (s->stage < GOVMAP_STAGE_FINDINGS)
		return GOVMAP_OK;
	govmap_core_findings(s->an, &s->findings);
	if (s->plugins)
		govmap_plugins_run_analysed(s->plugins, s->an, &s->findings,
					    &s->diags);
	categorise(s);
	govmap_findings_apply_suppressions(&s->findings, s->reg);
	govmap_findings_sort(&s->findings, s->reg);
	govmap_diags_sort(&s->diags);
	/* a finding lost for want of memory: the list is not the truth */
	return s->findings.lost ? GOVMAP_ENOMEM : GOVMAP_OK;
}

int govmap_session_open(govmap_session **out, const govmap_session_opts *o)
{
	*out = NULL;
	if (!o || o->version < 1 || o->version > GOVMAP_SESSION_OPTS_VERSION)
		return GOVMAP_EINVALID;
	govmap_session *s = calloc(1, sizeof(*s));
	if (!s)
		return GOVMAP_ENOMEM;
	*out = s;
	s->plugins = o->plugins;
	s->stage = o->stage;
	s->analyse_invalid = o->analyse_invalid;
	s->money_how = o->money_how;
	s->on = o->on ? o->on : govmap_date_today();
	int rc = open_source(s, o);
	if (rc != GOVMAP_OK) {
		govmap_diags_sort(&s->diags);
		return rc;
	}
	/* Plugins first: the types they declare are valid in the data. */
	govmap_load_opts lo = {0};
	if (o->limits)
		lo.src = *o->limits;
	if (o->version >= 2)
		lo.cache = o->cache;
	if (s->plugins) {
		govmap_plugins_types(s->plugins, &lo.extra_body_types,
				     &lo.extra_board_types,
				     &lo.extra_link_types);
		lo.extra_time_bound_types =
			govmap_plugins_time_bound_types(s->plugins);
	}
	rc = govmap_registry_load(&s->reg, s->src, &lo, &s->diags);
	if (!s->reg) {
		govmap_diags_sort(&s->diags);
		return rc != GOVMAP_OK ? rc : GOVMAP_ENOMEM;
	}
	if (s->plugins) {
		char *manifest = govmap__asprintf(
			"%s/govmap.yaml", govmap_src_label(s->src));
		govmap_plugins_check_registry(s->plugins, s->reg,
					      manifest ? manifest
						       : "govmap.yaml",
					      &s->diags);
		free(manifest);
	}
	if (s->stage == GOVMAP_STAGE_RULES && s->plugins) {
		govmap_plugins_run(s->plugins, s->reg, s->on, &s->findings,
				   &s->diags);
		categorise(s);
		govmap_findings_apply_suppressions(&s->findings, s->reg);
		govmap_findings_sort(&s->findings, s->reg);
	}
	govmap_diags_sort(&s->diags);
	if (s->stage < GOVMAP_STAGE_ANALYSE)
		return GOVMAP_OK;
	return analyse(s);
}

int govmap_session_set_date(govmap_session *s, govmap_date on)
{
	if (!s || !s->reg)
		return GOVMAP_EINVALID;
	s->on = on ? on : govmap_date_today();
	if (s->stage < GOVMAP_STAGE_ANALYSE)
		s->stage = GOVMAP_STAGE_ANALYSE;
	return analyse(s);
}

void govmap_session_free(govmap_session *s)
{
	if (!s)
		return;
	govmap_findings_free(&s->findings);
	govmap_analysis_free(s->an);
	govmap_registry_free(s->reg);
	govmap_src_free(s->src);
	govmap_diags_free(&s->diags);
	free(s);
}

govmap_registry *govmap__session_registry_mut(govmap_session *s)
{
	return s ? s->reg : NULL;
}

int govmap__session_patch(govmap_session *s, const int32_t *idx, size_t n)
{
	if (!s || !s->reg)
		return GOVMAP_EINVALID;
	if (s->an && s->stage < GOVMAP_STAGE_FINDINGS &&
	    govmap__analysis_patch(s->an, idx, n) == 0)
		return 1;
	int rc = analyse(s);
	return rc == GOVMAP_OK ? 0 : rc;
}

govmap_src *govmap_session_source(const govmap_session *s)
{
	return s ? s->src : NULL;
}

const govmap_registry *govmap_session_registry(const govmap_session *s)
{
	return s ? s->reg : NULL;
}

const govmap_analysis *govmap_session_analysis(const govmap_session *s)
{
	return s ? s->an : NULL;
}

govmap_findings *govmap_session_findings(govmap_session *s)
{
	return s ? &s->findings : NULL;
}

govmap_diags *govmap_session_diags(govmap_session *s)
{
	return s ? &s->diags : NULL;
}

govmap_plugins *govmap_session_plugins(const govmap_session *s)
{
	return s ? s->plugins : NULL;
}

govmap_date govmap_session_date(const govmap_session *s)
{
	return s ? s->on : 0;
}

const char *govmap_session_title(const govmap_session *s)
{
	return s ? s->title : "";
}

int govmap_plugins_open(govmap_plugins **out, const char *first_dir,
			const char *origin, govmap_diags *diags)
{
	govmap_plugins *ps;
	*out = NULL;
	if (govmap_plugins_new(&ps) != GOVMAP_OK)
		return GOVMAP_ENOMEM;
	int rc = GOVMAP_OK;
	if (first_dir)
		rc = govmap_plugins_add_dir(ps, first_dir,
					    origin ? origin : "plugin dir");
	const char *dir_origin;
	int exists = 1;
	const char *dir = rc == GOVMAP_OK && first_dir && *first_dir
				  ? govmap_plugins_dir(ps, 0, &dir_origin,
						       &exists)
				  : NULL;
	if (dir && !exists) {
		/* asked for by name: a typo must not pass in silence */
		struct stat st;
		govmap_diags_add(diags, GOVMAP_SEV_WARNING, dir, 0, 0,
				 "plugin-dir",
				 "%s: %s, so no plugins are loaded from it; "
				 "give the directory that holds the .so files",
				 dir_origin,
				 stat(dir, &st) == 0 ? "not a directory"
						     : "no such directory");
	}
	if (rc == GOVMAP_OK)
		rc = govmap_plugins_add_default_dirs(ps);
	const char *t = getenv("GOVMAP_RULE_TIMEOUT");
	if (rc == GOVMAP_OK && t && *t) {
		char *end;
		errno = 0;
		unsigned long v = strtoul(t, &end, 10);
		if (errno || *end || v == 0 || v > 3600) {
			char q[64];
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
					 "usage",
					 "GOVMAP_RULE_TIMEOUT must be a number "
					 "of seconds from 1 to 3600, not %s",
					 govmap__quote(q, sizeof q, t));
			govmap_plugins_free(ps);
			return GOVMAP_EINVALID;
		}
		govmap_plugins_set_timeout(ps, (unsigned)v);
	}
	if (rc == GOVMAP_OK)
		rc = govmap_plugins_discover(ps, diags);
	if (rc != GOVMAP_OK) {
		govmap_plugins_free(ps);
		return rc;
	}
	*out = ps;
	return GOVMAP_OK;
}

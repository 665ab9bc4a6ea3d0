/*
 * plugin_load.c - the plugin set: the search path, loading one file (the
 * checks a file and a descriptor must pass before init() is called),
 * discovery, the types, strengths, styles and rules the set declares,
 * and checking a registry against the plugins its manifest names.
 *
 * Loading is executing (dlopen runs constructors), so files are checked
 * first: absolute paths, safe permissions.  Accepted plugins are never
 * dlclose'd: sanitizers and atexit handlers may still point into them.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "registry_impl.h"
#include "schema_info.h"
#include "util.h"

#include "plugin_impl.h"

/* ------------------------------------------------------------------ */
/* The set and its search path.                                        */

int govmap_plugins_new(govmap_plugins **out)
{
	*out = calloc(1, sizeof(**out));
	if (!*out)
		return GOVMAP_ENOMEM;
	(*out)->timeout = DEFAULT_TIMEOUT;
	return GOVMAP_OK;
}

void govmap_plugins_free(govmap_plugins *ps)
{
	if (!ps)
		return;
	for (size_t i = ps->n; i-- > 0;) {
		ps->p[i].d->fini();
		free(ps->p[i].path);
		free(ps->p[i].stem);
	}
	for (size_t i = 0; i < ps->ndirs; i++) {
		free(ps->dirs[i].path);
		free(ps->dirs[i].origin);
	}
	for (size_t i = 0; i < ps->nref; i++) {
		free(ps->ref[i].stem);
		free(ps->ref[i].path);
		free(ps->ref[i].reason);
	}
	for (size_t i = 0; i < ps->nsh; i++) {
		free(ps->sh[i].path);
		free(ps->sh[i].winner);
	}
	for (size_t i = 0; i < ps->nstems; i++) {
		free(ps->stems[i]);
		free(ps->stem_paths[i]);
	}
	for (size_t i = 0; i < ps->nrules; i++)
		free(ps->rule_ids[i]);
	free(ps->rule_ids);
	free(ps->rules);
	free(ps->stems);
	free(ps->stem_paths);
	free(ps->sh);
	free(ps->ref);
	free(ps->dirs);
	free(ps->p);
	free(ps->body);
	free(ps->board);
	free(ps->link);
	free(ps->time_bound);
	free(ps);
}

void govmap_plugins_set_timeout(govmap_plugins *ps, unsigned seconds)
{
	if (seconds)
		ps->timeout = seconds;
}

/* An absolute, normalised path: realpath() when the path exists, else the
 * path made absolute against the working directory. */
static char *abs_path(const char *p)
{
	char *r = realpath(p, NULL);
	if (r)
		return r;
	if (p[0] == '/')
		return strdup(p);
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return strdup(p);
	return govmap__asprintf("%s/%s", cwd, p);
}

int govmap_plugins_add_dir(govmap_plugins *ps, const char *dir,
			   const char *origin)
{
	if (!dir || !*dir)
		return GOVMAP_OK;
	char *a = abs_path(dir);
	if (!a)
		return GOVMAP_ENOMEM;
	for (size_t i = 0; i < ps->ndirs; i++)
		if (strcmp(ps->dirs[i].path, a) == 0) {
			free(a);
			return GOVMAP_OK;
		}
	if (govmap__grow((void **)&ps->dirs, &ps->capdirs, ps->ndirs,
			 sizeof(*ps->dirs)) < 0) {
		free(a);
		return GOVMAP_ENOMEM;
	}
	struct stat st;
	pdir *d = &ps->dirs[ps->ndirs];
	d->path = a;
	d->origin = strdup(origin ? origin : "");
	d->exists = stat(a, &st) == 0 && S_ISDIR(st.st_mode);
	if (!d->origin) {
		free(a);
		return GOVMAP_ENOMEM;
	}
	ps->ndirs++;
	return GOVMAP_OK;
}

int govmap_plugins_add_default_dirs(govmap_plugins *ps)
{
	int rc;
	const char *env = getenv("GOVMAP_PLUGIN_PATH");
	if (env && *env) {
		char *copy = strdup(env), *save = NULL;
		if (!copy)
			return GOVMAP_ENOMEM;
		for (char *t = strtok_r(copy, ":", &save); t;
		     t = strtok_r(NULL, ":", &save))
			if ((rc = govmap_plugins_add_dir(
				     ps, t, "$GOVMAP_PLUGIN_PATH")) != GOVMAP_OK) {
				free(copy);
				return rc;
			}
		free(copy);
	}
	/* the build tree: the binary's directory + /plugins, when that
	 * directory is a build's (its static library beside it: `make
	 * install` puts libraries in the library directory, so an installed
	 * govmap does not look in <bindir>/plugins) */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		struct stat st;
		if (slash && (size_t)(slash - exe) + sizeof "/libgovmap.a" <
				     sizeof exe) {
			strcpy(slash, "/libgovmap.a");
			int built = stat(exe, &st) == 0 && S_ISREG(st.st_mode);
			strcpy(slash, "/plugins");
			if (built &&
			    (rc = govmap_plugins_add_dir(ps, exe, "build tree")) !=
				    GOVMAP_OK)
				return rc;
		}
	}
	return govmap_plugins_add_dir(ps, GOVMAP_PLUGIN_DIR, "install dir");
}

size_t govmap_plugins_count(const govmap_plugins *ps) { return ps->n; }

const govmap_plugin *govmap_plugins_at(const govmap_plugins *ps, size_t i)
{
	return i < ps->n ? ps->p[i].d : NULL;
}

const char *govmap_plugins_path(const govmap_plugins *ps, size_t i)
{
	return i < ps->n ? ps->p[i].path : NULL;
}

const govmap_plugin *govmap_plugins_find(const govmap_plugins *ps,
					 const char *name)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->p[i].d->name, name) == 0)
			return ps->p[i].d;
	return NULL;
}

size_t govmap_plugins_ndirs(const govmap_plugins *ps) { return ps->ndirs; }

const char *govmap_plugins_dir(const govmap_plugins *ps, size_t i,
			       const char **origin, int *exists)
{
	if (i >= ps->ndirs)
		return NULL;
	if (origin)
		*origin = ps->dirs[i].origin;
	if (exists)
		*exists = ps->dirs[i].exists;
	return ps->dirs[i].path;
}

size_t govmap_plugins_nshadowed(const govmap_plugins *ps) { return ps->nsh; }

const char *govmap_plugins_shadowed(const govmap_plugins *ps, size_t i,
				    const char **winner)
{
	if (i >= ps->nsh)
		return NULL;
	if (winner)
		*winner = ps->sh[i].winner;
	return ps->sh[i].path;
}

/* ------------------------------------------------------------------ */
/* Loading one file.                                                   */

/* "lower-case kebab": [a-z0-9][a-z0-9-]*, at most 64 bytes. */
static int kebab(const char *s)
{
	size_t n = 0;
	if (!s || !*s || *s == '-')
		return 0;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') ||
		      (s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
			return 0;
	return n <= 64;
}

/* Count a NULL-terminated string list; -1 when too long or a name is not
 * kebab case (*bad set to it). */
static long count_names(const char *const *l, const char **bad)
{
	long n = 0;
	for (; l && l[n]; n++) {
		if (n >= MAX_LIST || !kebab(l[n])) {
			*bad = n >= MAX_LIST ? "(too many entries)" : l[n];
			return -1;
		}
	}
	return n;
}

static int in_cstr_list(const char *const *l, const char *s)
{
	for (size_t i = 0; l && l[i]; i++)
		if (strcmp(l[i], s) == 0)
			return 1;
	return 0;
}

/* The time-bound types (an appended field): each one of the plugin's own
 * body or board types.  Returns NULL or a reason. */
static char *check_time_bound(const govmap_plugin *d)
{
	if (!HAS_FIELD(d, time_bound_types))
		return NULL;
	const char *bad = NULL;
	if (count_names(d->time_bound_types, &bad) < 0)
		return govmap__asprintf("plugin '%s' declares time-bound type "
					"'%s', which is not lower-case kebab",
					d->name, bad);
	for (size_t i = 0; d->time_bound_types && d->time_bound_types[i];
	     i++) {
		const char *t = d->time_bound_types[i];
		if (!in_cstr_list(d->body_types, t) &&
		    !in_cstr_list(d->board_types, t))
			return govmap__asprintf("plugin '%s' lists '%s' among "
						"its time-bound types but does "
						"not declare it as a body or "
						"board type",
						d->name, t);
	}
	return NULL;
}

/* Text the host prints as it is (`govmap plugins`, `rules`, findings'
 * bases, the site): NULL when s (may be NULL) is printable UTF-8, else a
 * reason naming `what` and showing s escaped. */
static char *unprintable(const govmap_plugin *d, const char *what,
			 const char *s)
{
	if (!s)
		return NULL;
	char *q = govmap__escape_dup(s);
	if (!q)
		return govmap__asprintf("out of memory checking plugin '%s'",
					d->name);
	char *why = NULL;
	if (strcmp(q, s) != 0) {
		char shown[100];
		why = govmap__asprintf("plugin '%s': %s '%s' holds a control "
				       "character or a byte that is not "
				       "UTF-8: write printable UTF-8 text",
				       d->name, what,
				       govmap__quote(shown, sizeof shown, s));
	}
	free(q);
	return why;
}

/* The descriptor's and its rules' free text: printable UTF-8 (the host
 * shows it unescaped).  Returns NULL or a reason. */
static char *check_text(const govmap_plugin *d, size_t nrules)
{
	char *why = unprintable(d, "the version", d->version);
	if (!why)
		why = unprintable(d, "the description", d->description);
	for (size_t i = 0; !why && i < nrules; i++) {
		const govmap_plugin_rule *r = D_RULE(d, i);
		char what[100];
		snprintf(what, sizeof what, "rule '%s' title", r->id);
		why = unprintable(d, what, r->title);
		if (!why) {
			snprintf(what, sizeof what, "rule '%s' basis",
				 r->id);
			why = unprintable(d, what, r->basis);
		}
	}
	return why;
}

/* Check what the host will rely on.  Returns NULL or a reason. */
static char *check_descriptor(const govmap_plugin *d, size_t *nrules)
{
	const char *bad = NULL;
	if (!kebab(d->name))
		return govmap__asprintf("its name %s%s%s is not lower-case "
					"kebab ([a-z0-9-], at most 64 bytes)",
					d->name ? "'" : "",
					d->name ? d->name : "is missing",
					d->name ? "'" : "");
	if (strcmp(d->name, "core") == 0)
		return govmap__asprintf("its name 'core' is the core's own "
					"(its rules are core/<id>): choose "
					"another");
	if (!d->version || !*d->version)
		return govmap__asprintf("plugin '%s' gives no version", d->name);
	int has_init_msg = HAS_FIELD(d, init_msg) && d->init_msg;
	if ((!d->init && !has_init_msg) || !d->fini)
		return govmap__asprintf("plugin '%s' has no %s() callback (init "
					"and fini are mandatory)",
					d->name, !d->fini ? "fini" : "init");
	for (size_t i = 0; d->regions && d->regions[i]; i++) {
		if (i >= MAX_LIST || !*d->regions[i])
			return govmap__asprintf("plugin '%s' has %s region "
						"list",
						d->name, i >= MAX_LIST
								 ? "too long a"
								 : "an empty "
								   "path in its");
		if (!govmap__region_valid(d->regions[i])) {
			char q[100];
			return govmap__asprintf("plugin '%s' governs '%s', which "
						"is not a region path: write "
						"lower-case segments joined "
						"by '/' (\"scotland/highland\")",
						d->name,
						govmap__quote(q, sizeof q,
							      d->regions[i]));
		}
	}
	if (count_names(d->body_types, &bad) < 0 ||
	    count_names(d->board_types, &bad) < 0)
		return govmap__asprintf("plugin '%s' declares type '%s', which "
					"is not lower-case kebab",
					d->name, bad);
	for (size_t i = 0; d->link_types && D_LINK_TYPE(d, i)->name; i++) {
		const govmap_plugin_link_type *t = D_LINK_TYPE(d, i);
		if (i >= MAX_LIST || !kebab(t->name))
			return govmap__asprintf("plugin '%s' declares link type "
						"'%s', which is not lower-case "
						"kebab",
						d->name, t->name);
		if (!(t->strength == 0 ||
		      (t->strength > 0 && t->strength <= 1)))
			return govmap__asprintf("plugin '%s' gives link type "
						"'%s' the strength %g, outside "
						"(0, 1]",
						d->name, t->name, t->strength);
	}
	size_t n = 0;
	for (; d->rules && D_RULE(d, n)->id; n++) {
		const govmap_plugin_rule *r = D_RULE(d, n);
		if (n >= MAX_LIST)
			return govmap__asprintf("plugin '%s' has too many rules",
						d->name);
		if (!kebab(r->id))
			return govmap__asprintf("plugin '%s' has a rule id '%s' "
						"that is not lower-case kebab",
						d->name, r->id);
		if (!r->title || !*r->title || !r->basis || !*r->basis)
			return govmap__asprintf("rule '%s/%s' has no %s",
						d->name, r->id,
						!r->title || !*r->title
							? "title"
							: "basis (cite the "
							  "statute or "
							  "document)");
		if (!r->check)
			return govmap__asprintf("rule '%s/%s' has no check() "
						"callback",
						d->name, r->id);
		if ((unsigned)r->severity > GOVMAP_SEV_ERROR)
			return govmap__asprintf("rule '%s/%s' has an invalid "
						"severity",
						d->name, r->id);
		for (size_t j = 0; j < n; j++)
			if (strcmp(D_RULE(d, j)->id, r->id) == 0)
				return govmap__asprintf("rule id '%s/%s' is "
							"used twice",
							d->name, r->id);
	}
	char *tb = check_time_bound(d);
	if (!tb)
		tb = check_text(d, n);
	if (tb)
		return tb;
	for (size_t i = 0; d->styles && D_STYLE(d, i)->type; i++) {
		const govmap_plugin_style *st = D_STYLE(d, i);
		if (i >= MAX_LIST)
			return govmap__asprintf("plugin '%s' has too many "
						"styles", d->name);
		if (!kebab(st->type))
			return govmap__asprintf("plugin '%s' styles type '%s', "
						"which is not lower-case kebab",
						d->name, st->type);
		if (st->fill && !govmap__is_rgb(st->fill)) {
			char q[64];
			return govmap__asprintf("plugin '%s' gives type '%s' the "
						"colour '%s': write it as "
						"#rrggbb",
						d->name, st->type,
						govmap__quote(q, sizeof q,
							      st->fill));
		}
	}
	*nrules = n;
	return NULL;
}

/* Why a file or directory may not be loaded from, or NULL. */
static char *unsafe(const char *path, int want_dir)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return govmap__asprintf("cannot stat %s: %s", path,
					strerror(errno));
	if (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
		return govmap__asprintf("%s is not a %s", path,
					want_dir ? "directory" : "regular file");
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return govmap__asprintf("%s %s is group- or world-writable, "
					"so anyone could replace the code "
					"govmap would run; run 'chmod go-w "
					"%s'",
					want_dir ? "directory" : "file", path,
					path);
	if (st.st_uid != 0 && st.st_uid != geteuid())
		return govmap__asprintf("%s belongs to another user (uid %u); "
					"govmap loads only plugins owned by "
					"you or root",
					path, (unsigned)st.st_uid);
	return NULL;
}

static int remember_refusal(govmap_plugins *ps, const char *stem,
			    const char *path, const char *reason)
{
	if (govmap__grow((void **)&ps->ref, &ps->capref, ps->nref,
			 sizeof(*ps->ref)) < 0)
		return -1;
	prefused *r = &ps->ref[ps->nref];
	r->stem = strdup(stem);
	r->path = strdup(path);
	r->reason = strdup(reason);
	if (!r->stem || !r->path || !r->reason) {
		free(r->stem);
		free(r->path);
		free(r->reason);
		return -1;
	}
	ps->nref++;
	return 0;
}

/* Refuse: a warning at `display`, the library closed, the reason kept for
 * the "missing plugin" message.  Takes ownership of `reason`. */
static int refuse(govmap_plugins *ps, govmap_diags *diags, const char *path,
		  const char *stem, void *handle, const char *code,
		  char *reason, const char *hint)
{
	if (handle)
		dlclose(handle);
	if (!reason)
		return GOVMAP_ENOMEM;
	/* the reason quotes paths and dlerror()'s text, which may hold
	 * any byte a file name can: escaped, as the plugin's own text is */
	char *msg = govmap__asprintf("%s%s%s", reason, hint ? "; " : "",
				     hint ? hint : "");
	char *shown = msg ? govmap__escape_dup(msg) : NULL;
	if (!shown) {
		free(msg);
		free(reason);
		return GOVMAP_ENOMEM;
	}
	govmap_diags_add(diags, GOVMAP_SEV_WARNING, path, 0, 0, code,
			 "plugin not loaded: %s", shown);
	free(shown);
	free(msg);
	int rc = remember_refusal(ps, stem, path, reason) < 0 ? GOVMAP_ENOMEM
							       : GOVMAP_EPLUGIN;
	free(reason);
	return rc;
}

static char *file_stem(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strlen(b);
	if (n > 3 && strcmp(b + n - 3, ".so") == 0)
		n -= 3;
	return strndup(b, n);
}

static void rebuild_types(govmap_plugins *ps);

/* Load `path` (absolute).  Directory permissions are checked by the
 * caller. */
static int load_unguarded(govmap_plugins *ps, const char *path,
			  const char *stem, govmap_diags *diags)
{
	char *why = unsafe(path, 0);
	if (why)
		return refuse(ps, diags, path, stem, NULL, "plugin-unsafe", why,
			      NULL);
	/* A symlink leads elsewhere: the file it reaches and that file's
	 * directory must be as safe as the listed ones. */
	char *real = realpath(path, NULL);
	if (!real)
		return refuse(ps, diags, path, stem, NULL, "plugin-unsafe",
			      govmap__asprintf("cannot resolve %s: %s", path,
					       strerror(errno)),
			      NULL);
	if (strcmp(real, path) != 0) {
		char *slash = strrchr(real, '/');
		*slash = '\0';
		why = unsafe(real[0] ? real : "/", 1);
		*slash = '/';
		if (!why)
			why = unsafe(real, 0);
		if (why) {
			free(real);
			return refuse(ps, diags, path, stem, NULL,
				      "plugin-unsafe", why, NULL);
		}
	}

	dlerror();
	void *h = dlopen(real, RTLD_NOW | RTLD_LOCAL);
	free(real);
	if (!h) {
		const char *e = dlerror();
		char *hint = govmap__asprintf("run 'ldd %s' to see which "
					      "libraries or symbols are "
					      "missing",
					      path);
		int rc = refuse(ps, diags, path, stem, NULL, "plugin-dlopen",
				govmap__asprintf("dlopen failed: %s",
						 e ? e : "unknown error"),
				hint);
		free(hint);
		return rc;
	}
	dlerror();
	void *sym = dlsym(h, GOVMAP_PLUGIN_ENTRY_SYMBOL);
	if (!sym)
		return refuse(ps, diags, path, stem, h, "plugin-no-entry",
			      govmap__asprintf("it exports no '%s' symbol",
					       GOVMAP_PLUGIN_ENTRY_SYMBOL),
			      "a plugin defines its entry with "
			      "GOVMAP_PLUGIN_DEFINE() from govmap/plugin.h");
	govmap_plugin_entry_fn entry;
	memcpy(&entry, &sym, sizeof entry);
	const govmap_plugin *d = entry();
	if (!d)
		return refuse(ps, diags, path, stem, h, "plugin-no-entry",
			      strdup("its entry function returned NULL"), NULL);
	if (d->abi_version < GOVMAP_PLUGIN_ABI_VERSION)
		return refuse(ps, diags, path, stem, h, "plugin-abi",
			      govmap__asprintf("it was built for plugin ABI "
					       "version %u, this govmap has "
					       "ABI version %u",
					       d->abi_version,
					       GOVMAP_PLUGIN_ABI_VERSION),
			      "recompile the plugin against this govmap");
	if (d->abi_version > GOVMAP_PLUGIN_ABI_VERSION)
		return refuse(ps, diags, path, stem, h, "plugin-abi",
			      govmap__asprintf("it was built for plugin ABI "
					       "version %u, this govmap has "
					       "ABI version %u",
					       d->abi_version,
					       GOVMAP_PLUGIN_ABI_VERSION),
			      "it needs a newer govmap");
	if (!HAS_FIELD(d, fini))
		return refuse(ps, diags, path, stem, h, "plugin-abi",
			      govmap__asprintf("its descriptor is %u bytes, "
					       "smaller than the %zu bytes of "
					       "ABI version %u",
					       d->struct_size,
					       offsetof(govmap_plugin, fini) +
						       sizeof(d->fini),
					       GOVMAP_PLUGIN_ABI_VERSION),
			      "recompile the plugin against this govmap");
	size_t nrules = 0;
	char *bad = check_descriptor(d, &nrules);
	if (bad)
		return refuse(ps, diags, path, stem, h, "plugin-invalid", bad,
			      "see govmap/plugin.h for what each field "
			      "must hold");
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->p[i].d->name, d->name) == 0)
			return refuse(ps, diags, path, stem, h,
				      "plugin-duplicate",
				      govmap__asprintf("a plugin named '%s' is "
						       "already loaded from %s",
						       d->name, ps->p[i].path),
				      "remove one of the two files");
	if (govmap__grow((void **)&ps->p, &ps->cap, ps->n, sizeof(*ps->p)) < 0) {
		dlclose(h);
		return GOVMAP_ENOMEM;
	}
	char refusal[256] = "";
	int irc = HAS_FIELD(d, init_msg) && d->init_msg
			  ? d->init_msg(&govmap__host_table, refusal, sizeof refusal)
			  : d->init(&govmap__host_table);
	refusal[sizeof refusal - 1] = '\0';
	if (irc != 0) {
		char q[300];
		return refuse(ps, diags, path, stem, h, "plugin-init",
			      refusal[0] ? govmap__asprintf(
					       "plugin '%s' refused to load: "
					       "%s",
					       d->name,
					       govmap__quote(q, sizeof q, refusal))
				     : govmap__asprintf(
					       "init() of plugin '%s' failed "
					       "(returned %d)",
					       d->name, irc),
			      NULL);
	}
	pentry *pe = &ps->p[ps->n];
	pe->d = d;
	pe->path = strdup(path);
	pe->stem = strdup(stem);
	pe->nrules = nrules;
	pe->rule_size = D_STRIDE(d, rule_size, GOVMAP__RULE_V1_SIZE);
	pe->link_type_size =
		D_STRIDE(d, link_type_size, GOVMAP__LINK_TYPE_V1_SIZE);
	pe->style_size = D_STRIDE(d, style_size, GOVMAP__STYLE_V1_SIZE);
	if (!pe->path || !pe->stem) {
		/* Accepted already: keep it loaded, drop the record. */
		d->fini();
		free(pe->path);
		free(pe->stem);
		return GOVMAP_ENOMEM;
	}
	ps->n++;
	rebuild_types(ps);
	return GOVMAP_OK;
}

/* A plugin's constructors, entry function and init() run in govmap's own
 * process: they set up what its rules use, so they cannot be isolated as
 * the rules are.  Should one crash, say which plugin before dying of the
 * signal (the handler only writes the note made beforehand). */
static char crash_note[4 * PATH_MAX + 200];
static size_t crash_note_len;
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL,
				    SIGABRT};
#define NCRASH (sizeof crash_signals / sizeof *crash_signals)

static void on_load_crash(int sig)
{
	ssize_t w = write(STDERR_FILENO, crash_note, crash_note_len);
	(void)w;
	raise(sig); /* SA_RESETHAND: the default action, now */
}

/* Nor can a load that never ends be stopped and the plugin refused: its
 * code may hold a lock or be half way through its set-up.  Past the
 * rules' time limit (ps->timeout), say which plugin hung and stop, as a
 * crash does, rather than leave govmap (a CI job, a pre-commit hook)
 * waiting for ever. */
static char hang_note[4 * PATH_MAX + 200];
static size_t hang_note_len;

static void on_load_hang(int sig)
{
	ssize_t w = write(STDERR_FILENO, hang_note, hang_note_len);
	(void)w;
	raise(sig);
}

/* The note of `fmt` into buf, its length: fmt takes the path (escaped)
 * and may take the seconds and their plural "s" after it. */
static size_t load_note(char *buf, size_t size, const char *fmt,
			const char *path, unsigned seconds)
{
	char q[4 * PATH_MAX + 8];
	int n = snprintf(buf, size, fmt, govmap_text_escape(q, sizeof q, path),
			 seconds, seconds == 1 ? "" : "s");
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

static int load_abs(govmap_plugins *ps, const char *path, const char *stem,
		    govmap_diags *diags)
{
	crash_note_len = load_note(
		crash_note, sizeof crash_note,
		"govmap: error: plugin %s crashed while loading (its "
		"constructors, entry function or init() run in govmap's own "
		"process); move it out of the plugin path, or fix it\n",
		path, 0);
	hang_note_len = load_note(
		hang_note, sizeof hang_note,
		"govmap: error: plugin %s did not finish loading within %u "
		"second%s (its constructors, entry function or init() run in "
		"govmap's own process, and cannot be stopped on their own); "
		"move it out of the plugin path, or fix it\n",
		path, ps->timeout);
	struct sigaction sa, old[NCRASH], old_alarm;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_load_crash;
	sa.sa_flags = (int)(SA_RESETHAND | SA_NODEFER);
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &sa, &old[i]);
	sa.sa_handler = on_load_hang;
	sigaction(SIGALRM, &sa, &old_alarm);
	unsigned before = alarm(ps->timeout);
	int rc = load_unguarded(ps, path, stem, diags);
	alarm(0);
	sigaction(SIGALRM, &old_alarm, NULL);
	if (before)
		alarm(before); /* the caller's own alarm, as it was */
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &old[i], NULL);
	return rc;
}

/* Has a file with this stem been seen already (shadowing)? */
static const char *seen_stem(const govmap_plugins *ps, const char *stem)
{
	for (size_t i = 0; i < ps->nstems; i++)
		if (strcmp(ps->stems[i], stem) == 0)
			return ps->stem_paths[i];
	return NULL;
}

static int add_stem(govmap_plugins *ps, const char *stem, const char *path)
{
	size_t cap = ps->capstems;
	if (govmap__grow((void **)&ps->stems, &ps->capstems, ps->nstems,
			 sizeof(char *)) < 0)
		return -1;
	if (govmap__grow((void **)&ps->stem_paths, &ps->capstem_paths,
			 ps->nstems, sizeof(char *)) < 0)
		return -1;
	(void)cap;
	ps->stems[ps->nstems] = strdup(stem);
	ps->stem_paths[ps->nstems] = strdup(path);
	if (!ps->stems[ps->nstems] || !ps->stem_paths[ps->nstems]) {
		free(ps->stems[ps->nstems]);
		free(ps->stem_paths[ps->nstems]);
		return -1;
	}
	ps->nstems++;
	return 0;
}

static int add_shadow(govmap_plugins *ps, const char *path,
		      const char *winner)
{
	if (govmap__grow((void **)&ps->sh, &ps->capsh, ps->nsh,
			 sizeof(*ps->sh)) < 0)
		return -1;
	ps->sh[ps->nsh].path = strdup(path);
	ps->sh[ps->nsh].winner = strdup(winner);
	if (!ps->sh[ps->nsh].path || !ps->sh[ps->nsh].winner) {
		free(ps->sh[ps->nsh].path);
		free(ps->sh[ps->nsh].winner);
		return -1;
	}
	ps->nsh++;
	return 0;
}

static char *dir_of(const char *path)
{
	const char *s = strrchr(path, '/');
	if (!s)
		return strdup(".");
	if (s == path)
		return strdup("/");
	return strndup(path, (size_t)(s - path));
}

int govmap_plugins_load_file(govmap_plugins *ps, const char *path,
			     govmap_diags *diags)
{
	char *a = abs_path(path);
	char *stem = a ? file_stem(a) : NULL;
	char *dir = a ? dir_of(a) : NULL;
	int rc = GOVMAP_ENOMEM;
	if (!a || !stem || !dir)
		goto cleanup;
	char *why = unsafe(dir, 1);
	if (why) {
		rc = refuse(ps, diags, a, stem, NULL, "plugin-unsafe", why,
			    NULL);
		goto cleanup;
	}
	if (add_stem(ps, stem, a) < 0)
		goto cleanup;
	rc = load_abs(ps, a, stem, diags);
cleanup:
	free(a);
	free(stem);
	free(dir);
	return rc;
}

static int cmp_str(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int discover_dir(govmap_plugins *ps, const pdir *d,
			govmap_diags *diags)
{
	DIR *dh = opendir(d->path);
	if (!dh)
		return GOVMAP_OK; /* listed as missing or unreadable */
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = GOVMAP_OK;
	struct dirent *de;
	while ((de = readdir(dh)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 4 ||
		    strcmp(de->d_name + len - 3, ".so") != 0)
			continue;
		if (n >= 10000)
			break;
		if (govmap__grow((void **)&names, &cap, n, sizeof(char *)) < 0 ||
		    !(names[n] = strndup(de->d_name, len - 3))) {
			rc = GOVMAP_ENOMEM;
			break;
		}
		n++;
	}
	closedir(dh);
	if (rc == GOVMAP_OK && n) {
		govmap_sort(names, n, sizeof(char *), cmp_str, NULL);
		char *why = unsafe(d->path, 1);
		if (why) {
			govmap_diags_add(diags, GOVMAP_SEV_WARNING, d->path, 0, 0,
					 "plugin-unsafe",
					 "plugins not loaded from this "
					 "directory (%zu): %s",
					 n, why);
			for (size_t i = 0; i < n; i++) {
				char *p = govmap__asprintf("%s/%s.so", d->path,
							   names[i]);
				if (p && !seen_stem(ps, names[i])) {
					remember_refusal(ps, names[i], p, why);
					add_stem(ps, names[i], p);
				}
				free(p);
			}
			free(why);
		} else {
			for (size_t i = 0; i < n && rc != GOVMAP_ENOMEM; i++) {
				char *p = govmap__asprintf("%s/%s.so", d->path,
							   names[i]);
				if (!p) {
					rc = GOVMAP_ENOMEM;
					break;
				}
				const char *w = seen_stem(ps, names[i]);
				if (w) {
					if (add_shadow(ps, p, w) < 0)
						rc = GOVMAP_ENOMEM;
				} else if (add_stem(ps, names[i], p) < 0) {
					rc = GOVMAP_ENOMEM;
				} else if (load_abs(ps, p, names[i], diags) ==
					   GOVMAP_ENOMEM) {
					rc = GOVMAP_ENOMEM;
				}
				free(p);
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int govmap_plugins_discover(govmap_plugins *ps, govmap_diags *diags)
{
	for (size_t i = 0; i < ps->ndirs; i++) {
		if (!ps->dirs[i].exists)
			continue;
		int rc = discover_dir(ps, &ps->dirs[i], diags);
		if (rc != GOVMAP_OK)
			return rc;
	}
	return GOVMAP_OK;
}

/* ------------------------------------------------------------------ */
/* Types, strengths, styles, rules.                                    */

static int in_names(const char **l, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i], s) == 0)
			return 1;
	return 0;
}

/* A descriptor's name list: 0 body, 1 board, 3 time-bound types. */
static const char *const *list_of(const govmap_plugin *d, int which)
{
	if (which == 3)
		return HAS_FIELD(d, time_bound_types) ? d->time_bound_types
						      : NULL;
	return which == 0 ? d->body_types : d->board_types;
}

static const char **collect(const govmap_plugins *ps, int which)
{
	size_t total = 0, n = 0;
	for (size_t i = 0; i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		if (which == 2) {
			for (size_t j = 0; d->link_types && D_LINK_TYPE(d, j)->name;
			     j++)
				total++;
		} else {
			const char *const *l = list_of(d, which);
			for (size_t j = 0; l && l[j]; j++)
				total++;
		}
	}
	const char **out = calloc(total + 1, sizeof(char *));
	if (!out)
		return NULL;
	for (size_t i = 0; i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		if (which == 2) {
			for (size_t j = 0; d->link_types && D_LINK_TYPE(d, j)->name;
			     j++)
				if (!in_names(out, n, D_LINK_TYPE(d, j)->name))
					out[n++] = D_LINK_TYPE(d, j)->name;
		} else {
			const char *const *l = list_of(d, which);
			for (size_t j = 0; l && l[j]; j++)
				if (!in_names(out, n, l[j]))
					out[n++] = l[j];
		}
	}
	return out;
}

static void rebuild_types(govmap_plugins *ps)
{
	free(ps->body);
	free(ps->board);
	free(ps->link);
	free(ps->time_bound);
	ps->body = collect(ps, 0);
	ps->board = collect(ps, 1);
	ps->link = collect(ps, 2);
	ps->time_bound = collect(ps, 3);

	for (size_t i = 0; i < ps->nrules; i++)
		free(ps->rule_ids[i]);
	free(ps->rule_ids);
	free(ps->rules);
	ps->rule_ids = NULL;
	ps->rules = NULL;
	ps->nrules = 0;
	size_t total = 0;
	for (size_t i = 0; i < ps->n; i++)
		total += ps->p[i].nrules;
	if (!total)
		return;
	ps->rules = calloc(total, sizeof(*ps->rules));
	ps->rule_ids = calloc(total, sizeof(char *));
	if (!ps->rules || !ps->rule_ids)
		return;
	for (size_t i = 0; i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		for (size_t j = 0; j < ps->p[i].nrules; j++) {
			char *id = govmap__asprintf("%s/%s", d->name,
						    D_RULE(d, j)->id);
			if (!id)
				return;
			ps->rule_ids[ps->nrules] = id;
			govmap_rule_info *r = &ps->rules[ps->nrules++];
			r->id = id;
			r->title = D_RULE(d, j)->title;
			r->severity = D_RULE(d, j)->severity;
			r->basis = D_RULE(d, j)->basis;
			r->category = GOVMAP_CAT_DEFICIT;
			for (size_t k = 0; HAS_FIELD(d, rule_categories) &&
					   d->rule_categories &&
					   d->rule_categories[k].id;
			     k++)
				if (strcmp(d->rule_categories[k].id,
					   D_RULE(d, j)->id) == 0 &&
				    (unsigned)d->rule_categories[k].category <=
					    GOVMAP_CAT_DATA)
					r->category =
						d->rule_categories[k].category;
		}
	}
}

void govmap_plugins_types(const govmap_plugins *ps, const char *const **body,
			  const char *const **board, const char *const **link)
{
	int any = ps && ps->n;
	if (body)
		*body = any ? (const char *const *)ps->body : NULL;
	if (board)
		*board = any ? (const char *const *)ps->board : NULL;
	if (link)
		*link = any ? (const char *const *)ps->link : NULL;
}

const char *const *govmap_plugins_time_bound_types(const govmap_plugins *ps)
{
	return ps && ps->n ? (const char *const *)ps->time_bound : NULL;
}

int govmap_plugins_link_strength(const govmap_plugins *ps, const char *type,
				 double *out)
{
	for (size_t i = 0; ps && type && i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		for (size_t j = 0; d->link_types && D_LINK_TYPE(d, j)->name; j++)
			if (strcmp(D_LINK_TYPE(d, j)->name, type) == 0 &&
			    D_LINK_TYPE(d, j)->strength > 0) {
				*out = D_LINK_TYPE(d, j)->strength;
				return 1;
			}
	}
	return 0;
}

const char *govmap_plugins_style_fill(const govmap_plugins *ps,
				      const char *type)
{
	for (size_t i = 0; ps && type && i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		for (size_t j = 0; d->styles && D_STYLE(d, j)->type; j++)
			if (strcmp(D_STYLE(d, j)->type, type) == 0 &&
			    D_STYLE(d, j)->fill)
				return D_STYLE(d, j)->fill;
	}
	return NULL;
}

size_t govmap_plugins_nrules(const govmap_plugins *ps)
{
	return ps ? ps->nrules : 0;
}

const govmap_rule_info *govmap_plugins_rule(const govmap_plugins *ps,
					    size_t i)
{
	return ps && i < ps->nrules ? &ps->rules[i] : NULL;
}

/* ------------------------------------------------------------------ */
/* Checking a registry against the set.                                */

int govmap__plugin_listed(const govmap_registry *reg, const char *name)
{
	for (size_t i = 0; i < govmap_registry_nplugins(reg); i++)
		if (strcmp(govmap_registry_plugin(reg, i), name) == 0)
			return 1;
	return 0;
}

/* The accepted plugins declaring `type` for `kind`: returns 1 when some
 * listed plugin declares it, else sets *by to an unlisted one (or NULL). */
static int declared_by_listed(const govmap_plugins *ps,
			      const govmap_registry *reg, govmap_kind kind,
			      const char *type, const char **by)
{
	*by = NULL;
	for (size_t i = 0; i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		int has = 0;
		if (kind == GOVMAP_KIND_LINK) {
			for (size_t j = 0; d->link_types && D_LINK_TYPE(d, j)->name;
			     j++)
				has |= strcmp(D_LINK_TYPE(d, j)->name, type) == 0;
		} else {
			const char *const *l = kind == GOVMAP_KIND_BODY
						       ? d->body_types
						       : d->board_types;
			for (size_t j = 0; l && l[j]; j++)
				has |= strcmp(l[j], type) == 0;
		}
		if (!has)
			continue;
		if (govmap__plugin_listed(reg, d->name))
			return 1;
		*by = d->name;
	}
	return 0;
}

static int is_core_type(govmap_kind kind, const char *type)
{
	const char *const *l = kind == GOVMAP_KIND_BODY ? govmap__core_body_types
			       : kind == GOVMAP_KIND_BOARD
				       ? govmap__core_board_types
				       : govmap__core_link_types;
	for (; *l; l++)
		if (strcmp(*l, type) == 0)
			return 1;
	return 0;
}

void govmap_plugins_check_registry(const govmap_plugins *ps,
				   const govmap_registry *reg,
				   const char *manifest_file,
				   govmap_diags *diags)
{
	for (size_t i = 0; i < govmap_registry_nplugins(reg); i++) {
		const char *name = govmap_registry_plugin(reg, i);
		if (govmap_plugins_find(ps, name))
			continue;
		/* Name every directory looked in, and why a file of that
		 * name was refused. */
		size_t cap = 256;
		for (size_t j = 0; j < ps->ndirs; j++)
			cap += strlen(ps->dirs[j].path) +
			       strlen(ps->dirs[j].origin) + 24;
		char *where = malloc(cap);
		if (!where)
			return;
		size_t len = 0;
		where[0] = '\0';
		for (size_t j = 0; j < ps->ndirs; j++)
			len += (size_t)snprintf(where + len, cap - len,
						"%s%s (%s%s)", j ? ", " : "",
						ps->dirs[j].path,
						ps->dirs[j].origin,
						ps->dirs[j].exists ? ""
								   : ", missing");
		const char *reason = NULL, *rpath = NULL;
		for (size_t j = 0; j < ps->nref; j++)
			if (strcmp(ps->ref[j].stem, name) == 0) {
				reason = ps->ref[j].reason;
				rpath = ps->ref[j].path;
				break;
			}
		if (reason)
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, manifest_file,
					 0, 0, "plugin-missing",
					 "the registry needs plugin '%s', "
					 "which is not loaded: %s was refused "
					 "(%s); looked in: %s",
					 name, rpath, reason,
					 ps->ndirs ? where : "no directory");
		else
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, manifest_file,
					 0, 0, "plugin-missing",
					 "the registry needs plugin '%s', "
					 "which was not found: no %s.so in "
					 "%s; build it with 'make' or pass "
					 "--plugin-path DIR",
					 name, name,
					 ps->ndirs ? where : "no directory");
		free(where);
	}

	/* Types only an unlisted plugin declares: one warning per type. */
	size_t n = govmap_registry_count(reg);
	const char **warned = NULL;
	size_t nwarned = 0, capw = 0;
	/* per kind, the types that need no warning here: fine ones, and
	 * ones already warned of (a registry of a plugin's types without
	 * the plugin listed sent every such entity through the type lists) */
	govmap__fine_types fine[GOVMAP_KIND__COUNT] = {{{NULL}, NULL}};
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		const char *by;
		if (!e->type || e->kind == GOVMAP_KIND_CONTRACT ||
		    (unsigned)e->kind >= GOVMAP_KIND__COUNT ||
		    govmap__fine_type(&fine[e->kind], e->type))
			continue;
		if (is_core_type(e->kind, e->type) ||
		    declared_by_listed(ps, reg, e->kind, e->type, &by) || !by) {
			govmap__fine_type_mark(&fine[e->kind], e->type);
			continue;
		}
		if (in_names(warned, nwarned, e->type)) {
			govmap__fine_type_mark(&fine[e->kind], e->type);
			continue;
		}
		govmap_diags_at(diags, GOVMAP_SEV_WARNING, e->pos,
				"plugin-unlisted",
				"type '%s' comes from plugin '%s', which the "
				"manifest does not list under 'plugins': its "
				"rules will not run",
				e->type, by);
		govmap__fine_type_mark(&fine[e->kind], e->type);
		if (govmap__grow((void **)&warned, &capw, nwarned,
				 sizeof(char *)) == 0)
			warned[nwarned++] = e->type;
	}
	free(warned);
}

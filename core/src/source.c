/*
 * source.c - the source interface: dispatch to the directory or Git
 * implementation, shared limits and name checks, revision syntax.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "source_impl.h"
#include "util.h"

void govmap__src_limits_defaults(govmap_src_limits *lim)
{
	if (!lim->max_file_bytes)
		lim->max_file_bytes = 1u << 20;
	if (!lim->max_total_bytes)
		lim->max_total_bytes = 256u << 20;
	if (!lim->max_files)
		lim->max_files = 200000;
	if (!lim->max_tree_depth)
		lim->max_tree_depth = 32;
}

void govmap__src_set_limits(govmap_src *src, const govmap_src_limits *lim)
{
	if (lim->max_file_bytes)
		src->lim.max_file_bytes = lim->max_file_bytes;
	if (lim->max_total_bytes)
		src->lim.max_total_bytes = lim->max_total_bytes;
	if (lim->max_files)
		src->lim.max_files = lim->max_files;
	if (lim->max_tree_depth)
		src->lim.max_tree_depth = lim->max_tree_depth;
}

int govmap__segment_safe(const char *name, size_t len)
{
	if (len == 0 || len > 255)
		return 0;
	if ((len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.') ||
	    (len == 4 && memcmp(name, ".git", 4) == 0))
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return 0;
	}
	return 1;
}

int govmap__is_yaml(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

int govmap__is_yml(const char *name)
{
	size_t n = strlen(name);
	return (n > 4 && strcasecmp(name + n - 4, ".yml") == 0) ||
	       (n > 5 && strcasecmp(name + n - 5, ".yaml") == 0 &&
		strcmp(name + n - 5, ".yaml") != 0);
}

void govmap__src_note_yml(govmap_diags *diags, const govmap_src *src,
			  const char *rel)
{
	govmap__src_note(diags, src, rel, GOVMAP_SEV_WARNING, "skip-yml",
			 "not read: only files ending in '.yaml' are registry "
			 "data; rename it to end in '.yaml'");
}

int govmap_src_read(char **out, size_t *len, govmap_src *src,
		    const char *path, govmap_diags *diags)
{
	return src->ops->read(out, len, src, path, diags);
}

govmap_src *govmap__src_new(const govmap__src_ops *ops,
			    const govmap_src_limits *lim)
{
	govmap_src *src = calloc(1, sizeof(*src));
	if (!src)
		return NULL;
	src->ops = ops;
	if (lim)
		src->lim = *lim;
	govmap__src_limits_defaults(&src->lim);
	return src;
}

int govmap__src_list(govmap_src *src, govmap_diags *diags)
{
	if (src->listed)
		return GOVMAP_OK;
	src->listed = 1;
	return src->ops->list(src, diags);
}

int govmap__src_read_at(char **out, size_t *len, govmap_src *src, size_t i,
			const char *display, govmap_diags *diags)
{
	*out = NULL;
	if (i >= src->npaths)
		return GOVMAP_ENOTFOUND;
	return src->ops->read_at(out, len, src, i, display, diags);
}

int govmap__src_blob_id(const govmap_src *src, size_t i,
			unsigned char id[20])
{
	if (!src->ops->blob_id || i >= src->npaths)
		return -1;
	return src->ops->blob_id(src, i, id);
}

int govmap__src_reserve(govmap_src *src, size_t size, const char *display,
			govmap_diags *diags)
{
	int ok = 0, first_hit = 0;
	size_t cur = atomic_load(&src->total);
	for (;;) {
		if (atomic_load(&src->over))
			break;
		if (size > src->lim.max_total_bytes ||
		    cur > src->lim.max_total_bytes - size) {
			/* the first to find it over says so */
			first_hit = !atomic_exchange(&src->over, 1);
			break;
		}
		if (atomic_compare_exchange_weak(&src->total, &cur,
						 cur + size)) {
			ok = 1;
			break;
		}
	}
	if (first_hit)
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0,
				 "limit-total-size",
				 "the registry is over the total size limit of "
				 "%zu bytes: reading stops here (raise "
				 "limits.max_total_bytes in govmap.yaml if this "
				 "is intended)",
				 src->lim.max_total_bytes);
	return ok ? 0 : -1;
}

int govmap_src_each(govmap_src *src, govmap_src_file_cb cb, void *payload,
		    govmap_diags *diags)
{
	int rc = govmap__src_list(src, diags);
	if (rc != GOVMAP_OK)
		return rc;
	for (size_t i = 0; i < src->npaths; i++) {
		char *data, *display = govmap__src_display(src, src->paths[i]);
		size_t len;
		if (!display)
			return GOVMAP_ENOMEM;
		rc = govmap__src_read_at(&data, &len, src, i, display, diags);
		int stop = 0;
		if (rc == GOVMAP_OK)
			stop = cb(src->paths[i], display, data, len, payload);
		free(data);
		free(display);
		if (rc == GOVMAP_ENOMEM)
			return rc;
		if (rc == GOVMAP_ELIMIT && src->over)
			return rc;
		if (stop)
			break;
	}
	return GOVMAP_OK;
}

const char *govmap_src_label(const govmap_src *src)
{
	return src->label;
}

const char *govmap_src_revision(const govmap_src *src)
{
	return src->revision;
}

void govmap_src_free(govmap_src *src)
{
	if (!src)
		return;
	src->ops->free(src);
	free(src->label);
	free(src->revision);
	free(src);
}

int govmap_rev_is_safe(const char *rev)
{
	size_t n = strlen(rev);
	if (n == 0 || n > 200 || rev[0] == '-' || rev[0] == '.' ||
	    rev[0] == '/' || rev[n - 1] == '/' || rev[n - 1] == '.')
		return 0;
	if (strstr(rev, "..") || strstr(rev, "@{") || strstr(rev, "//") ||
	    strstr(rev, ".lock") || strstr(rev, "/."))
		return 0;
	/* A ref name or hex id, then ~N / ^N / ^{commit} / ^{tree} */
	size_t i = 0;
	while (i < n && rev[i] != '~' && rev[i] != '^') {
		char c = rev[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-' || c == '/'))
			return 0;
		i++;
	}
	if (i == 0)
		return 0;
	while (i < n) {
		if (rev[i] != '~' && rev[i] != '^')
			return 0;
		i++;
		if (i < n && rev[i] == '{') {
			const char *rest = rev + i;
			if (strncmp(rest, "{commit}", 8) == 0)
				i += 8;
			else if (strncmp(rest, "{tree}", 6) == 0)
				i += 6;
			else
				return 0;
			continue;
		}
		size_t digits = 0;
		while (i < n && rev[i] >= '0' && rev[i] <= '9' && digits < 6) {
			i++;
			digits++;
		}
		if (i < n && rev[i] >= '0' && rev[i] <= '9')
			return 0;
	}
	return 1;
}

/* "label/path" or "REV:path" into `out` (room for display_len's bytes
 * and a NUL). */
static size_t display_len(const govmap_src *src, const char *path,
			  size_t *nl, size_t *np, int *slash)
{
	*nl = strlen(src->label);
	*np = strlen(path);
	*slash = !(*nl && src->label[*nl - 1] == ':');
	return *nl + (size_t)*slash + *np;
}

static void display_put(char *out, const govmap_src *src, const char *path,
			size_t nl, size_t np, int slash)
{
	memcpy(out, src->label, nl);
	if (slash)
		out[nl] = '/';
	memcpy(out + nl + (size_t)slash, path, np + 1);
}

char *govmap__src_display(const govmap_src *src, const char *path)
{
	size_t nl, np;
	int slash;
	char *s = malloc(display_len(src, path, &nl, &np, &slash) + 1);
	if (s)
		display_put(s, src, path, nl, np, slash);
	return s;
}

char *govmap__src_display_in(govmap__arena *arena, const govmap_src *src,
			     const char *path)
{
	size_t nl, np;
	int slash;
	char *s = govmap__arena_alloc_raw(arena, display_len(src, path, &nl,
							     &np, &slash) +
							   1);
	if (s)
		display_put(s, src, path, nl, np, slash);
	return s;
}

void govmap__src_note(govmap_diags *diags, const govmap_src *src,
		      const char *relpath, govmap_severity sev,
		      const char *code, const char *fmt, ...)
{
	va_list ap;
	char *disp = govmap__src_display(src, relpath);
	va_start(ap, fmt);
	char *msg = govmap__vasprintf(fmt, ap);
	va_end(ap);
	govmap_diags_add(diags, sev, disp, 0, 0, code, "%s",
			 msg ? msg : "?");
	free(disp);
	free(msg);
}

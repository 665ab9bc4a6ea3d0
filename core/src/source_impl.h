/*
 * source_impl.h - the source interface's private vtable.  Each
 * implementation (source_dir.c, source_git.c) fills one in.
 */
#ifndef GOVMAP_SOURCE_IMPL_H
#define GOVMAP_SOURCE_IMPL_H

#include "govmap/source.h"

typedef struct {
	int (*read)(char **out, size_t *len, govmap_src *src,
		    const char *path, govmap_diags *diags);
	int (*each)(govmap_src *src, govmap_src_file_cb cb, void *payload,
		    govmap_diags *diags);
	void (*free)(govmap_src *src);
} govmap__src_ops;

struct govmap_source_t {
	const govmap__src_ops *ops;
	govmap_src_limits lim;
	char *label;    /* display prefix, malloc'd */
	char *revision; /* description, malloc'd */
	size_t total;   /* bytes read so far */
	void *impl;
};

/** Fill zero limits with defaults. */
void govmap__src_limits_defaults(govmap_src_limits *lim);

/** Is `name` a safe single path segment: [A-Za-z0-9._-]{1,255}, not
 * ".", ".." or ".git"? */
int govmap__segment_safe(const char *name, size_t len);

/** Does the name end in ".yaml"? */
int govmap__is_yaml(const char *name);

/** Override limits after the manifest was read. */
void govmap__src_set_limits(govmap_src *src, const govmap_src_limits *lim);

/** "label/path", or "REV:path" when the label ends in ':'.  malloc'd. */
char *govmap__src_display(const govmap_src *src, const char *path);

/** A diagnostic about one tree entry, at its display path. */
void govmap__src_note(govmap_diags *diags, const govmap_src *src,
		      const char *relpath, govmap_severity sev,
		      const char *code, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

#endif

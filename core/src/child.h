/*
 * child.h - one forking child runner with resource limits, shared by
 * map rendering (graphs/render.c: Graphviz layouts) and the plugin host
 * (plugin_run.c: rules).  Private to the library.
 *
 * The child runs `fn` with the write ends of two pipes, "out" and "err",
 * under RLIMIT_CPU (and RLIMIT_AS when asked), with standard input (and,
 * when `quiet`, standard output) on /dev/null; its return value is its
 * exit status (_exit: no atexit handlers, no stdio flush).  The parent
 * reads both pipes with poll() until they close or the wall-clock
 * deadline passes (then SIGKILL), handing every chunk to `on_data`,
 * which may move the deadline (a new rule starts) or ask for the child
 * to be killed (malformed data).
 */
#ifndef GOVMAP_CHILD_H
#define GOVMAP_CHILD_H

#include <stddef.h>

typedef struct {
	unsigned cpu_seconds;  /* RLIMIT_CPU soft limit; 0: none */
	size_t max_bytes;      /* RLIMIT_AS; 0: none (ASan builds: none) */
	double wall_seconds;   /* the first deadline, from the start */
	int quiet;             /* standard output to /dev/null too */
	int err_to_stderr;     /* the child's stderr becomes the err pipe */
} govmap__child_limits;

/* In the child: do the work, write to out_fd/err_fd, return the exit
 * status. */
typedef int (*govmap__child_fn)(void *arg, int out_fd, int err_fd);

/* In the parent: `len` bytes arrived on `which` (0 out, 1 err).  Return
 * 0 to go on, -1 to kill the child.  *deadline (monotonic seconds) may
 * be moved. */
typedef int (*govmap__child_data_fn)(void *arg, int which, const char *buf,
				     size_t len, double *deadline);

typedef struct {
	int timed_out; /* killed at the deadline */
	int aborted;   /* killed because on_data returned -1 */
	int signal;    /* the signal that ended it, or 0 */
	int status;    /* its exit status when it exited, else -1 */
	int err;       /* errno of a failed pipe() or fork(), else 0 */
} govmap__child_result;

/* Run fn in a child.  Returns 0 when the child ran (see *res for how it
 * ended), -1 when it could not be started (res->err says why). */
int govmap__child_run(govmap__child_fn fn, void *fn_arg,
		      govmap__child_data_fn on_data, void *data_arg,
		      const govmap__child_limits *lim,
		      govmap__child_result *res);

/* Monotonic time in seconds. */
double govmap__now(void);

#endif

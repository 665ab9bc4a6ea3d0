/*
 * child.c - the forking child runner (child.h).
 */
#ifdef GOVMAP_COVERAGE
#define _GNU_SOURCE /* dl_iterate_phdr, RTLD_NOLOAD: make coverage only */
#include <dlfcn.h>
#include <link.h>
#endif
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "child.h"

double govmap__now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#ifdef GOVMAP_COVERAGE
/* make coverage: each plugin has its own libgcov, which the host's
 * __gcov_dump does not reach; the coverage build links
 * tests/coverage/gcov_flush.c into every plugin, and this calls it. */
static int flush_object(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	(void)arg;
	if (!info->dlpi_name || !*info->dlpi_name)
		return 0;
	void *h = dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD);
	if (!h)
		return 0;
	void (*flush)(void);
	*(void **)&flush = dlsym(h, "govmap__gcov_flush");
	if (flush)
		flush();
	dlclose(h);
	return 0;
}
#endif

static void in_child(govmap__child_fn fn, void *arg, int out, int err,
		     const govmap__child_limits *lim)
{
	int dn = open("/dev/null", O_RDWR);
	if (dn >= 0) {
		dup2(dn, STDIN_FILENO);
		if (lim->quiet)
			dup2(dn, STDOUT_FILENO);
		if (dn > STDERR_FILENO)
			close(dn);
	}
	if (lim->err_to_stderr)
		dup2(err, STDERR_FILENO);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGALRM, SIG_DFL);
	if (lim->cpu_seconds) {
		struct rlimit rl = {lim->cpu_seconds, lim->cpu_seconds + 1};
		setrlimit(RLIMIT_CPU, &rl);
	}
	if (lim->max_bytes) {
		struct rlimit rl = {lim->max_bytes, lim->max_bytes};
		setrlimit(RLIMIT_AS, &rl);
	}
	int rc = fn(arg, out, err);
#ifdef GOVMAP_COVERAGE
	/* make coverage: _exit skips gcov's exit handler; the plugin rules
	 * and layouts run here would count as never run */
	extern void __gcov_dump(void);
	__gcov_dump();
	dl_iterate_phdr(flush_object, NULL);
#endif
	_exit(rc);
}

int govmap__child_run(govmap__child_fn fn, void *fn_arg,
		      govmap__child_data_fn on_data, void *data_arg,
		      const govmap__child_limits *lim,
		      govmap__child_result *res)
{
	int pout[2], perr[2];
	memset(res, 0, sizeof(*res));
	res->status = -1;
	if (pipe(pout) < 0) {
		res->err = errno;
		return -1;
	}
	if (pipe(perr) < 0) {
		res->err = errno;
		close(pout[0]);
		close(pout[1]);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		res->err = errno;
		close(pout[0]);
		close(pout[1]);
		close(perr[0]);
		close(perr[1]);
		return -1;
	}
	if (pid == 0) {
		close(pout[0]);
		close(perr[0]);
		in_child(fn, fn_arg, pout[1], perr[1], lim);
	}
	close(pout[1]);
	close(perr[1]);
	char buf[1 << 16];
	int open_fd[2] = {1, 1}, fds[2] = {pout[0], perr[0]};
	double deadline = govmap__now() + lim->wall_seconds;
	while (open_fd[0] || open_fd[1]) {
		double left = deadline - govmap__now();
		if (left <= 0) {
			res->timed_out = 1;
			break;
		}
		struct pollfd pf[2] = {{open_fd[0] ? fds[0] : -1, POLLIN, 0},
				       {open_fd[1] ? fds[1] : -1, POLLIN, 0}};
		int r = poll(pf, 2, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		for (int w = 0; w < 2 && !res->aborted; w++) {
			if (!open_fd[w] || !(pf[w].revents & (POLLIN | POLLHUP)))
				continue;
			ssize_t got = read(fds[w], buf, sizeof buf);
			if (got > 0) {
				if (on_data(data_arg, w, buf, (size_t)got,
					    &deadline) < 0)
					res->aborted = 1;
			} else if (got == 0 || errno != EINTR) {
				open_fd[w] = 0;
			}
		}
		if (res->aborted)
			break;
	}
	if (res->timed_out || res->aborted)
		kill(pid, SIGKILL);
	close(pout[0]);
	close(perr[0]);
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (WIFSIGNALED(st))
		res->signal = WTERMSIG(st);
	if (WIFEXITED(st))
		res->status = WEXITSTATUS(st);
	return 0;
}

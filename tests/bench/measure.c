/*
 * measure.c - run a command several times and print the medians of its
 * wall time, user + system time and peak resident set size.
 *
 * usage: measure RUNS COMMAND [ARGS...]
 * prints: WALL_S CPU_S MAXRSS_KB   (medians; stdout of the command is
 * discarded, a non-zero exit is reported and fails the measurement)
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 3 || atoi(argv[1]) < 1) {
		fprintf(stderr, "usage: measure RUNS COMMAND [ARGS...]\n");
		return 2;
	}
	int runs = atoi(argv[1]);
	double *wall = calloc((size_t)runs, sizeof(double));
	double *cpu = calloc((size_t)runs, sizeof(double));
	double *rss = calloc((size_t)runs, sizeof(double));
	for (int r = 0; r < runs; r++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		pid_t pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			dup2(null, 2);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int status;
		struct rusage ru;
		if (wait4(pid, &status, 0, &ru) < 0)
			return 2;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
			fprintf(stderr, "measure: %s exited with %d\n", argv[2],
				WIFEXITED(status) ? WEXITSTATUS(status) : -1);
			return 1;
		}
		wall[r] = (double)(t1.tv_sec - t0.tv_sec) +
			  (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		cpu[r] = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
			 (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
		rss[r] = (double)ru.ru_maxrss;
	}
	qsort(wall, (size_t)runs, sizeof(double), cmp);
	qsort(cpu, (size_t)runs, sizeof(double), cmp);
	qsort(rss, (size_t)runs, sizeof(double), cmp);
	printf("%.3f %.3f %.0f\n", wall[runs / 2], cpu[runs / 2], rss[runs / 2]);
	free(wall);
	free(cpu);
	free(rss);
	return 0;
}

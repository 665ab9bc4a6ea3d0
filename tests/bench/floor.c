/*
 * floor.c - the benchmark's floor: read every *.yaml file under a
 * directory and run it through bare libyaml events, single-threaded,
 * doing nothing else.  govmap's `check` is measured as a ratio to this.
 *
 * usage: floor DIR
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static unsigned long files, events;
static char *buf;
static size_t cap;

static void parse(const char *path)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0)
		exit(2);
	size_t n = (size_t)st.st_size;
	if (n + 1 > cap) {
		cap = n + 1;
		buf = realloc(buf, cap);
	}
	if (read(fd, buf, n) != (ssize_t)n)
		exit(2);
	close(fd);
	yaml_parser_t p;
	yaml_event_t ev;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (unsigned char *)buf, n);
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			break;
		events++;
		int done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (done)
			break;
	}
	yaml_parser_delete(&p);
	files++;
}

static void walk(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	if (!d)
		return;
	while ((de = readdir(d))) {
		char path[4096];
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		size_t l = strlen(de->d_name);
		if (de->d_type == DT_DIR)
			walk(path);
		else if (l > 5 && strcmp(de->d_name + l - 5, ".yaml") == 0)
			parse(path);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: floor DIR\n");
		return 2;
	}
	walk(argv[1]);
	printf("%lu files, %lu events\n", files, events);
	free(buf);
	return 0;
}

/*
 * gcov_flush.c - linked into every plugin in `make coverage` builds only
 * (Makefile, COV_PLUGIN_OBJ).  Each plugin carries its own copy of
 * libgcov, whose counters only its own __gcov_dump writes; the rules run
 * in forked children that leave with _exit, so core/src/child.c calls
 * this in every loaded object that has it before it exits.  Plugins are
 * built with -fvisibility=hidden: this one symbol is exported (the
 * plugin rule's export check allows it).
 */
__attribute__((visibility("default"))) void govmap__gcov_flush(void);
extern void __gcov_dump(void);

void govmap__gcov_flush(void)
{
	__gcov_dump();
}

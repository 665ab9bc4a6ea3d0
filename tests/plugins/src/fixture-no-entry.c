/* fixture-no-entry.c - a shared object without the entry symbol. */
__attribute__((visibility("default"))) int not_a_govmap_plugin(void);
int not_a_govmap_plugin(void) { return 42; }

/*
 * test_compare.c - the comparison API (govmap/compare.h) over in-memory
 * sessions: entities field by field, the diff of two sessions (added,
 * removed, changed, scores and the chain entity that moved them,
 * findings of a renamed body), its one wording, and the same diff across
 * two dates.  Public headers only: what any front end sees.
 */
#include <stdlib.h>
#include <string.h>

#include "govmap/compare.h"
#include "suites.h"

#define SRC                                                                \
	"sources:\n  - url: https://example.org/x\n    title: X\n"         \
	"    accessed: 2024-06-01\n"

static const char manifest[] = "schema: 1\nname: unit\n";
static const char base[] =
	"kind: body\nid: voters\nname: Voters\ntype: electorate\n"
	"region: uk\n" SRC "---\n"
	"kind: body\nid: council\nname: Council\ntype: local-authority\n"
	"region: uk\n" SRC "---\n"
	"kind: link\nid: council-elected-by-voters\nfrom: council\n"
	"to: voters\ntype: elected-by\nbasis: statute\npowers: [inform, "
	"question, sanction]\n" SRC;
/* a trust scrutinised by the council: with or without sanction */
#define TRUST(name, powers)                                                \
	"kind: body\nid: trust\nname: " name "\ntype: arms-length-body\n"   \
	"region: uk\nvalid:\n  from: 2020-01-01\n" SRC "---\n"              \
	"kind: link\nid: trust-scrutinised-by-council\nfrom: trust\n"       \
	"to: council\ntype: scrutinised-by\nbasis: statute\npowers: "       \
	powers "\n" SRC
static const char trust_weak[] = TRUST("Old Trust", "[inform, question]");
static const char trust_renamed[] =
	TRUST("New Trust", "[inform, question]");
static const char trust_strong[] =
	TRUST("Old Trust", "[inform, question, sanction]");
static const char agency[] =
	"kind: body\nid: agency\nname: Agency\ntype: arms-length-body\n"
	"region: uk\nvalid:\n  from: 2020-01-01\n" SRC;

/* A session of the memory files f[0, n) to `stage`, opened OK. */
static govmap_session *open_mem(const govmap_mem_file *f, size_t n,
				govmap_date on, govmap_stage stage)
{
	govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
	o.source = GOVMAP_SOURCE_MEMORY;
	o.files = f;
	o.nfiles = n;
	o.label = "mem";
	o.on = on;
	o.stage = stage;
	govmap_session *s = NULL;
	ck_assert_int_eq(govmap_session_open(&s, &o), GOVMAP_OK);
	return s;
}

static govmap_session *open2(const char *a, const char *b, govmap_date on)
{
	govmap_mem_file f[] = {
		{"govmap.yaml", manifest, sizeof manifest - 1},
		{"base.yaml", base, strlen(base)},
		{"x.yaml", a, strlen(a)},
		{"y.yaml", b ? b : "", b ? strlen(b) : 0},
	};
	return open_mem(f, b ? 4 : 3, on, GOVMAP_STAGE_FINDINGS);
}

START_TEST(compare_fields)
{
	govmap_session *a = open2(trust_weak, NULL, 20240601);
	govmap_session *b = open2(trust_strong, NULL, 20240601);
	const govmap_entity *la = govmap_registry_find(
		govmap_session_registry(a), "trust-scrutinised-by-council");
	const govmap_entity *lb = govmap_registry_find(
		govmap_session_registry(b), "trust-scrutinised-by-council");
	govmap_field_change *c;
	size_t n;
	ck_assert_int_eq(govmap_entity_compare(&c, &n, la, lb), GOVMAP_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(c[0].key, "powers");
	ck_assert_uint_eq(c[0].na, 1);
	ck_assert_uint_eq(c[0].nb, 1);
	ck_assert_str_eq(c[0].b[0], "inform, question, sanction");
	govmap_field_changes_free(c, n);
	ck_assert_int_eq(govmap_entity_compare(&c, &n, la, la), GOVMAP_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(c);
	char *t;
	ck_assert_int_eq(govmap_field_text(&t, lb, "powers"), GOVMAP_OK);
	ck_assert_str_eq(t, "inform, question, sanction");
	free(t);
	ck_assert_int_eq(govmap_field_text(&t, lb, "seats"), GOVMAP_OK);
	ck_assert_ptr_null(t);
	govmap_session_free(a);
	govmap_session_free(b);
}
END_TEST

/* A change of a bounded unknown start is a change (issue 17): diff and
 * history read it as the field "valid". */
#define BOUNDED(day)                                                       \
	"kind: body\nid: agency\nname: Agency\ntype: arms-length-body\n"   \
	"region: uk\nnotes: Start not known.\nvalid: {from: unknown, "       \
	"from_no_later_than: " day "}\n" SRC
START_TEST(compare_bounded_start)
{
	static const char early[] = BOUNDED("2024-04-01");
	static const char late[] = BOUNDED("2024-05-01");
	govmap_session *a = open2(early, NULL, 20240415);
	govmap_session *b = open2(late, NULL, 20240415);
	const govmap_entity *ea =
		govmap_registry_find(govmap_session_registry(a), "agency");
	const govmap_entity *eb =
		govmap_registry_find(govmap_session_registry(b), "agency");
	govmap_field_change *c;
	size_t n;
	ck_assert_int_eq(govmap_entity_compare(&c, &n, ea, eb), GOVMAP_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(c[0].key, "valid");
	ck_assert_str_eq(c[0].a[0], "from unknown, no later than 2024-04-01");
	ck_assert_str_eq(c[0].b[0], "from unknown, no later than 2024-05-01");
	govmap_field_changes_free(c, n);
	/* on 2024-04-15 it is in force under the first bound only */
	govmap_diff *d = NULL;
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, NULL), GOVMAP_OK);
	const govmap_diff_entry *r = govmap_diff_find(d, "agency");
	ck_assert_ptr_nonnull(r);
	ck_assert(r->act_a && !r->act_b);
	ck_assert_uint_eq(r->nfields, 1);
	govmap_diff_free(d);
	govmap_session_free(a);
	govmap_session_free(b);
}
END_TEST

START_TEST(compare_sessions_and_wording)
{
	govmap_session *a = open2(trust_weak, NULL, 20240601);
	govmap_session *b = open2(trust_strong, agency, 20240601);
	govmap_diff *d;
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, NULL), GOVMAP_OK);
	ck_assert_uint_eq(d->added, 1);
	ck_assert_uint_eq(d->removed, 0);
	ck_assert_uint_eq(d->changed, 1);
	ck_assert_uint_eq(d->moved, 1);
	char buf[200];
	const govmap_diff_entry *e = govmap_diff_find(d, "agency");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->a, -1);
	govmap_diff_entry_what(buf, sizeof buf, d, e, 0);
	ck_assert_str_eq(buf, "added");
	govmap_diff_entry_what(buf, sizeof buf, d, e, 1);
	ck_assert_str_eq(buf, "added back");
	e = govmap_diff_find(d, "trust-scrutinised-by-council");
	govmap_diff_entry_what(buf, sizeof buf, d, e, 0);
	ck_assert_str_eq(buf, "changed: powers");
	/* the trust's own fields did not change: its score moved because
	 * the link on its chain did, and the wording names it */
	e = govmap_diff_find(d, "trust");
	ck_assert(e->moved);
	ck_assert(e->Ab > e->Aa);
	ck_assert_int_eq(e->links_changed, 1);
	ck_assert_int_ge(e->cause, 0);
	ck_assert_str_eq(d->v[e->cause].id, "trust-scrutinised-by-council");
	/* no money recorded for the trust: its exposure is unknown (-1) on
	 * both sides, never £0; and no body in force records money */
	ck_assert(e->Ea == -1 && e->Eb == -1);
	ck_assert_uint_eq(govmap_exposure_count(a), 0);
	int need = govmap_diff_entry_what(buf, sizeof buf, d, e, 0);
	ck_assert_str_eq(buf,
			 "scores moved: trust-scrutinised-by-council changed");
	ck_assert_int_eq(need, (int)strlen(buf));
	/* cut short, still terminated, the length needed returned */
	ck_assert_int_eq(govmap_diff_entry_what(buf, 8, d, e, 0), need);
	ck_assert_str_eq(buf, "scores ");
	/* the council did not change at all */
	govmap_diff_entry_what(buf, sizeof buf, d,
			       govmap_diff_find(d, "council"), 0);
	ck_assert_str_eq(buf, "");
	/* no-sanction is lost, no-chain on the new agency gained */
	ck_assert_uint_eq(d->nlost, 1);
	ck_assert_str_eq(d->lost[0]->rule, "core/no-sanction");
	ck_assert_str_eq(govmap_diff_finding_id(d, d->lost[0], 0), "trust");
	ck_assert_uint_eq(d->ngained, 1);
	ck_assert_str_eq(d->gained[0]->rule, "core/no-chain");
	ck_assert(d->exposure_a == govmap_exposure_total(a));
	ck_assert_uint_eq(d->priced_a, 0);
	ck_assert_uint_eq(d->priced_b, 0);
	govmap_diff_free(d);
	/* a bad options version is refused */
	govmap_compare_opts o = GOVMAP_COMPARE_OPTS_INIT;
	o.version = 99;
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, &o), GOVMAP_EINVALID);
	ck_assert_ptr_null(d);
	govmap_session_free(a);
	govmap_session_free(b);
}
END_TEST

START_TEST(compare_rename_keeps_findings)
{
	govmap_session *a = open2(trust_weak, NULL, 20240601);
	govmap_session *b = open2(trust_renamed, NULL, 20240601);
	govmap_diff *d;
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, NULL), GOVMAP_OK);
	ck_assert_uint_eq(d->changed, 1);
	/* "no forum can impose consequences on Old Trust" and "... on New
	 * Trust" are one finding that followed the rename */
	ck_assert_uint_eq(d->ngained, 0);
	ck_assert_uint_eq(d->nlost, 0);
	govmap_diff_free(d);
	govmap_session_free(a);
	govmap_session_free(b);
}
END_TEST

/* the trust of TRUST() under another id, its link renamed with it */
#define TRUST_AS(id, name, code)                                           \
	"kind: body\nid: " id "\nname: " name "\ntype: arms-length-body\n"  \
	"region: uk\nvalid:\n  from: 2020-01-01\n" code SRC "---\n"         \
	"kind: link\nid: " id "-scrutinised-by-council\nfrom: " id "\n"     \
	"to: council\ntype: scrutinised-by\nbasis: statute\npowers: "       \
	"[inform, question]\n" SRC

/* An id renamed, with the references to it: one entity on both sides
 * (found by either id), not one removed and one added; its finding
 * kept; a rename with other changes is paired by a shared code only. */
START_TEST(compare_renamed_id)
{
	govmap_session *a = open2(trust_weak, NULL, 20240601);
	govmap_session *b =
		open2(TRUST_AS("old-trust", "Old Trust", ""), NULL, 20240601);
	govmap_diff *d;
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, NULL), GOVMAP_OK);
	ck_assert_uint_eq(d->added, 0);
	ck_assert_uint_eq(d->removed, 0);
	ck_assert_uint_eq(d->changed, 2);
	ck_assert_uint_eq(d->renamed, 2);
	ck_assert_uint_eq(d->n, 5);
	const govmap_diff_entry *e = govmap_diff_find(d, "old-trust");
	ck_assert_ptr_nonnull(e);
	ck_assert_ptr_eq(govmap_diff_find(d, "trust"), e);
	ck_assert_str_eq(e->was, "trust");
	ck_assert_str_eq(govmap_diff_entity(d, e, 0)->id, "trust");
	ck_assert_str_eq(govmap_diff_entity(d, e, 1)->id, "old-trust");
	ck_assert_uint_eq(e->nfields, 1);
	ck_assert_str_eq(e->fields[0].key, "id");
	ck_assert(e->act_a && e->act_b && !e->moved);
	char buf[200];
	govmap_diff_entry_what(buf, sizeof buf, d, e, 0);
	ck_assert_str_eq(buf, "renamed from trust");
	e = govmap_diff_find(d, "old-trust-scrutinised-by-council");
	ck_assert_ptr_nonnull(e);
	govmap_diff_entry_what(buf, sizeof buf, d, e, 0);
	ck_assert_str_eq(buf,
			 "renamed from trust-scrutinised-by-council, changed: "
			 "from");
	/* the trust's no-sanction finding followed it */
	ck_assert_uint_eq(d->ngained, 0);
	ck_assert_uint_eq(d->nlost, 0);
	ck_assert_ptr_null(govmap_diff_find(d, "council")->was);
	govmap_diff_free(d);
	govmap_session_free(b);

	/* renamed and given a new name: removed and added ... */
	b = open2(TRUST_AS("new-trust", "New Trust", ""), NULL, 20240601);
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, NULL), GOVMAP_OK);
	ck_assert_uint_eq(d->renamed, 0);
	ck_assert_uint_eq(d->added, 2);
	ck_assert_uint_eq(d->removed, 2);
	govmap_diff_free(d);
	govmap_session_free(a);
	govmap_session_free(b);
	/* ... unless a code says it is the same body */
	a = open2(TRUST_AS("trust", "Old Trust", "codes:\n  ods: RX1\n"),
		  NULL, 20240601);
	b = open2(TRUST_AS("new-trust", "New Trust", "codes:\n  ods: RX1\n"),
		  NULL, 20240601);
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, NULL), GOVMAP_OK);
	ck_assert_uint_eq(d->renamed, 2);
	ck_assert_uint_eq(d->added + d->removed, 0);
	govmap_diff_entry_what(buf, sizeof buf, d,
			       govmap_diff_find(d, "new-trust"), 0);
	ck_assert_str_eq(buf, "renamed from trust, changed: name");
	ck_assert_uint_eq(d->ngained + d->nlost, 0);
	govmap_diff_free(d);
	govmap_session_free(a);
	govmap_session_free(b);
}
END_TEST

START_TEST(compare_two_dates)
{
	/* one registry on two dates: the trust and the agency begin in
	 * 2020, so on 2019-06-01 they are not in force */
	govmap_session *a = open2(trust_strong, agency, 20190601);
	govmap_session *b = open2(trust_strong, agency, 20240601);
	govmap_compare_opts o = GOVMAP_COMPARE_OPTS_INIT;
	o.what = GOVMAP_COMPARE_SCORES;
	govmap_diff *d;
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, &o), GOVMAP_OK);
	ck_assert_uint_eq(d->added + d->removed + d->changed, 0);
	const govmap_diff_entry *e = govmap_diff_find(d, "trust");
	ck_assert(!e->act_a && e->act_b);
	ck_assert_uint_eq(e->nfields, 0);
	ck_assert_int_eq(govmap_diff_change(d, e), GOVMAP_CHANGE_CREATED);
	e = govmap_diff_find(d, "council");
	ck_assert(e->act_a && e->act_b && e->Aa == e->Ab);
	ck_assert_int_eq(govmap_diff_change(d, e), GOVMAP_CHANGE_NONE);
	/* the same dates the other way round: the trust was abolished */
	govmap_diff_free(d);
	ck_assert_int_eq(govmap_diff_sessions(&d, b, a, &o), GOVMAP_OK);
	ck_assert_int_eq(govmap_diff_change(d, govmap_diff_find(d, "trust")),
			 GOVMAP_CHANGE_ABOLISHED);
	ck_assert_int_eq(govmap_diff_change(d, NULL), GOVMAP_CHANGE_NONE);
	govmap_diff_free(d);
	govmap_session_free(a);
	govmap_session_free(b);
	/* money recorded for the agency only, which begins in 2020: the
	 * earlier side's total is unknown (none priced), the later one's
	 * counts the agency */
	{
		static const char paid[] =
			"kind: body\nid: agency\nname: Agency\n"
			"type: arms-length-body\nregion: uk\nvalid:\n"
			"  from: 2020-01-01\nmoney:\n  - year: 2024/25\n"
			"    gbp: 2_000_000\n    kind: budget\n"
			"    source: https://example.org/x\n" SRC;
		govmap_session *pa = open2(trust_strong, paid, 20190601);
		govmap_session *pb = open2(trust_strong, paid, 20240601);
		ck_assert_int_eq(govmap_diff_sessions(&d, pa, pb, &o),
				 GOVMAP_OK);
		ck_assert_uint_eq(d->priced_a, 0);
		ck_assert_uint_eq(d->priced_b, 1);
		ck_assert_uint_eq(d->priced_b, govmap_exposure_count(pb));
		ck_assert(d->exposure_b > 0);
		ck_assert(d->exposure_b == govmap_exposure_total(pb));
		govmap_diff_free(d);
		govmap_session_free(pa);
		govmap_session_free(pb);
	}
	/* one date, the trust's scrutiny gains a sanction: stronger */
	a = open2(trust_weak, NULL, 20240601);
	b = open2(trust_strong, NULL, 20240601);
	ck_assert_int_eq(govmap_diff_sessions(&d, a, b, &o), GOVMAP_OK);
	ck_assert_int_eq(govmap_diff_change(d, govmap_diff_find(d, "trust")),
			 GOVMAP_CHANGE_STRONGER);
	govmap_diff_free(d);
	ck_assert_int_eq(govmap_diff_sessions(&d, b, a, &o), GOVMAP_OK);
	ck_assert_int_eq(govmap_diff_change(d, govmap_diff_find(d, "trust")),
			 GOVMAP_CHANGE_WEAKER);
	govmap_diff_free(d);
	govmap_session_free(a);
	govmap_session_free(b);
}
END_TEST

#define ALBN(id, name)                                                     \
	"kind: body\nid: " id "\nname: " name "\ntype: arms-length-body\n"  \
	"region: uk\n" SRC
#define ALB(id) ALBN(id, id)

/* A session of `n` files (after the manifest) loaded without analysis:
 * duplicate ids are data errors, which a load alone allows. */
static govmap_session *open_files(const char *const *texts, size_t n)
{
	govmap_mem_file f[8] = {{"govmap.yaml", manifest, sizeof manifest - 1}};
	static const char *const names[] = {"a.yaml", "b.yaml", "c.yaml",
					    "d.yaml", "e.yaml", "f.yaml",
					    "g.yaml"};
	ck_assert_uint_le(n, 7);
	for (size_t k = 0; k < n; k++)
		f[k + 1] = (govmap_mem_file){names[k], texts[k],
					     strlen(texts[k])};
	return open_mem(f, n + 1, 0, GOVMAP_STAGE_LOAD);
}

/* The diff lists every id of either side in id order, pairing them as a
 * sort of each side would (compare.c sorts side b from side a's order,
 * then the ids a lacks): ids added, removed and kept, and an id twice in
 * b (a duplicate's copies in file order, the first one paired). */
START_TEST(compare_order_from_the_other_side)
{
	const char *const a[] = {ALB("m") "---\n" ALB("c"), ALB("x"),
				 ALB("dup")};
	const char *const b[] = {ALB("z") "---\n" ALB("c"), ALB("dup"),
				 ALB("m") "---\n" ALB("a"), ALB("dup")};
	govmap_session *sa = open_files(a, 3), *sb = open_files(b, 4);
	govmap_compare_opts co = GOVMAP_COMPARE_OPTS_INIT;
	co.what = GOVMAP_COMPARE_FIELDS;
	govmap_diff *d;
	ck_assert_int_eq(govmap_diff_sessions(&d, sa, sb, &co), GOVMAP_OK);
	static const char *const ids[] = {"a", "c", "dup", "dup",
					  "m", "x", "z"};
	static const int both[] = {0, 1, 1, 0, 1, 0, 0};
	ck_assert_uint_eq(d->n, 7);
	for (size_t k = 0; k < d->n; k++) {
		ck_assert_str_eq(d->v[k].id, ids[k]);
		ck_assert_int_eq(d->v[k].a >= 0 && d->v[k].b >= 0, both[k]);
		const govmap_entity *e = govmap_diff_entity(d, &d->v[k],
							    d->v[k].b >= 0);
		ck_assert_str_eq(e->id, ids[k]);
	}
	/* b's two copies of dup in file order: b.yaml's, then d.yaml's */
	const govmap_entity *d1 = govmap_diff_entity(d, &d->v[2], 1);
	const govmap_entity *d2 = govmap_diff_entity(d, &d->v[3], 1);
	ck_assert_ptr_nonnull(strstr(d1->id_pos.file, "b.yaml"));
	ck_assert_ptr_nonnull(strstr(d2->id_pos.file, "d.yaml"));
	ck_assert_int_eq(d->added, 3);
	ck_assert_int_eq(d->removed, 1);
	govmap_diff_free(d);
	/* and the other way round: a twice-listed id on side a */
	ck_assert_int_eq(govmap_diff_sessions(&d, sb, sa, &co), GOVMAP_OK);
	ck_assert_uint_eq(d->n, 7);
	for (size_t k = 0; k < d->n; k++)
		ck_assert_str_eq(d->v[k].id, ids[k]);
	ck_assert_int_eq(d->added, 1);
	ck_assert_int_eq(d->removed, 3);
	govmap_diff_free(d);
	govmap_session_free(sa);
	govmap_session_free(sb);
}
END_TEST

/* Two removed bodies alike but for their ids, one added: which one was
 * renamed cannot be told, so none is. */
START_TEST(compare_rename_ambiguous)
{
	const char *const a[] = {ALBN("x", "Same") "---\n" ALBN("y", "Same")};
	const char *const b[] = {ALBN("z", "Same")};
	govmap_session *sa = open_files(a, 1), *sb = open_files(b, 1);
	govmap_diff *d;
	ck_assert_int_eq(govmap_diff_sessions(&d, sa, sb, NULL), GOVMAP_OK);
	ck_assert_uint_eq(d->renamed, 0);
	ck_assert_uint_eq(d->removed, 2);
	ck_assert_uint_eq(d->added, 1);
	govmap_diff_free(d);
	/* and the other way round: one removed, two added */
	ck_assert_int_eq(govmap_diff_sessions(&d, sb, sa, NULL), GOVMAP_OK);
	ck_assert_uint_eq(d->renamed, 0);
	ck_assert_uint_eq(d->removed, 1);
	ck_assert_uint_eq(d->added, 2);
	govmap_diff_free(d);
	govmap_session_free(sa);
	govmap_session_free(sb);
}
END_TEST

START_TEST(compare_timeline_bad_options)
{
	govmap_timeline_opts o = GOVMAP_TIMELINE_OPTS_INIT;
	govmap_diags diags = {0};
	govmap_timeline *t;
	ck_assert_int_eq(govmap_timeline_open(&t, &o, &diags),
			 GOVMAP_EINVALID);
	ck_assert_ptr_null(t);
	ck_assert_uint_eq(diags.n, 1);
	govmap_diags_free(&diags);
	govmap_timeline_free(NULL);
	govmap_diff_free(NULL);
}
END_TEST

Suite *compare_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, TH_TIMEOUT);
	tcase_add_test(tc, compare_fields);
	tcase_add_test(tc, compare_bounded_start);
	tcase_add_test(tc, compare_sessions_and_wording);
	tcase_add_test(tc, compare_rename_keeps_findings);
	tcase_add_test(tc, compare_renamed_id);
	tcase_add_test(tc, compare_rename_ambiguous);
	tcase_add_test(tc, compare_two_dates);
	tcase_add_test(tc, compare_timeline_bad_options);
	tcase_add_test(tc, compare_order_from_the_other_side);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * test_validate.c - validate.c through govmap_registry_load: the id index
 * (duplicates at both places, find/index), reference resolution to the
 * right entity and kind, type names, period nesting and lineage.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"

/* A valid registry using every kind of reference. */
#define SRC TH_SOURCES
static const char base_yaml[] =
	"kind: body\nid: voters\nname: Voters\ntype: electorate\n"
	"region: england\n" SRC
	"---\n"
	"kind: body\nid: old-council\nname: Old\ntype: local-authority\n"
	"region: england\nvalid: {from: 1974-04-01, to: 2020-04-01}\n"
	"succeeded_by: council\n" SRC
	"---\n"
	"kind: body\nid: council\nname: Council\ntype: local-authority\n"
	"region: england\nvalid: {from: 2020-04-01}\nreplaces: old-council\n"
	SRC
	"---\n"
	"kind: body\nid: minister\nname: Minister\ntype: minister\n"
	"region: england\n" SRC
	"---\n"
	"kind: body\nid: supplier\nname: Supplier\ntype: charity\n"
	"region: england\n" SRC
	"---\n"
	"kind: board\nid: cabinet\nname: Cabinet\ntype: board\nof: council\n"
	SRC
	"seats:\n"
	"  - role: leader\n    elected_by: voters\n"
	"  - role: member\n    count: 9\n    appointed_by: council\n"
	"    approved_by: minister\n"
	"  - role: adviser\n    nominated_by: scrutiny\n"
	"  - role: clerk\n    ex_officio: true\n"
	"---\n"
	"kind: board\nid: scrutiny\nname: Scrutiny\n"
	"type: scrutiny-committee\njoint: [council, minister]\n" SRC
	"---\n"
	"kind: contract\nid: deal\nname: Deal\ncommissioner: council\n"
	"provider: supplier\n" SRC
	"---\n"
	"kind: link\nid: cabinet-to-council\ntype: reports-to\n"
	"from: cabinet\nto: council\nbasis: statute\n"
	"valid: {from: 2021-01-01}\n" SRC;

static int32_t idx(const govmap_registry *reg, const char *id)
{
	int32_t i = govmap_registry_index(reg, id);
	ck_assert_msg(i >= 0, "no entity '%s'", id);
	return i;
}

START_TEST(validate_refs_resolved)
{
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(NULL, NULL, &d, &rc, "base.yaml",
					     base_yaml, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	ck_assert_uint_eq(govmap_registry_count(reg), 9);

	const govmap_entity *old = govmap_registry_find(reg, "old-council");
	const govmap_entity *council = govmap_registry_find(reg, "council");
	const govmap_entity *cab = govmap_registry_find(reg, "cabinet");
	const govmap_entity *scr = govmap_registry_find(reg, "scrutiny");
	const govmap_entity *deal = govmap_registry_find(reg, "deal");
	const govmap_entity *link =
		govmap_registry_find(reg, "cabinet-to-council");
	ck_assert(old && council && cab && scr && deal && link);

	/* lineage */
	ck_assert_int_eq(old->succeeded_by.target, idx(reg, "council"));
	ck_assert_int_eq(council->replaces.target, idx(reg, "old-council"));
	ck_assert_int_eq(council->succeeded_by.target, -1);
	/* boards */
	ck_assert_int_eq(cab->of.target, idx(reg, "council"));
	ck_assert_uint_eq(cab->of.pos.line, 59);
	ck_assert_uint_eq(cab->of.pos.col, 5);
	ck_assert_uint_eq(cab->nseats, 4);
	ck_assert_int_eq(cab->seats[0].by.target, idx(reg, "voters"));
	ck_assert_int_eq(cab->seats[0].fill, GOVMAP_FILL_ELECTED);
	ck_assert_int_eq(cab->seats[1].by.target, idx(reg, "council"));
	ck_assert_int_eq(cab->seats[1].approved_by.target,
			 idx(reg, "minister"));
	ck_assert_int_eq(cab->seats[2].by.target, idx(reg, "scrutiny"));
	ck_assert_int_eq(cab->seats[2].fill, GOVMAP_FILL_NOMINATED);
	ck_assert_int_eq(cab->seats[3].by.target, -1);
	ck_assert_uint_eq(scr->njoint, 2);
	ck_assert_int_eq(scr->joint[0].target, idx(reg, "council"));
	ck_assert_int_eq(scr->joint[1].target, idx(reg, "minister"));
	ck_assert_int_eq(scr->of.target, -1);
	/* contract */
	ck_assert_int_eq(deal->commissioner.target, idx(reg, "council"));
	ck_assert_int_eq(deal->provider.target, idx(reg, "supplier"));
	/* link */
	ck_assert_int_eq(link->from.target, idx(reg, "cabinet"));
	ck_assert_int_eq(link->to.target, idx(reg, "council"));
	/* the targets are the entities themselves */
	ck_assert_ptr_eq(govmap_registry_at(reg, (size_t)link->to.target),
			 council);
	ck_assert_str_eq(govmap_registry_at(reg, (size_t)cab->seats[0].by.target)
				 ->id,
			 "voters");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(validate_refs_across_files)
{
	/* references resolve whatever the file order */
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "a/link.yaml",
		"kind: link\nid: l\ntype: funded-by\nfrom: z-body\nto: y-body\n"
		"basis: contract\n" SRC,
		"z/z.yaml",
		"kind: body\nid: z-body\nname: Z\ntype: charity\n"
		"region: wales\n" SRC,
		"m.yaml",
		"kind: body\nid: y-body\nname: Y\ntype: charity\n"
		"region: wales\n" SRC,
		NULL);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	const govmap_entity *l = govmap_registry_find(reg, "l");
	ck_assert_int_eq(l->from.target, idx(reg, "z-body"));
	ck_assert_int_eq(l->to.target, idx(reg, "y-body"));
	/* files are read in sorted order: a/link, m, z/z */
	ck_assert_int_eq(idx(reg, "l"), 0);
	ck_assert_int_eq(idx(reg, "y-body"), 1);
	ck_assert_int_eq(idx(reg, "z-body"), 2);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* ---- one diagnostic per case ------------------------------------------ */

#define BOARD2 "kind: board\nid: b2\nname: B2\ntype: board\n"
#define BODY3 "kind: body\nid: b3\nname: B\ntype: charity\nregion: england\n"
#define LINK2 "kind: link\nid: l2\ntype: reports-to\n"
#define CONTRACT2 "kind: contract\nid: c2\nname: C\n"

typedef struct {
	const char *doc;
	govmap_severity sev;
	const char *code;
	uint32_t line, col;
	const char *msg; /* exact, or NULL */
	const char *part1, *part2; /* substrings of the message, or NULL */
} vcase;

static const vcase vcases[] = {
	/* unknown references */
	{BOARD2 "of: councl\n" SRC, GOVMAP_SEV_ERROR, "unknown-ref", 5, 5,
	 "'of' names 'councl', which does not exist (did you mean "
	 "'council'?)", NULL, NULL},
	{BOARD2 "of: zzzzzzzz\n" SRC, GOVMAP_SEV_ERROR, "unknown-ref", 5, 5,
	 "'of' names 'zzzzzzzz', which does not exist", NULL, NULL},
	{BODY3 SRC "succeeded_by: ministr\nvalid: {from: 2000-01-01}\n", GOVMAP_SEV_ERROR, "unknown-ref",
	 10, 15,
	 "'succeeded_by' names 'ministr', which does not exist (did you mean "
	 "'minister'?)", NULL, NULL},
	/* references to the wrong kind */
	{CONTRACT2 "commissioner: cabinet\nprovider: supplier\n" SRC,
	 GOVMAP_SEV_ERROR, "ref-kind", 4, 15,
	 "'commissioner' must name a body, but 'cabinet' is a board", NULL,
	 NULL},
	{CONTRACT2 "commissioner: council\nprovider: deal\n" SRC,
	 GOVMAP_SEV_ERROR, "ref-kind", 5, 11,
	 "'provider' must name a body, but 'deal' is a contract", NULL, NULL},
	{LINK2 "from: deal\nto: council\nbasis: statute\n" SRC,
	 GOVMAP_SEV_ERROR, "ref-kind", 4, 7,
	 "'from' must name a body or board, but 'deal' is a contract", NULL,
	 NULL},
	{LINK2 "from: council\nto: cabinet-to-council\nbasis: statute\n" SRC,
	 GOVMAP_SEV_ERROR, "ref-kind", 5, 5,
	 "'to' must name a body or board, but 'cabinet-to-council' is a link",
	 NULL, NULL},
	{BOARD2 "of: scrutiny\n" SRC, GOVMAP_SEV_ERROR, "ref-kind", 5, 5,
	 "'of' must name a body, but 'scrutiny' is a board", NULL, NULL},
	{BOARD2 "joint: [council, deal]\n" SRC, GOVMAP_SEV_ERROR, "ref-kind",
	 5, 18, "'joint' must name a body, but 'deal' is a contract", NULL,
	 NULL},
	{BODY3 SRC "replaces: cabinet\nvalid: {from: 2000-01-01}\n", GOVMAP_SEV_ERROR, "ref-kind", 10, 11,
	 "'replaces' must name a body, but 'cabinet' is a board", NULL, NULL},
	{BOARD2 "of: council\n" SRC "seats:\n  - role: r\n"
		"    elected_by: council\n",
	 GOVMAP_SEV_ERROR, "ref-kind", 12, 17,
	 "'elected_by' must name a body of type electorate or membership, but 'council' is "
	 "a local-authority", NULL, NULL},
	{BOARD2 "of: council\n" SRC "seats:\n  - role: r\n"
		"    elected_by: cabinet\n",
	 GOVMAP_SEV_ERROR, "ref-kind", 12, 17,
	 "'elected_by' must name a body, but 'cabinet' is a board", NULL,
	 NULL},
	{BOARD2 "of: council\n" SRC "seats:\n  - role: r\n"
		"    appointed_by: deal\n",
	 GOVMAP_SEV_ERROR, "ref-kind", 12, 19,
	 "'appointed_by' must name a body or board, but 'deal' is a contract",
	 NULL, NULL},
	{BOARD2 "of: council\n" SRC "seats:\n  - role: r\n"
		"    appointed_by: council\n    approved_by: cabinet-to-council\n",
	 GOVMAP_SEV_ERROR, "ref-kind", 13, 18,
	 "'approved_by' must name a body or board, but 'cabinet-to-council' "
	 "is a link", NULL, NULL},
	{BOARD2 "of: council\n" SRC "seats:\n  - role: r\n"
		"    nominated_by: nobody-here\n",
	 GOVMAP_SEV_ERROR, "unknown-ref", 12, 19,
	 "'nominated_by' names 'nobody-here', which does not exist", NULL,
	 NULL},
	/* self references */
	{BODY3 SRC "replaces: b3\nvalid: {from: 2000-01-01}\n", GOVMAP_SEV_ERROR, "self-ref", 10, 11,
	 "'replaces' names the entity itself ('b3')", NULL, NULL},
	{LINK2 "from: council\nto: council\nbasis: statute\n" SRC,
	 GOVMAP_SEV_ERROR, "self-link", 5, 5,
	 "link 'l2' joins 'council' to itself", NULL, NULL},
	/* joint boards */
	{BOARD2 "joint: [council, council]\n" SRC, GOVMAP_SEV_ERROR,
	 "duplicate-ref", 5, 18, "'council' is listed twice in 'joint'", NULL,
	 NULL},
	{BOARD2 "joint: [council]\n" SRC, GOVMAP_SEV_WARNING, "joint-one", 5,
	 9, "a joint board of one body: use 'of: council'", NULL, NULL},
	/* type names */
	{"kind: body\nid: b3\nname: B\ntype: local-authorty\n"
	 "region: england\n" SRC,
	 GOVMAP_SEV_WARNING, "unknown-type", 4, 7,
	 "body 'b3' has unknown type 'local-authorty' (did you mean "
	 "'local-authority'?)", NULL, NULL},
	{"kind: body\nid: b3\nname: B\ntype: spaceship\nregion: england\n" SRC,
	 GOVMAP_SEV_WARNING, "unknown-type", 4, 7,
	 "body 'b3' has type 'spaceship', which neither the core nor a loaded "
	 "plugin declares", NULL, NULL},
	{BOARD2 "of: council\n" SRC "---\n"
	 "kind: link\nid: l2\ntype: reports-too\nfrom: council\n"
	 "to: minister\nbasis: statute\n" SRC,
	 GOVMAP_SEV_WARNING, "unknown-type", 13, 7,
	 "link 'l2' has unknown type 'reports-too' (did you mean "
	 "'reports-to'?)", NULL, NULL},
	/* powers without a basis */
	{LINK2 "from: council\nto: minister\nbasis: none\n"
	 "powers: [inform, sanction]\n" SRC,
	 GOVMAP_SEV_WARNING, "sanction-no-basis", 2, 5,
	 "link 'l2' claims the power to sanction with no basis: name the "
	 "statute, regulation or contract that gives it", NULL, NULL},
	/* lineage */
	{BODY3 SRC "succeeded_by: council\nvalid: {from: 2000-01-01}\n", GOVMAP_SEV_WARNING,
	 "lineage-open", 10, 15, "'b3' has a successor but no valid.to date",
	 NULL, NULL},
	{BODY3 SRC "succeeded_by: council\n"
	 "valid: {from: 2000-01-01, to: 2010-01-01}\n",
	 GOVMAP_SEV_WARNING, "lineage-gap", 10, 15,
	 "'b3' ends 2010-01-01 but its successor 'council' starts 2020-04-01",
	 NULL, NULL},
	/* period nesting: a link inside its endpoints */
	{LINK2 "from: council\nto: minister\nbasis: statute\n"
	 "valid: {from: 2019-01-01}\n" SRC,
	 GOVMAP_SEV_ERROR, "valid-outside", 2, 5, NULL,
	 "link 'l2' is valid from 2019-01-01",
	 "outside the period of 'council' (from 2020-04-01)"},
	{LINK2 "from: minister\nto: old-council\nbasis: statute\n"
	 "valid: {from: 2021-01-01}\n" SRC,
	 GOVMAP_SEV_ERROR, "valid-outside", 2, 5, NULL,
	 "link 'l2' is valid from 2021-01-01",
	 "outside the period of 'old-council' (from 1974-04-01 until "
	 "2020-04-01)"},
	{LINK2 "from: old-council\nto: minister\nbasis: statute\n"
	 "valid: {from: 2000-01-01, to: 2021-01-01}\n" SRC,
	 GOVMAP_SEV_ERROR, "valid-outside", 2, 5, NULL,
	 "link 'l2' is valid from 2000-01-01 until 2021-01-01",
	 "outside the period of 'old-council'"},
	/* a board inside its body, a seat inside its board */
	{BOARD2 "of: council\nvalid: {from: 2019-01-01}\n" SRC,
	 GOVMAP_SEV_ERROR, "valid-outside", 2, 5, NULL,
	 "the board is valid from 2019-01-01",
	 "outside the period of 'council' (from 2020-04-01)"},
	{BOARD2 "of: minister\nvalid: {from: 2020-01-01, to: 2022-01-01}\n" SRC
		"seats:\n  - role: r\n    appointed_by: minister\n"
		"    valid: {from: 2019-06-01}\n",
	 GOVMAP_SEV_ERROR, "valid-outside", 12, 5, NULL,
	 "seat 'r' is valid from 2019-06-01",
	 "outside the period of 'b2' (from 2020-01-01 until 2022-01-01)"},
	{BOARD2 "of: minister\nvalid: {from: 2020-01-01, to: 2022-01-01}\n" SRC
		"seats:\n  - role: r\n    appointed_by: minister\n"
		"    valid: {from: 2020-01-01, to: 2023-01-01}\n",
	 GOVMAP_SEV_ERROR, "valid-outside", 12, 5, NULL,
	 "seat 'r' is valid from 2020-01-01 until 2023-01-01",
	 "outside the period of 'b2'"},
};
#define NVCASES ((int)(sizeof vcases / sizeof vcases[0]))

START_TEST(validate_one_diag)
{
	const vcase *c = &vcases[_i];
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(NULL, NULL, &d, &rc, "base.yaml",
					     base_yaml, "e.yaml", c->doc, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_ptr_nonnull(reg);
	ck_assert_msg(d.n == 1, "case %d: want one %s:%s", _i, c->code,
		      th_dump(&d));
	const govmap_diag *g = &d.v[0];
	ck_assert_str_eq(g->code, c->code);
	ck_assert_int_eq(g->sev, c->sev);
	ck_assert_msg(th_file_is(g, "/e.yaml"), "file %s", g->file);
	ck_assert_msg(g->line == c->line && g->col == c->col,
		      "case %d (%s): at %u:%u, want %u:%u", _i, c->code,
		      g->line, g->col, c->line, c->col);
	if (c->msg)
		ck_assert_str_eq(g->msg, c->msg);
	if (c->part1)
		ck_assert_msg(strstr(g->msg, c->part1), "'%s' lacks '%s'",
			      g->msg, c->part1);
	if (c->part2)
		ck_assert_msg(strstr(g->msg, c->part2), "'%s' lacks '%s'",
			      g->msg, c->part2);
	/* a reference error names its id in `ref` (the id the message
	 * quotes); no other error has one */
	int is_ref = strcmp(c->code, "unknown-ref") == 0 ||
		     strcmp(c->code, "ref-kind") == 0 ||
		     strcmp(c->code, "self-ref") == 0 ||
		     strcmp(c->code, "duplicate-ref") == 0;
	if (is_ref) {
		ck_assert_msg(g->ref, "case %d (%s): no ref", _i, c->code);
		char q[200];
		snprintf(q, sizeof q, "'%s'", g->ref);
		ck_assert_msg(strstr(g->msg, q), "case %d: ref '%s' not in '%s'",
			      _i, g->ref, g->msg);
	} else {
		ck_assert_msg(!g->ref, "case %d (%s): ref '%s'", _i, c->code,
			      g->ref);
	}
	ck_assert_ptr_null(g->key);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* The diagnostic's `ref` is the id an unknown reference names, exactly
 * (check's note on ids gone since HEAD reads it, not the message), and
 * NULL for an error that is not about a reference; `key` is the key a
 * bad date is in (from_misspelt() reads it), NULL elsewhere. */
START_TEST(validate_diag_ref_and_key)
{
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, &rc, "base.yaml", base_yaml, "e.yaml",
		BOARD2 "of: councl\n" SRC
		"---\n"
		CONTRACT2 "commissioner: council\nprovider: nobody\n"
		"valid: {from: 2021-02-30}\n" SRC
		"---\n"
		BODY3 SRC "nmae: x\n",
		NULL);
	ck_assert_ptr_nonnull(reg);
	ck_assert_msg(th_count(&d, "unknown-ref") == 2 &&
			      th_count(&d, "date") == 1 &&
			      th_count(&d, "unknown-key") == 1,
		      "%s", th_dump(&d));
	const govmap_diag *g = th_find(&d, "unknown-ref", 0);
	const govmap_diag *h = th_find(&d, "unknown-ref", 1);
	ck_assert_str_eq(g->ref, "councl");
	ck_assert_str_eq(h->ref, "nobody");
	ck_assert_ptr_null(g->key);
	g = th_find(&d, "date", 0);
	ck_assert_ptr_null(g->ref);
	ck_assert_str_eq(g->key, "valid.from");
	g = th_find(&d, "unknown-key", 0);
	ck_assert_ptr_null(g->ref);
	ck_assert_ptr_null(g->key);
	/* copied whole into another list, and sorted with its entry */
	govmap_diags c = {0};
	govmap_diags_append(&c, &d);
	govmap_diags_sort(&c);
	ck_assert_uint_eq(c.n, d.n);
	size_t refs = 0;
	for (size_t i = 0; i < c.n; i++)
		if (c.v[i].ref) {
			refs++;
			ck_assert_ptr_nonnull(strstr(c.v[i].msg, c.v[i].ref));
		}
	ck_assert_uint_eq(refs, 2);
	govmap_diags_free(&c);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(validate_unresolved_target)
{
	/* wrong kind and unknown references leave target at -1 */
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "base.yaml", base_yaml, "e.yaml",
		CONTRACT2 "commissioner: cabinet\nprovider: nobody\n" SRC
		"---\n"
		BODY3 SRC "replaces: b3\nvalid: {from: 2000-01-01}\n",
		NULL);
	ck_assert_uint_eq(d.n, 3);
	const govmap_entity *c = govmap_registry_find(reg, "c2");
	ck_assert_str_eq(c->commissioner.id, "cabinet");
	ck_assert_int_eq(c->commissioner.target, -1);
	ck_assert_str_eq(c->provider.id, "nobody");
	ck_assert_int_eq(c->provider.target, -1);
	ck_assert_int_eq(govmap_registry_find(reg, "b3")->replaces.target, -1);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(validate_periods_inside)
{
	/* periods inside their containers, and open ends: no diagnostic */
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "base.yaml", base_yaml, "e.yaml",
		LINK2 "from: council\nto: minister\nbasis: statute\n"
		"valid: {from: 2020-04-01, to: 2030-01-01}\n" SRC
		"---\n"
		"kind: link\nid: l3\ntype: reports-to\nfrom: old-council\n"
		"to: minister\nbasis: statute\n"
		"valid: {from: 1980-01-01, to: 2020-04-01}\n" SRC
		"---\n"
		"kind: link\nid: l4\ntype: reports-to\nfrom: old-council\n"
		"to: council\nbasis: statute\n" SRC
		"---\n"
		BOARD2 "of: council\nvalid: {from: 2021-01-01, to: 2023-01-01}\n"
		SRC
		"seats:\n  - role: r\n    appointed_by: council\n"
		"    valid: {from: 2021-01-01, to: 2023-01-01}\n"
		"  - role: s\n    appointed_by: council\n"
		"    valid: {from: 2022-01-01}\n"
		"  - role: t\n    appointed_by: council\n",
		NULL);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(validate_extra_types)
{
	static const char *const body_types[] = {"integrated-care-board",
						 NULL};
	static const char *const link_types[] = {"commissions", NULL};
	govmap_load_opts opts = {0};
	govmap_diags d = {0};
	opts.extra_body_types = body_types;
	opts.extra_link_types = link_types;
	govmap_registry *reg = th_load_files(
		NULL, &opts, &d, NULL, "e.yaml",
		"kind: body\nid: icb\nname: ICB\ntype: integrated-care-board\n"
		"region: england\n" SRC
		"---\n"
		"kind: body\nid: icb2\nname: ICB\ntype: integrated-care-bord\n"
		"region: england\n" SRC
		"---\n"
		"kind: link\nid: l\ntype: commissions\nfrom: icb\nto: icb2\n"
		"basis: contract\n" SRC,
		NULL);
	/* with plugin types given, an unknown type is an error */
	ck_assert_msg(d.n == 1, "%s", th_dump(&d));
	ck_assert_str_eq(d.v[0].code, "unknown-type");
	ck_assert_int_eq(d.v[0].sev, GOVMAP_SEV_ERROR);
	ck_assert_uint_eq(d.v[0].line, 14);
	ck_assert_str_eq(d.v[0].msg, "body 'icb2' has unknown type "
				     "'integrated-care-bord' (did you mean "
				     "'integrated-care-board'?)");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* ---- duplicate ids ---------------------------------------------------- */

START_TEST(validate_duplicate_ids)
{
	govmap_diags d = {0};
	char want[512];
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "a.yaml",
		"kind: body\nid: dup\nname: First\ntype: charity\n"
		"region: england\n" SRC,
		"b.yaml",
		"kind: body\nid: other\nname: O\ntype: charity\n"
		"region: england\n" SRC
		"---\n"
		"kind: board\nid:   dup\nname: Second\ntype: board\nof: other\n"
		SRC,
		NULL);
	ck_assert_msg(d.n == 2 && th_count(&d, "duplicate-id") == 2, "%s",
		      th_dump(&d));
	const govmap_diag *first = NULL, *second = NULL;
	for (size_t i = 0; i < 2; i++) {
		if (th_file_is(&d.v[i], "/a.yaml"))
			first = &d.v[i];
		if (th_file_is(&d.v[i], "/b.yaml"))
			second = &d.v[i];
	}
	ck_assert_ptr_nonnull(first);
	ck_assert_ptr_nonnull(second);
	ck_assert_int_eq(first->sev, GOVMAP_SEV_ERROR);
	ck_assert_int_eq(second->sev, GOVMAP_SEV_ERROR);
	/* each place, pointing at the other */
	ck_assert_uint_eq(first->line, 2);
	ck_assert_uint_eq(first->col, 5);
	ck_assert_uint_eq(second->line, 12);
	ck_assert_uint_eq(second->col, 7);
	snprintf(want, sizeof want, "duplicate id 'dup' (also defined at %s:12:7)",
		 second->file);
	ck_assert_str_eq(first->msg, want);
	snprintf(want, sizeof want, "duplicate id 'dup' (also defined at %s:2:5)",
		 first->file);
	ck_assert_str_eq(second->msg, want);
	/* both are kept; the index names the first */
	ck_assert_uint_eq(govmap_registry_count(reg), 3);
	const govmap_entity *e = govmap_registry_find(reg, "dup");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->kind, GOVMAP_KIND_BODY);
	ck_assert_str_eq(e->name, "First");
	ck_assert_int_eq(govmap_registry_index(reg, "dup"), 0);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(validate_duplicate_ids_three)
{
	/* three definitions: each later one is reported with the first */
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "e.yaml",
		"kind: body\nid: x\n---\nkind: body\nid: x\n---\n"
		"kind: body\nid: x\n",
		NULL);
	ck_assert_uint_eq(th_count(&d, "duplicate-id"), 4);
	size_t at2 = 0, at5 = 0, at8 = 0;
	for (size_t i = 0; i < d.n; i++) {
		if (strcmp(d.v[i].code, "duplicate-id") != 0)
			continue;
		at2 += d.v[i].line == 2;
		at5 += d.v[i].line == 5;
		at8 += d.v[i].line == 8;
	}
	ck_assert_uint_eq(at2, 2);
	ck_assert_uint_eq(at5, 1);
	ck_assert_uint_eq(at8, 1);
	ck_assert_int_eq(govmap_registry_index(reg, "x"), 0);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* ---- the id index over a generated registry -------------------------- */

START_TEST(validate_index_500)
{
	enum { FILES = 50, PER = 10, N = FILES * PER };
	char name[32], *buf = malloc(PER * 256);
	govmap_diags d = {0};
	ck_assert_ptr_nonnull(buf);
	th_write(th_dir, "govmap.yaml", TH_MANIFEST);
	for (int f = 0; f < FILES; f++) {
		size_t o = 0;
		for (int k = 0; k < PER; k++) {
			int i = f * PER + k;
			if (i % 10 == 9) /* every tenth: a link to the previous */
				o += (size_t)sprintf(
					buf + o,
					"---\nkind: link\nid: e-%03d\n"
					"type: reports-to\nfrom: e-%03d\n"
					"to: e-%03d\nbasis: statute\n%s",
					i, i - 1, i - 2, TH_SOURCES);
			else
				o += (size_t)sprintf(
					buf + o,
					"---\nkind: body\nid: e-%03d\n"
					"name: Entity %d\ntype: charity\n"
					"region: england\n%s",
					i, i, TH_SOURCES);
		}
		snprintf(name, sizeof name, "f-%02d.yaml", f);
		th_write_bytes(th_dir, name, buf, o);
	}
	free(buf);
	govmap_registry *reg = th_load(th_dir, NULL, &d, NULL);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	ck_assert_uint_eq(govmap_registry_count(reg), N);
	ck_assert_uint_eq(govmap_registry_nfiles(reg), FILES);
	for (int i = 0; i < N; i++) {
		char id[16];
		snprintf(id, sizeof id, "e-%03d", i);
		const govmap_entity *e = govmap_registry_find(reg, id);
		ck_assert_msg(e != NULL, "find %s", id);
		ck_assert_str_eq(e->id, id);
		/* files are sorted and documents keep their order */
		ck_assert_int_eq(govmap_registry_index(reg, id), i);
		ck_assert_ptr_eq(govmap_registry_at(reg, (size_t)i), e);
		ck_assert_int_eq(e->kind, i % 10 == 9 ? GOVMAP_KIND_LINK
						      : GOVMAP_KIND_BODY);
		if (e->kind == GOVMAP_KIND_LINK) {
			ck_assert_int_eq(e->from.target, i - 1);
			ck_assert_int_eq(e->to.target, i - 2);
		}
	}
	ck_assert_ptr_null(govmap_registry_find(reg, "e-500"));
	ck_assert_ptr_null(govmap_registry_find(reg, "e-00"));
	ck_assert_ptr_null(govmap_registry_find(reg, ""));
	ck_assert_int_eq(govmap_registry_index(reg, "e-1000"), -1);
	ck_assert_int_eq(govmap_registry_index(reg, "E-001"), -1);
	ck_assert_ptr_null(govmap_registry_at(reg, N));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

Suite *validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("references");
	th_add_tmp_fixtures(tc);
	tcase_add_test(tc, validate_refs_resolved);
	tcase_add_test(tc, validate_refs_across_files);
	tcase_add_loop_test(tc, validate_one_diag, 0, NVCASES);
	tcase_add_test(tc, validate_diag_ref_and_key);
	tcase_add_test(tc, validate_unresolved_target);
	tcase_add_test(tc, validate_periods_inside);
	tcase_add_test(tc, validate_extra_types);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("index");
	th_add_tmp_fixtures(tc);
	tcase_add_test(tc, validate_duplicate_ids);
	tcase_add_test(tc, validate_duplicate_ids_three);
	tcase_add_test(tc, validate_index_500);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * test_schema.c - schema.c through govmap_registry_load: required
 * fields, type errors, unknown keys with suggestions, enums, seats, the
 * manifest (schema version, plugins, limits and their ceilings).
 *
 * Each case writes a tiny registry into the test's temporary directory.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "ytree.h"

/* Lines 1-5, then TH_SOURCES on lines 6-9. */
#define BODY_HEAD                                                           \
	"kind: body\nid: x\nname: X\ntype: local-authority\nregion: england\n"
#define BODY BODY_HEAD TH_SOURCES
/* Lines 1-6, then TH_SOURCES on lines 7-10. */
#define LINK_HEAD                                                           \
	"kind: link\nid: l\ntype: reports-to\nfrom: a\nto: b\nbasis: statute\n"
/* Lines 1-5, sources 6-9, "seats:" on line 10, seats from line 11. */
#define BOARD_HEAD "kind: board\nid: bd\nname: Board\ntype: board\nof: a\n"
#define BOARD_SEATS BOARD_HEAD TH_SOURCES "seats:\n"
/* Lines 1-5, sources 6-9. */
#define CONTRACT_HEAD                                                       \
	"kind: contract\nid: c\nname: C\ncommissioner: a\nprovider: b\n"

/* A body with one money entry (lines 10-14), one field varied. */
#define MONEY_ENTRY(y, g, k, s)                                             \
	BODY "money:\n  - year: " y "\n    gbp: " g "\n    kind: " k            \
	     "\n    source: " s "\n"
#define MONEY_GBP(g) MONEY_ENTRY("2024/25", g, "outturn", "https://example.org/doc")
#define MONEY_YEAR(y) MONEY_ENTRY(y, "5", "outturn", "https://example.org/doc")
#define MONEY_KIND(k) MONEY_ENTRY("2024/25", "5", k, "https://example.org/doc")
#define MONEY_SOURCE(s) MONEY_ENTRY("2024/25", "5", "budget", s)

/* Two valid bodies that the cases may refer to. */
#define AB                                                                  \
	"kind: body\nid: a\nname: A\ntype: local-authority\n"               \
	"region: england\n" TH_SOURCES                                      \
	"---\n"                                                             \
	"kind: body\nid: b\nname: B\ntype: company\nregion: england\n"      \
	"valid: {from: 2000-01-01}\n" TH_SOURCES

/* A document with exactly one diagnostic (an error unless noted). */
typedef struct {
	const char *doc;
	const char *code;
	uint32_t line, col;
	const char *msg;
} one_case;

static const one_case cases[] = {
	/* bodies: type errors */
	/* money: lines 10 "money:", 11 year, 12 gbp, 13 kind, 14 source */
	{MONEY_GBP("lots"), "money", 12, 10,
	 "'gbp' must be a whole number of pounds such as 1250000000 or "
	 "1_250_000_000, not 'lots'"},
	{MONEY_GBP("\"100\""), "money", 12, 10,
	 "'gbp' must be a whole number of pounds such as 1250000000 or "
	 "1_250_000_000, not '100' (write it without quotes)"},
	{MONEY_GBP("-5"), "money", 12, 10,
	 "'gbp' must be a whole number of pounds such as 1250000000 or "
	 "1_250_000_000, not '-5': money is never below 0 (record a cut as "
	 "the lower figure of its own year)"},
	{MONEY_GBP("_100"), "money", 12, 10,
	 "'gbp' must be a whole number of pounds such as 1250000000 or "
	 "1_250_000_000, not '_100'"},
	{MONEY_GBP("10_000_000_000_001"), "money-range", 12, 10,
	 "'gbp' = 10_000_000_000_001 is out of range (0 to "
	 "10,000,000,000,000 pounds)"},
	{MONEY_GBP("99999999999999999999999"), "money-range", 12, 10,
	 "'gbp' = 99999999999999999999999 is out of range (0 to "
	 "10,000,000,000,000 pounds)"},
	{MONEY_GBP("[1]"), "type", 12, 10,
	 "'gbp' must be a whole number of pounds, not a list"},
	{MONEY_YEAR("2025"), "financial-year", 11, 11,
	 "'year' must be a financial year such as 2025/26 (April "
	 "2025 to March 2026), not '2025'"},
	{MONEY_YEAR("2025/2026"), "financial-year", 11, 11,
	 "'year' must be a financial year such as 2025/26 (April "
	 "2025 to March 2026), not '2025/2026'"},
	{MONEY_YEAR("25/26"), "financial-year", 11, 11,
	 "'year' must be a financial year such as 2025/26 (April "
	 "2025 to March 2026), not '25/26'"},
	{MONEY_YEAR("2025-26"), "financial-year", 11, 11,
	 "'year' must be a financial year such as 2025/26 (April "
	 "2025 to March 2026), not '2025-26'"},
	{MONEY_YEAR("2025/27"), "financial-year", 11, 11,
	 "'year' must be a financial year such as 2025/26 (April "
	 "2025 to March 2026), not '2025/27'"},
	{MONEY_YEAR("1899/00"), "financial-year", 11, 11,
	 "'year' must be a financial year such as 2025/26 (April "
	 "2025 to March 2026), not '1899/00'"},
	{MONEY_YEAR("2200/01"), "financial-year", 11, 11,
	 "'year' must be a financial year such as 2025/26 (April "
	 "2025 to March 2026), not '2200/01'"},
	{MONEY_YEAR("2025/2a"), "financial-year", 11, 11,
	 "'year' must be a financial year such as 2025/26 (April "
	 "2025 to March 2026), not '2025/2a'"},
	{MONEY_YEAR("[2024]"), "type", 11, 11,
	 "'year' must be a financial year such as 2025/26, not a list"},
	{MONEY_KIND("outtrun"), "enum", 13, 11,
	 "'outtrun' is not a valid money kind (did you mean 'outturn'?)"},
	{MONEY_KIND("spending"), "enum", 13, 11,
	 "'spending' is not a valid money kind: use one of allocation, "
	 "budget, outturn, contract-value"},
	{MONEY_KIND("contract-value"), "money-kind", 13, 11,
	 "'contract-value' is for contracts: a body's money is an "
	 "allocation, a budget or an outturn"},
	{CONTRACT_HEAD TH_SOURCES "money:\n  - year: 2024/25\n    gbp: 5\n"
	 "    kind: outturn\n    source: https://example.org/doc\n",
	 "money-kind", 13, 11,
	 "a contract's money is of kind contract-value, not 'outturn'"},
	{MONEY_SOURCE("https://example.org/other"), "money-source", 14, 13,
	 "money source 'https://example.org/other' is not the url of any of "
	 "this body's sources: cite the source under 'sources' and give its "
	 "url here"},
	{BODY "money:\n  - year: 2024/25\n    gbp: 5\n    kind: budget\n",
	 "missing-key", 11, 5, "money entry is missing 'source'"},
	{MONEY_GBP("5") "    amount: 5\n", "unknown-key", 15, 5,
	 "unknown key 'amount' in a money entry"},
	{MONEY_GBP("5") "  - year: 2024/25\n    gbp: 6\n    kind: outturn\n"
	 "    source: https://example.org/doc\n",
	 "duplicate-money", 15, 5,
	 "two money entries for 2024/25 of kind outturn (the first at line "
	 "11): give one figure per year and kind"},
	{BODY "money: 5\n", "type", 10, 8, "'money' must be a list, not a value"},
	/* the keys money replaced: one error, showing the new form */
	{BODY "spend_gbp: 1_250\nspend_year: 2023/24\n", "old-money", 10, 12,
	 "'spend_gbp' is no longer read: public money is a series, one entry "
	 "per financial year and kind; write 'money: [{year: 2023/24, gbp: "
	 "1_250, kind: allocation|budget|outturn, source: <the url of one of "
	 "this entity's sources>}]'"},
	{BODY "spend_year: 2024/25\n", "old-money", 10, 13,
	 "'spend_year' is no longer read: public money is a series, one entry "
	 "per financial year and kind; write 'money: [{year: 2024/25, gbp: "
	 "<whole pounds>, kind: allocation|budget|outturn, source: <the url "
	 "of one of this entity's sources>}]'"},
	{BODY "spend_gbp: lots\n", "old-money", 10, 12,
	 "'spend_gbp' is no longer read: public money is a series, one entry "
	 "per financial year and kind; write 'money: [{year: <such as "
	 "2024/25>, gbp: <whole pounds>, kind: allocation|budget|outturn, "
	 "source: <the url of one of this entity's sources>}]'"},
	/* dates marked unknown need notes */
	{BODY "valid: {from: unknown}\n", "unknown-date", 10, 8,
	 "body 'x' has a date 'unknown' but no notes: say why the date is "
	 "not known and what is known"},
	{BODY "valid: {to: unknown}\n", "unknown-date", 10, 8,
	 "body 'x' has a date 'unknown' but no notes: say why the date is "
	 "not known and what is known"},
	/* a bounded unknown start: only beside `from: unknown`, a real
	 * date, not after `to`; still needs notes */
	{BODY "valid: {from: 2020-01-01, from_no_later_than: 2021-01-01}\n"
	 "notes: N.\n", "bound-exact", 10, 47,
	 "valid.from_no_later_than (2021-01-01) is only for a start the "
	 "sources do not give, but valid.from is 2020-01-01: keep the exact "
	 "date and remove the bound, or write 'from: unknown' if no source "
	 "gives that day"},
	{BODY "valid: {from_no_later_than: 2021-01-01}\nnotes: N.\n",
	 "bound-exact", 10, 29,
	 "valid.from_no_later_than (2021-01-01) needs 'from: unknown' beside "
	 "it: it bounds a start the sources do not give"},
	{BODY "valid: {from: unknown, from_no_later_than: 2021-02-30}\n"
	 "notes: N.\n", "date", 10, 44,
	 "'2021-02-30' in 'valid.from_no_later_than' is not a real calendar "
	 "date (1800-01-01 to 2199-12-31)"},
	{BODY "valid: {from: unknown, from_no_later_than: soon}\nnotes: N.\n",
	 "date", 10, 44,
	 "'soon' in 'valid.from_no_later_than' is not a date: write "
	 "YYYY-MM-DD (or unknown, with notes saying what is known)"},
	{BODY "valid: {from: unknown, from_no_later_than: 2021-01-01, to: "
	 "2020-01-01}\nnotes: N.\n", "valid-order", 10, 44,
	 "valid.from_no_later_than (2021-01-01) is after valid.to "
	 "(2020-01-01): give the latest day a source shows it existing, "
	 "which is before its end"},
	{BODY "valid: {from: unknown, from_no_later_than: 2021-01-01}\n",
	 "unknown-date", 10, 8,
	 "body 'x' has a date 'unknown' but no notes: say why the date is "
	 "not known and what is known"},
	{BODY "valid: {from: unknown, from_no_latter_than: 2021-01-01}\n"
	 "notes: N.\n", "unknown-key", 10, 24,
	 "unknown key 'from_no_latter_than' in 'valid' (did you mean "
	 "'from_no_later_than'?)"},
	{BODY "valid: {from: unknwn}\nnotes: N.\n", "date", 10, 15,
	 "'unknwn' in 'valid.from' is not a date: write YYYY-MM-DD (or "
	 "unknown, with notes saying what is known)"},
	/* time-bound types must say when they began */
	{"kind: body\nid: x\nname: X\ntype: company\nregion: england\n"
	 TH_SOURCES, "undated", 2, 5,
	 "body 'x' has no valid.from, but its type 'company' exists only for "
	 "a time: give 'valid: {from: YYYY-MM-DD}' from a source, or 'valid: "
	 "{from: unknown}' with notes saying what is known"},
	{BODY "meets_in_public: yes\n", "bool", 10, 18,
	 "'meets_in_public' must be true or false, not 'yes'"},
	{BODY "publishes_papers: \"true\"\n", "bool", 10, 19,
	 "'publishes_papers' must be true or false without quotes (quoted, "
	 "'true' is text)"},
	{BODY "notes: [a]\n", "type", 10, 8, "'notes' must be text, not a list"},
	{BODY "valid: {from: 2022-7-1}\n", "date", 10, 15,
	 "'2022-7-1' in 'valid.from' is not a date: write YYYY-MM-DD (or "
	 "unknown, with notes saying what is known) (did you mean "
	 "2022-07-01?)"},
	{BODY "valid: {from: 2023-02-29}\n", "date", 10, 15,
	 "'2023-02-29' in 'valid.from' is not a real calendar date "
	 "(1800-01-01 to 2199-12-31)"},
	{BODY "valid: {to: 2200-01-01}\n", "date", 10, 13,
	 "'2200-01-01' in 'valid.to' is not a real calendar date (1800-01-01 "
	 "to 2199-12-31)"},
	{BODY "valid: {from: 2021-01-01, to: 2020-01-01}\n", "valid-order", 10,
	 31, "valid.to (2020-01-01) is before valid.from (2021-01-01)"},
	{BODY "valid: 2020\n", "type", 10, 8,
	 "'valid' must be a mapping, not a value"},
	{BODY "codes: {ons: X123}\n", "code", 10, 14,
	 "'X123' is not a valid ons code (a GSS code: a letter and 8 digits, "
	 "such as E54000057)"},
	{BODY "codes: {ods: qop}\n", "code", 10, 14,
	 "'qop' is not a valid ods code (3 to 6 upper-case letters and "
	 "digits, such as QOP)"},
	{BODY "codes: {Bad: x}\n", "code-scheme", 10, 9,
	 "'Bad' is not a code scheme name (use ons, ods or another lower-case "
	 "name)"},
	{BODY "codes: [a]\n", "type", 10, 8,
	 "'codes' must be a mapping, not a list"},
	{BODY "suppress: [{rule: nosanction, reason: ok}]\n", "rule-id", 10, 19,
	 "'nosanction' is not a rule id: write scope/name, such as "
	 "core/no-sanction"},
	{BODY "suppress: [{rule: core/x}]\n", "missing-key", 10, 12,
	 "suppression is missing 'reason': say why the exception was "
	 "accepted"},
	{BODY "replaces: Not_An_Id\n", "id-syntax", 10, 11,
	 "'Not_An_Id' is not a valid id: use lower-case letters, digits and "
	 "single hyphens, at most 128 characters"},
	/* bodies: unknown keys */
	{BODY "nmae: X2\n", "unknown-key", 10, 1,
	 "unknown key 'nmae' in a body (did you mean 'name'?)"},
	{BODY "mony: 5\n", "unknown-key", 10, 1,
	 "unknown key 'mony' in a body (did you mean 'money'?)"},
	{BODY "headquarters: London\n", "unknown-key", 10, 1,
	 "unknown key 'headquarters' in a body"},
	{BODY "provider: b\n", "unknown-key", 10, 1,
	 "unknown key 'provider' in a body"},
	{BODY "\"a\\tb\": 1\n", "unknown-key", 10, 1,
	 "unknown key 'a\\x09b' in a body"},
	{BODY "valid: {form: 2020-01-01}\n", "unknown-key", 10, 9,
	 "unknown key 'form' in 'valid' (did you mean 'from'?)"},
	/* bodies: base fields */
	{"kind: body\nid: x\nname: \"  \"\ntype: local-authority\n"
	 "region: england\n" TH_SOURCES,
	 "empty", 3, 7, "'name' must not be empty"},
	{"kind: body\nid: x\nname: [a]\ntype: local-authority\n"
	 "region: england\n" TH_SOURCES,
	 "type", 3, 7, "'name' must be text, not a list"},
	{"kind: body\nid: x\nname: ~\ntype: local-authority\n"
	 "region: england\n" TH_SOURCES,
	 "missing-key", 3, 7, "body is missing 'name'"},
	{"kind: body\nid: x\nname: X\ntype: Local Authority\n"
	 "region: england\n" TH_SOURCES,
	 "id-syntax", 4, 7,
	 "'Local Authority' is not a valid type name: use lower-case "
	 "letters, digits and single hyphens, at most 128 characters"},
	{"kind: body\nid: x\nname: X\ntype: local-authority\n"
	 "region: England\n" TH_SOURCES,
	 "region", 5, 9,
	 "'England' is not a region path: write lower-case names separated "
	 "by '/', such as england/greater-manchester"},
	{"kind: body\nid: x\nname: X\ntype: local-authority\n"
	 "region: england//x\n" TH_SOURCES,
	 "region", 5, 9,
	 "'england//x' is not a region path: write lower-case names "
	 "separated by '/', such as england/greater-manchester"},
	{BODY_HEAD "sources: {url: x}\n", "type", 6, 10,
	 "'sources' must be a list, not a mapping"},
	{BODY_HEAD "sources: []\n", "no-source", 6, 10,
	 "'sources' is empty: cite at least one source (url, title, "
	 "accessed)"},
	{BODY_HEAD "sources:\n  - https://example.org/\n", "type", 7, 5,
	 "'a source' must be a mapping, not a value"},
	{BODY_HEAD "sources:\n  - url: ftp://example.org/\n    title: T\n"
		   "    accessed: 2024-01-01\n",
	 "url", 7, 10,
	 "'ftp://example.org/' is not a usable source URL: it must start "
	 "with https:// or http:// and contain no spaces, quotes or angle "
	 "brackets"},
	{BODY_HEAD "sources:\n  - url: https://example.org/a b\n    title: T\n"
		   "    accessed: 2024-01-01\n",
	 "url", 7, 10,
	 "'https://example.org/a b' is not a usable source URL: it must "
	 "start with https:// or http:// and contain no spaces, quotes or "
	 "angle brackets"},
	{BODY_HEAD "sources:\n  - url: https://example.org/\n"
		   "    accessed: 2024-01-01\n",
	 "missing-key", 7, 5, "source is missing 'title'"},
	{BODY_HEAD "sources:\n  - url: https://example.org/\n    title: T\n"
		   "    accessed: 2024-13-01\n",
	 "date", 9, 15,
	 "'2024-13-01' in 'accessed' is not a real calendar date (1800-01-01 "
	 "to 2199-12-31)"},
	{BODY "    note: n\n", "unknown-key", 10, 5,
	 "unknown key 'note' in a source (did you mean 'notes'?)"},
	/* documents and kinds */
	{"- a\n- b\n", "document", 1, 1,
	 "a registry document must be a mapping with 'kind' and 'id', not a "
	 "list"},
	{"id: x\nname: X\n", "missing-key", 1, 1,
	 "entity is missing 'kind' (body, board, contract or link)"},
	{"kind: bodi\nid: x\n", "enum", 1, 7,
	 "'bodi' is not a valid kind (did you mean 'body'?)"},
	{"kind: thing\nid: x\n", "enum", 1, 7,
	 "'thing' is not a valid kind: use one of body, board, contract, "
	 "link"},
	/* links: enums */
	{LINK_HEAD TH_SOURCES "forum: politcal\n", "enum", 11, 8,
	 "'politcal' is not a valid forum (did you mean 'political'?)"},
	{LINK_HEAD TH_SOURCES "forum: tv\n", "enum", 11, 8,
	 "'tv' is not a valid forum: use one of political, legal, "
	 "administrative, professional, social"},
	{LINK_HEAD TH_SOURCES "powers: [inform, sanctions]\n", "enum", 11, 18,
	 "'sanctions' is not a valid power (did you mean 'sanction'?)"},
	{LINK_HEAD TH_SOURCES "powers: [inform, inform]\n", "duplicate-power",
	 11, 18, "power 'inform' is listed twice"},
	{LINK_HEAD TH_SOURCES "powers: inform\n", "type", 11, 9,
	 "'powers' must be a list, not a value"},
	{"kind: link\nid: l\ntype: reports-to\nfrom: a\nto: b\nbasis: xyz\n"
		TH_SOURCES,
	 "enum", 6, 8,
	 "'xyz' is not a valid basis: use one of statute, regulation, "
	 "contract, guidance, voluntary, none"},
	{"kind: link\nid: l\ntype: reports-to\nfrom: a\nto: b\n"
	 "basis: statue\n" TH_SOURCES,
	 "enum", 6, 8, "'statue' is not a valid basis (did you mean 'statute'?)"},
	{LINK_HEAD TH_SOURCES "name: L\nregion: england\nspend_gbp: 1\n",
	 "unknown-key", 13, 1,
	 "unknown key 'spend_gbp' in a link"},
	/* boards and seats */
	{BOARD_SEATS "  - role: chair\n", "seat-fill", 11, 5,
	 "seat 'chair' does not say how it is filled: give elected_by, "
	 "appointed_by, nominated_by, ex_officio: true, or fill_unstated: "
	 "true where the source does not say"},
	{BOARD_SEATS "  - role: chair\n    fill_unstated: true\n", "seat-fill",
	 12, 20,
	 "seat 'chair' has fill_unstated: true but no notes: say which source "
	 "creates the seat and what it leaves unsaid"},
	{BOARD_SEATS "  - role: chair\n    appointed_by: a\n"
		     "    fill_unstated: true\n    notes: n\n",
	 "seat-fill", 13, 20,
	 "a seat is filled one way: 'appointed_by' and 'fill_unstated' are "
	 "both given"},
	{BOARD_SEATS "  - role: chair\n    fill_unstated: maybe\n", "bool", 12,
	 20, "'fill_unstated' must be true or false, not 'maybe'"},
	{BOARD_SEATS "  - role: chair\n    appointed_by: a\n"
		     "    nominated_by: b\n",
	 "seat-fill", 13, 19,
	 "a seat is filled one way: 'appointed_by' and 'nominated_by' are "
	 "both given"},
	{BOARD_SEATS "  - role: chair\n    appointed_by: a\n"
		     "    ex_officio: true\n",
	 "seat-fill", 13, 17,
	 "a seat is filled one way: 'appointed_by' and 'ex_officio' are both "
	 "given"},
	{BOARD_SEATS "  - role: chair\n    count: 0\n    appointed_by: a\n",
	 "count", 12, 12,
	 "'count' must be a whole number from 1 to 1000, not '0'"},
	{BOARD_SEATS "  - role: chair\n    count: 1001\n    appointed_by: a\n",
	 "count", 12, 12,
	 "'count' must be a whole number from 1 to 1000, not '1001'"},
	{BOARD_SEATS "  - role: chair\n    count: two\n    appointed_by: a\n",
	 "count", 12, 12,
	 "'count' must be a whole number from 1 to 1000, not 'two'"},
	{BOARD_SEATS "  - role: chair\n    count: 2\n    vacant: 3\n"
		     "    appointed_by: a\n",
	 "vacant", 13, 13, "seat 'chair' has 3 vacancies but only 2 seats"},
	{BOARD_SEATS "  - role: chair\n    ex_officio: yes\n", "bool", 12, 17,
	 "'ex_officio' must be true or false, not 'yes'"},
	{BOARD_SEATS "  - appointed_by: a\n", "missing-key", 11, 5,
	 "seat is missing 'role'"},
	{BOARD_SEATS "  - role: chair\n    appointed_by: a\n    votingg: true\n",
	 "unknown-key", 13, 5,
	 "unknown key 'votingg' in a seat (did you mean 'voting'?)"},
	{BOARD_SEATS "  - chair\n", "type", 11, 5,
	 "'a seat' must be a mapping, not a value"},
	{BOARD_HEAD TH_SOURCES "seats: chair\n", "type", 10, 8,
	 "'seats' must be a list, not a value"},
	{BOARD_HEAD TH_SOURCES "joint: [a, b]\n", "board-owner", 10, 8,
	 "board has both 'of' and 'joint': use one"},
	{"kind: board\nid: bd\nname: Board\ntype: board\n" TH_SOURCES,
	 "missing-key", 1, 1,
	 "board must say whose it is: give 'of' (one body) or 'joint' "
	 "(several)"},
	/* contracts */
	{CONTRACT_HEAD TH_SOURCES "start: 2024-01-01\nend: 2023-01-01\n",
	 "valid-order", 11, 6, "contract 'end' is before 'start'"},
	{CONTRACT_HEAD TH_SOURCES "tendered: maybe\n", "bool", 10, 11,
	 "'tendered' must be true or false, not 'maybe'"},
	{CONTRACT_HEAD TH_SOURCES "value_gbp: 1,000\n", "money", 10, 12,
	 "'value_gbp' must be a whole number of pounds such as 1250000000 or "
	 "1_250_000_000, not '1,000' (did you mean 1_000?)"},
	{CONTRACT_HEAD TH_SOURCES "services: [\"\"]\n", "empty", 10, 12,
	 "'services' must not be empty"},
	{CONTRACT_HEAD TH_SOURCES "spend_gbp: 5\n", "unknown-key", 10, 1,
	 "unknown key 'spend_gbp' in a contract"},
	{CONTRACT_HEAD TH_SOURCES "start: 2024-02-30\n", "date", 10, 8,
	 "'2024-02-30' in 'start' is not a real calendar date (1800-01-01 to "
	 "2199-12-31)"},
};
#define NCASES ((int)(sizeof cases / sizeof cases[0]))

START_TEST(schema_one_error)
{
	const one_case *c = &cases[_i];
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(NULL, NULL, &d, &rc, "ab.yaml",
					     AB, "e.yaml", c->doc, NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_ptr_nonnull(reg);
	ck_assert_msg(d.n == 1, "case %d: want one %s:%s", _i, c->code,
		      th_dump(&d));
	const govmap_diag *g = &d.v[0];
	ck_assert_str_eq(g->code, c->code);
	ck_assert_int_eq(g->sev, GOVMAP_SEV_ERROR);
	ck_assert_msg(th_file_is(g, "/e.yaml"), "file %s", g->file);
	ck_assert_msg(g->line == c->line && g->col == c->col,
		      "case %d (%s): at %u:%u, want %u:%u", _i, c->code,
		      g->line, g->col, c->line, c->col);
	ck_assert_str_eq(g->msg, c->msg);
	ck_assert_uint_eq(d.count[GOVMAP_SEV_ERROR], 1);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* ---- a full, valid entity -------------------------------------------- */

START_TEST(schema_full_body)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "bodies/council.yaml",
		"kind: body\n"
		"id: council\n"
		"name: \"Greater Example Council\"\n"
		"type: local-authority\n"
		"region: england/greater-example\n"
		"notes: Some notes.\n"
		"statutory_basis: Local Government Act 1972\n"
		"legal_form: body corporate\n"
		"meets_in_public: true\n"
		"publishes_papers: false\n"
		"valid: {from: 1974-04-01, to: 2199-01-01}\n"
		"codes:\n  ons: E08000003\n  ods: QOP\n  other: X-1\n"
		"suppress:\n  - rule: core/no-sanction\n    reason: Because.\n"
		"sources:\n"
		"  - url: https://example.org/one\n"
		"    title: One\n"
		"    accessed: 2024-02-29\n"
		"  - url: http://example.org/two\n"
		"    title: Two\n"
		"    accessed: 2023-01-01\n"
		"    notes: second\n"
		"money:\n"
		"  - year: \"2099/00\"\n"
		"    gbp: 1_250_000_000\n"
		"    kind: budget\n"
		"    source: http://example.org/two\n"
		"    notes: a budget\n"
		"  - year: 2098/99\n"
		"    gbp: 0\n"
		"    kind: outturn\n"
		"    source: https://example.org/one\n",
		NULL);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	ck_assert_uint_eq(govmap_registry_count(reg), 1);
	ck_assert_uint_eq(govmap_registry_nfiles(reg), 1);
	const govmap_entity *e = govmap_registry_at(reg, 0);
	ck_assert_ptr_null(govmap_registry_at(reg, 1));
	ck_assert_int_eq(e->kind, GOVMAP_KIND_BODY);
	ck_assert_str_eq(e->id, "council");
	ck_assert_str_eq(e->name, "Greater Example Council");
	ck_assert_str_eq(e->type, "local-authority");
	ck_assert_str_eq(e->region, "england/greater-example");
	ck_assert_str_eq(e->notes, "Some notes.");
	ck_assert_str_eq(e->statutory_basis, "Local Government Act 1972");
	ck_assert_str_eq(e->legal_form, "body corporate");
	ck_assert_uint_eq(e->nmoney, 2);
	ck_assert_int_eq(e->money[0].gbp, 1250000000LL);
	ck_assert_int_eq(e->money[0].year, 2099); /* quoted, and across 2100 */
	ck_assert_int_eq(e->money[0].kind, GOVMAP_MONEY_BUDGET);
	/* the source is the entity's own string, not a copy */
	ck_assert_ptr_eq(e->money[0].source, e->sources[1].url);
	ck_assert_str_eq(e->money[0].notes, "a budget");
	ck_assert_uint_eq(e->money[0].pos.line, 28);
	ck_assert_int_eq(e->money[1].gbp, 0); /* zero is a known amount */
	ck_assert_int_eq(e->money[1].kind, GOVMAP_MONEY_OUTTURN);
	ck_assert_ptr_null(e->money[1].notes);
	ck_assert_int_eq(e->meets_in_public, GOVMAP_YES);
	ck_assert_int_eq(e->publishes_papers, GOVMAP_NO);
	ck_assert_int_eq(e->valid.from, 19740401);
	ck_assert_int_eq(e->valid.to, 21990101);
	ck_assert_uint_eq(e->ncodes, 3);
	ck_assert_str_eq(govmap_entity_code(e, "ons"), "E08000003");
	ck_assert_str_eq(govmap_entity_code(e, "ods"), "QOP");
	ck_assert_str_eq(govmap_entity_code(e, "other"), "X-1");
	ck_assert_ptr_null(govmap_entity_code(e, "nhs"));
	ck_assert_uint_eq(e->codes[0].pos.line, 13);
	ck_assert_uint_eq(e->codes[0].pos.col, 8);
	ck_assert_uint_eq(e->nsuppress, 1);
	ck_assert_str_eq(e->suppress[0].rule, "core/no-sanction");
	ck_assert_str_eq(e->suppress[0].reason, "Because.");
	ck_assert_uint_eq(e->suppress[0].pos.line, 17);
	ck_assert_uint_eq(e->nsources, 2);
	ck_assert_str_eq(e->sources[0].url, "https://example.org/one");
	ck_assert_str_eq(e->sources[0].title, "One");
	ck_assert_int_eq(e->sources[0].accessed, 20240229);
	ck_assert_uint_eq(e->sources[0].pos.line, 20);
	ck_assert_uint_eq(e->sources[0].pos.col, 5);
	ck_assert_str_eq(e->sources[1].url, "http://example.org/two");
	ck_assert_int_eq(e->sources[1].accessed, 20230101);
	/* positions: the mapping and the id */
	ck_assert_msg(strstr(e->pos.file, "/bodies/council.yaml") != NULL,
		      "%s", e->pos.file);
	ck_assert_uint_eq(e->pos.line, 1);
	ck_assert_uint_eq(e->pos.col, 1);
	ck_assert_ptr_eq(e->id_pos.file, e->pos.file);
	ck_assert_uint_eq(e->id_pos.line, 2);
	ck_assert_uint_eq(e->id_pos.col, 5);
	/* fields of other kinds keep their "unset" values */
	ck_assert_int_eq(e->value_gbp, -1);
	ck_assert_int_eq(e->tendered, GOVMAP_UNKNOWN);
	ck_assert_int_eq(e->of.target, -1);
	ck_assert_ptr_null(e->of.id);
	ck_assert_int_eq(e->from.target, -1);
	ck_assert_uint_eq(e->nseats, 0);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(schema_defaults)
{
	/* optional fields absent: unknown values, not "no" */
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(NULL, NULL, &d, NULL, "e.yaml",
					     BODY, NULL);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	const govmap_entity *e = govmap_registry_at(reg, 0);
	ck_assert_uint_eq(e->nmoney, 0);
	ck_assert_ptr_null(e->money);
	ck_assert_int_eq(e->meets_in_public, GOVMAP_UNKNOWN);
	ck_assert_int_eq(e->publishes_papers, GOVMAP_UNKNOWN);
	ck_assert_int_eq(e->valid.from, 0);
	ck_assert_int_eq(e->valid.to, 0);
	ck_assert_ptr_null(e->notes);
	ck_assert_ptr_null(e->replaces.id);
	ck_assert_int_eq(e->replaces.target, -1);
	ck_assert_int_eq(e->succeeded_by.target, -1);
	ck_assert_uint_eq(e->ncodes, 0);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(schema_link_fields)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "ab.yaml", AB, "l.yaml",
		LINK_HEAD TH_SOURCES
		"forum: administrative\npowers: [sanction, inform]\n"
		"valid: {from: 2020-01-01}\n",
		NULL);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	const govmap_entity *l = govmap_registry_find(reg, "l");
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->kind, GOVMAP_KIND_LINK);
	ck_assert_str_eq(l->type, "reports-to");
	ck_assert_ptr_null(l->name); /* optional for links */
	ck_assert_int_eq(l->forum, GOVMAP_FORUM_ADMINISTRATIVE);
	ck_assert_int_eq(l->basis, GOVMAP_BASIS_STATUTE);
	ck_assert_uint_eq(l->powers, GOVMAP_POWER_SANCTION | GOVMAP_POWER_INFORM);
	ck_assert_int_eq(l->valid.from, 20200101);
	ck_assert_str_eq(govmap_forum_name(l->forum), "administrative");
	ck_assert_str_eq(govmap_basis_name(l->basis), "statute");
	ck_assert_str_eq(govmap_kind_name(l->kind), "link");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(schema_seat_fill)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "ab.yaml", AB, "bd.yaml",
		BOARD_SEATS
		"  - role: chair\n    appointed_by: a\n    approved_by: b\n"
		"    voting: true\n    elected_member: false\n"
		"  - role: member\n    count: 5\n    vacant: 2\n"
		"    nominated_by: b\n    notes: n\n"
		"  - role: leader\n    ex_officio: true\n"
		"  - role: officer\n    count: 1000\n    vacant: 0\n"
		"    appointed_by: a\n"
		"    valid: {from: 2020-01-01, to: 2021-01-01}\n"
		"  - role: carer\n    count: 2\n    fill_unstated: true\n"
		"    notes: reg. 10 names the seat, not who fills it\n",
		NULL);
	/* seat validity is inside the (open) board period: no diagnostic */
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	const govmap_entity *b = govmap_registry_find(reg, "bd");
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(b->nseats, 5);
	const govmap_seat *s = &b->seats[0];
	ck_assert_str_eq(s->role, "chair");
	ck_assert_uint_eq(s->count, 1);
	ck_assert_int_eq(s->fill, GOVMAP_FILL_APPOINTED);
	ck_assert_str_eq(s->by.id, "a");
	ck_assert_int_eq(s->by.target, govmap_registry_index(reg, "a"));
	ck_assert_str_eq(s->approved_by.id, "b");
	ck_assert_int_eq(s->approved_by.target, govmap_registry_index(reg, "b"));
	ck_assert_int_eq(s->voting, GOVMAP_YES);
	ck_assert_int_eq(s->elected_member, GOVMAP_NO);
	ck_assert_uint_eq(s->pos.line, 11);
	ck_assert_uint_eq(s->pos.col, 5);
	s = &b->seats[1];
	ck_assert_int_eq(s->fill, GOVMAP_FILL_NOMINATED);
	ck_assert_uint_eq(s->count, 5);
	ck_assert_uint_eq(s->vacant, 2);
	ck_assert_str_eq(s->notes, "n");
	ck_assert_int_eq(s->voting, GOVMAP_UNKNOWN);
	ck_assert_int_eq(s->approved_by.target, -1);
	s = &b->seats[2];
	ck_assert_int_eq(s->fill, GOVMAP_FILL_EX_OFFICIO);
	ck_assert_ptr_null(s->by.id);
	ck_assert_int_eq(s->by.target, -1);
	s = &b->seats[3];
	ck_assert_uint_eq(s->count, 1000);
	ck_assert_int_eq(s->valid.from, 20200101);
	ck_assert_int_eq(s->valid.to, 20210101);
	s = &b->seats[4];
	ck_assert_int_eq(s->fill, GOVMAP_FILL_UNSTATED);
	ck_assert_uint_eq(s->count, 2);
	ck_assert_ptr_null(s->by.id);
	ck_assert_int_eq(s->by.target, -1);
	ck_assert_str_eq(govmap_fill_name(GOVMAP_FILL_UNSTATED), "unstated");
	ck_assert_str_eq(govmap_fill_name(GOVMAP_FILL_EX_OFFICIO),
			 "ex officio");
	ck_assert_str_eq(govmap_fill_name(GOVMAP_FILL_ELECTED), "elected");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(schema_seat_three_fills)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "ab.yaml", AB, "bd.yaml",
		BOARD_SEATS "  - role: chair\n    appointed_by: a\n"
			    "    nominated_by: b\n    ex_officio: true\n",
		NULL);
	ck_assert_msg(th_count(&d, "seat-fill") == 2, "%s", th_dump(&d));
	ck_assert_uint_eq(d.n, 2);
	ck_assert_str_eq(th_find(&d, "seat-fill", 0)->msg,
			 "a seat is filled one way: 'appointed_by' and "
			 "'nominated_by' are both given");
	ck_assert_str_eq(th_find(&d, "seat-fill", 1)->msg,
			 "a seat is filled one way: 'appointed_by' and "
			 "'ex_officio' are both given");
	ck_assert_uint_eq(th_find(&d, "seat-fill", 1)->line, 14);
	/* the first way given is kept */
	const govmap_entity *b = govmap_registry_find(reg, "bd");
	ck_assert_int_eq(b->seats[0].fill, GOVMAP_FILL_APPOINTED);
	ck_assert_str_eq(b->seats[0].by.id, "a");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* ---- required fields ------------------------------------------------- */

static void expect_missing(const govmap_diags *d, const char *msg,
			   uint32_t line, uint32_t col)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[i].msg, msg) == 0) {
			ck_assert_msg(d->v[i].line == line && d->v[i].col == col,
				      "'%s' at %u:%u, want %u:%u", msg,
				      d->v[i].line, d->v[i].col, line, col);
			ck_assert_int_eq(d->v[i].sev, GOVMAP_SEV_ERROR);
			return;
		}
	ck_abort_msg("no '%s' in:%s", msg, th_dump(d));
}

START_TEST(schema_required_body)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(NULL, NULL, &d, NULL, "e.yaml",
					     "kind: body\nid: x\n", NULL);
	ck_assert_msg(d.n == 4, "%s", th_dump(&d));
	ck_assert_uint_eq(th_count(&d, "missing-key"), 3);
	ck_assert_uint_eq(th_count(&d, "no-source"), 1);
	expect_missing(&d, "body is missing 'name'", 1, 1);
	expect_missing(&d, "body is missing 'type'", 1, 1);
	expect_missing(&d, "body is missing 'region'", 1, 1);
	expect_missing(&d, "body has no 'sources': every entry must cite a "
			   "source (url, title, accessed)",
		       1, 1);
	/* the entity is kept: it has an id */
	ck_assert_uint_eq(govmap_registry_count(reg), 1);
	ck_assert_ptr_nonnull(govmap_registry_find(reg, "x"));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(schema_required_other_kinds)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "e.yaml",
		"kind: link\nid: l\n" TH_SOURCES
		"---\n"
		"kind: contract\nid: c\n" TH_SOURCES
		"---\n"
		"kind: board\nid: bd\n" TH_SOURCES,
		NULL);
	/* link: line 1; contract: line 8; board: line 15 */
	expect_missing(&d, "link is missing 'type'", 1, 1);
	expect_missing(&d, "link is missing 'from'", 1, 1);
	expect_missing(&d, "link is missing 'to'", 1, 1);
	expect_missing(&d, "link is missing 'basis'", 1, 1);
	expect_missing(&d, "contract is missing 'name'", 8, 1);
	expect_missing(&d, "contract is missing 'commissioner'", 8, 1);
	expect_missing(&d, "contract is missing 'provider'", 8, 1);
	expect_missing(&d, "board is missing 'name'", 15, 1);
	expect_missing(&d, "board must say whose it is: give 'of' (one body) "
			   "or 'joint' (several)",
		       15, 1);
	ck_assert_msg(d.n == 9, "%s", th_dump(&d));
	ck_assert_uint_eq(govmap_registry_count(reg), 3);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(schema_missing_id_drops_entity)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "e.yaml",
		"kind: body\nname: X\ntype: company\nregion: england\n"
		TH_SOURCES
		"---\n"
		"kind: body\nid: Bad_Id\nname: X\ntype: company\n"
		"region: england\n" TH_SOURCES
		"---\n"
		"kind: nope\nid: y\n"
		"---\n"
		"---\n" BODY,
		NULL);
	expect_missing(&d, "body is missing 'id'", 1, 1);
	ck_assert_uint_eq(th_count(&d, "id-syntax"), 1);
	ck_assert_uint_eq(th_find(&d, "id-syntax", 0)->line, 11);
	ck_assert_uint_eq(th_count(&d, "enum"), 1);
	ck_assert_msg(d.n == 3, "%s", th_dump(&d));
	/* only the last document became an entity; the empty one is
	 * skipped without a diagnostic */
	ck_assert_uint_eq(govmap_registry_count(reg), 1);
	ck_assert_str_eq(govmap_registry_at(reg, 0)->id, "x");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(schema_ytree_errors_reach_load)
{
	/* syntax-layer errors are reported through the loader, with the
	 * file's display path, and complete documents still load */
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "a.yaml",
		BODY "---\nkind: body\nid: y\nid: z\n", "b.yaml",
		"kind: &k body\n", NULL);
	ck_assert_uint_eq(th_count(&d, "duplicate-key"), 1);
	const govmap_diag *g = th_find(&d, "duplicate-key", 0);
	ck_assert(th_file_is(g, "/a.yaml"));
	ck_assert_uint_eq(g->line, 13);
	ck_assert_uint_eq(g->col, 1);
	ck_assert_uint_eq(th_count(&d, "yaml-anchor"), 1);
	ck_assert(th_file_is(th_find(&d, "yaml-anchor", 0), "/b.yaml"));
	ck_assert_ptr_nonnull(govmap_registry_find(reg, "x"));
	ck_assert_uint_eq(govmap_registry_nfiles(reg), 2);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* ---- manifest -------------------------------------------------------- */

static const govmap_diag *manifest_sub(const char *sub,
				       const char *manifest, govmap_diags *d,
				       govmap_registry **reg,
				       const char *code)
{
	int rc;
	*reg = th_load_files(sub, NULL, d, &rc, "govmap.yaml", manifest,
			     NULL);
	ck_assert_int_eq(rc, GOVMAP_OK);
	ck_assert_ptr_nonnull(*reg);
	ck_assert_msg(d->n == 1 && strcmp(d->v[0].code, code) == 0,
		      "want one %s:%s", code, th_dump(d));
	ck_assert(th_file_is(&d->v[0], "/govmap.yaml"));
	ck_assert_int_eq(d->v[0].sev, GOVMAP_SEV_ERROR);
	return &d->v[0];
}

static const govmap_diag *manifest_one(const char *manifest,
				       govmap_diags *d, govmap_registry **reg,
				       const char *code)
{
	return manifest_sub(NULL, manifest, d, reg, code);
}

START_TEST(manifest_valid)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "govmap.yaml",
		"schema: 1\nname: England\ndescription: All of it.\n"
		"plugins: [england-ics, wales-rpb]\n"
		"limits:\n  max_file_bytes: 67108864\n"
		"  max_total_bytes: 4294967296\n  max_files: 2000000\n"
		"  max_depth: 256\n  max_entities: 10000000\n",
		"e.yaml", BODY, NULL);
	ck_assert_msg(d.n == 0, "unexpected:%s", th_dump(&d));
	ck_assert_str_eq(govmap_registry_name(reg), "England");
	ck_assert_uint_eq(govmap_registry_nplugins(reg), 2);
	ck_assert_str_eq(govmap_registry_plugin(reg, 0), "england-ics");
	ck_assert_str_eq(govmap_registry_plugin(reg, 1), "wales-rpb");
	ck_assert_ptr_null(govmap_registry_plugin(reg, 2));
	ck_assert_uint_eq(govmap_registry_count(reg), 1);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(manifest_schema_version)
{
	govmap_diags d = {0};
	govmap_registry *reg;
	const govmap_diag *g =
		manifest_one("schema: 2\nname: X\n", &d, &reg, "schema");
	ck_assert_str_eq(g->msg, "schema version 2 is not supported by this "
				 "govmap (it reads version 1)");
	ck_assert_uint_eq(g->line, 1);
	ck_assert_uint_eq(g->col, 9);
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("schema: 0\nname: X\n", &d, &reg, "count");
	ck_assert_str_eq(g->msg,
			 "'schema' must be a whole number from 1 to 1000, not "
			 "'0'");
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("schema: one\nname: X\n", &d, &reg, "count");
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("name: X\n", &d, &reg, "missing-key");
	ck_assert_str_eq(g->msg, "the manifest is missing 'schema'");
	ck_assert_uint_eq(g->line, 1);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(manifest_errors)
{
	govmap_diags d = {0};
	govmap_registry *reg;
	const govmap_diag *g =
		manifest_one("schema: 1\n", &d, &reg, "missing-key");
	ck_assert_str_eq(g->msg, "the manifest is missing 'name'");
	ck_assert_str_eq(govmap_registry_name(reg), "(unnamed registry)");
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("schema: 1\nname: X\nplugin: [a]\n", &d, &reg,
			 "unknown-key");
	ck_assert_str_eq(g->msg, "unknown key 'plugin' in the manifest (did "
				 "you mean 'plugins'?)");
	ck_assert_uint_eq(g->line, 3);
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("- schema\n", &d, &reg, "manifest");
	ck_assert_str_eq(g->msg, "govmap.yaml must be a mapping with 'schema' "
				 "and 'name'");
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("", &d, &reg, "manifest");
	ck_assert_str_eq(g->msg, "govmap.yaml is empty: give 'schema: 1' and "
				 "'name'");
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("schema: 1\nname: X\n---\nschema: 1\n", &d, &reg,
			 "manifest");
	ck_assert_str_eq(g->msg, "govmap.yaml must hold one document");
	ck_assert_uint_eq(g->line, 4);
	ck_assert_str_eq(govmap_registry_name(reg), "X");
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("schema: 1\nname: X\nplugins: [good, Bad]\n", &d,
			 &reg, "id-syntax");
	ck_assert_uint_eq(g->line, 3);
	ck_assert_uint_eq(g->col, 17);
	ck_assert_uint_eq(govmap_registry_nplugins(reg), 1);
	ck_assert_str_eq(govmap_registry_plugin(reg, 0), "good");
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	g = manifest_one("schema: 1\nname: X\nplugins: good\n", &d, &reg,
			 "type");
	ck_assert_str_eq(g->msg, "'plugins' must be a list, not a value");
	ck_assert_uint_eq(govmap_registry_nplugins(reg), 0);
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(manifest_missing)
{
	govmap_diags d = {0};
	govmap_registry *reg = (govmap_registry *)&d; /* must be reset */
	govmap_src *src;
	th_write(th_dir, "e.yaml", BODY);
	ck_assert_int_eq(govmap_src_open_dir(&src, th_dir, NULL, &d),
			 GOVMAP_OK);
	ck_assert_int_eq(govmap_registry_load(&reg, src, NULL, &d),
			 GOVMAP_ENOTFOUND);
	ck_assert_ptr_null(reg);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].code, "no-manifest");
	ck_assert(th_file_is(&d.v[0], "/govmap.yaml"));
	ck_assert_uint_eq(d.v[0].line, 0);
	govmap_src_free(src);
	govmap_diags_free(&d);
}
END_TEST

/* limits: each key at its ceiling is accepted, one above is refused */
static const struct {
	const char *key;
	const char *max;
	const char *over;
} ceilings[] = {
	{"max_file_bytes", "67108864", "67108865"},
	{"max_total_bytes", "4294967296", "4294967297"},
	{"max_files", "2000000", "2000001"},
	{"max_depth", "256", "257"},
	{"max_entities", "10000000", "10000001"},
};

START_TEST(manifest_limit_ceilings)
{
	char manifest[256], want[128];
	govmap_diags d = {0};
	govmap_registry *reg;
	int rc;
	const char *key = ceilings[_i].key;
	static const char *const bad[] = {"0", "-1", "abc", "1.5", "", NULL};

	snprintf(manifest, sizeof manifest,
		 "schema: 1\nname: X\nlimits:\n  %s: %s\n", key,
		 ceilings[_i].max);
	reg = th_load_files("ok", NULL, &d, &rc, "govmap.yaml", manifest,
			    NULL);
	ck_assert_msg(d.n == 0, "%s at ceiling:%s", key, th_dump(&d));
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	snprintf(want, sizeof want, "'%s' must be a whole number from 1 to %s",
		 key, ceilings[_i].max);
	snprintf(manifest, sizeof manifest,
		 "schema: 1\nname: X\nlimits:\n  %s: %s\n", key,
		 ceilings[_i].over);
	const govmap_diag *g = manifest_sub("over", manifest, &d, &reg,
					    "limit");
	ck_assert_str_eq(g->msg, want);
	ck_assert_uint_eq(g->line, 4);
	ck_assert_uint_eq(g->col, strlen(key) + 5);
	govmap_registry_free(reg);
	govmap_diags_free(&d);

	for (int i = 0; bad[i]; i++) {
		char sub[16];
		snprintf(sub, sizeof sub, "bad%d", i);
		snprintf(manifest, sizeof manifest,
			 "schema: 1\nname: X\nlimits:\n  %s: \"%s\"\n", key,
			 bad[i]);
		reg = th_load_files(sub, NULL, &d, &rc, "govmap.yaml",
				    manifest, NULL);
		ck_assert_msg(d.n == 1 && th_count(&d, "limit") == 1,
			      "%s: '%s':%s", key, bad[i], th_dump(&d));
		ck_assert_str_eq(d.v[0].msg, want);
		govmap_registry_free(reg);
		govmap_diags_free(&d);
	}
}
END_TEST

START_TEST(manifest_limits_other)
{
	govmap_diags d = {0};
	govmap_registry *reg;
	const govmap_diag *g = manifest_one(
		"schema: 1\nname: X\nlimits:\n  max_dept: 10\n", &d, &reg,
		"unknown-key");
	ck_assert_str_eq(g->msg, "unknown key 'max_dept' in 'limits' (did you "
				 "mean 'max_depth'?)");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
	g = manifest_one("schema: 1\nname: X\nlimits: [1]\n", &d, &reg,
			 "type");
	ck_assert_str_eq(g->msg, "'limits' must be a mapping, not a list");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
	g = manifest_one("schema: 1\nname: X\nlimits:\n  max_files: [1]\n",
			 &d, &reg, "type");
	ck_assert_str_eq(g->msg, "'max_files' must be a number, not a list");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(manifest_limits_applied)
{
	/* a raised or lowered limit in the manifest applies to the files */
	char big[300];
	govmap_diags d = {0};
	memset(big, '#', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "govmap.yaml",
		"schema: 1\nname: X\nlimits:\n  max_file_bytes: 250\n"
		"  max_depth: 3\n  max_entities: 2\n",
		"a.yaml", big, "b.yaml",
		"kind: body\nid: deep\nx:\n  y:\n    z:\n      w: 1\n",
		"c.yaml",
		"kind: body\nid: x1\n---\nkind: body\nid: x2\n---\n"
		"kind: body\nid: x3\n",
		NULL);
	const govmap_diag *g = th_find(&d, "limit-file-size", 0);
	ck_assert_msg(g != NULL, "no limit-file-size:%s", th_dump(&d));
	ck_assert(th_file_is(g, "/a.yaml"));
	ck_assert_str_eq(g->msg, "file is 299 bytes, over the limit of 250 "
				 "(raise limits.max_file_bytes in govmap.yaml "
				 "if this is intended)");
	g = th_find(&d, "limit-depth", 0);
	ck_assert_ptr_nonnull(g);
	ck_assert(th_file_is(g, "/b.yaml"));
	ck_assert_uint_eq(g->line, 6);
	ck_assert_uint_eq(g->col, 7);
	ck_assert_str_eq(g->msg, "nesting deeper than 3 levels");
	g = th_find(&d, "limit-entities", 0);
	ck_assert_ptr_nonnull(g);
	ck_assert(th_file_is(g, "/c.yaml"));
	ck_assert_uint_eq(g->line, 7);
	ck_assert_str_eq(g->msg, "more than 2 entities in the registry");
	ck_assert_uint_eq(govmap_registry_count(reg), 2);
	ck_assert_ptr_nonnull(govmap_registry_find(reg, "x2"));
	ck_assert_ptr_null(govmap_registry_find(reg, "x3"));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(manifest_max_files)
{
	govmap_diags d = {0};
	int rc;
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, &rc, "govmap.yaml",
		"schema: 1\nname: X\nlimits:\n  max_files: 2\n", "a.yaml",
		"kind: body\nid: a\n", "b.yaml", "kind: body\nid: b\n",
		"c.yaml", "kind: body\nid: c\n", NULL);
	ck_assert_int_eq(rc, GOVMAP_ELIMIT);
	ck_assert_ptr_nonnull(reg);
	const govmap_diag *g = th_find(&d, "limit-files", 0);
	ck_assert_msg(g != NULL, "%s", th_dump(&d));
	ck_assert_str_eq(g->msg, "more than 2 files in the registry");
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

/* ---- helpers exported by ytree.h for the schema ---------------------- */

START_TEST(schema_id_syntax)
{
	char id[200];
	ck_assert(govmap__id_valid("a"));
	ck_assert(govmap__id_valid("nhs-england"));
	ck_assert(govmap__id_valid("e08000003"));
	ck_assert(govmap__id_valid("1a-2b"));
	memset(id, 'a', 128);
	id[128] = '\0';
	ck_assert(govmap__id_valid(id));
	id[128] = 'a';
	id[129] = '\0';
	ck_assert(!govmap__id_valid(id));
	static const char *const bad[] = {"", "-a", "a-", "a--b", "A", "a_b",
					  "a b", "caf\xc3\xa9", "a.b", "a/b",
					  "a\n"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!govmap__id_valid(bad[i]), "'%s' accepted",
			      bad[i]);
}
END_TEST

START_TEST(schema_limit_defaults)
{
	govmap_parse_limits l = {0};
	govmap__parse_limits_defaults(&l);
	ck_assert_uint_eq(l.max_depth, 64);
	ck_assert_uint_eq(l.max_scalar, 64 * 1024);
	ck_assert_uint_eq(l.max_key, 1024);
	ck_assert_uint_eq(l.max_docs_per_file, 100);
	ck_assert_uint_eq(l.max_nodes_per_file, 200000);
	ck_assert_uint_eq(l.max_entities, 1000000);
	govmap_parse_limits m = {7, 8, 9, 10, 11, 12};
	govmap__parse_limits_defaults(&m);
	ck_assert_uint_eq(m.max_depth, 7);
	ck_assert_uint_eq(m.max_scalar, 8);
	ck_assert_uint_eq(m.max_key, 9);
	ck_assert_uint_eq(m.max_docs_per_file, 10);
	ck_assert_uint_eq(m.max_nodes_per_file, 11);
	ck_assert_uint_eq(m.max_entities, 12);
}
END_TEST

/* `from_no_later_than` beside `from: unknown`, on an entity and a seat
 * (issue 17); a bound after today is a warning, not an error */
START_TEST(schema_bounded_start)
{
	govmap_diags d = {0};
	govmap_registry *reg = th_load_files(
		NULL, NULL, &d, NULL, "e.yaml",
		"kind: body\nid: m\nname: M\ntype: membership\n"
		"region: england\nnotes: Began by the extract's day.\n"
		"valid:\n  from: unknown\n  from_no_later_than: 2026-07-08\n"
		TH_SOURCES
		"---\nkind: board\nid: g\nname: G\ntype: board\nof: m\n"
		"valid: {from: unknown, from_no_later_than: 2026-07-08, to: "
		"2199-01-01}\nnotes: N.\n"
		"seats:\n  - role: Governors\n    elected_by: m\n"
		"    valid: {from: unknown, from_no_later_than: 2020-01-01}\n"
		"    notes: N.\n" TH_SOURCES
		"---\nkind: body\nid: f\nname: F\ntype: company\n"
		"region: england\nnotes: N.\n"
		"valid: {from: unknown, from_no_later_than: 2199-01-01}\n"
		TH_SOURCES,
		NULL);
	ck_assert_ptr_nonnull(reg);
	ck_assert_msg(d.count[GOVMAP_SEV_ERROR] == 0, "%s", th_dump(&d));
	ck_assert_msg(d.n == 1 && !strcmp(d.v[0].code, "bound-future") &&
			      d.v[0].sev == GOVMAP_SEV_WARNING &&
			      d.v[0].line == 38 && d.v[0].col == 44,
		      "%s", th_dump(&d));
	ck_assert_str_eq(d.v[0].msg,
			 "valid.from_no_later_than is 2199-01-01, after today: "
			 "a start no later than a future day says nothing yet "
			 "(a typo?)");
	const govmap_entity *m = govmap_registry_find(reg, "m");
	const govmap_entity *g = govmap_registry_find(reg, "g");
	ck_assert_int_eq(m->valid.from, GOVMAP_DATE_NO_LATER_THAN(20260708));
	ck_assert_int_eq(m->valid.to, 0);
	ck_assert_int_eq(g->valid.from, GOVMAP_DATE_NO_LATER_THAN(20260708));
	ck_assert_int_eq(g->valid.to, 21990101);
	ck_assert_int_eq(g->seats[0].valid.from,
			 GOVMAP_DATE_NO_LATER_THAN(20200101));
	govmap_registry_free(reg);
	govmap_diags_free(&d);
}
END_TEST

START_TEST(schema_period_contains)
{
	govmap_period open = {0, 0}, p = {20200101, 20210101};
	ck_assert(govmap_period_contains(open, 20200101));
	ck_assert(govmap_period_contains(p, 0));
	ck_assert(govmap_period_contains(p, 20200101));
	ck_assert(govmap_period_contains(p, 20201231));
	ck_assert(!govmap_period_contains(p, 20210101)); /* exclusive end */
	ck_assert(!govmap_period_contains(p, 20191231));
	govmap_period from = {20200101, 0};
	ck_assert(govmap_period_contains(from, 21990101));
	ck_assert(!govmap_period_contains(from, 20191231));
	ck_assert_str_eq(govmap_kind_name(GOVMAP_KIND_BOARD), "board");
	ck_assert_str_eq(govmap_kind_name(GOVMAP_KIND__COUNT), "?");
	ck_assert_str_eq(govmap_forum_name(GOVMAP_FORUM_SOCIAL), "social");
	ck_assert_str_eq(govmap_basis_name(GOVMAP_BASIS_NONE), "none");
	ck_assert_str_eq(govmap_basis_name((govmap_basis)99), "?");
}
END_TEST

Suite *schema_suite(void)
{
	Suite *s = suite_create("schema");
	TCase *tc = tcase_create("one_error");
	th_add_tmp_fixtures(tc);
	tcase_add_loop_test(tc, schema_one_error, 0, NCASES);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("entities");
	th_add_tmp_fixtures(tc);
	tcase_add_test(tc, schema_full_body);
	tcase_add_test(tc, schema_defaults);
	tcase_add_test(tc, schema_link_fields);
	tcase_add_test(tc, schema_seat_fill);
	tcase_add_test(tc, schema_seat_three_fills);
	tcase_add_test(tc, schema_required_body);
	tcase_add_test(tc, schema_required_other_kinds);
	tcase_add_test(tc, schema_missing_id_drops_entity);
	tcase_add_test(tc, schema_ytree_errors_reach_load);
	tcase_add_test(tc, schema_bounded_start);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("manifest");
	th_add_tmp_fixtures(tc);
	tcase_add_test(tc, manifest_valid);
	tcase_add_test(tc, manifest_schema_version);
	tcase_add_test(tc, manifest_errors);
	tcase_add_test(tc, manifest_missing);
	tcase_add_loop_test(tc, manifest_limit_ceilings, 0,
			    (int)(sizeof ceilings / sizeof ceilings[0]));
	tcase_add_test(tc, manifest_limits_other);
	tcase_add_test(tc, manifest_limits_applied);
	tcase_add_test(tc, manifest_max_files);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("helpers");
	tcase_add_test(tc, schema_id_syntax);
	tcase_add_test(tc, schema_limit_defaults);
	tcase_add_test(tc, schema_period_contains);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}

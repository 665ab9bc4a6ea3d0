/*
 * gen.c - a generator of synthetic registries in govmap's real schema,
 * for the benchmark (make bench).
 *
 * usage: gen SCALE DIR [SYSTEMS]
 *
 * Scale 1 is about England down to GP practices: 42 integrated care
 * systems, ~7,000 bodies and ~12,000 links and contracts in ~18,000
 * files.  Scale N repeats the systems N times; SYSTEMS, when given,
 * makes that many systems instead (history.sh: a smaller registry for
 * a 1,000-commit history).  The data is synthetic
 * (ids say so: "syn-..."), never to be mixed with the real registry.
 * Deterministic: the same scale gives the same bytes.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *root;
static unsigned long nfiles, nbodies, nlinks, ncontracts;

static void mkdirs(const char *path)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0755);
			*p = '/';
		}
	mkdir(buf, 0755);
}

static FILE *create(const char *fmt, ...)
{
	char rel[1024], path[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rel, sizeof rel, fmt, ap);
	va_end(ap);
	snprintf(path, sizeof path, "%s/%s", root, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdirs(path);
	*slash = '/';
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	nfiles++;
	return f;
}

static const char *SRC =
	"sources:\n"
	"  - url: https://example.org/synthetic\n"
	"    title: Synthetic benchmark data (not a real body)\n"
	"    accessed: 2026-11-01\n";

static void body(FILE *f, const char *id, const char *name, const char *type,
		 const char *region, long long spend, const char *extra)
{
	fprintf(f,
		"kind: body\nid: %s\nname: %s\ntype: %s\nregion: %s\n"
		"statutory_basis: Synthetic Act 2026\n",
		id, name, type, region);
	/* a money series, one budget a year, the years a bench run on any
	 * date up to 2031 can fall in */
	if (spend >= 0) {
		fputs("money:\n", f);
		for (int y = 2022; y <= 2030; y++)
			fprintf(f,
				"  - year: %d/%02d\n    gbp: %lld\n"
				"    kind: budget\n"
				"    source: https://example.org/synthetic\n",
				y, (y + 1) % 100, spend);
	}
	fprintf(f, "valid:\n  from: 2013-04-01\n%s%s", extra ? extra : "", SRC);
	nbodies++;
}

static void link_(FILE *f, const char *id, const char *from, const char *to,
		  const char *type, const char *basis, const char *powers)
{
	fprintf(f,
		"kind: link\nid: %s\nfrom: %s\nto: %s\ntype: %s\nbasis: %s\n"
		"forum: political\npowers: [%s]\n%s",
		id, from, to, type, basis, powers, SRC);
	nlinks++;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4 || atoi(argv[1]) < 1 ||
	    (argc == 4 && atoi(argv[3]) < 1)) {
		fprintf(stderr, "usage: gen SCALE DIR [SYSTEMS]\n");
		return 2;
	}
	int scale = atoi(argv[1]);
	int systems = argc == 4 ? atoi(argv[3]) : 42 * scale;
	root = argv[2];
	mkdirs(root);
	FILE *f = create("govmap.yaml");
	fprintf(f, "schema: 1\nname: synthetic benchmark registry (scale %d)\n"
		   "plugins: [england-ics]\n"
		   "limits:\n  max_files: 2000000\n",
		scale);
	fclose(f);

	f = create("uk/syn-uk-electorate.yaml");
	body(f, "syn-uk-electorate", "Synthetic UK electorate", "electorate",
	     "uk", -1, NULL);
	fclose(f);
	f = create("uk/syn-commons.yaml");
	body(f, "syn-commons", "Synthetic House of Commons", "parliament", "uk",
	     -1, NULL);
	fprintf(f, "---\n");
	link_(f, "syn-commons-elected", "syn-commons", "syn-uk-electorate",
	      "elected-by", "statute", "inform, question, sanction");
	fclose(f);
	f = create("uk/syn-sos.yaml");
	body(f, "syn-sos", "Synthetic Secretary of State", "minister", "uk", -1,
	     NULL);
	fprintf(f, "---\n");
	link_(f, "syn-sos-commons", "syn-sos", "syn-commons", "accountable-to",
	      "statute", "inform, question, sanction");
	fclose(f);
	f = create("england/syn-nhse.yaml");
	body(f, "syn-nhse", "Synthetic NHS England", "arms-length-body",
	     "england", 150000000000LL, NULL);
	fprintf(f, "---\n");
	link_(f, "syn-nhse-sos", "syn-nhse", "syn-sos", "accountable-to",
	      "statute", "inform, question, sanction");
	fclose(f);

	for (int s = 0; s < systems; s++) {
		char reg[64], icb[64], id[256], id2[320], name[400], extra[1024];
		snprintf(reg, sizeof reg, "england/syn-ics-%03d", s);
		snprintf(icb, sizeof icb, "syn-icb-%03d", s);
		snprintf(name, sizeof name, "Synthetic ICB %03d", s);
		f = create("%s/%s.yaml", reg, icb);
		body(f, icb, name, "icb", reg, 2500000000LL + s * 1000000LL,
		     NULL);
		fclose(f);
		f = create("%s/links/%s-nhse.yaml", reg, icb);
		snprintf(id, sizeof id, "%s-nhse", icb);
		link_(f, id, icb, "syn-nhse", "accountable-to", "statute",
		      "inform, question, sanction");
		fclose(f);
		/* the ICB board and its statutory seats */
		f = create("%s/%s-board.yaml", reg, icb);
		fprintf(f,
			"kind: board\nid: %s-board\nname: Board of %s\nof: %s\n"
			"type: board\nseats:\n"
			"  - role: chair\n    appointed_by: syn-nhse\n"
			"    approved_by: syn-sos\n"
			"  - role: chief executive\n    appointed_by: %s\n"
			"  - role: trust partner member\n    nominated_by: %s-trust-0\n"
			"  - role: primary care partner member\n"
			"    nominated_by: %s-pcn-00\n"
			"  - role: local authority partner member\n"
			"    nominated_by: %s-council-0\n"
			"  - role: non-executive member\n    count: 4\n"
			"    appointed_by: %s\n    vacant: %d\n"
			"decides: [budget, commissioning, strategy]\n%s",
			icb, name, icb, icb, icb, icb, icb, icb, s % 3 == 0,
			SRC);
		fclose(f);
		/* councils and their electorates */
		int ncouncils = 2 + s % 5;
		for (int c = 0; c < ncouncils; c++) {
			snprintf(id, sizeof id, "%s-council-%d", icb, c);
			snprintf(id2, sizeof id2, "%s-electorate-%d", icb, c);
			f = create("%s/councils/%s.yaml", reg, id);
			snprintf(name, sizeof name, "Synthetic council %d of %s",
				 c, icb);
			body(f, id, name, "local-authority", reg,
			     400000000LL + c * 1000000LL, NULL);
			fprintf(f, "---\n");
			snprintf(name, sizeof name,
				 "Electorate of synthetic council %d of %s", c,
				 icb);
			body(f, id2, name, "electorate", reg, -1, NULL);
			fclose(f);
			f = create("%s/links/%s-elected.yaml", reg, id);
			snprintf(name, sizeof name, "%s-elected", id);
			link_(f, name, id, id2, "elected-by", "statute",
			      "inform, question, sanction");
			fclose(f);
			f = create("%s/links/%s-scrutiny.yaml", reg, id);
			snprintf(name, sizeof name, "%s-scrutiny-%d", icb, c);
			link_(f, name, icb, id, "scrutinised-by", "regulation",
			      "inform, question");
			fclose(f);
		}
		/* the ICP: a joint board */
		f = create("%s/%s-icp.yaml", reg, icb);
		fprintf(f, "kind: board\nid: %s-icp\nname: Synthetic ICP %03d\n"
			   "type: joint-committee\njoint:\n  - %s\n",
			icb, s, icb);
		for (int c = 0; c < ncouncils; c++)
			fprintf(f, "  - %s-council-%d\n", icb, c);
		fprintf(f, "decides: [strategy]\n%s", SRC);
		fclose(f);
		/* trusts */
		for (int t = 0; t < 6; t++) {
			snprintf(id, sizeof id, "%s-trust-%d", icb, t);
			snprintf(name, sizeof name, "Synthetic trust %d of %s",
				 t, icb);
			f = create("%s/trusts/%s.yaml", reg, id);
			body(f, id, name, t % 2 ? "foundation-trust" : "nhs-trust",
			     reg, 300000000LL + t * 7000000LL, NULL);
			fclose(f);
			f = create("%s/links/%s-regulated.yaml", reg, id);
			snprintf(id2, sizeof id2, "%s-regulated", id);
			link_(f, id2, id, "syn-nhse", "regulated-by", "statute",
			      "inform, question, sanction");
			fclose(f);
			f = create("%s/contracts/%s-contract.yaml", reg, id);
			fprintf(f,
				"kind: contract\nid: %s-contract\nname: Acute "
				"services %d\ncommissioner: %s\nprovider: %s\n"
				"value_gbp: %lld\nstart: 2024-04-01\n"
				"end: 2027-04-01\ntendered: %s\npublished: true\n"
				"services: [acute care]\n%s",
				id, t, icb, id, 200000000LL + t * 1000000LL,
				t == 5 ? "false" : "true", SRC);
			ncontracts++;
			fclose(f);
		}
		/* primary care networks and GP practices */
		for (int p = 0; p < 25; p++) {
			char pcn[200];
			snprintf(pcn, sizeof pcn, "%s-pcn-%02d", icb, p);
			snprintf(name, sizeof name, "Synthetic PCN %d of %s", p,
				 icb);
			f = create("%s/pcns/%s.yaml", reg, pcn);
			body(f, pcn, name, "pcn", reg, 1500000LL, NULL);
			fclose(f);
			f = create("%s/links/%s-icb.yaml", reg, pcn);
			snprintf(id2, sizeof id2, "%s-icb", pcn);
			link_(f, id2, pcn, icb, "accountable-to", "contract",
			      "inform, question");
			fclose(f);
			for (int g = 0; g < 5; g++) {
				snprintf(id, sizeof id, "%s-gp-%d", pcn, g);
				snprintf(name, sizeof name,
					 "Synthetic GP practice %d of %s", g, pcn);
				snprintf(extra, sizeof extra,
					 "codes:\n  ods: Y%05d\n",
					 (s * 125 + p * 5 + g) % 100000);
				f = create("%s/practices/%s.yaml", reg, id);
				body(f, id, name, "gp-practice", reg,
				     1200000LL + g * 10000LL, extra);
				fclose(f);
				f = create("%s/links/%s-member.yaml", reg, id);
				snprintf(id2, sizeof id2, "%s-member", id);
				link_(f, id2, id, pcn, "member-of", "contract",
				      "inform");
				fclose(f);
				f = create("%s/contracts/%s-gms.yaml", reg, id);
				fprintf(f,
					"kind: contract\nid: %s-gms\nname: GMS "
					"contract %d\ncommissioner: %s\nprovider: "
					"%s\nvalue_gbp: %lld\nstart: 2020-04-01\n"
					"tendered: false\npublished: true\n"
					"services: [general medical services]\n%s",
					id, g, icb, id, 1100000LL + g * 1000LL,
					SRC);
				ncontracts++;
				fclose(f);
			}
		}
	}
	printf("scale %d: %lu files, %lu bodies, %lu links, %lu contracts\n",
	       scale, nfiles, nbodies, nlinks, ncontracts);
	return 0;
}

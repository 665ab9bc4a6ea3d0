#!/usr/bin/env python3
"""Validate govmap's exports with their consumers or published schemas.

    validate.py popolo FILE     Popolo's JSON Schemas (draft 3, vendored in
                                tests/export/popolo/) via python3-jsonschema
    validate.py ftm FILE        FollowTheMoney's schemata (vendored YAML in
                                tests/export/ftm/) turned into a JSON Schema,
                                checked with python3-jsonschema
    validate.py graphml FILE    networkx.read_graphml (python3-networkx)
    validate.py kumu FILE       the blueprint format of Kumu's documentation
                                as a JSON Schema (kumu.schema.json)
    validate.py csv DIR         Python's csv module reads the five tables

Each also checks what a schema cannot: ids unique, every reference names
an entity of the file.  It prints a one-line summary ("popolo: 12
organizations, ...") and exits 1 with the reasons on any failure.
"""
import csv
import json
import os
import re
import sys

import jsonschema
import referencing
import referencing.jsonschema
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def fail(msg):
    errors.append(msg)


def finish(summary):
    if errors:
        for e in errors[:40]:
            print("FAIL: " + e, file=sys.stderr)
        if len(errors) > 40:
            print("FAIL: ... and %d more" % (len(errors) - 40), file=sys.stderr)
        sys.exit(1)
    print(summary)


def unique(kind, ids):
    seen = set()
    for i in ids:
        if i in seen:
            fail("%s: duplicate id %r" % (kind, i))
        seen.add(i)
    return seen


# ---- Popolo ----

def popolo(path):
    base = "http://www.popoloproject.com/schemas/"
    resources = []
    schemas = {}
    for name in os.listdir(os.path.join(HERE, "popolo")):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(HERE, "popolo", name)) as f:
            s = json.load(f)
        schemas[name[:-5]] = s
        resources.append((base + name, referencing.Resource.from_contents(
            s, default_specification=referencing.jsonschema.DRAFT3)))
    registry = referencing.Registry().with_resources(resources)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    counts = {}
    for key, schema in (("organizations", "organization"),
                        ("areas", "area"), ("posts", "post"),
                        ("memberships", "membership")):
        v = jsonschema.Draft3Validator(
            schemas[schema], registry=registry,
            format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER)
        items = doc.get(key)
        if not isinstance(items, list):
            fail("popolo: no %s array" % key)
            continue
        counts[key] = len(items)
        for item in items:
            for err in v.iter_errors(item):
                fail("popolo: %s %r: %s" % (schema, item.get("id"),
                                             err.message))
    orgs = unique("organization", [o.get("id") for o in doc.get("organizations", [])])
    areas = unique("area", [a.get("id") for a in doc.get("areas", [])])
    posts = unique("post", [p.get("id") for p in doc.get("posts", [])])
    unique("membership", [m.get("id") for m in doc.get("memberships", [])])
    for o in doc.get("organizations", []):
        if o.get("parent_id") is not None and o["parent_id"] not in orgs:
            fail("popolo: %s: parent_id %r is no organization" % (o["id"], o["parent_id"]))
        if o.get("area_id") is not None and o["area_id"] not in areas:
            fail("popolo: %s: area_id %r is no area" % (o["id"], o["area_id"]))
    for a in doc.get("areas", []):
        if a.get("parent_id") is not None and a["parent_id"] not in areas:
            fail("popolo: area %s: parent_id %r is no area" % (a["id"], a["parent_id"]))
    for p in doc.get("posts", []):
        if p.get("organization_id") not in orgs:
            fail("popolo: post %s: organization_id %r" % (p["id"], p.get("organization_id")))
    for m in doc.get("memberships", []):
        for key, known in (("organization_id", orgs), ("post_id", posts),
                           ("on_behalf_of_id", orgs)):
            if m.get(key) is not None and m[key] not in known:
                fail("popolo: membership %s: %s %r" % (m["id"], key, m[key]))
        member = m.get("member")
        if member is not None and member.get("id") not in orgs:
            fail("popolo: membership %s: member %r" % (m["id"], member))
        if m.get("organization_id") is None:
            fail("popolo: membership %s has no organization_id" % m["id"])
    finish("popolo: " + ", ".join("%d %s" % (counts.get(k, 0), k) for k in
                                  ("organizations", "areas", "posts", "memberships")))


# ---- FollowTheMoney ----

# The values each FollowTheMoney property type accepts, as patterns.  From
# followthemoney/types/*.py (entity.py's REGEX_RAW is copied exactly; date:
# ISO 8601 prefixes, date.py; number: digits with an optional sign and
# fraction, number.py; url: an absolute http(s) URL; country: an ISO 3166
# alpha-2 code in lower case, country.py).
FTM_TYPES = {
    "entity": r"^[0-9a-zA-Z]([0-9a-zA-Z\.\-]*[0-9a-zA-Z])?$",
    "date": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?)?)?)?$",
    "number": r"^-?[0-9]+(\.[0-9]+)?$",
    "url": r"^https?://[^\s]+$",
    "country": r"^[a-z]{2}$",
}


def ftm_model():
    model = {}
    for name in os.listdir(os.path.join(HERE, "ftm")):
        if name.endswith(".yaml"):
            with open(os.path.join(HERE, "ftm", name)) as f:
                model.update(yaml.safe_load(f))
    return model


def ftm_ancestors(model, name):
    out = [name]
    for parent in model[name].get("extends") or []:
        out += ftm_ancestors(model, parent)
    return out


def ftm_jsonschema(model):
    """One JSON Schema: an entity of any concrete vendored schema."""
    variants = []
    ranges = {}
    for name, spec in sorted(model.items()):
        if spec.get("abstract"):
            continue
        props, required = {}, set()
        for anc in ftm_ancestors(model, name):
            required.update(model[anc].get("required") or [])
            for pname, p in (model[anc].get("properties") or {}).items():
                p = p or {}
                ptype = p.get("type", "string")
                item = {"type": "string", "minLength": 1}
                if ptype in FTM_TYPES:
                    item["pattern"] = FTM_TYPES[ptype]
                if p.get("maxLength"):
                    item["maxLength"] = p["maxLength"]
                props[pname] = {"type": "array", "items": item, "minItems": 1}
                if ptype == "entity":
                    ranges[(name, pname)] = p.get("range")
        variants.append({
            "type": "object",
            "required": ["id", "schema", "properties"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": FTM_TYPES["entity"]},
                "schema": {"const": name},
                "properties": {"type": "object", "properties": props,
                               "required": sorted(required),
                               "additionalProperties": False},
            },
        })
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "oneOf": variants}, ranges


def ftm(path):
    model = ftm_model()
    schema, ranges = ftm_jsonschema(model)
    v = jsonschema.Draft202012Validator(schema)
    entities = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                e = json.loads(line, object_pairs_hook=no_duplicate_keys)
            except ValueError as err:
                fail("ftm: line %d: %s" % (n, err))
                continue
            for err in v.iter_errors(e):
                fail("ftm: line %d (%s %s): %s" % (n, e.get("schema"), e.get("id"),
                                                   best(err)))
            entities.append(e)
    ids = {}
    for e in entities:
        if e.get("id") in ids:
            fail("ftm: duplicate id %r" % e.get("id"))
        ids[e.get("id")] = e.get("schema")
    for e in entities:
        for pname, values in (e.get("properties") or {}).items():
            rng = ranges.get((e.get("schema"), pname))
            if rng is None:
                continue
            for val in values:
                target = ids.get(val)
                if target is None:
                    fail("ftm: %s.%s names %r, not in the file" % (e["id"], pname, val))
                elif rng not in ftm_ancestors(model, target):
                    fail("ftm: %s.%s names a %s, not a %s" % (e["id"], pname, target, rng))
    kinds = {}
    for e in entities:
        kinds[e.get("schema")] = kinds.get(e.get("schema"), 0) + 1
    finish("ftm: %d entities (%s)" % (len(entities), ", ".join(
        "%d %s" % (n, k) for k, n in sorted(kinds.items()))))


def no_duplicate_keys(pairs):
    d = {}
    for k, val in pairs:
        if k in d:
            raise ValueError("duplicate key %r" % k)
        d[k] = val
    return d


def best(err):
    sub = jsonschema.exceptions.best_match(err.context) if err.context else None
    return (sub or err).message


# ---- GraphML ----

def graphml(path):
    import networkx
    g = networkx.read_graphml(path)
    if not isinstance(g, networkx.DiGraph):
        fail("graphml: not a directed graph")
    for n, d in g.nodes(data=True):
        for key in ("name", "kind", "accountability", "deficit", "electorate"):
            if key not in d:
                fail("graphml: node %s has no %s" % (n, key))
        a, dd = d.get("accountability"), d.get("deficit")
        if not isinstance(a, float) or not 0 <= a <= 1:
            fail("graphml: node %s: accountability %r" % (n, a))
        elif abs(a + dd - 1) > 1e-6:
            fail("graphml: node %s: A + D = %r" % (n, a + dd))
        if "money_gbp" in d and not isinstance(d["money_gbp"], int):
            fail("graphml: node %s: money_gbp %r" % (n, d["money_gbp"]))
        if ("money_gbp" in d) != ("exposure_gbp" in d):
            fail("graphml: node %s: exposure without money or money without exposure" % n)
    for u, w, d in g.edges(data=True):
        s = d.get("strength")
        if not isinstance(s, float) or not 0 < s <= 1:
            fail("graphml: edge %s -> %s: strength %r" % (u, w, s))
    finish("graphml: %d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()))


# ---- Kumu ----

def kumu(path):
    with open(os.path.join(HERE, "kumu.schema.json")) as f:
        schema = json.load(f)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f, object_pairs_hook=no_duplicate_keys)
    for err in jsonschema.Draft202012Validator(schema).iter_errors(doc):
        fail("kumu: %s: %s" % ("/".join(map(str, err.path)), best(err)))
    els = [e.get("id") for e in doc.get("elements", [])]
    cons = [c.get("id") for c in doc.get("connections", [])]
    unique("kumu (ids are unique across elements and connections)", els + cons)
    known = set(els)
    for c in doc.get("connections", []):
        for end in ("from", "to"):
            if c.get(end) not in known:
                fail("kumu: connection %s: %s %r is no element" % (c.get("id"), end, c.get(end)))
    finish("kumu: %d elements, %d connections" % (len(els), len(cons)))


# ---- CSV ----

CSV_HEADERS = {
    "bodies.csv": ["id", "kind", "name", "type", "region", "valid_from", "valid_to",
                   "valid_from_no_later_than", "legal_form", "statutory_basis", "codes", "money_gbp", "money_year", "money_kind",
                   "accountability", "deficit", "exposure_gbp", "chain_links",
                   "electorate", "meets_in_public", "publishes_papers", "findings",
                   "file", "line"],
    "links.csv": ["from", "to", "edge", "type", "link", "basis", "powers", "forum",
                  "strength", "valid_from", "valid_to", "valid_from_no_later_than",
                  "what"],
    "seats.csv": ["board", "seat", "role", "post", "count", "vacant", "fill", "by",
                  "approved_by", "voting", "elected_member", "valid_from",
                  "valid_to", "valid_from_no_later_than", "notes"],
    "contracts.csv": ["id", "name", "commissioner", "provider", "value_gbp", "start",
                      "end", "tendered", "published", "services"],
    "findings.csv": ["rule", "severity", "entity", "file", "line", "col", "message",
                     "basis", "suppressed"],
}
DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))


def csvdir(path):
    tables = {}
    for name, header in CSV_HEADERS.items():
        rows = read_csv(os.path.join(path, name))
        if not rows or rows[0] != header:
            fail("csv: %s: header %r" % (name, rows[0] if rows else None))
            continue
        for n, r in enumerate(rows[1:], 2):
            if len(r) != len(header):
                fail("csv: %s:%d: %d fields, not %d" % (name, n, len(r), len(header)))
        tables[name] = [dict(zip(header, r)) for r in rows[1:]]
    ids = unique("csv bodies", [b["id"] for b in tables.get("bodies.csv", [])])
    for b in tables.get("bodies.csv", []):
        a, d = float(b["accountability"]), float(b["deficit"])
        if abs(a + d - 1) > 1e-6:
            fail("csv: %s: A + D != 1" % b["id"])
        if (b["money_gbp"] == "") != (b["exposure_gbp"] == ""):
            fail("csv: %s: money and exposure must be known together" % b["id"])
        for k in ("valid_from", "valid_to", "valid_from_no_later_than"):
            if not DATE.match(b[k]):
                fail("csv: %s: %s %r" % (b["id"], k, b[k]))
        # a bound is only for a start not known
        if b["valid_from"] and b["valid_from_no_later_than"]:
            fail("csv: %s: valid_from and a no-later-than bound" % b["id"])
    for l in tables.get("links.csv", []):
        for end in ("from", "to"):
            if l[end] not in ids:
                fail("csv: links: %s %r is not in bodies.csv" % (end, l[end]))
    for s in tables.get("seats.csv", []):
        if s["board"] not in ids or (s["by"] and s["by"] not in ids):
            fail("csv: seats: %r %r" % (s["board"], s["by"]))
    finish("csv: " + ", ".join("%d %s" % (len(t), n) for n, t in sorted(tables.items())))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("popolo", "ftm", "graphml", "kumu", "csv"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    {"popolo": popolo, "ftm": ftm, "graphml": graphml, "kumu": kumu,
     "csv": csvdir}[sys.argv[1]](sys.argv[2])

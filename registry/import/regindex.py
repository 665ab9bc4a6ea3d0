"""regindex.py - a small read-only index of the registry for the import scripts.

The import scripts (ccgs.py, stps.py) need to find bodies that already exist
(ICBs by ODS code, councils by name, the CCGs and STPs written by hand) so
that what they generate links to them instead of duplicating them.  This
module reads only the top-level scalar keys of each registry file (kind, id,
name, type, region, valid.from, valid.to, codes.ons, codes.ods) with a few
regular expressions: it is not a YAML parser, and it is enough for files in
the registry's own style (one entity per file, block mappings).

Python 3 standard library only.
"""
import os
import re

TOP = re.compile(r'^(kind|id|name|type|region):\s*"?(.*?)"?\s*$')
SUB = re.compile(r'^  (ons|ods|from|to):\s*"?(.*?)"?\s*$')


def read_entity(path):
    """Return a dict of the top-level scalars of the first document in path."""
    ent = {"path": path}
    section = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("---") and "id" in ent:
                break
            m = TOP.match(line)
            if m:
                ent[m.group(1)] = m.group(2)
                section = None
                continue
            if re.match(r"^(codes|valid):\s*$", line):
                section = line.split(":")[0]
                continue
            if re.match(r"^(codes|valid):\s*\{", line):
                for k, v in re.findall(r"(\w+):\s*([^,}\s]+)", line.split(":", 1)[1]):
                    ent[("codes." if line.startswith("codes") else "valid.") + k] = v
                section = None
                continue
            m = SUB.match(line)
            if m and section:
                ent[section + "." + m.group(1)] = m.group(2)
                continue
            if line and not line.startswith(" "):
                section = None
    return ent


def load(root, skip=()):
    """Every entity under root (a registry directory), skipping folders in skip."""
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs
                         if os.path.join(d, x) not in skip and not x.startswith("."))
        for fn in sorted(files):
            if fn.endswith(".yaml") and fn != "govmap.yaml":
                out.append(read_entity(os.path.join(d, fn)))
    return out


def slug(text):
    s = text.lower().replace("&", " and ").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return re.sub(r"-+", "-", s)


def q(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

#!/usr/bin/python3
"""Every table of an RST page as docutils reads it: each table's own rows (not those of tables
nested in its cells), each cell's text as docutils' astext(). Usage: docutils-tables.py FILE.rst"""
import json, sys
from docutils import nodes
from docutils.core import publish_doctree

doc = publish_doctree(open(sys.argv[1], encoding="utf-8").read(), source_path=sys.argv[1],
                      settings_overrides={"report_level": 5, "halt_level": 5})
tables = []
for table in doc.findall(nodes.table):
    rows = []
    for group in table.children:
        if not isinstance(group, nodes.tgroup):
            continue
        for part in group.children:
            if isinstance(part, (nodes.thead, nodes.tbody)):
                rows += [[entry.astext() for entry in row.children] for row in part.children]
    tables.append(rows)
print(json.dumps({"tables": tables}, ensure_ascii=False))

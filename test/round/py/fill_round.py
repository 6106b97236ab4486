"""Fills a PlanSheet return the way a unit does, for the reporting-round tests.

Usage: /usr/bin/python3 fill_round.py  (JSON on stdin)
stdin: {"src": in.xlsx, "dst": out.xlsx, "values": {name: v}, "text": {name: s},
        "modified": "2024-01-18T09:30:00"}
values: numbers (or null for blank) by defined name; text: strings (remarks,
reporter cells) by defined name; modified: the save time written to
docProps/core.xml (openpyxl writes what it is given), UTC.
"""
import datetime
import json
import sys

import openpyxl


def cell_of(wb, name):
    dn = wb.defined_names.get(name)
    if dn is None:
        raise SystemExit("no defined name %s" % name)
    (sheet, addr), = list(dn.destinations)
    return wb[sheet][addr.replace("$", "")]


def main():
    job = json.load(sys.stdin)
    wb = openpyxl.load_workbook(job["src"])
    for name, v in job.get("values", {}).items():
        cell_of(wb, name).value = v
    for name, v in job.get("text", {}).items():
        c = cell_of(wb, name)
        c.value = v
        c.data_type = "s"
    if job.get("modified"):
        wb.properties.modified = datetime.datetime.fromisoformat(job["modified"])
    wb.save(job["dst"])
    print(json.dumps({"ok": True}))


main()

"""Reads a district return as openpyxl sees it, for the tree tests.

Usage: /usr/bin/python3 dump_return.py FILE  -> JSON on stdout:
{"sheets": [...], "states": {...}, "values": {code: value}, "remarks": {code: text},
 "statuses": {code: the status cell's cached value (what a viewer that does not recalculate shows)},
 "meta": {key: value}, "provenance": [[...row...]], "protected": {sheet: bool}, "validations": n,
 "names": [...]}
"""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "states": {ws.title: ws.sheet_state for ws in wb.worksheets},
       "values": {}, "remarks": {}, "meta": {}, "provenance": [], "protected": {}, "names": sorted(dn.name for dn in wb.defined_names.definedName)}
for dn in wb.defined_names.definedName:
    name = dn.name
    if name.startswith("PSV_") or name.startswith("PSR_"):
        (sheet, addr), = list(dn.destinations)
        v = wb[sheet][addr.replace("$", "")].value
        code = name[4:].replace("_", "-")
        (out["values"] if name.startswith("PSV_") else out["remarks"])[code] = v
cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
out["statuses"] = {}
for dn in wb.defined_names.definedName:
    if dn.name.startswith("PSV_"):
        (sheet, addr), = list(dn.destinations)
        row = addr.replace("$", "").lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        out["statuses"][dn.name[4:].replace("_", "-")] = cached[sheet]["G" + row].value
for row in wb["_plansheet_meta"].iter_rows(values_only=True):
    if row[0]:
        out["meta"][row[0]] = row[1]
if "汇总来源" in wb.sheetnames:
    out["provenance"] = [list(r) for r in wb["汇总来源"].iter_rows(values_only=True)]
for ws in wb.worksheets:
    out["protected"][ws.title] = bool(ws.protection.sheet)
out["validations"] = len(wb["指标填报"].data_validations.dataValidation)
print(json.dumps(out, ensure_ascii=False, default=str))

"""Reads the city summary's 汇总 header and the 镇街明细 sheet as openpyxl sees them.

Usage: /usr/bin/python3 dump_summary.py FILE -> {"sheets": [...], "summaryHeader": [...], "summaryRows": {code: [...]},
 "towns": [[...row...]], "outline": {unitCode: level}}
"""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["汇总"]
header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "代码")
header = [c.value for c in ws[header_row]]
rows = {}
for r in ws.iter_rows(min_row=header_row + 1, values_only=True):
    if r[0]:
        rows[r[0]] = list(r)
out = {"sheets": wb.sheetnames, "summaryHeader": header, "summaryRows": rows, "towns": [], "outline": {}}
if "镇街明细" in wb.sheetnames:
    t = wb["镇街明细"]
    out["towns"] = [list(r) for r in t.iter_rows(values_only=True)]
    for r in range(3, t.max_row + 1):
        out["outline"][str(t.cell(r, 1).value)] = t.row_dimensions[r].outline_level
out["provenance"] = [list(r) for r in wb["数据溯源"].iter_rows(values_only=True)]
print(json.dumps(out, ensure_ascii=False, default=str))

"""Writes one row per case: A value, B remark, C previous value, D the status formula.

Usage: /usr/bin/python3 write_formulas.py OUT.xlsx  with a JSON list on stdin:
[{"value": number|string|null, "remark": string|null, "previous": number|null, "formula": "IF(...)"}]
Prints {"rows": n}. The cached results are left empty: the reader must recalculate.
"""
import json
import sys

import openpyxl

cases = json.load(sys.stdin)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "cases"
for i, c in enumerate(cases, start=1):
    for col, key in (("A", "value"), ("B", "remark"), ("C", "previous")):
        if c.get(key) is not None:
            ws[f"{col}{i}"] = c[key]
    ws[f"D{i}"] = "=" + c["formula"]
wb.save(sys.argv[1])
print(json.dumps({"rows": len(cases)}))

"""Every sheet's rows as text, read by openpyxl: sheet_rows.py FILE.xlsx → {sheet: [[cell, ...], ...]}."""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = [["" if c.value is None else str(c.value) for c in row] for row in ws.iter_rows()]
notes = {}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.comment is not None:
                notes["%s!%s" % (ws.title, c.coordinate)] = c.comment.text
print(json.dumps({"sheets": out, "notes": notes}, ensure_ascii=False))

"""Dumps what an independent reader (openpyxl) sees in a workbook, as JSON:
per sheet its cells (value and data_type), frozen panes, autofilter, print
setup and conditional formats. Used by the summary and CLI tests."""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "sheet": {}}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            solid = c.fill is not None and c.fill.fill_type == "solid"
            if c.value is None and not solid:
                continue
            v = c.value
            if v is not None and not isinstance(v, (int, float, str, bool)):
                v = str(v)
            cells[c.coordinate] = {"v": v, "t": c.data_type}
            if solid:
                cells[c.coordinate]["fill"] = c.fill.fgColor.rgb
    cf = []
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            cf.append({
                "ref": str(rng.sqref),
                "type": rule.type,
                "operator": rule.operator,
                "formula": list(rule.formula or []),
                "hasDxf": rule.dxf is not None,
            })
    out["sheet"][ws.title] = {
        "cells": cells,
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "orientation": ws.page_setup.orientation,
        "fitToWidth": ws.page_setup.fitToWidth,
        "printTitleRows": ws.print_title_rows,
        "cf": cf,
        "maxRow": ws.max_row,
        "maxCol": ws.max_column,
    }
print(json.dumps(out, ensure_ascii=False))

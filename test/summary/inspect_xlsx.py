"""Dumps what an independent reader (openpyxl) sees in a workbook, as JSON:
per sheet its cells (value and data_type), frozen panes, autofilter, print
setup and conditional formats. Used by the summary and CLI tests."""
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter

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
        "printTitleCols": ws.print_title_cols,
        "paperSize": ws.page_setup.paperSize,
        "fitToHeight": ws.page_setup.fitToHeight,
        "rowHeights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height},
        # Per column (openpyxl keeps a run of equal widths under its first letter).
        "columnWidths": {get_column_letter(c): d.width for d in ws.column_dimensions.values() if d.width
                         for c in range(d.min or 1, (d.max or d.min or 1) + 1)},
        "cf": cf,
        "maxRow": ws.max_row,
        "maxCol": ws.max_column,
    }
print(json.dumps(out, ensure_ascii=False))

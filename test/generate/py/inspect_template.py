"""Reports what openpyxl (an independent reader) sees in a reporting workbook.

Usage: /usr/bin/python3 inspect_template.py <file.xlsx>
Prints one JSON document: sheets (state, protection, freeze, print setup),
data validations, conditional formats, defined names, unlocked cells,
cell values/formulas of the entry and instructions sheets, metadata rows.
"""
import json
import sys

import openpyxl
from openpyxl.utils.cell import range_boundaries, get_column_letter


def cells_of(sqref):
    out = []
    for rng in str(sqref).split():
        c1, r1, c2, r2 = range_boundaries(rng)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                out.append(f"{get_column_letter(c)}{r}")
    return out


def defined_names(wb):
    """(name, DefinedName) pairs; openpyxl 3.0 keeps a list, 3.1 a dict."""
    dn = wb.defined_names
    if hasattr(dn, "items"):
        return list(dn.items())
    return [(d.name, d) for d in dn.definedName]


def main(path):
    wb = openpyxl.load_workbook(path)  # formulas as written, not cached values
    report = {"sheets": [], "names": {}, "validations": {}, "conditional": {}, "cells": {}, "unlocked": {}, "meta": {}}
    for ws in wb.worksheets:
        p = ws.protection
        report["sheets"].append({
            "name": ws.title,
            "state": ws.sheet_state,
            "protected": bool(p.sheet),
            "hasPassword": bool(p.hashValue or p.password),
            "formatColumns": p.formatColumns,
            "formatRows": p.formatRows,
            "formatCells": p.formatCells,
            "selectLockedCells": p.selectLockedCells,
            "selectUnlockedCells": p.selectUnlockedCells,
            "freeze": ws.freeze_panes,
            "orientation": ws.page_setup.orientation,
            "fitToWidth": ws.page_setup.fitToWidth,
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "printTitleRows": ws.print_title_rows,
            "columnWidths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
            "merged": [str(m) for m in ws.merged_cells.ranges],
            # Stored row heights (points): LibreOffice prints with these.
            "rowHeights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height},
            "wrapped": [c.coordinate for row in ws.iter_rows() for c in row
                        if c.value is not None and c.alignment is not None and c.alignment.wrap_text],
        })
        dvs = []
        for dv in ws.data_validations.dataValidation:
            dvs.append({
                "type": dv.type, "operator": dv.operator, "formula1": dv.formula1, "formula2": dv.formula2,
                "cells": cells_of(dv.sqref), "allowBlank": bool(dv.allow_blank),
                "showInputMessage": bool(dv.showInputMessage), "showErrorMessage": bool(dv.showErrorMessage),
                "promptTitle": dv.promptTitle, "prompt": dv.prompt, "errorTitle": dv.errorTitle, "error": dv.error,
                "errorStyle": dv.errorStyle,
            })
        report["validations"][ws.title] = dvs
        cfs = []
        for cf_range in ws.conditional_formatting:
            for rule in cf_range.rules:
                fill = None
                if rule.dxf is not None and rule.dxf.fill is not None:
                    f = rule.dxf.fill
                    fill = (f.bgColor.rgb if f.bgColor is not None else None) or (f.fgColor.rgb if f.fgColor is not None else None)
                cfs.append({"sqref": str(cf_range.sqref), "type": rule.type, "formula": list(rule.formula or []),
                            "priority": rule.priority, "fill": fill})
        report["conditional"][ws.title] = cfs
        cells = {}
        unlocked = []
        for row in ws.iter_rows(min_row=1, max_row=max(ws.max_row, 1), max_col=max(ws.max_column, 1)):
            for c in row:
                if c.value is not None:
                    cells[c.coordinate] = c.value if isinstance(c.value, (str, int, float)) else str(c.value)
                if c.protection is not None and c.protection.locked is False:
                    unlocked.append(c.coordinate)
        report["cells"][ws.title] = cells
        report["unlocked"][ws.title] = unlocked
    for name, dn in defined_names(wb):
        dests = list(dn.destinations)
        report["names"][name] = [{"sheet": s, "cell": a.replace("$", "")} for s, a in dests]
    if "_plansheet_meta" in wb.sheetnames:
        ws = wb["_plansheet_meta"]
        for k, v in ws.iter_rows(min_row=1, max_col=2, values_only=True):
            if k is not None:
                report["meta"][str(k)] = v if v is None else str(v)
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])

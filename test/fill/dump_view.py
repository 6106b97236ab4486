"""What a made return shows without recalculating, as openpyxl reads it, for test/fill.

Usage: /usr/bin/python3 dump_view.py FILE  -> JSON on stdout:
{"fullCalcOnLoad": bool,
 "rows": {code: {"row": n, "status": cached word, "formula": text, "remark": text, "height": points}},
 "provenance": {"headerRow": n, "header": [...], "wrap": [bool...], "widths": {col: w}, "freeze": "A6",
                "printTitles": "5:5", "merged": [...], "heights": {row: points}, "rows": [[...]...]}}
"""
import json
import sys

import openpyxl

path = sys.argv[1]
cached = openpyxl.load_workbook(path, data_only=True)
formulas = openpyxl.load_workbook(path)
entry_c, entry_f = cached["指标填报"], formulas["指标填报"]

rows = {}
for dn in formulas.defined_names.values() if hasattr(formulas.defined_names, "values") else formulas.defined_names.definedName:
    if not dn.name.startswith("PSV_"):
        continue
    (_sheet, addr), = list(dn.destinations)
    r = int("".join(ch for ch in addr if ch.isdigit()))
    rows[dn.name[4:].replace("_", "-")] = {
        "row": r,
        "status": entry_c[f"G{r}"].value,
        "formula": entry_f[f"G{r}"].value,
        "remark": entry_c[f"H{r}"].value,
        "height": entry_f.row_dimensions[r].height,
    }

ws = formulas["汇总来源"]
header_row = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("指标编码"))
header = [ws.cell(header_row, c).value for c in range(1, ws.max_column + 1)]
prov = {
    "headerRow": header_row,
    "header": header,
    "wrap": [bool(ws.cell(header_row, c).alignment.wrap_text) for c in range(1, len(header) + 1)],
    "bodyWrap": [bool(ws.cell(header_row + 1, c).alignment.wrap_text) for c in range(1, len(header) + 1)],
    "widths": {k: v.width for k, v in ws.column_dimensions.items()},
    "freeze": ws.freeze_panes,
    "printTitles": ws.print_title_rows,
    "merged": sorted(str(m) for m in ws.merged_cells.ranges),
    "heights": {r: ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)},
    "rows": [list(r) for r in ws.iter_rows(values_only=True)],
}
calc = formulas.calculation
print(json.dumps({"fullCalcOnLoad": bool(calc.fullCalcOnLoad), "rows": rows, "provenance": prov}, ensure_ascii=False, default=str))

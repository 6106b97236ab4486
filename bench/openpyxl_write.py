"""The openpyxl baseline for bench/generate.bench.ts.

Writes the same reporting workbooks as the PlanSheet generator (same sheets,
texts, styles, data validations, status formulas, conditional formats, sheet
protection, defined names, very hidden metadata sheet) from a JSON spec that
the bench prepares with the generator's own pure functions, so both sides
write the same content.

Usage: /usr/bin/python3 bench/openpyxl_write.py <spec.json>
Prints JSON: {"count", "seconds" (write loop only), "peak_rss_kb"}.
"""
import json
import os
import resource
import sys
import time

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName

FONT = "SimSun"
THIN = Side(style="thin", color="FFA6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)


def solid(argb):
    return PatternFill(fill_type="solid", fgColor=argb, bgColor=argb)


# Shared style objects, built once (the generator does the same).
S = {
    "title": dict(font=Font(name=FONT, size=16, bold=True), alignment=Alignment(horizontal="center", vertical="center")),
    "subtitle": dict(font=Font(name=FONT, size=11, bold=True), alignment=Alignment(horizontal="center", vertical="center")),
    "note": dict(font=Font(name=FONT, size=10, color="FF595959"), alignment=Alignment(horizontal="left", vertical="center")),
    "header": dict(font=Font(name=FONT, size=11, bold=True, color="FF1F3864"), fill=solid("FFDDEBF7"), border=BORDER,
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
    "center": dict(font=Font(name=FONT, size=11), border=BORDER, alignment=Alignment(horizontal="center", vertical="center")),
    "wrap": dict(font=Font(name=FONT, size=11), border=BORDER, alignment=Alignment(horizontal="left", vertical="center", wrap_text=True)),
    "value": dict(font=Font(name=FONT, size=11, bold=True), border=BORDER, fill=solid("FFFFF2CC"),
                  alignment=Alignment(horizontal="right", vertical="center"), protection=UNLOCKED),
    "remark": dict(font=Font(name=FONT, size=11), border=BORDER, alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
                   protection=UNLOCKED),
    "label": dict(font=Font(name=FONT, size=11, bold=True), alignment=Alignment(horizontal="left", vertical="top")),
    "text": dict(font=Font(name=FONT, size=11), alignment=Alignment(horizontal="left", vertical="top", wrap_text=True)),
    "heading": dict(font=Font(name=FONT, size=12, bold=True, color="FF1F3864")),
    "input": dict(font=Font(name=FONT, size=11), border=BORDER, fill=solid("FFFFF2CC"), protection=UNLOCKED),
}


def put(cell, value, style):
    if value is not None:
        cell.value = value
    for k, v in S[style].items():
        setattr(cell, k, v)


def validation(d, ref):
    dv = DataValidation(type=d["type"], operator=d.get("operator"), formula1=d["formula1"], formula2=d.get("formula2"),
                        allow_blank=True, showInputMessage=True, showErrorMessage=True, errorStyle="stop",
                        promptTitle=d["promptTitle"], prompt=d["prompt"], errorTitle=d["errorTitle"], error=d["error"])
    dv.add(ref)
    return dv


def protect(ws, spec):
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def write(spec, path):
    wb = Workbook()
    info = wb.active
    info.title = spec["instructions"]["sheet"]
    ins = spec["instructions"]
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 86
    info.sheet_view.showGridLines = False
    put(info.cell(1, 1), ins["title"], "title")
    info.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    r = 3
    for label, text, kind in ins["lines"]:
        if kind == "heading":
            r += 1
            put(info.cell(r, 1), label, "heading")
        else:
            put(info.cell(r, 1), label, "label")
            put(info.cell(r, 2), text, "text")
        r += 1
    for label, name, value, dvspec in ins["reporter"]:
        put(info.cell(r, 1), label, "label")
        put(info.cell(r, 2), value, "input")
        ref = f"B{r}"
        wb.defined_names.append(DefinedName(name, attr_text=f"'{info.title}'!$B${r}"))
        if dvspec:
            info.add_data_validation(validation(dvspec, ref))
        r += 1
    protect(info, spec)

    ent = spec["entry"]
    ws = wb.create_sheet(ent["sheet"])
    for col, w in ent["widths"].items():
        ws.column_dimensions[col].width = w
    for row, (text, style) in enumerate([(ent["title"], "title"), (ent["subtitle"], "subtitle"), (ent["note"], "note")], start=1):
        put(ws.cell(row, 1), text, style)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
    for c, h in enumerate(ent["headers"], start=1):
        put(ws.cell(4, c), h, "header")
    row = 5
    for item in ent["rows"]:
        code, category, name, unit, target = item["cells"]
        put(ws.cell(row, 1), code, "center")
        put(ws.cell(row, 2), category, "wrap")
        put(ws.cell(row, 3), name, "wrap")
        put(ws.cell(row, 4), unit, "center")
        put(ws.cell(row, 5), target, "center")
        put(ws.cell(row, 6), None, "value")
        put(ws.cell(row, 7), "=" + item["formula"], "center")
        put(ws.cell(row, 8), None, "remark")
        ws.add_data_validation(validation(item["dv"], f"F{row}"))
        wb.defined_names.append(DefinedName(item["valueName"], attr_text=f"'{ws.title}'!$F${row}"))
        wb.defined_names.append(DefinedName(item["remarkName"], attr_text=f"'{ws.title}'!$H${row}"))
        row += 1
    last = row - 1
    for formula, fill, font in ent["cf"]:
        ws.conditional_formatting.add(
            f"F5:G{last}",
            FormulaRule(formula=[formula], fill=PatternFill(fill_type="solid", bgColor=fill), font=Font(color=font)),
        )
    ws.freeze_panes = "D5"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:4"
    protect(ws, spec)

    meta = wb.create_sheet(spec["metaSheet"])
    for i, (k, v) in enumerate(spec["meta"], start=1):
        meta.cell(i, 1).value = k
        meta.cell(i, 2).value = v
    meta.sheet_state = "veryHidden"
    protect(meta, spec)
    wb.save(path)


def main(spec_file):
    with open(spec_file, encoding="utf-8") as f:
        spec = json.load(f)
    books = spec["workbooks"]
    out = spec["outDir"]
    os.makedirs(out, exist_ok=True)
    started = time.perf_counter()
    for i in range(spec["count"]):
        b = books[i % len(books)]
        write(b, os.path.join(out, f"{i:04d}_{b['file']}"))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"count": spec["count"], "seconds": seconds, "peak_rss_kb": peak}))


if __name__ == "__main__":
    main(sys.argv[1])

"""The openpyxl baseline for bench/generate.bench.ts.

Writes the same reporting workbooks as the PlanSheet generator (same sheets,
texts, styles, data validations, status formulas, conditional formats, sheet
protection, defined names, very hidden metadata sheet) from a JSON spec that
the bench prepares with the generator's own pure functions, so both sides
write the same content, row heights included (computed in TypeScript by
the generator's layout-text estimate and passed in).

One difference remains: openpyxl 3.0 (Debian) cannot write rich text, so a
sub-category's 类型 cell is the same two lines ("parent\nname") in one font
instead of a small grey parent run above the name. That is a little less work
for openpyxl, not more.

Usage: /usr/bin/python3 bench/openpyxl_write.py <spec.json>
Prints JSON: {"count", "seconds" (write loop only), "peak_rss_kb"}.

       /usr/bin/python3 bench/openpyxl_write.py --compare <ours.xlsx> <theirs.xlsx> [meta key to skip …]
Reads both workbooks back and prints JSON {"checked", "differences"}: what
a reader sees (sheets, values, formulas, styles, row heights, widths, merges,
validations, conditional formats, names, print setup) must be the same.
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
    "title": dict(font=Font(name=FONT, size=16, bold=True), alignment=Alignment(horizontal="center", vertical="center"), protection=LOCKED),
    "subtitle": dict(font=Font(name=FONT, size=11, bold=True), alignment=Alignment(horizontal="center", vertical="center"), protection=LOCKED),
    "note": dict(font=Font(name=FONT, size=10, color="FF595959"), alignment=Alignment(horizontal="left", vertical="center"), protection=LOCKED),
    "center": dict(font=Font(name=FONT, size=11), border=BORDER, alignment=Alignment(horizontal="center", vertical="center"), protection=LOCKED),
    "centerWrap": dict(font=Font(name=FONT, size=11), border=BORDER, alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
                       protection=LOCKED),
    "wrap": dict(font=Font(name=FONT, size=11), border=BORDER, alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
                 protection=LOCKED),
    "status": dict(font=Font(name=FONT, size=11), border=BORDER, alignment=Alignment(horizontal="center", vertical="center"), protection=LOCKED),
    "remark": dict(font=Font(name=FONT, size=11), border=BORDER, alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
                   protection=UNLOCKED),
    "label": dict(font=Font(name=FONT, size=11, bold=True), alignment=Alignment(horizontal="left", vertical="top"), protection=LOCKED),
    "text": dict(font=Font(name=FONT, size=11), alignment=Alignment(horizontal="left", vertical="top"), protection=LOCKED),
    "textWrap": dict(font=Font(name=FONT, size=11), alignment=Alignment(horizontal="left", vertical="top", wrap_text=True), protection=LOCKED),
}


def init_styles(entry):
    """Styles whose colours come from the spec (the generator's COLORS)."""
    S["header"] = dict(font=Font(name=FONT, size=11, bold=True, color=entry["headerFont"]), fill=solid(entry["headerFill"]), border=BORDER,
                       alignment=Alignment(horizontal="center", vertical="center", wrap_text=True), protection=LOCKED)
    S["heading"] = dict(font=Font(name=FONT, size=12, bold=True, color=entry["headerFont"]), protection=LOCKED)
    to_fill = solid(entry["toFill"])
    for name, fmt, align in (("value", "General", "right"), ("valueCount", "0", "right"), ("input", "General", "left"),
                             ("inputText", "@", "left"), ("inputDate", "yyyy-mm-dd", "left")):
        S[name] = dict(font=Font(name=FONT, size=11, bold=name.startswith("value")), border=BORDER, fill=to_fill, number_format=fmt,
                       alignment=Alignment(horizontal=align, vertical="center"), protection=UNLOCKED)


LEGENDS = {}


def legend(fill, font):
    key = fill + font
    if key not in LEGENDS:
        LEGENDS[key] = dict(font=Font(name=FONT, size=11, bold=True, color=font), fill=solid(fill), border=BORDER,
                            alignment=Alignment(horizontal="center", vertical="top"), protection=LOCKED)
    return LEGENDS[key]


def put(cell, value, style):
    if value is not None:
        cell.value = value
    for k, v in (S[style] if isinstance(style, str) else style).items():
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
    # Lets the add-in colour the cells with findings (as the generator).
    ws.protection.formatCells = False


def page_setup(ws, orientation):
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = 9
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write(spec, path):
    wb = Workbook()
    wb.properties.creator = "openpyxl bench"
    wb.properties.title = spec["title"]
    wb.calculation.fullCalcOnLoad = True
    info = wb.active
    info.title = spec["instructions"]["sheet"]
    ins = spec["instructions"]
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 86
    info.sheet_view.showGridLines = False
    page_setup(info, "portrait")
    put(info.cell(1, 1), ins["title"], "title")
    info.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    info.row_dimensions[1].height = 30
    r = 3
    for line in ins["lines"]:
        if line["kind"] == "heading":
            r += 1
            put(info.cell(r, 1), line["label"], "heading")
        else:
            put(info.cell(r, 1), line["label"], legend(*line["legend"]) if line["legend"] else "label")
            put(info.cell(r, 2), line["text"], "textWrap" if line["height"] else "text")
            if line["height"]:
                info.row_dimensions[r].height = line["height"]
        r += 1
    for label, name, value, kind, dvspec in ins["reporter"]:
        put(info.cell(r, 1), label, "label")
        put(info.cell(r, 2), value, "inputText" if kind == "phone" else "inputDate" if kind == "date" else "input")
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
    for row, (text, style, height) in enumerate([(ent["title"], "title", 30), (ent["subtitle"], "subtitle", 20), (ent["note"], "note", None)], start=1):
        put(ws.cell(row, 1), text, style)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
        if height:
            ws.row_dimensions[row].height = height
    for c, h in enumerate(ent["headers"], start=1):
        put(ws.cell(4, c), h, "header")
    ws.row_dimensions[4].height = 22
    row = 5
    for item in ent["rows"]:
        code, name, unit, target = item["cells"]
        parent, own = item["category"]
        put(ws.cell(row, 1), code, "center")
        put(ws.cell(row, 2), f"{parent}\n{own}" if parent else own, "wrap")
        put(ws.cell(row, 3), name, "wrap")
        put(ws.cell(row, 4), unit, "center")
        put(ws.cell(row, 5), target, "centerWrap")
        put(ws.cell(row, 6), None, "valueCount" if item["count"] else "value")
        put(ws.cell(row, 7), "=" + item["formula"], "status")
        put(ws.cell(row, 8), None, "remark")
        ws.row_dimensions[row].height = item["height"]
        ws.add_data_validation(validation(item["dv"], f"F{row}"))
        wb.defined_names.append(DefinedName(item["valueName"], attr_text=f"'{ws.title}'!$F${row}"))
        wb.defined_names.append(DefinedName(item["remarkName"], attr_text=f"'{ws.title}'!$H${row}"))
        row += 1
    last = row - 1
    # The add-in's marks: rules over the value column first, then its hidden,
    # unlocked mark column (ExcelJS gives a styled column width 9) and its name.
    for formula, fill, font in ent["marks"]:
        ws.conditional_formatting.add(
            f"F5:F{last}",
            FormulaRule(formula=[formula], fill=PatternFill(fill_type="solid", bgColor=fill), font=Font(color=font, b=True)),
        )
    mark = ent["markColumn"]
    ws.column_dimensions[mark].width = 9
    ws.column_dimensions[mark].hidden = True
    for r in range(1, last + 1):
        ws[f"{mark}{r}"].protection = UNLOCKED
    wb.defined_names.append(DefinedName(ent["markName"][0], attr_text=ent["markName"][1]))
    for formula, fill, font in ent["cf"]:
        ws.conditional_formatting.add(
            f"F5:G{last}",
            FormulaRule(formula=[formula], fill=PatternFill(fill_type="solid", bgColor=fill), font=Font(color=font)),
        )
    ws.freeze_panes = "D5"
    page_setup(ws, "landscape")
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.print_title_rows = "1:4"
    protect(ws, spec)

    meta = wb.create_sheet(spec["metaSheet"])
    for i, (k, v) in enumerate(spec["meta"], start=1):
        meta.cell(i, 1).value = k
        meta.cell(i, 2).value = v
    meta.column_dimensions["A"].width = 16
    meta.column_dimensions["B"].width = 60
    meta.sheet_state = "veryHidden"
    protect(meta, spec)
    wb.save(path)


def main(spec_file):
    with open(spec_file, encoding="utf-8") as f:
        spec = json.load(f)
    books = spec["workbooks"]
    init_styles(books[0]["entry"])
    out = spec["outDir"]
    os.makedirs(out, exist_ok=True)
    started = time.perf_counter()
    for i in range(spec["count"]):
        b = books[i % len(books)]
        write(b, os.path.join(out, f"{i:04d}_{b['file']}"))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"count": spec["count"], "seconds": seconds, "peak_rss_kb": peak}))


def describe(path):
    """What a reader sees of a workbook, as comparable plain values."""
    from openpyxl import load_workbook
    wb = load_workbook(path)
    out = {"names": sorted((d.name, d.attr_text.replace("$", "")) for d in wb.defined_names.definedName)}
    for ws in wb.worksheets:
        s = {
            "state": ws.sheet_state,
            "widths": {k: round(v.width, 2) for k, v in ws.column_dimensions.items() if v.width},
            "heights": {k: round(v.height, 2) for k, v in ws.row_dimensions.items() if v.height},
            "merged": sorted(str(m) for m in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "protected": bool(ws.protection.sheet),
            # Absent attributes read as the spec's defaults (portrait, 1 page by 1).
            "page": [ws.page_setup.orientation or "portrait", str(ws.page_setup.paperSize), str(ws.page_setup.fitToWidth or 1),
                     str(1 if ws.page_setup.fitToHeight is None else ws.page_setup.fitToHeight),
                     bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)],
            "titles": (ws.print_title_rows or "").replace("$", ""),
            "dv": sorted((str(d.sqref), d.type, d.operator or "between", d.formula1, d.formula2, d.prompt, d.error) for d in ws.data_validations.dataValidation),
            "cf": sorted((str(rng.sqref), r.formula[0], r.dxf.fill.bgColor.rgb if r.dxf and r.dxf.fill else None)
                         for rng in ws.conditional_formatting for r in rng.rules),
            "cells": {},
        }
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                s["cells"][c.coordinate] = [
                    None if c.value == "" else c.value, c.number_format, bool(c.font.b), c.font.sz and float(c.font.sz),
                    c.fill.fgColor.rgb if c.fill.fill_type else None,
                    bool(c.alignment.wrap_text), c.alignment.horizontal, bool(c.protection.locked),
                ]
        out[ws.title] = s
    return out


def compare(ours, theirs, ignore):
    a, b = describe(ours), describe(theirs)
    diffs = []

    def walk(x, y, where):
        if isinstance(x, dict) and isinstance(y, dict):
            for k in sorted(set(x) | set(y), key=str):
                walk(x.get(k), y.get(k), f"{where}/{k}")
        elif x != y:
            diffs.append(f"{where}: PlanSheet {x!r:.300} / openpyxl {y!r:.300}")

    # The metadata rows keyed `ignore` (generation time, generator) are meant to differ.
    for d in (a, b):
        for sheet in d.values():
            if isinstance(sheet, dict) and "cells" in sheet:
                for coord, cell in list(sheet["cells"].items()):
                    if coord.startswith("A") and cell[0] in ignore:
                        sheet["cells"].pop("B" + coord[1:], None)
    walk(a, b, "")
    checked = sum(len(s["cells"]) for s in a.values() if isinstance(s, dict) and "cells" in s)
    print(json.dumps({"checked": checked, "differences": diffs}, ensure_ascii=False))


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        main(sys.argv[1])

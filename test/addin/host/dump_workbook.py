"""Dumps an .xlsx into the cell model of the Excel host stand-in (JSON on stdout).

Usage: /usr/bin/python3 dump_workbook.py file.xlsx

openpyxl reads the workbook twice: once for formulas, once for the cached
results (data_only), so the stand-in answers `values` and `formulas` like
Excel does. Fill and font colours, sheet visibility and sheet protection
(with its formatCells permission), unlocked cells and columns, and the
conditional formats (what they paint, in priority order) are kept, as are
workbook defined names.
"""
import datetime
import json
import sys

import openpyxl


def colour(c):
    if c is None:
        return None
    rgb = getattr(c, "rgb", None)
    if isinstance(rgb, str) and len(rgb) == 8:
        return "#" + rgb[2:].upper()
    return None


def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        # Excel serial date, as Office.js returns it.
        base = datetime.datetime(1899, 12, 30)
        if not isinstance(v, datetime.datetime):
            v = datetime.datetime(v.year, v.month, v.day)
        return (v - base).total_seconds() / 86400.0
    return v


def main():
    path = sys.argv[1]
    wf = openpyxl.load_workbook(path)
    wv = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wf.worksheets:
        wsv = wv[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and (c.fill is None or c.fill.patternType is None):
                    continue
                cached = plain(wsv[c.coordinate].value)
                cell = {"value": cached}
                if isinstance(c.value, str) and c.data_type == "f":
                    cell["formula"] = c.value
                elif c.value is not None and cached is None:
                    cell["value"] = plain(c.value)
                if isinstance(cell["value"], str) and cell["value"].startswith("#") and cell["value"].endswith(("!", "?", "A")):
                    cell["type"] = "Error"
                if c.protection is not None and c.protection.locked is False:
                    cell["unlocked"] = True
                fill = c.fill
                if fill is not None and fill.patternType == "solid":
                    cell["fill"] = colour(fill.fgColor)
                if c.font is not None and c.font.color is not None:
                    cell["font"] = colour(c.font.color)
                cells[c.coordinate] = cell
        p = ws.protection
        # Columns whose style is unlocked: their empty cells may be written on a protected sheet.
        unlocked_cols = [k for k, d in ws.column_dimensions.items() if d.protection is not None and d.protection.locked is False]
        # Conditional formats, in priority order, with what they paint (fill, font colour).
        cfs = []
        for cf_range in ws.conditional_formatting:
            for rule in cf_range.rules:
                dxf = rule.dxf
                fill = font = None
                if dxf is not None and dxf.fill is not None:
                    fill = colour(dxf.fill.bgColor) or colour(dxf.fill.fgColor)
                if dxf is not None and dxf.font is not None:
                    font = colour(dxf.font.color)
                cfs.append({"sqref": str(cf_range.sqref), "priority": rule.priority, "formula": (rule.formula or [None])[0], "fill": fill, "font": font})
        cfs.sort(key=lambda r: r["priority"])
        sheets.append({
            "name": ws.title,
            "visibility": {"visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}[ws.sheet_state],
            "protected": bool(p.sheet),
            # In OOXML formatCells="0" means formatting is allowed; openpyxl
            # exposes the attribute as "locked" (True = not allowed).
            "allowFormatCells": bool(p.sheet) and not bool(p.formatCells),
            "cells": cells,
            "unlockedColumns": unlocked_cols,
            "conditionalFormats": cfs,
        })
    names = []
    dns = wf.defined_names
    # openpyxl >= 3.1 has a dict; older versions a DefinedNameList.
    pairs = dns.items() if hasattr(dns, "items") else [(d.name, d) for d in dns.definedName]
    for name, dn in pairs:
        if getattr(dn, "localSheetId", None) is not None:
            continue
        names.append({"name": name, "value": dn.attr_text})
    json.dump({"sheets": sheets, "names": names}, sys.stdout, ensure_ascii=False)


main()

"""Edits a plan workbook the way an administrator does in Excel, with openpyxl.

Usage: edit_plan.py IN.xlsx OUT.xlsx, with a JSON list of edits on stdin:
  {"op": "set", "sheet": "指标", "where": {"指标代码": "T-GE"}, "column": "牵头单位", "value": "..."}
  {"op": "append", "sheet": "目标分解", "values": {"指标代码": "T-GE", "单位代码": "320582", "2023 分解目标": "450 以上"}}
  {"op": "drop", "sheet": "指标"}
Sheets are found by their Chinese word, columns by the first line of the header
(row 2). Prints {"cells": [{"sheet": ..., "cell": ...}, ...]}: the cell each
edit wrote, found by openpyxl, so a test can check that errors name it.
"""
import json
import sys

import openpyxl

HEADER_ROW = 2


def sheet_of(wb, zh):
    for ws in wb.worksheets:
        if ws.title.split()[0] == zh:
            return ws
    raise SystemExit(f"no sheet {zh}")


def column_of(ws, header):
    for cell in ws[HEADER_ROW]:
        if cell.value and str(cell.value).split("\n")[0].strip() == header:
            return cell.column
    raise SystemExit(f"no column {header} in {ws.title}")


def row_where(ws, where):
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if all(str(ws.cell(r, column_of(ws, h)).value or "") == v for h, v in where.items()):
            return r
    raise SystemExit(f"no row {where} in {ws.title}")


def last_row(ws):
    for r in range(ws.max_row, HEADER_ROW, -1):
        if any(c.value not in (None, "") for c in ws[r]):
            return r
    return HEADER_ROW


def main():
    src, dst = sys.argv[1], sys.argv[2]
    edits = json.load(sys.stdin)
    wb = openpyxl.load_workbook(src)
    cells = []
    for e in edits:
        ws = sheet_of(wb, e["sheet"])
        if e["op"] == "set":
            cell = ws.cell(row_where(ws, e["where"]), column_of(ws, e["column"]))
            cell.value = e["value"]
            cells.append({"sheet": ws.title, "cell": cell.coordinate})
        elif e["op"] == "append":
            r = last_row(ws) + 1
            for h, v in e["values"].items():
                ws.cell(r, column_of(ws, h)).value = v
            cells.append({"sheet": ws.title, "cell": f"A{r}", "row": r})
        elif e["op"] == "drop":
            wb.remove(ws)
            cells.append({"sheet": ws.title, "cell": "A1"})
        else:
            raise SystemExit(f"unknown op {e['op']}")
    wb.save(dst)
    print(json.dumps({"cells": cells}, ensure_ascii=False))


main()

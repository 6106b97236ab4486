"""Fill colour, lock state and value of given cells, as openpyxl reads them.

Usage: /usr/bin/python3 cell_looks.py <file.xlsx> <sheet> <A1> [<A1> ...]
Prints {"A1": {"value": ..., "fill": "FFE7E6E6" | null, "locked": true}}.
"""
import json
import sys

import openpyxl


def main(path, sheet, cells):
    ws = openpyxl.load_workbook(path)[sheet]
    out = {}
    for a1 in cells:
        c = ws[a1]
        fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
        out[a1] = {"value": c.value, "fill": fill, "locked": bool(c.protection.locked)}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])

"""Fills a reporting workbook the way a person would, through its defined names.

Usage: /usr/bin/python3 fill_values.py <in.xlsx> <out.xlsx>   (JSON on stdin)
stdin: {"PSV_SU_X_01": 12.5, "PSR_SU_X_01": "text", ...}; null leaves a cell blank.
Prints {"filled": {"name": "Sheet!A1"}}.
"""
import json
import sys

import openpyxl


def main(src, dst):
    values = json.load(sys.stdin)
    wb = openpyxl.load_workbook(src)
    filled = {}
    for name, value in values.items():
        dn = wb.defined_names.get(name)
        if dn is None:
            raise SystemExit(f"no defined name {name}")
        (sheet, addr), = list(dn.destinations)
        cell = wb[sheet][addr.replace("$", "")]
        cell.value = value
        filled[name] = f"{sheet}!{cell.coordinate}"
    wb.save(dst)
    print(json.dumps({"filled": filled}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

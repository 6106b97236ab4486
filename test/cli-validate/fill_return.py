"""Fills a blank PlanSheet reporting workbook the way a clerk would, with
openpyxl: values and remarks reached through the PSV_/PSR_ defined names,
reporter cells through PS_REPORT_*. Usage: fill_return.py in.xlsx out.xlsx
spec.json, where spec = {"values": {code: number|text|null}, "remarks":
{code: text}, "reporter": {"contact": ..., "phone": ..., "date": ...}}."""
import json
import sys

import openpyxl


def destination(wb, name):
    dn = wb.defined_names.get(name)
    if dn is None:
        return None
    for sheet, ref in dn.destinations:
        return wb[sheet][ref.replace("$", "")]
    return None


def put_text(cell, text):
    """Text typed as text (Excel: a leading apostrophe): openpyxl would
    otherwise store a string starting with "=" as a formula."""
    cell.value = text
    if isinstance(text, str):
        cell.data_type = "s"


def main():
    src, out, spec_path = sys.argv[1:4]
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    wb = openpyxl.load_workbook(src)
    for code, value in spec.get("values", {}).items():
        cell = destination(wb, "PSV_" + code.replace("-", "_"))
        if cell is None:
            raise SystemExit("no value cell for " + code)
        cell.value = value
    for code, text in spec.get("remarks", {}).items():
        cell = destination(wb, "PSR_" + code.replace("-", "_"))
        if cell is None:
            raise SystemExit("no remark cell for " + code)
        put_text(cell, text)
    for key, value in spec.get("reporter", {}).items():
        cell = destination(wb, "PS_REPORT_" + key.upper())
        if cell is not None:
            put_text(cell, value)
    wb.save(out)


main()

"""What a correction workbook shows, read by openpyxl (an independent reader).

Usage: /usr/bin/python3 inspect_feedback.py FILE.xlsx  → JSON on stdout:
sheets (in order), active sheet, defined names → destinations, protection per
sheet, data validations per sheet, cells with a thick red box (and which of
them are locked), the 问题清单 rows as text, its hyperlinks.
"""
import json
import sys

import openpyxl


def red_thick(side):
    return side is not None and side.style == "thick" and side.color is not None and side.color.rgb == "FFFF0000"


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {"sheets": wb.sheetnames, "active": wb.active.title, "names": {}, "protected": {}, "validations": {},
           "boxed": [], "lockedBoxed": [], "list": [], "links": {}}
    for dn in wb.defined_names.definedName:
        out["names"]["%s@%s" % (dn.name, dn.localSheetId)] = dn.attr_text
    for ws in wb.worksheets:
        out["protected"][ws.title] = bool(ws.protection.sheet)
        out["validations"][ws.title] = sorted("%s %s %s" % (dv.type, dv.formula1, dv.sqref) for dv in ws.data_validations.dataValidation)
        if ws.title == "问题清单":
            for row in ws.iter_rows():
                out["list"].append(["" if c.value is None else str(c.value) for c in row])
            for row in ws.iter_rows():
                for c in row:
                    if c.hyperlink is not None:
                        out["links"][c.coordinate] = c.hyperlink.location
            continue
        for row in ws.iter_rows():
            for c in row:
                b = c.border
                if all(red_thick(s) for s in (b.left, b.right, b.top, b.bottom)):
                    out["boxed"].append("%s!%s" % (ws.title, c.coordinate))
                    if c.protection.locked:
                        out["lockedBoxed"].append("%s!%s" % (ws.title, c.coordinate))
    print(json.dumps(out, ensure_ascii=False))


main()

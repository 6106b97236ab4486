"""What openpyxl and zipfile see in a summary at scale, as JSON: the zip's
integrity (every CRC) and part sizes, and for the sheets named on the command
line every row's values, outline level, height, and the first cells' styles
(bold, font colour, fill, left border).
usage: inspect_bulk.py FILE.xlsx SHEET [SHEET ...]"""
import json
import sys
import zipfile

import openpyxl

path, sheets = sys.argv[1], sys.argv[2:]
with zipfile.ZipFile(path) as z:
    bad = z.testzip()
    sizes = {i.filename: [i.file_size, i.compress_size] for i in z.infolist()}

wb = openpyxl.load_workbook(path)
out = {"badMember": bad, "sizes": sizes, "sheets": wb.sheetnames, "sheet": {}}
for name in sheets:
    ws = wb[name]
    rows = []
    for r, row in enumerate(ws.iter_rows(), start=1):
        values = [c.value for c in row]
        while values and values[-1] is None:
            values.pop()
        dim = ws.row_dimensions.get(r)
        styles = []
        for c in row[:6]:
            fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
            styles.append({
                "bold": bool(c.font and c.font.b),
                "color": c.font.color.rgb if c.font and c.font.color is not None and isinstance(c.font.color.rgb, str) else None,
                "fill": fill,
                "border": c.border.left.style if c.border and c.border.left else None,
            })
        rows.append({
            "values": values,
            "outline": dim.outlineLevel if dim else 0,
            "height": dim.height if dim else None,
            "styles": styles,
        })
    out["sheet"][name] = {"rows": rows, "maxCol": ws.max_column}
print(json.dumps(out, ensure_ascii=False, default=str))

"""Makes a faulty copy of an .xlsx, to prove the checker catches the fault.

Usage: craft_package.py SRC DST FAULT
FAULT:
  legacy-after-extlst  move the first worksheet's <legacyDrawing> after its <extLst>
                       (what ExcelJS writes for a sheet with notes and data bars)
  prompt-utf16         give the first data validation a prompt of 128 emoji:
                       128 code points, 256 UTF-16 units (Excel allows 255)
  sheet-name           rename the first sheet to a name with a ':'
  chart-sheet          rename the first sheet to a valid name its charts do not use
Every other part is copied byte for byte.
"""
import re
import sys
import zipfile

src, dst, fault = sys.argv[1:4]
zin = zipfile.ZipFile(src)
done = False
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        name = info.filename
        if not done and fault == 'legacy-after-extlst' and re.match(r'xl/worksheets/sheet\d+\.xml$', name):
            text = data.decode('utf-8')
            legacy = re.search(r'<legacyDrawing [^>]*/>', text)
            if legacy and '</extLst>' in text:
                text = text.replace(legacy.group(0), '', 1)
                text = text.replace('</extLst>', '</extLst>' + legacy.group(0), 1)
                data = text.encode('utf-8')
                done = True
        elif not done and fault == 'prompt-utf16' and re.match(r'xl/worksheets/sheet\d+\.xml$', name):
            text = data.decode('utf-8')
            new, n = re.subn(r'prompt="[^"]*"', 'prompt="%s"' % ('\U0001F600' * 128), text, count=1)
            if n:
                data, done = new.encode('utf-8'), True
        elif not done and fault == 'sheet-name' and name == 'xl/workbook.xml':
            text = data.decode('utf-8')
            data = re.sub(r'(<sheet [^>]*name=")[^"]*"', r'\1汇总:全市"', text, count=1).encode('utf-8')
            done = True
        elif not done and fault == 'chart-sheet' and name == 'xl/workbook.xml':
            text = data.decode('utf-8')
            data = re.sub(r'(<sheet [^>]*name=")[^"]*"', r'\1改名后的汇总"', text, count=1).encode('utf-8')
            done = True
        zout.writestr(info, data)
if not done:
    sys.exit('fault %s: nothing to change in %s' % (fault, src))

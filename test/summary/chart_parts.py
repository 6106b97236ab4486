"""Dumps the charts of an .xlsx as JSON, read straight from the package (an
independent reader: zipfile + lxml, not the writer's code): which sheet draws
them (through its drawing relationship), where each is anchored, and per chart
its title, bar direction, grouping, category range and each series' name,
value range and cached values.

Usage: chart_parts.py FILE.xlsx
"""
import json
import posixpath
import sys
import zipfile

from lxml import etree

NS = {
    'm': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'c': 'http://schemas.openxmlformats.org/drawingml/2006/chart',
    'a': 'http://schemas.openxmlformats.org/drawingml/2006/main',
    'xdr': 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
    'p': 'http://schemas.openxmlformats.org/package/2006/relationships',
}
z = zipfile.ZipFile(sys.argv[1])


def rels(part):
    d, b = posixpath.split(part)
    name = posixpath.join(d, '_rels', b + '.rels')
    if name not in z.namelist():
        return {}
    root = etree.fromstring(z.read(name))
    return {r.get('Id'): (r.get('Type').rsplit('/', 1)[-1], posixpath.normpath(posixpath.join(d, r.get('Target'))))
            for r in root.findall('p:Relationship', NS)}


wb = etree.fromstring(z.read('xl/workbook.xml'))
wb_rels = rels('xl/workbook.xml')
out = {'parts': sorted(n for n in z.namelist() if n.startswith('xl/charts/') or n.startswith('xl/drawings/drawing')),
       'contentTypes': z.read('[Content_Types].xml').decode('utf-8'), 'sheets': {}}
for sheet in wb.find('m:sheets', NS):
    part = wb_rels[sheet.get('{%s}id' % NS['r'])][1]
    ws = etree.fromstring(z.read(part))
    drawing = ws.find('m:drawing', NS)
    if drawing is None:
        continue
    d_part = rels(part)[drawing.get('{%s}id' % NS['r'])][1]
    d_rels = rels(d_part)
    charts = []
    for anchor in etree.fromstring(z.read(d_part)):
        ref = anchor.find('.//c:chart', NS)
        kind, c_part = d_rels[ref.get('{%s}id' % NS['r'])]
        ch = etree.fromstring(z.read(c_part))
        bar = ch.find('.//c:barChart', NS)
        series = []
        for ser in bar.findall('c:ser', NS):
            series.append({
                'name': ser.findtext('c:tx//c:v', namespaces=NS),
                'nameRef': ser.findtext('c:tx//c:f', namespaces=NS),
                'ref': ser.findtext('c:val//c:f', namespaces=NS),
                'values': [None if v is None else float(v) for v in
                           [next((p.findtext('c:v', namespaces=NS) for p in ser.findall('c:val//c:pt', NS) if p.get('idx') == str(i)), None)
                            for i in range(int(ser.find('c:val//c:ptCount', NS).get('val')))]],
                'categoriesRef': ser.findtext('c:cat//c:f', namespaces=NS),
                'categories': [p.findtext('c:v', namespaces=NS) for p in ser.findall('c:cat//c:pt', NS)],
            })
        charts.append({
            'part': c_part,
            'relType': kind,
            'title': ''.join(ch.find('c:chart/c:title', NS).itertext()),
            'barDir': bar.find('c:barDir', NS).get('val'),
            'grouping': bar.find('c:grouping', NS).get('val'),
            'from': [int(anchor.findtext('xdr:from/xdr:col', namespaces=NS)), int(anchor.findtext('xdr:from/xdr:row', namespaces=NS))],
            'to': [int(anchor.findtext('xdr:to/xdr:col', namespaces=NS)), int(anchor.findtext('xdr:to/xdr:row', namespaces=NS))],
            'series': series,
        })
    out['sheets'][sheet.get('name')] = charts
print(json.dumps(out, ensure_ascii=False))

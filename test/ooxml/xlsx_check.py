"""PlanSheet's own .xlsx conformance check: what Excel would "repair".

Excel is stricter than LibreOffice and openpyxl. It answers an element out of
schema order, an unknown attribute value or an over-long prompt with its "We
found a problem with some content" repair, which can drop a whole sheet. This
checker is the closest proxy for Excel a Linux test machine has:

1. every XML part is validated against the ECMA-376 transitional schemas
   vendored in test/ooxml/schemas (after markup-compatibility processing:
   mc:Ignorable and mc:AlternateContent, as Excel reads them);
2. package rules: every part has a content type, every internal relationship
   points at a part that exists;
3. Excel's own limits that the schemas do not express (lengths counted in
   UTF-16 units, as Excel counts them): sheet names, defined names, data
   validation texts and formulas, row heights, column widths, style, dxf and
   shared-string indexes, overlapping merges, chart references.

Usage: xlsx_check.py [--json] FILE_OR_DIR...
Prints one line per finding (file | part | ERROR/WARN | check | where |
message), or with --json one JSON document {file: [finding, ...]}. Exit 1
when any file has an ERROR.
"""
import json
import os
import posixpath
import re
import sys
import zipfile

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, 'schemas')

NS = {
    'sml': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'mc': 'http://schemas.openxmlformats.org/markup-compatibility/2006',
    'c': 'http://schemas.openxmlformats.org/drawingml/2006/chart',
    'a': 'http://schemas.openxmlformats.org/drawingml/2006/main',
    'xdr': 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
    'ct': 'http://schemas.openxmlformats.org/package/2006/content-types',
    'rel': 'http://schemas.openxmlformats.org/package/2006/relationships',
    'cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
    'ep': 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
    'xml': 'http://www.w3.org/XML/1998/namespace',
}
RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'

# Root element namespace -> the schema file that defines it.
ROOT_SCHEMA = {
    NS['sml']: 'sml.xsd',
    NS['c']: 'dml-chart.xsd',
    NS['xdr']: 'dml-spreadsheetDrawing.xsd',
    NS['a']: 'dml-main.xsd',
    NS['ct']: 'opc-contentTypes.xsd',
    NS['rel']: 'opc-relationships.xsd',
    NS['cp']: 'opc-coreProperties.xsd',
    NS['ep']: 'shared-documentPropertiesExtended.xsd',
}

# Excel's limits, in UTF-16 code units.
LIMITS = {
    'sheetName': 31,
    'definedName': 255,
    'promptTitle': 32,
    'prompt': 255,
    'errorTitle': 32,
    'error': 225,
    'formula': 255,
    'cellText': 32767,
    'rowHeight': 409,
    'colWidth': 255,
}


def u16(text):
    """Length as Excel counts it: UTF-16 code units (an emoji is 2)."""
    return len(text.encode('utf-16-le')) // 2


def q(prefix, local):
    return '{%s}%s' % (NS[prefix], local)


class Schemas:
    """Compiled schemas, loaded on first use (sml.xsd takes a second)."""

    def __init__(self):
        self._cache = {}
        self.understood = set(ROOT_SCHEMA) | {NS['r'], NS['xml'], NS['mc'],
                                              'http://purl.org/dc/elements/1.1/',
                                              'http://purl.org/dc/terms/',
                                              'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
                                              'http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes',
                                              'http://www.w3.org/2001/XMLSchema-instance'}

    def get(self, name):
        if name not in self._cache:
            self._cache[name] = etree.XMLSchema(etree.parse(os.path.join(SCHEMAS, name)))
        return self._cache[name]


class Report:
    def __init__(self, file):
        self.file = file
        self.findings = []

    def add(self, part, level, check, where, message):
        self.findings.append({'part': part, 'level': level, 'check': check, 'where': where, 'message': message})

    @property
    def errors(self):
        return sum(1 for f in self.findings if f['level'] == 'ERROR')


# ---------------------------------------------------------------- markup compatibility

def mc_process(el, understood, ignorable=frozenset()):
    """Applies markup compatibility in place, as a consumer that understands
    `understood` namespaces: drops ignorable attributes and elements, and
    replaces each mc:AlternateContent with the first usable branch."""
    prefixes = el.get(q('mc', 'Ignorable'))
    if prefixes is not None:
        nsmap = el.nsmap
        ignorable = ignorable | {nsmap.get(p) for p in prefixes.split() if nsmap.get(p) not in understood}
    for name in list(el.attrib):
        ns = etree.QName(name).namespace
        if ns == NS['mc'] or (ns and ns in ignorable):
            del el.attrib[name]
    for child in list(el):
        if not isinstance(child.tag, str):
            continue
        ns = etree.QName(child).namespace
        if child.tag == q('mc', 'AlternateContent'):
            chosen = None
            for branch in child:
                if branch.tag == q('mc', 'Choice'):
                    req = branch.get('Requires', '').split()
                    if all(branch.nsmap.get(p) in understood for p in req):
                        chosen = branch
                        break
                elif branch.tag == q('mc', 'Fallback'):
                    chosen = branch
                    break
            index = list(el).index(child)
            el.remove(child)
            if chosen is not None:
                for k, sub in enumerate(list(chosen)):
                    el.insert(index + k, sub)
                    mc_process(sub, understood, ignorable)
        elif ns in ignorable:
            el.remove(child)
        else:
            mc_process(child, understood, ignorable)


def strip_xml_space(root):
    # Excel writes xml:space="preserve" on text elements whose schema type is
    # a simple string (<t>, <f>); ISO 29500 allows it there, the XSDs do not say so.
    for el in root.iter():
        if isinstance(el.tag, str) and q('xml', 'space') in el.attrib:
            del el.attrib[q('xml', 'space')]


def where(el):
    parts = []
    while el is not None and isinstance(el.tag, str):
        parts.append(etree.QName(el).localname)
        el = el.getparent()
    return '/' + '/'.join(reversed(parts))


# ---------------------------------------------------------------- package

class Package:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.names = [n for n in self.zip.namelist() if not n.endswith('/')]
        self.xml = {}

    def parse(self, name):
        if name not in self.xml:
            self.xml[name] = etree.fromstring(self.zip.read(name))
        return self.xml[name]

    def rels(self, part):
        """Relationships of `part`: id -> (type, absolute target, external?)."""
        d, base = posixpath.split(part)
        rel_name = posixpath.join(d, '_rels', base + '.rels')
        out = {}
        if rel_name not in self.names:
            return out
        for r in self.parse(rel_name):
            external = r.get('TargetMode') == 'External'
            target = r.get('Target', '')
            if not external:
                target = target.lstrip('/') if target.startswith('/') else posixpath.normpath(posixpath.join(d, target))
            out[r.get('Id')] = (r.get('Type'), target, external)
        return out


def content_types(pkg, rep):
    root = pkg.parse('[Content_Types].xml')
    defaults = {d.get('Extension').lower(): d.get('ContentType') for d in root.findall(q('ct', 'Default'))}
    overrides = {o.get('PartName').lstrip('/'): o.get('ContentType') for o in root.findall(q('ct', 'Override'))}
    for o in overrides:
        if o not in pkg.names:
            rep.add('[Content_Types].xml', 'ERROR', 'content-types', '/' + o, 'override for a part that does not exist')
    types = {}
    for n in pkg.names:
        if n == '[Content_Types].xml':
            continue
        ctype = overrides.get(n) or defaults.get(n.rsplit('.', 1)[-1].lower())
        if not ctype:
            rep.add(n, 'ERROR', 'content-types', n, 'part has no content type')
        types[n] = ctype
    return types


def check_rels(pkg, rep):
    for n in pkg.names:
        if not n.endswith('.rels'):
            continue
        owner_dir = posixpath.dirname(posixpath.dirname(n))
        owner = posixpath.join(owner_dir, posixpath.basename(n)[:-5])
        ids = set()
        for r in pkg.parse(n):
            rid = r.get('Id')
            if rid in ids:
                rep.add(n, 'ERROR', 'rels', rid, 'duplicate relationship id')
            ids.add(rid)
        if owner and owner not in pkg.names and owner != '':
            rep.add(n, 'ERROR', 'rels', n, 'relationships of a part that does not exist')
        for rid, (typ, target, external) in pkg.rels(owner).items():
            if not external and target not in pkg.names:
                rep.add(n, 'ERROR', 'rels', rid, 'target %s does not exist' % target)


# ---------------------------------------------------------------- Excel limits

NAME_START = re.compile(r'^[A-Za-z_\\\u00C0-\uFFFF]')
NAME_CHARS = re.compile(r'^[A-Za-z0-9_.\\?\u00C0-\uFFFF]+$')
A1_LIKE = re.compile(r'^[A-Za-z]{1,3}[0-9]+$')
R1C1_LIKE = re.compile(r'^([Rr][0-9]*)?([Cc][0-9]*)?$')
BAD_SHEET_CHARS = re.compile(r'[\[\]:*?/\\]')


def check_workbook(pkg, part, rep):
    wb = pkg.parse(part)
    sheets = wb.findall('%s/%s' % (q('sml', 'sheets'), q('sml', 'sheet')))
    seen = set()
    for s in sheets:
        name = s.get('name', '')
        at = 'sheet "%s"' % name
        if not name.strip():
            rep.add(part, 'ERROR', 'sheet-name', at, 'blank sheet name')
        if u16(name) > LIMITS['sheetName']:
            rep.add(part, 'ERROR', 'sheet-name', at, 'longer than 31 characters')
        if BAD_SHEET_CHARS.search(name) or name.startswith("'") or name.endswith("'"):
            rep.add(part, 'ERROR', 'sheet-name', at, 'character Excel refuses in a sheet name')
        if name.lower() == 'history':
            rep.add(part, 'ERROR', 'sheet-name', at, '"History" is reserved')
        if name.lower() in seen:
            rep.add(part, 'ERROR', 'sheet-name', at, 'duplicate sheet name (ignoring case)')
        seen.add(name.lower())
    # Without a window Excel opens on the first sheet; other readers pick their own.
    views = wb.findall('%s/%s' % (q('sml', 'bookViews'), q('sml', 'workbookView')))
    if not views:
        rep.add(part, 'WARN', 'book-views', None, 'no <bookViews>: which sheet opens is left to the reader')
    names = set()
    for dn in wb.iter(q('sml', 'definedName')):
        name = dn.get('name', '')
        scope = dn.get('localSheetId')
        at = 'definedName "%s"' % name
        local = name.split('_xlnm.', 1)[-1] if name.startswith('_xlnm.') else name
        if not name.startswith('_xlnm.'):
            if (not NAME_START.match(local) or not NAME_CHARS.match(local) or A1_LIKE.match(local)
                    or R1C1_LIKE.match(local)):
                rep.add(part, 'ERROR', 'defined-name', at, 'not a valid name (Excel repairs it)')
        if u16(name) > LIMITS['definedName']:
            rep.add(part, 'ERROR', 'defined-name', at, 'longer than 255 characters')
        key = (scope, name.lower())
        if key in names:
            rep.add(part, 'ERROR', 'defined-name', at, 'duplicate name in one scope')
        names.add(key)
        if scope is not None and not (0 <= int(scope) < len(sheets)):
            rep.add(part, 'ERROR', 'defined-name', at, 'localSheetId outside the sheets')
        if not (dn.text or '').strip():
            rep.add(part, 'ERROR', 'defined-name', at, 'empty reference')
    return [s.get('name') for s in sheets]


def style_counts(pkg, part):
    if not part or part not in pkg.names:
        return None, None
    st = pkg.parse(part)
    xfs = st.find(q('sml', 'cellXfs'))
    dxfs = st.find(q('sml', 'dxfs'))
    return (len(xfs) if xfs is not None else 0), (len(dxfs) if dxfs is not None else 0)


def parse_ref(ref):
    m = re.match(r'^\$?([A-Z]{1,3})\$?([0-9]+)$', ref)
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def check_sheet(pkg, part, rep, n_xfs, n_dxfs, n_sst):
    ws = pkg.parse(part)
    last_row = 0
    for row in ws.iter(q('sml', 'row')):
        r = int(row.get('r', last_row + 1))
        if r <= last_row:
            rep.add(part, 'ERROR', 'rows', 'row %d' % r, 'rows out of order')
        last_row = r
        ht = row.get('ht')
        if ht is not None and float(ht) > LIMITS['rowHeight']:
            rep.add(part, 'ERROR', 'row-height', 'row %d' % r, 'taller than 409 points')
        for c in row.findall(q('sml', 'c')):
            s = c.get('s')
            if s is not None and n_xfs is not None and int(s) >= n_xfs:
                rep.add(part, 'ERROR', 'style-index', c.get('r'), 'style %s beyond cellXfs (%d)' % (s, n_xfs))
            v = c.find(q('sml', 'v'))
            if c.get('t') == 's' and v is not None and n_sst is not None and int(v.text) >= n_sst:
                rep.add(part, 'ERROR', 'shared-string', c.get('r'), 'string index beyond the shared strings')
            for t in c.iter(q('sml', 't')):
                if t.text and u16(t.text) > LIMITS['cellText']:
                    rep.add(part, 'ERROR', 'cell-text', c.get('r'), 'longer than 32767 characters')
    for col in ws.iter(q('sml', 'col')):
        w = col.get('width')
        if w is not None and float(w) > LIMITS['colWidth']:
            rep.add(part, 'ERROR', 'column-width', 'col %s' % col.get('min'), 'wider than 255')
    for cf in ws.iter(q('sml', 'cfRule')):
        d = cf.get('dxfId')
        if d is not None and n_dxfs is not None and int(d) >= n_dxfs:
            rep.add(part, 'ERROR', 'dxf-index', where(cf), 'dxfId %s beyond dxfs (%d)' % (d, n_dxfs))
    for dv in ws.iter(q('sml', 'dataValidation')):
        at = 'dataValidation %s' % dv.get('sqref')
        for attr in ('promptTitle', 'prompt', 'errorTitle', 'error'):
            text = dv.get(attr)
            if text is not None and u16(text) > LIMITS[attr]:
                rep.add(part, 'ERROR', 'validation-text', at, '%s is %d characters (UTF-16), Excel allows %d' % (attr, u16(text), LIMITS[attr]))
        for f in ('formula1', 'formula2'):
            el = dv.find(q('sml', f))
            if el is not None and el.text and u16(el.text) > LIMITS['formula']:
                rep.add(part, 'ERROR', 'validation-formula', at, '%s longer than 255 characters' % f)
    merged = []
    for m in ws.iter(q('sml', 'mergeCell')):
        a, _, b = m.get('ref', '').partition(':')
        p, r2 = parse_ref(a), parse_ref(b or a)
        if not p or not r2:
            rep.add(part, 'ERROR', 'merge', m.get('ref'), 'not a range')
            continue
        box = (p[0], p[1], r2[0], r2[1])
        for o in merged:
            if not (box[2] < o[0] or o[2] < box[0] or box[3] < o[1] or o[3] < box[1]):
                rep.add(part, 'ERROR', 'merge', m.get('ref'), 'overlaps another merged range')
        merged.append(box)
    rels = pkg.rels(part)
    for tag in ('drawing', 'legacyDrawing'):
        for el in ws.findall(q('sml', tag)):
            rid = el.get(q('r', 'id'))
            if rid not in rels:
                rep.add(part, 'ERROR', 'rels', tag, 'r:id %s is not a relationship of the sheet' % rid)


def check_chart(pkg, part, rep, sheet_names):
    ch = pkg.parse(part)
    for f in ch.iter(q('c', 'f')):
        text = (f.text or '').strip()
        m = re.match(r"^(?:'((?:[^']|'')+)'|([^'!]+))!", text)
        if not m:
            rep.add(part, 'ERROR', 'chart-ref', where(f), 'reference without a sheet: %s' % text)
            continue
        sheet = (m.group(1) or m.group(2)).replace("''", "'")
        if sheet not in sheet_names:
            rep.add(part, 'ERROR', 'chart-ref', where(f), 'sheet %s does not exist' % sheet)


def check_drawing(pkg, part, rep):
    dr = pkg.parse(part)
    rels = pkg.rels(part)
    for anchor in dr:
        fr, to = anchor.find(q('xdr', 'from')), anchor.find(q('xdr', 'to'))
        if fr is not None and to is not None:
            a = (int(fr.findtext(q('xdr', 'row'))), int(fr.findtext(q('xdr', 'col'))))
            b = (int(to.findtext(q('xdr', 'row'))), int(to.findtext(q('xdr', 'col'))))
            if b[0] < a[0] or b[1] < a[1]:
                rep.add(part, 'ERROR', 'anchor', where(anchor), 'anchor ends before it starts')
    for el in dr.iter(q('c', 'chart')):
        rid = el.get(q('r', 'id'))
        if rid not in rels or rels[rid][0] != RT + 'chart':
            rep.add(part, 'ERROR', 'rels', where(el), 'chart r:id %s is not a chart relationship' % rid)


O_NS = 'urn:schemas-microsoft-com:office:office'
V_NS = 'urn:schemas-microsoft-com:vml'


def check_vml_ids(pkg, rep):
    """Cell-note shapes are numbered workbook-wide: each VML part claims
    blocks of 1024 ids in <o:idmap data>, and its shapes' ids (_x0000_sN)
    must lie in its own blocks. Two parts claiming one block make Excel repair
    the file and drop notes."""
    owner = {}
    for n in sorted(x for x in pkg.names if x.endswith('.vml')):
        try:
            root = pkg.parse(n)
        except etree.XMLSyntaxError:
            continue
        blocks = set()
        for idmap in root.iter('{%s}idmap' % O_NS):
            for b in (idmap.get('data') or '').replace(' ', ',').split(','):
                if b.strip().isdigit():
                    blocks.add(int(b))
        for b in sorted(blocks):
            if b in owner:
                rep.add(n, 'ERROR', 'vml-ids', 'o:idmap', 'shape-id block %d is also claimed by %s' % (b, owner[b]))
            else:
                owner[b] = n
        for shape in root.iter('{%s}shape' % V_NS):
            m = re.match(r'_x0000_s(\d+)$', shape.get('id') or '')
            if m and int(m.group(1)) // 1024 not in blocks:
                rep.add(n, 'ERROR', 'vml-ids', shape.get('id'), 'shape id outside the blocks its o:idmap claims (%s)' % sorted(blocks))


# ---------------------------------------------------------------- one file

def check_file(path, schemas):
    rep = Report(path)
    try:
        pkg = Package(path)
    except (zipfile.BadZipFile, OSError) as e:
        rep.add('', 'ERROR', 'zip', '', str(e))
        return rep
    if '[Content_Types].xml' not in pkg.names:
        rep.add('', 'ERROR', 'content-types', '', 'no [Content_Types].xml')
        return rep
    for n in pkg.zip.namelist():
        if n.endswith('/'):
            rep.add(n, 'WARN', 'zip', n, 'folder entry in the zip (Office writes none)')
    types = content_types(pkg, rep)
    for n in pkg.names:
        ctype = types.get(n) or ''
        if not (n.endswith('.xml') or n.endswith('.rels') or n.endswith('.vml') or ctype.endswith('xml')):
            continue
        try:
            root = pkg.parse(n)
        except etree.XMLSyntaxError as e:
            rep.add(n, 'ERROR', 'xml', '', 'not well-formed: %s' % e)
            continue
        if n.endswith('.vml'):
            continue  # legacy VML: parsed only
        ns = etree.QName(root).namespace
        schema_name = ROOT_SCHEMA.get(ns)
        if not schema_name:
            rep.add(n, 'ERROR', 'schema', where(root), 'no schema for root element %s' % root.tag)
            continue
        copy = etree.fromstring(etree.tostring(root))
        mc_process(copy, schemas.understood)
        strip_xml_space(copy)
        schema = schemas.get(schema_name)
        if not schema.validate(copy):
            for e in schema.error_log:
                rep.add(n, 'ERROR', 'schema', e.path, e.message)
    check_rels(pkg, rep)
    check_vml_ids(pkg, rep)

    wb_part = next((t for (typ, t, ext) in pkg.rels('').values() if typ == RT + 'officeDocument'), None)
    if not wb_part or wb_part not in pkg.names:
        rep.add('', 'ERROR', 'package', '', 'no workbook part')
        return rep
    sheet_names = check_workbook(pkg, wb_part, rep)
    wb_rels = pkg.rels(wb_part)
    styles = next((t for (typ, t, ext) in wb_rels.values() if typ == RT + 'styles'), None)
    n_xfs, n_dxfs = style_counts(pkg, styles)
    sst = next((t for (typ, t, ext) in wb_rels.values() if typ == RT + 'sharedStrings'), None)
    n_sst = len(pkg.parse(sst)) if sst and sst in pkg.names else None
    for typ, target, ext in wb_rels.values():
        if typ == RT + 'worksheet' and target in pkg.names:
            check_sheet(pkg, target, rep, n_xfs, n_dxfs, n_sst)
    for n in pkg.names:
        ctype = types.get(n) or ''
        if ctype.endswith('drawingml.chart+xml'):
            check_chart(pkg, n, rep, sheet_names)
        elif ctype.endswith('drawing+xml'):
            check_drawing(pkg, n, rep)
    return rep


def files_of(args):
    for a in args:
        if os.path.isdir(a):
            for d, _, fs in sorted(os.walk(a)):
                for f in sorted(fs):
                    if f.endswith('.xlsx') and not f.startswith('~$'):
                        yield os.path.join(d, f)
        else:
            yield a


def main(argv):
    as_json = '--json' in argv
    args = [a for a in argv if a != '--json']
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    schemas = Schemas()
    reports = [check_file(f, schemas) for f in files_of(args)]
    if as_json:
        print(json.dumps({r.file: r.findings for r in reports}, ensure_ascii=False))
    else:
        for r in reports:
            for f in r.findings:
                print(' | '.join([os.path.basename(r.file), f['part'], f['level'], f['check'], f['where'] or '', f['message']]))
            print('# %s: %d error(s), %d finding(s)' % (r.file, r.errors, len(r.findings)))
    return 1 if any(r.errors for r in reports) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

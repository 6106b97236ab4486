/**
 * LibreOffice itself sorting rows of a sheet and then deleting one, as a
 * clerk does in Calc (Data › Sort, then Delete Rows), run headless through a
 * Basic macro installed in a throw-away profile. The file is saved as .xlsx
 * by LibreOffice's own filter.
 */

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SOFFICE } from '../support/libreoffice';

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SortDelete(src As String, dst As String, sheetIndex As String, firstRow As String, lastRow As String, deleteRow As String, ascending As String)
  On Error GoTo Failed
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  Dim sh As Object
  sh = doc.Sheets.getByIndex(CInt(sheetIndex))
  sh.unprotect(&quot;&quot;)
  Dim fields(0) As New com.sun.star.table.TableSortField
  fields(0).Field = 0
  fields(0).IsAscending = (ascending = &quot;1&quot;)
  Dim desc(0) As New com.sun.star.beans.PropertyValue
  desc(0).Name = &quot;SortFields&quot;
  desc(0).Value = fields()
  sh.getCellRangeByPosition(0, CLng(firstRow) - 1, 7, CLng(lastRow) - 1).sort(desc())
  sh.Rows.removeByIndex(CLng(deleteRow) - 1, 1)
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
  Exit Sub
Failed:
  Dim n As Integer
  n = FreeFile
  Open dst &amp; &quot;.err&quot; For Output As #n
  Print #n, &quot;Error &quot; &amp; Err &amp; &quot;: &quot; &amp; Error$
  Close #n
End Sub
</script:module>
`;

export interface SortDelete {
  /** 0-based sheet index (the entry sheet is the second sheet). */
  sheet: number;
  /** 1-based rows sorted by column A (with columns A:H). */
  first: number;
  last: number;
  /** 1-based row deleted after the sort. */
  remove: number;
  ascending: boolean;
}

/** Sorts and deletes in LibreOffice; writes `dst` (.xlsx). Throws with the macro's error. */
export function sortThenDelete(src: string, dst: string, op: SortDelete): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-macro-'));
  try {
    const profile = `file://${work}/profile`;
    // A first start creates the profile (and its Standard library); then the module is replaced.
    execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--terminate_after_init'], { stdio: 'ignore', timeout: 120_000 });
    fs.writeFileSync(path.join(work, 'profile/user/basic/Standard/Module1.xba'), MODULE);
    // ASCII paths in the macro URL.
    const inFile = path.join(work, 'in.xlsx');
    const outFile = path.join(work, 'out.xlsx');
    fs.copyFileSync(src, inFile);
    const a = [inFile, outFile, op.sheet, op.first, op.last, op.remove, op.ascending ? 1 : 0].map((x) => `"${x}"`).join(',');
    execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', `macro:///Standard.Module1.SortDelete(${a})`], { stdio: 'ignore', timeout: 120_000 });
    if (fs.existsSync(`${outFile}.err`)) throw new Error(`LibreOffice macro: ${fs.readFileSync(`${outFile}.err`, 'utf8')}`);
    if (!fs.existsSync(outFile)) throw new Error('LibreOffice macro wrote nothing');
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(outFile, dst);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

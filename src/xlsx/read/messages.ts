/** Bilingual messages for files the reader refuses. Chinese first. */

import type { ReadErrorCode } from './types';

type Params = Record<string, string | number | undefined>;

function mb(n: number | string | undefined): string {
  const v = typeof n === 'number' ? n : Number(n ?? 0);
  return `${(v / 1024 / 1024).toFixed(1)} MB`;
}

/** The reader's details are English; these are the ones a Chinese sentence shows. */
const ZH_DETAIL: [RegExp, string][] = [
  [/^no workbook part$/, '缺少工作簿部件'],
  [/^not an Office Open XML package$/, '不是 Office Open XML 文件'],
  [/^OpenDocument \(\.ods\)$/, 'OpenDocument 表格（.ods）'],
  [/^Excel binary workbook \(\.xlsb\)$/, 'Excel 二进制工作簿（.xlsb）'],
  [/^Word document$/, 'Word 文档'],
  [/^PowerPoint presentation$/, 'PowerPoint 演示文稿'],
  [/^(.+): (\d+) bytes declared$/, '$1：声明 $2 字节'],
  [/^total (\d+) bytes declared$/, '共声明 $1 字节'],
  [/^(.+): overlaps (.+)$/, '$1 与 $2 的数据重叠'],
  [/^cell ([A-Z]+[0-9]+) appears twice$/, '单元格 $1 出现了两次'],
  [/^(.+): inflates past its declared (\d+) bytes$/, '$1：解压后超过声明的 $2 字节'],
  [/^(.+): ratio (\d+):1$/, '$1：压缩比 $2:1'],
];

function zhDetail(detail: string): string {
  for (const [re, zh] of ZH_DETAIL) if (re.test(detail)) return detail.replace(re, zh);
  return detail;
}

const ZH: Record<ReadErrorCode, (p: Params) => string> = {
  'not-zip': () => '不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式。请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）。',
  'corrupt-zip': () => '已损坏或不完整（压缩结构错误），无法读取。请重新保存或重新发送原文件。',
  encrypted: () => '工作簿设置了打开密码（已加密），无法读取。请取消密码保护（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后重新保存为 .xlsx。',
  xls: () => '这是旧版 Excel 97-2003 工作簿（.xls），请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx），并使用下发的填报模板。',
  ole2: () => '这是旧版 .xls 工作簿或设置了打开密码的工作簿，无法读取。请取消密码保护，并“另存为” Excel 工作簿（*.xlsx）。',
  macro: () => '工作簿含有宏（.xlsm / vbaProject.bin），为安全起见不予读取。请“另存为” Excel 工作簿（*.xlsx，不含宏）后重新提交。',
  'too-large': (p) =>
    `文件大小 ${mb(p.size)}，超过可读取的上限 ${mb(p.limit)}（整个文件要读入内存；一份填报表通常不到 1 MB）。请检查是否选错了文件；如确是填报表，请删除其中的图片或另加的工作表，另存后重新提交。`,
  'part-too-large': (p) =>
    p.total
      ? `工作簿中的部件 ${p.part ?? ''} 解压后 ${mb(p.size)}，读取本文件所需的内容合计超过上限 ${mb(p.limit)}（为控制内存）。通常是表中粘贴了大量数据：请删除多余的行或工作表，另存后重新提交。`
      : `工作簿中的部件 ${p.part ?? ''} 解压后 ${mb(p.size)}，超过单个部件的读取上限 ${mb(p.limit)}（为控制内存）。通常是表中粘贴了大量数据：请删除多余的行或工作表，另存后重新提交。`,
  'other-format': (p) => zhFormat(String(p.format ?? '')),
  'too-many-entries': (p) => `文件内部部件过多（${p.count} 个，上限 ${p.limit} 个），可能已损坏或是恶意文件，已拒绝读取。`,
  'zip-bomb': (p) =>
    `压缩结构异常${p.detail ? `（${zhDetail(String(p.detail))}）` : ''}：声明的大小远超任何工作簿，或解压后超过其声明的大小。文件已损坏或是刻意构造的（压缩炸弹），已拒绝读取。`,
  'not-xlsx': (p) => `不是 Excel 工作簿（.xlsx）${p.detail ? `：${zhDetail(String(p.detail))}` : ''}。请“另存为” Excel 工作簿（*.xlsx）后重新提交。`,
  'bad-xml': (p) => `工作簿内容已损坏（${p.part ?? ''}：${p.detail ? zhDetail(String(p.detail)) : 'XML 格式错误'}），无法读取。请用 Excel 打开修复后重新保存。`,
  'read-error': (p) => `无法读取文件（${p.reason ?? '未知原因'}）。`,
  internal: (p) => `读取时发生内部错误（${p.detail ?? ''}），请将此文件反馈给管理员。`,
};

const EN: Record<ReadErrorCode, (p: Params) => string> = {
  'not-zip': () => 'Not an Excel workbook (.xlsx): the content is not in xlsx format. Open it in Excel or WPS and "Save As" Excel Workbook (*.xlsx).',
  'corrupt-zip': (p) => `The file is damaged or incomplete (${p.detail ?? 'bad zip structure'}) and cannot be read. Save it again or resend the original.`,
  encrypted: () => 'The workbook is password-protected (encrypted) and cannot be read. Remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save as .xlsx.',
  xls: () => 'This is a legacy Excel 97-2003 workbook (.xls). Open it in Excel or WPS and "Save As" Excel Workbook (*.xlsx), using the template you were sent.',
  ole2: () => 'This is a legacy .xls workbook or a password-protected workbook and cannot be read. Remove any password and "Save As" Excel Workbook (*.xlsx).',
  macro: () => 'The workbook contains macros (.xlsm / vbaProject.bin) and is refused for safety. "Save As" Excel Workbook (*.xlsx, no macros) and submit again.',
  'too-large': (p) =>
    `The file is ${mb(p.size)}, over the ${mb(p.limit)} that can be read (the whole file is held in memory; a return is usually under 1 MB). Check you picked the right file; if it is a return, delete its pictures or added sheets, save and submit again.`,
  'part-too-large': (p) =>
    p.total
      ? `The part ${p.part ?? ''} expands to ${mb(p.size)}; what must be read from this file exceeds the ${mb(p.limit)} limit (memory). Usually a lot of data was pasted in: delete the extra rows or sheets, save and submit again.`
      : `The part ${p.part ?? ''} expands to ${mb(p.size)}, over the ${mb(p.limit)} read limit for one part (memory). Usually a lot of data was pasted in: delete the extra rows or sheets, save and submit again.`,
  'other-format': (p) => enFormat(String(p.format ?? '')),
  'too-many-entries': (p) => `The file has too many internal parts (${p.count}, limit ${p.limit}); it may be damaged or hostile and was refused.`,
  'zip-bomb': (p) =>
    `Abnormal compression (${p.detail ?? ''}): sizes no workbook has, or a part expanding past its declared size. The file is damaged or crafted (zip bomb) and was refused.`,
  'not-xlsx': (p) => `Not an Excel workbook (.xlsx)${p.detail ? `: ${p.detail}` : ''}. "Save As" Excel Workbook (*.xlsx) and submit again.`,
  'bad-xml': (p) => `The workbook content is damaged (${p.part ?? ''}: ${p.detail ?? 'malformed XML'}) and cannot be read. Open it in Excel to repair it and save again.`,
  'read-error': (p) => `Cannot read the file (${p.reason ?? 'unknown reason'}).`,
  internal: (p) => `Internal error while reading (${p.detail ?? ''}); please send this file to the administrator.`,
};

/** Known formats that are not .xlsx, and how to turn them into one. */
const FORMATS: Record<string, { zh: string; en: string }> = {
  xls: {
    zh: '这是旧版 Excel 97-2003 工作簿（.xls）。请用 Excel 或 WPS 打开，“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，并使用下发的填报模板。',
    en: 'This is a legacy Excel 97-2003 workbook (.xls). Open it in Excel or WPS, File → Save As, type "Excel Workbook (*.xlsx)", and use the template you were sent.',
  },
  et: {
    zh: '这是 WPS 表格文件（.et）。请用 WPS 打开，“文件 → 另存为”，文件类型选“Microsoft Excel 文件（*.xlsx）”，再提交 .xlsx 文件。',
    en: 'This is a WPS Spreadsheets file (.et). Open it in WPS, File → Save As, type "Microsoft Excel File (*.xlsx)", and submit the .xlsx.',
  },
  ods: {
    zh: '这是 OpenDocument 表格（.ods）。请用 LibreOffice 或 WPS 打开，“文件 → 另存为”，文件类型选“Excel 2007-365（.xlsx）”，再提交 .xlsx 文件。',
    en: 'This is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or WPS, File → Save As, type "Excel 2007-365 (.xlsx)", and submit the .xlsx.',
  },
  csv: {
    zh: '这是 CSV 文本文件，只保存了数值，没有填报模板的结构（元数据、单元格名称）。另存为 .xlsx 也不能恢复模板：请把数值填入下发的 .xlsx 填报模板后提交。',
    en: 'This is a CSV text file: it keeps only values, not the template (metadata, defined names). Saving it as .xlsx cannot restore that: type the values into the .xlsx template you were sent and submit it.',
  },
  xlsb: {
    zh: '这是 Excel 二进制工作簿（.xlsb）。请用 Excel 打开，“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”。',
    en: 'This is an Excel binary workbook (.xlsb). Open it in Excel, File → Save As, type "Excel Workbook (*.xlsx)".',
  },
  docx: { zh: '这是一份 Word 文档，不是 Excel 工作簿。请提交下发的填报表（.xlsx）。', en: 'This is a Word document, not an Excel workbook. Submit the return workbook (.xlsx) you were sent.' },
  pptx: { zh: '这是一份 PowerPoint 演示文稿，不是 Excel 工作簿。请提交下发的填报表（.xlsx）。', en: 'This is a PowerPoint presentation, not an Excel workbook. Submit the return workbook (.xlsx) you were sent.' },
  odt: { zh: '这是一份 OpenDocument 文本文档（.odt），不是 Excel 工作簿。请提交下发的填报表（.xlsx）。', en: 'This is an OpenDocument text document (.odt), not an Excel workbook. Submit the return workbook (.xlsx) you were sent.' },
  odp: { zh: '这是一份 OpenDocument 演示文稿（.odp），不是 Excel 工作簿。请提交下发的填报表（.xlsx）。', en: 'This is an OpenDocument presentation (.odp), not an Excel workbook. Submit the return workbook (.xlsx) you were sent.' },
  pdf: { zh: '这是一份 PDF 文件，不是 Excel 工作簿。请提交下发的填报表（.xlsx）。', en: 'This is a PDF file, not an Excel workbook. Submit the return workbook (.xlsx) you were sent.' },
};

function zhFormat(f: string): string {
  return FORMATS[f]?.zh ?? `不是 Excel 工作簿（.xlsx）（${f}）。请“另存为” Excel 工作簿（*.xlsx）后重新提交。`;
}
function enFormat(f: string): string {
  return FORMATS[f]?.en ?? `Not an Excel workbook (.xlsx) (${f}). "Save As" Excel Workbook (*.xlsx) and submit again.`;
}

/** "文件 x.xlsx：…" / "File x.xlsx: …" */
export function readErrorMessage(code: ReadErrorCode, file: string, lang: 'zh' | 'en', params: Params = {}): string {
  return lang === 'en' ? `File ${file}: ${EN[code](params)}` : `文件 ${file}：${ZH[code](params)}`;
}

/** Bilingual messages for files the reader refuses. Chinese first. */

import type { ReadErrorCode } from './index';

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
  'too-large': (p) => `文件过大（${mb(p.size)}，上限 ${mb(p.limit)}），不像是填报表。请检查是否选错了文件。`,
  'too-many-entries': (p) => `文件内部部件过多（${p.count} 个，上限 ${p.limit} 个），可能已损坏或是恶意文件，已拒绝读取。`,
  'zip-bomb': (p) => `解压后超出声明大小或异常巨大${p.detail ? `（${zhDetail(String(p.detail))}）` : ''}，可能已损坏或是恶意构造的文件（压缩炸弹），已拒绝读取。`,
  'not-xlsx': (p) => `不是 Excel 工作簿（.xlsx）${p.detail ? `：${zhDetail(String(p.detail))}` : ''}。请“另存为” Excel 工作簿（*.xlsx）后重新提交。`,
  'bad-xml': (p) => `工作簿内容已损坏（${p.part ?? ''}：${p.detail ?? 'XML 格式错误'}），无法读取。请用 Excel 打开修复后重新保存。`,
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
  'too-large': (p) => `The file is too large (${mb(p.size)}, limit ${mb(p.limit)}) to be a return. Check you picked the right file.`,
  'too-many-entries': (p) => `The file has too many internal parts (${p.count}, limit ${p.limit}); it may be damaged or hostile and was refused.`,
  'zip-bomb': (p) => `The file expands past its declared size or to an abnormal size (${p.detail ?? ''}); it is damaged or hostile (zip bomb) and was refused.`,
  'not-xlsx': (p) => `Not an Excel workbook (.xlsx)${p.detail ? `: ${p.detail}` : ''}. "Save As" Excel Workbook (*.xlsx) and submit again.`,
  'bad-xml': (p) => `The workbook content is damaged (${p.part ?? ''}: ${p.detail ?? 'malformed XML'}) and cannot be read. Open it in Excel to repair it and save again.`,
  'read-error': (p) => `Cannot read the file (${p.reason ?? 'unknown reason'}).`,
  internal: (p) => `Internal error while reading (${p.detail ?? ''}); please send this file to the administrator.`,
};

/** "文件 x.xlsx：…" / "File x.xlsx: …" */
export function readErrorMessage(code: ReadErrorCode, file: string, lang: 'zh' | 'en', params: Params = {}): string {
  return lang === 'en' ? `File ${file}: ${EN[code](params)}` : `文件 ${file}：${ZH[code](params)}`;
}

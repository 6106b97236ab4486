/**
 * File-system failures as sentences: the path, what went wrong in words a
 * clerk understands, Chinese then English. Never a stack trace.
 */

export type Lang = 'zh' | 'en';

const REASONS: Record<string, [string, string]> = {
  ENOSPC: ['磁盘空间已满', 'no space left on the disk'],
  EDQUOT: ['超出磁盘配额', 'disk quota exceeded'],
  EACCES: ['没有权限', 'permission denied'],
  EPERM: ['不允许此操作（权限不足或文件被锁定）', 'operation not permitted (permissions, or the file is locked)'],
  EROFS: ['只读的磁盘', 'read-only file system'],
  EISDIR: ['这是一个目录', 'it is a directory'],
  ENOTDIR: ['路径中有一段不是目录', 'a part of the path is not a directory'],
  ENOENT: ['路径不存在', 'no such file or directory'],
  EEXIST: ['已存在', 'already exists'],
  ENAMETOOLONG: ['文件名过长', 'file name too long'],
  EBUSY: ['文件正被占用（可能在 Excel 中打开）', 'the file is busy (open in Excel?)'],
  EMFILE: ['同时打开的文件过多', 'too many open files'],
  EIO: ['磁盘读写错误', 'input/output error'],
};

/** "磁盘空间已满（ENOSPC）" / "no space left on the disk (ENOSPC)". */
export function fsReason(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words = code ? REASONS[code] : undefined;
  if (words) return `${lang === 'en' ? words[1] : words[0]}（${code}）`.replace(/（(.*)）$/, lang === 'en' ? ' ($1)' : '（$1）');
  const m = e instanceof Error ? e.message : String(e);
  return code ? `${m}（${code}）` : m;
}

/** A file-system failure with the path it concerns (the target, not a temp file). */
export class FsFailure extends Error {
  readonly code: string | undefined;
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(`${path}: ${fsReason(cause, 'en')}`);
    this.name = 'FsFailure';
    this.code = (cause as NodeJS.ErrnoException)?.code;
  }
}

/**
 * Commander prints its own parse errors in English only ("error: unknown
 * option '--bogus'"). The rest of the CLI speaks Chinese first, so every
 * known commander message is rewritten to "错误 / error: 中文\nEnglish",
 * the form reportError uses. Unknown messages keep their English under a
 * generic Chinese line rather than being lost.
 */

import type { Command } from 'commander';

interface Rule {
  re: RegExp;
  zh: (m: RegExpExecArray) => string;
}

/** Commander's "(Did you mean --plan?)" suggestion, in Chinese. */
function suggestionZh(s: string | undefined): string {
  return s ? `（是否要输入 ${s.replace(/^one of /, '')}？）` : '';
}

const RULES: Rule[] = [
  { re: /^unknown option '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/s, zh: (m) => `未知选项“${m[1]}”${suggestionZh(m[2])}` },
  { re: /^unknown command '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/s, zh: (m) => `未知命令“${m[1]}”${suggestionZh(m[2])}` },
  { re: /^missing required argument '(.+)'$/, zh: (m) => `缺少必需的参数 <${m[1]}>` },
  { re: /^required option '(.+)' not specified$/, zh: (m) => `缺少必填选项 ${m[1]}` },
  { re: /^option '(.+)' argument missing$/, zh: (m) => `选项 ${m[1]} 缺少取值` },
  {
    re: /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    zh: (m) => `${m[1] ? `命令 ${m[1]} 的` : ''}参数过多：应为 ${m[2]} 个，实际 ${m[3]} 个`,
  },
  { re: /^option '(.+)' argument '(.*)' is invalid\.(?: Allowed choices are (.+)\.)?/s, zh: (m) => `选项 ${m[1]} 的值“${m[2]}”无效${m[3] ? `，可选：${m[3].split(', ').join('、')}` : ''}` },
  {
    re: /^command-argument value '(.*)' is invalid for argument '(.+)'\.(?: Allowed choices are (.+)\.)?/s,
    zh: (m) => `参数 <${m[2]}> 的值“${m[1]}”无效${m[3] ? `，可选：${m[3].split(', ').join('、')}` : ''}`,
  },
  { re: /^(?:option|environment variable) '(.+)' cannot be used with (?:option|environment variable) '(.+)'$/, zh: (m) => `选项 ${m[1]} 不能与 ${m[2]} 同时使用` },
];

/** "error: unknown option '--x'\n" → "错误 / error: 未知选项“--x”\nunknown option '--x'\n". */
export function translateCommanderError(text: string): string {
  const en = text.replace(/^error:\s*/, '').replace(/\n+$/, '');
  for (const r of RULES) {
    const m = r.re.exec(en);
    if (m) return `错误 / error: ${r.zh(m)}\n${en}\n`;
  }
  return `错误 / error: 命令行用法错误\n${en}\n`;
}

/** Installs the translation on a command and every subcommand below it. */
export function bilingualErrors(cmd: Command): void {
  cmd.configureOutput({ outputError: (str, write) => write(translateCommanderError(str)) });
  for (const sub of cmd.commands) bilingualErrors(sub);
}

/**
 * `plansheet help nosuch`: commander answers with the general help and no
 * word about the unknown name. Returns the bilingual line to print after
 * that help, or null when the arguments are not `help <unknown command>`.
 */
export function unknownHelpTopic(program: Command, args: string[]): string | null {
  if (args[0] !== 'help' || args.length < 2) return null;
  let cmd: Command = program;
  for (const name of args.slice(1)) {
    const sub = cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (!sub) return translateCommanderError(`error: unknown command '${name}'`);
    cmd = sub;
  }
  return null;
}

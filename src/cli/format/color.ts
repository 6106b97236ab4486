/**
 * Terminal colours: only when writing to a TTY and NO_COLOR is not set, so
 * pipes, files and tests get plain text.
 */

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (code: number, reset: number) => (s: string) => `\x1b[${code}m${s}\x1b[${reset}m`;

const COLOR: Paint = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};

const id = (s: string) => s;
const PLAIN: Paint = { red: id, yellow: id, green: id, cyan: id, dim: id, bold: id };

export function paintFor(stream: NodeJS.WriteStream = process.stdout): Paint {
  return stream.isTTY && !process.env.NO_COLOR ? COLOR : PLAIN;
}

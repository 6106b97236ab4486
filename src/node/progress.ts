/**
 * A one-line progress bar on stderr. It draws only when stderr is a TTY, so
 * pipes, CI logs and tests see nothing but the final summary.
 */

export interface Progress {
  tick(label?: string): void;
  done(): void;
}

const NO_PROGRESS: Progress = { tick() {}, done() {} };

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 1) return NO_PROGRESS;
  let n = 0;
  let lastDraw = 0;
  const width = 24;
  const draw = (label: string) => {
    const filled = Math.round((n / total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const cols = stream.columns || 80;
    const line = `${bar} ${n}/${total} ${label}`;
    // Chinese characters are two columns wide; trim by a safe margin.
    stream.write(`\r\x1b[K${line.slice(0, Math.max(10, cols - 2 - Math.ceil(label.length)))}`);
  };
  return {
    tick(label = '') {
      n++;
      const now = Date.now();
      // Redraw at most every 50 ms: drawing costs more than a workbook.
      if (now - lastDraw >= 50 || n === total) {
        lastDraw = now;
        draw(label);
      }
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}

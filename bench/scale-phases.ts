/**
 * Child of bench/scale.bench.ts: the consolidate command's phases one after
 * another, as src/cli/commands/consolidate.ts runs them, with the time and
 * the peak RSS after each. Usage: scale-phases.ts PLAN.json RETURNS_DIR
 */

import { collectInputs, readInputs } from '../src/cli/inputs';
import { consolidate } from '../src/core/engine';
import type { ParsedReturn } from '../src/core/return/types';
import type { UnreadableFile } from '../src/core/consolidate/types';
import { loadPlanArg } from '../src/node/plan-source';
import { writeSummaryWorkbook } from '../src/xlsx/summary';
import { NODE_ZIP_CODEC } from '../src/node/codec';

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function main(): Promise<void> {
  const [planFile, dir] = process.argv.slice(2);
  const plan = loadPlanArg(planFile);
  const { files } = collectInputs([dir], { directories: true, exclude: [], lang: 'zh' });
  let t = performance.now();
  const lap = (what: string) => {
    const now = performance.now();
    console.log(`${what.padEnd(34)} ${((now - t) / 1000).toFixed(2).padStart(6)} s   peak RSS so far ${peakMb()} MB`);
    t = now;
  };
  const read = await readInputs(files, 'zh', () => undefined);
  lap(`read ${files.length} returns (reader)`);
  const all: (ParsedReturn | UnreadableFile)[] = read.map((r) => (r.ok ? r.ret : { file: r.file, message: r.message, rule: r.rule }));
  const result = consolidate(plan, '2023', all, { lang: 'zh', conflict: 'latest' });
  lap(`engine (${result.returns.filter((r) => r.status === 'accepted').length} accepted, ${result.findings.length} findings)`);
  const bytes = await writeSummaryWorkbook(plan, result, { creator: 'bench', zipCodec: NODE_ZIP_CODEC });
  lap(`summary writer (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

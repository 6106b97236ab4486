/**
 * Child of bench/scale.bench.ts: the consolidate command's phases one after
 * another, as src/cli/commands/consolidate.ts runs them, with the time, the
 * peak RSS and the live heap after each. Runs the compiled build the CLI runs
 * (so read workers start as they do for users, not through ts-node). The
 * parsed returns are dropped after the engine, as the CLI does without
 * --feedback. Usage: scale-phases.ts PLAN.json RETURNS_DIR
 */

import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import type * as Inputs from '../src/cli/inputs';
import type * as Engine from '../src/core/engine';
import type * as PlanSource from '../src/node/plan-source';
import type * as Summary from '../src/xlsx/summary';
import type * as Codec from '../src/node/codec';
import type { Plan } from '../src/core/plan/types';
import type { ParsedReturn } from '../src/core/return/types';
import type { Consolidation, UnreadableFile } from '../src/core/consolidate/types';

const ROOT = path.join(__dirname, '..');
require(path.join(ROOT, 'scripts', 'build-cli')).ensureBuilt();
const built = <T>(module: string): T => require(path.join(ROOT, 'build', 'src', module)) as T;
const { collectInputs, readInputs } = built<typeof Inputs>('cli/inputs');
const { consolidate } = built<typeof Engine>('core/engine');
const { loadPlanArg } = built<typeof PlanSource>('node/plan-source');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const heapMb = () => {
  gc();
  return (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0);
};

let t = performance.now();
const lap = (what: string) => {
  const now = performance.now();
  console.log(`${what.padEnd(40)} ${((now - t) / 1000).toFixed(2).padStart(6)} s   peak RSS so far ${peakMb().padStart(4)} MB   live heap ${heapMb().padStart(4)} MB`);
  t = performance.now();
};

/** Read and engine; the parsed returns are garbage once this returns. */
async function readAndConsolidate(plan: Plan, files: string[]): Promise<Consolidation> {
  const read = await readInputs(files, 'zh', () => undefined);
  lap(`read ${files.length} returns (reader)`);
  const all: (ParsedReturn | UnreadableFile)[] = read.map((r) => (r.ok ? r.ret : { file: r.file, message: r.message, rule: r.rule }));
  const result = consolidate(plan, '2023', all, { lang: 'zh', conflict: 'latest' });
  lap(`engine (${result.returns.filter((r) => r.status === 'accepted').length} accepted, ${result.findings.length} findings)`);
  return result;
}

async function main(): Promise<void> {
  const [planFile, dir] = process.argv.slice(2);
  const plan = loadPlanArg(planFile);
  const { files } = collectInputs([dir], { directories: true, exclude: [], lang: 'zh' });
  // Loaded before the clock starts, as the CLI has them loaded by then.
  built('xlsx/read/node');
  // The heap policy the consolidate command sets (src/node/heap.ts).
  built<typeof import('../src/node/heap')>('node/heap').favourMemoryOverHeapGrowth();
  t = performance.now();
  const result = await readAndConsolidate(plan, files);
  lap('(parsed returns dropped)');
  const { writeSummaryWorkbook } = built<typeof Summary>('xlsx/summary');
  const { NODE_ZIP_CODEC } = built<typeof Codec>('node/codec');
  t = performance.now();
  const bytes = await writeSummaryWorkbook(plan, result, { creator: 'bench', zipCodec: NODE_ZIP_CODEC });
  lap(`summary writer (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

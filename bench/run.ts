/**
 * `npm run bench`: runs every bench/*.bench.ts module in name order. Each
 * module exports `async function run(): Promise<void>` that prints its own
 * figures. `npm run bench -- generate` runs only the modules whose file name
 * contains "generate".
 */

import * as fs from 'fs';
import * as path from 'path';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filters.length || filters.some((w) => f.includes(w)))
    .sort();
  if (!files.length) {
    console.error(`no bench modules match ${filters.join(' ')}`);
    process.exitCode = 2;
    return;
  }
  for (const f of files) {
    console.log(`\n=== ${f} ===`);
    const started = Date.now();
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require(path.join(__dirname, f)) as BenchModule;
    await mod.run();
    console.log(`--- ${f}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

#!/usr/bin/env node
/**
 * The plansheet command line. Each command lives in its own module under
 * ./commands and exports `register(program)`; to add a command, add its module
 * name to COMMAND_MODULES (one line). Modules are required lazily here and keep
 * heavy imports (ExcelJS) inside their actions, so `plansheet --help` is fast.
 */

import { Command, CommanderError } from 'commander';
import { bilingualErrors, unknownHelpTopic } from './commander-errors';
import { EXIT_OK, EXIT_USAGE, reportError } from './errors';
import { installLazyExcelJS } from './lazy-exceljs';

/** Command modules, in --help order. */
const COMMAND_MODULES = ['plans', 'plan-show', 'plan-export', 'generate', 'validate', 'consolidate'];

export interface CommandModule {
  register(program: Command): void;
}

let cachedVersion: string | undefined;
function version(): string {
  if (cachedVersion) return cachedVersion;
  // src/cli → repo root; build/src/cli → repo root one level further up.
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const pkg = require(rel) as { name?: string; version: string };
      if (pkg.name === 'plansheet') return (cachedVersion = pkg.version);
    } catch {
      // try the next location
    }
  }
  return (cachedVersion = '0.0.0');
}

export function buildProgram(): Command {
  const program = new Command('plansheet')
    .description('PlanSheet：规划指标填报工具（生成填报模板、校验、汇总）\nPlanSheet: plan indicator reporting (templates, validation, consolidation)')
    .version(version(), '-V, --version', '显示版本 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpCommand('help [command]', '显示命令帮助 / show help for a command')
    .showHelpAfterError('（使用 --help 查看用法 / use --help for usage）')
    .exitOverride();
  for (const name of COMMAND_MODULES) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    (require(`./commands/${name}`) as CommandModule).register(program);
  }
  // Commander's own parse errors, Chinese first like every other error.
  bilingualErrors(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  // `plansheet plans | head`: a closed pipe is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // ExcelJS loads only the parts a command uses (start-up time).
  installLazyExcelJS();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? EXIT_OK);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help, `help [command]` and --version also arrive here, with exit code 0.
      if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
      // 'commander.help': no command given (`plansheet`, `plansheet plan`) or
      // `help <unknown>`; commander has printed the help on stderr. A usage
      // error like any other (docs/cli.md), not commander's exit code 1.
      if (e.code === 'commander.help') {
        const topic = unknownHelpTopic(program, argv.slice(2));
        if (topic) process.stderr.write(topic);
      }
      return EXIT_USAGE;
    }
    return reportError(e);
  }
}

export const version_ = version;

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  });
}

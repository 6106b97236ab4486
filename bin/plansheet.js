#!/usr/bin/env node
// Runs the PlanSheet CLI from its compiled JavaScript in build/, which the
// install builds (npm's `prepare` → scripts/build-cli.js). When a source under
// src/ or templates/ changed since (a developer's checkout), the build is
// redone first, in about a second; otherwise starting costs a few
// milliseconds of file checks. TypeScript is never compiled on the fly.
'use strict';
const path = require('path');

// Node 22.1+ keeps V8's compiled code of every loaded module on disk, which
// saves most of the module loading time of the next start; older Node: no-op.
require('module').enableCompileCache?.();

let cli;
try {
  require('../scripts/build-cli').ensureBuilt();
  cli = require(path.join(__dirname, '..', 'build', 'src', 'cli', 'main.js'));
} catch (e) {
  process.stderr.write(`错误 / error: 无法启动命令行，请在项目目录运行 npm ci 或 npm run build:cli\ncannot start the CLI: run npm ci or npm run build:cli in the project folder\n${e && e.message}\n`);
  process.exit(1);
}
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});

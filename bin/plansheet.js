#!/usr/bin/env node
// Runs the PlanSheet CLI: the compiled build when present (npm run build:cli),
// otherwise the TypeScript sources through ts-node (transpile only, no type
// check, so startup stays fast).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'build', 'src', 'cli', 'main.js');
let cli;
if (fs.existsSync(built)) {
  cli = require(built);
} else {
  require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  cli = require(path.join(root, 'src', 'cli', 'main.ts'));
}
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});

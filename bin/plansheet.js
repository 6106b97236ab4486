#!/usr/bin/env node
// Runs the PlanSheet CLI: the compiled build (npm run build:cli → build/) when
// it is newer than every source file, otherwise the TypeScript sources through
// ts-node (transpile only, no type check, so start-up stays reasonable).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'build', 'src', 'cli', 'main.js');

/** Newest modification time under a directory (sources and plan files). */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|tsx|json)$/.test(e.name)) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function buildIsFresh() {
  try {
    const b = fs.statSync(built).mtimeMs;
    return b >= newest(path.join(root, 'src')) && b >= newest(path.join(root, 'templates'));
  } catch {
    return false;
  }
}

let cli;
if (process.env.PLANSHEET_FROM_SOURCE !== '1' && buildIsFresh()) {
  cli = require(built);
} else {
  require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  cli = require(path.join(root, 'src', 'cli', 'main.ts'));
}
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});

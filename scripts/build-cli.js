#!/usr/bin/env node
/**
 * Builds the command line into build/ (npm's `prepare` runs it on `npm ci` and
 * `npm install`, also with --omit=dev; `npm run build:cli` runs it by hand):
 *
 * - every .ts file under src/{cli,core,node,xlsx} is transpiled to CommonJS one
 *   file at a time with TypeScript's transpileModule. The code is written for
 *   isolatedModules, so no type information is needed: the build needs only the
 *   `typescript` package (a dependency), not @types/*, and takes about a second.
 *   Type checking is `npm run typecheck`'s job, not the install's.
 * - templates/*.json is copied to build/templates, because
 *   src/core/plan/builtin.ts imports the built-in plans from there.
 *
 * bin/plansheet.js calls ensureBuilt() at every start: it compares the sources'
 * names, sizes and times with the stamp of the last build (a few milliseconds)
 * and, when something changed, transpiles only the changed files (all of them
 * after a change of tsconfig.json, this script or TypeScript), so an edited
 * checkout never runs stale code and nothing is compiled at run time
 * otherwise. Files are written to
 * a temporary name and renamed, so a CLI started during a rebuild never loads a
 * half-written module.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'build');
/** Source folders of the CLI; src/addin is the task pane, built by webpack. */
const SOURCE_DIRS = ['src/cli', 'src/core', 'src/node', 'src/xlsx'];
const STAMP = path.join(OUT, '.plansheet-build');

/** Every source file (relative path, forward slashes), plan files included. */
function sourceFiles() {
  const files = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) files.push(r);
    }
  };
  for (const d of SOURCE_DIRS) walk(d);
  for (const f of fs.readdirSync(path.join(ROOT, 'templates'))) if (f.endsWith('.json')) files.push(`templates/${f}`);
  return files.sort();
}

/** Files that change how every source is built: a change rebuilds all. */
const BUILD_INPUTS = ['tsconfig.json', 'scripts/build-cli.js', 'node_modules/typescript/package.json'];

/** One line per file the build depends on: its name, size and modification time. */
function signatureLines(files) {
  return [...BUILD_INPUTS, ...files].map((f) => {
    try {
      const s = fs.statSync(path.join(ROOT, f));
      return `${f}\t${s.size}\t${s.mtimeMs}`;
    } catch {
      return `${f}\tmissing`;
    }
  });
}

function signature(files) {
  return signatureLines(files).join('\n');
}

function readStamp() {
  try {
    return fs.readFileSync(STAMP, 'utf8');
  } catch {
    return null;
  }
}

/** Writes through a temporary file in the same folder and renames it into place. */
function writeAtomic(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Compiler options of tsconfig.json, as transpileModule wants them. */
function compilerOptions(ts) {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, configPath);
  // One CommonJS file per source, no maps or declarations next to it; where
  // it goes is this script's business, not the compiler's.
  const { outDir, rootDir, ...options } = parsed.options;
  return { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };
}

/** Output files a source becomes. */
function outputOf(rel) {
  return path.join(OUT, rel.endsWith('.ts') ? rel.replace(/\.ts$/, '.js') : rel);
}

/** Removes outputs whose source is gone (a renamed or deleted module). */
function removeOrphans(files) {
  const wanted = new Set(files.map(outputOf));
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|json)$/.test(e.name) && !wanted.has(p)) fs.rmSync(p, { force: true });
    }
  };
  for (const d of [...SOURCE_DIRS, 'templates']) walk(path.join(OUT, d));
}

/**
 * Builds what changed since the last build (everything when a BUILD_INPUTS
 * file changed or with `full`); returns the number of files written.
 */
function build({ full = false } = {}) {
  const ts = require('typescript');
  const options = compilerOptions(ts);
  const files = sourceFiles();
  const lines = signatureLines(files);
  // Lines of the last build that still hold: those sources need no work.
  const before = new Set(full ? [] : (readStamp() || '').split('\n'));
  const unchanged = BUILD_INPUTS.every((_, i) => before.has(lines[i])) ? before : new Set();
  const problems = [];
  let written = 0;
  for (const [i, rel] of files.entries()) {
    if (unchanged.has(lines[BUILD_INPUTS.length + i]) && fs.existsSync(outputOf(rel))) continue;
    written++;
    const src = fs.readFileSync(path.join(ROOT, rel), 'utf8');
    if (rel.endsWith('.json')) {
      writeAtomic(outputOf(rel), src);
      continue;
    }
    const out = ts.transpileModule(src, { compilerOptions: options, fileName: path.join(ROOT, rel), reportDiagnostics: true });
    for (const d of out.diagnostics || []) problems.push(`${rel}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    writeAtomic(outputOf(rel), out.outputText);
  }
  if (problems.length) throw new Error(`构建失败 / build failed:\n${problems.join('\n')}`);
  removeOrphans(files);
  // The stamp last: an interrupted build is redone at the next start.
  writeAtomic(STAMP, lines.join('\n'));
  return written;
}

/** True when build/ matches the sources as they are now. */
function isFresh() {
  const stamp = readStamp();
  return stamp !== null && stamp === signature(sourceFiles());
}

/**
 * Makes sure build/ matches the sources; rebuilds when it does not. When build/
 * cannot be written (an install in a read-only folder) but a build exists, it
 * is used; a source that does not compile is an error, never hidden.
 */
function ensureBuilt() {
  if (isFresh()) return;
  try {
    build();
  } catch (e) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(e.code) || readStamp() === null) throw e;
    process.stderr.write(`警告 / warning: 无法重新构建命令行，使用已有的构建 / could not rebuild the CLI, using the existing build (${e.message.split('\n')[0]})\n`);
  }
}

module.exports = { build, ensureBuilt, isFresh, OUT };

if (require.main === module) {
  const started = Date.now();
  try {
    // By hand or at install: always everything (a clean, known state).
    const n = build({ full: true });
    console.log(`plansheet: built ${n} files into build/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}

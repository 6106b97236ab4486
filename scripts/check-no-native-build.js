#!/usr/bin/env node
/**
 * Proves that the default install (`npm ci`) compiles nothing natively, by its
 * cause rather than by a green run (a machine may already hold libsecret, a
 * compiler, or a cached build):
 *
 * - package-lock.json: no package of the tree npm installs by default
 *   (dependencies, devDependencies, optional ones) has an install script.
 *   npm marks `hasInstallScript` for preinstall/install/postinstall scripts and
 *   for a binding.gyp, which npm builds with node-gyp even without a script.
 * - node_modules (when installed): no installed package has such a script or a
 *   binding.gyp, which also catches a lock file that does not tell the truth.
 *
 *   node scripts/check-no-native-build.js            lock file and node_modules
 *   node scripts/check-no-native-build.js --lock     lock file only (before npm ci)
 *   node scripts/check-no-native-build.js --root DIR another project folder
 *
 * Exit code 0 when clean; 1 with one line per offending package otherwise.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/** Lock entries (path → entry) that npm would run an install step for. */
function lockOffenders(root) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  if (!lock.packages) throw new Error('package-lock.json has no "packages" (lockfileVersion 2 or 3 expected)');
  const out = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where === '') continue; // the project itself: checked from package.json below
    if (entry.hasInstallScript) out.push(`${where}@${entry.version}: hasInstallScript in package-lock.json`);
  }
  return out;
}

/** The project's own install-time scripts: prepare may build JavaScript, nothing else runs at install. */
function rootOffenders(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const out = [];
  for (const s of INSTALL_SCRIPTS) if (pkg.scripts && pkg.scripts[s]) out.push(`package.json: scripts.${s} = ${pkg.scripts[s]}`);
  if (pkg.scripts && /node-gyp|cmake|\bmake\b|\bgcc\b|\bg\+\+/.test(pkg.scripts.prepare || '')) out.push(`package.json: scripts.prepare compiles natively: ${pkg.scripts.prepare}`);
  if (fs.existsSync(path.join(root, 'binding.gyp'))) out.push('binding.gyp in the project');
  return out;
}

/** Every installed package folder under a node_modules folder, nested ones included. */
function* packageDirs(nodeModules) {
  let entries;
  try {
    entries = fs.readdirSync(nodeModules, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(nodeModules, e.name);
    if (!e.isDirectory()) continue;
    if (e.name.startsWith('@')) {
      for (const s of fs.readdirSync(p, { withFileTypes: true })) {
        if (s.isDirectory()) yield* packageAndNested(path.join(p, s.name));
      }
    } else {
      yield* packageAndNested(p);
    }
  }
}

function* packageAndNested(dir) {
  if (fs.existsSync(path.join(dir, 'package.json'))) yield dir;
  yield* packageDirs(path.join(dir, 'node_modules'));
}

function treeOffenders(root) {
  const out = [];
  let count = 0;
  for (const dir of packageDirs(path.join(root, 'node_modules'))) {
    count++;
    let pkg;
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch {
      continue; // a test fixture folder inside a package, not an installed package
    }
    const rel = path.relative(root, dir);
    for (const s of INSTALL_SCRIPTS) {
      if (pkg.scripts && pkg.scripts[s]) out.push(`${rel}@${pkg.version}: scripts.${s} = ${pkg.scripts[s]}`);
    }
    if (pkg.gypfile !== false && fs.existsSync(path.join(dir, 'binding.gyp'))) out.push(`${rel}@${pkg.version}: binding.gyp (npm would run node-gyp rebuild)`);
  }
  return { out, count };
}

function main() {
  // --root DIR checks another project (the tests use it on crafted ones).
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(__dirname, '..');
  const lockOnly = process.argv.includes('--lock');
  const problems = [...rootOffenders(root), ...lockOffenders(root)];
  let scanned = 'node_modules not checked';
  if (!lockOnly) {
    if (!fs.existsSync(path.join(root, 'node_modules'))) {
      problems.push('node_modules is missing: run npm ci first, or pass --lock');
    } else {
      const t = treeOffenders(root);
      problems.push(...t.out);
      scanned = `${t.count} installed packages checked`;
    }
  }
  if (problems.length) {
    console.error(`默认安装会执行安装脚本或本地编译 / the default install would run install scripts or compile natively:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`no install scripts, no binding.gyp: the default install compiles nothing natively (lock file and ${scanned})`);
}

module.exports = { lockOffenders, rootOffenders, treeOffenders };
if (require.main === module) main();

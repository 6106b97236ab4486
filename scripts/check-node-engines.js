#!/usr/bin/env node
/**
 * The Node versions PlanSheet supports, and that package.json's `engines` and
 * the lock file agree on them: the oldest release of every supported major
 * line (SUPPORTED_FLOORS) and the running Node must satisfy `engines.node`
 * and the `engines.node` of every package in package-lock.json, so `npm ci`
 * warns about none of them (EBADENGINE) on a supported Node.
 *
 *   node scripts/check-node-engines.js     exit 0, or 1 with every disagreement
 */
'use strict';
const fs = require('fs');
const path = require('path');
const semver = require('semver');

/**
 * Node 20 (end of life since April 2026, still supported here) and the LTS
 * lines 22 and 24, each from the oldest release the dependency tree accepts.
 */
const SUPPORTED_FLOORS = ['20.9.0', '22.0.0', '24.0.0'];

function disagreements(root, versions) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const out = [];
  const own = pkg.engines && pkg.engines.node;
  if (!own) out.push('package.json has no engines.node');
  const lockOwn = lock.packages[''] && lock.packages[''].engines && lock.packages[''].engines.node;
  if (own !== lockOwn) out.push(`package.json engines.node "${own}" but package-lock.json says "${lockOwn}" (run npm install)`);
  for (const v of versions) {
    if (own && !semver.satisfies(v, own)) out.push(`Node ${v} is not accepted by package.json engines.node "${own}"`);
    for (const [where, entry] of Object.entries(lock.packages)) {
      const range = where && entry.engines && entry.engines.node;
      if (range && !semver.satisfies(v, range)) out.push(`Node ${v}: ${where}@${entry.version} wants node "${range}"`);
    }
  }
  return out;
}

module.exports = { SUPPORTED_FLOORS, disagreements };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const versions = [...SUPPORTED_FLOORS, process.versions.node];
  const out = disagreements(root, versions);
  if (out.length) {
    console.error(`Node 版本要求不一致 / the supported Node versions disagree:\n  ${out.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`engines and package-lock.json agree: Node ${versions.join(', ')} accepted by every package`);
  }
}

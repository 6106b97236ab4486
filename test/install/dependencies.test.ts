/**
 * What `npm ci` and `npm ci --omit=dev` install, read from package.json, the
 * lock file and the built CLI:
 * - the default tree compiles nothing natively: no install script, no
 *   binding.gyp (scripts/check-no-native-build.js, the check CI runs), and
 *   the check does catch them in a crafted project;
 * - the production install holds what the CLI loads and nothing else: every
 *   package the built CLI requires is a dependency, and every dependency is
 *   required by the CLI or by the build that `prepare` runs;
 * - engines and the lock file agree on Node 20, 22 and 24
 *   (scripts/check-node-engines.js), and the check catches a package that
 *   wants a newer Node, like webpack-cli 7's rechoir (Node ≥ 22.15).
 */

import { spawnSync } from 'child_process';
import { builtinModules } from 'module';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/python';

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  engines: { node: string };
}
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-deps-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function node(script: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', script), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

describe('no native build in the default install', () => {
  test('the lock file and the installed tree have no install script and no binding.gyp', () => {
    const r = node('check-no-native-build.js');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/compiles nothing natively \(lock file and \d+ installed packages checked\)/);
  });

  test('the check names each offender of a crafted project: lock entry, install script, binding.gyp', () => {
    const proj = path.join(tmp, 'native');
    writeJson(path.join(proj, 'package.json'), { name: 'p', version: '1.0.0', scripts: { postinstall: 'node-gyp rebuild' } });
    writeJson(path.join(proj, 'package-lock.json'), {
      lockfileVersion: 3,
      packages: {
        '': { name: 'p', version: '1.0.0' },
        'node_modules/keytar': { version: '7.9.0', dev: true, hasInstallScript: true },
        'node_modules/plain': { version: '1.0.0' },
      },
    });
    writeJson(path.join(proj, 'node_modules/plain/package.json'), { name: 'plain', version: '1.0.0' });
    writeJson(path.join(proj, 'node_modules/@scope/gyp/package.json'), { name: '@scope/gyp', version: '2.0.0' });
    fs.writeFileSync(path.join(proj, 'node_modules/@scope/gyp/binding.gyp'), '{"targets":[]}');
    writeJson(path.join(proj, 'node_modules/plain/node_modules/nested/package.json'), { name: 'nested', version: '3.0.0', scripts: { install: 'prebuild-install || node-gyp rebuild' } });

    const lockOnly = node('check-no-native-build.js', ['--root', proj, '--lock']);
    expect(lockOnly.code).toBe(1);
    expect(lockOnly.stderr).toContain('默认安装会执行安装脚本或本地编译 / the default install would run install scripts or compile natively');
    expect(lockOnly.stderr).toContain('node_modules/keytar@7.9.0: hasInstallScript in package-lock.json');
    expect(lockOnly.stderr).toContain('package.json: scripts.postinstall = node-gyp rebuild');
    expect(lockOnly.stderr).not.toContain('binding.gyp (npm');

    const full = node('check-no-native-build.js', ['--root', proj]);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain(`${path.join('node_modules', '@scope', 'gyp')}@2.0.0: binding.gyp (npm would run node-gyp rebuild)`);
    expect(full.stderr).toContain(`${path.join('node_modules', 'plain', 'node_modules', 'nested')}@3.0.0: scripts.install = prebuild-install || node-gyp rebuild`);
    expect(full.stderr).not.toMatch(/node_modules\/plain@/);
  });

  test('the sideloading tool (office-addin-debugging → keytar) is not installed; npm start fetches it on demand', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((p) => /(^|\/)(keytar|office-addin-debugging)$/.test(p))).toEqual([]);
    expect(pkg.scripts.start).toMatch(/^npx --yes office-addin-debugging@\d+ start manifest\.xml$/);
  });
});

describe('the production install (npm ci --omit=dev) holds what the CLI loads', () => {
  /** Bare package names the built CLI requires (static and lazy requires alike). */
  function requiredPackages(): Set<string> {
    // The launcher makes sure build/ is current.
    expect(spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'plansheet.js'), '--version']).status).toBe(0);
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.js')) {
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/require\(["']([^"'.][^"']*)["']\)/g)) {
            const spec = m[1];
            const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
            if (!builtinModules.includes(name.replace(/^node:/, ''))) found.add(name);
          }
        }
      }
    };
    walk(path.join(REPO_ROOT, 'build', 'src'));
    for (const f of ['bin/plansheet.js', 'scripts/build-cli.js']) {
      for (const m of fs.readFileSync(path.join(REPO_ROOT, f), 'utf8').matchAll(/require\(["']([^"'.][^"']*)["']\)/g)) {
        if (!builtinModules.includes(m[1])) found.add(m[1]);
      }
    }
    return found;
  }

  test('every package the CLI or its build requires is a dependency, and nothing else is', () => {
    const required = requiredPackages();
    expect([...required].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    expect(required.has('typescript')).toBe(true); // the prepare build
  });

  test('the task pane\'s packages and the test tools are dev dependencies only', () => {
    for (const p of ['react', 'react-dom', '@fluentui/react-components', 'ts-node', 'jest', 'webpack']) {
      expect(pkg.dependencies[p]).toBeUndefined();
      expect(pkg.devDependencies[p]).toBeDefined();
    }
  });

  test('install builds the CLI (prepare), and the CLI scripts run the build, not ts-node', () => {
    expect(pkg.scripts.prepare).toBe('node scripts/build-cli.js');
    expect(pkg.scripts.generate).toBe('node bin/plansheet.js generate');
    expect(pkg.scripts.plansheet).toBe('node bin/plansheet.js');
    expect(fs.readFileSync(path.join(REPO_ROOT, 'bin', 'plansheet.js'), 'utf8')).not.toMatch(/ts-node/);
  });
});

describe('engines and the lock file agree on the supported Node versions', () => {
  test('Node 20, 22 and 24 (their oldest accepted releases) and this Node satisfy every package', () => {
    const r = node('check-node-engines.js');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Node 20.9.0, 22.0.0, 24.0.0, ${process.versions.node} accepted by every package`);
  });

  test('a package that wants a newer Node than a supported one is reported (webpack-cli 7\'s rechoir)', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { disagreements, SUPPORTED_FLOORS } = require('../../scripts/check-node-engines.js') as {
      disagreements(root: string, versions: string[]): string[];
      SUPPORTED_FLOORS: string[];
    };
    const proj = path.join(tmp, 'engines');
    writeJson(path.join(proj, 'package.json'), { name: 'p', engines: { node: '>=20.9.0' } });
    writeJson(path.join(proj, 'package-lock.json'), {
      lockfileVersion: 3,
      packages: {
        '': { name: 'p', engines: { node: '>=20.9.0' } },
        'node_modules/rechoir': { version: '1.0.0', dev: true, engines: { node: '>= 22.15.0' } },
      },
    });
    expect(disagreements(proj, SUPPORTED_FLOORS)).toEqual([
      'Node 20.9.0: node_modules/rechoir@1.0.0 wants node ">= 22.15.0"',
      'Node 22.0.0: node_modules/rechoir@1.0.0 wants node ">= 22.15.0"',
    ]);
    writeJson(path.join(proj, 'package.json'), { name: 'p', engines: { node: '>=22' } });
    expect(disagreements(proj, ['24.0.0'])).toEqual(['package.json engines.node ">=22" but package-lock.json says ">=20.9.0" (run npm install)']);
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { root } from './paths';

// The runner is plain JavaScript that must load before node_modules exists.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dependencyProblem } = require(path.join(root, 'test', 'runner', 'bootstrap.js')) as { dependencyProblem(dir: string): string | undefined };

describe('bootstrap: does node_modules match package-lock.json?', () => {
  let dir: string;
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'p' },
      'node_modules/a': { version: '1.0.0' },
      'node_modules/@s/b': { version: '2.0.0', dev: true },
      'node_modules/a/node_modules/c': { version: '3.0.0' },
      'node_modules/@esbuild/darwin-arm64': { version: '0.1.0', optional: true },
    },
  };
  const write = (file: string, value: unknown) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), JSON.stringify(value));
  };
  /** Installs what the lock names, as npm ci would on Linux (no darwin package). */
  const install = () => {
    const packages: Record<string, unknown> = {};
    for (const [p, e] of Object.entries(lock.packages)) {
      if (!p || p.includes('darwin')) { continue; }
      packages[p] = e;
      write(path.join(p, 'package.json'), { version: (e as { version: string }).version });
    }
    write('node_modules/.package-lock.json', { lockfileVersion: 3, packages });
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-bootstrap-'));
    write('package-lock.json', lock);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('matches after a complete install, whatever optional packages of other platforms', () => {
    install();
    assert.strictEqual(dependencyProblem(dir), undefined);
  });

  it('says node_modules is missing on a fresh clone', () => {
    assert.strictEqual(dependencyProblem(dir), 'node_modules is missing');
  });

  it('notices a package the lock wants at another version', () => {
    install();
    write('package-lock.json', { ...lock, packages: { ...lock.packages, 'node_modules/a': { version: '1.1.0' } } });
    assert.strictEqual(dependencyProblem(dir), 'a is 1.0.0, package-lock.json wants 1.1.0');
  });

  it('notices a package added to the lock, one removed from it, and a folder deleted by hand', () => {
    install();
    write('package-lock.json', { ...lock, packages: { ...lock.packages, 'node_modules/d': { version: '1.0.0' } } });
    assert.strictEqual(dependencyProblem(dir), 'd is not installed');
    const { ['node_modules/a/node_modules/c']: _removed, ...fewer } = lock.packages;
    void _removed;
    write('package-lock.json', { ...lock, packages: fewer });
    assert.strictEqual(dependencyProblem(dir), 'a/node_modules/c is installed but not in package-lock.json');
    write('package-lock.json', lock);
    fs.rmSync(path.join(dir, 'node_modules', '@s'), { recursive: true });
    assert.strictEqual(dependencyProblem(dir), '@s/b was removed from node_modules');
  });

  it('asks for a reinstall when node_modules was not made by a recent npm', () => {
    fs.mkdirSync(path.join(dir, 'node_modules'));
    assert.match(dependencyProblem(dir) ?? '', /no node_modules\/\.package-lock\.json/);
  });

  it('finds this checkout installed', () => {
    assert.strictEqual(dependencyProblem(root), undefined);
  });
});

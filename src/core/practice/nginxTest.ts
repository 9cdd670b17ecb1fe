// Runs the real `nginx -t` on the learner's conf.d-style file: wrapped in a minimal main config
// (events {} and http { include ... }) in a temporary prefix, with pid, error log and temp paths
// there, so it needs no root and writes nothing under /var. Two things only Compose and root
// provide are swapped in the copy nginx reads, on the same lines: service names (web:8000) for
// 127.0.0.1 (nginx resolves upstream hosts when it loads the config) and listen addresses for
// unix sockets (binding port 80 needs root and may be taken).
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type Directive, walk } from './nginxConfig';
import { NGINX_T_TASK } from './nginxCheck';
import type { FileDiagnostic, TaskResult } from './tasks';

export const NGINX_INSTALL_HINT = 'install it to check with nginx itself: sudo apt install nginx (Debian/Ubuntu), brew install nginx (macOS)';

/** `nginx` from PATH or the usual sbin folders (often not on a user's PATH). */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin', '/opt/homebrew/bin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'nginx');
    try { fs.accessSync(candidate, fs.constants.X_OK); if (fs.statSync(candidate).isFile()) { return candidate; } } catch { /* next */ }
  }
  return undefined;
}

const IP = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|localhost)$/;

/** The copy nginx -t reads: same lines, service names and listen addresses swapped (see above). */
export function testableCopy(text: string, directives: readonly Directive[] | undefined, tmp: string): string {
  if (!directives) { return text; }
  const upstreamNames = new Set(directives.filter(d => d.name === 'upstream').map(d => d.args[0]));
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let sockets = 0;
  for (const d of walk(directives)) {
    const [first] = d.argSpans;
    if (!first) { continue; }
    const arg = d.args[0];
    if (d.name === 'listen') { edits.push({ start: first[0], end: first[1], text: `"unix:${path.join(tmp, `listen-${++sockets}.sock`)}"` }); }
    if (d.name === 'server' && !d.block) {
      const m = /^([^:/[\]]+):(\d+)$/.exec(arg);
      if (m && !IP.test(m[1])) { edits.push({ start: first[0], end: first[1], text: `127.0.0.1:${m[2]}` }); }
    }
    if (d.name === 'proxy_pass') {
      const m = /^(https?:\/\/)([^/:]+)(:\d+)?(.*)$/.exec(arg);
      if (m && !IP.test(m[2]) && !upstreamNames.has(m[2])) { edits.push({ start: first[0], end: first[1], text: `${m[1]}127.0.0.1${m[3] ?? ''}${m[4]}` }); }
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) { out = out.slice(0, e.start) + e.text + out.slice(e.end); }
  return out;
}

/**
 * nginx's error lines about the learner's file (`conf`, a copy with every line in place) as
 * problems at their lines, with the temporary paths taken out.
 */
export function nginxLog(stderr: string, conf: string, shown: string, tmp: string, source: string): { diagnostics: FileDiagnostic[]; problems: Array<{ message: string; line?: number }> } {
  const diagnostics: FileDiagnostic[] = [];
  const problems: Array<{ message: string; line?: number }> = [];
  for (const raw of stderr.split('\n')) {
    const m = /\[(emerg|crit|alert|error|warn)\] (?:\d+#\d+: )?(.*)$/.exec(raw.trim());
    if (!m) { continue; }
    // "... in /tmp/.../site.conf:11": the learner's line (the copy keeps every line in place).
    const where = new RegExp(` in ${conf.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)$`).exec(m[2]);
    const line = where ? Number(where[1]) - 1 : undefined;
    const message = (where ? m[2].slice(0, where.index) : m[2]).split(conf).join(shown).split(`${tmp}/`).join('');
    if (line !== undefined) { diagnostics.push({ line, column: 0, endLine: line, endColumn: 1000, severity: m[1] === 'warn' ? 'warning' : 'error', message: `nginx: ${message}`, source }); }
    if (m[1] !== 'warn') { problems.push({ message: line !== undefined ? `line ${line + 1}: ${message}` : message, line }); }
  }
  return { diagnostics, problems };
}

export interface NginxTestResult { readonly task: TaskResult; readonly diagnostics: FileDiagnostic[]; readonly output: string; readonly missing: boolean }

export async function nginxTest(text: string, directives: readonly Directive[] | undefined, options: { nginx?: string; timeoutMs?: number; shownName?: string } = {}): Promise<NginxTestResult> {
  const { number, title } = NGINX_T_TASK;
  const nginx = options.nginx ?? findNginx();
  const shown = options.shownName ?? 'the config';
  if (!nginx) {
    return { task: { number, title, status: 'errored', message: `nginx is not installed here, so only the rules above were checked; ${NGINX_INSTALL_HINT}` }, diagnostics: [], output: `nginx not found; ${NGINX_INSTALL_HINT}`, missing: true };
  }
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'djprep-nginx-'));
  try {
    const conf = path.join(tmp, 'site.conf');
    await fs.promises.writeFile(conf, testableCopy(text, directives, tmp));
    const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(k => `${k}_temp_path "${path.join(tmp, k)}";`).join(' ');
    await fs.promises.writeFile(path.join(tmp, 'nginx.conf'), `events {}\nhttp {\n${temps}\naccess_log off;\ninclude "${conf}";\n}\n`);
    const args = ['-t', '-q', '-e', 'stderr', '-p', `${tmp}/`, '-c', path.join(tmp, 'nginx.conf'), '-g', `pid ${path.join(tmp, 'nginx.pid')};`];
    const run = await new Promise<{ code: number | null; stderr: string; error?: string }>(resolve => {
      execFile(nginx, args, { timeout: options.timeoutMs ?? 20000, killSignal: 'SIGKILL' }, (err, _stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null) : 0;
        resolve({ code, stderr: String(stderr), error: err && code === null ? (err.killed ? `nginx -t did not finish in ${(options.timeoutMs ?? 20000) / 1000} s` : err.message) : undefined });
      });
    });
    const { diagnostics, problems } = nginxLog(run.stderr, conf, shown, tmp, 'nginx -t');
    const output = `$ nginx -t (${nginx})\n${run.stderr.split(conf).join(shown).trim() || 'syntax is ok, test is successful'}`;
    if (run.code === 0) { return { task: { number, title, status: 'passed' }, diagnostics, output, missing: false }; }
    const first = problems[0];
    const message = run.error ?? `nginx -t rejects it: ${first ? first.message : run.stderr.trim().split('\n').pop() ?? `exit ${String(run.code)}`}`;
    return { task: { number, title, status: 'failed', message, line: first?.line }, diagnostics, output, missing: false };
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

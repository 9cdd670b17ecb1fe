// Real nginx serving the learner's conf.d file in front of app servers the check starts: small
// Node HTTP servers on free 127.0.0.1 ports that count requests and connections, and can answer
// 503 or drop connections on demand. The learner writes Compose service names (app1:8000); the
// copy nginx reads has them, and `listen 80`, swapped for the local ports on the same lines.
// nginx runs as one foreground process (master_process off) in a temporary prefix, so it needs
// no root, and the check stops it (and its process group) after each scenario.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { type Directive, walk } from './nginxConfig';

/** The app servers the exercise names, as the learner writes them. */
export const APPS = ['app1', 'app2', 'standby'] as const;
export type App = typeof APPS[number];
export const APP_PORT = 8000;
export const SITE_HOST = 'shop.example.com';

export type Mode = 'ok' | 'fail' | 'down';

/** One app server: how it answers, and what it saw. */
export class Backend {
  mode: Mode = 'ok';
  hits = 0;
  connections = 0;
  lastHeaders: http.IncomingHttpHeaders = {};
  private readonly sockets = new Set<net.Socket>();
  private constructor(readonly name: App, private readonly server: http.Server, readonly port: number) {
    server.on('connection', socket => {
      this.connections++;
      // Down: the connection is dropped at once, as when the app has crashed.
      if (this.mode === 'down') { socket.destroy(); return; }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      this.hits++;
      this.lastHeaders = req.headers;
      req.resume();
      const fail = this.mode === 'fail';
      res.writeHead(fail ? 503 : 200, { 'Content-Type': 'text/plain', 'X-Served-By': name });
      res.end(fail ? `${name} is overloaded\n` : `${name}\n`);
    });
  }

  static async start(name: App): Promise<Backend> {
    const server = http.createServer();
    server.keepAliveTimeout = 30000;
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', () => resolve()); });
    const address = server.address();
    return new Backend(name, server, typeof address === 'object' && address ? address.port : 0);
  }

  reset(mode: Mode): void { this.mode = mode; this.hits = 0; this.connections = 0; this.lastHeaders = {}; }

  close(): Promise<void> {
    for (const s of this.sockets) { s.destroy(); }
    return new Promise(resolve => this.server.close(() => resolve()));
  }
}

/** The copy nginx reads: app names and listen addresses swapped for local ports, every line kept. */
export function servingCopy(text: string, directives: readonly Directive[], ports: ReadonlyMap<string, number>, listenPorts: readonly number[]): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let listens = 0;
  const local = (hostPort: string) => ports.get(hostPort.toLowerCase());
  for (const d of walk(directives)) {
    const [first] = d.argSpans;
    if (!first) { continue; }
    const arg = d.args[0];
    if (d.name === 'listen') { edits.push({ start: first[0], end: first[1], text: `127.0.0.1:${listenPorts[listens++]}` }); }
    if (d.name === 'server' && !d.block && local(arg)) { edits.push({ start: first[0], end: first[1], text: `127.0.0.1:${local(arg)}` }); }
    if (d.name === 'proxy_pass') {
      const m = /^(https?:\/\/)([^/]+)(.*)$/.exec(arg);
      if (m && local(m[2])) { edits.push({ start: first[0], end: first[1], text: `${m[1]}127.0.0.1:${local(m[2])}${m[3]}` }); }
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) { out = out.slice(0, e.start) + e.text + out.slice(e.end); }
  return out;
}

/** Where each listen directive sends its port: the one on port 80 (else the first) is the site. */
export function siteListen(directives: readonly Directive[]): { count: number; site: number } {
  const listens = [...walk(directives)].filter(d => d.name === 'listen');
  const on80 = listens.findIndex(d => /(^|:)80$/.test(d.args[0] ?? ''));
  return { count: listens.length, site: on80 >= 0 ? on80 : 0 };
}

export interface Reply { readonly status: number; readonly headers: http.IncomingHttpHeaders; readonly body: string; readonly error?: string }

/** One GET through nginx on a new connection, as a browser would send it. */
export function request(port: number, timeoutMs = 3000): Promise<Reply> {
  return new Promise(resolve => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false, headers: { Host: SITE_HOST, 'User-Agent': 'django-prep-check' } }, res => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', e => resolve({ status: 0, headers: {}, body, error: e.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', e => resolve({ status: 0, headers: {}, body: '', error: e.message }));
  });
}

export interface RunningNginx {
  /** Everything nginx wrote to stderr so far (its error log). */
  log(): string;
  stop(): Promise<void>;
}

const connects = (port: number) => new Promise<boolean>(resolve => {
  const s = net.connect(port, '127.0.0.1');
  s.once('connect', () => { s.destroy(); resolve(true); });
  s.once('error', () => resolve(false));
});

/**
 * Starts nginx on `conf` (a main config) in the prefix and waits until `port` accepts connections.
 * Rejects with nginx's own error output when it exits first or does not listen in time.
 */
export async function startNginx(nginx: string, prefix: string, conf: string, port: number, timeoutMs = 5000): Promise<RunningNginx> {
  const args = ['-e', 'stderr', '-p', `${prefix}/`, '-c', conf, '-g', `daemon off; master_process off; pid ${path.join(prefix, 'nginx.pid')}; error_log stderr warn;`];
  const child: ChildProcess = spawn(nginx, args, { detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => { if (log.length < 65536) { log += d.toString('utf8'); } });
  let exited = false;
  let spawnError: string | undefined;
  const gone = new Promise<void>(resolve => {
    child.on('error', e => { spawnError = e.message; exited = true; resolve(); });
    child.on('close', () => { exited = true; resolve(); });
  });
  const kill = (signal: NodeJS.Signals) => {
    try { if (child.pid && process.platform !== 'win32') { process.kill(-child.pid, signal); } else { child.kill(signal); } } catch { /* gone */ }
  };
  const stop = async () => {
    if (!exited) { kill('SIGTERM'); }
    const timer = setTimeout(() => kill('SIGKILL'), 2000);
    await gone;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  while (!exited && Date.now() < deadline) {
    if (await connects(port)) { return { log: () => log, stop }; }
    await new Promise(r => setTimeout(r, 25));
  }
  await stop();
  throw new Error(spawnError ?? (log.trim() || `nginx did not listen on its port within ${timeoutMs / 1000} s`));
}

/** The main config around the learner's file: temp paths in the prefix, no access log. */
export async function writeMainConfig(prefix: string, site: string): Promise<string> {
  const conf = path.join(prefix, 'nginx.conf');
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(k => `${k}_temp_path "${path.join(prefix, k)}";`).join(' ');
  await fs.promises.writeFile(conf, `events {}\nhttp {\n${temps}\naccess_log off;\ninclude "${site}";\n}\n`);
  return conf;
}

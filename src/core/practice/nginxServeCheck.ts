// The nginx upstream exercise, judged by behaviour: real nginx serves the learner's file in front
// of three local app servers (nginxServe.ts) through three scenarios, each on a fresh nginx:
// all healthy (40 requests), app2 answering 503 (20), app1 and app2 down (6). What the app
// servers counted and the client got decides each task; nothing reads the directives' values.
import * as fs from 'fs';
import type { IncomingHttpHeaders } from 'http';
import * as os from 'os';
import * as path from 'path';
import { NginxSyntaxError, parseNginx } from './nginxConfig';
import { APP_PORT, APPS, type App, Backend, type Mode, type Reply, request, servingCopy, siteListen, SITE_HOST, startNginx, writeMainConfig } from './nginxServe';
import { findNginx, NGINX_INSTALL_HINT, nginxLog } from './nginxTest';
import { findExecutable, freePort, lastLines } from './processes';
import { allTasks, judge, type CheckReport, type FileDiagnostic, type TaskSpec, type Verdict } from './tasks';

interface Seen {
  readonly replies: readonly Reply[];
  readonly hits: Readonly<Record<App, number>>;
  readonly connections: Readonly<Record<App, number>>;
  readonly headers: Readonly<Record<App, IncomingHttpHeaders>>;
  readonly log: string;
}
interface Observed { readonly healthy: Seen; readonly failing: Seen; readonly down: Seen }

const HEALTHY = 40;
const FAILING = 20;
const DOWN = 6;
const MAX_FAILS = 3;

/** nginx's last complaint in a run, short: "recv() failed (...) while reading response header from upstream (app1:8000)". */
const nginxSaid = (s: Seen) => {
  const m = /\[(?:error|crit|alert|emerg)\] \d+#\d+: (?:\*\d+ )?(.*?)(?:, client: .*?upstream: "https?:\/\/([^/"]+)[^"]*")?(?:, .*)?$/.exec(lastLines(s.log.split('\n').filter(l => /\[(error|crit|alert|emerg)\]/.test(l)).join('\n'), 1));
  return m ? `; nginx logged: ${m[1].slice(0, 160)}${m[2] ? ` (${m[2]})` : ''}` : '';
};
const answered = (r: Reply) => (r.status ? `${r.status}` : r.error ?? 'no answer');
const failures = (s: Seen) => s.replies.filter(r => r.status !== 200);
const servedBy = (r: Reply) => r.headers['x-served-by'];
const counts = (s: Seen) => APPS.map(a => `${a} ${s.hits[a]}`).join(', ');

const balanced = ({ healthy: s }: Observed): Verdict => {
  const bad = failures(s);
  if (bad.length) { return { message: `${bad.length} of ${s.replies.length} requests failed (the first got ${answered(bad[0])}${nginxSaid(s)})` }; }
  if (!s.hits.app1 || !s.hits.app2) { return { message: `of ${HEALTHY} requests: ${counts(s)}. Put both app servers in one upstream (\`upstream django { server app1:${APP_PORT}; server app2:${APP_PORT}; }\`) and \`proxy_pass http://django;\`` }; }
  return undefined;
};

const weighted = ({ healthy: s }: Observed): Verdict => {
  const total = s.hits.app1 + s.hits.app2;
  const want = (total * 3) / 4;
  if (total && Math.abs(s.hits.app1 - want) <= 1) { return undefined; }
  return { message: `of ${HEALTHY} requests: ${counts(s)}. With \`weight=3\` on app1 (app2 keeps the default 1), weighted round-robin sends app1 3 of every 4: ${HEALTHY * 3 / 4} and ${HEALTHY / 4}` };
};

const retried = ({ failing: s }: Observed): Verdict => {
  if (!s.hits.app2) { return { message: `app2 answered 503 but got none of the ${FAILING} requests, so nothing needed a retry: app2 belongs in the upstream (task 1)` }; }
  const bad = failures(s);
  const passed503 = bad.filter(r => r.status === 503 && servedBy(r) === 'app2').length;
  if (passed503) { return { message: `${passed503} of ${FAILING} requests got app2's 503 passed on to the client: nginx retries on the next server only in the cases proxy_next_upstream lists; add http_502 http_503 (and keep error timeout)` }; }
  return bad.length ? { message: `${bad.length} of ${FAILING} requests failed while app2 answered 503 (the first got ${answered(bad[0])}${nginxSaid(s)})` } : undefined;
};

const takenOut = ({ failing: s }: Observed): Verdict => {
  const n = s.hits.app2;
  if (n === MAX_FAILS) { return undefined; }
  if (!n) { return { message: 'app2 got no requests at all, so it could not be taken out after failures: app2 belongs in the upstream (task 1)' }; }
  if (n < MAX_FAILS) { return { message: `app2 was taken out after ${n} failed request${n === 1 ? '' : 's'}; it should get ${MAX_FAILS} chances: \`max_fails=${MAX_FAILS} fail_timeout=30s\` (the defaults are 1 and 10s)` }; }
  const counted = failures(s).some(r => r.status === 503) ? ' A 503 counts as a failure only when proxy_next_upstream lists http_503.' : '';
  return { message: `app2 kept getting requests while it answered 503 (${n} of ${FAILING}); after ${MAX_FAILS} failures it should rest for fail_timeout: \`max_fails=${MAX_FAILS} fail_timeout=30s\` on its server line.${counted}` };
};

const backup = ({ healthy, down }: Observed): Verdict => {
  if (healthy.hits.standby) { return { message: `the standby got ${healthy.hits.standby} of ${HEALTHY} requests while app1 and app2 were healthy: mark it \`server standby:${APP_PORT} backup;\` so it only serves when they are down` }; }
  const bad = down.replies.filter(r => r.status !== 200 || servedBy(r) !== 'standby');
  if (!bad.length) { return undefined; }
  const none = !down.hits.standby ? ` The standby got none: it belongs in the upstream as \`server standby:${APP_PORT} backup;\`, and proxy_next_upstream must keep \`error\` (a dropped connection is an error), or nginx never moves on to it.` : '';
  return { message: `with app1 and app2 down, ${bad.length} of ${DOWN} requests were not answered by the standby (the first got ${answered(bad[0])}${nginxSaid(down)}).${none}` };
};

/** The headers of the app server that answered last in the healthy run. */
const appHeaders = (s: Seen): IncomingHttpHeaders | undefined => {
  const last = [...s.replies].reverse().find(r => r.status === 200);
  const by = last ? servedBy(last) : undefined;
  return typeof by === 'string' && (APPS as readonly string[]).includes(by) ? s.headers[by as App] : undefined;
};

const forwarded = ({ healthy: s }: Observed): Verdict => {
  const h = appHeaders(s);
  if (!h) { return { message: `no request reached an app server${nginxSaid(s)}` }; }
  if (h.host !== SITE_HOST) { return { message: `the app saw Host: ${h.host ?? '(none)'}, not the client's ${SITE_HOST}: \`proxy_set_header Host $host;\` (by default nginx sends the upstream's name)` }; }
  if (!String(h['x-forwarded-for'] ?? '').split(',').map(x => x.trim()).includes('127.0.0.1')) { return { message: `the app saw X-Forwarded-For: ${String(h['x-forwarded-for'] ?? '(none)')}, without the client's address 127.0.0.1: \`proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\`` }; }
  if (h['x-forwarded-proto'] !== 'http') { return { message: `the app saw X-Forwarded-Proto: ${String(h['x-forwarded-proto'] ?? '(none)')}, not http: \`proxy_set_header X-Forwarded-Proto $scheme;\`` }; }
  return undefined;
};

const requestId = ({ healthy: s }: Observed): Verdict => {
  const h = appHeaders(s);
  if (!h) { return { message: `no request reached an app server${nginxSaid(s)}` }; }
  const sent = h['x-request-id'];
  if (typeof sent !== 'string' || !/^[0-9a-f]{32}$/.test(sent)) { return { message: `the app saw X-Request-ID: ${String(sent ?? '(none)')}: give it nginx's id for the request, \`proxy_set_header X-Request-ID $request_id;\`` }; }
  const last = [...s.replies].reverse().find(r => r.status === 200);
  const back = last?.headers['x-request-id'];
  if (back !== sent) { return { message: `the client got X-Request-ID: ${String(back ?? '(none)')}, not the ${sent} the app logged: \`add_header X-Request-ID $request_id always;\` so a user's report can be matched to the logs` }; }
  return undefined;
};

const kept = ({ healthy: s }: Observed): Verdict => {
  const hits = s.hits.app1 + s.hits.app2;
  const opened = s.connections.app1 + s.connections.app2;
  if (hits && opened <= hits / 4) { return undefined; }
  return { message: `app1 and app2 saw ${opened} connections for ${hits} requests: nginx reuses upstream connections only with \`keepalive 16;\` in the upstream plus \`proxy_http_version 1.1;\` and \`proxy_set_header Connection "";\` (nginx up to 1.29.6 speaks HTTP/1.0 to upstreams by default)` };
};

export const NGINX_SERVE_RULES = [
  { number: 1, title: 'location / balances an upstream of app1 and app2', check: balanced },
  { number: 2, title: 'app1 takes 3 of every 4 requests (weight)', check: weighted },
  { number: 3, title: 'A 503 from an app server is retried on the other (proxy_next_upstream)', check: retried },
  { number: 4, title: 'A failing app server is taken out after 3 failures (max_fails, fail_timeout)', check: takenOut },
  { number: 5, title: 'The standby answers only when app1 and app2 are both down (backup)', check: backup },
  { number: 6, title: 'The app sees the client\'s Host, X-Forwarded-For and X-Forwarded-Proto', check: forwarded },
  { number: 7, title: 'Each request gets an X-Request-ID that the app and the client both see', check: requestId },
  { number: 8, title: 'Connections to the app servers are reused (keepalive, HTTP/1.1)', check: kept },
] as const;
export const NGINX_SERVE_SPECS: readonly TaskSpec[] = NGINX_SERVE_RULES.map(({ number, title }) => ({ number, title }));

export interface NginxServeOptions {
  readonly nginx?: string;
  /** Searched alone for nginx when given (tests take it away); else PATH and the usual sbin folders. */
  readonly pathEnv?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly shownName?: string;
}

const failAll = (message: string, line: number | undefined, output: string, diagnostics: FileDiagnostic[] = []): CheckReport =>
  ({ tasks: allTasks(NGINX_SERVE_SPECS, 'failed', message, line), output, diagnostics, problem: { kind: 'syntax', detail: message } });

export async function checkNginxServe(text: string, o: NginxServeOptions = {}): Promise<CheckReport> {
  const nginx = o.nginx ?? (o.pathEnv !== undefined ? findExecutable('nginx', o.pathEnv) : findNginx());
  if (!nginx) {
    const message = `nginx is not installed here, so the file could not be served; ${NGINX_INSTALL_HINT}`;
    return { tasks: allTasks(NGINX_SERVE_SPECS, 'errored', message), output: message, diagnostics: [], problem: { kind: 'missing-tool', detail: message } };
  }
  const shown = o.shownName ?? 'the config';
  let directives;
  try { directives = parseNginx(text); } catch (e) {
    if (!(e instanceof NginxSyntaxError)) { throw e; }
    return failAll(`line ${e.line + 1}: ${e.message}`, e.line, e.message);
  }
  const listen = siteListen(directives);
  if (!listen.count) { return failAll('the server block has no `listen 80;`, so the check cannot tell where the site is', undefined, ''); }
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'djprep-nginx-serve-'));
  const backends: Backend[] = [];
  const deadline = Date.now() + (o.timeoutMs ?? 60000);
  try {
    for (const app of APPS) { backends.push(await Backend.start(app)); }
    const ports = new Map(backends.map(b => [`${b.name}:${APP_PORT}`, b.port]));
    const listenPorts: number[] = [];
    for (let i = 0; i < listen.count; i++) { listenPorts.push(await freePort()); }
    const site = path.join(tmp, 'site.conf');
    await fs.promises.writeFile(site, servingCopy(text, directives, ports, listenPorts));
    const conf = await writeMainConfig(tmp, site);
    const port = listenPorts[listen.site];
    // nginx's log names the local ports; the learner knows the services and port 80.
    const unmap = (log: string) => backends.reduce((t, b) => t.split(`127.0.0.1:${b.port}`).join(`${b.name}:${APP_PORT}`), log.split(`127.0.0.1:${port}`).join('port 80'));
    const output = [`$ nginx -p <tmp> -g 'daemon off; master_process off;' (${nginx}), serving ${shown} on 127.0.0.1:${port}; ${backends.map(b => `${b.name}:${APP_PORT} is 127.0.0.1:${b.port}`).join(', ')}`];
    const run = async (label: string, modes: Record<App, Mode>, count: number): Promise<Seen> => {
      for (const b of backends) { b.reset(modes[b.name]); }
      const server = await startNginx(nginx, tmp, conf, port);
      const replies: Reply[] = [];
      try {
        for (let i = 0; i < count && !o.signal?.aborted && Date.now() < deadline; i++) {
          const r = await request(port);
          replies.push(r);
          if (r.error?.startsWith('no answer')) { break; }
        }
      } finally { await server.stop(); }
      const by = <T>(f: (b: Backend) => T) => Object.fromEntries(backends.map(b => [b.name, f(b)])) as Record<App, T>;
      const seen: Seen = { replies, hits: by(b => b.hits), connections: by(b => b.connections), headers: by(b => b.lastHeaders), log: unmap(server.log()) };
      const statuses = [...new Set(replies.map(answered))].map(s => `${replies.filter(r => answered(r) === s).length} x ${s}`).join(', ');
      output.push(`${label}: ${replies.length} requests (${statuses}); requests ${counts(seen)}; connections ${APPS.map(a => `${a} ${seen.connections[a]}`).join(', ')}`);
      return seen;
    };
    let observed: Observed;
    try {
      const healthy = await run('all healthy', { app1: 'ok', app2: 'ok', standby: 'ok' }, HEALTHY);
      const failing = await run('app2 answers 503', { app1: 'ok', app2: 'fail', standby: 'ok' }, FAILING);
      const down = await run('app1 and app2 down', { app1: 'down', app2: 'down', standby: 'ok' }, DOWN);
      observed = { healthy, failing, down };
    } catch (e) {
      const log = e instanceof Error ? e.message : String(e);
      const { diagnostics, problems } = nginxLog(log, site, shown, tmp, 'nginx');
      const first = problems[0];
      const unknown = /host not found in upstream/.test(log) ? `; the app servers are ${APPS.map(a => `${a}:${APP_PORT}`).join(', ')}` : '';
      const message = `nginx did not start: ${first ? first.message : lastLines(log.split(site).join(shown), 2)}${unknown}`;
      return failAll(message, first?.line, [...output, log.split(site).join(shown)].join('\n'), diagnostics);
    }
    const timedOut = Date.now() >= deadline;
    const tasks = judge(NGINX_SERVE_RULES, observed);
    const logs = [observed.healthy, observed.failing, observed.down].map(s => s.log.trim()).filter(Boolean).join('\n');
    if (logs) { output.push('nginx error log:', logs.split(site).join(shown).split(`${tmp}/`).join('')); }
    return { tasks, output: output.join('\n'), diagnostics: [], problem: timedOut ? { kind: 'timeout', detail: `stopped after ${(o.timeoutMs ?? 60000) / 1000} s` } : undefined };
  } finally {
    await Promise.all(backends.map(b => b.close()));
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

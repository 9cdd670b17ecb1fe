// The throwaway servers of the practice files (content/exercises/_services.py) when their programs
// are missing: with a PATH that hides them, the tasks that need PostgreSQL or Redis are errored
// with the install commands, and the other tasks still run. Real python3 runs composed files.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { composeExercise } from '../../src/core/practice/exercises';
import { parseRunnerRecords, runPythonCheck } from '../../src/core/practice/pythonCheck';
import { root } from './paths';

const dir = path.join(root, 'content', 'exercises');
const read = (...p: string[]) => fs.readFileSync(path.join(dir, ...p), 'utf8');
const templates = { django: read('_django.py'), runner: read('_runner.py'), services: read('_services.py') };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-services-'));
const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-no-tools-'));
/** An absolute interpreter: the runs get a PATH with nothing on it. */
const python = (() => {
  const asked = process.env.DJANGO_PREP_PYTHON || (fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const r = spawnSync(asked, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : asked;
})();
/** No postgres, initdb or redis-server anywhere the finder looks. */
const HIDDEN = { PATH: empty, DJANGO_PREP_PG_BIN_DIRS: '' };

function write(name: string, text: string): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
}

const PG_INSTALL = /sudo apt install postgresql \(Debian\/Ubuntu\) or brew install postgresql@16 \(macOS\)/;
const REDIS_INSTALL = /sudo apt install redis-server \(Debian\/Ubuntu\) or brew install redis \(macOS\)/;

describe('throwaway servers for practice files', () => {
  it('the {{services}} marker brings in the services; a file without it is composed as before', () => {
    const withMarker = composeExercise('# Django Interview Prep: T\n# {{services}}\nx = 1\n', 't', templates);
    assert.ok(withMarker.includes('def throwaway_postgres():') && withMarker.includes('def needs(*services):'));
    const plain = '# Django Interview Prep: T\n# {{task-runner}}\nx = 1\n';
    assert.strictEqual(composeExercise(plain, 't', templates), composeExercise(plain, 't', { django: templates.django, runner: templates.runner }));
  });

  it('the runner reports ToolMissing as errored, not failed, and the JSON line says so', async () => {
    const text = composeExercise(`# Django Interview Prep: T\n# {{task-runner}}\nclass ToolMissing(Exception):\n    pass\n@task(1, "needs a tool")\ndef one():\n    raise ToolMissing("install the tool")\n@task(2, "plain")\ndef two():\n    assert False, "wrong"\nif __name__ == "__main__":\n    run_tasks()\n`, 't', templates);
    const r = await runPythonCheck(write('errored.py', text), text, { python });
    assert.deepStrictEqual(r.tasks.map(t => [t.number, t.status, t.message]), [[1, 'errored', 'install the tool'], [2, 'failed', r.tasks[1].message]], r.output);
    assert.match(r.output, /1 could not be checked/);
    assert.deepStrictEqual(parseRunnerRecords('{"type":"task","number":1,"title":"a","ok":false,"errored":true,"message":"m"}').tasks, [{ number: 1, title: 'a', ok: false, errored: true, message: 'm' }]);
  });

  it('with postgres and redis-server hidden, their tasks say what to install and the others still run', async () => {
    const log = path.join(tmp, 'started.jsonl');
    const text = composeExercise(`# Django Interview Prep: T\n# {{services}}\nDB = throwaway_postgres()\nCACHE = throwaway_redis_cache()\n# {{task-runner}}
@task(1, "on PostgreSQL")
@needs("postgresql")
def one():
    raise AssertionError("must not run")
@task(2, "on Redis")
@needs("redis")
def two():
    raise AssertionError("must not run")
@task(3, "plain Python")
def three():
    assert DB["ENGINE"].endswith("sqlite3") and CACHE["BACKEND"].endswith("LocMemCache"), (DB, CACHE)
if __name__ == "__main__":
    run_tasks()
`, 't', templates);
    const r = await runPythonCheck(write('hidden.py', text), text, { python, env: { ...HIDDEN, DJANGO_PREP_SERVICES_LOG: log } });
    assert.deepStrictEqual(r.tasks.map(t => t.status), ['errored', 'errored', 'passed'], r.output);
    assert.match(r.tasks[0].message ?? '', PG_INSTALL);
    assert.match(r.tasks[1].message ?? '', REDIS_INSTALL);
    assert.strictEqual(r.problem, undefined);
    assert.ok(!fs.existsSync(log), 'no server was started');
  });

  it('the PostgreSQL exercise without postgres: its PostgreSQL tasks are errored with the install message, task 1 runs', async function () {
    if (spawnSync(python, ['-c', 'import django'], { stdio: 'ignore' }).status !== 0) { this.skip(); }
    const e = 'lost-update-race';
    const meta = JSON.parse(read(e, 'exercise.json')) as { file: string };
    const text = composeExercise(read(e, 'solution.py'), e, templates, read(e, 'checks.py'));
    const r = await runPythonCheck(write(meta.file, text), text, { python, env: HIDDEN });
    assert.deepStrictEqual(r.tasks.map(t => [t.number, t.status]), [[1, 'passed'], [2, 'errored'], [3, 'errored'], [4, 'errored'], [5, 'errored']], r.output);
    for (const t of r.tasks.slice(1)) { assert.match(t.message ?? '', PG_INSTALL); }
    assert.strictEqual(r.problem, undefined);
  });
});

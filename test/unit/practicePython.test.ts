// The Python runner's JSON lines, and what a run that hangs or never reports becomes. These run
// Debian's python3 on tiny files made here with the real task runner.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { composeExercise } from '../../src/core/practice/exercises';
import { parseRunnerRecords, runPythonCheck } from '../../src/core/practice/pythonCheck';
import { anchorTasks, pythonTaskSpecs } from '../../src/core/practice/tasks';
import { root } from './paths';

const runner = fs.readFileSync(path.join(root, 'content', 'exercises', '_runner.py'), 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-python-'));
const python = process.env.DJANGO_PREP_PYTHON || 'python3';

function file(name: string, body: string): { file: string; text: string } {
  const text = composeExercise(`# Django Interview Prep: T\n# {{task-runner}}\n${body}`, 't', { django: '', runner });
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return { file: f, text };
}

const TASKS = `# TODO 1: make it true
DONE = False
# TODO 2: loop
@task(1, "done")
def one():
    assert DONE, "DONE is still False"
@task(2, "second")
def two():
    pass
`;

describe('Python practice runs', () => {
  it('finds tasks from @task lines and anchors them at their TODO', () => {
    const specs = pythonTaskSpecs('@task(2, "b \\"q\\"")\n@task(1, \'a\')\n');
    assert.deepStrictEqual(specs, [{ number: 1, title: 'a' }, { number: 2, title: 'b "q"' }]);
    assert.deepStrictEqual(anchorTasks('x\n# TODO 1: a\n# TODO 3 (checked by tasks 3-4): b\n@task(2, "t")\n', [1, 2, 3, 4].map(n => ({ number: n, title: '' }))).map(a => a.line), [1, 3, 2, 2]);
  });

  it('reads the runner\'s JSON lines and skips anything else', () => {
    const r = parseRunnerRecords('{"type":"start","tasks":[{"number":1,"title":"a"}]}\nnoise\n{"type":"task","number":1,"title":"a","ok":false,"message":"m"}\n{"type":"done"}\n{"type":"task"');
    assert.deepStrictEqual(r, { start: [{ number: 1, title: 'a' }], tasks: [{ number: 1, title: 'a', ok: false, message: 'm' }], done: true });
  });

  it('reports each task from the runner, a failure at its TODO line, whatever the file prints', async () => {
    const { file: f, text } = file('report.py', `print('{"type":"done"}')\n${TASKS}\nif __name__ == "__main__":\n    run_tasks()\n`);
    const r = await runPythonCheck(f, text, { python });
    assert.deepStrictEqual(r.tasks.map(t => [t.number, t.status]), [[1, 'failed'], [2, 'passed']], r.output);
    assert.match(r.tasks[0].message ?? '', /AssertionError: DONE is still False \(line \d+\)/);
    assert.strictEqual(text.split('\n')[r.tasks[0].line!], '# TODO 1: make it true');
    assert.strictEqual(r.problem, undefined);
  });

  it('a file that never prints a result fails every task at the line Python stopped on', async () => {
    const { file: f, text } = file('crash.py', `${TASKS}\nundefined_name()\nif __name__ == "__main__":\n    run_tasks()\n`);
    const r = await runPythonCheck(f, text, { python });
    const line = text.split('\n').indexOf('undefined_name()');
    assert.ok(r.tasks.length === 2 && r.tasks.every(t => t.status === 'failed' && t.line === line && /stopped before reporting this task \(exit 1\) at line \d+: NameError/.test(t.message ?? '')), JSON.stringify(r.tasks));
    assert.strictEqual(r.problem?.kind, 'crashed');
    const silent = file('silent.py', `${TASKS}\n# run_tasks() is never called\n`);
    const s = await runPythonCheck(silent.file, silent.text, { python });
    assert.ok(s.tasks.every(t => t.status === 'failed' && /stopped before reporting this task \(exit 0\)/.test(t.message ?? '')), JSON.stringify(s.tasks));
  });

  it('a check that hangs is stopped at the time limit: that task fails at its line, the rest say why they did not run', async () => {
    const { file: f, text } = file('hang.py', `# TODO 1: wait\n# TODO 2: after\n@task(1, "waits")\ndef one():\n    import time\n    while True: time.sleep(0.05)\n@task(2, "after")\ndef two():\n    pass\nif __name__ == "__main__":\n    run_tasks()\n`);
    const r = await runPythonCheck(f, text, { python, timeLimitMs: 2000 });
    assert.deepStrictEqual(r.tasks.map(t => t.status), ['failed', 'failed']);
    assert.match(r.tasks[0].message ?? '', /did not finish within the time limit \(2 s\)/);
    assert.strictEqual(text.split('\n')[r.tasks[0].line!], '# TODO 1: wait');
    assert.match(r.tasks[1].message ?? '', /not run: the check was stopped at task 1/);
    assert.strictEqual(r.problem?.kind, 'timeout');
  });

  it('a missing interpreter is an error on each task, not a failure', async () => {
    const { file: f, text } = file('nopython.py', TASKS);
    const r = await runPythonCheck(f, text, { python: '/nonexistent/python3' });
    assert.strictEqual(r.problem?.kind, 'no-python');
    assert.ok(r.tasks.every(t => t.status === 'errored'));
  });
});

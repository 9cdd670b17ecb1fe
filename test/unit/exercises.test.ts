import * as assert from 'assert';
import { composeExercise, exerciseIdOf, exerciseProblems, MAX_TEMPLATE_FILE_BYTES, numberedCopyName, printableName, templateFileProblem } from '../../src/core/practice/exercises';
import { runProblem } from '../../src/core/practice/pythonCheck';

const templates = { django: 'DJANGO = 1\n', runner: 'def run_tasks(): pass\n' };
const starter = '# Django Interview Prep: Views\n# Topic: Views\n# {{django-setup}}\n# {{task-runner}}\nx = 1\n';

describe('practice exercises', () => {
  it('composes a file: templates at their markers, the exercise id under the header', () => {
    const out = composeExercise(starter, 'views-fbv', templates);
    assert.strictEqual(out, '# Django Interview Prep: Views\n# Exercise id: views-fbv\n# Topic: Views\nDJANGO = 1\ndef run_tasks(): pass\nx = 1\n');
    assert.strictEqual(exerciseIdOf(out), 'views-fbv');
    assert.strictEqual(exerciseIdOf(out.replace(/\n/g, '\r\n')), 'views-fbv');
    assert.strictEqual(exerciseIdOf('print("hello")\n'), undefined);
    assert.strictEqual(exerciseIdOf('# Django Interview Prep: X\n# Exercise id: ../../etc\n'), undefined);
    assert.strictEqual(composeExercise('# {{task-runner}}\n', 'x', { django: '', runner: 'a $& b $1\n' }), 'a $& b $1\n', 'replacement text is literal');
    assert.strictEqual(composeExercise('x = 1\n# {{checks}}\n', 'x', templates, '@task(1, "t")\ndef c(): pass\n'), 'x = 1\n@task(1, "t")\ndef c(): pass\n');
  });

  it('validates exercise.json, refusing unsafe file names', () => {
    const ok = { id: 'orm-q', title: 'Q objects', topic: 'django/orm', description: 'Combine filters.', file: 'orm_q.py', requires: ['django'] };
    assert.deepStrictEqual(exerciseProblems(ok, 'orm-q'), []);
    assert.match(exerciseProblems(ok, 'other').join(), /differs from its folder/);
    for (const file of ['../x.py', '/etc/x.py', 'x.sh', 'a b.py', '.hidden.py', 'dir/x.py']) {
      assert.match(exerciseProblems({ ...ok, file }, 'orm-q').join(), /plain name/, file);
    }
    assert.match(exerciseProblems({ ...ok, requires: ['numpy'] }, 'orm-q').join(), /requires/);
    assert.deepStrictEqual(exerciseProblems('x', 'x'), ['exercise.json is not an object']);
    // Native files keep their real names, so the editor picks Dockerfile, YAML or nginx.
    assert.deepStrictEqual(exerciseProblems({ ...ok, check: 'dockerfile', file: 'Dockerfile', files: ['manage.py', 'config/wsgi.py'] }, 'orm-q'), []);
    assert.deepStrictEqual(exerciseProblems({ ...ok, check: 'nginx', file: 'conf.d/default.conf' }, 'orm-q'), []);
    assert.deepStrictEqual(exerciseProblems({ ...ok, check: 'compose', file: 'compose.yaml' }, 'orm-q'), []);
    assert.match(exerciseProblems({ ...ok, check: 'dockerfile', file: 'orm_q.py' }, 'orm-q').join(), /must match/);
    assert.match(exerciseProblems({ ...ok, check: 'nginx', file: '../../etc/nginx.conf' }, 'orm-q').join(), /must match/);
    assert.match(exerciseProblems({ ...ok, check: 'shell' }, 'orm-q').join(), /check must be one of/);
    for (const files of [['../x'], ['/etc/passwd'], ['a/../../b'], 'x', [1]]) {
      assert.match(exerciseProblems({ ...ok, check: 'compose', file: 'compose.yaml', files }, 'orm-q').join(), /files must list/, JSON.stringify(files));
    }
  });

  it('refuses hostile template files: climbing out, absolute, Windows drives and devices, control characters', () => {
    const ok = { id: 'orm-q', title: 'Q objects', topic: 'django/orm', description: 'Combine filters.', file: 'orm_q.py', requires: ['django'] };
    for (const file of ['../../x.py', '..\\..\\x.py', '/tmp/x.py', 'C:\\x.py', 'C:x.py', 'c:/x.py', '\\\\server\\share\\x.py', 'x\u0000.py', 'x\n.py', 'x\u202e.py', 'x\u001b[31m.py',
      'CON.py', 'nul.py', 'com1.py', 'LPT9.py', 'x.py.', 'x.PY ', 'x'.repeat(200) + '.py', 42, null]) {
      const found = exerciseProblems({ ...ok, file }, 'orm-q');
      assert.match(found.join(), /plain name/, JSON.stringify(file));
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u001f]/.test(found.join()), 'the message shows no raw control character');
    }
    for (const field of ['title', 'topic', 'description']) {
      for (const value of ['a\nb', 'ok\u001b[2J', 'evil\u202etxt.py', 'x\u0000']) {
        assert.match(exerciseProblems({ ...ok, [field]: value }, 'orm-q').join(), /control characters/, `${field} ${JSON.stringify(value)}`);
      }
    }
    assert.match(exerciseProblems({ ...ok, id: 'a\u0007' }, 'a\u0007').join(), /not a lowercase slug/);
    assert.strictEqual(printableName('drill\u001b[31m'), '"drill\\u001b[31m"');
    assert.strictEqual(printableName('plain-name'), 'plain-name');
  });

  it('refuses template files that are links, not files, or too large', () => {
    assert.strictEqual(templateFileProblem('starter.py', { symlink: false, isFile: true, size: 2000 }), undefined);
    assert.match(templateFileProblem('starter.py', { symlink: true, isFile: true, size: 10 }) ?? '', /starter\.py is a symbolic link/);
    assert.match(templateFileProblem('starter.py', { symlink: false, isFile: false, size: 0 }) ?? '', /not a file/);
    assert.match(templateFileProblem('starter.py', { symlink: false, isFile: true, size: 50 * 1048576 }) ?? '', /starter\.py is 50\.0 MB; a template file may be at most 1 MB/);
    assert.strictEqual(templateFileProblem('checks.py', { symlink: false, isFile: true, size: MAX_TEMPLATE_FILE_BYTES }), undefined);
  });

  it('tells a missing interpreter, a missing package and a crash apart', () => {
    assert.deepStrictEqual(runProblem(null, '', 'spawn python9 ENOENT'), { kind: 'no-python', detail: 'spawn python9 ENOENT' });
    assert.deepStrictEqual(runProblem(3, 'This exercise needs Django. Install it ...', undefined)?.kind, 'missing-package');
    assert.deepStrictEqual(runProblem(1, "ModuleNotFoundError: No module named 'rest_framework.serializers'"), { kind: 'missing-package', detail: 'rest_framework' });
    assert.deepStrictEqual(runProblem(1, '  File "x.py", line 3\nSyntaxError: invalid syntax'), { kind: 'crashed', detail: 'SyntaxError: invalid syntax' });
  });

  it('names a numbered copy after the first free number', () => {
    const taken = new Set(['views.py', 'views-2.py']);
    assert.strictEqual(numberedCopyName('views.py', n => taken.has(n)), 'views-3.py');
    assert.strictEqual(numberedCopyName('Makefile', () => false), 'Makefile-2');
  });
});

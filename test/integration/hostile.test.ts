// Hostile files in the real extension host: progress imports that must change nothing, user
// templates that must not be read, and links that must not be written through.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { waitFor, activated } from './helpers';

const DAY = 86_400_000;
let api: DjangoPrepApi;

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
/** Every file under `dir`, relative, sorted. */
const listing = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

suite('Hostile files', () => {
  suiteSetup(async () => {
    api = await activated();
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.progress.reset();
  });

  test('hostile progress imports are refused or cleaned, and the saved progress is untouched', async () => {
    await api.progress.reset();
    await api.progress.markRead('guide', 'python/decorators');
    await api.progress.recordPractice('guide', 'django/signals', 2, 5);
    const now = Date.now();
    await api.progress.review('guide', 'q:mine', () => [now + DAY, 3, 5, 1, 0, 2, 0, 2, now - DAY]);
    const before = JSON.stringify(api.progress.snapshot);
    const dir = tmp('djp-hostile-progress-');
    const file = (name: string, text: string | Buffer) => { const f = path.join(dir, name); fs.writeFileSync(f, text); return vscode.Uri.file(f); };
    const doc = (guide: unknown) => JSON.stringify({ version: 1, documents: { guide } });
    const refused = {
      '50 MB': file('huge.json', Buffer.alloc(50 * 1048576, 0x20)),
      'deep nesting': file('deep.json', `{"version":1,"documents":{"guide":{"read":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}}`),
      'a future version': file('future.json', JSON.stringify({ version: 7, documents: {} })),
      'not JSON': file('broken.json', '{"version":1,"documents":'),
    };
    for (const [what, uri] of Object.entries(refused)) {
      for (const mode of ['merge', 'replace']) {
        assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.importProgress', uri, mode), false, `${what} (${mode}) is refused`);
        assert.strictEqual(JSON.stringify(api.progress.snapshot), before, `${what} (${mode}): progress untouched`);
      }
    }
    const cleaned = {
      '__proto__ and constructor keys': file('proto.json', `{"version":1,"documents":{"__proto__":{"read":{"x":1}},"guide":{"read":{"constructor":1,"__proto__":{"polluted":true}},"cards":{"__proto__":[1,2,3,4,5,6,7,2,9]}}}}`),
      'wrong types': file('types.json', doc({ read: { 'python/decorators': 'today' }, practised: { 'django/signals': { passed: '5', total: 5, at: now } }, cards: { 'q:mine': 'again' } })),
      'dates in the year 30000': file('y30000.json', doc({ read: { 'python/decorators': Date.UTC(30000, 0, 1) }, cards: { 'q:mine': [Date.UTC(30000, 0, 2), 3, 5, 1, 0, 99, 0, 2, Date.UTC(30000, 0, 1)] } })),
      'NaN and infinite stabilities': file('nan.json', `{"version":1,"documents":{"guide":{"cards":{"q:mine":[${now},NaN,5,1,0,9,0,2,${now}],"q:x":[${now},1e999,5,1,0,9,0,2,${now}],"q:y":[${now},null,5,1,0,9,0,2,${now}]}}}}`),
    };
    for (const [what, uri] of Object.entries(cleaned)) {
      const result = await vscode.commands.executeCommand('djangoPrep.importProgress', uri, 'merge');
      // NaN is not JSON at all: refused whole; the others are read with their damage dropped.
      assert.ok(result === true || (what.startsWith('NaN') && result === false), `${what}: ${String(result)}`);
      assert.strictEqual(JSON.stringify(api.progress.snapshot), before, `${what}: progress untouched`);
    }
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
    assert.strictEqual(JSON.stringify(api.progress.snapshot), before);
  });

  test('hostile user templates are skipped with their names, and nothing is written outside the practice folder', async () => {
    const own = tmp('djp-hostile-templates-');
    const outside = tmp('djp-outside-');
    const practice = tmp('djp-practice-');
    fs.writeFileSync(path.join(outside, 'secret.py'), '# a file outside the templates folder\n');
    const body = '# Django Interview Prep: Mine\n# {{task-runner}}\nDONE = False\n';
    const exercise = (id: string, extra: Record<string, unknown> = {}, files: Record<string, string> = {}) => {
      fs.mkdirSync(path.join(own, id));
      fs.writeFileSync(path.join(own, id, 'exercise.json'), JSON.stringify({ id, title: `Drill ${id}`, topic: 'django/signals', description: 'Mine.', file: `${id.replace(/-/g, '_')}.py`, requires: [], ...extra }));
      for (const f of ['starter.py', 'solution.py']) { if (!(f in files)) { fs.writeFileSync(path.join(own, id, f), body); } }
    };
    exercise('climbs-out', { file: '../../x.py' });
    exercise('absolute', { file: path.join(outside, 'x.py') });
    exercise('drive-path', { file: 'C:\\x.py' });
    exercise('control-chars', { file: 'x\u001b[2J.py', title: 'Drill\u202eyp.exe' });
    exercise('linked-starter', {}, { 'starter.py': '' });
    fs.symlinkSync(path.join(outside, 'secret.py'), path.join(own, 'linked-starter', 'starter.py'));
    fs.symlinkSync(outside, path.join(own, 'linked-folder'));
    exercise('huge-starter', {}, { 'starter.py': '' });
    fs.writeFileSync(path.join(own, 'huge-starter', 'starter.py'), Buffer.alloc(50 * 1048576, 0x23));
    exercise('fine');
    const config = vscode.workspace.getConfiguration('djangoPrep');
    await config.update('templatesFolder', own, vscode.ConfigurationTarget.Workspace);
    await config.update('practiceFolder', practice, vscode.ConfigurationTarget.Workspace);
    try {
      const catalog = await waitFor(async () => { const c = await api.exercises.get(); return c.exercises.some(e => e.id === 'fine') ? c : undefined; }, 'the user templates');
      const user = catalog.exercises.filter(e => e.origin === 'user').map(e => e.id);
      assert.deepStrictEqual(user, ['fine'], 'only the harmless template is offered');
      const problems = catalog.problems.join('\n');
      for (const [id, why] of [['climbs-out', /plain name/], ['absolute', /plain name/], ['drive-path', /plain name/], ['control-chars', /plain name/],
        ['linked-starter', /starter\.py is a symbolic link/], ['linked-folder', /folder is a symbolic link/], ['huge-starter', /starter\.py is 50\.0 MB/]] as const) {
        assert.ok(catalog.problems.some(p => p.startsWith(`user exercise ${id}:`) && why.test(p)), `${id} is not reported as ${why}:\n${problems}`);
      }
      // eslint-disable-next-line no-control-regex
      assert.ok(!catalog.problems.some(p => /[\u0000-\u001f\u202e]/.test(p)), 'the messages show no raw control characters');
      const made = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', { exercise: 'fine' });
      assert.strictEqual(path.dirname(made.fsPath), practice);
      for (const id of ['climbs-out', 'absolute', 'linked-starter', 'huge-starter']) {
        assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.newPracticeFile', { exercise: id }), undefined, `${id} cannot be scaffolded`);
      }
      assert.deepStrictEqual(listing(outside), ['secret.py'], 'nothing was written outside');
      assert.strictEqual(fs.readFileSync(path.join(outside, 'secret.py'), 'utf8'), '# a file outside the templates folder\n');
    } finally {
      await config.update('templatesFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('practiceFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('a link in the practice folder pointing outside is never written through', async () => {
    const practice = tmp('djp-practice-');
    const outside = tmp('djp-outside-');
    const victim = path.join(outside, 'victim.py');
    fs.writeFileSync(victim, 'precious = True\n');
    fs.symlinkSync(victim, path.join(practice, 'signals_on_commit.py'));
    fs.symlinkSync(path.join(outside, 'dangling.py'), path.join(practice, 'signals_on_commit-2.py'));
    const config = vscode.workspace.getConfiguration('djangoPrep');
    await config.update('practiceFolder', practice, vscode.ConfigurationTarget.Workspace);
    try {
      const overwrite = await vscode.commands.executeCommand<vscode.Uri | undefined>('djangoPrep.newPracticeFile', { exercise: 'signals-on-commit', ifExists: 'overwrite' });
      assert.strictEqual(overwrite, undefined, 'overwriting through the link is refused');
      // A numbered copy passes both links by (the dangling one counts as taken) and is a plain file inside.
      const copy = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', { exercise: 'signals-on-commit', ifExists: 'copy' });
      assert.strictEqual(copy.fsPath, path.join(practice, 'signals_on_commit-3.py'));
      assert.ok(!fs.lstatSync(copy.fsPath).isSymbolicLink());
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious = True\n', 'the linked file is untouched');
      assert.deepStrictEqual(listing(outside), ['victim.py'], 'nothing was created outside through the dangling link');
    } finally {
      await config.update('practiceFolder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});

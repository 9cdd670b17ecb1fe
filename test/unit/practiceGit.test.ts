// The git exercise's check on its failure modes, with the real git and bash on throwaway
// repositories: a script bash cannot read, one that fails, one that hangs (and leaves a child
// behind), one that rewrites shared history, and git missing from the PATH it is given.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkGitScript, GIT_INSTALL_HINT, GIT_SPECS } from '../../src/core/practice/gitCheck';
import { settingsProblem } from '../../src/core/practice/gitFacts';
import { RESOLVED_SETTINGS } from '../../src/core/practice/gitScenario';
import { runCheck, tasksOf } from '../../src/core/practice/runCheck';
import { root } from './paths';

const dir = path.join(root, 'content', 'exercises', 'git-repair-history');
const starter = fs.readFileSync(path.join(dir, 'starter', 'repair.sh'), 'utf8');
const solution = fs.readFileSync(path.join(dir, 'solution', 'repair.sh'), 'utf8');
const head = starter.slice(0, starter.indexOf('\ngit status'));
const script = (body: string) => `${head}\n${body}\n`;
const bodyLine = head.split('\n').length;
const status = (r: { tasks: readonly { status: string }[] }) => r.tasks.map(t => t.status[0]).join('');
const leftovers = () => fs.readdirSync(os.tmpdir()).filter(n => n.startsWith('djprep-git-'));
/** Whether a process still runs (a zombie waiting for init to reap it does not), given a second to go. */
async function alive(pid: number): Promise<boolean> {
  const running = () => { try { return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return false; } };
  for (let i = 0; i < 20 && running(); i++) { await new Promise(r => setTimeout(r, 50)); }
  return running();
}

describe('git practice checks (real bash and git on a throwaway repository)', function () {
  this.timeout(30000);
  const foldersBefore = new Set(leftovers());
  after(() => assert.deepStrictEqual(leftovers().filter(n => !foldersBefore.has(n)), [], 'every check removes its folder'));

  it('anchors the seven tasks at their TODO lines', () => {
    const anchors = tasksOf('git', starter);
    assert.deepStrictEqual(anchors.map(a => a.number), [1, 2, 3, 4, 5, 6, 7]);
    assert.ok(anchors.every(a => starter.split('\n')[a.line].startsWith(`# TODO ${a.number}:`)), JSON.stringify(anchors));
  });

  it('the solution passes every task; the starter fails all but the clean ending, on the same hashes every run', async () => {
    const ok = await runCheck('git', 'repair.sh', solution, { python: 'python3', shownName: 'repair.sh' });
    assert.strictEqual(status(ok), 'ppppppp', ok.output);
    const r = await checkGitScript(starter);
    assert.strictEqual(status(r), 'ffffffp');
    // Fixed identity and dates: the bad commit has the same hash on every machine.
    assert.match(r.output, /61cd85e .*Turn DEBUG on to trace the checkout bug/);
    assert.match(r.tasks[2].message ?? '', /git revert --no-edit 61cd85e/);
  });

  it('a script bash cannot read fails every task at the line, with bash\'s words', async () => {
    const r = await checkGitScript(script('if then fi'), { shownName: 'repair.sh' });
    assert.strictEqual(status(r), 'fffffff');
    assert.strictEqual(r.problem?.kind, 'syntax');
    assert.ok(r.tasks.every(t => t.line === bodyLine && /bash cannot read the script: line \d+: syntax error/.test(t.message ?? '')), JSON.stringify(r.tasks[0]));
    assert.deepStrictEqual(r.diagnostics.map(d => [d.line, d.source]), [[bodyLine, 'bash']]);
  });

  it('a failing command shows its error in the task message and the Problems panel', async () => {
    const r = await checkGitScript(script('git merge feature/www-host\ngit comit -m "typo"\nnosuchcommand'), { shownName: 'repair.sh' });
    assert.strictEqual(r.tasks[6].status, 'failed');
    assert.match(r.tasks[6].message ?? '', /a merge is still in progress.*exit status 127: .*nosuchcommand: command not found/);
    assert.match(r.tasks[0].message ?? '', /no merge commit .*\(the script ended with exit status 127/);
    assert.ok(r.diagnostics.some(d => d.line === bodyLine + 2 && /command not found/.test(d.message)), JSON.stringify(r.diagnostics));
    assert.match(r.output, /git: 'comit' is not a git command/);
  });

  it('a script that hangs is stopped at the time limit, with whatever it started', async () => {
    const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'djp-gitpid-')), 'pid');
    const t0 = Date.now();
    const r = await checkGitScript(script(`sleep 300 &\necho $! > ${pidFile}\nsleep 300`), { timeoutMs: 1500 });
    assert.ok(Date.now() - t0 < 10000);
    assert.strictEqual(r.problem?.kind, 'timeout');
    assert.ok(r.tasks.every(t => t.status === 'failed' && /did not finish within 1.5 s/.test(t.message ?? '')), JSON.stringify(r.tasks[0]));
    assert.ok(!await alive(Number(fs.readFileSync(pidFile, 'utf8'))), 'the background sleep went with the script');
    const r2 = await checkGitScript(script(`sleep 300 &\necho $! > ${pidFile}`), { timeoutMs: 10000 });
    assert.strictEqual(r2.problem, undefined, 'a script that ends leaves no background job running either');
    assert.ok(!await alive(Number(fs.readFileSync(pidFile, 'utf8'))), 'the background sleep is gone');
    fs.rmSync(path.dirname(pidFile), { recursive: true, force: true });
  });

  it('rewriting the pushed history fails the revert and the push, and says why', async () => {
    const r = await checkGitScript(script('git reset -q --hard HEAD~1\ngit push -f origin main'));
    assert.match(r.tasks[2].message ?? '', /no longer in main's history: it was rewritten away/);
    assert.match(r.tasks[3].message ?? '', /origin's main is still the DEBUG commit/);
    assert.match(r.output, /denying non-fast-forward|rejected/, 'origin refused the force push');
  });

  it('a hand-made undo, a lightweight tag and an unpushed branch deletion each fail their task', async () => {
    const r = await checkGitScript(script([
      'git merge -q feature/www-host', `cat > settings.py <<'PY'\n${RESOLVED_SETTINGS.replace('DEBUG = False', 'DEBUG = True')}PY`, 'git commit -qam merged',
      "sed -i 's/DEBUG = True/DEBUG = False/' settings.py", 'git commit -qam "DEBUG off"', 'git branch -d feature/www-host',
      'git tag v1.4.1', 'git push -q origin main v1.4.1',
    ].join('\n')));
    assert.strictEqual(status(r), 'ppfpffp', r.tasks.map(t => t.message).join('\n'));
    assert.match(r.tasks[2].message ?? '', /"DEBUG off" undoes .* but its message does not name the commit it reverts/);
    assert.match(r.tasks[4].message ?? '', /origin still has feature\/www-host/);
    assert.match(r.tasks[5].message ?? '', /lightweight tag/);
  });

  it('reads the resolved settings line by line, hosts in any order', () => {
    assert.strictEqual(settingsProblem(RESOLVED_SETTINGS), undefined);
    assert.strictEqual(settingsProblem(RESOLVED_SETTINGS.replace('"shop.example.com", "api.example.com", "www.example.com"', "'www.example.com', 'shop.example.com', 'api.example.com'").replace('DEBUG = False', 'DEBUG = True')), undefined);
    assert.match(settingsProblem(RESOLVED_SETTINGS.replace('ALLOWED_HOSTS', '<<<<<<< HEAD\nALLOWED_HOSTS')) ?? '', /line 3 still has the conflict marker <<<<<<</);
    assert.match(settingsProblem(RESOLVED_SETTINGS.replace(', "api.example.com"', '')) ?? '', /line 3: ALLOWED_HOSTS lacks api\.example\.com/);
    assert.match(settingsProblem(RESOLVED_SETTINGS.replace('600', '300')) ?? '', /line 6 should be `CACHE_TIMEOUT = 600`, found `CACHE_TIMEOUT = 300`/);
  });

  it('without git on the PATH it is given, every task is errored with how to install git', async () => {
    const r = await runCheck('git', 'repair.sh', solution, { python: 'python3', pathEnv: path.join(os.tmpdir(), 'no-such-folder') });
    assert.strictEqual(r.tasks.length, GIT_SPECS.length);
    assert.ok(r.tasks.every(t => t.status === 'errored' && t.message?.includes(GIT_INSTALL_HINT)), JSON.stringify(r.tasks[0]));
    assert.match(GIT_INSTALL_HINT, /apt install git.*brew install git.*xcode-select --install/);
    assert.strictEqual(r.problem?.kind, 'missing-tool');
  });
});

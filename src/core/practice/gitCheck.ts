// The git exercise: the learner's script (repair.sh) runs with the real bash in a fresh clone of
// a throwaway repository (gitScenario.ts), then the real git says what it did: the feature branch
// merged with the conflict resolved, the pushed DEBUG commit reverted rather than rewritten, a
// normal push, the branch cleaned up, an annotated release tag, and nothing left half-done.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildScenario, FEATURE, gitEnvironment, gitMaybe, type GitEnv, RELEASE_TAG, SETTINGS, type Scenario } from './gitScenario';
import { gitFacts, settingsProblem, type GitFacts, type RevertCandidate } from './gitFacts';
import { findExecutable, lastLines, runProcess } from './processes';
import { allTasks, judge, type CheckReport, type FileDiagnostic, type TaskSpec, type Verdict } from './tasks';

export const GIT_INSTALL_HINT = 'install it: sudo apt install git (Debian/Ubuntu), brew install git or xcode-select --install (macOS)';
const BASH_INSTALL_HINT = 'install it: sudo apt install bash (Debian/Ubuntu); on Windows use Git Bash or WSL';

const short = (sha: string | undefined) => (sha ?? '').slice(0, 7);

const merged = (f: GitFacts): Verdict => {
  const m = f.merge;
  if (!m) {
    return { message: f.featureOnMain
      ? `${FEATURE}'s commits are on main, but no merge commit joins the two lines: merge with \`git merge ${FEATURE}\` (not a rebase or fast-forward), so main's history keeps both parents`
      : `main has no merge commit with ${FEATURE}'s tip (${short(f.s.feature)}) as a parent: on main, run \`git merge ${FEATURE}\`, resolve the conflict, and commit (not --squash, which leaves the branch unmerged)` };
  }
  if (m.parents[0] === f.s.feature) {
    return { message: `the merge commit ${short(m.sha)} has ${FEATURE} as its first parent: main was merged into the feature, so \`git log --first-parent main\` follows the feature; switch to main and merge the feature into it` };
  }
  return undefined;
};

const resolved = (f: GitFacts): Verdict => {
  if (f.settingsAtMerge === undefined) { return { message: `there is no merge of ${FEATURE} to look at yet (task 1); the resolved ${SETTINGS} is checked in the merge commit` }; }
  const problem = settingsProblem(f.settingsAtMerge);
  return problem ? { message: `${SETTINGS} in the merge commit ${short(f.merge?.sha)}: ${problem}` } : undefined;
};

const describeCandidate = (c: RevertCandidate) => `${short(c.sha)} "${c.subject}"`;
const reverted = (f: GitFacts): Verdict => {
  const bad = `${short(f.s.bad)} "${f.badSubject}"`;
  if (!f.badOnMain) {
    return { message: `the pushed commit ${bad} is no longer in main's history: it was rewritten away (reset, rebase or amend). Others already pulled it, so keep it and add a commit that undoes it: \`git revert ${short(f.s.bad)}\`` };
  }
  const undo = f.candidates.find(c => c.inverts);
  if (!undo) {
    return { message: f.debugOffAtTip
      ? `DEBUG is False again, but no single commit exactly undoes ${bad}: let \`git revert\` write that commit, so the history says what was undone`
      : `nothing after ${bad} undoes it: DEBUG is still True on main; run \`git revert --no-edit ${short(f.s.bad)}\` (find the commit with \`git log --oneline\`)` };
  }
  if (!undo.namesBad) {
    return { message: `${describeCandidate(undo)} undoes ${bad}, but its message does not name the commit it reverts: keep the "This reverts commit <hash>." line git revert writes (\`--no-edit\`)` };
  }
  return f.debugOffAtTip ? undefined : { message: `${describeCandidate(undo)} reverts the DEBUG commit, but a later commit turns DEBUG on again` };
};

const pushed = (f: GitFacts): Verdict => {
  if (f.originMain === f.s.bad) { return { message: `origin's main is still the DEBUG commit ${short(f.s.bad)}: push the repaired main with \`git push origin main\`` }; }
  if (!f.badInOrigin) { return { message: `origin's main (${short(f.originMain)}) no longer contains ${short(f.s.bad)}: its history was replaced by a force push; a shared branch only moves forward` }; }
  if (f.originMain !== f.main) { return { message: `origin's main is ${short(f.originMain)} but your main is ${short(f.main)}: push main after the last repair` }; }
  return undefined;
};

const cleaned = (f: GitFacts): Verdict => {
  if (!f.featureOnMain) { return { message: `${FEATURE}'s commits are not on main, so the branch must not be deleted yet (task 1 first)` }; }
  if (f.featureHere) { return { message: `the branch ${FEATURE} still exists here: delete it with \`git branch -d ${FEATURE}\` (-d refuses an unmerged branch, which is the point)` }; }
  if (f.featureOnOrigin) { return { message: `origin still has ${FEATURE}: delete it there with \`git push origin --delete ${FEATURE}\`` }; }
  if (f.featureTracking) { return { message: `origin/${FEATURE} is still listed here although origin deleted it: \`git fetch --prune\`` }; }
  return undefined;
};

const tagged = (f: GitFacts): Verdict => {
  if (!f.tagTypeOnOrigin) {
    return { message: f.tagTypeHere
      ? `${RELEASE_TAG} exists here but not on origin: tags are not pushed with the branch; \`git push origin ${RELEASE_TAG}\``
      : `origin has no tag ${RELEASE_TAG}: tag the repaired main with \`git tag -a ${RELEASE_TAG} -m "Release 1.4.1"\` and push it` };
  }
  if (f.tagTypeOnOrigin !== 'tag') { return { message: `${RELEASE_TAG} is a lightweight tag (a bare name for a commit): make it annotated with \`git tag -a\`, which records who tagged it, when and why` }; }
  if (f.tagCommit !== f.originMain) { return { message: `${RELEASE_TAG} points at ${short(f.tagCommit)}, not at origin's repaired main (${short(f.originMain)}): tag after the last commit` }; }
  return undefined;
};

const exited = (f: GitFacts) => `the script ended with exit status ${String(f.exitCode)}${f.errorTail ? `: ${f.errorTail}` : ''}`;
const clean = (f: GitFacts): Verdict => {
  const failed = f.exitCode !== 0 ? `; ${exited(f)}` : '';
  if (f.inProgress) { return { message: `a ${f.inProgress} is still in progress: finish it (\`git commit\`, or \`git ${f.inProgress} --continue\`) before moving on${failed}` }; }
  if (f.status) { return { message: `uncommitted changes are left in the clone: ${f.status.split('\n').slice(0, 4).join('; ')}${failed}` }; }
  if (f.branch !== 'main') { return { message: `${f.branch ? `the clone is left on ${f.branch}, not main` : 'HEAD is left detached, not on main: `git switch main`'}${failed}` }; }
  return f.exitCode !== 0 ? { message: exited(f) } : undefined;
};

export const GIT_RULES = [
  { number: 1, title: `main merges ${FEATURE} with a merge commit`, check: merged },
  { number: 2, title: `The conflict in ${SETTINGS} is resolved: all three hosts and the feature's timeout`, check: resolved },
  { number: 3, title: 'The pushed DEBUG commit is undone with git revert, history kept', check: reverted },
  { number: 4, title: 'origin\'s main is the repaired main, pushed without force', check: pushed },
  { number: 5, title: 'The merged feature branch is deleted here and on origin', check: cleaned },
  { number: 6, title: `${RELEASE_TAG} is an annotated tag on the repaired main, on origin`, check: tagged },
  { number: 7, title: 'The script ends cleanly: exit 0, nothing uncommitted or half-done, on main', check: clean },
] as const;
export const GIT_SPECS: readonly TaskSpec[] = GIT_RULES.map(({ number, title }) => ({ number, title }));

export interface GitCheckOptions {
  readonly git?: string;
  readonly bash?: string;
  /** Where git and bash are looked for, and the script's PATH: process.env.PATH when absent. */
  readonly pathEnv?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly shownName?: string;
}

const missingTool = (message: string): CheckReport => ({ tasks: allTasks(GIT_SPECS, 'errored', message), output: message, diagnostics: [], problem: { kind: 'missing-tool', detail: message } });

/** bash's own complaints ("repair.sh: line 3: ...") as problems at their lines. */
function bashDiagnostics(stderr: string, script: string, shown: string): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const raw of stderr.split('\n')) {
    const m = /^(.*?): line (\d+): (.*)$/.exec(raw.trim());
    if (!m || (m[1] !== script && path.basename(m[1]) !== shown)) { continue; }
    const line = Number(m[2]) - 1;
    // bash -n repeats the offending line after the message: one problem a line.
    if (out.some(d => d.line === line)) { continue; }
    out.push({ line, column: 0, endLine: line, endColumn: 1000, severity: 'error', message: `bash: ${m[3]}`, source: 'bash' });
  }
  return out;
}

export async function checkGitScript(text: string, o: GitCheckOptions = {}): Promise<CheckReport> {
  const pathEnv = o.pathEnv ?? process.env.PATH;
  const gitBin = o.git ?? findExecutable('git', pathEnv);
  if (!gitBin) { return missingTool(`git is not installed here, so the script could not be run against a repository; ${GIT_INSTALL_HINT}`); }
  const bash = o.bash ?? findExecutable('bash', pathEnv, ['/bin', '/usr/bin']);
  if (!bash) { return missingTool(`bash was not found, so the script could not be run; ${BASH_INSTALL_HINT}`); }
  const timeoutMs = o.timeoutMs ?? 30000;
  const shown = o.shownName ?? 'repair.sh';
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'djprep-git-'));
  try {
    const home = path.join(tmp, 'home');
    await fs.promises.mkdir(home);
    // The script finds the same git the check uses.
    const env = gitEnvironment(home, [path.dirname(gitBin), pathEnv].filter(Boolean).join(path.delimiter));
    const g: GitEnv = { git: gitBin, env, timeoutMs: Math.min(timeoutMs, 20000), signal: o.signal };
    const script = path.join(tmp, shown.replace(/[^\w.-]/g, '_'));
    await fs.promises.writeFile(script, text);
    const syntax = await runProcess(bash, ['-n', script], { env, timeoutMs: 10000, signal: o.signal });
    if (syntax.code !== 0) {
      const diagnostics = bashDiagnostics(syntax.stderr, script, shown);
      const first = diagnostics[0];
      const message = `bash cannot read the script: ${first ? `line ${first.line + 1}: ${first.message.replace(/^bash: /, '')}` : lastLines(syntax.spawnError ?? syntax.stderr)}`;
      return { tasks: allTasks(GIT_SPECS, 'failed', message, first?.line), output: `$ bash -n ${shown}\n${syntax.stderr.split(script).join(shown)}`, diagnostics, problem: { kind: 'syntax', detail: message } };
    }
    let scenario: Scenario;
    try { scenario = await buildScenario(g, tmp); } catch (e) {
      const message = `the practice repository could not be built with ${gitBin} (git 2.28 or later is needed): ${e instanceof Error ? e.message : String(e)}`;
      return { tasks: allTasks(GIT_SPECS, 'errored', message), output: message, diagnostics: [], problem: { kind: 'crashed', detail: message } };
    }
    const run = await runProcess(bash, [script], { cwd: scenario.clone, env, timeoutMs, signal: o.signal });
    const output = [`$ bash ${shown}   (in a fresh clone, shop/, of origin.git)`, run.output.split(script).join(shown).trimEnd(), `(exit status ${String(run.code)})`];
    const diagnostics = bashDiagnostics(run.stderr, script, shown);
    if (run.timedOut) {
      const message = `the script did not finish within ${timeoutMs / 1000} s and was stopped: does a command wait for input (an editor, a pager, a password)?`;
      return { tasks: allTasks(GIT_SPECS, 'failed', message), output: output.join('\n'), diagnostics, problem: { kind: 'timeout', detail: message } };
    }
    const errorTail = lastLines((run.stderr.trim() ? run.stderr : run.stdout).split(script).join(shown), 2);
    const facts = await gitFacts(g, scenario, { exitCode: run.code, errorTail });
    const graph = await gitMaybe(g, scenario.clone, ['log', '--graph', '--oneline', '--decorate', '--all']);
    if (graph) { output.push('', '$ git log --graph --oneline --decorate --all', graph); }
    // Why the script stopped says most beside the first task it did not get to.
    const tasks = judge(GIT_RULES, facts);
    const first = tasks.findIndex(t => t.status === 'failed');
    if (run.code !== 0 && first >= 0 && tasks[first].number !== 7) { tasks[first] = { ...tasks[first], message: `${tasks[first].message ?? ''} (${exited(facts)})` }; }
    return { tasks, output: output.join('\n'), diagnostics };
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

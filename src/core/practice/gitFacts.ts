// What the real git says about the repositories after the learner's script: read once, then
// judged by the rules in gitCheck.ts. Nothing here trusts the script's own words (messages are
// read only to see that a revert names what it reverts).
import * as fs from 'fs';
import * as path from 'path';
import { FEATURE, git, gitMaybe, type GitEnv, HOSTS, RELEASE_TAG, RESOLVED_SETTINGS, SETTINGS, type Scenario } from './gitScenario';

export interface RevertCandidate {
  readonly sha: string;
  readonly subject: string;
  /** Its diff is exactly the bad commit's, inverted. */
  readonly inverts: boolean;
  /** Its message names the bad commit's hash, as git revert writes it. */
  readonly namesBad: boolean;
}

export interface GitFacts {
  readonly s: Scenario;
  readonly main?: string;
  readonly originMain?: string;
  readonly badSubject: string;
  /** The merge on main that has the feature's tip as a parent. */
  readonly merge?: { readonly sha: string; readonly parents: readonly string[] };
  readonly featureOnMain: boolean;
  readonly settingsAtMerge?: string;
  readonly badOnMain: boolean;
  readonly candidates: readonly RevertCandidate[];
  readonly debugOffAtTip: boolean;
  readonly badInOrigin: boolean;
  readonly featureHere: boolean;
  readonly featureOnOrigin: boolean;
  readonly featureTracking: boolean;
  readonly tagTypeHere?: string;
  readonly tagTypeOnOrigin?: string;
  readonly tagCommit?: string;
  readonly inProgress?: string;
  readonly status: string;
  readonly branch?: string;
  readonly exitCode: number | null;
  readonly errorTail: string;
}

const MARKER = /^(<{7}|={7}|>{7}|\|{7})(\s|$)/;
const lines = (text: string) => {
  const out = text.split(/\r?\n/).map(l => l.trimEnd());
  while (out.length && out[out.length - 1] === '') { out.pop(); }
  return out;
};

/** Why settings.py is not resolved as asked (the DEBUG line aside), or undefined. */
export function settingsProblem(text: string): string | undefined {
  const have = lines(text);
  const marker = have.findIndex(l => MARKER.test(l));
  if (marker >= 0) { return `line ${marker + 1} still has the conflict marker ${have[marker].slice(0, 7)}: keep one ALLOWED_HOSTS line and delete the markers`; }
  const want = lines(RESOLVED_SETTINGS);
  for (let i = 0; i < Math.max(want.length, have.length); i++) {
    const w = want[i];
    const h = have[i];
    if (w?.startsWith('DEBUG') && /^DEBUG = (True|False)$/.test(h ?? '')) { continue; }
    if (w?.startsWith('ALLOWED_HOSTS') && h?.startsWith('ALLOWED_HOSTS')) {
      const list = /^ALLOWED_HOSTS\s*=\s*\[(.*)\]$/.exec(h);
      if (!list) { return `line ${i + 1}: ALLOWED_HOSTS should stay one list on one line, found \`${h}\``; }
      const hosts = [...list[1].matchAll(/"([^"]*)"|'([^']*)'/g)].map(m => m[1] ?? m[2]);
      const missing = HOSTS.filter(x => !hosts.includes(x));
      if (missing.length) { return `line ${i + 1}: ALLOWED_HOSTS lacks ${missing.join(' and ')}; the resolution keeps the hosts both sides added`; }
      if (hosts.length !== HOSTS.length) { return `line ${i + 1}: ALLOWED_HOSTS should list exactly ${HOSTS.join(', ')}, found ${hosts.join(', ')}`; }
      continue;
    }
    if (w !== h) { return `line ${i + 1} should be \`${w ?? '(nothing: the file ends here)'}\`, found \`${h ?? '(the end of the file)'}\``; }
  }
  return undefined;
}

type Changes = Map<string, { added: string[]; removed: string[] }>;

/** Lines added and removed per file between two commits. */
async function changes(g: GitEnv, cwd: string, from: string, to: string): Promise<Changes> {
  const out: Changes = new Map();
  let file: { added: string[]; removed: string[] } | undefined;
  let inHunk = false;
  for (const l of (await git(g, cwd, ['diff', '--no-color', '--no-ext-diff', '--no-renames', '-U0', from, to])).split('\n')) {
    const header = /^diff --git a\/(.*) b\//.exec(l);
    if (header) { file = { added: [], removed: [] }; out.set(header[1], file); inHunk = false; continue; }
    if (l.startsWith('@@')) { inHunk = true; continue; }
    if (!file || !inHunk) { continue; }
    if (l.startsWith('+')) { file.added.push(l.slice(1)); } else if (l.startsWith('-')) { file.removed.push(l.slice(1)); }
  }
  return out;
}

const sameLines = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
function inverts(undo: Changes, bad: Changes): boolean {
  if (undo.size !== bad.size) { return false; }
  for (const [file, c] of bad) {
    const u = undo.get(file);
    if (!u || !sameLines(u.added, c.removed) || !sameLines(u.removed, c.added)) { return false; }
  }
  return true;
}

const isAncestor = async (g: GitEnv, cwd: string, a: string, b: string | undefined) => b !== undefined && (await gitMaybe(g, cwd, ['merge-base', '--is-ancestor', a, b])) !== undefined;
const ref = (g: GitEnv, cwd: string, name: string) => gitMaybe(g, cwd, ['rev-parse', '-q', '--verify', `${name}^{commit}`]);

export async function gitFacts(g: GitEnv, s: Scenario, run: { exitCode: number | null; errorTail: string }): Promise<GitFacts> {
  const here = s.clone;
  const main = await ref(g, here, 'refs/heads/main');
  const originMain = await ref(g, s.origin, 'refs/heads/main');
  const badSubject = await git(g, s.origin, ['log', '-1', '--format=%s', s.bad]);
  let merge: GitFacts['merge'];
  if (main) {
    for (const line of (await git(g, here, ['rev-list', '--merges', '--parents', main])).split('\n').filter(Boolean)) {
      const [sha, ...parents] = line.split(' ');
      if (parents.includes(s.feature)) { merge = { sha, parents }; break; }
    }
  }
  const badOnMain = await isAncestor(g, here, s.bad, main);
  const candidates: RevertCandidate[] = [];
  if (main && badOnMain) {
    const bad = await changes(g, here, `${s.bad}^`, s.bad);
    const shas = (await git(g, here, ['rev-list', '--no-merges', '--max-count=30', `${s.bad}..${main}`])).split('\n').filter(Boolean);
    for (const sha of shas) {
      const body = await git(g, here, ['log', '-1', '--format=%B', sha]);
      const namesBad = [...body.matchAll(/\b[0-9a-f]{7,40}\b/g)].some(m => s.bad.startsWith(m[0]));
      candidates.push({ sha, subject: body.split('\n')[0], inverts: inverts(await changes(g, here, `${sha}^`, sha), bad), namesBad });
    }
  }
  const tip = main ? await gitMaybe(g, here, ['show', `${main}:${SETTINGS}`]) : undefined;
  const gitDir = path.join(here, '.git');
  const states: Array<[string, string]> = [['MERGE_HEAD', 'merge'], ['REVERT_HEAD', 'revert'], ['CHERRY_PICK_HEAD', 'cherry-pick'], ['rebase-merge', 'rebase'], ['rebase-apply', 'rebase']];
  const inProgress = states.find(([f]) => fs.existsSync(path.join(gitDir, f)))?.[1];
  return {
    s, main, originMain, badSubject, merge,
    featureOnMain: await isAncestor(g, here, s.feature, main),
    settingsAtMerge: merge ? await gitMaybe(g, here, ['show', `${merge.sha}:${SETTINGS}`]) : undefined,
    badOnMain, candidates,
    debugOffAtTip: tip !== undefined && /^DEBUG\s*=\s*False\s*$/m.test(tip),
    badInOrigin: await isAncestor(g, s.origin, s.bad, originMain),
    featureHere: (await ref(g, here, `refs/heads/${FEATURE}`)) !== undefined,
    featureOnOrigin: (await ref(g, s.origin, `refs/heads/${FEATURE}`)) !== undefined,
    featureTracking: (await ref(g, here, `refs/remotes/origin/${FEATURE}`)) !== undefined,
    tagTypeHere: await gitMaybe(g, here, ['cat-file', '-t', `refs/tags/${RELEASE_TAG}`]),
    tagTypeOnOrigin: await gitMaybe(g, s.origin, ['cat-file', '-t', `refs/tags/${RELEASE_TAG}`]),
    tagCommit: await ref(g, s.origin, `refs/tags/${RELEASE_TAG}`),
    inProgress,
    status: (await gitMaybe(g, here, ['status', '--porcelain'])) ?? '',
    branch: await gitMaybe(g, here, ['symbolic-ref', '-q', '--short', 'HEAD']),
    exitCode: run.exitCode,
    errorTail: run.errorTail,
  };
}

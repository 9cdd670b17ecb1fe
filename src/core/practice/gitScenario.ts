// The throwaway repositories the git exercise's script repairs: a bare "origin" (its main is
// protected against force pushes, as on a hosting service) and the learner's clone. The history:
// main and feature/www-host both changed ALLOWED_HOSTS (a conflict), and a commit that turned
// DEBUG on is already on origin's main. Identity, dates and config are fixed, so the hashes are
// the same on every machine and nothing of the user's own git setup is read.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runProcess } from './processes';

export const FEATURE = 'feature/www-host';
export const RELEASE_TAG = 'v1.4.1';
export const SETTINGS = 'settings.py';
export const HOSTS = ['shop.example.com', 'api.example.com', 'www.example.com'];

const settings = (hosts: string, timeout: number, debug: boolean) => `# Shop settings: the part of the Django settings this exercise is about.

ALLOWED_HOSTS = ${hosts}

# How long a cached page stays fresh, in seconds.
CACHE_TIMEOUT = ${timeout}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"

# Never True in production: error pages would show settings and source code.
DEBUG = ${debug ? 'True' : 'False'}
`;

/** settings.py as the merge should leave it (ALLOWED_HOSTS in any order; DEBUG is the revert's business). */
export const RESOLVED_SETTINGS = settings(`[${HOSTS.map(h => `"${h}"`).join(', ')}]`, 600, false);

/** The commits the check inspects against, by role. */
export interface Scenario {
  readonly origin: string;
  readonly clone: string;
  /** main's tip on origin before the script: the bad commit. */
  readonly bad: string;
  /** feature/www-host's tip. */
  readonly feature: string;
}

export interface GitEnv { readonly git: string; readonly env: NodeJS.ProcessEnv; readonly timeoutMs: number; readonly signal?: AbortSignal }

/** The environment every git run gets: nothing inherited but PATH, no global or system config. */
export function gitEnvironment(home: string, pathEnv: string | undefined): NodeJS.ProcessEnv {
  return {
    PATH: pathEnv ?? '', HOME: home, LC_ALL: 'C', LANG: 'C', TZ: 'UTC',
    // Windows programs need SystemRoot to start at all.
    ...(process.env.SystemRoot ? { SystemRoot: process.env.SystemRoot } : {}),
    GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Django Prep Learner', GIT_AUTHOR_EMAIL: 'learner@example.com',
    GIT_COMMITTER_NAME: 'Django Prep Learner', GIT_COMMITTER_EMAIL: 'learner@example.com',
    // A script must never wait for an editor or a pager: git takes its default messages.
    GIT_EDITOR: 'true', GIT_SEQUENCE_EDITOR: 'true', GIT_MERGE_AUTOEDIT: 'no', GIT_PAGER: 'cat', PAGER: 'cat',
  };
}

/** Runs git; its stdout, trimmed at the end, or an Error with git's own message. */
export async function git(g: GitEnv, cwd: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  const r = await runProcess(g.git, args, { cwd, env: { ...g.env, ...extraEnv }, timeoutMs: g.timeoutMs, signal: g.signal });
  if (r.code !== 0) { throw new Error(`git ${args.join(' ')}: ${r.spawnError ?? (r.stderr.trim() || `exit ${String(r.code)}`)}`); }
  return r.stdout.replace(/\s+$/, '');
}

/** git's answer, or undefined when it fails (a ref that does not exist). */
export const gitMaybe = (g: GitEnv, cwd: string, args: readonly string[]) => git(g, cwd, args).then(s => s, () => undefined);

interface Commit { readonly message: string; readonly author: string; readonly day: number; readonly files: Record<string, string> }

const AUTHORS: Record<string, readonly [string, string]> = {
  kim: ['Kim Ortega', 'kim@example.com'], ana: ['Ana Ruiz', 'ana@example.com'], sam: ['Sam Lee', 'sam@example.com'],
};

/** Builds origin and the clone under `dir`. */
export async function buildScenario(g: GitEnv, dir: string): Promise<Scenario> {
  const seed = path.join(dir, 'seed');
  const origin = path.join(dir, 'origin.git');
  const clone = path.join(dir, 'shop');
  const commit = async (c: Commit) => {
    for (const [name, content] of Object.entries(c.files)) { await fs.promises.writeFile(path.join(seed, name), content); }
    const [name, email] = AUTHORS[c.author];
    const date = `2024-05-${String(c.day).padStart(2, '0')}T10:00:00+00:00`;
    const who = { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    await git(g, seed, ['add', '--all']);
    await git(g, seed, ['commit', '-q', '-m', c.message], who);
    return { who, sha: await git(g, seed, ['rev-parse', 'HEAD']) };
  };
  await fs.promises.mkdir(seed, { recursive: true });
  await git(g, dir, ['init', '-q', '-b', 'main', seed]);
  const base = await commit({ message: 'Start the shop settings', author: 'kim', day: 1, files: { 'README.md': '# Shop\n\nThe settings of the shop, deployed from main.\n', [SETTINGS]: settings('["shop.example.com"]', 300, false) } });
  await git(g, seed, ['tag', '-a', 'v1.4.0', '-m', 'Release 1.4.0'], base.who);
  await git(g, seed, ['switch', '-q', '-c', FEATURE]);
  await commit({ message: 'Serve the shop on www.example.com too', author: 'ana', day: 2, files: { [SETTINGS]: settings('["shop.example.com", "www.example.com"]', 300, false) } });
  const feature = await commit({ message: 'Keep cached pages for ten minutes', author: 'ana', day: 3, files: { [SETTINGS]: settings('["shop.example.com", "www.example.com"]', 600, false) } });
  await git(g, seed, ['switch', '-q', 'main']);
  await commit({ message: 'Serve the API on api.example.com', author: 'kim', day: 4, files: { [SETTINGS]: settings('["shop.example.com", "api.example.com"]', 300, false) } });
  const bad = await commit({ message: 'Turn DEBUG on to trace the checkout bug', author: 'sam', day: 5, files: { [SETTINGS]: settings('["shop.example.com", "api.example.com"]', 300, true) } });
  await git(g, dir, ['init', '-q', '--bare', '-b', 'main', origin]);
  await git(g, origin, ['config', 'receive.denyNonFastForwards', 'true']);
  await git(g, seed, ['push', '-q', origin, 'main', FEATURE, 'v1.4.0']);
  await git(g, dir, ['clone', '-q', origin, clone]);
  await git(g, clone, ['branch', '-q', '--track', FEATURE, `origin/${FEATURE}`]);
  await fs.promises.rm(seed, { recursive: true, force: true });
  return { origin, clone, bad: bad.sha, feature: feature.sha };
}

// Does this Python have what the practice files import? Asks the interpreter itself (which
// modules it can find, whether it is a virtual environment, whether its system manages it, per
// PEP 668) and says what is missing and how to install it into that interpreter: always
// `<that python> -m pip install ...`, never `sudo pip`.
import { execFile } from 'child_process';
import { PACKAGES } from './exercises';

/** What the interpreter said about itself. */
export interface PythonFacts {
  /** Import names (django, rest_framework...) it cannot find. */
  readonly missing: readonly string[];
  /** sys.prefix differs from sys.base_prefix: pip installs into the environment. */
  readonly venv: boolean;
  /** An EXTERNALLY-MANAGED marker (PEP 668): pip refuses to install into this Python. */
  readonly externallyManaged: boolean;
  readonly executable: string;
  readonly version: string;
}

/** Runs as `python -c PROBE module...`; prints one JSON line. find_spec looks, it imports nothing. */
export const PROBE = [
  'import importlib.util, json, os, sys, sysconfig',
  'missing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]',
  'venv = sys.prefix != sys.base_prefix',
  "managed = not venv and os.path.exists(os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED'))",
  "print(json.dumps({'missing': missing, 'venv': venv, 'externallyManaged': managed, 'executable': sys.executable, 'version': '%d.%d.%d' % sys.version_info[:3]}))",
].join('\n');

/** The probe's JSON line, or undefined when the output is something else. */
export function parseProbe(stdout: string): PythonFacts | undefined {
  const line = stdout.trim().split('\n').pop() ?? '';
  let r: unknown;
  try { r = JSON.parse(line); } catch { return undefined; }
  if (typeof r !== 'object' || r === null) { return undefined; }
  const o = r as Record<string, unknown>;
  if (!Array.isArray(o.missing) || !o.missing.every(m => typeof m === 'string')) { return undefined; }
  return {
    missing: o.missing as string[], venv: o.venv === true, externallyManaged: o.externallyManaged === true,
    executable: typeof o.executable === 'string' ? o.executable : '', version: typeof o.version === 'string' ? o.version : '',
  };
}

/** Asks `python` about `modules`; an error string when it cannot be run or answers nonsense. */
export function probePython(python: string, modules: readonly string[], timeoutMs = 15000): Promise<PythonFacts | { readonly error: string }> {
  return new Promise(resolve => {
    execFile(python, ['-c', PROBE, ...modules], { timeout: timeoutMs, windowsHide: true, env: { ...process.env, PYTHONIOENCODING: 'utf-8' } }, (err, stdout, stderr) => {
      const facts = parseProbe(String(stdout));
      if (facts) { resolve(facts); return; }
      resolve({ error: err ? err.message.split('\n')[0] : String(stderr).trim().split('\n').pop() || 'no answer' });
    });
  });
}

/**
 * A path as it may be pasted into a terminal: quoted when it holds anything but plain characters
 * (on Windows with PowerShell's call operator, which a quoted program name needs there).
 */
export function shellQuote(p: string, platform: string = process.platform): string {
  if (/^[\w@%+=:,./\\-]+$/.test(p)) { return p; }
  return platform === 'win32' ? `& "${p}"` : `"${p.replace(/(["$`\\])/g, '\\$1')}"`;
}

const nameOf = (m: string) => (Object.prototype.hasOwnProperty.call(PACKAGES, m) ? PACKAGES[m] : undefined);
const list = (xs: readonly string[]) => xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** `<python> -m pip install <pip names>` for the missing import names. */
export function pipCommand(python: string, missing: readonly string[]): string {
  return `${shellQuote(python)} -m pip install ${missing.map(m => nameOf(m)?.pip ?? m).join(' ')}`;
}

/**
 * Which packages `python` lacks and how to install them into it. A Python whose system manages
 * it (Debian's, Homebrew's) refuses pip: then a virtual environment, or the system's packages.
 */
export function missingPackagesMessage(python: string, facts: Pick<PythonFacts, 'missing' | 'externallyManaged'>): string {
  const names = list(facts.missing.map(m => nameOf(m)?.name ?? m));
  const head = `${python} lacks ${names} (${facts.missing.length === 1 ? 'the module' : 'modules'} ${list(facts.missing)}), which the practice checks import.`;
  if (!facts.externallyManaged) { return `${head} Install ${facts.missing.length === 1 ? 'it' : 'them'} into that Python: ${pipCommand(python, facts.missing)}`; }
  const apt = facts.missing.map(m => nameOf(m)?.apt ?? m).join(' ');
  return `${head} Your system manages that Python (PEP 668), so pip will not install into it: make a virtual environment (${shellQuote(python)} -m venv .venv), install into it (${pipCommand('.venv/bin/python', facts.missing)}) and select it, or install your system's packages (Debian/Ubuntu: sudo apt install ${apt}).`;
}

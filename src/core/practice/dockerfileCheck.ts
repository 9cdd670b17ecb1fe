// The Dockerfile exercise, checked with the Docker language server's own libraries:
// dockerfile-utils validates (its errors fail every task, its warnings go to Problems) and the
// rules read dockerfile-ast's syntax tree.
import { DockerfileParser, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { allTasks, judge, type CheckReport, type FileDiagnostic, type TaskSpec, type Verdict } from './tasks';

interface Stage {
  readonly from: From;
  readonly index: number;
  readonly name?: string;
  readonly instructions: readonly Instruction[];
}

interface Parsed { readonly dockerfile: Dockerfile; readonly stages: readonly Stage[] }

const lineOf = (i: Instruction) => i.getRange().start.line;
const at = (i: Instruction) => `line ${lineOf(i) + 1}`;
const args = (i: Instruction) => i.getArgumentsContent() ?? '';

function stagesOf(dockerfile: Dockerfile): Stage[] {
  const froms = dockerfile.getFROMs();
  const all = dockerfile.getInstructions();
  return froms.map((from, index) => {
    const start = lineOf(from);
    const end = index + 1 < froms.length ? lineOf(froms[index + 1]) : Infinity;
    return { from, index, name: from.getBuildStage()?.toLowerCase() ?? undefined, instructions: all.filter(i => lineOf(i) > start && lineOf(i) < end) };
  });
}

const byKeyword = (s: Stage, k: string) => s.instructions.filter(i => i.getKeyword() === k);
const PIP = /\b(?:pip3?|python3?\s+-m\s+pip|uv\s+pip)\s+(?:[-\w=]+\s+)*?(install|wheel|sync)\b/;
const BUILD_TOOLS = /(?:^|\s)(build-essential|gcc(?:-\d+)?|g\+\+|make|clang|build-base|musl-dev|[\w.+-]+-dev(?:el)?)(?=\s|$)/g;
const SECRET = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/i;

function earlierStage(stages: readonly Stage[], ref: string, before: number): Stage | undefined {
  return stages.slice(0, before).find(s => s.name === ref.toLowerCase() || String(s.index) === ref);
}

const pinned = (p: Parsed): Verdict => {
  for (const s of p.stages) {
    const image = s.from.getImage() ?? '';
    if (image.toLowerCase() === 'scratch' || earlierStage(p.stages, image, s.index)) { continue; }
    if (s.from.getImageDigest()) { continue; }
    const tag = s.from.getImageTag();
    const name = s.from.getImageName() ?? image;
    if (!tag) { return { line: lineOf(s.from), message: `line ${lineOf(s.from) + 1}: FROM ${image} has no tag, which means :latest; pin a version, e.g. ${name}:3.12-slim-bookworm` }; }
    if (tag === 'latest' || !/\d+\.\d+/.test(tag)) { return { line: lineOf(s.from), message: `line ${lineOf(s.from) + 1}: the tag "${tag}" moves to new releases; pin a version such as ${name}:3.12-slim-bookworm (or @sha256:...)` }; }
  }
  return undefined;
};

const multiStage = (p: Parsed): Verdict => {
  if (p.stages.length < 2) { return { line: p.stages[0] ? lineOf(p.stages[0].from) : 0, message: `${p.stages.length} FROM found: add a builder stage (FROM ... AS builder) that builds wheels, and a final stage that copies them` }; }
  const final = p.stages[p.stages.length - 1];
  const copies = final.instructions.filter(i => i.getKeyword() === 'COPY' && (i as unknown as { getFromFlag(): { getValue(): string | null } | null }).getFromFlag());
  const fromStage = copies.find(c => earlierStage(p.stages, (c as unknown as { getFromFlag(): { getValue(): string | null } }).getFromFlag().getValue() ?? '', final.index));
  if (!fromStage) { return { line: lineOf(final.from), message: `the final stage (line ${lineOf(final.from) + 1}) never copies from an earlier stage: add COPY --from=builder /wheels /wheels` }; }
  for (const run of byKeyword(final, 'RUN')) {
    if (!/\b(apt-get|apt|apk)\s+(install|add)\b/.test(args(run))) { continue; }
    const tools = [...args(run).matchAll(BUILD_TOOLS)].map(m => m[1]);
    if (tools.length) { return { line: lineOf(run), message: `${at(run)}: the final image installs build tools (${tools.join(', ')}); they belong in the builder stage` }; }
  }
  return undefined;
};

const cacheOrder = (p: Parsed): Verdict => {
  let installs = 0;
  for (const s of p.stages) {
    let codeCopy: Instruction | undefined;
    for (const i of s.instructions) {
      const k = i.getKeyword();
      if ((k === 'COPY' || k === 'ADD') && !args(i).includes('--from')) {
        const parts = i.getArguments().map(a => a.getValue()).filter(v => !v.startsWith('--'));
        if (parts.slice(0, -1).some(src => src === '.' || src === './')) { codeCopy ??= i; }
      }
      if (k === 'RUN' && PIP.test(args(i))) {
        installs++;
        if (codeCopy) { return { line: lineOf(codeCopy), message: `${at(codeCopy)}: ${codeCopy.getKeyword()} ${args(codeCopy)} comes before the pip command on ${at(i)}, so every code edit reinstalls all dependencies; COPY requirements.txt first, install, then copy the code` }; }
      }
    }
  }
  return installs ? undefined : { message: 'no RUN installs the requirements (pip install or pip wheel)' };
};

const noSecrets = (p: Parsed): Verdict => {
  const found = [...p.dockerfile.getENVs(), ...p.dockerfile.getARGs()];
  for (const i of found) {
    for (const prop of i.getProperties()) {
      const name = prop.getName();
      const value = prop.getValue() ?? '';
      if (SECRET.test(name)) { return { line: lineOf(i), message: `${at(i)}: ${i.getKeyword()} ${name} bakes a secret into the image and its history; give it to the container at run time (env_file, secrets) or use RUN --mount=type=secret` }; }
      if (/^[a-z][\w+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i.test(value)) { return { line: lineOf(i), message: `${at(i)}: ${name} is a URL with a password in it; provide it when the container starts` }; }
    }
  }
  return undefined;
};

const nonRoot = (p: Parsed): Verdict => {
  const final = p.stages[p.stages.length - 1];
  const users = byKeyword(final, 'USER');
  const last = users[users.length - 1];
  if (!last) { return { line: lineOf(final.from), message: `the final stage (line ${lineOf(final.from) + 1}) has no USER, so the container runs as root; create a user (RUN useradd ...) and switch to it with USER` }; }
  const user = args(last).split(':')[0].trim();
  if (user === 'root' || user === '0' || !user) { return { line: lineOf(last), message: `${at(last)}: USER ${args(last)} is still root` }; }
  const created = /^\d+$/.test(user) || user === 'nobody' || byKeyword(final, 'RUN').some(r => new RegExp(`\\b(useradd|adduser)\\b[^&;|]*\\b${user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(args(r)));
  return created ? undefined : { line: lineOf(last), message: `${at(last)}: USER ${user} is never created in the final stage; add RUN useradd --create-home ${user} before it` };
};

const execForm = (p: Parsed): Verdict => {
  const final = p.stages[p.stages.length - 1];
  const commands = [...byKeyword(final, 'ENTRYPOINT'), ...byKeyword(final, 'CMD')];
  if (!byKeyword(final, 'CMD').length && !byKeyword(final, 'ENTRYPOINT').length) { return { line: lineOf(final.from), message: 'the final stage has no CMD; end with CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]' }; }
  for (const c of commands) {
    if (!args(c).trim().startsWith('[')) { return { line: lineOf(c), message: `${at(c)}: ${c.getKeyword()} is in shell form: /bin/sh becomes PID 1 and does not pass SIGTERM on; write it as a JSON array, e.g. ${c.getKeyword()} ["gunicorn", ...]` }; }
    const strings = (c as unknown as { getJSONStrings(): Array<{ getJSONValue(): string }> }).getJSONStrings().map(s => s.getJSONValue());
    if (!strings.length) { return { line: lineOf(c), message: `${at(c)}: ${c.getKeyword()} ${args(c)} is not a JSON array of strings` }; }
  }
  const cmd = byKeyword(final, 'CMD').pop();
  const argv = cmd ? (cmd as unknown as { getJSONStrings(): Array<{ getJSONValue(): string }> }).getJSONStrings().map(s => s.getJSONValue()) : [];
  if (cmd && argv[0] === 'gunicorn') {
    const bind = argv.findIndex(a => a === '--bind' || a === '-b');
    const value = bind >= 0 ? argv[bind + 1] : argv.find(a => a.startsWith('--bind='))?.slice(7);
    if (!value || !/^(0\.0\.0\.0|\[::\]):\d+$/.test(value)) { return { line: lineOf(cmd), message: `${at(cmd)}: gunicorn must --bind 0.0.0.0:<port> to be reachable from outside the container${value ? ` (found ${value})` : ''}` }; }
  }
  return undefined;
};

export const DOCKERFILE_TASKS = [
  { number: 1, title: 'Every base image is pinned to a version or digest', check: pinned },
  { number: 2, title: 'Multi-stage: the final stage copies from a builder and has no compilers', check: multiStage },
  { number: 3, title: 'Dependencies are installed before the project code is copied (layer cache)', check: cacheOrder },
  { number: 4, title: 'No secrets in ENV or ARG', check: noSecrets },
  { number: 5, title: 'The final stage runs as a non-root user it creates', check: nonRoot },
  { number: 6, title: 'CMD/ENTRYPOINT in exec (JSON) form, gunicorn bound to 0.0.0.0', check: execForm },
] as const;

export const DOCKERFILE_SPECS: readonly TaskSpec[] = DOCKERFILE_TASKS.map(({ number, title }) => ({ number, title }));

export function checkDockerfile(text: string): CheckReport {
  const diagnostics: FileDiagnostic[] = validate(text).map(d => ({
    line: d.range.start.line, column: d.range.start.character, endLine: d.range.end.line, endColumn: d.range.end.character,
    severity: d.severity === 1 ? 'error' as const : 'warning' as const, message: typeof d.message === 'string' ? d.message : d.message.value, source: 'dockerfile-utils',
  }));
  const output = diagnostics.map(d => `Dockerfile:${d.line + 1}:${d.column + 1}: ${d.severity}: ${d.message}`).join('\n');
  const error = diagnostics.find(d => d.severity === 'error');
  const dockerfile = DockerfileParser.parse(text);
  const stages = stagesOf(dockerfile);
  if (error) {
    const message = `Dockerfile line ${error.line + 1}: ${error.message} (dockerfile-utils); fix it before the rules can be checked`;
    return { tasks: allTasks(DOCKERFILE_SPECS, 'failed', message, error.line), output, diagnostics, problem: { kind: 'syntax', detail: message } };
  }
  if (!stages.length) {
    const message = 'no FROM instruction: a Dockerfile starts with FROM <image>';
    return { tasks: allTasks(DOCKERFILE_SPECS, 'failed', message, 0), output, diagnostics, problem: { kind: 'syntax', detail: message } };
  }
  return { tasks: judge(DOCKERFILE_TASKS, { dockerfile, stages }), output, diagnostics };
}

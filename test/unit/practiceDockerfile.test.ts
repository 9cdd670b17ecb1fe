import * as assert from 'assert';
import { checkDockerfile } from '../../src/core/practice/dockerfileCheck';

const GOOD = `FROM python:3.12-slim-bookworm AS builder
RUN apt-get update && apt-get install -y build-essential libpq-dev
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt
FROM python:3.12-slim-bookworm
RUN useradd --create-home app
WORKDIR /app
COPY --from=builder /wheels /wheels
RUN pip install /wheels/*
COPY . .
USER app
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]
`;
const status = (text: string) => checkDockerfile(text).tasks.map(t => t.status === 'passed' ? '.' : 'F').join('');
const failure = (text: string, n: number) => checkDockerfile(text).tasks.find(t => t.number === n)!;

describe('Dockerfile checks (dockerfile-ast + dockerfile-utils)', () => {
  it('passes a production Dockerfile on every rule', () => {
    assert.strictEqual(status(GOOD), '......');
    assert.deepStrictEqual(checkDockerfile(GOOD).diagnostics.filter(d => d.severity === 'error'), []);
  });

  it('each rule fails on its own mistake, naming the line', () => {
    const cases: Array<[number, string, string, RegExp, number]> = [
      [1, 'FROM python:3.12-slim-bookworm AS builder', 'FROM python:latest AS builder', /line 1: the tag "latest"/, 0],
      [1, 'FROM python:3.12-slim-bookworm\nRUN user', 'FROM python\nRUN user', /line 5: FROM python has no tag/, 4],
      [2, 'COPY --from=builder /wheels /wheels', 'COPY wheels /wheels', /never copies from an earlier stage/, 4],
      [2, 'RUN useradd --create-home app', 'RUN apt-get install -y gcc && useradd --create-home app', /line 6: the final image installs build tools \(gcc\)/, 5],
      [3, 'RUN pip install /wheels/*\nCOPY . .', 'COPY . .\nRUN pip install /wheels/*', /line 9: COPY \. \. comes before the pip command on line 10/, 8],
      [4, 'WORKDIR /app', 'WORKDIR /app\nENV DJANGO_SECRET_KEY=abc', /line 8: ENV DJANGO_SECRET_KEY bakes a secret/, 7],
      [4, 'WORKDIR /app', 'WORKDIR /app\nARG DATABASE_URL=postgres://app:hunter2@db/app', /line 8: DATABASE_URL is a URL with a password/, 7],
      [5, 'USER app', 'USER root', /line 11: USER root is still root/, 10],
      [5, 'USER app', 'USER web', /USER web is never created/, 10],
      [6, 'CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000"]', 'CMD gunicorn config.wsgi:application', /line 12: CMD is in shell form/, 11],
      [6, '"0.0.0.0:8000"]', '"127.0.0.1:8000"]', /must --bind 0\.0\.0\.0:<port>.*found 127\.0\.0\.1:8000/, 11],
    ];
    for (const [n, from, to, message, line] of cases) {
      const text = GOOD.replace(from, to);
      assert.notStrictEqual(text, GOOD, `case ${to}`);
      const t = failure(text, n);
      assert.strictEqual(t.status, 'failed', `${to}: ${JSON.stringify(t)}`);
      assert.match(t.message ?? '', message);
      assert.strictEqual(t.line, line, `${to}: line`);
      assert.strictEqual(checkDockerfile(text).tasks.filter(x => x.status === 'failed').length, 1, `${to} fails only task ${n}`);
    }
  });

  it('a Dockerfile that does not parse fails every task at the error\'s line, shown in Problems', () => {
    const broken = GOOD.replace('WORKDIR /app', 'WORKDIRR /app');
    const r = checkDockerfile(broken);
    assert.strictEqual(r.problem?.kind, 'syntax');
    assert.ok(r.tasks.every(t => t.status === 'failed' && t.line === 6 && /Dockerfile line 7: .*WORKDIRR/i.test(t.message ?? '')), JSON.stringify(r.tasks[0]));
    assert.ok(r.diagnostics.some(d => d.line === 6 && d.severity === 'error' && d.source === 'dockerfile-utils'));
    const empty = checkDockerfile('# nothing here\n');
    assert.ok(empty.tasks.every(t => t.status === 'failed' && /FROM/.test(t.message ?? '')), JSON.stringify(empty.tasks[0]));
  });
});

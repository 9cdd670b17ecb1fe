import * as assert from 'assert';
import { checkCompose } from '../../src/core/practice/composeCheck';

const GOOD = `x-django: &django
  build: .
  env_file: .env
  depends_on:
    db:
      condition: service_healthy
services:
  web:
    <<: *django
    command: gunicorn config.wsgi:application --bind 0.0.0.0:8000
  worker:
    <<: *django
    command: celery -A config worker
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
    volumes:
      - pgdata:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app"]
  redis:
    image: redis:7-alpine
  nginx:
    image: nginx:1.27-alpine
    ports: ["80:80"]
    depends_on: [web]
volumes:
  pgdata:
`;
const failed = (text: string) => checkCompose(text).tasks.filter(t => t.status !== 'passed');

describe('compose.yaml checks (yaml + the Compose specification schema)', () => {
  it('passes a complete stack, anchors and merge keys resolved', () => {
    assert.deepStrictEqual(failed(GOOD), []);
  });

  it('each rule fails on its own mistake, at the line', () => {
    const cases: Array<[number, string, string, RegExp, number]> = [
      [1, '  redis:\n    image: redis:7-alpine\n', '', /missing services: redis/, 6],
      [2, 'postgres:16', 'postgres', /line 15: db: image postgres is not pinned/, 14],
      [2, '      - pgdata:/var/lib/postgresql/data', '      - ./data:/var/lib/postgresql/data', /line 19: db mounts "\.\/data", a host path/, 18],
      [2, '"pg_isready -U app"', '"true"', /line 21: the db healthcheck does not run pg_isready/, 20],
      [3, '--bind 0.0.0.0:8000', '--bind 127.0.0.1:8000', /line 10: gunicorn must --bind 0\.0\.0\.0:8000.*found 127\.0\.0\.1:8000/, 9],
      [4, 'celery -A config worker', 'celery -A config beat', /line 13: worker should run `celery -A config worker`/, 12],
      [5, '    ports: ["80:80"]\n', '', /line 24: nginx must publish port 80/, 23],
      [6, '${POSTGRES_PASSWORD}', 'hunter2', /line 17: db: POSTGRES_PASSWORD is written into the file/, 16],
    ];
    for (const [n, from, to, message, line] of cases) {
      const text = GOOD.replace(from, to);
      assert.notStrictEqual(text, GOOD, from);
      const f = failed(text);
      assert.deepStrictEqual(f.map(t => t.number), [n], `${from} -> ${to}: ${JSON.stringify(f)}`);
      assert.match(f[0].message ?? '', message);
      assert.strictEqual(f[0].line, line, `${from}: line`);
    }
  });

  it('a YAML syntax error fails every task at its line, with nothing else judged', () => {
    const r = checkCompose(GOOD.replace('    image: redis:7-alpine', '    image: [redis:7-alpine'));
    assert.strictEqual(r.problem?.kind, 'syntax');
    assert.ok(r.tasks.every(t => t.status === 'failed' && /^compose\.yaml line \d+: /.test(t.message ?? '')), JSON.stringify(r.tasks[0]));
    assert.strictEqual(r.diagnostics[0].source, 'yaml');
  });

  it('what the Compose specification rejects fails every task at the offending key', () => {
    const r = checkCompose(GOOD.replace('    command: celery -A config worker', '    comand: celery -A config worker'));
    assert.ok(r.tasks.every(t => t.status === 'failed' && t.line === 12 && /services\.worker: unknown key "comand" \(Compose specification\)/.test(t.message ?? '')), JSON.stringify(r.tasks[0]));
    const wrongType = checkCompose(GOOD.replace('  pgdata:\n', '  pgdata: 5\n'));
    assert.ok(wrongType.tasks.every(t => t.status === 'failed' && /volumes\.pgdata/.test(t.message ?? '')), JSON.stringify(wrongType.tasks[0]));
    assert.ok(checkCompose('- just a list\n').tasks.every(t => t.status === 'failed'));
  });
});

import * as assert from 'assert';
import { checkNginxRules } from '../../src/core/practice/nginxCheck';
import { parseNginx } from '../../src/core/practice/nginxConfig';
import { findNginx, nginxTest, testableCopy } from '../../src/core/practice/nginxTest';

const GOOD = `upstream django {
    server web:8000;
}
server {
    listen 80;
    server_name shop.example.com;
    client_max_body_size 20m;
    location /static/ {
        alias /srv/app/staticfiles/;
        expires 30d;
    }
    location / {
        proxy_pass http://django;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
`;
const failed = (text: string) => checkNginxRules(text).tasks.filter(t => t.status !== 'passed');

describe('nginx checks (rules on the directives, then nginx -t)', () => {
  it('reads directives, blocks, quotes and comments with their lines', () => {
    const d = parseNginx('# c\nserver {\n  add_header X "a; b" always; # not ;\n}\n');
    assert.deepStrictEqual(d.map(x => [x.name, x.line]), [['server', 1]]);
    assert.deepStrictEqual(d[0].block!.map(x => [x.name, x.args, x.line]), [['add_header', ['X', 'a; b', 'always'], 2]]);
  });

  it('passes the reverse proxy on every rule', () => assert.deepStrictEqual(failed(GOOD), []));

  it('each rule fails on its own mistake, at the line', () => {
    const cases: Array<[number, string, string, RegExp, number | undefined]> = [
      [1, '    server web:8000;\n', '', /line 1: upstream django has no `server host:port;`/, 0],
      [2, 'server_name shop.example.com;', 'server_name _;', /line 4: the server block has no server_name/, 3],
      [3, 'proxy_pass http://django;', 'proxy_pass http://127.0.0.1:8000;', /line 13: proxy_pass http:\/\/127\.0\.0\.1:8000 should name the upstream/, 12],
      [4, '$scheme', '$http_x_forwarded_proto', /line 16: proxy_set_header X-Forwarded-Proto \$http_x_forwarded_proto: use \$scheme/, 15],
      [5, 'expires 30d;', 'expires off;', /line 8: browsers are not told to cache/, 7],
      [5, 'alias /srv/app/staticfiles/;', 'alias /srv/app/staticfiles;', /line 9: alias \/srv\/app\/staticfiles must be an absolute path ending in "\/"/, 8],
      [6, '20m', '2m', /line 7: 2m is below the 20 MB/, 6],
    ];
    for (const [n, from, to, message, line] of cases) {
      const f = failed(GOOD.replace(from, to));
      assert.deepStrictEqual(f.map(t => t.number), [n], `${to}: ${JSON.stringify(f)}`);
      assert.match(f[0].message ?? '', message);
      assert.strictEqual(f[0].line, line);
    }
  });

  it('a file that is not nginx syntax fails the rules at the line', () => {
    const f = failed(GOOD.replace('$scheme;', '$scheme'));
    assert.strictEqual(f.length, 6);
    assert.ok(f.every(t => t.line === 15 && /line 16: "proxy_set_header" is not terminated by ";" before "}"/.test(t.message ?? '')), JSON.stringify(f[0]));
    assert.ok(failed(GOOD.slice(0, -2)).every(t => /"\{" is never closed/.test(t.message ?? '')));
  });

  it('gives nginx -t a copy with the same lines: service names and listen addresses swapped', () => {
    const copy = testableCopy(GOOD, parseNginx(GOOD), '/tmp/x');
    assert.strictEqual(copy.split('\n').length, GOOD.split('\n').length);
    assert.match(copy, /server 127\.0\.0\.1:8000;/);
    assert.match(copy, /listen "unix:\/tmp\/x\/listen-1\.sock";/);
    assert.match(copy, /proxy_pass http:\/\/django;/, 'an upstream name stays');
  });

  it('nginx -t passes the good file and rejects a bad one at its line, as any user (or says how to install it)', async function () {
    this.timeout(20000);
    if (!findNginx()) {
      const missing = await nginxTest(GOOD, parseNginx(GOOD), { nginx: undefined });
      assert.strictEqual(missing.task.status, 'errored');
      assert.match(missing.task.message ?? '', /apt install nginx/);
      return;
    }
    const ok = await nginxTest(GOOD, parseNginx(GOOD));
    assert.strictEqual(ok.task.status, 'passed', ok.output);
    const bad = GOOD.replace('expires 30d;', 'expires 30d;\n        proxy_buffering maybe;');
    const r = await nginxTest(bad, parseNginx(bad), { shownName: 'default.conf' });
    assert.strictEqual(r.task.status, 'failed');
    assert.strictEqual(r.task.line, 10);
    assert.match(r.task.message ?? '', /nginx -t rejects it: line 11: .*proxy_buffering/);
    assert.ok(r.diagnostics.some(d => d.line === 10 && d.source === 'nginx -t'));
    const absent = await nginxTest(GOOD, parseNginx(GOOD), { nginx: '/nonexistent/nginx' });
    assert.strictEqual(absent.task.status, 'failed', 'a broken nginx path is a clear failure, not a hang');
  });
});

// The nginx upstream exercise's check: the copy nginx serves, each behaviour failing on its own
// mistake with the real nginx and app servers, a file nginx refuses, and nginx missing from the
// PATH it is given. No nginx, app server, port or folder may outlive a check.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { parseNginx } from '../../src/core/practice/nginxConfig';
import { servingCopy, siteListen } from '../../src/core/practice/nginxServe';
import { checkNginxServe, NGINX_SERVE_SPECS } from '../../src/core/practice/nginxServeCheck';
import { findNginx, NGINX_INSTALL_HINT } from '../../src/core/practice/nginxTest';
import { runCheck, tasksOf } from '../../src/core/practice/runCheck';
import type { CheckReport } from '../../src/core/practice/tasks';
import { root } from './paths';

const dir = path.join(root, 'content', 'exercises', 'nginx-upstream');
const starter = fs.readFileSync(path.join(dir, 'starter', 'conf.d', 'upstream.conf'), 'utf8');
const solution = fs.readFileSync(path.join(dir, 'solution', 'conf.d', 'upstream.conf'), 'utf8');
const failed = (r: CheckReport) => r.tasks.filter(t => t.status !== 'passed').map(t => t.number);
const leftovers = () => fs.readdirSync(os.tmpdir()).filter(n => n.startsWith('djprep-nginx-serve-'));
const ports = (r: CheckReport) => [...r.output.matchAll(/127\.0\.0\.1:(\d+)/g)].map(m => Number(m[1]));
const accepts = (port: number) => new Promise<boolean>(resolve => {
  const s = net.connect(port, '127.0.0.1');
  s.once('connect', () => { s.destroy(); resolve(true); });
  s.once('error', () => resolve(false));
});
const nginxProcesses = () => fs.readdirSync('/proc').filter(p => /^\d+$/.test(p)).filter(p => {
  try { return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('djprep-nginx-serve-'); } catch { return false; }
});

describe('nginx upstream checks (real nginx in front of local app servers)', function () {
  this.timeout(30000);
  const foldersBefore = new Set(leftovers());
  after(() => {
    assert.deepStrictEqual(leftovers().filter(n => !foldersBefore.has(n)), [], 'every check removes its prefix folder');
    assert.deepStrictEqual(nginxProcesses(), [], 'no nginx left running');
  });

  it('gives nginx a copy with the same lines: app names and listen addresses on local ports', () => {
    const d = parseNginx(solution);
    assert.deepStrictEqual(siteListen(d), { count: 1, site: 0 });
    const copy = servingCopy(solution, d, new Map([['app1:8000', 1001], ['app2:8000', 1002], ['standby:8000', 1003]]), [2000]);
    assert.strictEqual(copy.split('\n').length, solution.split('\n').length);
    assert.match(copy, /server 127\.0\.0\.1:1001 weight=3 max_fails=3 fail_timeout=30s;/);
    assert.match(copy, /server 127\.0\.0\.1:1003 backup;/);
    assert.match(copy, /listen 127\.0\.0\.1:2000;/);
    assert.match(copy, /proxy_pass http:\/\/django;/, 'an upstream name stays');
    const two = parseNginx('server { listen 8080; listen [::]:80; }');
    assert.deepStrictEqual(siteListen(two), { count: 2, site: 1 });
    assert.strictEqual(servingCopy('server { server web:8000; }', parseNginx('server { server web:8000; }'), new Map(), []), 'server { server web:8000; }', 'unknown names are left for nginx to refuse');
  });

  it('anchors the eight tasks at their TODO lines', () => {
    const anchors = tasksOf('nginx-serve', starter);
    assert.deepStrictEqual(anchors.map(a => a.number), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.ok(anchors.every(a => starter.split('\n')[a.line].startsWith(`# TODO ${a.number}:`)));
  });

  it('without nginx on the PATH it is given, every task is errored with how to install nginx', async () => {
    const r = await runCheck('nginx-serve', 'upstream.conf', solution, { python: 'python3', pathEnv: path.join(os.tmpdir(), 'no-such-folder') });
    assert.strictEqual(r.tasks.length, NGINX_SERVE_SPECS.length);
    assert.ok(r.tasks.every(t => t.status === 'errored' && t.message?.includes(NGINX_INSTALL_HINT)), JSON.stringify(r.tasks[0]));
    assert.strictEqual(r.problem?.kind, 'missing-tool');
  });

  it('a file that is not nginx syntax, or has no listen, fails every task at the line without starting anything', async () => {
    const r = await checkNginxServe(solution.replace('keepalive 16;', 'keepalive 16'));
    assert.deepStrictEqual(failed(r), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.ok(r.tasks.every(t => /"keepalive" is not terminated by ";"/.test(t.message ?? '') && t.line !== undefined));
    const quiet = await checkNginxServe(solution.replace('listen 80;', ''));
    assert.ok(quiet.tasks.every(t => /no `listen 80;`/.test(t.message ?? '')));
  });

  describe('with the real nginx', () => {
    before(function () { if (!findNginx()) { this.skip(); } });

    it('the solution passes all eight; every port it used is closed after', async () => {
      const r = await checkNginxServe(solution, { shownName: 'upstream.conf' });
      assert.deepStrictEqual(failed(r), [], r.output);
      assert.match(r.output, /all healthy: 40 requests \(40 x 200\); requests app1 30, app2 10, standby 0/);
      assert.match(r.output, /app2 answers 503: 20 requests \(20 x 200\); requests app1 20, app2 3, standby 0/);
      assert.ok(ports(r).length === 4 && !(await Promise.all(ports(r).map(accepts))).some(Boolean), r.output);
    });

    it('each mistake fails its own task, with what the app servers saw', async () => {
      // What is changed in the solution, the tasks that then fail, and the message of the first.
      const cases: Array<[string, string, string, number[], RegExp]> = [
        ['no weight', 'weight=3 ', '', [2], /app1 20, app2 20.*weight=3/],
        ['503s not retried', ' http_502 http_503;', ';', [3, 4], /5 of 20 requests got app2's 503 passed on/],
        ['the default max_fails', 'server app2:8000 max_fails=3 fail_timeout=30s;', 'server app2:8000;', [4], /taken out after 1 failed request/],
        ['standby not a backup', 'standby:8000 backup;', 'standby:8000;', [5], /the standby got 8 of 40 requests while app1 and app2 were healthy/],
        ['errors not retried', 'proxy_next_upstream error timeout', 'proxy_next_upstream', [5], /were not answered by the standby \(the first got 502; nginx logged: .*\(app[12]:8000\)\)/],
        ['Host not forwarded', 'proxy_set_header Host $host;', '', [6], /the app saw Host: django/],
        ['the id not returned', 'add_header X-Request-ID $request_id always;', '', [7], /the client got X-Request-ID: \(none\)/],
        ['HTTP/1.0 upstream', 'proxy_http_version 1.1;', '', [8], /saw 40 connections for 40 requests/],
      ];
      for (const [what, from, to, numbers, message] of cases) {
        assert.ok(solution.includes(from), what);
        const r = await checkNginxServe(solution.replace(from, to));
        assert.deepStrictEqual(failed(r), numbers, `${what}:\n${r.tasks.map(t => `${t.number} ${t.message ?? ''}`).join('\n')}\n${r.output}`);
        assert.match(r.tasks.find(t => t.number === numbers[0])!.message ?? '', message, what);
      }
    });

    it('a file nginx refuses fails every task at nginx\'s line, with the app servers it knows', async () => {
      const r = await checkNginxServe(solution.replace('server app1:8000', 'server web:8000'), { shownName: 'upstream.conf' });
      assert.deepStrictEqual(failed(r), [1, 2, 3, 4, 5, 6, 7, 8]);
      const line = solution.split('\n').findIndex(l => l.includes('server app1:8000'));
      assert.ok(r.tasks.every(t => t.line === line && /nginx did not start: line \d+: host not found in upstream "web:8000".*app1:8000, app2:8000, standby:8000/.test(t.message ?? '')), JSON.stringify(r.tasks[0]));
      assert.deepStrictEqual(r.diagnostics.map(d => d.line), [line]);
      assert.ok(!(await Promise.all(ports(r).map(accepts))).some(Boolean), 'the app servers are closed');
    });
  });
});

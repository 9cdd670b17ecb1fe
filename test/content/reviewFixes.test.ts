// The content fixes from the reviews of issue 29, one test each: the corrected claim is where the
// review found the wrong, misleading or imprecise one (a model answer by its heading, a topic by
// its title, a bank question by its id), and the old wording is gone. Each test fails on the text
// before the fix.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { root } from '../unit/paths';
import { guide, guideSource } from './guide';

interface BankOption { text: string; correct: boolean; why: string }
interface BankQuestion { id: string; prompt: string; explanation: string; options?: BankOption[] }

const bankDir = path.join(root, 'content', 'questions');
const bank: BankQuestion[] = fs.readdirSync(bankDir).filter(f => f.endsWith('.json'))
  .flatMap(f => JSON.parse(fs.readFileSync(path.join(bankDir, f), 'utf8')) as BankQuestion[]);

function question(id: string): BankQuestion {
  const q = bank.find(x => x.id === id);
  assert.ok(q, `no bank question ${id}`);
  return q;
}

/** Every text of a bank question: prompt, options with their reasons, explanation. */
function bankText(id: string): string {
  const q = question(id);
  return [q.prompt, ...(q.options ?? []).flatMap(o => [o.text, o.why]), q.explanation].join('\n');
}

function option(id: string, text: RegExp): BankOption {
  const o = question(id).options?.find(x => text.test(x.text));
  assert.ok(o, `${id} has no option matching ${text}`);
  return o;
}

const lines = guideSource.split('\n');

/** An interview question of the guide by its heading: the model answer, and its key points. */
function answer(heading: string): { body: string; points: string } {
  const start = lines.indexOf(`##### ${heading}`);
  assert.ok(start >= 0, `no question "${heading}" in the guide`);
  let end = start + 1;
  let fenced = false;
  for (; end < lines.length; end++) {
    if (/^```/.test(lines[end])) { fenced = !fenced; }
    if (!fenced && /^#{1,5} /.test(lines[end])) { break; }
  }
  const [body, points = ''] = lines.slice(start + 1, end).join('\n').split(/^Key points:\s*$/m);
  return { body, points };
}

function topic(title: string): string {
  const t = guide.topics.find(x => x.title === title);
  assert.ok(t, `no topic "${title}"`);
  return t.body;
}

/** The bullet of a topic that starts with `label`. */
function bullet(title: string, label: string): string {
  const line = topic(title).split('\n').find(l => l.startsWith(`- ${label}`));
  assert.ok(line, `${title} has no bullet "${label}"`);
  return line;
}

const sentences = (text: string): string[] => text.split(/(?<=[.;!?])\s+/);

describe('content fixes from the reviews (issue 29, item 5)', () => {
  it('Celery time limits: only prefork enforces both, gevent only the hard one, the others none', () => {
    assert.doesNotMatch(guideSource, /prefork and gevent pools enforce/i);
    const qa = answer('What is the difference between a soft and a hard time limit, and which do you set?');
    assert.match(qa.body, /Only the prefork pool enforces both limits; gevent enforces only the hard one, and only when the task yields/);
    assert.match(qa.body, /threads, solo and eventlet enforce neither/);
    assert.doesNotMatch(qa.points, /prefork and gevent/);
    const celery = topic('Celery');
    assert.match(celery, /gevent enforces only the hard limit, as a `gevent\.Timeout`/);
    assert.match(celery, /\| `solo` \|[^\n]*no time limits \|/);
    assert.match(celery, /\| `gevent` \/ `eventlet` \|[^\n]*gevent enforces only the hard time limit, eventlet none \|/);
    // "Kills the child process" is prefork behaviour: say so wherever the hard limit kills.
    const kills = sentences(guideSource).filter(s => /time_limit[^.]*kills the child process/.test(s));
    assert.ok(kills.length >= 2);
    assert.deepStrictEqual(kills.filter(s => !/prefork/.test(s)), []);
  });

  it('Kubernetes ConfigMap/Secret: env vars and subPath change on restart, volume files after a delay', () => {
    const qa = answer('ConfigMap or Secret, and are Kubernetes Secrets actually secret?');
    assert.doesNotMatch(qa.body, /Either way, a changed value reaches running pods only after a restart/);
    assert.match(qa.body, /in an environment variable, or in a file mounted with `subPath`, reaches running pods only after a restart or rollout/);
    assert.match(qa.body, /files in a mounted volume are updated in place after a delay, and the app must re-read them/);
    const onePage = bullet('How to Deploy', 'ConfigMap and Secret:');
    assert.match(onePage, /`subPath`, change only when the container restarts/);
    assert.match(onePage, /re-reads the file/);
  });

  it('PyJWT: iss only with issuer=, and a token carrying aud fails without a matching audience=', () => {
    assert.doesNotMatch(guideSource, /`aud` and `iss` only when you pass/);
    assert.doesNotMatch(guideSource, /Libraries check `aud` and `iss` only when told to/);
    const t = topic('Authentication and Permissions');
    assert.match(t, /PyJWT checks `exp` and `nbf` when present, and `iss` only when you pass `issuer=`/);
    assert.match(t, /a token that carries `aud` is rejected \(`InvalidAudienceError`\) unless you pass a matching `audience=`/);
    const qa = answer('Which claims do you validate on an incoming JWT, and why does `aud` matter?');
    assert.match(qa.body, /rejects a token carrying `aud` unless you pass a matching `audience=`/);
  });

  it('nginx upstream protocol: HTTP/1.0 without keepalive up to 1.29.6 (the 1.27 image), HTTP/1.1 since 1.29.7', () => {
    const http10 = sentences(guideSource).filter(s => /HTTP\/1\.0/.test(s));
    assert.ok(http10.length >= 3);
    assert.deepStrictEqual(http10.filter(s => !/1\.29\.6/.test(s)), [], 'every HTTP/1.0 default names the version');
    const keepalive = answer('What does upstream keepalive buy you, and what does it need to work?');
    assert.match(keepalive.body, /default up to nginx 1\.29\.6, including the 1\.27 image the exercises use: HTTP\/1\.0 to the upstream, no keepalive/);
    assert.match(keepalive.body, /since 1\.29\.7 \(stable 1\.30\) HTTP\/1\.1 with keepalive is the default/);
    const ws = answer('What does nginx need to proxy WebSockets to an ASGI server, and why do they drop after a minute?');
    assert.match(ws.body, /the default only since nginx 1\.29\.7/);
  });

  it('Celery beat on Kubernetes: one replica and strategy: Recreate, because a rolling update runs two', () => {
    const k8s = answer('Walk me through Pod, Deployment, Service and Ingress for a Django app.');
    assert.match(k8s.body, /beat with exactly one replica and `strategy: Recreate`, because the default rolling update starts the new beat pod before the old one stops/);
    const beat = answer('How do you schedule periodic tasks, and what goes wrong with beat?');
    assert.match(beat.body, /one replica and `strategy: Recreate`: a rolling update would briefly run the old and the new beat/);
  });

  it('functools.wraps: copies __qualname__, __annotations__ and sets __wrapped__; tracebacks and funcName still show wrapper', () => {
    const qa = answer('What does functools.wraps do, and why does it matter?');
    assert.doesNotMatch(qa.body, /Without it, tracebacks/);
    for (const attr of ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__', '__type_params__', '__wrapped__', '__dict__']) {
      assert.ok(qa.body.includes(`\`${attr}\``), `the answer names ${attr}`);
    }
    assert.match(qa.body, /tracebacks and logging's `funcName` come from the running frame, so they still show `wrapper`/);
    assert.doesNotMatch(qa.points, /tracebacks, logs and debug pages show `wrapper`/);
    const b = bullet('Decorators', 'functools.wraps:');
    assert.match(b, /Tracebacks and logging's `funcName` read the running frame's code object, so they still show `wrapper`/);
    const copies = option('decorators-wraps-effects', /^Copies /);
    assert.match(copies.text, /__qualname__, __doc__ and __annotations__/);
    assert.doesNotMatch(copies.why, /tracebacks[^;]*show the real function/i);
    assert.match(copies.why, /tracebacks and logging's funcName still show wrapper/);
  });

  it('containers-o1-operations: lists index and assign in O(1) anywhere, insert and delete only at the end', () => {
    const e = question('containers-o1-operations').explanation;
    assert.doesNotMatch(e, /lists are O\(1\) only at the end/);
    assert.match(e, /Lists index and assign in O\(1\) at any position, but insert and delete are O\(1\) only at the end/);
  });

  it('design patterns: get_user_model() is a settings lookup; modelform_factory() and formset_factory() are the factories', () => {
    assert.doesNotMatch(guideSource, /Factory in `get_user_model\(\)`|Django examples: `get_user_model\(\)`/);
    const t = topic('Design Patterns');
    assert.match(t, /Django examples: `modelform_factory\(\)` and `formset_factory\(\)`/);
    assert.match(t, /`get_user_model\(\)` is not one: it is a settings-driven lookup/);
    const qa = answer('Which design patterns does Django itself use?');
    assert.match(qa.body, /Factory in `modelform_factory\(\)` and `formset_factory\(\)`/);
    const gum = option('patterns-strategy-examples', /^get_user_model\(\)$/);
    assert.doesNotMatch(gum.why, /That is a Factory/);
    assert.match(gum.why, /settings-driven lookup/);
  });

  it('tuple vs list: a tuple is hashable only if every element is', () => {
    const qa = answer('When would you use a tuple instead of a list?');
    assert.match(qa.body, /which works only if every element is hashable too: `hash\(\(1, \[2\]\)\)` raises `TypeError`/);
  });

  it('when a QuerySet is evaluated: repr() (at most 21 rows, not cached) and async for (Django 4.1+)', () => {
    const qa = answer('When is a QuerySet evaluated, and what does its cache do?');
    assert.match(qa.body, /iteration \(also `async for`, since Django 4\.1\)/);
    assert.match(qa.body, /`repr\(\)`, which the shell calls, fetches at most 21 rows \(`LIMIT 21`, to print 20\) and does not fill the cache/);
    const e = question('orm-queryset-evaluation').explanation;
    assert.match(e, /async for since Django 4\.1/);
    assert.match(e, /repr\(\) is the exception: it fetches at most 21 rows and leaves the cache empty/);
  });

  it('where validation lives: DRF never calls Model.clean(); it pre-checks unique, unique_together and (3.15+) UniqueConstraint', () => {
    const qa = answer('Where should validation live: the serializer, the model or the database?');
    assert.doesNotMatch(qa.body, /DRF pre-checks `unique=True` fields with validators, and a constraint/);
    assert.match(qa.body, /DRF serializers never call `Model\.clean\(\)` or `full_clean\(\)`/);
    assert.match(qa.body, /pre-checks `unique=True` fields and `unique_together` with validators, and `UniqueConstraint` too since DRF 3\.15 \(3\.14 does not\)/);
    assert.match(qa.body, /a race between that pre-check and the insert, surfaces as an `IntegrityError`/);
    assert.match(question('crud-full-clean').explanation, /never calls Model\.clean\(\) or full_clean\(\)[^]*UniqueConstraint since DRF 3\.15/);
  });
});

describe('further content fixes found earlier (issue 29)', () => {
  it('sorted(): O(n log n) in the worst case', () => {
    assert.match(answer('What does Python\'s `sorted()` use, and what does it guarantee?').body, /O\(n log n\) in the worst case/);
  });

  it('GIL: C extensions that release it run in parallel in threads', () => {
    assert.match(answer('If CPython has a GIL, why do threads help at all?').body, /C code that releases the GIL[^.]*NumPy[^.]*does run in parallel in threads/);
  });

  it('WebSockets need ASGI; WSGI cannot carry them', () => {
    const qa = answer('What is the difference between WSGI and ASGI, and when would you run Django under ASGI?');
    assert.match(qa.body, /WebSockets need it: a WSGI call returns one response and cannot hold a two-way connection/);
    assert.match(bankText('gunicorn-wsgi-vs-asgi'), /cannot carry WebSockets/);
  });

  it('git pull: since Git 2.33.1 diverged branches stop the pull until merge or rebase is chosen', () => {
    const qa = answer('What is the difference between `git fetch` and `git pull`?');
    assert.match(qa.body, /since Git 2\.33\.1, when the histories have diverged and neither `pull\.rebase` nor `pull\.ff` is set/);
    assert.match(qa.body, /Need to specify how to reconcile divergent branches/);
  });

  it('gunicorn: with --preload, SIGHUP does not load new code', () => {
    assert.match(answer('How do you deploy new code without dropping requests?').body, /With `--preload` the code was imported once in the master, so SIGHUP forks workers from that old copy/);
    assert.match(bullet('Gunicorn, Uvicorn and Workers', 'Preload and Graceful Reload:'), /loads new application code only when the app is not preloaded/);
  });

  it('renaming only the field: db_column keeps the column, checked with sqlmigrate', () => {
    const qa = answer('How would you rename a column on a large table with no downtime?');
    assert.match(qa.body, /rename the field and set `db_column` to the old column name/);
    assert.match(qa.body, /Check with `sqlmigrate` that the migration runs no SQL; Django 3\.2 writes `RenameField` plus `AlterField`/);
  });

  it('S3: a single PUT stops at 5 GB; large uploads go multipart', () => {
    assert.match(answer('How would you handle large uploads to S3?').body, /A single PUT or POST is capped at 5 GB[^.]*presigns a URL per part/);
  });

  it('squashmigrations: dependencies on the replaced migrations must be repointed', () => {
    const qa = answer('What does squashing do, and when can you delete the old migrations?');
    assert.match(qa.body, /`squashmigrations` does not rewrite other migrations/);
    assert.match(qa.body, /point those dependencies at the squashed migration, or loading fails with `NodeNotFoundError`/);
  });

  it('Model.save() does not call full_clean(): worded as what it skips, not "never validates"', () => {
    assert.doesNotMatch(guideSource, /`Model\.save\(\)` never validates/);
    assert.match(bullet('Forms and Validation', 'full_clean vs save:'), /`Model\.save\(\)` does not call `full_clean\(\)`/);
    const e = question('forms-save-no-validation').explanation;
    assert.doesNotMatch(e, /never validates/);
    assert.match(e, /save\(\) does not call full_clean\(\)/);
  });

  it('Celery visibility_timeout: unacknowledged tasks on Redis/SQS are redelivered (ETA/countdown and long acks_late tasks)', () => {
    const pitfall = bullet('Celery', 'On the Redis and SQS brokers,');
    assert.match(pitfall, /not acknowledged within the visibility timeout[^.]*is redelivered/);
    assert.match(pitfall, /`countdown`\/`eta`[^.]*and `acks_late` tasks that run longer than the timeout/);
    assert.match(answer('What happens to a task if the worker dies while executing it?').body, /on Redis and SQS that happens only after the visibility timeout/);
  });
});

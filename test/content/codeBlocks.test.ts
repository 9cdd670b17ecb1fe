// Every Python block of the guide compiles; every `python run` block runs and passes its own
// asserts on Debian's Python, Django 3.2 and DRF 3.14 (test/content/guide_sandbox.py).
import * as assert from 'assert';
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeBlocks, python, sandbox, where } from './guide';

const blocks = codeBlocks().filter(b => b.lang === 'python' || b.lang === 'py');
const runnable = blocks.filter(b => b.flags.includes('run'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-blocks-'));

interface Outcome { code: number | null; output: string }

function runInSandbox(code: string, name: string): Promise<Outcome> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, code);
  return new Promise(resolve => {
    execFile(python, [sandbox, file], { timeout: 90000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, output: `${stdout}${stderr}`.slice(-4000) });
    });
  });
}

/** Runs the blocks two at a time (the machine has two cores); each test awaits its own. */
function runAll(): Map<number, Promise<Outcome>> {
  const results = new Map<number, Promise<Outcome>>();
  const queue = runnable.map((b, i) => ({ b, i }));
  const settle = new Map<number, (o: Outcome) => void>();
  for (const { i } of queue) { results.set(i, new Promise(r => settle.set(i, r))); }
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      settle.get(next.i)!(await runInSandbox(next.b.code, `block-${next.b.line}.py`));
    }
  };
  void Promise.all([worker(), worker()]);
  return results;
}

describe('the guide\'s Python code', () => {
  let results: Map<number, Promise<Outcome>>;
  before(() => { results = runAll(); });

  it('has runnable examples across the guide', () => {
    console.log(`      python blocks: ${blocks.length} compiled, ${runnable.length} run in the sandbox (${blocks.length - runnable.length} compile-only)`);
    assert.ok(blocks.length >= 60, `${blocks.length} python blocks`);
    assert.ok(runnable.length >= 45, `${runnable.length} runnable blocks`);
  });

  it('compiles every python block', () => {
    const script = 'import json,sys\nerrs=[]\nfor b in json.load(sys.stdin):\n  try: compile(b["code"], b["name"], "exec")\n  except SyntaxError as e: errs.append(f"{b[\'name\']}: {e}")\nprint(json.dumps(errs))';
    const r = spawnSync(python, ['-c', script], { input: JSON.stringify(blocks.map(b => ({ code: b.code, name: where(b) }))), encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), []);
  });

  runnable.forEach((b, i) => {
    it(`runs ${where(b)}`, async () => {
      const outcome = await results.get(i)!;
      assert.strictEqual(outcome.code, 0, `${where(b)} failed:\n${outcome.output}`);
    });
  });
});

describe('the guide sandbox', () => {
  it('fails a block whose assert fails, and runs models, queries and URLs for real', async () => {
    const failing = await runInSandbox('from django.db import models\nassert 1 + 1 == 3, "wrong"\n', 'failing.py');
    assert.notStrictEqual(failing.code, 0);
    assert.match(failing.output, /AssertionError: wrong/);
    const models = await runInSandbox([
      'from django.db import models', 'from django.http import HttpResponse', 'from django.test import Client', 'from django.urls import path',
      'class Item(models.Model):', '    name = models.CharField(max_length=10)',
      'Item.objects.create(name="a")', 'urlpatterns = [path("n/", lambda r: HttpResponse(str(Item.objects.count())))]',
      'assert Client().get("/n/").content == b"1"',
    ].join('\n'), 'models.py');
    assert.strictEqual(models.code, 0, models.output);
  });
});

// What an interpreter lacks and how to install it into that interpreter: the probe runs real
// Pythons (the one on PATH, a virtual environment made here without Django); the message always
// names `<that python> -m pip install ...` and never `sudo pip`.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { missingPackagesMessage, parseProbe, pipCommand, probePython, shellQuote } from '../../src/core/practice/pythonPackages';

const python = process.env.DJANGO_PREP_PYTHON || 'python3';

describe('the practice packages an interpreter lacks', function () {
  this.timeout(60000);

  it('names each missing package and the pip command for that very interpreter', () => {
    const m = missingPackagesMessage('/home/me/project/.venv/bin/python', { missing: ['django', 'rest_framework'], externallyManaged: false });
    assert.strictEqual(m, '/home/me/project/.venv/bin/python lacks Django and Django REST framework (modules django and rest_framework), which the practice checks import. '
      + 'Install them into that Python: /home/me/project/.venv/bin/python -m pip install django djangorestframework');
    assert.match(missingPackagesMessage('python3', { missing: ['yaml'], externallyManaged: false }), /lacks PyYAML \(the module yaml\).*Install it into that Python: python3 -m pip install pyyaml$/);
  });

  it('never says sudo pip; a system-managed Python (PEP 668) gets a virtual environment or the system\'s packages', () => {
    const m = missingPackagesMessage('/usr/bin/python3', { missing: ['django', 'rest_framework'], externallyManaged: true });
    assert.doesNotMatch(m, /sudo\s+(\S+\s+)?pip/);
    assert.match(m, /\/usr\/bin\/python3 -m venv \.venv/);
    assert.match(m, /\.venv\/bin\/python -m pip install django djangorestframework/);
    assert.match(m, /sudo apt install python3-django python3-djangorestframework/);
  });

  it('quotes an interpreter path a shell would split', () => {
    assert.strictEqual(shellQuote('/usr/bin/python3'), '/usr/bin/python3');
    assert.strictEqual(shellQuote('/home/me/My Projects/.venv/bin/python', 'linux'), '"/home/me/My Projects/.venv/bin/python"');
    assert.strictEqual(shellQuote('/tmp/a$b"c', 'linux'), '"/tmp/a\\$b\\"c"');
    assert.strictEqual(shellQuote('C:\\Users\\Me\\My Env\\python.exe', 'win32'), '& "C:\\Users\\Me\\My Env\\python.exe"');
    assert.strictEqual(pipCommand('C:\\Python312\\python.exe', ['django']), 'C:\\Python312\\python.exe -m pip install django');
  });

  it('reads the probe\'s line and nothing else', () => {
    assert.deepStrictEqual(parseProbe('noise\n{"missing": ["django"], "venv": true, "externallyManaged": false, "executable": "/v/bin/python", "version": "3.12.1"}\n'),
      { missing: ['django'], venv: true, externallyManaged: false, executable: '/v/bin/python', version: '3.12.1' });
    assert.strictEqual(parseProbe('Traceback (most recent call last):'), undefined);
    assert.strictEqual(parseProbe('{"missing": "django"}'), undefined);
  });

  it('asks a real interpreter: a module it lacks, one it has', async () => {
    const facts = await probePython(python, ['json', 'no_such_module_for_django_prep']);
    assert.ok(!('error' in facts), JSON.stringify(facts));
    assert.deepStrictEqual(facts.missing, ['no_such_module_for_django_prep']);
    assert.match(facts.version, /^3\.\d+\.\d+$/);
  });

  it('asks a virtual environment without Django: it lacks Django and DRF, and pip goes into it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-venv-'));
    const made = spawnSync(python, ['-m', 'venv', '--without-pip', path.join(dir, 'venv')]);
    assert.strictEqual(made.status, 0, `python -m venv --without-pip: ${made.stderr}`);
    const venvPython = path.join(dir, 'venv', 'bin', 'python');
    const facts = await probePython(venvPython, ['django', 'rest_framework']);
    assert.ok(!('error' in facts), JSON.stringify(facts));
    assert.deepStrictEqual([facts.missing, facts.venv, facts.externallyManaged], [['django', 'rest_framework'], true, false]);
    assert.match(missingPackagesMessage(venvPython, facts), new RegExp(`Install them into that Python: ${venvPython.replace(/[.]/g, '\\.')} -m pip install django djangorestframework$`));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says why an interpreter that is not there gives no answer', async () => {
    const facts = await probePython('/no/such/python3', ['django']);
    assert.ok('error' in facts && /ENOENT/.test(facts.error), JSON.stringify(facts));
  });
});

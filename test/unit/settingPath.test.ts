import * as assert from 'assert';
import { isInside, layeredSetting, settingPath } from '../../src/core/util/settingPath';

describe('path-or-URI settings', () => {
  it('tells URIs, absolute paths and workspace paths apart', () => {
    assert.deepStrictEqual(settingPath(' vscode-vfs://github/me/notes/a.md '), { kind: 'uri', uri: 'vscode-vfs://github/me/notes/a.md' });
    assert.deepStrictEqual(settingPath('file:///home/me/prep'), { kind: 'uri', uri: 'file:///home/me/prep' });
    assert.deepStrictEqual(settingPath('/home/me/prep'), { kind: 'absolute', path: '/home/me/prep' });
    assert.deepStrictEqual(settingPath('C:\\Users\\me\\prep'), { kind: 'absolute', path: 'C:\\Users\\me\\prep' });
    assert.deepStrictEqual(settingPath('d:/prep'), { kind: 'absolute', path: 'd:/prep' });
    assert.deepStrictEqual(settingPath('interview-practice'), { kind: 'relative', path: 'interview-practice' });
    assert.deepStrictEqual(settingPath('notes/django.md'), { kind: 'relative', path: 'notes/django.md' });
  });

  it('names nothing when blank', () => {
    assert.strictEqual(settingPath(''), undefined);
    assert.strictEqual(settingPath('   '), undefined);
  });
});

describe('settings in Restricted Mode', () => {
  const layers = { defaultValue: 'interview-practice', globalValue: '/home/me/prep', workspaceValue: '/etc/cron.d', workspaceFolderValue: '/tmp/x' };

  it('takes the workspace\'s value only when the workspace is trusted', () => {
    assert.strictEqual(layeredSetting(layers, true, ''), '/tmp/x');
    assert.strictEqual(layeredSetting({ ...layers, workspaceFolderValue: undefined }, true, ''), '/etc/cron.d');
  });

  it('in an untrusted workspace, reads only the user\'s value or the default', () => {
    assert.strictEqual(layeredSetting(layers, false, ''), '/home/me/prep');
    assert.strictEqual(layeredSetting({ ...layers, globalValue: undefined }, false, ''), 'interview-practice');
    assert.strictEqual(layeredSetting({ workspaceValue: '/usr/bin/evil' }, false, ''), '');
    assert.strictEqual(layeredSetting(undefined, false, 'x'), 'x');
  });

  it('knows what is inside a folder: no prefixes of names, no .. segments', () => {
    assert.ok(isInside('/w/repo', '/w/repo'));
    assert.ok(isInside('/w/repo', '/w/repo/interview-practice'));
    assert.ok(isInside('/w/repo/', '/w/repo/a/b/'));
    assert.ok(!isInside('/w/repo', '/w/repo-evil/x'));
    assert.ok(!isInside('/w/repo', '/w/repo/../../etc'));
    assert.ok(!isInside('/w/repo', '/tmp/outside'));
    assert.ok(isInside('C:\\w\\repo', 'c:\\W\\repo\\practice'));
    assert.ok(!isInside('C:\\w\\repo', 'D:\\w\\repo\\practice'));
  });
});

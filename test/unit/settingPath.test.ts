import * as assert from 'assert';
import { settingPath } from '../../src/core/settingPath';

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

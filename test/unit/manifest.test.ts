import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { root } from './paths';

interface Command { command: string; title: string; category?: string; icon?: string }
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const commands: Command[] = pkg.contributes.commands;

describe('package.json manifest', () => {
  it('keeps the fixed names', () => {
    assert.strictEqual(pkg.name, 'django-interview-prep');
    assert.strictEqual(pkg.displayName, 'Django Interview Prep');
    assert.strictEqual(pkg.contributes.viewsContainers.activitybar[0].title, 'Django Interview Prep');
    assert.ok(fs.existsSync(path.join(root, pkg.contributes.viewsContainers.activitybar[0].icon)));
    assert.strictEqual(pkg.contributes.views.djangoPrep[0].id, 'djangoPrep.topics');
  });

  it('never activates on everything', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
  });

  it('gives every command the Django Prep category, a djangoPrep. id and a codicon', () => {
    for (const c of commands) {
      assert.match(c.command, /^djangoPrep\.\w+$/);
      assert.strictEqual(c.category, 'Django Prep', c.command);
      assert.match(c.icon ?? '', /^\$\([a-z-]+\)$/, c.command);
    }
  });

  it('refers only to declared commands in menus and keybindings', () => {
    const declared = new Set(commands.map(c => c.command));
    const menus = Object.values(pkg.contributes.menus as Record<string, { command: string }[]>).flat();
    for (const m of [...menus, ...pkg.contributes.keybindings]) {
      assert.ok(declared.has(m.command), m.command);
    }
  });

  it('hides commands that need a tree node from the palette', () => {
    const hidden = new Set(pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command));
    assert.deepStrictEqual([...hidden].sort(), ['djangoPrep.openConcept', 'djangoPrep.openSource', 'djangoPrep.quizTopic']);
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { HINT_MESSAGE_CONTEXT } from '../../src/core/practice/hints';
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

  it('activates for a returning user: a workspace with the practice folder at startup, any other once startup has finished', () => {
    const folder = pkg.contributes.configuration.properties['djangoPrep.practiceFolder'].default;
    assert.ok(pkg.activationEvents.includes(`workspaceContains:${folder}`), 'the default practice folder');
    assert.ok(pkg.activationEvents.includes('onStartupFinished'), 'the status bar\'s due count in every window');
    // With * or ? VS Code searches the whole workspace at startup (up to 7 s) for the pattern; a plain path is one stat.
    for (const e of pkg.activationEvents.filter((x: string) => x.startsWith('workspaceContains:'))) { assert.doesNotMatch(e, /[*?]/, e); }
  });

  it('presents itself in the Marketplace: a banner, known categories, at most 30 keywords', () => {
    assert.match(pkg.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    const known = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'Other'];
    assert.deepStrictEqual(pkg.categories.filter((c: string) => !known.includes(c)), []);
    assert.ok(pkg.keywords.length <= 30 && new Set(pkg.keywords).size === pkg.keywords.length);
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
    const menus = Object.values(pkg.contributes.menus as Record<string, Array<{ command?: string; submenu?: string }>>).flat();
    const submenus = new Set((pkg.contributes.submenus as Array<{ id: string }>).map(s => s.id));
    for (const m of [...menus, ...pkg.contributes.keybindings]) {
      assert.ok(m.command ? declared.has(m.command) : submenus.has(m.submenu!), m.command ?? m.submenu);
    }
    for (const id of submenus) { assert.ok(pkg.contributes.menus[id]?.length, `submenu ${id} has items`); }
  });

  it('hides commands that need a tree node from the palette', () => {
    const hidden = new Set(pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command));
    assert.deepStrictEqual([...hidden].sort(), ['djangoPrep.openConcept', 'djangoPrep.openSource', 'djangoPrep.openTopic', 'djangoPrep.quizTopic', 'djangoPrep.readExerciseTopic']);
  });

  it('offers Show Hint on a failed task in the Testing view (its message and its row) and on a practice file in the palette', () => {
    const menus = pkg.contributes.menus as Record<string, Array<{ command: string; when: string; group?: string }>>;
    const hint = (menu: string) => (menus[menu] ?? []).filter(m => m.command === 'djangoPrep.showHint');
    // The value PracticeTests gives a failed task's TestMessage.contextValue when it has hints.
    for (const menu of ['testing/message/context', 'testing/message/content']) {
      assert.ok(hint(menu).length && hint(menu).every(m => m.when === `testMessage == ${HINT_MESSAGE_CONTEXT}`), menu);
    }
    assert.deepStrictEqual(hint('testing/message/context').map(m => m.group?.split('@')[0]).sort(), ['inline', 'navigation'], 'a button on the message row and its context menu');
    assert.match(hint('testing/item/context')[0]?.when ?? '', /controllerId == djangoPrep\.practice && testId =~ \/#task-\[0-9\]\+\$\/ && testResultState == failed/);
    assert.deepStrictEqual(hint('commandPalette').map(m => m.when), ['djangoPrep.practiceFileActive']);
    assert.strictEqual(commands.find(c => c.command === 'djangoPrep.showHint')?.title, 'Show Hint', 'a fixed name (product notes)');
  });

  it('documents every setting with its default, and every palette command, in the README', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const [key, spec] of Object.entries(pkg.contributes.configuration.properties as Record<string, { default: unknown }>)) {
      const row = readme.split('\n').find(l => l.startsWith(`| \`${key}\``));
      assert.ok(row, `${key} is not in the README`);
      assert.ok(row.includes(JSON.stringify(spec.default)) || (spec.default === '' && /empty|""/i.test(row)), `${key}: the README row does not give the default ${JSON.stringify(spec.default)}`);
    }
    const hidden = new Set(pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command));
    for (const c of commands.filter(c => !hidden.has(c.command))) {
      assert.ok(readme.includes(c.title.replace(/\.\.\.$/, '')), `${c.title} is not in the README`);
    }
  });

  it('limits what runs code in untrusted workspaces and says what works in virtual ones', () => {
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['djangoPrep.practiceFolder', 'djangoPrep.pythonPath', 'djangoPrep.templatesFolder']);
    assert.strictEqual(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  });

  it('walks a new user through every part, each step with a picture and a way to complete it', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.deepStrictEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['openSidebar', 'readTopic', 'practise', 'quiz', 'mockInterview', 'ownNotes']);
    const declared = new Set(commands.map(c => c.command));
    for (const step of walkthrough.steps as Array<{ id: string; media: { image: string; altText: string }; completionEvents: string[]; description: string }>) {
      assert.ok(fs.existsSync(path.join(root, step.media.image)) && step.media.altText, `${step.id}: picture`);
      assert.ok(step.completionEvents.length, `${step.id}: completion events`);
      for (const e of step.completionEvents.filter(x => x.startsWith('onCommand:'))) { assert.ok(declared.has(e.slice('onCommand:'.length)), e); }
      for (const m of step.description.matchAll(/\(command:([\w.]+)\)/g)) { assert.ok(declared.has(m[1]) || m[1] === 'djangoPrep.topics.focus', m[1]); }
    }
  });
});

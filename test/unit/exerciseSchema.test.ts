// The JSON schema the editor applies to exercise.json (package.json contributes.jsonValidation)
// says what the extension itself accepts: every bundled exercise passes both; a hostile or
// mistaken one fails both; for any exercise made of the known fields, they agree (fast-check,
// seeded). Its topic completions are the bundled guide's topic ids.
import * as assert from 'assert';
import Ajv from 'ajv';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from '../../src/core/document/document';
import { exerciseProblems } from '../../src/core/practice/exercises';
import { root } from './paths';

const SCHEMA = path.join(root, 'content', 'schemas', 'exercise.schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
// enumDescriptions is VS Code's addition to JSON schema (hover text for each value).
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const schemaAccepts = (x: unknown) => validate(x) === true;
const codeAccepts = (x: unknown) => exerciseProblems(x, (x as { id?: unknown }).id as string) .length === 0;

const dir = path.join(root, 'content', 'exercises');
const bundled = fs.readdirSync(dir).filter(n => !n.startsWith('_') && fs.statSync(path.join(dir, n)).isDirectory())
  .map(n => ({ name: n, meta: JSON.parse(fs.readFileSync(path.join(dir, n, 'exercise.json'), 'utf8')) as Record<string, unknown> }));
const valid = { id: 'my-drill', title: 'My drill', topic: 'django/signals', description: 'Mine.', file: 'my_drill.py', requires: ['django'] };

describe('exercise.json schema', () => {
  it('is what package.json binds to exercise.json files', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg.contributes.jsonValidation, [{ fileMatch: 'exercise.json', url: './content/schemas/exercise.schema.json' }]);
  });

  it(`accepts every bundled exercise (${bundled.length}), as the extension does`, () => {
    assert.ok(bundled.length >= 20);
    for (const { name, meta } of bundled) {
      assert.deepStrictEqual(exerciseProblems(meta, name), [], name);
      assert.ok(schemaAccepts(meta), `${name}: ${JSON.stringify(validate.errors)}`);
    }
  });

  const refused: Array<[string, Record<string, unknown>]> = [
    ['a file climbing out', { ...valid, file: '../../x.py' }],
    ['an absolute file', { ...valid, file: '/etc/x.py' }],
    ['a Windows drive path', { ...valid, file: 'C:\\x.py' }],
    ['a Windows device name', { ...valid, file: 'CON.py' }],
    ['a Python file not ending in .py', { ...valid, file: 'drill.txt' }],
    ['an id that is not a slug', { ...valid, id: 'My Drill' }],
    ['a title with a bidirectional override', { ...valid, title: 'abc\u202edcba' }],
    ['a title with a line break', { ...valid, title: 'two\nlines' }],
    ['a blank title', { ...valid, title: '   ' }],
    ['a title over 100 characters', { ...valid, title: 'x'.repeat(101) }],
    ['a description over 400 characters', { ...valid, description: 'x'.repeat(401) }],
    ['no description', (({ description: _, ...rest }) => rest)(valid)],
    ['an unknown package', { ...valid, requires: ['numpy'] }],
    ['requires as a string', { ...valid, requires: 'django' }],
    ['an unknown check kind', { ...valid, check: 'docker' }],
    ['a Dockerfile exercise with another name', { ...valid, check: 'dockerfile', file: 'Dockerfile.prod' }],
    ['a Compose exercise with another name', { ...valid, check: 'compose', file: 'stack.yaml' }],
    ['an nginx exercise outside conf.d naming', { ...valid, check: 'nginx', file: 'nginx/../default.conf' }],
    ['a git exercise that is not a .sh file', { ...valid, check: 'git', file: 'repair.py' }],
    ['a served nginx exercise that is not a .conf file', { ...valid, check: 'nginx-serve', file: 'upstream.txt' }],
    ['project files climbing out', { ...valid, check: 'dockerfile', file: 'Dockerfile', files: ['../secrets.txt'] }],
    ['a project file named after a device', { ...valid, check: 'dockerfile', file: 'Dockerfile', files: ['config/aux.py'] }],
    ['not an object', ['id'] as unknown as Record<string, unknown>],
    ['an unknown difficulty', { ...valid, difficulty: 'hard' }],
    ['hints as a list', { ...valid, hints: [['a nudge']] }],
    ['hints under a task 0', { ...valid, hints: { 0: ['a nudge'] } }],
    ['hints under a word', { ...valid, hints: { first: ['a nudge'] } }],
    ['four hints for a task', { ...valid, hints: { 1: ['a', 'b', 'c', 'd'] } }],
    ['no hints for a task', { ...valid, hints: { 1: [] } }],
    ['a hint over 300 characters', { ...valid, hints: { 1: ['x'.repeat(301)] } }],
    ['a hint with a line break', { ...valid, hints: { 1: ['two\nlines'] } }],
    ['a blank hint', { ...valid, hints: { 1: ['  '] } }],
  ];
  for (const [what, x] of refused) {
    it(`refuses ${what}, as the extension does`, () => {
      assert.ok(!codeAccepts(x), `the extension accepts ${what}`);
      assert.ok(!schemaAccepts(x), `the schema accepts ${what}`);
    });
  }

  it('flags a misspelt field, which the extension would silently ignore', () => {
    assert.ok(!schemaAccepts({ ...valid, requries: ['django'] }));
    assert.ok(schemaAccepts(valid));
  });

  it('takes a difficulty and hints, and a template without them', () => {
    const rated = { ...valid, difficulty: 'interview', hints: { 1: ['A nudge.', 'More: `Q`.', 'Nearly: `Q(a=1) | Q(b=2)`.'], 12: ['One.'] } };
    assert.ok(schemaAccepts(rated) && codeAccepts(rated), JSON.stringify(validate.errors));
    assert.ok(schemaAccepts(valid) && codeAccepts(valid));
    assert.deepStrictEqual(schema.properties.difficulty.enum, ['warm-up', 'interview', 'senior']);
  });

  it('agrees with the extension on any exercise made of the known fields (2,000 seeded cases)', () => {
    const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '\u202e', '\n', '..', '/', 'Dockerfile', 'compose.yaml', 'conf.d/', '.conf', '.py', 'CON', 'a-b', 'x'.repeat(120)));
    const text = fc.array(piece, { maxLength: 4 }).map(p => p.join(''));
    const exercise = fc.record({
      id: fc.oneof(fc.constantFrom('drill', 'my-drill', 'a'), text),
      title: fc.oneof(fc.constant('A title'), text),
      topic: fc.oneof(fc.constant('django/signals'), text),
      description: fc.oneof(fc.constant('Mine.'), text),
      file: fc.oneof(fc.constantFrom('drill.py', 'Dockerfile', 'compose.yaml', 'docker-compose.yml', 'conf.d/default.conf', 'default.conf', 'CON.py', 'repair.sh', 'Repair.sh'), text),
      requires: fc.array(fc.constantFrom('django', 'rest_framework', 'celery', 'yaml', 'numpy'), { maxLength: 3 }).map(r => [...new Set(r)]),
      check: fc.constantFrom('python', 'dockerfile', 'nginx', 'compose', 'git', 'nginx-serve', 'docker'),
      files: fc.array(fc.oneof(fc.constantFrom('manage.py', 'config/settings.py', '../x', 'aux.py'), text), { maxLength: 3 }),
      difficulty: fc.constantFrom('warm-up', 'interview', 'senior', 'hard', ''),
      hints: fc.dictionary(fc.oneof(fc.constantFrom('1', '2', '10', '0', '01', 'x'), text), fc.oneof(fc.array(fc.oneof(fc.constant('A hint.'), text), { maxLength: 4 }), fc.constant('x')), { maxKeys: 3 }),
    }, { requiredKeys: ['id', 'title', 'topic', 'description', 'file', 'requires'] });
    fc.assert(fc.property(exercise, x => {
      assert.strictEqual(schemaAccepts(x), codeAccepts(x), `${JSON.stringify(x)}: schema ${JSON.stringify(validate.errors)}, extension ${JSON.stringify(exerciseProblems(x, x.id))}`);
    }), { numRuns: 2000, seed: 25 });
  });

  it('completes the topic with the bundled guide\'s topic ids', () => {
    const guide = parseDocument(fs.readFileSync(path.join(root, 'content', 'guide', 'django-interview-prep.md'), 'utf8'));
    assert.deepStrictEqual(schema.properties.topic.examples, guide.topics.map(t => t.id), 'regenerate the examples from the guide\'s topic ids');
  });
});

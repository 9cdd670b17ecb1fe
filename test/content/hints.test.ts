// Every bundled exercise is rated warm-up, interview or senior, and every task it has (as the
// Testing view lists them from the composed starter) has 1-3 hints, with no hints for a task it
// does not have. A hint may come close to the answer, but never pastes the reference solution.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkKind, composeExercise, DIFFICULTIES, exerciseProblems, type ExerciseMeta } from '../../src/core/practice/exercises';
import { tasksOf } from '../../src/core/practice/runCheck';
import { root } from '../unit/paths';

const dir = path.join(root, 'content', 'exercises');
const read = (...p: string[]) => fs.readFileSync(path.join(dir, ...p), 'utf8');
const templates = { django: read('_django.py'), runner: read('_runner.py') };
const exercises = fs.readdirSync(dir).filter(n => !n.startsWith('_') && fs.statSync(path.join(dir, n)).isDirectory()).sort().map(name => {
  const meta = JSON.parse(read(name, 'exercise.json')) as ExerciseMeta;
  const native = checkKind(meta) !== 'python';
  const starter = native ? read(name, 'starter', meta.file) : read(name, 'starter.py');
  const solution = native ? read(name, 'solution', meta.file) : read(name, 'solution.py');
  const checks = native ? '' : read(name, 'checks.py');
  // The tasks as a user's file has them: the shared checks spliced in.
  const tasks = tasksOf(checkKind(meta), composeExercise(starter, name, templates, checks)).map(t => t.number);
  return { name, meta, starter, solution, tasks };
});

/** A line the solution has and the starter does not: long enough to be the answer itself. */
const answerLines = (starter: string, solution: string) => {
  const given = new Set(starter.split('\n').map(l => l.trim()));
  return [...new Set(solution.split('\n').map(l => l.trim()).filter(l => l.length >= 40 && !given.has(l) && !l.startsWith('#')))];
};

describe('exercise difficulty and hints', () => {
  it('every bundled exercise is rated warm-up, interview or senior', () => {
    const unrated = exercises.filter(e => !DIFFICULTIES.includes(e.meta.difficulty!)).map(e => e.name);
    assert.deepStrictEqual(unrated, [], 'exercises without a difficulty');
    const counts = DIFFICULTIES.map(d => `${d} ${exercises.filter(e => e.meta.difficulty === d).length}`).join(', ');
    console.log(`      difficulty of the ${exercises.length} exercises: ${counts}`);
  });

  for (const e of exercises) {
    it(`${e.name}: 1-3 hints for each of its ${e.tasks.length} tasks, none for a task it lacks`, () => {
      assert.deepStrictEqual(exerciseProblems(e.meta, e.name), [], 'exercise.json is valid');
      assert.ok(e.tasks.length > 0, 'the starter has tasks');
      const hints = e.meta.hints ?? {};
      const missing = e.tasks.filter(n => !(hints[String(n)]?.length >= 1 && hints[String(n)].length <= 3));
      assert.deepStrictEqual(missing, [], `tasks without 1-3 hints (it has tasks ${e.tasks.join(', ')})`);
      const extra = Object.keys(hints).filter(k => !e.tasks.includes(Number(k)));
      assert.deepStrictEqual(extra, [], `hints for tasks the exercise does not have (it has ${e.tasks.join(', ')})`);
      // The last hint may come close (one line of the answer); two pasted lines are the answer itself.
      const answers = answerLines(e.starter, e.solution);
      for (const [task, list] of Object.entries(hints)) {
        for (const h of list) {
          const pasted = answers.filter(line => h.includes(line));
          assert.ok(pasted.length < 2, `task ${task}: a hint pastes ${pasted.length} lines of the solution: ${pasted.join(' / ')}`);
        }
      }
    });
  }
});

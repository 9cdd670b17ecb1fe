// Nothing of the user's outline silently disappears: each heading and bullet has its place.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Concept, parseDocument, Topic } from '../../src/core/document/document';
import { fixture, root } from '../unit/paths';
import { guide } from './guide';

interface CoverageMap {
  sections: Record<string, string>;
  topics: Record<string, string[]>;
  concepts: Record<string, [string, string]>;
}

const map = JSON.parse(fs.readFileSync(path.join(root, 'test', 'content', 'outline-coverage.json'), 'utf8')) as CoverageMap;
const outline = parseDocument(fs.readFileSync(fixture('interview-prep-outline.md'), 'utf8'));
const guideTopic = (id: string): Topic | undefined => {
  const n = guide.get(id);
  return n?.kind === 'topic' ? n : undefined;
};
const allConcepts = (cs: readonly Concept[]): Concept[] => cs.flatMap(c => [c, ...allConcepts(c.children)]);

describe('the outline\'s coverage in the guide', () => {
  it('maps every outline section to a guide section', () => {
    const sections = outline.items.filter(i => i.kind === 'section');
    assert.ok(sections.length >= 5);
    for (const s of sections) {
      const target = map.sections[s.id];
      assert.ok(target, `outline section "${s.title}" is not mapped`);
      assert.strictEqual(guide.get(target)?.kind, 'section', `${s.title} -> ${target}`);
    }
  });

  it('maps every outline topic heading to guide topics that exist', () => {
    assert.strictEqual(outline.topics.length, 22);
    for (const t of outline.topics) {
      const targets = map.topics[t.id];
      assert.ok(targets?.length, `outline topic "${t.title}" is not mapped`);
      assert.deepStrictEqual(targets.filter(id => !guideTopic(id)), [], `${t.title}: mapped to missing topics`);
    }
  });

  it('places every outline bullet in one of its heading\'s guide topics, which explains it', () => {
    let checked = 0;
    for (const t of outline.topics) {
      for (const c of allConcepts(t.concepts)) {
        const entry = map.concepts[c.id];
        assert.ok(entry, `outline bullet "${c.label}" (${t.title}) is not mapped`);
        const [id, phrase] = entry;
        assert.ok(map.topics[t.id].includes(id), `"${c.label}" maps to ${id}, outside its heading's topics`);
        const body = guideTopic(id)?.body ?? '';
        assert.ok(body.toLowerCase().includes(phrase.toLowerCase()), `${id} does not mention "${phrase}" (for "${c.label}")`);
        checked++;
      }
    }
    assert.strictEqual(checked, Object.keys(map.concepts).length, 'the map has entries for bullets the outline no longer has');
  });
});

// How a parsed document looks, for comparing two parses in tests.
import type { Concept, StudyDocument, Topic } from '../../src/core/document/document';

/** One line per node, indented by depth: `kind id | label`. */
export function outline(doc: StudyDocument): string[] {
  const out: string[] = [];
  const concept = (c: Concept, depth: number) => {
    out.push(`${'  '.repeat(depth)}- ${c.label}`);
    c.children.forEach(k => concept(k, depth + 1));
  };
  const topic = (t: Topic, depth: number) => {
    out.push(`${'  '.repeat(depth)}${t.id} | ${t.title}`);
    t.concepts.forEach(c => concept(c, depth + 1));
  };
  for (const item of doc.items) {
    if (item.kind === 'section') {
      out.push(`[${item.id}] ${item.title}`);
      item.topics.forEach(t => topic(t, 1));
    } else {
      topic(item, 0);
    }
  }
  return out;
}

/** Everything a parse decides: the outline, each topic's lines and body, references. */
export function shape(doc: StudyDocument): string {
  const concepts = (cs: readonly Concept[]): unknown[] => cs.map(c => [c.id, c.term, c.description, c.range, concepts(c.children)]);
  return JSON.stringify({
    title: doc.title, lineCount: doc.lineCount, references: doc.references, outline: outline(doc),
    topics: doc.topics.map(t => [t.id, t.range, t.bodyStartLine, t.body, concepts(t.concepts)]),
  });
}


// The bundled guide as the tests see it: parsed like the extension does, plus its code blocks.
import * as fs from 'fs';
import * as path from 'path';
import MarkdownIt from 'markdown-it';
import { parseDocument, StudyDocument, Topic } from '../../src/core/document/document';
import { root } from '../unit/paths';

export const GUIDE_PATH = path.join(root, 'content', 'guide', 'django-interview-prep.md');
export const guideSource = fs.readFileSync(GUIDE_PATH, 'utf8');
export const guide: StudyDocument = parseDocument(guideSource);
export const python = process.env.DJANGO_PREP_PYTHON || '/usr/bin/python3';
export const sandbox = path.join(root, 'test', 'content', 'guide_sandbox.py');

export interface CodeBlock {
  readonly lang: string;
  /** Words after the language in the fence info, e.g. `run` in ```` ```python run ````. */
  readonly flags: readonly string[];
  readonly code: string;
  /** 1-based line of the first code line in the guide. */
  readonly line: number;
  readonly topic: Topic;
}

export function codeBlocks(doc: StudyDocument = guide, source: string = guideSource): CodeBlock[] {
  const tokens = new MarkdownIt().parse(source, {});
  const out: CodeBlock[] = [];
  for (const t of tokens) {
    if (t.type !== 'fence' || !t.map) { continue; }
    const [lang = '', ...flags] = t.info.trim().split(/\s+/);
    const topic = doc.topics.find(x => t.map![0] >= x.range.start && t.map![0] < x.range.end);
    if (!topic) { throw new Error(`code block at line ${t.map[0] + 1} is outside every topic`); }
    out.push({ lang: lang.toLowerCase(), flags, code: t.content, line: t.map[0] + 2, topic });
  }
  return out;
}

export const where = (b: CodeBlock): string => `${path.basename(GUIDE_PATH)}:${b.line} (${b.topic.title})`;

// The deck as notes another tool can take: Anki's plain-text import format and RFC 4180 CSV.
// One note per card. Fronts and backs are HTML (markdown rendered with raw HTML off, code as
// <pre><code> with its text escaped); the quoting of fields with tabs, commas, quotes or line
// breaks is csv-stringify's, the CSV rules Anki's importer reads too.
import MarkdownIt from 'markdown-it';
import { stringify } from 'csv-stringify/sync';
import type { CardSource, CardKind } from './conceptCards';
import { seededRandom } from '../util/draws';
import type { StudyDocument } from '../document/document';
import { escapeHtml } from '../util/html';
import type { Question } from './questions';
import { slugify } from '../util/text';
import { OTHER_TOPICS, sectionTitle } from '../document/sections';

export interface ExportNote {
  /** The card's id in this extension: a stable Anki GUID, so a second import updates notes instead of copying them. */
  readonly id: string;
  readonly kind: CardKind;
  readonly section: string;
  readonly topic: string;
  /** HTML. */
  readonly front: string;
  readonly back: string;
  /** Anki tags: no spaces, `django-prep::<section>::<topic>`. */
  readonly tags: readonly string[];
}

/** The root of every exported tag; Anki shows `::` as a tag hierarchy. */
export const TAG_ROOT = 'django-prep';

/** The Anki file's header lines: its documented `#key:value` file headers. */
export const ANKI_COLUMNS = ['Front', 'Back', 'Tags', 'Deck', 'GUID'] as const;

/** Notes for every card of the deck, in deck order. Distractor order is fixed, so two exports of the same deck are the same. */
export function exportNotes(doc: StudyDocument, deck: readonly CardSource[]): ExportNote[] {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  const topics = new Map(doc.topics.map(t => [t.id, t]));
  return deck.map(card => {
    const topic = topics.get(card.topic);
    const section = sectionTitle(topic, doc.title ?? OTHER_TOPICS);
    const topicTitle = topic?.title ?? card.topic;
    const q = card.build(seededRandom(1));
    const kind: CardKind = card.kind ?? (card.id.startsWith('concept:') ? 'concept' : 'bank');
    const { front, back } = sides(q, kind, md);
    return { id: card.id, kind, section, topic: topicTitle, front, back, tags: [`${TAG_ROOT}::${slugify(section)}::${slugify(topicTitle)}`] };
  });
}

/**
 * Anki's plain-text import file: header lines (tab separator, HTML fields, the Basic note type,
 * which columns hold tags, deck and GUID), then one tab-separated note per line, fields with a
 * tab, quote or line break quoted and their quotes doubled. The deck is a column rather than
 * `#deck:`, because Anki creates a deck named in a column but ignores a `#deck:` it does not have.
 */
export function toAnkiText(notes: readonly ExportNote[], deckName: string): string {
  const deck = deckName.replace(/[\t\r\n]+/g, ' ').trim() || 'Django Interview Prep';
  const header = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#tags column:${ANKI_COLUMNS.indexOf('Tags') + 1}`,
    `#deck column:${ANKI_COLUMNS.indexOf('Deck') + 1}`,
    `#guid column:${ANKI_COLUMNS.indexOf('GUID') + 1}`,
  ].join('\n') + '\n';
  const rows = notes.map(n => [n.front, n.back, n.tags.join(' '), deck, `django-prep:${n.id}`]);
  return header + stringify(rows, { delimiter: '\t', record_delimiter: 'unix', quoted_match: /^#/ });
}

export const CSV_COLUMNS = ['id', 'kind', 'section', 'topic', 'front', 'back', 'tags'] as const;

/** RFC 4180 CSV with a header row and CRLF line ends: the same notes for a spreadsheet or another tool. */
export function toCsv(notes: readonly ExportNote[]): string {
  return stringify(notes.map(n => [n.id, n.kind, n.section, n.topic, n.front, n.back, n.tags.join(' ')]),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
}

/** Front and back of a card: the question (with choice options and code) and its answer with the explanation. */
function sides(q: Question, kind: CardKind, md: MarkdownIt): { front: string; back: string } {
  // Notes are markdown; bank prompts and generated concept prompts are plain text.
  const fromNotes = kind === 'recall' || kind === 'cloze' || kind === 'task-list';
  const text = (s: string) => fromNotes ? md.render(s).trim() : `<p>${escapeHtml(s)}</p>`;
  const code = q.code ? `<pre><code class="language-python">${escapeHtml(q.code.replace(/\n$/, ''))}</code></pre>` : '';
  const explanation = q.explanation.trim() ? `<div class="explanation">${md.render(q.explanation).trim()}</div>` : '';
  const list = (items: readonly string[], ordered = false) => `<${ordered ? 'ol' : 'ul'}>${items.map(i => `<li>${i}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`;
  const inline = (s: string) => md.renderInline(s);
  const front = text(q.prompt) + code;
  switch (q.kind) {
    case 'choice': {
      // A concept card is a term and its meaning: Anki asks it as a plain question.
      if (kind === 'concept') {
        const right = q.options.filter(o => o.correct).map(o => o.text);
        return { front, back: `<p>${right.map(escapeHtml).join('; ')}</p>${explanation}` };
      }
      const letters = 'ABCDEFGH';
      const options = `<ol type="A">${q.options.map(o => `<li>${inline(o.text)}</li>`).join('')}</ol>`;
      const hint = q.select === 'many' ? '<p><em>Select all that apply.</em></p>' : '';
      const right = q.options.map((o, i) => ({ o, letter: letters[i] })).filter(x => x.o.correct);
      const why = list(q.options.map((o, i) => `${o.correct ? '✓' : '✗'} ${letters[i]}. ${inline(o.text)}${o.why ? ` <span class="why">${escapeHtml(o.why)}</span>` : ''}`));
      return { front: front + hint + options, back: `<p><strong>${right.map(x => `${x.letter}. ${inline(x.o.text)}`).join('<br>')}</strong></p>${why}${explanation}` };
    }
    case 'truefalse':
      return { front: `${front}<p><em>True or false?</em></p>`, back: `<p><strong>${q.answer ? 'True' : 'False'}</strong></p>${explanation}` };
    case 'output':
      return { front, back: `<pre><code>${escapeHtml(q.output)}</code></pre>${explanation}` };
    case 'typed':
      return { front, back: `<p><strong>${q.accept.map(escapeHtml).join(' / ')}</strong></p>${explanation}` };
    case 'order': {
      const shown = [...q.steps].sort((a, b) => a.localeCompare(b));
      return { front: `${front}<p><em>Put in order:</em></p>${list(shown.map(inline))}`, back: `${list(q.steps.map(inline), true)}${explanation}` };
    }
    case 'recall':
      return { front, back: (q.answer?.trim() ? md.render(q.answer).trim() : '<p><em>No model answer in the notes.</em></p>') + explanation };
  }
}

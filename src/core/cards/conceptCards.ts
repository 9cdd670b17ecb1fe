// Quiz cards from any document: every "Term: description" concept becomes two cards,
// description -> term and term -> description, with distractors from the same section.
import type { Concept, StudyDocument, Topic } from '../document/document';
import type { Question } from './questions';
import { truncate } from '../util/text';

/** Where a card comes from: the bank, a concept, an open question, a task-list quiz or a cloze deletion in the notes. */
export type CardKind = 'bank' | 'concept' | 'recall' | 'task-list' | 'cloze';

export interface CardSource {
  /**
   * Stable id: `q:<bank id>`, `concept:<concept id>:term|meaning`, `recall:<topic id>/<slug>`,
   * `choice:<topic id>/<slug>` or `cloze:<topic id>/<slug>-<n>`.
   */
  readonly id: string;
  readonly topic: string;
  /** Undefined on cards made before kinds existed: read them as bank or concept cards. */
  readonly kind?: CardKind;
  /** Zero-based source line of the question, for cards read from the notes. */
  readonly line?: number;
  /** Builds the question to ask; `random` picks distractors and their order. */
  build(random: () => number): Question;
}

const MAX_OPTION = 160;
const DISTRACTORS = 3;

export interface Termed { readonly concept: Concept; readonly term: string; readonly description: string }

export function conceptCards(doc: StudyDocument): CardSource[] {
  const maker = new ConceptCardMaker();
  doc.topics.forEach(t => maker.addTopic(t));
  const cards: CardSource[] = [];
  maker.termed.forEach(t => maker.addCards(t, cards));
  return cards;
}

/**
 * Makes concept cards in two passes, each a loop a caller may run in slices (a large
 * document): read every topic's concepts, then make each concept's cards, whose distractors
 * need the whole of its section.
 */
export class ConceptCardMaker {
  /** Concepts with a term and a description of at least three words, in document order. */
  readonly termed: Termed[] = [];
  private readonly bySection = new Map<string, Termed[]>();
  private readonly termCounts = new Map<readonly Termed[], Map<string, number>>();

  addTopic(topic: Topic): void {
    const visit = (cs: readonly Concept[]) => cs.forEach(c => {
      if (c.term && c.description.split(/\s+/).length >= 3) {
        const t = { concept: c, term: c.term, description: c.description };
        this.termed.push(t);
        const key = topic.section?.id ?? '';
        const group = this.bySection.get(key);
        if (group) { group.push(t); } else { this.bySection.set(key, [t]); }
      }
      visit(c.children);
    });
    visit(topic.concepts);
  }

  /**
   * Appends the two cards of `t`, unless too few other terms could stand beside it. Their
   * distractors are drawn when a card is asked, not listed here: listing them per card made a
   * 10,000-topic document (or a large one without sections) quadratic.
   */
  addCards(t: Termed, cards: CardSource[]): void {
    const local = this.bySection.get(t.concept.topic.section?.id ?? '') ?? [];
    // Distractors come from the same section when it has enough other terms, else from the whole document.
    const group = this.otherTerms(local, t) >= DISTRACTORS ? local : this.termed;
    if (this.otherTerms(group, t) < 2) { return; }
    const pool = { group, self: t };
    const topic = t.concept.topic.id;
    cards.push({
      id: `concept:${t.concept.id}:term`,
      topic,
      kind: 'concept',
      build: random => choice(`concept-${t.concept.id}-term`, topic, `Which term is this? “${mask(t.description, t.term)}”`,
        { text: t.term, why: `Right: this describes ${t.term}.` },
        pick(pool, random).map(o => ({ text: o.term, why: `${o.term} is different: ${truncate(o.description, 140)}` })), random,
        `${t.term}: ${truncate(t.description, 300)}`),
    });
    cards.push({
      id: `concept:${t.concept.id}:meaning`,
      topic,
      kind: 'concept',
      build: random => choice(`concept-${t.concept.id}-meaning`, topic, `What is “${t.term}”?`,
        { text: truncate(t.description, MAX_OPTION), why: `Right: this is what ${t.term} means.` },
        pick(pool, random).map(o => ({ text: truncate(mask(o.description, o.term), MAX_OPTION), why: `That describes ${o.term}.` })), random,
        `${t.term}: ${truncate(t.description, 300)}`),
    });
  }

  /** How many distinct terms of `group` differ from `t`'s. */
  private otherTerms(group: readonly Termed[], t: Termed): number {
    let counts = this.termCounts.get(group);
    if (!counts) {
      counts = new Map();
      for (const o of group) { const k = o.term.toLowerCase(); counts.set(k, (counts.get(k) ?? 0) + 1); }
      this.termCounts.set(group, counts);
    }
    return counts.size - (counts.has(t.term.toLowerCase()) ? 1 : 0);
  }
}

/** Open questions: the cards the "Open questions only" scope asks. */
export function isOpenQuestion(card: CardSource): boolean {
  return card.kind === 'recall';
}

function choice(id: string, topic: string, prompt: string, right: { text: string; why: string }, wrong: Array<{ text: string; why: string }>, random: () => number, explanation: string): Question {
  const options = [{ ...right, correct: true }, ...wrong.filter(w => w.text !== right.text).map(w => ({ ...w, correct: false }))];
  return { kind: 'choice', select: 'one', id, topic, prompt: truncate(prompt, 600), explanation, options: shuffle(options, random) };
}

/** Hides the term inside its own description, so the card does not give itself away. */
function mask(description: string, term: string): string {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return description.replace(new RegExp(escaped, 'gi'), '…');
}

/**
 * Up to DISTRACTORS concepts of `group`, each with a term unlike `self`'s and the others', in random order: a
 * Fisher-Yates shuffle run only as far as needed, its swaps kept in a map instead of a copy.
 */
function pick({ group, self }: { group: readonly Termed[]; self: Termed }, random: () => number): Termed[] {
  const terms = new Set([self.term.toLowerCase()]); // no option twice
  const swaps = new Map<number, number>();
  const out: Termed[] = [];
  for (let i = 0; i < group.length && out.length < DISTRACTORS; i++) {
    const j = i + Math.floor(random() * (group.length - i));
    const chosen = group[swaps.get(j) ?? j];
    swaps.set(j, swaps.get(i) ?? i);
    const term = chosen.term.toLowerCase();
    if (!terms.has(term)) { terms.add(term); out.push(chosen); }
  }
  return out;
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}


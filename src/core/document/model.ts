// The study document's shape: sections, topics and concepts, as the tree and the quiz see them.

/** Zero-based source lines, `end` exclusive. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

export interface Concept {
  readonly kind: 'concept';
  readonly id: string;
  /** The part before `Term:`; undefined for a bullet without one. */
  readonly term: string | undefined;
  /** The text after `Term:`, or the whole bullet when it has no term. */
  readonly description: string;
  /** What the tree shows. */
  readonly label: string;
  readonly range: LineRange;
  readonly topic: Topic;
  readonly parent: Concept | undefined;
  readonly children: Concept[];
}

export interface Topic {
  readonly kind: 'topic';
  readonly id: string;
  readonly title: string;
  /** Undefined when a section heading with no topic headings is a topic itself. */
  readonly section: Section | undefined;
  /** Position in reading order over the whole document. */
  readonly index: number;
  readonly range: LineRange;
  /** Markdown between the heading and the next topic or section. */
  readonly body: string;
  /** Source line where `body` starts. */
  readonly bodyStartLine: number;
  /** Read on first access, from the topic's own text. */
  readonly concepts: Concept[];
  /** Cheap: whether the body has a bullet line, without reading the concepts. */
  readonly mayHaveConcepts: boolean;
}

export interface Section {
  readonly kind: 'section';
  readonly id: string;
  readonly title: string;
  readonly range: LineRange;
  readonly topics: Topic[];
}

export type StudyNode = Section | Topic | Concept;

export interface StudyDocument {
  /** The single top-level `#` heading, when the document has one. */
  readonly title: string | undefined;
  /** Tree roots in order: sections, and section headings that are topics themselves. */
  readonly items: ReadonlyArray<Section | Topic>;
  /** Every topic in reading order. */
  readonly topics: readonly Topic[];
  readonly lineCount: number;
  /** Link reference definitions (`[label]: url`) of the whole file, for rendering one topic. */
  readonly references: Readonly<Record<string, unknown>>;
  get(id: string): StudyNode | undefined;
}

/** A heading at the top level of the document (or of a topic body). */
export interface Heading {
  readonly level: number;
  readonly line: number;
  readonly endLine: number;
  readonly title: string;
}

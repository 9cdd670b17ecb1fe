// Topic -> HTML fragment for the webview. Raw HTML is off; links are allowlisted.
import MarkdownIt from 'markdown-it';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import diff from 'highlight.js/lib/languages/diff';
import django from 'highlight.js/lib/languages/django';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import nginx from 'highlight.js/lib/languages/nginx';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { QUESTIONS_HEADING, resolveLink, StudyDocument, Topic } from './document';
import type { TopicView } from '../messages';
import { countWordsInSlices, SlicedRenderer } from './renderSlices';
import { tidyKeyPoints } from './renderKeyPoints';

type Token = MarkdownIt.Token;

const LANGUAGES = { bash, diff, django, dockerfile, http, ini, javascript, json, nginx, plaintext, python, shell, sql, typescript, xml, yaml };
for (const [name, lang] of Object.entries(LANGUAGES)) {
  hljs.registerLanguage(name, lang);
}

/** Schemes a reader may follow out of the webview; everything else renders as text. */
const EXTERNAL = /^(https?:\/\/|mailto:)/i;

export interface RenderedTopic {
  readonly html: string;
  readonly words: number;
  /** Topics named on the topic's `Related:` line, shown in the page header instead. */
  readonly related: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** Questions under an "Interview questions" heading, each rendered collapsed. */
  readonly questions: number;
}

interface RenderEnv {
  doc: StudyDocument;
  topic: Topic;
  /** markdown-it reads (and adds to) link reference definitions here. */
  references: Record<string, unknown>;
  /** Concepts by body-relative start line, so the webview can scroll to one. */
  conceptLines: Map<number, { id: string; term: string | undefined }>;
  related: Array<{ id: string; title: string }>;
  questions: number;
}

export function isExternalHref(href: string): boolean {
  return EXTERNAL.test(href);
}

export class TopicRenderer {
  private readonly md = createMarkdown();
  /** A second markdown-it set up the same way, for rendering in slices (made on first need). */
  private sliced: SlicedRenderer | undefined;

  render(doc: StudyDocument, topic: Topic): RenderedTopic {
    const env = renderEnv(doc, topic);
    const html = this.md.render(topic.body, env);
    const words = topic.body.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length;
    return { html, words, related: env.related, questions: env.questions };
  }

  /**
   * The same as `render`, `sliceMs` of work at a time with other work let in between, so a huge
   * topic never holds the extension host. A single block longer than HUGE_BLOCK characters
   * (a 2 MB line) is shown as plain text. Rejects with `Cancelled` when `cancelled()` says so.
   */
  async renderInSlices(doc: StudyDocument, topic: Topic, sliceMs = 20, cancelled?: () => boolean): Promise<RenderedTopic> {
    const env = renderEnv(doc, topic);
    this.sliced ??= new SlicedRenderer(createMarkdown(), collapseQuestions, 'django_prep_questions', { rule: 'django_prep_key_points', run: tidyKeyPoints });
    const html = await this.sliced.render(topic.body, env, sliceMs, cancelled);
    const words = await countWordsInSlices(topic.body, sliceMs, cancelled);
    return { html, words, related: env.related, questions: env.questions };
  }

  /** Markdown taken out of a topic (a quiz card's question or answer), with the same rules. */
  renderFragment(markdown: string, doc: StudyDocument, topic: Topic): string {
    const env: RenderEnv = { doc, topic, conceptLines: new Map(), references: { ...doc.references }, related: [], questions: 0 };
    return this.md.render(markdown, env);
  }
  /**
   * Markdown on a card of `topicId` (its question, answer, a key point), rendered with that
   * topic's links and terms; the document's first topic for an id it does not have.
   */
  fragmentsOf(doc: StudyDocument, topicId: string): (markdown: string) => string {
    const node = doc.get(topicId);
    const topic = node?.kind === 'topic' ? node : doc.topics[0];
    // A document without topics has no cards, so `topic` is set whenever a card is drawn.
    return markdown => topic ? this.renderFragment(markdown, doc, topic) : '';
  }

}

function renderEnv(doc: StudyDocument, topic: Topic): RenderEnv {
  const conceptLines: RenderEnv['conceptLines'] = new Map();
  const visit = (cs: Topic['concepts']) => cs.forEach(c => {
    conceptLines.set(c.range.start - topic.bodyStartLine, { id: c.id, term: c.term });
    visit(c.children);
  });
  visit(topic.concepts);
  // A copy: definitions are collected from the whole file, and rendering may add to them.
  return { doc, topic, conceptLines, references: { ...doc.references }, related: [], questions: 0 };
}

/** The topic renderer's markdown-it: raw HTML off, links rewritten, terms emphasised, questions collapsed. */
function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, highlight: highlightCode });
  md.core.ruler.before('inline', 'django_prep_key_points', state => tidyKeyPoints(state.tokens));
  md.core.ruler.push('django_prep_links', state => rewriteLinks(state.tokens, state.env as RenderEnv, state.Token));
  md.core.ruler.push('django_prep_terms', state => emphasiseTerms(state.tokens, state.env as RenderEnv, state.Token));
  md.core.ruler.push('django_prep_related', state => liftRelated(state.tokens, state.env as RenderEnv));
  md.core.ruler.push('django_prep_questions', state => collapseQuestions(state.tokens, state.env as RenderEnv, state.Token));
  md.renderer.rules.qa_open = () => '<details class="qa"><summary>';
  md.renderer.rules.qa_summary_close = () => '</summary>\n<div class="qa-answer">\n';
  md.renderer.rules.qa_close = () => '</div>\n</details>\n';
  md.renderer.rules.qa_toggle = () => '<button type="button" class="qa-toggle" aria-expanded="false">Show all answers</button>\n';
  md.renderer.rules.list_item_open = (tokens, idx, options, env: RenderEnv, self) => {
    const map = tokens[idx].map;
    const concept = map ? env.conceptLines.get(map[0]) : undefined;
    if (concept) { tokens[idx].attrSet('data-concept', concept.id); }
    return self.renderToken(tokens, idx, options);
  };
  // markdown-it aligns table cells with style="", which a strict CSP would block: use classes.
  for (const rule of ['th_open', 'td_open'] as const) {
    md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
      const style = tokens[idx].attrGet('style');
      const align = style && /text-align:(left|right|center)/.exec(style);
      if (style) { tokens[idx].attrs = (tokens[idx].attrs ?? []).filter(([name]) => name !== 'style'); }
      if (align) { tokens[idx].attrJoin('class', `align-${align[1]}`); }
      return self.renderToken(tokens, idx, options);
    };
  }
  return md;
}

function highlightCode(code: string, lang: string): string {
  const name = lang.toLowerCase().split(/\s+/)[0];
  const language = name === 'py' ? 'python' : name === 'sh' || name === 'console' ? 'bash' : name === 'yml' ? 'yaml' : name;
  if (!language || !hljs.getLanguage(language)) { return ''; }
  try {
    return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  } catch {
    return '';
  }
}

/**
 * Keeps http(s)/mailto links and links to topics of this document; drops every other link,
 * leaving its text. Images are kept only from https.
 */
function rewriteLinks(blockTokens: Token[], env: RenderEnv, TokenClass: MarkdownIt.StateCore['Token']): void {
  for (const block of blockTokens) {
    if (block.type !== 'inline' || !block.children) { continue; }
    const out: Token[] = [];
    const dropped: boolean[] = [];
    for (const t of block.children) {
      if (t.type === 'link_open') {
        const keep = rewriteLink(t, env);
        dropped.push(!keep);
        if (keep) { out.push(t); }
      } else if (t.type === 'link_close') {
        if (!dropped.pop()) { out.push(t); }
      } else if (t.type === 'image') {
        const src = t.attrGet('src') ?? '';
        if (/^https:\/\//i.test(src)) {
          out.push(t);
        } else {
          const text = new TokenClass('text', '', 0);
          text.content = t.content;
          out.push(text);
        }
      } else {
        out.push(t);
      }
    }
    block.children = out;
  }
}

/** Sets the `Term` of a `- Term: description` bullet in bold, unless it is marked up already. */
function emphasiseTerms(tokens: Token[], env: RenderEnv, TokenClass: MarkdownIt.StateCore['Token']): void {
  for (let i = 0; i < tokens.length; i++) {
    const map = tokens[i].map;
    const term = tokens[i].type === 'list_item_open' && map ? env.conceptLines.get(map[0])?.term : undefined;
    const inline = tokens[i + 2];
    const first = inline?.type === 'inline' ? inline.children?.[0] : undefined;
    if (!term || !first || first.type !== 'text' || !first.content.startsWith(term + ':')) { continue; }
    const make = (type: string, tag: string, nesting: -1 | 0 | 1, content = '') => {
      const t = new TokenClass(type, tag, nesting);
      t.content = content;
      return t;
    };
    first.content = first.content.slice(term.length);
    inline.children!.unshift(make('strong_open', 'strong', 1), make('text', '', 0, term), make('strong_close', 'strong', -1));
  }
}

/** A top-level paragraph that starts with this lists the topic's related topics. */
const RELATED = /^related:\s/i;

/**
 * Moves the topic links of a `Related:` paragraph into `env.related` (the page header shows
 * them) and drops the paragraph when nothing else in it would be lost.
 */
function liftRelated(tokens: Token[], env: RenderEnv): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const inline = tokens[i + 1];
    if (tokens[i].type !== 'paragraph_open' || tokens[i].level !== 0 || inline.type !== 'inline' || !RELATED.test(inline.content)) { continue; }
    const children = inline.children ?? [];
    const found: Array<{ id: string; title: string }> = [];
    let onlyLinks = true;
    for (let k = 0; k < children.length; k++) {
      const c = children[k];
      const id = c.type === 'link_open' ? c.attrGet('data-topic') : null;
      if (id) {
        const node = env.doc.get(id);
        const title = node?.kind === 'topic' ? node.title : id;
        if (!found.some(r => r.id === id)) { found.push({ id, title }); }
        while (k < children.length && children[k].type !== 'link_close') { k++; }
      } else if (c.type === 'link_open' || (c.type === 'text' && !/^(related:)?[\s,;.]*(and)?[\s,;.]*$/i.test(c.content))) {
        onlyLinks = false;
      }
    }
    env.related.push(...found.filter(r => !env.related.some(e => e.id === r.id)));
    if (found.length && onlyLinks) {
      tokens.splice(i, 3);
      i--;
    }
  }
}

/**
 * Under an "Interview questions" heading, each sub-heading is a question and the blocks up to
 * the next heading its answer: rendered as `<details>`, so a reader can answer before looking.
 */
function collapseQuestions(tokens: Token[], env: RenderEnv, TokenClass: MarkdownIt.StateCore['Token']): void {
  const out: Token[] = [];
  let sectionLevel = 0;   // level of the "Interview questions" heading, 0 outside one
  let questionLevel = 0;  // level of the questions under it, once the first is seen
  let open = false;
  const close = () => {
    if (open) { out.push(new TokenClass('qa_close', '', -1)); open = false; }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open' || t.level !== 0) { out.push(t); continue; }
    const level = Number(t.tag.slice(1));
    if (sectionLevel && level <= sectionLevel) { close(); sectionLevel = 0; questionLevel = 0; }
    if (sectionLevel && level > sectionLevel && (!questionLevel || level <= questionLevel)) {
      close();
      questionLevel = level;
      const opening = new TokenClass('qa_open', '', 1);
      opening.map = t.map;
      out.push(opening, tokens[i + 1], new TokenClass('qa_summary_close', '', 0));
      i += 2; // the heading's inline and close tokens are replaced
      open = true;
      env.questions++;
      continue;
    }
    out.push(t);
    if (!sectionLevel && QUESTIONS_HEADING.test(tokens[i + 1]?.content.trim() ?? '')) {
      sectionLevel = level;
      out.push(tokens[i + 1], tokens[i + 2], new TokenClass('qa_toggle', '', 0));
      i += 2;
    }
  }
  close();
  tokens.splice(0, tokens.length, ...out);
}

function rewriteLink(t: Token, env: RenderEnv): boolean {
  const href = t.attrGet('href') ?? '';
  if (isExternalHref(href)) {
    t.attrSet('class', 'external');
    t.attrSet('title', t.attrGet('title') || href);
    return true;
  }
  if (href.startsWith('#')) {
    const target = resolveLink(env.doc, href.slice(1));
    if (!target) { return false; }
    const topicId = target.kind === 'topic' ? target.id : target.topic.id;
    t.attrs = [['href', '#'], ['data-topic', topicId], ['class', 'topic-link']];
    if (target.kind === 'concept') { t.attrSet('data-concept', target.id); }
    return true;
  }
  return false;
}

const WORDS_PER_MINUTE = 200;

/** What the webview needs to show one topic. */
export function toTopicView(renderer: TopicRenderer, doc: StudyDocument, topic: Topic, documentTitle: string): TopicView {
  return viewOf(renderer.render(doc, topic), doc, topic, documentTitle);
}

/** `toTopicView`, rendered in slices (what the panel does: a huge topic must not freeze the editor). */
export async function toTopicViewInSlices(renderer: TopicRenderer, doc: StudyDocument, topic: Topic, documentTitle: string, cancelled?: () => boolean): Promise<TopicView> {
  return viewOf(await renderer.renderInSlices(doc, topic, 20, cancelled), doc, topic, documentTitle);
}

function viewOf({ html, words, related, questions }: RenderedTopic, doc: StudyDocument, topic: Topic, documentTitle: string): TopicView {
  const previous = doc.topics[topic.index - 1];
  const next = doc.topics[topic.index + 1];
  return {
    id: topic.id,
    title: topic.title,
    crumb: topic.section?.title ?? doc.title ?? documentTitle,
    html,
    minutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)),
    related,
    questions,
    previous: previous && { id: previous.id, title: previous.title },
    next: next && { id: next.id, title: next.title },
  };
}

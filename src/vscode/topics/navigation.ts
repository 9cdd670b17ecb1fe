// "Go to Topic..." over topics and concepts, and "Search Topics..." over the full text.
import * as vscode from 'vscode';
import type { Concept, StudyDocument } from '../../core/document/document';
import type { TopicSearch } from '../../core/document/search';
import { Cancelled } from '../../core/util/slices';
import type { DocumentStore } from '../documentStore';
import { PickItem, showPick, TrackedBox, trackBox } from '../quickInput';

interface Target { readonly topic: string; readonly concept?: string }

interface SearchIndex { readonly doc: StudyDocument; readonly search: Promise<TopicSearch>; built?: TopicSearch; superseded?: boolean }

export function registerNavigationCommands(store: DocumentStore): vscode.Disposable[] {
  // One index, for the document on screen; built when a search first needs it.
  let index: SearchIndex | undefined;
  const searchFor = (doc: StudyDocument): SearchIndex => {
    if (index?.doc !== doc) {
      const entry: SearchIndex = { doc, search: import('../../core/document/search').then(m => m.TopicSearch.build(doc, undefined, () => entry.superseded === true)) };
      entry.search.then(s => { entry.built = s; }, () => { if (index === entry) { index = undefined; } }); // a failed build is tried again next time
      index = entry;
    }
    return index;
  };
  // An edit or another document makes an unfinished index useless: stop building it.
  const dropStale = store.onDidChange(() => {
    if (index && !index.built && index.doc !== store.peek()) { index.superseded = true; index = undefined; }
  });
  const open = (t: Target) => vscode.commands.executeCommand('djangoPrep.openTopic', t.concept ?? t.topic);
  return [
    dropStale,
    vscode.commands.registerCommand('djangoPrep.goToTopic', async () => {
      const doc = await store.get();
      if (!doc?.topics.length) { void vscode.window.showInformationMessage(`Django Prep: ${store.label} has no topics to go to.`); return undefined; }
      const picked = await showPick<Target>(goToItems(doc), {
        title: `Go to Topic in ${store.label}`, placeholder: 'Type a topic or a term', matchOnDescription: true, matchOnDetail: true,
      });
      return picked?.value ? open(picked.value) : undefined;
    }),
    vscode.commands.registerCommand('djangoPrep.searchTopics', async (initial?: string) => {
      const doc = await store.get();
      if (!doc?.topics.length) { void vscode.window.showInformationMessage(`Django Prep: ${store.label} has no topics to search.`); return undefined; }
      return new Promise<unknown>(resolve => {
        const qp = vscode.window.createQuickPick<PickItem<Target>>();
        qp.title = `Search ${store.label}`;
        const placeholder = 'Search the explanations: words, names, code (the start of a word is enough; a typo finds similar titles)';
        qp.matchOnDescription = false;
        // The box opens at once; a large document is indexed meanwhile (once), typing kept.
        let entry: SearchIndex | undefined = searchFor(doc);
        let search = entry.built;
        let hidden = false;
        const shown: { box?: TrackedBox } = {};
        /** Enter pressed while indexing: the first hit opens once the index is ready. */
        let acceptWhenReady = false;
        // With hits but no active row, Enter came before the box showed hits it had just been
        // given (the index finished as Enter was pressed): that Enter meant the first hit.
        const accept = () => { const v = (qp.activeItems[0] ?? qp.items[0])?.value; qp.hide(); resolve(v ? open(v) : undefined); };
        const update = (value: string) => {
          if (!search) { return; }
          const hits = search.search(value);
          qp.items = hits.map(h => ({ label: `$(book) ${h.title}`, description: h.section, detail: h.snippet, alwaysShow: true, value: { topic: h.topicId, concept: h.conceptId } }));
          shown.box?.rowsChanged();
          const count = `${hits.length} ${hits.length === 1 ? 'topic' : 'topics'}`;
          qp.title = !value.trim() ? `Search ${store.label}`
            : hits[0]?.approximate ? `Search ${store.label}: no exact match, ${count} with similar titles or terms`
            : `Search ${store.label}: ${count}`;
        };
        const ready = (s: TopicSearch) => {
          search = s;
          qp.busy = false;
          qp.placeholder = placeholder;
          update(qp.value);
          if (acceptWhenReady) { accept(); }
        };
        // Until an index is ready the box is busy; results of the previous index stay meanwhile.
        const whenIndexed = (awaited: SearchIndex) => {
          qp.busy = true;
          if (!search) { qp.placeholder = `Indexing ${awaited.doc.topics.length.toLocaleString('en')} topics...`; }
          awaited.search.then(s => {
            if (!hidden && entry === awaited) { ready(s); }
          }, (e: unknown) => {
            if (hidden || entry !== awaited || e instanceof Cancelled) { return; }
            qp.hide();
            void vscode.window.showErrorMessage(`Django Prep: could not index ${store.label} for search: ${e instanceof Error ? e.message : String(e)}`);
          });
        };
        // The box follows the document: an edit or another document is searched once indexed.
        const follow = store.onDidChange(() => {
          const next = store.peek();
          if (next === entry?.doc) { return; }
          if (!next?.topics.length) {
            // Nothing to search until the document has topics again (the next change brings them).
            entry = search = undefined;
            qp.busy = false;
            qp.items = [];
            qp.title = `Search ${store.label}`;
            qp.placeholder = `${store.label} has no topics to search now`;
            return;
          }
          entry = searchFor(next);
          if (entry.built) { ready(entry.built); } else { whenIndexed(entry); }
        });
        qp.onDidChangeValue(update);
        qp.onDidAccept(() => { if (qp.busy && !qp.activeItems.length) { acceptWhenReady = true; } else { accept(); } });
        qp.onDidHide(() => { hidden = true; follow.dispose(); shown.box?.untrack(); qp.dispose(); resolve(undefined); });
        qp.placeholder = placeholder;
        if (!search) { whenIndexed(entry); }
        if (typeof initial === 'string') { qp.value = initial; update(initial); }
        qp.show();
        shown.box = trackBox(qp);
      });
    }),
  ];
}

function goToItems(doc: StudyDocument): Array<PickItem<Target> | vscode.QuickPickItem> {
  const items: Array<PickItem<Target> | vscode.QuickPickItem> = [];
  const concept = (c: Concept, depth: number) => {
    items.push({ label: `${'  '.repeat(depth)}$(symbol-key) ${c.term ?? c.label}`, description: c.topic.title, detail: c.term ? c.description : undefined, value: { topic: c.topic.id, concept: c.id } });
    c.children.forEach(k => concept(k, depth + 1));
  };
  let section: string | undefined;
  for (const t of doc.topics) {
    const group = t.section?.title ?? doc.title ?? 'Topics';
    if (group !== section) { items.push({ label: group, kind: vscode.QuickPickItemKind.Separator }); section = group; }
    items.push({ label: `$(book) ${t.title}`, description: t.section?.title, detail: firstLine(t.body), value: { topic: t.id } });
    t.concepts.forEach(c => concept(c, 1));
  }
  return items;
}

/** The first line of prose of a topic: what a reader sees first. */
function firstLine(body: string): string | undefined {
  for (const line of body.split('\n')) {
    const l = line.trim();
    if (l && !/^([-*_]\s*){3,}$/.test(l) && !l.startsWith('>') && !l.startsWith('#') && !l.startsWith('```')) {
      const text = l.replace(/^[-*+]\s+/, '').replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
      return text.length > 160 ? `${text.slice(0, 159)}…` : text;
    }
  }
  return undefined;
}

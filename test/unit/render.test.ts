import * as assert from 'assert';
import { parseDocument } from '../../src/core/document/document';
import { toTopicView, TopicRenderer } from '../../src/core/document/render';

const renderer = new TopicRenderer();
const render = (md: string, topic = 0) => {
  const doc = parseDocument(md);
  return renderer.render(doc, doc.topics[topic]).html;
};

describe('TopicRenderer', () => {
  it('highlights fenced python and escapes the rest', () => {
    const html = render('## S\n```python\ndef f():\n    return "<b>"\n```\n');
    assert.match(html, /<pre><code class="language-python"><span class="hljs-keyword">def<\/span>/);
    assert.match(html, /&lt;b&gt;/);
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = render('## S\n<script>window.pwned=1</script>\n\n<img src=x onerror="alert(1)">\n\n<iframe src="https://e.com"></iframe>\n');
    assert.doesNotMatch(html, /<script|<img|<iframe/i);
    assert.match(html, /&lt;script&gt;/);
  });

  it('drops links with schemes other than http(s) and mailto, keeping their text', () => {
    const html = render('## S\n[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,<b>) [d](file:///etc/passwd) [e](command:workbench.action.quit) [f](https://ok.example/x) [g](mailto:me@example.com)\n');
    for (const bad of ['javascript:', 'vbscript:', 'data:', 'file:', 'command:']) {
      assert.doesNotMatch(html, new RegExp(`href="${bad}`), bad);
    }
    assert.match(html, /<a href="https:\/\/ok.example\/x" class="external" title="https:\/\/ok.example\/x">f<\/a>/);
    assert.match(html, /<a href="mailto:me@example.com"/);
    assert.match(html, /\be\b/);
  });

  it('turns links to other topics into topic links and drops unknown fragments', () => {
    const html = render('## A\nSee [B](#b), [its term](#b#t) and [nothing](#nope).\n## B\n- T: term\n');
    assert.match(html, /<a href="#" data-topic="b" class="topic-link">B<\/a>/);
    assert.match(html, /data-topic="b" class="topic-link" data-concept="b#t"/);
    assert.doesNotMatch(html, /nope/);
    assert.match(html, /nothing/);
  });

  it('escapes quotes in link titles', () => {
    const html = render('## S\n[x](https://e.com "a\\" onmouseover=\\"alert(1)")\n');
    assert.doesNotMatch(html, /" onmouseover="/);
  });

  it('marks concept bullets so the webview can scroll to them', () => {
    const doc = parseDocument('## S\nintro\n\n- A: 1\n  - B: 2\n- C: 3\n');
    const html = renderer.render(doc, doc.topics[0]).html;
    assert.deepStrictEqual([...html.matchAll(/data-concept="([^"]+)"/g)].map(m => m[1]), ['s#a', 's#b', 's#c']);
  });

  it('keeps only https images and never emits style attributes', () => {
    const html = render('## S\n![ok](https://e.com/a.png) ![bad](http://e.com/b.png)\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n');
    assert.match(html, /<img src="https:\/\/e.com\/a.png" alt="ok">/);
    assert.doesNotMatch(html, /b.png/);
    assert.doesNotMatch(html, /style=/);
    assert.match(html, /class="align-right"/);
  });

  it('builds the view with neighbours, crumb and reading time', () => {
    const doc = parseDocument('# Guide\n## S\n### One\n' + 'word '.repeat(450) + '\n### Two\n## Alone\n');
    const view = toTopicView(renderer, doc, doc.topics[1], 'file.md');
    assert.deepStrictEqual([view.crumb, view.previous?.id, view.next?.id], ['S', 's/one', 'alone']);
    assert.strictEqual(toTopicView(renderer, doc, doc.topics[0], 'file.md').minutes, 3);
    assert.strictEqual(toTopicView(renderer, doc, doc.topics[2], 'file.md').crumb, 'Guide');
  });
});

describe('TopicRenderer terms', () => {
  it('sets the term of a concept bullet in bold and leaves other bullets alone', () => {
    const html = render('## S\n- Tuple: immutable\n- plain bullet: not a concept? it is\n- **Set**: already bold\n\nNot a list: x\n');
    assert.match(html, /<li data-concept="s#tuple"><strong>Tuple<\/strong>: immutable<\/li>/);
    assert.match(html, /<li data-concept="s#set"><strong>Set<\/strong>: already bold<\/li>/);
    assert.match(html, /<p>Not a list: x<\/p>/);
  });
});

describe('TopicRenderer references', () => {
  it('resolves reference-style links defined anywhere in the file, through the same allowlist', () => {
    const doc = parseDocument('## A\nSee [the docs][d], [bad][j] and [Other][].\n## B\n\n[d]: https://docs.djangoproject.com/ "Docs"\n[Other]: #b\n\n[j]: javascript:alert(1)\n');
    const html = renderer.render(doc, doc.topics[0]).html;
    assert.match(html, /<a href="https:\/\/docs.djangoproject.com\/" title="Docs" class="external">the docs<\/a>/);
    assert.match(html, /data-topic="b"/);
    assert.doesNotMatch(html, /javascript/);
  });
});

describe('TopicRenderer questions and related topics', () => {
  const md = [
    '## S', '### A', 'Intro.', '#### Interview questions', '##### Why *this*?', 'Because.', '', '```python', 'x = 1', '```',
    '###### A detail heading', 'still the answer', '##### And that?', '- a list answer', '#### See also',
    'Related: [B](#s/b), [B again](#s/b) and [C](#s/c)', '', 'Docs: [Site](https://e.com)', '### B', '### C', 'Related: [A](#s/a) and some words',
  ].join('\n');
  const doc = parseDocument(md);

  it('renders each question under "Interview questions" as a collapsed details block with its whole answer', () => {
    const out = renderer.render(doc, doc.topics[0]);
    assert.strictEqual(out.questions, 2);
    const details = [...out.html.matchAll(/<details class="qa"><summary>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/g)];
    assert.deepStrictEqual(details.map(d => d[1]), ['Why <em>this</em>?', 'And that?']);
    assert.match(details[0][2], /Because\.[\s\S]*language-python[\s\S]*A detail heading[\s\S]*still the answer/);
    assert.match(details[1][2], /<li>a list answer<\/li>/);
    assert.match(out.html, /<\/details>\s*<h4>See also<\/h4>/, 'the next section closes the last answer');
    assert.match(out.html, /<h4>Interview questions<\/h4>\s*<button type="button" class="qa-toggle"/);
  });

  it('lifts a Related line made of topic links into the view and keeps a line with other words', () => {
    const a = toTopicView(renderer, doc, doc.topics[0], 'f.md');
    assert.deepStrictEqual(a.related, [{ id: 's/b', title: 'B' }, { id: 's/c', title: 'C' }]);
    assert.doesNotMatch(a.html, /Related:/);
    assert.match(a.html, /Docs:/);
    const c = toTopicView(renderer, doc, doc.topics[2], 'f.md');
    assert.deepStrictEqual(c.related, [{ id: 's/a', title: 'A' }]);
    assert.match(c.html, /Related: <a href="#" data-topic="s\/a"/);
  });

  it('shows a Key points list as the points alone: the (also: ...) words are the grader\'s', async () => {
    const kp = parseDocument([
      '## S', '### A', '#### Interview questions', '##### Why?', 'Because of `x`.', '', '**Key points:**', '',
      '- Uses a JOIN (also: `select_related` join, single query)', '- One query (or: same query)', '- Plain point, (also) in prose',
      '', 'Not a label:', '', '- keeps (also: this)',
    ].join('\n'));
    const out = renderer.render(kp, kp.topics[0]);
    assert.match(out.html, /<p class="key-points-label"><strong>Key points:<\/strong><\/p>\s*<ul class="key-points">\s*<li>Uses a JOIN<\/li>\s*<li>One query<\/li>\s*<li>Plain point, \(also\) in prose<\/li>/);
    assert.match(out.html, /<li>keeps \(also: this\)<\/li>/, 'a list after any other paragraph is left as written');
    assert.deepStrictEqual(await renderer.renderInSlices(kp, kp.topics[0]), out, 'the sliced render agrees');
  });

  it('leaves topics without a questions heading alone', () => {
    const out = renderer.render(doc, doc.topics[1]);
    assert.strictEqual(out.questions, 0);
    assert.doesNotMatch(out.html, /<details|qa-toggle/);
  });
});

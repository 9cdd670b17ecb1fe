// Generated study documents for the benchmark: realistic mix of sections, topics, concept
// bullets, prose with inline markup, code fences and tables, deterministic for a given size.
import { seededRandom as rng } from '../../src/core/util/draws';

const WORDS = ['django', 'queryset', 'select_related', 'prefetch', 'middleware', 'request', 'response', 'signal', 'transaction',
  'atomic', 'cache', 'redis', 'celery', 'worker', 'broker', 'serializer', 'viewset', 'router', 'permission', 'token', 'index',
  'postgres', 'isolation', 'generator', 'decorator', 'metaclass', 'closure', 'iterator', 'context', 'manager', 'docker',
  'nginx', 'gunicorn', 'deploy', 'scaling', 'latency', 'throughput', 'migration', 'model', 'field', 'lookup', 'join'];

function sentence(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = WORDS[Math.floor(r() * WORDS.length)];
    const k = r();
    out.push(k < 0.06 ? `\`${w}()\`` : k < 0.1 ? `**${w}**` : k < 0.12 ? `[${w}](https://docs.djangoproject.com/en/stable/${w}/)` : w);
  }
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function topic(r: () => number, section: number, index: number): string {
  const lines = [`### Topic ${section}.${index}: ${WORDS[index % WORDS.length]} and ${WORDS[(index * 7) % WORDS.length]}`, ''];
  lines.push(sentence(r, 18 + Math.floor(r() * 20)), '');
  const bullets = 3 + Math.floor(r() * 4);
  for (let b = 0; b < bullets; b++) {
    lines.push(`- Term ${b} ${WORDS[(index + b) % WORDS.length]}: ${sentence(r, 8 + Math.floor(r() * 10))}`);
    if (r() < 0.3) { lines.push(`  - Detail ${b}: ${sentence(r, 6)}`); }
  }
  lines.push('', '#### Example', '', '```python', `def f${index}(qs):`, `    return qs.filter(id__gt=${index}).select_related("author")`, '```', '');
  if (r() < 0.2) { lines.push('| a | b |', '|---|---|', `| ${index} | ${section} |`, ''); }
  lines.push(sentence(r, 25 + Math.floor(r() * 30)), '', '#### Interview questions', '', `##### Why ${WORDS[index % WORDS.length]}?`, '', sentence(r, 20), '');
  return lines.join('\n');
}

/** A document of about `bytes` bytes (at least one topic), with 25 topics a section. */
export function generateDocument(bytes: number, seed = 1): { text: string; topics: number } {
  const r = rng(seed);
  const parts: string[] = ['# Generated study guide', ''];
  let size = 0;
  let topics = 0;
  for (let s = 1; size < bytes; s++) {
    const head = `## Section ${s}\n`;
    parts.push(head);
    size += head.length;
    for (let t = 1; t <= 25 && size < bytes; t++) {
      const text = topic(r, s, t);
      parts.push(text);
      size += text.length + 1;
      topics++;
    }
  }
  return { text: parts.join('\n'), topics };
}

/** A document with exactly `count` topics (for quiz and search timings). */
export function generateTopics(count: number, seed = 2): string {
  const r = rng(seed);
  const parts: string[] = ['# Many topics', ''];
  for (let t = 0; t < count; t++) {
    if (t % 25 === 0) { parts.push(`## Section ${t / 25 + 1}`, ''); }
    parts.push(topic(r, Math.floor(t / 25) + 1, t + 1));
  }
  return parts.join('\n');
}

/** What the grading figures grade: 6 key points on select_related and prefetch_related. */
export const GRADING_POINTS = [
  '`select_related` follows foreign keys with one SQL JOIN (also: `select_related` join, single query)',
  '`prefetch_related` runs a second query per relation (also: separate query, extra query)',
  'prefetch joins the results in Python (also: in Python, in memory)',
  'select_related works only for single-valued relations (also: ForeignKey, OneToOne)',
  'Combine them with a `Prefetch` object (also: `Prefetch`, both together)',
  'Check the query count in tests (also: `assertNumQueries`, debug toolbar)',
];

const GRADING_WORDS = ['select_related', 'join', 'query', 'queries', 'foreign', 'key', 'prefetch_related', 'python', 'memory', 'relation', 'the', 'and', 'is', 'not',
  'django', 'orm', 'loop', 'template', 'each', 'row', 'database', 'fetches', 'related', 'objects', 'many', 'to', 'one', 'Prefetch', 'count', 'tests'];

/** Seeded 300-word answers on the same subject, a sentence every 17 words. */
export function gradingAnswers(seed = 11): () => string {
  const random = rng(seed);
  return () => Array.from({ length: 300 }, (_, i) => GRADING_WORDS[Math.floor(random() * GRADING_WORDS.length)] + (i % 17 === 16 ? '.' : '')).join(' ');
}

// @ts-check
// Hostile inputs too large or too binary to keep in git, written on demand next to the
// hand-written ones in test/fixtures/hostile/.
'use strict';
const fs = require('fs');
const path = require('path');

/** Writes the generated hostile documents into `dir`; returns every hostile file (name -> path). */
function hostileDocuments(/** @type {string} */ dir, /** @type {string} */ fixtures) {
  fs.mkdirSync(dir, { recursive: true });
  const out = /** @type {Record<string, string>} */ ({});
  for (const f of fs.readdirSync(fixtures).sort()) { out[f] = path.join(fixtures, f); }
  const write = (/** @type {string} */ name, /** @type {string | Buffer} */ data) => { fs.writeFileSync(path.join(dir, name), data); out[name] = path.join(dir, name); };
  const payload = '<script>window.__djangoPrepPwned=1</script>';
  write('long-lines.md', `## Long\n### A 2 MB line\n${'x'.repeat(1_000_000)} ${payload} ${'[a](https://e.com) `b` **c** '.repeat(35_000)}\n- ${'term '.repeat(50_000)}: ${'y'.repeat(100_000)}\n### After\nFine.\n`);
  write('headings-10000.md', Array.from({ length: 10_000 }, (_, i) => `${i % 20 === 0 ? `## Section ${i}\n` : ''}### Heading ${i} ${payload}\n- Term ${i}: text\n`).join(''));
  write('nested-2000.md', `## Deep\n### Nested lists\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- level ${i}: ${payload}`).join('\n')}\n### After\nFine.\n`);
  const bytes = Buffer.alloc(200_000);
  for (let i = 0; i < bytes.length; i++) { bytes[i] = (i * 2654435761) >>> 24; }
  write('binary.md', Buffer.concat([Buffer.from('## Binary\n### Bytes\n'), bytes, Buffer.from('\n### After\nFine.\n')]));
  write('invalid-utf8.md', Buffer.concat([Buffer.from('## UTF-8\n### Broken sequences\n'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x0a]), Buffer.from(`- Term \uFFFD: ${payload}\n### After\nFine.\n`)]));
  const topic = (/** @type {number} */ i) => `### Topic ${i}\n- Key ${i}: ${'lorem ipsum dolor '.repeat(12)}\n${'Paragraph text with `code` and [a link](https://example.com). '.repeat(25)}\n\n\`\`\`python\nprint(${i})\n\`\`\`\n`;
  const parts = [];
  let size = 0;
  for (let i = 0; size < 20 * 1024 * 1024; i++) { const t = `${i % 25 === 0 ? `## Section ${i / 25}\n` : ''}${topic(i)}`; parts.push(t); size += t.length; }
  write('big-20mb.md', parts.join(''));
  return out;
}

module.exports = { hostileDocuments };

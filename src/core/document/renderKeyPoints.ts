// A `Key points:` list on the topic page reads as the points alone: the `(also: ...)` words are
// for the grader, not the reader. Runs on the block tokens, before their inline text is parsed.
import type MarkdownIt from 'markdown-it';
import { isKeyPointsLabel, parsePoint } from './keyPoints';

type Token = MarkdownIt.Token;

export function tidyKeyPoints(tokens: Token[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if ((t.type !== 'paragraph_open' && t.type !== 'heading_open') || tokens[i + 1].type !== 'inline' || !isKeyPointsLabel(tokens[i + 1].content)) { continue; }
    const list = tokens[i + 3];
    if (!list || (list.type !== 'bullet_list_open' && list.type !== 'ordered_list_open') || list.level !== t.level) { continue; }
    t.attrJoin('class', 'key-points-label');
    list.attrJoin('class', 'key-points');
    for (let k = i + 4; k < tokens.length && !(tokens[k].level === list.level && tokens[k].nesting === -1); k++) {
      // An item's own text: the inline token of its first paragraph (tight lists hide that paragraph).
      const item = tokens[k];
      if (item.type === 'inline' && item.level === list.level + 3) { item.content = parsePoint(item.content).text; }
    }
  }
}

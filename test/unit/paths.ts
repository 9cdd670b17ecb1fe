import * as fs from 'fs';
import * as path from 'path';

/** The repository root, found from wherever the compiled test runs. */
export const root = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) { dir = path.dirname(dir); }
  return dir;
})();

export const fixture = (name: string): string => path.join(root, 'test', 'fixtures', name);

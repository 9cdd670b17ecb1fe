// How a setting names a file or folder: a URI, an absolute path, or a path relative to the
// first workspace folder. One reading for every such setting (documents, templates, practice).

export type SettingPath =
  | { readonly kind: 'uri'; readonly uri: string }
  | { readonly kind: 'absolute'; readonly path: string }
  | { readonly kind: 'relative'; readonly path: string };

/** What a setting's value names; undefined when it is blank. */
export function settingPath(value: string): SettingPath | undefined {
  const v = value.trim();
  if (!v) { return undefined; }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) { return { kind: 'uri', uri: v }; }
  if (v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v)) { return { kind: 'absolute', path: v }; }
  return { kind: 'relative', path: v };
}

/** What `WorkspaceConfiguration.inspect()` gives for one setting, by where it was set. */
export interface SettingLayers<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

/**
 * The value that counts. A trusted workspace's own settings win over the user's; in an
 * untrusted one (Restricted Mode) only the user's settings and the default count, so a
 * repository cannot point a setting at a program to run or a folder to write into.
 */
export function layeredSetting<T>(layers: SettingLayers<T> | undefined, trusted: boolean, fallback: T): T {
  if (!layers) { return fallback; }
  const workspace = trusted ? layers.workspaceFolderValue ?? layers.workspaceValue : undefined;
  return workspace ?? layers.globalValue ?? layers.defaultValue ?? fallback;
}

/**
 * Whether `target` is `root` or inside it. Both are absolute, already resolved paths in one
 * style (`/` or `\`); `..` segments are never inside.
 */
export function isInside(root: string, target: string): boolean {
  const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  const norm = (p: string) => p.replace(/[\\/]+$/, '');
  const r = norm(root);
  const t = norm(target);
  if (t.split(/[\\/]/).some(s => s === '..' || s === '.')) { return false; }
  const fold = /^[A-Za-z]:/.test(r) ? (s: string) => s.toLowerCase() : (s: string) => s;
  return fold(t) === fold(r) || fold(t).startsWith(fold(r) + sep);
}

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

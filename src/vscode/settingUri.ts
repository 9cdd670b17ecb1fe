import * as vscode from 'vscode';
import { settingPath } from '../core/util/settingPath';

/**
 * A path-or-URI setting as a URI. A relative path is taken from `root` (the first workspace
 * folder by default); without one it names nothing and this gives undefined.
 */
export function settingUri(value: string, root: vscode.Uri | undefined = vscode.workspace.workspaceFolders?.[0]?.uri): vscode.Uri | undefined {
  const p = settingPath(value);
  switch (p?.kind) {
    case 'uri': return vscode.Uri.parse(p.uri);
    case 'absolute': return vscode.Uri.file(p.path);
    case 'relative': return root ? vscode.Uri.joinPath(root, p.path) : undefined;
    default: return undefined;
  }
}

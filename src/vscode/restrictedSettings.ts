// Settings that name a program to run, code to read or a folder to write into. In Restricted
// Mode a repository's own .vscode/settings.json must not choose them: only the user's (global)
// value or the default counts. They are also listed in package.json's
// capabilities.untrustedWorkspaces.restrictedConfigurations, which says the same to VS Code.
import * as vscode from 'vscode';
import { layeredSetting } from '../core/util/settingPath';

export type RestrictedSetting = 'practiceFolder' | 'templatesFolder' | 'pythonPath';

export function restrictedSetting(key: RestrictedSetting, fallback: string, scope?: vscode.Uri): string {
  const config = vscode.workspace.getConfiguration('djangoPrep', scope);
  if (vscode.workspace.isTrusted) { return config.get<string>(key, fallback); }
  const value = layeredSetting(config.inspect<unknown>(key), false, fallback);
  return typeof value === 'string' ? value : fallback;
}

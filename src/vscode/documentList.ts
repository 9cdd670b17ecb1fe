// The documents a user studies (djangoPrep.documents), switchable from the view's title bar.
// The bundled guide is always one of them; opening a document adds it to the list.
import * as vscode from 'vscode';
import type { DocumentStore } from './documentStore';
import { PickItem, trackBox } from './quickInput';
import { settingUri } from './settingUri';

const SETTING = 'documents';

function listed(): string[] {
  return vscode.workspace.getConfiguration('djangoPrep').get<string[]>(SETTING, []).filter(e => typeof e === 'string');
}

/** How a document is written into the list: relative to the workspace when inside it. */
function entryFor(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder && uri.scheme === 'file') { return vscode.workspace.asRelativePath(uri, false); }
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

export async function rememberDocument(uri: vscode.Uri): Promise<void> {
  const entries = listed();
  if (entries.some(e => settingUri(e)?.toString() === uri.toString())) { return; }
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('djangoPrep').update(SETTING, [...entries, entryFor(uri)], target);
}

async function forgetDocument(entry: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('djangoPrep');
  const inspect = config.inspect<string[]>(SETTING);
  for (const [value, target] of [[inspect?.workspaceValue, vscode.ConfigurationTarget.Workspace], [inspect?.globalValue, vscode.ConfigurationTarget.Global]] as const) {
    if (value?.includes(entry)) { await config.update(SETTING, value.filter(e => e !== entry), target); }
  }
}

export function registerDocumentList(store: DocumentStore, extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('djangoPrep.showFormatHelp', async () => {
      const help = vscode.Uri.joinPath(extensionUri, 'content', 'help', 'format.md');
      // The built-in markdown preview when it is there; the plain text otherwise.
      try { await vscode.commands.executeCommand('markdown.showPreview', help); } catch { await vscode.window.showTextDocument(help, { preview: true }); }
      return help;
    }),
    vscode.commands.registerCommand('djangoPrep.switchDocument', async () => {
      const REMOVE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: 'Remove from the list (the file stays)' };
      type Choice = { uri: vscode.Uri; entry?: string } | 'open';
      const build = (): Array<PickItem<Choice> | vscode.QuickPickItem> => {
        const active = store.uri.toString();
        const mark = (uri: vscode.Uri) => (uri.toString() === active ? '$(check) active' : undefined);
        const items: Array<PickItem<Choice> | vscode.QuickPickItem> = [
          { label: '$(book) Django Interview Prep guide', description: mark(store.bundledUri) ?? 'bundled', value: { uri: store.bundledUri } },
        ];
        for (const entry of listed()) {
          const uri = settingUri(entry);
          if (!uri) { continue; }
          items.push({ label: `$(markdown) ${uri.path.split('/').pop()}`, description: [mark(uri), entry].filter(Boolean).join(' · '), buttons: [REMOVE], value: { uri, entry } });
        }
        items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(folder-opened) Open Another Document...', value: 'open' });
        return items;
      };
      return new Promise<unknown>(resolve => {
        const qp = vscode.window.createQuickPick<PickItem<Choice>>();
        qp.title = 'Django Prep: Switch Study Document';
        qp.placeholder = 'Pick the document the tree, topics and quizzes follow';
        qp.items = build() as Array<PickItem<Choice>>;
        qp.onDidTriggerItemButton(async e => {
          const v = e.item.value;
          if (v && v !== 'open' && v.entry) { await forgetDocument(v.entry); qp.items = build() as Array<PickItem<Choice>>; }
        });
        qp.onDidAccept(() => {
          const v = qp.activeItems[0]?.value;
          qp.hide();
          if (v === 'open') { resolve(vscode.commands.executeCommand('djangoPrep.openDocument')); }
          else if (v) { resolve(vscode.commands.executeCommand(v.uri.toString() === store.bundledUri.toString() ? 'djangoPrep.openBundledGuide' : 'djangoPrep.openDocument', v.uri)); }
          else { resolve(undefined); }
        });
        qp.onDidHide(() => { tracked.untrack(); qp.dispose(); resolve(undefined); });
        qp.show();
        const tracked = trackBox(qp);
      });
    }),
  ];
}

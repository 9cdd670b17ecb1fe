// Promise wrappers over createQuickPick/createInputBox that also report title-bar buttons.
import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  readonly value?: T;
}

export type PickResult<T> =
  | { readonly kind: 'items'; readonly items: ReadonlyArray<PickItem<T>> }
  | { readonly kind: 'button'; readonly button: vscode.QuickInputButton }
  | { readonly kind: 'cancelled' }
  /** Closed by the caller through `dismiss` (the reader answered elsewhere, on the card). */
  | { readonly kind: 'dismissed' };

export interface PickOptions<T> {
  readonly title: string;
  readonly placeholder: string;
  readonly items: ReadonlyArray<PickItem<T> | vscode.QuickPickItem>;
  readonly many?: boolean;
  readonly buttons?: readonly vscode.QuickInputButton[];
  readonly active?: PickItem<T>;
  readonly matchOnDetail?: boolean;
  /** Called once the box is on screen. */
  readonly onShow?: () => void;
  /** Receives a function that closes the box with the result `dismissed`. */
  readonly dismiss?: (close: () => void) => void;
}

export function pick<T>(options: PickOptions<T>): Promise<PickResult<T>> {
  return new Promise(resolve => {
    const qp = vscode.window.createQuickPick<PickItem<T>>();
    qp.title = options.title;
    qp.placeholder = options.placeholder;
    qp.items = options.items as Array<PickItem<T>>;
    qp.canSelectMany = options.many ?? false;
    qp.matchOnDescription = true;
    qp.matchOnDetail = options.matchOnDetail ?? false;
    qp.ignoreFocusOut = true;
    qp.buttons = options.buttons ?? [];
    if (options.active) { qp.activeItems = [options.active]; }
    let settled = false;
    const finish = (r: PickResult<T>) => {
      if (settled) { return; }
      settled = true;
      resolve(r);
      qp.dispose();
    };
    qp.onDidTriggerButton(button => finish({ kind: 'button', button }));
    qp.onDidAccept(() => finish({ kind: 'items', items: qp.canSelectMany ? qp.selectedItems : qp.activeItems }));
    qp.onDidHide(() => finish({ kind: 'cancelled' }));
    options.dismiss?.(() => finish({ kind: 'dismissed' }));
    qp.show();
    options.onShow?.();
  });
}

export type InputResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'button'; readonly button: vscode.QuickInputButton }
  | { readonly kind: 'cancelled' };

export function input(options: { title: string; prompt: string; placeholder: string; buttons?: readonly vscode.QuickInputButton[]; onShow?: () => void }): Promise<InputResult> {
  return new Promise(resolve => {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.ignoreFocusOut = true;
    box.buttons = options.buttons ?? [];
    let settled = false;
    const finish = (r: InputResult) => {
      if (settled) { return; }
      settled = true;
      resolve(r);
      box.dispose();
    };
    box.onDidTriggerButton(button => finish({ kind: 'button', button }));
    box.onDidAccept(() => finish({ kind: 'text', text: box.value }));
    box.onDidHide(() => finish({ kind: 'cancelled' }));
    box.show();
    options.onShow?.();
  });
}

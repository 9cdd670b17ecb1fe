// Promise wrappers over createQuickPick/createInputBox that also report title-bar buttons, and
// say which box is on screen: tests wait for a box by its title, and for its rows to be there,
// instead of waiting a fixed time before they press Enter.
import * as vscode from 'vscode';

/** A box this extension shows: its title, and whether the workbench has drawn its rows. */
export interface OpenBox {
  readonly title: string;
  /**
   * True once the workbench reported the box's first active row back (a quick pick), or once it
   * was shown (an input box): accepting the box now takes that row.
   */
  readonly ready: boolean;
}

/** The box on screen, if it is one of ours (the last one shown, until it is hidden). */
export const openBox: { current: OpenBox | undefined } = { current: undefined };

/** A tracked box: `rowsChanged` after new rows are set on a box on screen, `untrack` when it is disposed. */
export interface TrackedBox {
  rowsChanged(): void;
  untrack(): void;
}

/**
 * Keeps `openBox` in step with `box`, once shown: its title as it is now, ready when its rows are
 * reported (input boxes have none), cleared when it goes. `onReady` runs once, the first time.
 */
export function trackBox(box: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, onReady?: () => void): TrackedBox {
  const entry = { get title() { return box.title ?? ''; }, ready: false };
  const listeners: vscode.Disposable[] = [];
  let readied = false;
  const untrack = () => {
    listeners.forEach(l => l.dispose());
    if (openBox.current === entry) { openBox.current = undefined; }
  };
  const ready = () => {
    entry.ready = true;
    if (!readied) { readied = true; onReady?.(); }
  };
  openBox.current = entry;
  listeners.push(box.onDidHide(untrack));
  const picker = 'onDidChangeActive' in box ? box : undefined;
  if (picker) { listeners.push(picker.onDidChangeActive(items => { if (items.length) { ready(); } })); }
  // New rows are reported back like the first ones (the workbench activates one of them).
  const rowsChanged = () => { if (picker?.items.length) { entry.ready = false; } else { ready(); } };
  rowsChanged();
  return { rowsChanged, untrack };
}

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
  readonly matchOnDescription?: boolean;
  /** False: the box closes when the focus leaves it (showQuickPick's default); true by default. */
  readonly ignoreFocusOut?: boolean;
  /** Called once the box is on screen with its rows (see OpenBox.ready). */
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
    qp.matchOnDescription = options.matchOnDescription ?? true;
    qp.matchOnDetail = options.matchOnDetail ?? false;
    qp.ignoreFocusOut = options.ignoreFocusOut ?? true;
    qp.buttons = options.buttons ?? [];
    if (options.active) { qp.activeItems = [options.active]; }
    let settled = false;
    const shown: { box?: TrackedBox } = {};
    const finish = (r: PickResult<T>) => {
      if (settled) { return; }
      settled = true;
      shown.box?.untrack();
      resolve(r);
      // A tick later: what the answer leads to (the next card, posted within this tick) reaches
      // the workbench first, and the box closing, with its focus change, does not hold it up.
      setTimeout(() => qp.dispose(), 0);
    };
    qp.onDidTriggerButton(button => finish({ kind: 'button', button }));
    qp.onDidAccept(() => finish({ kind: 'items', items: qp.canSelectMany ? qp.selectedItems : qp.activeItems }));
    qp.onDidHide(() => finish({ kind: 'cancelled' }));
    options.dismiss?.(() => finish({ kind: 'dismissed' }));
    qp.show();
    shown.box = trackBox(qp, options.onShow);
  });
}

/**
 * showQuickPick's behaviour (closes when the focus leaves, resolves with the row picked or
 * undefined) through `pick`, so the box is tracked like the others.
 */
export async function showPick<T>(items: ReadonlyArray<PickItem<T> | vscode.QuickPickItem>, options: { title: string; placeholder: string; matchOnDescription?: boolean; matchOnDetail?: boolean }): Promise<PickItem<T> | undefined> {
  const r = await pick<T>({ title: options.title, placeholder: options.placeholder, items, ignoreFocusOut: false, matchOnDetail: options.matchOnDetail, matchOnDescription: options.matchOnDescription ?? false });
  return r.kind === 'items' ? r.items[0] : undefined;
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
    const shown: { box?: TrackedBox } = {};
    const finish = (r: InputResult) => {
      if (settled) { return; }
      settled = true;
      shown.box?.untrack();
      resolve(r);
      box.dispose();
    };
    box.onDidTriggerButton(button => finish({ kind: 'button', button }));
    box.onDidAccept(() => finish({ kind: 'text', text: box.value }));
    box.onDidHide(() => finish({ kind: 'cancelled' }));
    box.show();
    shown.box = trackBox(box, options.onShow);
  });
}

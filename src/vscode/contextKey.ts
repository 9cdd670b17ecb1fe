import * as vscode from 'vscode';

/** A `setContext` key that only talks to the workbench when its value changes. */
export class ContextKey<T extends string | boolean | number> {
  private value: T | undefined;

  constructor(private readonly name: string) {}

  set(value: T): void {
    if (this.value === value) { return; }
    this.value = value;
    void vscode.commands.executeCommand('setContext', this.name, value);
  }
}

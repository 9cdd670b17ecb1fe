// @ts-check
// Progress dashboard: its buttons ask the extension to run one of a few allowlisted commands.
(function () {
  /** @typedef {import('../src/core/messages').DashboardCommand} DashboardCommand */

  /** @type {DashboardPageApi} */
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('button[data-command]') : null;
    const command = button?.getAttribute('data-command');
    // The extension checks the command against its allowlist; this only names it.
    if (command) { vscode.postMessage({ type: 'run', command: /** @type {DashboardCommand} */ (command) }); }
  });
}());

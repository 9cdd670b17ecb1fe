// @ts-check
// Progress dashboard: its buttons ask the extension to run one of a few allowlisted commands.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('button[data-command]') : null;
    if (button) { vscode.postMessage({ command: button.getAttribute('data-command') }); }
  });
}());

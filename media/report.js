// @ts-check
// Mock interview report: links open a topic to revisit, buttons copy the report as Markdown or
// start another session. The extension checks every request.
(function () {
  /** @type {ReportPageApi} */
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest('a[data-topic]');
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'openTopic', id: link.getAttribute('data-topic') ?? '' });
      return;
    }
    const button = target?.closest('button');
    if (button?.id === 'copy') { vscode.postMessage({ type: 'copy' }); }
    if (button?.id === 'again') { vscode.postMessage({ type: 'again' }); }
  });
}());

// @ts-check
// Cards in this document: a line number opens the document at that line. The extension checks
// every request.
(function () {
  /** @type {CardsPageApi} */
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest('a[data-line]');
    if (!link) { return; }
    event.preventDefault();
    vscode.postMessage({ type: 'openLine', line: Number(link.getAttribute('data-line')) });
  });
}());

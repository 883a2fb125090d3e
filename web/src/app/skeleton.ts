// The page's frame, shared by index.html and embed.html: toolbar, controls
// bar, the workspace (source column: editor over terminal; the bytecode
// column; the state column: stack over frames), the threads strip under them
// and the status bar. Static
// markup only; strings come from data-i18n keys, panes mount into the hosts.
const TEMPLATE = `
  <header class="toolbar">
    <span class="brand">Terrarium</span>
    <button id="run" class="button button-run" type="button" data-i18n="run" data-i18n-title="runTitle" disabled></button>
    <button id="stop" class="button button-stop" type="button" data-i18n="stop" data-i18n-title="stopTitle" disabled></button>
    <button id="share" class="button" type="button" data-i18n="share" data-i18n-title="shareTitle"></button>
    <details class="view-menu">
      <summary data-i18n="view" data-i18n-title="viewTitle"></summary>
      <div id="view-options" class="view-options"></div>
    </details>
    <span class="toolbar-spacer"></span>
    <label class="language">
      <span data-i18n="language"></span>
      <select id="language"></select>
    </label>
  </header>
  <div id="controls"></div>
  <main class="workspace">
    <div class="column column-source">
      <section class="pane" data-pane="editor">
        <h2 class="pane-title" data-i18n="editorLabel"></h2>
        <!-- Usable before Monaco arrives: the textarea is swapped out once it loads. -->
        <div id="editor" class="editor-host">
          <textarea id="source" class="editor-fallback" spellcheck="false" autocomplete="off" data-i18n-label="editorLabel"></textarea>
        </div>
      </section>
      <section class="pane" data-pane="terminal">
        <h2 class="pane-title" data-i18n="terminalLabel"></h2>
        <div id="terminal" class="terminal-host"></div>
      </section>
    </div>
    <div class="column column-bytecode">
      <section class="pane" data-pane="bytecode">
        <h2 class="pane-title" data-i18n="bytecodeLabel"></h2>
        <div id="bytecode" class="pane-body"></div>
      </section>
    </div>
    <div class="column column-state">
      <section class="pane" data-pane="stack">
        <h2 class="pane-title" data-i18n="stackLabel"></h2>
        <div id="stack" class="pane-body"></div>
      </section>
      <section class="pane" data-pane="frames">
        <h2 class="pane-title" data-i18n="framesLabel"></h2>
        <div id="frames" class="pane-body"></div>
      </section>
    </div>
  </main>
  <section class="pane pane-strip" data-pane="threads">
    <h2 class="pane-title" data-i18n="threadsLabel"></h2>
    <div id="threads" class="pane-body"></div>
  </section>
  <footer class="status-bar" role="status" aria-live="polite">
    <span id="status-message" class="status-message"></span>
    <span id="status-step" class="status-step"></span>
    <span id="status-build" class="status-build"></span>
  </footer>
`;

export function buildSkeleton(root: HTMLElement): void {
  root.classList.add('app');
  root.innerHTML = TEMPLATE;
}

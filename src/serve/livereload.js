// practice-press live reload: served as /__practice_press/livereload.js and added only
// to pages the preview server sends (never to `build` output).
//
// It listens to the server's event stream and
//  - reloads the page after a rebuild,
//  - swaps stylesheets in place after a CSS-only change,
//  - shows the build's problems over the page (the last good site stays underneath)
//    and takes them away again once the files are fixed.
// The overlay is built with DOM calls and textContent only: diagnostics quote the
// user's files, which must never be read as HTML. Styles are set through the CSSOM,
// which the site's Content-Security-Policy (style-src 'self') allows.
(function () {
  'use strict';
  var EVENTS = '/__practice_press/events';
  var OVERLAY_ID = 'practice-press-overlay';
  var firstBuild = null;
  var lastFocus = null;
  var dismissed = null;

  function connect() {
    if (!window.EventSource) return;
    var source = new EventSource(EVENTS);
    source.addEventListener('hello', function (e) {
      var hello = JSON.parse(e.data);
      // A tab that missed a rebuild (server restarted, laptop asleep) catches up.
      if (firstBuild !== null && hello.build !== firstBuild) location.reload();
      firstBuild = hello.build;
    });
    source.addEventListener('reload', function () {
      location.reload();
    });
    // Only the search page uses the index; it reloads (keeping the query, which lives
    // in the address) so a save shows in search as soon as it is indexed.
    source.addEventListener('search', function () {
      if (document.getElementById('pp-search')) location.reload();
    });
    source.addEventListener('css', function (e) {
      firstBuild = JSON.parse(e.data).build;
      refreshStylesheets();
    });
    source.addEventListener('problems', function (e) {
      showProblems(JSON.parse(e.data));
    });
    source.addEventListener('ok', function (e) {
      firstBuild = JSON.parse(e.data).build;
      removeOverlay();
    });
  }

  function refreshStylesheets() {
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      url.searchParams.set('practice-press-reload', String(Date.now()));
      // The new sheet loads beside the old one, so the page never flashes unstyled.
      var fresh = link.cloneNode(false);
      fresh.href = url.pathname + url.search;
      fresh.addEventListener('load', function () { link.remove(); });
      fresh.addEventListener('error', function () { fresh.remove(); });
      link.after(fresh);
    });
  }

  function el(tag, style, text) {
    var node = document.createElement(tag);
    if (style) Object.assign(node.style, style);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function place(d) {
    var where = d.file;
    if (d.line > 0) where += ':' + d.line + ':' + d.column;
    return where;
  }

  function showProblems(report) {
    var key = JSON.stringify(report.diagnostics);
    if (dismissed === key) return;
    removeOverlay();
    var errors = report.diagnostics.filter(function (d) { return d.severity === 'error'; }).length;

    var backdrop = el('div', {
      position: 'fixed', inset: '0', zIndex: '2147483647', background: 'rgba(11, 12, 12, 0.6)',
      overflow: 'auto', padding: '2rem 1rem', boxSizing: 'border-box',
    });
    backdrop.id = OVERLAY_ID;
    var box = el('div', {
      maxWidth: '50rem', margin: '0 auto', background: '#ffffff', color: '#0b0c0c',
      borderTop: '8px solid #d4351c', padding: '1.5rem', fontFamily: 'system-ui, sans-serif',
      fontSize: '1rem', lineHeight: '1.5', boxShadow: '0 4px 24px rgba(0, 0, 0, 0.4)',
    });
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-labelledby', OVERLAY_ID + '-title');
    box.setAttribute('aria-describedby', OVERLAY_ID + '-summary');

    var title = el('h2', { margin: '0 0 0.5rem', fontSize: '1.5rem', color: '#0b0c0c' },
      errors === 1 ? 'The site has a problem' : 'The site has ' + errors + ' problems');
    title.id = OVERLAY_ID + '-title';
    var summary = el('p', { margin: '0 0 1rem' },
      'You are looking at the last version that worked. Fix the file and save it: this message goes away by itself.');
    summary.id = OVERLAY_ID + '-summary';
    box.appendChild(title);
    box.appendChild(summary);

    // First in the box, so focusing it keeps the heading in view.
    var close = el('button', {
      margin: '0 0 1rem', padding: '0.5rem 1rem', font: 'inherit', color: '#ffffff',
      background: '#0b0c0c', border: '2px solid #0b0c0c', cursor: 'pointer',
    }, 'Close');
    close.type = 'button';
    close.addEventListener('focus', function () { close.style.outline = '3px solid #ffdd00'; });
    close.addEventListener('blur', function () { close.style.outline = ''; });
    close.addEventListener('click', function () {
      dismissed = key;
      removeOverlay();
    });
    box.appendChild(close);
    var list = el('ol', { margin: '0', padding: '0', listStyle: 'none' });
    report.diagnostics.forEach(function (d) {
      var item = el('li', {
        borderLeft: '4px solid ' + (d.severity === 'error' ? '#d4351c' : '#505a5f'),
        padding: '0.5rem 0.75rem', margin: '0 0 0.75rem', background: '#f3f2f1',
      });
      item.appendChild(el('p', { margin: '0', fontFamily: 'ui-monospace, monospace', fontWeight: '700' },
        place(d)));
      item.appendChild(el('p', { margin: '0.25rem 0 0' },
        d.severity + ' ' + d.code + ': ' + d.message));
      if (d.hint) item.appendChild(el('p', { margin: '0.25rem 0 0', color: '#383f43' }, 'Hint: ' + d.hint));
      list.appendChild(item);
    });
    box.appendChild(list);

    backdrop.appendChild(box);
    backdrop.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') close.click();
      if (e.key === 'Tab') { e.preventDefault(); close.focus(); }
    });

    lastFocus = document.activeElement;
    document.body.appendChild(backdrop);
    close.focus();
  }

  function removeOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (!old) return;
    old.remove();
    if (lastFocus && lastFocus.focus) lastFocus.focus();
    lastFocus = null;
  }

  connect();
})();

/**
 * The style and the script of errcat's HTML pages, inlined into each page (the page loads nothing;
 * its Content-Security-Policy allows exactly these two by hash). The script only reads text
 * (`textContent`) and toggles `hidden`: it never turns text into markup.
 */

export const STYLE = `
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #fff; --muted: #555; --line: #d0d0d0; --head: #f3f3f3;
  --error: #b00020; --warning: #8a5a00; --info: #1d5fa8; --breaking: #b00020;
  --mark-word: #ffd86b; --mark-punct: #cfe3ff; --mark-old: #ffc9c9; --mark-new: #c3f0c8; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --bg: #161616; --muted: #b0b0b0; --line: #444; --head: #242424;
    --error: #ff8a8a; --warning: #ffc66b; --info: #8cbcff; --breaking: #ff8a8a;
    --mark-word: #7a5c00; --mark-punct: #1f4470; --mark-old: #6b2323; --mark-new: #1f5527; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; padding: 1rem 1.5rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
a { color: var(--info); }
.sources, .summary { margin: .25rem 0; color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0; padding: 0; list-style: none; }
.counts a { display: inline-block; padding: .1rem .5rem; border: 1px solid var(--line); border-radius: 1rem; text-decoration: none; color: var(--fg); }
.counts a:hover, .counts a:focus { border-color: var(--info); }
form { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: end; margin: 1rem 0 .5rem; padding: .75rem; background: var(--head); border: 1px solid var(--line); border-radius: 6px; }
form label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .2rem; }
form input, form select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .3rem .5rem; min-width: 12rem; }
form input:focus, form select:focus { outline: 2px solid var(--info); outline-offset: 1px; }
kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 .3rem; font-size: .85em; }
#shown { margin: .25rem 0 .75rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { position: sticky; top: 0; background: var(--head); z-index: 1; }
tbody th { font-weight: 600; white-space: nowrap; }
.texts { margin: 0; display: grid; grid-template-columns: fit-content(8rem) 1fr; gap: .1rem .5rem; }
.texts dt { overflow-wrap: anywhere; }
.texts dt { color: var(--muted); font-size: .8rem; padding-top: .1rem; }
.texts dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
.texts dd.message { font-weight: 600; }
.loc { display: block; margin-top: .25rem; color: var(--muted); font-size: .8rem; }
.absent { color: var(--muted); font-style: italic; }
.variant { display: block; color: var(--muted); font-weight: normal; font-size: .8rem; }
.findings { margin: 0; padding-left: 1rem; }
.findings li { margin: .1rem 0; }
.sev { font-weight: 600; font-size: .8rem; text-transform: uppercase; letter-spacing: .02em; }
.sev.error, .sev.breaking { color: var(--error); }
.sev.warning { color: var(--warning); }
.sev.info { color: var(--info); }
tr.has-error > th { box-shadow: inset 4px 0 0 var(--error); }
tr.has-warning > th { box-shadow: inset 4px 0 0 var(--warning); }
mark { color: inherit; border-radius: 2px; }
mark.wording { background: var(--mark-word); }
mark.punct { background: var(--mark-punct); outline: 1px dashed var(--info); }
mark.old { background: var(--mark-old); }
mark.new { background: var(--mark-new); }
.legend mark { padding: 0 .25rem; }
@media print {
  form, #shown, .counts a::after { display: none; }
  body { padding: 0; font-size: 10pt; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`.trimStart();

export const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var search = document.getElementById('q');
  var shown = document.getElementById('shown');
  if (!form || !search || !shown) return;
  form.hidden = false;
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[name]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-row]'));
  var texts = rows.map(function (row) { return (row.textContent || '').toLowerCase(); });
  function tokens(row, name) { return (row.getAttribute('data-' + name) || '').split(' '); }
  function read() {
    var params = new URLSearchParams(location.hash.slice(1));
    search.value = params.get('q') || '';
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || '';
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : '';
    });
  }
  function apply() {
    var q = search.value.trim().toLowerCase();
    var active = selects.filter(function (s) { return s.value !== ''; });
    var count = 0;
    rows.forEach(function (row, i) {
      var match = (q === '' || texts[i].indexOf(q) >= 0) &&
        active.every(function (s) { return tokens(row, s.name).indexOf(s.value) >= 0; });
      row.hidden = !match;
      if (match) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' rows shown';
  }
  function write() {
    var params = new URLSearchParams();
    if (search.value !== '') params.set('q', search.value);
    selects.forEach(function (s) { if (s.value !== '') params.set(s.name, s.value); });
    var hash = params.toString();
    var url = location.pathname + location.search + (hash ? '#' + hash : '');
    try { history.replaceState(null, '', url); } catch (e) { location.replace('#' + hash); }
  }
  form.addEventListener('input', function () { apply(); write(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  window.addEventListener('hashchange', function () { read(); apply(); });
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      search.focus();
    }
  });
  read();
  apply();
})();
`.trimStart();

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

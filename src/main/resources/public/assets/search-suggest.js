// Autocomplete for the search box on every page. Without this script the box is a plain
// form that submits to /search; with it, headlines and topics appear as the reader types.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var input = document.getElementById('site-search-q');
    if (!input || !window.fetch) {
      return;
    }
    var form = input.form;
    var list = document.createElement('ul');
    list.id = 'site-search-suggestions';
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');

    var timer = null;
    var latest = 0;
    var active = -1;

    function close() {
      list.hidden = true;
      list.textContent = '';
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function show(items) {
      list.textContent = '';
      active = -1;
      items.forEach(function (item, i) {
        var li = document.createElement('li');
        li.id = 'site-search-suggestion-' + i;
        li.setAttribute('role', 'option');
        li.className = 'suggestion suggestion-' + item.kind;
        var a = document.createElement('a');
        a.href = item.url;
        a.textContent = item.text;
        a.tabIndex = -1;
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    }

    function highlight(index) {
      var options = list.querySelectorAll('[role=option]');
      if (!options.length) {
        return;
      }
      active = (index + options.length) % options.length;
      Array.prototype.forEach.call(options, function (option, i) {
        option.setAttribute('aria-selected', i === active ? 'true' : 'false');
      });
      input.setAttribute('aria-activedescendant', options[active].id);
    }

    function lookup() {
      var q = input.value.trim();
      if (q.length < 2) {
        close();
        return;
      }
      var ticket = ++latest;
      fetch('/search/suggest?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (ticket === latest) {
            show(data.suggestions || []);
          }
        })
        .catch(function () { close(); });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 120);
    });
    input.addEventListener('keydown', function (event) {
      if (list.hidden) {
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll('[role=option] a')[active].href;
      } else if (event.key === 'Escape') {
        close();
      }
    });
    document.addEventListener('click', function (event) {
      if (!form.contains(event.target)) {
        close();
      }
    });
  });
})();

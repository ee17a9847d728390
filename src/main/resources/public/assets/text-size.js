// Loaded in <head>, before the body is drawn, so a reader's chosen text size applies
// without a flash of the default size. The choice lives in localStorage: it follows the
// reader across pages and visits, and no cookie varies the cached page.
(function () {
  'use strict';
  var KEY = 'gazette.textSize';
  var MIN = -2;
  var MAX = 5;
  var root = document.documentElement;

  function clamp(step) {
    return Math.max(MIN, Math.min(MAX, step));
  }

  function stored() {
    try {
      var step = parseInt(window.localStorage.getItem(KEY), 10);
      return isNaN(step) ? 0 : clamp(step);
    } catch (e) {
      return 0;
    }
  }

  function apply(step) {
    root.setAttribute('data-text-size', String(step));
  }

  apply(stored());

  document.addEventListener('DOMContentLoaded', function () {
    var controls = document.querySelector('[data-text-size-controls]');
    if (!controls) {
      return;
    }
    var buttons = controls.querySelectorAll('button[data-text-size-step]');
    function refresh(step) {
      Array.prototype.forEach.call(buttons, function (button) {
        var delta = parseInt(button.getAttribute('data-text-size-step'), 10);
        button.disabled = clamp(step + delta) === step;
      });
    }
    controls.hidden = false;
    refresh(stored());
    controls.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-text-size-step]');
      if (!button) {
        return;
      }
      var step = clamp(stored() + parseInt(button.getAttribute('data-text-size-step'), 10));
      try {
        window.localStorage.setItem(KEY, String(step));
      } catch (e) {
        // Private windows may refuse storage: the size still changes for this page.
      }
      apply(step);
      refresh(step);
    });
  });
})();

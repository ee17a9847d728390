// The back office's one script: confirmations, and the article editor's live preview,
// autosave, unsaved-changes warning, slug from headline, tag type-ahead and image upload.
// Loaded as a file (the Content-Security-Policy allows no inline script).
(function () {
  'use strict';

  var csrf = document.body.getAttribute('data-csrf');

  function post(url, body) {
    return fetch(url, {method: 'POST', body: body, credentials: 'same-origin',
      headers: {'X-CSRF-Token': csrf, 'Accept': 'application/json, text/html'}});
  }

  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });

  var form = document.getElementById('editor');
  if (!form) {
    return;
  }
  var dirty = false;
  var submitting = false;
  var status = document.getElementById('autosave-status');

  function markDirty() {
    dirty = true;
    status.textContent = form.getAttribute('data-unsaved-label');
  }

  form.addEventListener('input', markDirty);
  form.addEventListener('change', markDirty);
  form.addEventListener('submit', function () {
    submitting = true;
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // Autosave: only where the server allows it (drafts and articles in review).
  function autosave() {
    var url = form.getAttribute('data-autosave');
    if (!dirty || submitting || !url) {
      return;
    }
    dirty = false;
    post(url, new URLSearchParams(new FormData(form))).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok && answer.url) {
          form.setAttribute('action', answer.url);
          form.setAttribute('data-autosave', answer.url + '/autosave');
          if (window.location.pathname !== answer.url) {
            window.history.replaceState(null, '', answer.url);
          }
          status.textContent = form.getAttribute('data-saved-label') + ' ' + answer.savedAt;
        } else if (answer.errors) {
          dirty = true;
          status.textContent = Object.keys(answer.errors).map(function (k) { return answer.errors[k]; }).join(' ');
        }
      });
    }).catch(function () {
      dirty = true;
    });
  }
  window.setInterval(autosave, 10000);

  // Live preview, rendered on the server by the same code as the public page.
  var body = document.getElementById('body');
  var preview = document.getElementById('preview');
  var timer = null;
  body.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var data = new URLSearchParams();
      data.set('body', body.value);
      post(preview.getAttribute('data-preview'), data).then(function (r) { return r.text(); }).then(function (html) {
        preview.innerHTML = html;
      });
    }, 300);
  });

  // The slug follows the headline until someone edits it by hand.
  var headline = document.getElementById('headline');
  var slug = document.getElementById('slug');
  function slugify(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  }
  headline.addEventListener('input', function () {
    if (slug.hasAttribute('data-auto')) {
      slug.value = slugify(headline.value);
    }
  });
  slug.addEventListener('input', function () {
    slug.removeAttribute('data-auto');
  });

  // Tag type-ahead: suggestions for the tag being typed after the last comma.
  var tags = document.getElementById('tags');
  var list = document.getElementById('tag-suggestions');
  tags.addEventListener('input', function () {
    var parts = tags.value.split(',');
    var typed = parts.pop().trim();
    var before = parts.map(function (p) { return p.trim(); }).filter(Boolean);
    if (typed.length < 1) {
      return;
    }
    fetch(tags.getAttribute('data-suggest') + '?q=' + encodeURIComponent(typed), {credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (names) {
        list.textContent = '';
        names.forEach(function (name) {
          var option = document.createElement('option');
          option.value = before.concat([name]).join(', ');
          list.appendChild(option);
        });
      });
  });

  // Lead image: upload to the media library, then use it.
  var upload = document.getElementById('image_upload');
  var imageUrl = document.getElementById('image_url');
  var thumb = document.getElementById('image-thumb');
  var uploadStatus = document.getElementById('image_upload_status');
  function showThumb() {
    thumb.hidden = !imageUrl.value;
    if (imageUrl.value) {
      thumb.src = imageUrl.value;
    }
  }
  imageUrl.addEventListener('change', showThumb);
  document.querySelectorAll('[data-pick]').forEach(function (pick) {
    pick.addEventListener('click', function () {
      imageUrl.value = pick.getAttribute('data-pick');
      var alt = document.getElementById('image_alt');
      if (!alt.value && pick.getAttribute('data-alt')) {
        alt.value = pick.getAttribute('data-alt');
      }
      showThumb();
      markDirty();
    });
  });
  upload.addEventListener('change', function () {
    if (!upload.files.length) {
      return;
    }
    var data = new FormData();
    data.append('file', upload.files[0]);
    uploadStatus.textContent = '…';
    post(upload.getAttribute('data-upload'), data).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok) {
          imageUrl.value = answer.url;
          uploadStatus.textContent = answer.message;
          showThumb();
          markDirty();
        } else {
          uploadStatus.textContent = answer.error;
        }
      });
    }).catch(function () {
      uploadStatus.textContent = 'Upload failed';
    });
  });
})();

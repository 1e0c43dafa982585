// Search as the reader types, over the index the build writes (chi-muc-tim-kiem.js, loaded
// before this file). The rules are those of src/render/search.rs and its tests: the query is
// folded as the names were (decomposed, combining marks dropped, đ as d, lowercase, single
// spaces), and a name that is the query comes first, then a word of a name that starts with it,
// then a name that contains it, then a name that holds each of its words; ties keep the index's
// alphabetical order. Every word shown comes from the page's data- attributes, so that the
// template alone is translated. Without this script the page is the full index, as links.
(function () {
  var data = window.niemyetSearchIndex;
  var form = document.querySelector('form[role="search"]');
  var box = document.getElementById('q');
  var out = document.getElementById('ket-qua-tim-kiem');
  var full = document.getElementById('chi-muc');
  if (!data || !form || !box || !out || !full) return;
  var index = data.entries;
  var groups = data.groups;
  var status = out.querySelector('[aria-live]');
  var list = out.querySelector('ol');
  var kinds = out.getAttribute('data-kinds').split('|');
  var root = out.getAttribute('data-root');
  var marks = /\p{M}/gu;

  function fold(text) {
    return text.normalize('NFD').replace(marks, '').replace(/[đĐ]/g, 'd').toLowerCase()
      .replace(/\s+/g, ' ').trim();
  }

  function rankOne(name, query) {
    if (name === query) return 0;
    if ((' ' + name).indexOf(' ' + query) >= 0) return 1;
    if (name.indexOf(query) >= 0) return 2;
    var words = query.split(' ');
    for (var i = 0; i < words.length; i++) {
      if (name.indexOf(words[i]) < 0) return -1;
    }
    return 3;
  }

  // The best rank over an entry's names (its key holds them one per line); -1: no match.
  function rank(key, query) {
    var names = key.split('\n');
    var best = -1;
    for (var i = 0; i < names.length; i++) {
      var r = rankOne(names[i], query);
      if (r >= 0 && (best < 0 || r < best)) best = r;
    }
    return best;
  }

  function show() {
    var query = fold(box.value);
    list.textContent = '';
    if (!query) {
      status.textContent = '';
      list.hidden = true;
      full.hidden = false;
      return;
    }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var r = rank(index[i][2], query);
      if (r >= 0) hits.push([r, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    for (var j = 0; j < hits.length; j++) {
      var entry = index[hits[j][1]];
      // [kind, name, folded names, folder, label], or for the label the number of a group,
      // whose folder the entry's continues; the page is the folder's index.html
      var group = typeof entry[4] === 'number' ? groups[entry[4]] : ['', entry[4]];
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = root + group[0] + entry[3] + 'index.html';
      link.textContent = entry[1];
      var meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = kinds[entry[0]] + ' · ' + group[1];
      item.appendChild(link);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(meta);
      list.appendChild(item);
    }
    var message = out.getAttribute(hits.length ? 'data-found' : 'data-none');
    status.textContent = message.replace('{n}', hits.length).replace('{q}', box.value.trim());
    list.hidden = hits.length === 0;
    full.hidden = true;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show();
    // keeps the query in the address, to share or come back to; some browsers refuse this for
    // pages opened from the disk, where the results are shown all the same
    try {
      history.replaceState(null, '', '?q=' + encodeURIComponent(box.value));
    } catch (refused) { /* the results are on the page */ }
  });
  box.addEventListener('input', show);
  box.value = new URLSearchParams(location.search).get('q') || box.value;
  show();
})();

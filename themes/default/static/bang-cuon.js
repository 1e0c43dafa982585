// A wide table scrolls sideways inside its wrapper (`.table-wrap`) on a narrow screen. Keyboard
// users scroll it only when the wrapper takes focus, so the wrapper becomes a focusable region,
// named by its table's caption, exactly while it scrolls; where the table fits it is no tab stop
// and no landmark. Without this script no wrapper is a tab stop: the links inside a table still
// are, a phone scrolls by touch, and the stylesheet's shadows show that a table goes on.
(function () {
  var wraps = document.querySelectorAll('.table-wrap');
  function update() {
    var names = {};
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var caption = wrap.querySelector('caption');
        var name = caption ? caption.textContent.replace(/\s+/g, ' ').trim() : '';
        // two regions of a page never share a name: a second one gets its number
        names[name] = (names[name] || 0) + 1;
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', names[name] > 1 ? name + ' (' + names[name] + ')' : name);
        wrap.setAttribute('tabindex', '0');
      } else {
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
        wrap.removeAttribute('tabindex');
      }
    }
  }
  update();
  window.addEventListener('resize', update);
})();

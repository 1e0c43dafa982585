// Days left until an upcoming election day, counted in the reader's browser: the build itself
// never reads the clock, so that the same content always gives the same pages. The words come
// from the page (`data-today`, and `data-left` with {n} for the number of days), in its language.
(function () {
  var DAY = 86400000;
  var nodes = document.querySelectorAll('.days-left[data-ngay]');
  for (var i = 0; i < nodes.length; i++) {
    var parts = nodes[i].getAttribute('data-ngay').split('-');
    var target = Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var days = Math.round((target - today) / DAY);
    if (isNaN(days) || days < 0) continue;
    var today_text = nodes[i].getAttribute('data-today');
    var left_text = nodes[i].getAttribute('data-left');
    if (!today_text || !left_text) continue;
    nodes[i].textContent = days === 0 ? today_text : left_text.replace('{n}', String(days));
    nodes[i].hidden = false;
  }
})();

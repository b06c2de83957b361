// Progressive enhancement only: every page works without this file.
// Left/right arrow keys follow the previous/next links of day, week and month pages.
document.addEventListener("keydown", function (e) {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  var t = e.target;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  var link = document.querySelector('a[data-key="' + e.key + '"]');
  if (link) { window.location.href = link.href; }
});

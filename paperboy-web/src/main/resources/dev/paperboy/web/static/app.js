// Progressive enhancement only: every page works without this file.
// Left/right arrow keys follow the previous/next links of day, week and month pages.
document.addEventListener("keydown", function (e) {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  var t = e.target;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  var link = document.querySelector('a[data-key="' + e.key + '"]');
  if (link) { window.location.href = link.href; }
});

// Upvote buttons: without this they are forms that post and come back to the page; with it the
// vote is sent with fetch (the page's CSRF token in X-CSRF-Token) and the count changes in place.
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (!form.classList || !form.classList.contains("vote-form") || !window.fetch) return;
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta) return;
  e.preventDefault();
  if (form.dataset.busy) return; // a double click sends one request
  form.dataset.busy = "1";
  var on = form.classList.contains("on");
  var paper = form.getAttribute("data-paper");
  fetch("/api/papers/" + paper + "/upvote", {
    method: on ? "DELETE" : "POST",
    headers: { "X-CSRF-Token": meta.getAttribute("content"), "Accept": "application/json" },
    credentials: "same-origin"
  }).then(function (r) {
    if (!r.ok) throw new Error("status " + r.status);
    return r.json();
  }).then(function (body) {
    form.classList.toggle("on", body.upvoted);
    form.querySelector(".n").textContent = body.upvotes >= 1000 ? (body.upvotes / 1000).toFixed(1).replace(/\.0$/, "") + "k" : String(body.upvotes);
    form.querySelector("input[name=action]").value = body.upvoted ? "remove" : "add";
    var button = form.querySelector("button");
    button.setAttribute("aria-pressed", body.upvoted ? "true" : "false");
    button.title = body.upvoted ? "Take back your upvote" : "Upvote";
  }).catch(function () {
    form.submit(); // fall back to the plain form, which shows any error as a page
  }).finally(function () {
    delete form.dataset.busy;
  });
});

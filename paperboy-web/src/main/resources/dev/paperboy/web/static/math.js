// Math in titles and abstracts: TeX between $…$, $$…$$, \(…\) and \[…\] drawn with KaTeX
// (served from /static/katex/<version>/, loaded just before this file). Progressive enhancement
// only: without JavaScript, or without KaTeX, the TeX stays as the text the server sent.
//
// Safety: only the text nodes of elements with class "tex" are read (titles and abstracts); KaTeX
// builds DOM nodes itself from the TeX (no HTML strings from us or the server); trust is off, so
// \href, \url, \includegraphics and \html... draw as errors instead of links or elements; and a
// formula KaTeX cannot parse stays the text it was (throwOnError: false, then the error span is
// dropped).
(function () {
  "use strict";
  if (!window.katex || !document.createTreeWalker) return;

  var OPTIONS = { throwOnError: false, trust: false, strict: "ignore", maxSize: 10, maxExpand: 200 };

  // The end of the closing delimiter `close` at or after `from`, skipping backslash escapes
  // (`\$` is a dollar sign, not a delimiter); -1 when there is none.
  function closing(s, from, close) {
    for (var i = from; i < s.length; i++) {
      if (s.startsWith(close, i)) return i;
      if (s.charAt(i) === "\\") i++;
    }
    return -1;
  }

  // Where the inline formula opened by the `$` at `open` closes, or -1. Pandoc's rule, so that
  // prices stay text: the opening `$` has a non-space to its right, the closing one a non-space to
  // its left and no digit to its right ("$5 and $10" is no formula). A `$` that cannot close
  // ends the search: a formula has no bare dollar inside.
  function inlineEnd(s, open) {
    if (open + 1 >= s.length || /\s/.test(s.charAt(open + 1))) return -1;
    for (var i = open + 1; i < s.length; i++) {
      var c = s.charAt(i);
      if (c === "\\") { i++; continue; }
      if (c === "$") {
        var closes = !/\s/.test(s.charAt(i - 1)) && !/[0-9]/.test(s.charAt(i + 1) || "");
        return closes && i > open + 1 ? i : -1;
      }
    }
    return -1;
  }

  // The formulas in s: {start, end, tex, display}, start and end around the delimiters.
  function formulas(s) {
    var out = [];
    var i = 0;
    while (i < s.length) {
      var c = s.charAt(i);
      var next = s.charAt(i + 1);
      var end;
      if (c === "\\" && (next === "(" || next === "[")) {
        end = closing(s, i + 2, next === "(" ? "\\)" : "\\]");
        if (end > i + 2) {
          out.push({ start: i, end: end + 2, tex: s.slice(i + 2, end), display: next === "[" });
          i = end + 2;
          continue;
        }
      } else if (c === "\\") {
        i += 2; // an escaped character, \$ included
        continue;
      } else if (c === "$" && next === "$") {
        end = closing(s, i + 2, "$$");
        if (end > i + 2) {
          out.push({ start: i, end: end + 2, tex: s.slice(i + 2, end), display: true });
          i = end + 2;
          continue;
        }
        i += 2; // a lone $$ stays text
        continue;
      } else if (c === "$") {
        end = inlineEnd(s, i);
        if (end > 0) {
          out.push({ start: i, end: end + 1, tex: s.slice(i + 1, end), display: false });
          i = end + 1;
          continue;
        }
      }
      i++;
    }
    return out;
  }

  // Draws one formula into a new span; null when KaTeX cannot (the TeX then stays as written:
  // TeX KaTeX cannot parse comes back as an error span without its delimiters, and the reader is
  // better served by the text as written, delimiters included).
  function draw(m) {
    var span = document.createElement("span");
    span.className = "math";
    try {
      window.katex.render(m.tex, span, Object.assign({ displayMode: m.display }, OPTIONS));
    } catch (e) {
      return null; // not a TeX error (those come back drawn, see throwOnError)
    }
    return span.querySelector(".katex-error") ? null : span;
  }

  // Draws the formulas of one element. The formulas are found in the element's whole text, so
  // delimiters pair up as a reader sees them. Search highlighting wraps matches in <mark>, which
  // splits a formula with a match inside across several nodes: such a formula is drawn whole and
  // the drawing is highlighted instead (a highlighted "T" inside raw "$O(\sqrt{T})$" helps no
  // one read it).
  function render(el) {
    var nodes = [];
    var starts = [];
    var text = "";
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n);
      starts.push(text.length);
      text += n.data;
    }
    // The text node holding position pos: the first whose text reaches past it (for a start), or
    // the last that begins before it (for an end, which is exclusive).
    function nodeAt(pos, isEnd) {
      for (var k = 0; k < nodes.length; k++) {
        var end = starts[k] + nodes[k].data.length;
        if (isEnd ? pos <= end && pos > starts[k] : pos < end) return k;
      }
      return -1;
    }
    var found = formulas(text);
    // Last to first: what is replaced lies after every earlier formula, whose nodes and offsets
    // therefore stay valid.
    for (var f = found.length - 1; f >= 0; f--) {
      var m = found[f];
      var k1 = nodeAt(m.start, false);
      var k2 = nodeAt(m.end, true);
      if (k1 < 0 || k2 < 0) continue;
      var span = draw(m);
      if (!span) continue;
      var range = document.createRange();
      range.setStart(nodes[k1], m.start - starts[k1]);
      range.setEnd(nodes[k2], m.end - starts[k2]);
      var out = span;
      if (k1 !== k2 && range.cloneContents().querySelector("mark")) {
        out = document.createElement("mark");
        out.appendChild(span);
      }
      range.deleteContents();
      range.insertNode(out);
    }
  }

  var marked = document.querySelectorAll(".tex");
  for (var i = 0; i < marked.length; i++) render(marked[i]);
})();

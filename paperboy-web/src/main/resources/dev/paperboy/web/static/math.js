// TeX in titles and abstracts (elements with class "tex"), drawn in the browser. Progressive
// enhancement only: without JavaScript the TeX stays as the text the server sent.
//
// Two passes over the same elements:
//  1. Math: TeX between $…$, $$…$$, \(…\) and \[…\] is drawn with KaTeX. KaTeX (272 KB of script,
//     plus its stylesheet) is fetched only when a page has a formula: this script's own tag
//     carries their versioned URLs in data-katex-js and data-katex-css (no inline script, so the
//     Content-Security-Policy stays script-src 'self'). Formulas are found at once and set aside
//     in placeholder spans that keep their TeX as written; they are drawn once KaTeX's script and
//     stylesheet have both loaded (drawing before the stylesheet would flash KaTeX's unstyled
//     output).
//  2. Text markup: the LaTeX text commands arXiv abstracts use outside math (\emph{…}, \textbf{…},
//     ``quotes'', -- and ---, \%, ~, …) become elements and characters, at once, outside the
//     formulas (those are KaTeX's). Unknown commands and unbalanced braces stay as written.
//
// Safety: only text nodes are read; everything added is built with createElement and text nodes
// (never innerHTML with data); KaTeX builds its DOM itself from the TeX, with trust off, so \href,
// \url, \includegraphics and \html... draw as errors instead of links or elements; and a formula
// KaTeX cannot parse stays the text it was.
(function () {
  "use strict";
  if (!document.createRange || !document.querySelectorAll) return;

  var script = document.currentScript;
  var OPTIONS = { throwOnError: false, trust: false, strict: "ignore", maxSize: 10, maxExpand: 200 };
  // Stands for a formula in the text the markup pass reads, so that text on either side of one
  // never joins into a token ("a-$x$-b" is no en dash). U+FFFC OBJECT REPLACEMENT CHARACTER.
  var OBJECT = "\uFFFC";

  // ---- Finding formulas -------------------------------------------------------------------------

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

  // The formulas in s: {start, end, tex, display}, start and end around the delimiters. An
  // escaped dollar (`\$`) never opens or closes one: backslash pairs are skipped whole.
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

  // The text nodes under el and where each starts in their joined text. Elements with class
  // `skip` (formula placeholders) are not entered, and each stands as one OBJECT in the text.
  function textOf(el, skip) {
    var nodes = [];
    var starts = [];
    var text = "";
    (function walk(parent) {
      for (var n = parent.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          nodes.push(n);
          starts.push(text.length);
          text += n.data;
        } else if (n.nodeType === 1) {
          if (skip && n.classList.contains(skip)) text += OBJECT;
          else walk(n);
        }
      }
    })(el);
    return { nodes: nodes, starts: starts, text: text };
  }

  // Sets each formula of el aside in a placeholder span (class "math-tex") holding its TeX as
  // written, so that the markup pass leaves it alone and KaTeX can draw it later. Search
  // highlighting wraps matches in <mark>, which splits a formula with a match inside across
  // several nodes: such a formula is kept whole and the placeholder is highlighted instead (a
  // highlighted "T" inside raw "$O(\sqrt{T})$" helps no one read it; drawn, the whole formula is
  // the highlight). Returns the formulas set aside: {span, tex, display}.
  function holdFormulas(el) {
    var t = textOf(el, null);
    var found = formulas(t.text);
    var held = [];
    // The text node holding position pos: the first whose text reaches past it (for a start), or
    // the last that begins before it (for an end, which is exclusive).
    function nodeAt(pos, isEnd) {
      for (var k = 0; k < t.nodes.length; k++) {
        var end = t.starts[k] + t.nodes[k].data.length;
        if (isEnd ? pos <= end && pos > t.starts[k] : pos < end) return k;
      }
      return -1;
    }
    // Last to first: what is replaced lies after every earlier formula, whose nodes and offsets
    // therefore stay valid.
    for (var f = found.length - 1; f >= 0; f--) {
      var m = found[f];
      var k1 = nodeAt(m.start, false);
      var k2 = nodeAt(m.end, true);
      if (k1 < 0 || k2 < 0) continue;
      var range = document.createRange();
      range.setStart(t.nodes[k1], m.start - t.starts[k1]);
      range.setEnd(t.nodes[k2], m.end - t.starts[k2]);
      var span = document.createElement("span");
      span.className = "math-tex";
      span.textContent = t.text.slice(m.start, m.end);
      var out = span;
      if (k1 !== k2 && range.cloneContents().querySelector("mark")) {
        out = document.createElement("mark");
        out.appendChild(span);
      }
      range.deleteContents();
      range.insertNode(out);
      held.unshift({ span: span, tex: m.tex, display: m.display });
    }
    return held;
  }

  // Draws one held formula in place of its placeholder. A formula KaTeX cannot parse comes back
  // as an error span without its delimiters; the reader is better served by the text as written,
  // delimiters included, so then the placeholder just becomes its text again.
  function draw(h) {
    var span = document.createElement("span");
    span.className = "math";
    try {
      window.katex.render(h.tex, span, Object.assign({ displayMode: h.display }, OPTIONS));
    } catch (e) {
      span = null; // not a TeX error (those come back drawn, see throwOnError)
    }
    if (span && !span.querySelector(".katex-error")) h.span.replaceWith(span);
    else h.span.replaceWith(document.createTextNode(h.span.textContent));
  }

  // Fetches KaTeX's stylesheet and script (URLs from this script's data- attributes) and calls
  // done once both have loaded. If either fails, the formulas stay as written.
  function loadKatex(done) {
    var js = script && script.getAttribute("data-katex-js");
    var css = script && script.getAttribute("data-katex-css");
    if (!js || !css) return;
    var waiting = 2;
    function loaded() {
      if (--waiting === 0 && window.katex) done();
    }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = css;
    link.onload = loaded;
    var s = document.createElement("script");
    s.src = js;
    s.onload = loaded;
    document.head.appendChild(link);
    document.head.appendChild(s);
  }

  // ---- Text markup ------------------------------------------------------------------------------

  // Commands with one argument, drawn as an element (LaTeX 2e, "LaTeX: A Document Preparation
  // System", Lamport, §3.1 and C.15). `ulem`'s \uline is arXiv-common too. \texttt turns off the
  // -- and `` ligatures, as Computer Modern Typewriter has none.
  var COMMANDS = {
    emph: { tag: "em" },
    textit: { tag: "i" },
    textsl: { tag: "i" },
    textbf: { tag: "b" },
    texttt: { tag: "span", cls: "tex-tt", literal: true },
    textsc: { tag: "span", cls: "tex-sc" },
    textsf: { tag: "span", cls: "tex-sf" },
    textrm: { tag: "span" },
    textup: { tag: "span" },
    textnormal: { tag: "span" },
    underline: { tag: "u" },
    uline: { tag: "u" },
    textsuperscript: { tag: "sup" },
    textsubscript: { tag: "sub" },
  };
  // Declarations in a group, {\em …} (the LaTeX 2.09 forms, still seen in abstracts).
  var DECLARATIONS = {
    em: COMMANDS.emph,
    it: COMMANDS.textit,
    itshape: COMMANDS.textit,
    sl: COMMANDS.textsl,
    bf: COMMANDS.textbf,
    bfseries: COMMANDS.textbf,
    tt: COMMANDS.texttt,
    ttfamily: COMMANDS.texttt,
    sc: COMMANDS.textsc,
    scshape: COMMANDS.textsc,
    sf: COMMANDS.textsf,
  };
  // Escaped specials that print as themselves (Lamport §2.2.1).
  var ESCAPES = { "%": "%", "&": "&", $: "$", _: "_", "#": "#", "{": "{", "}": "}" };

  // Sticky patterns for markup(): a command name, a declaration group's opening "{\em ", a run of
  // hyphens, and a single-quoted phrase `like this' (see the quotes in markup()).
  var COMMAND = /\\([A-Za-z]+)/y;
  var DECLARATION = /\{\\([A-Za-z]+)(?![A-Za-z])\s*/y;
  var DASHES = /-{2,}/y;
  var SINGLE_QUOTE = /`[^`'\n]*?\S'(?![A-Za-z'])/y;

  // The position of the brace closing the group opened at `open` (a `{`), or -1 when the braces
  // do not balance. Escaped braces do not count.
  function matchingBrace(s, open) {
    var depth = 0;
    for (var i = open; i < s.length; i++) {
      var c = s.charAt(i);
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) return i;
    }
    return -1;
  }

  // The markup in s, as {subs: [{start, end, text}], groups: [{open: [s, e], close: [s, e],
  // spec}]}: substitutions replace a span of text with other text; groups become an element
  // holding what lies between their opening and closing tokens.
  function markup(s) {
    var subs = [];
    var groups = [];
    function sub(start, end, text) {
      subs.push({ start: start, end: end, text: text });
    }
    // The match of the sticky regular expression re at i, or null; none reaching past `to`.
    // (Sticky matching reads s in place: slicing the rest at every character would be quadratic.)
    function at(re, i, to) {
      re.lastIndex = i;
      var m = re.exec(s);
      return m && i + m[0].length <= to ? m : null;
    }
    // Scans s[from, to); `literal` inside \texttt.
    function scan(from, to, literal) {
      var i = from;
      while (i < to) {
        var c = s.charAt(i);
        var m;
        if (c === "\\") {
          var next = s.charAt(i + 1);
          if (ESCAPES.hasOwnProperty(next) && i + 1 < to) {
            sub(i, i + 2, ESCAPES[next]);
            i += 2;
            continue;
          }
          m = at(COMMAND, i, to);
          if (m && COMMANDS.hasOwnProperty(m[1]) && s.charAt(i + m[0].length) === "{") {
            var open = i + m[0].length;
            var close = matchingBrace(s, open);
            if (close > open && close < to) {
              var spec = COMMANDS[m[1]];
              groups.push({ open: [i, open + 1], close: [close, close + 1], spec: spec });
              scan(open + 1, close, literal || !!spec.literal);
              i = close + 1;
              continue;
            }
          }
          // An unknown command (or one without a balanced argument): as written. Its argument,
          // if any, is scanned like the text around it.
          i += m ? m[0].length : 2;
          continue;
        }
        if (c === "{" && (m = at(DECLARATION, i, to))) {
          var decl = DECLARATIONS.hasOwnProperty(m[1]) ? DECLARATIONS[m[1]] : null;
          var end = matchingBrace(s, i);
          if (decl && end > i && end < to) {
            groups.push({ open: [i, i + m[0].length], close: [end, end + 1], spec: decl });
            scan(i + m[0].length, end, literal || !!decl.literal);
            i = end + 1;
            continue;
          }
        }
        if (!literal) {
          // Dashes: --- is an em dash, -- an en dash (Lamport §3.2.1); a run of four or more and
          // ASCII arrows (-->, <--) are no dashes and stay as written.
          if ((m = at(DASHES, i, to))) {
            var arrow = s.charAt(i + m[0].length) === ">" || s.charAt(i - 1) === "<";
            if (m[0].length <= 3 && !arrow) {
              sub(i, i + m[0].length, m[0].length === 3 ? "\u2014" : "\u2013");
            }
            i += m[0].length;
            continue;
          }
          // Quotes: `` and '' are double quotes, ` and ' single ones (Lamport §2.2.1). A lone '
          // is an apostrophe and stays as written; a ` becomes an opening quote only when a '
          // closes it later in the same paragraph, after a non-space and before a non-letter.
          if (s.startsWith("``", i) && i + 2 <= to) { sub(i, i + 2, "\u201C"); i += 2; continue; }
          if (s.startsWith("''", i) && i + 2 <= to) { sub(i, i + 2, "\u201D"); i += 2; continue; }
          if (c === "`") {
            var q = at(SINGLE_QUOTE, i, to);
            if (q) {
              sub(i, i + 1, "\u2018");
              sub(i + q[0].length - 1, i + q[0].length, "\u2019");
            }
            i++;
            continue;
          }
        }
        // ~ is a tie, a space the line does not break at (Lamport §2.2.1), as in "Fig.~3" or
        // "0.35~m/s". Abstracts also use it for "approximately" ("by ~20%", "(~21%") and URLs
        // hold it ("ox.ac.uk/~vgg"): a ~ is taken as a tie only between a word or closing
        // punctuation and a word, and never inside something that looks like a URL or path.
        if (c === "~") {
          var before = s.charAt(i - 1);
          var after = s.charAt(i + 1);
          var w = i;
          while (w > 0 && !/\s/.test(s.charAt(w - 1))) w--;
          var word = s.slice(w, i);
          var tie = /[A-Za-z0-9.,;:)\]}]/.test(before) && /[A-Za-z0-9\\(\[{$\uFFFC]/.test(after);
          if (tie && word.indexOf("/") < 0) {
            sub(i, i + 1, "\u00A0");
          }
        }
        i++;
      }
    }
    scan(0, s.length, false);
    return { subs: subs, groups: groups };
  }

  // Applies the markup of one element to its DOM. The text nodes are first split at every token
  // boundary, so that each token is its own text node when it lies in one; a token that a search
  // highlight (<mark>) cuts through spans several nodes and is left as written. A group becomes
  // an element only when its opening and closing tokens are siblings: then what lies between
  // them, highlights and formulas included, moves into the new element, and a match inside an
  // \emph{…} stays highlighted inside the emphasis. A highlight across one of the tokens (a match
  // on "emph" itself, say) leaves that group as written, with its highlight.
  function renderMarkup(el) {
    var t = textOf(el, "math-tex");
    if (!/[\\`'~{-]/.test(t.text)) return;
    var found = markup(t.text);
    if (!found.subs.length && !found.groups.length) return;
    var cuts = {};
    found.subs.forEach(function (x) { cuts[x.start] = cuts[x.end] = true; });
    found.groups.forEach(function (g) {
      cuts[g.open[0]] = cuts[g.open[1]] = cuts[g.close[0]] = cuts[g.close[1]] = true;
    });
    // Split each text node at the cuts inside it, last first, and index the pieces by where they
    // start in the joined text.
    var at = {};
    t.nodes.forEach(function (node, k) {
      var start = t.starts[k];
      var inside = Object.keys(cuts)
        .map(Number)
        .filter(function (c) { return c > start && c < start + node.data.length; })
        .sort(function (a, b) { return b - a; });
      inside.forEach(function (c) {
        var piece = node.splitText(c - start);
        at[c] = piece;
      });
      at[start] = node;
    });
    // The one text node that is exactly s[start, end), or null.
    function token(start, end) {
      var n = at[start];
      return n && n.data.length === end - start ? n : null;
    }
    found.subs.forEach(function (x) {
      var n = token(x.start, x.end);
      if (n) n.data = x.text;
    });
    found.groups.forEach(function (g) {
      var open = token(g.open[0], g.open[1]);
      var close = token(g.close[0], g.close[1]);
      if (!open || !close || open.parentNode !== close.parentNode) return;
      var e = document.createElement(g.spec.tag);
      if (g.spec.cls) e.className = g.spec.cls;
      while (open.nextSibling && open.nextSibling !== close) e.appendChild(open.nextSibling);
      open.parentNode.replaceChild(e, open);
      close.parentNode.removeChild(close);
    });
  }

  // ---- Both passes ------------------------------------------------------------------------------

  var elements = document.querySelectorAll(".tex");
  var held = [];
  for (var i = 0; i < elements.length; i++) held = held.concat(holdFormulas(elements[i]));
  if (held.length) {
    loadKatex(function () {
      held.forEach(draw);
    });
  }
  for (var j = 0; j < elements.length; j++) renderMarkup(elements[j]);
})();

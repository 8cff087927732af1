/* geobrief briefing player: steps through a story on a Leaflet map.
   Reads its data from the JSON in #gb-briefing-data (no markup is built
   here: the panel is rendered, escaped, by the server side). The map is
   drawn once; each step frames it on precomputed bounds and emphasises its
   own features: every path, arrowhead and label of a relation or place
   carries that feature's key class (gb-k-...), the step's are marked gb-on,
   the map gets gb-focus, and briefing.css dims the rest.
   Keys: Right/PageDown/Space next, Left/PageUp/Shift+Space previous,
   Home/End first/last; #3 in the address opens step 3. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("gb-briefing-data").textContent);
  var map = window[cfg.map];
  var steps = cfg.steps;
  var items = document.querySelectorAll(".gb-step");
  var dots = document.querySelectorAll(".gb-dot");
  var counter = document.querySelector(".gb-counter-n");
  var prevButton = document.querySelector(".gb-prev");
  var nextButton = document.querySelector(".gb-next");
  /* cfg.jump: frame each step at once, without the flight (the app's briefing, where a step must answer at once) */
  var reduceMotion = cfg.jump || (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  var state = { index: -1, settled: -1, still: false };

  if (map.keyboard) { map.keyboard.disable(); }  /* the arrow keys belong to the story */

  var container = map.getContainer();

  function hasKey(names, keys) {
    for (var i = 0; i < keys.length; i++) { if (names.indexOf(keys[i]) >= 0) { return true; } }
    return false;
  }

  /* mark the step's features gb-on; dim the rest only when something is lit
     (the overview lists no keys: nothing is dimmed) */
  function emphasise(step) {
    var keys = step.keys || [];
    var lit = container.querySelectorAll(".gb-on");
    var on = 0;
    for (var i = 0; i < lit.length; i++) { lit[i].classList.remove("gb-on"); }
    keys.forEach(function (key) {
      var els = container.querySelectorAll("." + key);
      for (var j = 0; j < els.length; j++) { els[j].classList.add("gb-on"); on++; }
    });
    container.classList.toggle("gb-focus", on > 0);
    if (!on) { return; }
    /* paint the step's arcs above the others (SVG draws in document order) */
    map.eachLayer(function (layer) {
      if (!(layer instanceof L.Path)) { return; }
      var names = (layer.options.className || "").split(/\s+/);
      if (names.indexOf("gb-arc") >= 0 && hasKey(names, keys)) { layer.bringToFront(); }
    });
  }

  function frame(step, index) {
    var done = function () { state.settled = index; document.body.setAttribute("data-settled", String(index)); };
    map.once("moveend", done);
    var options = { paddingTopLeft: cfg.padding, paddingBottomRight: cfg.padding, maxZoom: cfg.maxZoom };
    /* the legend shows on the first step only; keep the places clear of it */
    var legend = index === 0 && document.querySelector(".gb-legend");
    if (legend && legend.offsetWidth) {
      options.paddingTopLeft = [legend.offsetWidth + cfg.padding[0], cfg.padding[1]];
    }
    if (!step.bounds) {
      done();
      return;
    }
    if (state.still || reduceMotion || state.index < 0) {
      map.fitBounds(step.bounds, Object.assign({ animate: false }, options));
    } else {
      map.flyToBounds(step.bounds, Object.assign({ duration: 0.9 }, options));
    }
    /* fitBounds to the current view moves nothing and fires nothing */
    window.setTimeout(function () { if (state.settled !== index && state.index === index) { done(); } }, 1500);
  }

  function go(index) {
    index = Math.max(0, Math.min(steps.length - 1, index));
    if (index === state.index) { return index; }
    var previous = state.index;
    state.index = index;
    state.settled = -1;
    document.body.removeAttribute("data-settled");
    items.forEach(function (li, i) {
      if (i === index) {
        li.hidden = false;
        li.setAttribute("aria-current", "step");
      } else {
        li.hidden = true;
        li.removeAttribute("aria-current");
      }
    });
    dots.forEach(function (b, i) {
      if (i === index) { b.setAttribute("aria-current", "step"); } else { b.removeAttribute("aria-current"); }
    });
    counter.textContent = String(index + 1);
    document.body.setAttribute("data-step", String(index));
    prevButton.disabled = index === 0;
    nextButton.disabled = index === steps.length - 1;
    emphasise(steps[index]);
    frame(steps[index], index);
    if (previous >= 0 && !state.still) {
      try { history.replaceState(null, "", "#" + (index + 1)); } catch (e) { /* file:// in some browsers */ }
    }
    return index;
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    if (tag === "BUTTON" && (event.key === " " || event.key === "Enter")) { return; }
    var key = event.key;
    var delta = null;
    if (key === "ArrowRight" || key === "PageDown" || (key === " " && !event.shiftKey)) { delta = 1; }
    else if (key === "ArrowLeft" || key === "PageUp" || (key === " " && event.shiftKey)) { delta = -1; }
    else if (key === "Home") { go(0); event.preventDefault(); return; }
    else if (key === "End") { go(steps.length - 1); event.preventDefault(); return; }
    if (delta !== null) {
      go(state.index + delta);
      event.preventDefault();
    }
  }

  prevButton.addEventListener("click", function () { go(state.index - 1); });
  nextButton.addEventListener("click", function () { go(state.index + 1); });
  dots.forEach(function (b) {
    b.addEventListener("click", function () { go(Number(b.getAttribute("data-goto"))); });
  });
  document.addEventListener("keydown", onKey);

  window.geobriefBriefing = {
    go: go,
    next: function () { return go(state.index + 1); },
    previous: function () { return go(state.index - 1); },
    get index() { return state.index; },
    get settled() { return state.settled; },
    get count() { return steps.length; },
    still: function () { state.still = true; document.body.classList.add("gb-still"); },
    view: function () { var c = map.getCenter(); return { lat: c.lat, lng: c.lng, zoom: map.getZoom() }; }
  };

  var start = parseInt((location.hash || "").slice(1), 10);
  go(isNaN(start) ? 0 : start - 1);
  /* embedded in the app: take the keyboard, so the arrow keys step at once */
  if (cfg.jump) { try { window.focus(); } catch (e) { /* not allowed: a click gives focus */ } }
})();

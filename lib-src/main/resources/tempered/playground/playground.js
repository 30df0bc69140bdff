function (root, config, engineScript) {
  // The interactive view of one playground: controls, bars and draw buttons around an engine that is the library
  // itself (tempered.playground.PageEngine and the sampler chain it runs, compiled to JavaScript by TeaVM), so
  // every number shown here is computed by the library's own code. This file only builds the page and paints it.
  // It reads its data from `config`, removes the still picture only once everything is built (a failure anywhere
  // leaves the picture in place), and defines no global name: several playgrounds share a page without clashing.
  "use strict";
  if (!root) {
    return;
  }
  var lib = engineScript();
  var engine = lib.load(config.logits, config.encoding, config.top.join(","), config.seed);
  Object.keys(config.start).forEach(function (key) { engine.set(key, config.start[key]); });
  engine.temperatureLast(config.temperatureLast);
  var bars = config.labels.length;

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function show(target, value, text) {
    target.setAttribute("data-value", String(value));
    target.textContent = text;
  }

  var live = element("div", "tpg-live");
  if (config.title) {
    live.appendChild(element("div", "tpg-title", config.title));
  }
  var chain = element("div", "tpg-chain");
  live.appendChild(chain);

  // ---- controls: one slider per setting the notebook has taught, and the order switch ----

  var controls = element("div", "tpg-controls");
  live.appendChild(controls);
  var sliders = config.controls.map(function (control) {
    var caption = element("label", "tpg-name", control.label);
    var input = element("input", "tpg-slider tpg-" + control.slug);
    input.type = "range";
    input.min = "0";
    input.max = String(control.positions.length - 1);
    input.step = "1";
    input.value = String(control.start);
    input.setAttribute("aria-label", control.label);
    var value = element("span", "tpg-value tpg-" + control.slug + "-value");
    var slider = { control: control, input: input, value: value };
    input.addEventListener("input", function () {
      engine.set(control.key, control.positions[Number(input.value)]);
      update();
    });
    controls.appendChild(caption);
    controls.appendChild(control.key === "temperature" ? temperatureScale(input, control) : input);
    controls.appendChild(value);
    return slider;
  });

  // Under the temperature's slider: the range used in practice shaded, and marks to click for T = 0.2, 1 and 2
  // (the most the APIs accept), which a log-scale slider otherwise makes fiddly to hit.
  function temperatureScale(input, control) {
    var holder = element("div", "tpg-scaled");
    holder.appendChild(input);
    var scale = element("div", "tpg-scale");
    holder.appendChild(scale);
    var last = control.positions.length - 1;
    function at(value) {
      return control.positions.indexOf(value);
    }
    // A range input's thumb is about 16 px wide: position i of n sits at 8 px + i / n of the rest.
    function left(index) {
      return "calc(8px + (100% - 16px) * " + (index / last) + ")";
    }
    var from = at(0.7);
    var to = at(1);
    if (from >= 0 && to >= 0) {
      var band = element("div", "tpg-band");
      band.title = "0.7 to 1: the temperatures used in practice";
      band.style.left = left(from);
      band.style.width = "calc((100% - 16px) * " + ((to - from) / last) + ")";
      scale.appendChild(band);
    }
    [0.2, 1, 2].forEach(function (value) {
      var index = at(value);
      if (index < 0) {
        return;
      }
      var mark = element("button", "tpg-mark tpg-mark-" + String(value).replace(".", "-"), lib.text(control.key, value));
      mark.type = "button";
      mark.title = value === 2 ? "T = 2, the most the APIs accept" : "T = " + lib.text(control.key, value);
      mark.style.left = left(index);
      mark.addEventListener("click", function () {
        input.value = String(index);
        engine.set(control.key, value);
        update();
      });
      scale.appendChild(mark);
    });
    return holder;
  }

  if (config.order) {
    var order = element("div", "tpg-order");
    live.appendChild(order);
    [[false, "temperature first (transformers)"], [true, "temperature last (llama.cpp)"]].forEach(function (choice) {
      var label = element("label", "tpg-choice");
      var radio = element("input", choice[0] ? "tpg-last" : "tpg-first");
      radio.type = "radio";
      radio.name = root.id + "-order";
      radio.checked = config.temperatureLast === choice[0];
      radio.addEventListener("change", function () {
        if (radio.checked) {
          engine.temperatureLast(choice[0]);
          update();
        }
      });
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + choice[1]));
      order.appendChild(label);
    });
  }

  // ---- the figures ----

  var facts = element("div", "tpg-figures");
  live.appendChild(facts);
  function fact(name, label) {
    var box = element("span", "tpg-fact");
    box.appendChild(document.createTextNode(label + " "));
    var value = element("b", "tpg-" + name);
    box.appendChild(value);
    facts.appendChild(box);
    return value;
  }
  var shownEntropy = fact("entropy", "entropy");
  var shownPerplexity = fact("perplexity", "perplexity");
  var shownTop = fact("top", "top token's probability");
  var shownMass = fact("mass90", "90% of the mass in");
  var shownKept = fact("kept", "tokens left to draw");

  // ---- the stretches of [0, 1) in list order, and where each draw's u landed ----

  var stretches = null;
  if (config.stretches) {
    stretches = element("div", "tpg-stretches");
    live.appendChild(stretches);
    stretches.appendChild(element("div", "tpg-stretch-head",
      "each token's stretch of [0, 1), in list order; a draw takes a uniform u and picks the stretch it lands in"));
    var strip = element("div", "tpg-strip");
    stretches.appendChild(strip);
    var pieces = config.listLabels.map(function (label, i) {
      var piece = element("div", "tpg-piece tpg-piece-" + i, label);
      piece.title = label;
      strip.appendChild(piece);
      return piece;
    });
    var darts = element("div", "tpg-darts");
    stretches.appendChild(darts);
    var dartList = element("ul", "tpg-dart-list");
    stretches.appendChild(dartList);
  }

  // ---- the rows: one bar per labelled token, then the tokens without a bar ----

  var rows = element("div", "tpg-rows" + (config.showLogits ? " tpg-with-logits" : ""));
  live.appendChild(rows);
  rows.appendChild(element("div", "tpg-head", "token"));
  if (config.showLogits) {
    rows.appendChild(element("div", "tpg-head tpg-num", "logit"));
    rows.appendChild(element("div", "tpg-head tpg-num", "logit / T"));
  }
  rows.appendChild(element("div", "tpg-head", "probability (blue), share of draws (orange)"));
  rows.appendChild(element("div", "tpg-head tpg-num", "p"));
  rows.appendChild(element("div", "tpg-head tpg-num", "drawn"));

  function row(label, className, withLogits) {
    var cells = { all: [] };
    function add(name, cell) {
      cells[name] = cell;
      cells.all.push(cell);
      rows.appendChild(cell);
    }
    add("label", element("div", className + " tpg-label", label));
    if (config.showLogits) {
      add("logit", element("div", className + " tpg-num tpg-logit", withLogits ? undefined : ""));
      add("scaled", element("div", className + " tpg-num tpg-scaled", withLogits ? undefined : ""));
    }
    add("track", element("div", className + " tpg-track"));
    add("p", element("div", className + " tpg-num tpg-p"));
    add("count", element("div", className + " tpg-num tpg-count"));
    cells.bar = element("div", "tpg-bar");
    cells.share = element("div", "tpg-share");
    cells.track.appendChild(cells.bar);
    cells.track.appendChild(cells.share);
    return cells;
  }
  var barRows = config.labels.map(function (label, i) {
    return row(label, "tpg-row tpg-row-" + i, true);
  });
  var restCells = [];

  // ---- drawing ----

  var drawing = element("div", "tpg-draw");
  live.appendChild(drawing);
  var buttons = [1, 100, 1000].map(function (count) {
    var button = element("button", "tpg-draw-" + count, "draw " + lib.grouped(count));
    button.type = "button";
    button.addEventListener("click", function () { draw(count); });
    drawing.appendChild(button);
    return button;
  });
  var again = element("button", "tpg-reset", "start over");
  again.type = "button";
  again.addEventListener("click", function () {
    engine.reset();
    update();
  });
  drawing.appendChild(again);
  var status = element("span", "tpg-status");
  drawing.appendChild(status);

  // Draws run in slices of about 40 ms, so a page whose chain redoes its work at every draw (XTC, mirostat on a
  // whole vocabulary) stays responsive; a change of setting drops the draws not yet made.
  var pending = null;
  function draw(count) {
    var job = { left: count, slice: 1 };
    pending = job;
    root.setAttribute("data-busy", "true");
    function step() {
      if (pending !== job) {
        return;
      }
      var started = Date.now();
      while (job.left > 0 && Date.now() - started < 40) {
        var n = Math.min(job.left, job.slice);
        engine.draw(n);
        job.left -= n;
        job.slice = Math.min(1000, job.slice * 2);
      }
      render();
      if (job.left > 0) {
        setTimeout(step, 0);
      } else {
        pending = null;
        root.removeAttribute("data-busy");
      }
    }
    step();
  }

  function update() {
    pending = null;
    root.removeAttribute("data-busy");
    render();
  }

  // ---- painting ----

  function paint(cells, p, count, draws) {
    show(cells.p, p, lib.probabilityText(p));
    show(cells.count, count, draws === 0 ? "" : lib.grouped(count));
    cells.bar.style.width = (100 * p) + "%";
    cells.share.style.width = draws === 0 ? "0" : (100 * count / draws) + "%";
    cells.label.classList.toggle("tpg-cut", p === 0);
  }

  function render() {
    chain.textContent = engine.chain();
    sliders.forEach(function (slider) {
      var value = slider.control.positions[Number(slider.input.value)];
      show(slider.value, value, lib.text(slider.control.key, value));
    });
    show(shownEntropy, engine.entropy(), lib.fixed4(engine.entropy()) + " nats");
    show(shownPerplexity, engine.perplexity(), lib.fixed4(engine.perplexity()));
    show(shownTop, engine.top(), lib.fixed4(engine.top()));
    var mass = engine.mass90();
    show(shownMass, mass, lib.grouped(mass) + (mass === 1 ? " token" : " tokens"));
    show(shownKept, engine.kept(), lib.grouped(engine.kept()) + " of " + lib.grouped(engine.size()));
    var draws = engine.draws();
    barRows.forEach(function (cells, i) {
      paint(cells, engine.probability(i), engine.count(i), draws);
      if (config.showLogits) {
        cells.logit.textContent = engine.logit(i);
        cells.scaled.textContent = engine.scaledLogit(i);
      }
    });
    renderRest(draws);
    if (stretches) {
      renderStretches(draws);
    }
    status.setAttribute("data-value", String(draws));
    var last = engine.lastRow();
    var name = last < 0 ? "" : last < bars ? config.labels[last] : "token " + engine.lastDrawn() + " (no bar of its own)";
    status.textContent = draws === 0 ? "seed " + config.seed + ": no draws yet"
      : lib.grouped(draws) + (draws === 1 ? " draw" : " draws") + " with seed " + config.seed + "; the last: " + name;
  }

  // The rows for the tokens without a bar say what they hold, so their number changes with the settings.
  function renderRest(draws) {
    restCells.forEach(function (cells) {
      cells.all.forEach(function (cell) { rows.removeChild(cell); });
    });
    restCells = [];
    for (var i = 0; i < engine.restRows(); i++) {
      var kept = engine.restKept(i);
      var cells = row(engine.restLabel(i), "tpg-row tpg-rest tpg-rest-" + i + (kept ? " tpg-rest-kept" : " tpg-rest-cut"), false);
      if (kept) {
        paint(cells, engine.restMass(i), engine.count(bars), draws);
      } else {
        show(cells.p, 0, "0");
        show(cells.count, 0, "");
        cells.bar.className = "tpg-held";
        cells.bar.style.width = (100 * engine.restHeld(i)) + "%";
        cells.share.style.width = "0";
      }
      restCells.push(cells);
    }
  }

  function renderStretches(draws) {
    var from = 0;
    pieces.forEach(function (piece, id) {
      var to = engine.stretchEnd(id);
      piece.style.left = (100 * from) + "%";
      piece.style.width = (100 * (to - from)) + "%";
      piece.setAttribute("data-value", String(to));
      from = to;
    });
    while (darts.firstChild) {
      darts.removeChild(darts.firstChild);
    }
    while (dartList.firstChild) {
      dartList.removeChild(dartList.firstChild);
    }
    var shownDarts = Math.min(draws, 100);
    for (var back = shownDarts - 1; back >= 0; back--) {
      var u = engine.u(back);
      if (isNaN(u)) {
        continue;
      }
      var dart = element("div", back === 0 ? "tpg-dart tpg-dart-last" : "tpg-dart");
      dart.style.left = (100 * u) + "%";
      dart.setAttribute("data-value", String(u));
      darts.appendChild(dart);
    }
    if (draws > 0 && isNaN(engine.u(0))) {
      dartList.appendChild(element("li", "tpg-dart-note", "T = 0 is greedy: a draw takes no u, it takes the likeliest token"));
      return;
    }
    for (var latest = 0; latest < Math.min(draws, 5); latest++) {
      var item = element("li", "tpg-dart-item", "draw " + lib.grouped(draws - latest) + ": u = " + lib.fixed4(engine.u(latest))
        + " lands in " + config.listLabels[engine.drawnAt(latest)]);
      item.setAttribute("data-value", String(engine.u(latest)));
      item.setAttribute("data-token", String(engine.drawnAt(latest)));
      dartList.appendChild(item);
    }
  }

  render();
  root.appendChild(live);
  var picture = root.querySelector(".tpg-static");
  if (picture) {
    picture.parentNode.removeChild(picture);
  }
}

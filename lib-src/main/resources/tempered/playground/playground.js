function (root, config) {
  // The interactive view of one playground. It reads its data from `config`, builds its controls inside
  // `root`, and removes the static picture there only once everything is built, so a failure anywhere leaves
  // the picture in place. It defines no global name: several playgrounds share a page without clashing.
  //
  // The arithmetic mirrors the library step by step (tempered.math.Softmax and Distribution,
  // tempered.sampling.Temperature, TopK, TopP, MinP, SamplerChain, SamplerSettings, RandomPicker), in the same
  // order and with the same tie rules, so the figures equal the library's and a seed draws the same tokens.
  "use strict";
  if (!root) {
    return;
  }
  var NEG = -Infinity;
  var logits = decode(config.logits, config.encoding, config.size);
  var n = logits.length;
  var topIndex = {};
  config.top.forEach(function (id, i) { topIndex[id] = i; });

  // ---- the library's arithmetic ----

  function decode(base64, encoding, size) {
    var bytes = atob(base64);
    var view = new DataView(new ArrayBuffer(bytes.length));
    for (var i = 0; i < bytes.length; i++) {
      view.setUint8(i, bytes.charCodeAt(i));
    }
    var out = new Float64Array(size);
    for (var j = 0; j < size; j++) {
      out[j] = encoding === "f32" ? view.getFloat32(4 * j, true) : view.getFloat64(8 * j, true);
    }
    return out;
  }

  // Logits.indexOfMax: the first index of the largest value.
  function indexOfMax(x) {
    var best = 0;
    for (var i = 1; i < x.length; i++) {
      if (x[i] > x[best]) {
        best = i;
      }
    }
    return best;
  }

  // Ranking's order: highest score first, equal scores by ascending index. With a floor, only the indices
  // whose score is above it (Ranking.descendingAbove); with null, all of them (Ranking.descending).
  function ranked(scores, floor) {
    var ids = [];
    for (var i = 0; i < scores.length; i++) {
      if (floor === null || scores[i] > floor) {
        ids.push(i);
      }
    }
    return ids.sort(function (a, b) {
      return scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : a - b;
    });
  }

  // Ranking.top: the first k of that order, by one pass that keeps the best k (cheaper than a sort for small k).
  function top(scores, k) {
    if (k > 256) {
      return ranked(scores, null).slice(0, k);
    }
    var best = [];
    for (var i = 0; i < scores.length; i++) {
      var score = scores[i];
      if (best.length === k && !(score > scores[best[k - 1]])) {
        continue;
      }
      var position = best.length === k ? k - 1 : best.length;
      if (best.length < k) {
        best.push(i);
      }
      while (position > 0 && score > scores[best[position - 1]]) {
        best[position] = best[position - 1];
        position--;
      }
      best[position] = i;
    }
    return best;
  }

  // Softmax.compute for T > 0: subtract the maximum, exponentiate, normalise; -Infinity is a masked token.
  function softmax(x, temperature) {
    var m = x.length;
    var probs = new Float64Array(m);
    var logProbs = new Float64Array(m);
    var max = x[indexOfMax(x)];
    var sum = 0;
    for (var i = 0; i < m; i++) {
      var scaled = (x[i] - max) / temperature;
      logProbs[i] = scaled;
      probs[i] = x[i] === NEG ? 0 : Math.exp(scaled);
      sum += probs[i];
    }
    var logSum = Math.log(sum);
    for (var j = 0; j < m; j++) {
      probs[j] /= sum;
      logProbs[j] -= logSum;
    }
    return { probs: probs, logProbs: logProbs };
  }

  // Temperature.apply for T > 0 (T = 0 never enters a chain: it makes the picker greedy).
  function temperature(x, t) {
    var out = new Float64Array(x.length);
    var overflowed = false;
    for (var i = 0; i < x.length; i++) {
      out[i] = x[i] / t;
      overflowed = overflowed || (!isFinite(out[i]) && isFinite(x[i]));
    }
    if (overflowed) {
      var max = x[indexOfMax(x)];
      for (var j = 0; j < x.length; j++) {
        out[j] = (x[j] - max) / t;
      }
    }
    return out;
  }

  function masked(size) {
    var out = new Float64Array(size);
    out.fill(NEG);
    return out;
  }

  // TopK.apply: exactly k survive; at a tie on the cut, the lower ids.
  function topK(x, k) {
    if (k >= x.length) {
      return Float64Array.from(x);
    }
    var out = masked(x.length);
    top(x, k).forEach(function (id) { out[id] = x[id]; });
    return out;
  }

  // TopP.apply: the likeliest tokens until their mass reaches p, within 1e-9. Only tokens above
  // (1 - p) / (2 n) can be needed, so only those are ranked, as the library does.
  function topP(x, p) {
    var probs = softmax(x, 1.0).probs;
    var out = masked(x.length);
    var mass = 0;
    var ids = ranked(probs, 0.5 * (1 - p) / probs.length);
    for (var i = 0; i < ids.length; i++) {
      out[ids[i]] = x[ids[i]];
      mass += probs[ids[i]];
      if (mass >= p - 1e-9) {
        break;
      }
    }
    return out;
  }

  // MinP.apply: x >= max + ln p. ln p comes from Java (config.minPLogs), so the boundary is the library's to the bit.
  function minP(x, logP) {
    var threshold = x[indexOfMax(x)] + logP;
    var out = new Float64Array(x.length);
    for (var i = 0; i < x.length; i++) {
      out[i] = x[i] >= threshold ? x[i] : NEG;
    }
    return out;
  }

  // Numbers.format: plain decimals, and Java's Double.toString form below 1e-4 and from 1e7 up.
  function format(value) {
    if (value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e7)) {
      var parts = value.toExponential().split("e");
      return (parts[0].indexOf(".") < 0 ? parts[0] + ".0" : parts[0]) + "E" + parts[1].replace("+", "");
    }
    return String(value);
  }

  // SamplerSettings.temperatureFirst / temperatureLast: disabled knobs are left out of the chain.
  function processors(s) {
    var list = [];
    var heat = s.t !== 0 ? { name: "temperature(" + format(s.t) + ")", kind: "t", value: s.t } : null;
    if (heat && !s.last) {
      list.push(heat);
    }
    if (s.k !== 0) {
      list.push({ name: "top-k(" + s.k + ")", kind: "k", value: s.k });
    }
    if (s.p !== 1) {
      list.push({ name: "top-p(" + format(s.p) + ")", kind: "p", value: s.p });
    }
    if (s.minP !== 0) {
      list.push({ name: "min-p(" + format(s.minP) + ")", kind: "min", value: s.minPLog });
    }
    if (heat && s.last) {
      list.push(heat);
    }
    return list;
  }

  function apply(processor, x) {
    switch (processor.kind) {
      case "t": return temperature(x, processor.value);
      case "k": return topK(x, processor.value);
      case "p": return topP(x, processor.value);
      default: return minP(x, processor.value);
    }
  }

  function chainText(s) {
    var names = processors(s).map(function (p) { return p.name; });
    names.push(s.t === 0 ? "greedy" : "random(seed=" + config.seed + ")");
    return names.join(" -> ");
  }

  // SamplerChain.prepare: every processor but a final temperature, which the softmax (and the draw) applies
  // instead; after a small top-k the rest of the chain works on the k candidates in ascending id order.
  function prepare(list) {
    var count = list.length;
    var heat = 1.0;
    if (count > 0 && list[count - 1].kind === "t") {
      heat = list[count - 1].value;
      count--;
    }
    var compactAt = -1;
    for (var i = 0; i < count && compactAt < 0; i++) {
      var k = list[i].value;
      if (list[i].kind === "k" && k > 0 && k <= 1024 && k < Math.floor(n / 4)) {
        compactAt = i;
      }
    }
    var current = logits;
    var ids = null;
    for (var j = 0; j < count; j++) {
      if (j === compactAt) {
        var from = current;
        ids = top(from, list[j].value).sort(function (a, b) { return a - b; });
        current = Float64Array.from(ids, function (id) { return from[id]; });
      } else {
        current = apply(list[j], current);
      }
    }
    var full = current;
    if (ids) {
      full = masked(n);
      ids.forEach(function (id, index) { full[id] = current[index]; });
    }
    return { logits: current, temperature: heat, ids: ids, full: full };
  }

  // Distribution: entropy, perplexity, the top token, tokensForMass(0.9), and the tokens left to draw.
  function figures(probs, logProbs) {
    var h = 0;
    var kept = 0;
    for (var i = 0; i < probs.length; i++) {
      if (probs[i] > 0) {
        h -= probs[i] * logProbs[i];
        kept++;
      }
    }
    h = Math.max(0, h);
    return {
      entropy: h,
      perplexity: Math.exp(h),
      top: probs[indexOfMax(probs)],
      mass90: tokensForMass(probs, 0.9),
      kept: kept
    };
  }

  // The tokens holding less than (1 - mass) / (2 n) each hold less than (1 - mass) / 2 together, so the
  // shortest prefix is among the others: ranking those gives the library's cumulative sums, for less work.
  function tokensForMass(probs, mass) {
    var floors = [0.5 * (1 - mass) / probs.length, null];
    for (var f = 0; f < floors.length; f++) {
      var ids = ranked(probs, floors[f]);
      var cumulative = 0;
      for (var i = 0; i < ids.length; i++) {
        cumulative += probs[ids[i]];
        if (cumulative >= mass - 1e-12) {
          return i + 1;
        }
      }
    }
    return probs.length;
  }

  // SamplerChain.distribution, plus what a draw needs (RandomPicker.draw's weights, summed in two halves).
  function compute(s) {
    var list = processors(s);
    if (s.t === 0) {
      var x = logits;
      list.forEach(function (p) { x = apply(p, x); });
      var best = indexOfMax(x);
      var probs = new Float64Array(n);
      var logProbs = masked(n);
      probs[best] = 1;
      logProbs[best] = 0;
      return { probs: probs, figures: figures(probs, logProbs), greedy: best };
    }
    var prepared = prepare(list);
    var d = softmax(prepared.full, prepared.temperature);
    return { probs: d.probs, figures: figures(d.probs, d.logProbs), prepared: prepared };
  }

  function drawTable(prepared) {
    var x = prepared.logits;
    var m = x.length;
    var best = -1;
    var max = NEG;
    for (var i = 0; i < m; i++) {
      if (x[i] > max) {
        max = x[i];
        best = i;
      }
    }
    // Multiplying by 1/T, as RandomPicker does, not dividing: the same weights to the last bit.
    var inverse = 1 / prepared.temperature;
    var weights = new Float64Array(m);
    function weigh(from, to) {
      var sum = 0;
      for (var j = from; j < to; j++) {
        weights[j] = x[j] === NEG ? 0 : Math.exp((x[j] - max) * inverse);
        sum += weights[j];
      }
      return sum;
    }
    var half = Math.floor(m / 2);
    var total = weigh(0, half) + weigh(half, m);
    var cumulative = new Float64Array(m);
    var running = 0;
    var last = best;
    for (var k = 0; k < m; k++) {
      if (weights[k] > 0) {
        running += weights[k];
        last = k;
      }
      cumulative[k] = running;
    }
    return { total: total, cumulative: cumulative, last: last, ids: prepared.ids };
  }

  // java.util.SplittableRandom(seed).nextDouble(), in 64-bit integer arithmetic (BigInt).
  function splittableRandom(seed) {
    var state = BigInt.asUintN(64, BigInt(seed));
    var gamma = BigInt("0x9e3779b97f4a7c15");
    var m1 = BigInt("0xbf58476d1ce4e5b9");
    var m2 = BigInt("0x94d049bb133111eb");
    return function () {
      state = BigInt.asUintN(64, state + gamma);
      var z = state;
      z = BigInt.asUintN(64, (z ^ (z >> BigInt(30))) * m1);
      z = BigInt.asUintN(64, (z ^ (z >> BigInt(27))) * m2);
      z = z ^ (z >> BigInt(31));
      return Number(z >> BigInt(11)) * Math.pow(2, -53);
    };
  }

  // RandomPicker.draw: the first token whose running weight passes u * total (a binary search over the
  // running sums finds the same token as the library's scan, since a masked token adds nothing).
  function drawOne(table, u) {
    var target = u * table.total;
    var low = 0;
    var high = table.cumulative.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (target < table.cumulative[mid]) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    var index = low < table.cumulative.length ? low : table.last;
    return table.ids ? table.ids[index] : index;
  }

  // ---- the page ----

  var TEMPERATURES = [0];
  var MANTISSAS = ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "2", "2.2", "2.4", "2.5",
    "2.6", "2.8", "3", "3.2", "3.5", "3.8", "4", "4.5", "5", "5.5", "6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5"];
  [-2, -1, 0, 1].forEach(function (exponent) {
    MANTISSAS.forEach(function (m) { TEMPERATURES.push(Number(m + "e" + exponent)); });
  });
  TEMPERATURES.push(100);

  var start = config.start;
  var state = {
    t: start.temperature, k: start.topK, p: start.topP, minP: start.minP, minPLog: start.minPLog, last: start.temperatureLast
  };
  var kMax = Math.max(Math.min(n, 100), start.topK);

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

  function nearest(values, value) {
    var best = 0;
    for (var i = 1; i < values.length; i++) {
      if (Math.abs(values[i] - value) < Math.abs(values[best] - value)) {
        best = i;
      }
    }
    return best;
  }

  function grouped(count) {
    return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function probability(p) {
    return p === 0 ? "0" : p >= 1e-4 ? p.toFixed(4) : p.toExponential(1);
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

  var controls = element("div", "tpg-controls");
  live.appendChild(controls);
  function slider(name, label, max, position, read) {
    var caption = element("label", "tpg-name", label);
    var input = element("input", "tpg-slider tpg-" + name);
    input.type = "range";
    input.min = "0";
    input.max = String(max);
    input.step = "1";
    input.value = String(position);
    input.setAttribute("aria-label", label);
    var value = element("span", "tpg-value tpg-" + name + "-value");
    input.addEventListener("input", function () {
      read(Number(input.value));
      update();
    });
    controls.appendChild(caption);
    controls.appendChild(input);
    controls.appendChild(value);
    return value;
  }
  var shownT = slider("temperature", "T", TEMPERATURES.length - 1, nearest(TEMPERATURES, state.t),
    function (i) { state.t = TEMPERATURES[i]; });
  var shownK = slider("top-k", "top-k", kMax, state.k, function (i) { state.k = i; });
  var shownP = slider("top-p", "top-p", 99, Math.max(0, Math.round(state.p * 100) - 1),
    function (i) { state.p = (i + 1) / 100; });
  var shownMinP = slider("min-p", "min-p", 100, Math.round(state.minP * 100), function (i) {
    state.minP = i / 100;
    state.minPLog = i === 0 ? 0 : config.minPLogs[i - 1];
  });

  var order = element("div", "tpg-order");
  live.appendChild(order);
  [[false, "temperature first (transformers, vLLM)"], [true, "temperature last (llama.cpp)"]].forEach(function (choice) {
    var label = element("label", "tpg-choice");
    var radio = element("input", choice[0] ? "tpg-last" : "tpg-first");
    radio.type = "radio";
    radio.name = root.id + "-order";
    radio.checked = state.last === choice[0];
    radio.addEventListener("change", function () {
      if (radio.checked) {
        state.last = choice[0];
        update();
      }
    });
    label.appendChild(radio);
    label.appendChild(document.createTextNode(" " + choice[1]));
    order.appendChild(label);
  });

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
  var shownTop = fact("top", "top token");
  var shownMass = fact("mass90", "90% of the mass in");
  var shownKept = fact("kept", "tokens left to draw");

  var rows = element("div", "tpg-rows");
  live.appendChild(rows);
  rows.appendChild(element("div", "tpg-head", "token"));
  rows.appendChild(element("div", "tpg-head", "probability (blue), share of draws (orange)"));
  rows.appendChild(element("div", "tpg-head tpg-num", "p"));
  rows.appendChild(element("div", "tpg-head tpg-num", "drawn"));
  var restSize = n - config.top.length;
  var bars = config.labels.map(function (label, i) {
    return row(label, "tpg-row tpg-row-" + i);
  });
  if (restSize > 0) {
    bars.push(row("all the other " + grouped(restSize) + " tokens", "tpg-row tpg-rest"));
  }
  function row(label, className) {
    var cells = {
      label: element("div", className + " tpg-label", label),
      track: element("div", className + " tpg-track"),
      p: element("div", className + " tpg-num tpg-p"),
      count: element("div", className + " tpg-num tpg-count")
    };
    cells.bar = element("div", "tpg-bar");
    cells.share = element("div", "tpg-share");
    cells.track.appendChild(cells.bar);
    cells.track.appendChild(cells.share);
    rows.appendChild(cells.label);
    rows.appendChild(cells.track);
    rows.appendChild(cells.p);
    rows.appendChild(cells.count);
    return cells;
  }

  var drawing = element("div", "tpg-draw");
  live.appendChild(drawing);
  [1, 100, 1000].forEach(function (count) {
    var button = element("button", "tpg-draw-" + count, "draw " + grouped(count));
    button.type = "button";
    button.addEventListener("click", function () { draw(count); });
    drawing.appendChild(button);
  });
  var again = element("button", "tpg-reset", "start over");
  again.type = "button";
  again.addEventListener("click", function () { reset(); render(); });
  drawing.appendChild(again);
  var status = element("span", "tpg-status");
  drawing.appendChild(status);

  var current = null;
  var table = null;
  var random = null;
  var counts = null;
  var draws = 0;
  var lastDrawn = null;

  function reset() {
    random = splittableRandom(config.seed);
    counts = new Array(bars.length).fill(0);
    draws = 0;
    lastDrawn = null;
  }

  // Each draw continues the seeded sequence, as successive chain.next calls do; any change of a setting
  // starts it over, so the tally is always the library's first draws for the settings shown.
  function draw(count) {
    if (current.greedy === undefined && table === null) {
      table = drawTable(current.prepared);
    }
    for (var i = 0; i < count; i++) {
      var id = current.greedy !== undefined ? current.greedy : drawOne(table, random());
      var index = topIndex[id];
      counts[index === undefined ? bars.length - 1 : index]++;
      lastDrawn = id;
    }
    draws += count;
    render();
  }

  function update() {
    current = compute(state);
    table = null;
    reset();
    render();
  }

  function render() {
    chain.textContent = chainText(state);
    show(shownT, state.t, state.t === 0 ? "0 (greedy)" : format(state.t));
    show(shownK, state.k, state.k === 0 ? "off" : String(state.k));
    show(shownP, state.p, state.p === 1 ? "off" : format(state.p));
    show(shownMinP, state.minP, state.minP === 0 ? "off" : format(state.minP));
    var f = current.figures;
    show(shownEntropy, f.entropy, f.entropy.toFixed(4) + " nats");
    show(shownPerplexity, f.perplexity, f.perplexity.toFixed(4));
    show(shownTop, f.top, f.top.toFixed(4));
    show(shownMass, f.mass90, grouped(f.mass90) + (f.mass90 === 1 ? " token" : " tokens"));
    show(shownKept, f.kept, grouped(f.kept) + " of " + grouped(n));
    config.top.forEach(function (id, i) {
      paint(bars[i], current.probs[id], counts[i]);
    });
    if (restSize > 0) {
      var rest = 0;
      for (var id = 0; id < n; id++) {
        if (topIndex[id] === undefined) {
          rest += current.probs[id];
        }
      }
      paint(bars[bars.length - 1], rest, counts[bars.length - 1]);
    }
    status.setAttribute("data-value", String(draws));
    status.textContent = draws === 0 ? "seed " + config.seed + ": no draws yet"
      : grouped(draws) + " draws with seed " + config.seed + "; the last: " + name(lastDrawn);
  }

  function name(id) {
    var index = topIndex[id];
    return index === undefined ? "token " + id + " (one of the rest)" : config.labels[index];
  }

  function paint(cells, p, count) {
    show(cells.p, p, probability(p));
    show(cells.count, count, draws === 0 ? "" : grouped(count));
    cells.bar.style.width = (100 * p) + "%";
    cells.share.style.width = draws === 0 ? "0" : (100 * count / draws) + "%";
    cells.label.classList.toggle("tpg-cut", p === 0);
  }

  update();
  root.appendChild(live);
  var picture = root.querySelector(".tpg-static");
  if (picture) {
    picture.parentNode.removeChild(picture);
  }
}

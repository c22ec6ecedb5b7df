// Counts down every element marked data-countdown="<seconds>" once a second, showing
// m:ss in its [data-countdown-clock] child; at zero it reveals [data-countdown-over].
// The server stays the judge of time (a late paper is kept but not scored): this only
// tells the worker how long is left without reloading the page.
(function () {
  function format(seconds) {
    const minutes = Math.floor(seconds / 60);
    const rest = String(seconds % 60).padStart(2, "0");
    return minutes + ":" + rest;
  }
  function start(element) {
    const deadline = Date.now() + Number(element.dataset.countdown) * 1000;
    const clock = element.querySelector("[data-countdown-clock]");
    const over = element.querySelector("[data-countdown-over]");
    function tick() {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      clock.textContent = format(left);
      if (left === 0) {
        if (over) over.hidden = false;
        return;
      }
      window.setTimeout(tick, 1000);
    }
    tick();
  }
  document.querySelectorAll("[data-countdown]").forEach(start);
})();

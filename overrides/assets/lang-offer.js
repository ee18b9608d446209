/* Sanctuary Guide: offer this page in the reader's preferred language (overrides/main.html puts
   the hidden line after the header). Shown only when the browser lists that language before the
   page's own; never redirects; a "No, thanks" is remembered on this device (localStorage), and
   nothing is sent anywhere. */
(function () {
  "use strict";
  var page = (document.documentElement.lang || "en").slice(0, 2).toLowerCase();
  var prefs = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""])
    .map(function (l) { return String(l).slice(0, 2).toLowerCase(); });
  function key(lang) { return "sg-lang-offer-" + lang; }
  function dismissed(lang) { try { return localStorage.getItem(key(lang)) === "no"; } catch (e) { return false; } }
  document.querySelectorAll("[data-lang-offer]").forEach(function (el) {
    var lang = el.getAttribute("data-lang-offer");
    var want = prefs.indexOf(lang), own = prefs.indexOf(page);
    if (want === -1 || (own !== -1 && own < want) || dismissed(lang)) return;
    el.hidden = false;
    el.querySelector("[data-lang-offer-dismiss]").addEventListener("click", function () {
      el.hidden = true;
      try { localStorage.setItem(key(lang), "no"); } catch (e) { /* private mode or file:// */ }
    });
  });
})();

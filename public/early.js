// Runs before first paint (a classic, blocking script in <head>; external because the CSP forbids inline
// scripts). It (a) applies the saved theme so the page never flashes the wrong one, and marks a returning visit
// for the prerendered page, and (b) registers the service worker and exposes `window.tsPwa` for the app's
// "Update ready" and "Install" buttons.
(function () {
  'use strict';

  // (a) Theme: stored by the app as {"schema":1,"data":{"theme":"light"|"dark"|"system",...}}.
  try {
    var raw = window.localStorage.getItem('trust-steps/settings');
    var theme = raw ? JSON.parse(raw).data.theme : null;
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch (_) {
    // No storage, or unreadable settings: the app shows the system theme and handles the data itself.
  }

  // (a2) A prerendered page (scripts/prerender.mjs) shows a first visit. When this browser already holds Trust
  // Steps data, its <main> is hidden until the app draws the person's own page; when the quick-hide cover is
  // coming back (Hide locked the app), none of it is shown. Classes read by public/styles.css.
  try {
    var storage = window.localStorage;
    for (var i = 0; i < storage.length; i++) {
      if (String(storage.key(i)).indexOf('trust-steps/') === 0) {
        document.documentElement.classList.add('ts-returning');
        break;
      }
    }
  } catch (_) {
    // No storage: nothing is kept, so every visit is a first one.
  }
  try {
    if (window.sessionStorage.getItem('ts-covered')) document.documentElement.classList.add('ts-covered');
  } catch (_) {
    // No session storage: Hide cannot have set its flag either.
  }

  // (a3) The locale's date data, loaded off the main thread once the page is parsed (public/warm-dates.js).
  document.addEventListener('DOMContentLoaded', function () {
    try {
      if (window.Worker && window.Intl) new Worker('/warm-dates.js');
    } catch (_) {
      // No worker: the app's first date format loads the data itself.
    }
  }, { once: true });

  // (b) Service worker and install prompt.
  var pwa = {
    /** A new build is installed and waiting; call applyUpdate() to switch to it. */
    updateReady: false,
    /** The browser offered to install the app; call install() to show its prompt. */
    canInstall: false,
    /** Activates the waiting build and reloads the page once it controls it. */
    applyUpdate: function () {
      var waiting = registration && registration.waiting;
      if (!waiting) return false;
      reloadOnChange = true;
      waiting.postMessage({ type: 'SKIP_WAITING' });
      return true;
    },
    /** Shows the browser's install prompt; resolves to its outcome ("accepted"/"dismissed") or null. */
    install: function () {
      var prompt = deferredPrompt;
      if (!prompt) return Promise.resolve(null);
      deferredPrompt = null;
      setCanInstall(false);
      return prompt.prompt().then(function () {
        return prompt.userChoice;
      }).then(function (choice) {
        return choice ? choice.outcome : null;
      }, function () {
        return null;
      });
    },
  };
  window.tsPwa = pwa;

  var registration = null;
  var reloadOnChange = false;
  var reloaded = false;
  var deferredPrompt = null;

  function emit(name) {
    try {
      window.dispatchEvent(new Event(name));
    } catch (_) {
      // Old browsers without the Event constructor: nothing listens there anyway.
    }
  }

  function markUpdateReady() {
    if (pwa.updateReady) return;
    pwa.updateReady = true;
    emit('ts:update-ready');
  }

  function setCanInstall(value) {
    pwa.canInstall = value;
    emit('ts:install-available');
  }

  function watch(worker) {
    if (!worker) return;
    worker.addEventListener('statechange', function () {
      // "installed" with a controller present means an older build is running: this one waits.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) markUpdateReady();
    });
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      // The first install also changes the controller (clients.claim): only reload when asked to.
      if (!reloadOnChange || reloaded) return;
      reloaded = true;
      window.location.reload();
    });
    // A returning visit registers at once (an update check: the worker is installed). A first visit waits
    // until the app has started (the app's `ts:ready` event): installing precaches every file, and the wasm
    // fetched for the page by then comes from the HTTP cache instead of a second download beside the first.
    if (navigator.serviceWorker.controller) register();
    else window.addEventListener('ts:ready', register, { once: true });
  }

  function register() {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/', updateViaCache: 'none' })
      .then(function (reg) {
        registration = reg;
        if (reg.waiting && navigator.serviceWorker.controller) markUpdateReady();
        watch(reg.installing);
        reg.addEventListener('updatefound', function () {
          watch(reg.installing);
        });
      })
      .catch(function (err) {
        // Offline with the server gone, the update check fails; the installed worker keeps serving.
        console.info('Trust Steps: service worker not (re)registered:', err && err.message);
      });
  }

  window.addEventListener('beforeinstallprompt', function (event) {
    event.preventDefault();
    deferredPrompt = event;
    setCanInstall(true);
  });

  window.addEventListener('appinstalled', function () {
    deferredPrompt = null;
    setCanInstall(false);
  });
})();

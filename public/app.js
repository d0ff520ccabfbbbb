//! Registers the service worker (offline use) and, when a new version is waiting, offers a reload.
//!
//! The page never reloads by itself: a half-filled form must not vanish. The notice is a small
//! fixed status box built with DOM APIs and textContent (no HTML strings), styled through CSSOM
//! properties, which the Content-Security-Policy allows where style attributes would be refused.
"use strict";

(function () {
  if (!("serviceWorker" in navigator)) {
    return;
  }
  // sw.js sits next to this script, wherever the site is served from (a GitHub Pages sub-path).
  const script = document.currentScript;
  const workerUrl = new URL("sw.js", script ? script.src : document.baseURI);
  const HOUR_MS = 60 * 60 * 1000;
  let hadController = Boolean(navigator.serviceWorker.controller);
  let reloadAsked = false;
  let offered = false;
  let region = null;

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloadAsked) {
      window.location.reload();
    } else if (hadController) {
      // Another tab accepted the update: this one runs old code, so offer the reload here too.
      offer(null);
    }
    hadController = true;
  });

  // The worker's install fetches every file of the build (its precache, about a megabyte): it
  // starts once the page has loaded, the app has mounted (the `microscope:mounted` mark; 10 s at
  // most, should the app never mount) and the browser is idle, so it never competes with the
  // first screen's downloads and paint.
  window.addEventListener("load", () => afterMount(whenIdle(register)));

  /** Runs `next` once the app set its `microscope:mounted` mark, or after 10 s. */
  function afterMount(next) {
    const marked = () => performance.getEntriesByName("microscope:mounted").length > 0;
    const types = (self.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (marked() || !types.includes("mark")) {
      next();
      return;
    }
    let done = false;
    const go = () => {
      if (!done) {
        done = true;
        observer.disconnect();
        next();
      }
    };
    const observer = new PerformanceObserver(() => {
      if (marked()) go();
    });
    observer.observe({ type: "mark" });
    setTimeout(go, 10000);
  }

  /** `next` wrapped to run when the browser is idle (at most 5 s later; at once without idle callbacks). */
  function whenIdle(next) {
    return () => ("requestIdleCallback" in window ? requestIdleCallback(next, { timeout: 5000 }) : setTimeout(next, 0));
  }

  function register() {
    ensureRegion();
    navigator.serviceWorker
      .register(workerUrl.href)
      .then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) {
          offer(registration);
        }
        // With no controller a worker is the first install, not an update: nothing to offer.
        const offerIfWaiting = () => {
          if (registration.waiting && navigator.serviceWorker.controller) {
            offer(registration);
          }
        };
        registration.addEventListener("updatefound", () => {
          const worker = registration.installing;
          if (!worker) {
            // Installed before this task ran (a fast install from the HTTP cache): it is already
            // waiting, and no statechange will come for it.
            offerIfWaiting();
            return;
          }
          worker.addEventListener("statechange", () => {
            if (worker.state === "installed") {
              offerIfWaiting();
            }
          });
        });
        // Tabs stay open for days: look for a new version when the user comes back, hourly at most.
        let lastCheck = Date.now();
        document.addEventListener("visibilitychange", () => {
          if (document.visibilityState === "visible" && Date.now() - lastCheck > HOUR_MS) {
            lastCheck = Date.now();
            registration.update().catch(() => {});
          }
        });
      })
      .catch((error) => {
        // Private windows and file:// pages have no service workers; the app works without one.
        console.warn("Microscope works online only here: the offline copy could not be set up.", error);
      });
  }

  /** An empty live region, in the page before any message goes into it, so it gets announced. */
  function ensureRegion() {
    if (!region) {
      region = document.createElement("div");
      region.id = "update-notice";
      region.className = "update-notice";
      region.setAttribute("role", "status");
      document.body.append(region);
    }
    return region;
  }

  /** Shows the notice; Reload activates the waiting worker (if another tab did, it just reloads). */
  function offer(registration) {
    const box = ensureRegion();
    if (offered) {
      return;
    }
    offered = true;
    const text = document.createElement("p");
    text.textContent = "A new version of Microscope is available.";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => {
      reload.disabled = true;
      reload.textContent = "Reloading…";
      reloadAsked = true;
      const waiting = registration && registration.waiting;
      if (waiting) {
        waiting.postMessage({ type: "SKIP_WAITING" });
        // controllerchange reloads; should it never come (a newer worker replaced this one), reload.
        setTimeout(() => window.location.reload(), 5000);
      } else {
        window.location.reload();
      }
    });
    const later = document.createElement("button");
    later.type = "button";
    later.className = "secondary";
    later.textContent = "Not now";
    later.addEventListener("click", () => {
      offered = false;
      box.replaceChildren();
      box.removeAttribute("style");
    });

    Object.assign(box.style, {
      position: "fixed",
      left: "1rem",
      right: "1rem",
      bottom: "1rem",
      zIndex: "20",
      maxWidth: "40rem",
      margin: "0 auto",
      display: "flex",
      flexWrap: "wrap",
      alignItems: "center",
      gap: "0.5rem 0.75rem",
      padding: "0.75rem 1rem",
      background: "var(--surface, #fff)",
      color: "var(--text, #1d1f23)",
      border: "2px solid var(--accent, #2f6f5e)",
      borderRadius: "var(--radius, 10px)",
      boxShadow: "0 8px 30px rgb(0 0 0 / 25%)",
    });
    Object.assign(text.style, { margin: "0", flex: "1 1 14rem", fontWeight: "600" });
    // Filled a moment after the region exists, so screen readers notice the change.
    setTimeout(() => box.append(text, reload, later), 100);
  }
})();

// Registers the service worker (sw.js: the page offline after one visit) once the page has
// loaded, so it never competes with the first download. When a new version has been installed
// beside the one this page runs, offers a reload into it; the design lives in the address, so a
// reload keeps it. A build without a service worker (a debug build) simply has none.
if ('serviceWorker' in navigator) {
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });

  /** Say a new version is ready, with a button that moves this page to it. */
  const offer = (worker) => {
    if (document.getElementById('update-ready')) return;
    const note = document.createElement('div');
    note.id = 'update-ready';
    note.className = 'update-ready';
    note.setAttribute('role', 'status');
    note.textContent = 'A new version of Consumption Lab is ready. ';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload to use it';
    button.addEventListener('click', () => {
      reloading = true;
      worker.postMessage('skip-waiting');
    });
    note.append(button);
    document.body.append(note);
  };

  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('sw.js')
      .then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
          });
        });
      })
      .catch(() => {});
  });
}

// Lanyard's shared browser helpers: the page's own values (from <meta> tags), calls to the station's JSON API
// with its error shape, a safe way to build DOM, times, nonces and a keyboard-wedge scanner detector.
// Loaded first (with defer) by every page; the pages use `window.Lanyard`.
(function () {
  'use strict';

  /** The content of `<meta name="NAME">`, or '' (the server renders csrf, station, role, staff there). */
  function meta(name) {
    const element = document.querySelector(`meta[name="${name}"]`);
    return element ? element.content : '';
  }

  /** A failed API call, with the server's `{error: {code, message, remedy}}` (or our own words for a network failure). */
  class ApiError extends Error {
    constructor(status, code, message, remedy) {
      super(message);
      this.name = 'ApiError';
      this.status = status;
      this.code = code;
      this.remedy = remedy || '';
    }
  }

  /** Where a signed-out visitor goes: the sign-in page, coming back here afterwards. */
  function goToSignIn() {
    const next = location.pathname + location.search;
    location.assign('/signin?next=' + encodeURIComponent(next));
  }

  /** The error a response stands for: the server's own words when it sent them, else a plain sentence. */
  async function errorFrom(response) {
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null; // not JSON (a proxy's page, an empty body): fall back to our own words below
    }
    const error = body && body.error;
    if (error && error.message) return new ApiError(response.status, error.code || '', error.message, error.remedy);
    const fallback = response.status === 503 ? 'The station is busy.' : `The station answered with an error (${response.status}).`;
    return new ApiError(response.status, 'http-' + response.status, fallback, 'Try again in a moment.');
  }

  /**
   * Calls the API under /api/v1. Requests that change something carry the CSRF token and a JSON body.
   * Options: `signal` (an AbortSignal), `as: 'blob'` for an image answer, `signInOn401: false` where a 401 means
   * something else than "signed out" (the sign-in form itself).
   */
  async function request(method, path, body, options = {}) {
    const headers = { Accept: options.as === 'blob' ? 'image/png' : 'application/json' };
    const init = { method, headers, credentials: 'same-origin', signal: options.signal, cache: 'no-store' };
    if (method !== 'GET') {
      headers['X-CSRF-Token'] = meta('csrf');
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body || {});
    }
    let response;
    try {
      response = await fetch('/api/v1' + path, init);
    } catch (error) {
      if (error && error.name === 'AbortError') throw error; // the caller cancelled it: not a failure
      throw new ApiError(0, 'network', 'The station cannot be reached.', 'Check the network cable or Wi-Fi, then try again.');
    }
    if (response.status === 401 && options.signInOn401 !== false) {
      goToSignIn();
      throw new ApiError(401, 'not-signed-in', 'Your session has ended.', 'Sign in again.');
    }
    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204) return null;
    return options.as === 'blob' ? response.blob() : response.json();
  }

  const api = {
    get: (path, options) => request('GET', path, undefined, options),
    post: (path, body, options) => request('POST', path, body, options),
    put: (path, body, options) => request('PUT', path, body, options),
    del: (path, body, options) => request('DELETE', path, body, options),
  };

  /** Message and remedy of an error as one readable sentence pair (never a raw dump). */
  function describe(error) {
    if (!error) return '';
    const message = error.message || 'Something went wrong.';
    return error.remedy ? `${message} ${error.remedy}` : message;
  }

  /**
   * Builds an element: `h('p', {class: 'x', 'data-testid': 'y', onclick: fn}, 'text', child)`. Text is always set
   * as text, never parsed as HTML, so delegates' names cannot inject markup.
   */
  function h(tag, props, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') element.className = value;
      else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
      else if (value === true) element.setAttribute(key, '');
      else element.setAttribute(key, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false || child === '') continue;
      element.append(child instanceof Node ? child : String(child));
    }
    return element;
  }

  /** "09:12" in the browser's time zone. */
  function clock(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
  }

  /** Whether `iso` falls on the browser's today. */
  function isToday(iso) {
    const date = new Date(iso);
    return date.toDateString() === new Date().toDateString();
  }

  /** "09:12" today, "Tue 3 Jun 09:12" another day. */
  function when(iso) {
    if (isToday(iso)) return clock(iso);
    const date = new Date(iso);
    const day = date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
    return `${day} ${clock(iso)}`;
  }

  /**
   * A fresh nonce (a UUID). crypto.randomUUID exists only in secure contexts, and a station may be reached over
   * plain HTTP on the local network, so fall back to getRandomValues, which exists everywhere.
   */
  function nonce() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Whether a keydown types one visible character (not a shortcut with Ctrl/Alt/Meta, not a function key). */
  function isPrintable(event) {
    return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
  }

  /**
   * Notices a keyboard-wedge scanner: it "types" a code far faster than a person (a few ms between keys) and ends
   * with Enter. Calls `onScan(text, event)` on that Enter, in the capture phase, before any field sees it; the
   * handler may call event.preventDefault(). A person typing is never mistaken for it: they need more than
   * `maxGap` ms between keys.
   */
  function detectScanner(onScan, { minLength = 4, maxGap = 50 } = {}) {
    let buffer = '';
    let last = 0;
    document.addEventListener(
      'keydown',
      (event) => {
        const now = performance.now();
        const gap = now - last;
        if (event.key === 'Enter') {
          const text = buffer;
          buffer = '';
          if (text.length >= minLength && gap <= maxGap * 3) onScan(text, event);
          return;
        }
        if (!isPrintable(event)) return;
        if (gap > maxGap) buffer = ''; // a pause: whatever came before was typed by a person
        buffer += event.key;
        last = now;
      },
      true,
    );
  }

  window.Lanyard = { meta, api, ApiError, describe, h, clock, when, isToday, nonce, isPrintable, detectScanner, goToSignIn };
})();

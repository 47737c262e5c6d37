// Lanyard door screen: the steward picks a door and a direction, then every scan (typed by a keyboard-wedge scanner
// into the page, or read by the station's own scanner at this door) shows ADMIT or DENY full screen until the next
// one. The page is a view of its station: when it cannot hear the station it covers the whole screen, and a scan made
// then is never shown as admitted.
(function () {
  'use strict';

  const { api, ApiError, h, describe, nonce, clock } = window.Lanyard;
  const $ = (id) => document.getElementById(id);

  /** How long the station may stay silent (it pings every 2 s) before the page says it is cut off. */
  const SILENCE_LIMIT_MS = 5000;
  /** How long a scan request may take before the page treats the station as unreachable. */
  const SCAN_TIMEOUT_MS = 4000;
  /** How long a steward may annul their own last scan (the station enforces it too). */
  const ANNUL_WINDOW_MS = 120000;

  const state = {
    door: null,
    direction: 'in',
    source: null,
    online: false,
    lastHeard: 0,
    occupancy: 0,
    lastScan: null, // {id, view, at}: the steward's own latest scan, while it can be annulled
    annulTimer: 0,
    audio: null,
  };

  /* ------------------------------------------------------------------ picking the door */

  async function showPicker() {
    disconnect();
    $('verdict-view').hidden = true;
    $('offline').hidden = true;
    $('picker').hidden = false;
    const list = $('door-list');
    list.replaceChildren(h('p', { class: 'muted' }, 'Loading the doors…'));
    try {
      const doors = await api.get('/doors');
      renderDoors(doors);
    } catch (error) {
      list.replaceChildren();
      showPickerError(describe(error));
    }
  }

  function showPickerError(text) {
    $('picker-error').textContent = text;
    $('picker-error').hidden = !text;
  }

  function renderDoors(doors) {
    const list = $('door-list');
    list.replaceChildren();
    if (doors.length === 0) {
      list.append(h('p', { class: 'muted' }, 'This station has no doors. Import the programme or configure doors in station.yaml.'));
      return;
    }
    const groups = new Map();
    for (const door of doors) {
      const group = door.kind === 'area' ? 'Areas' : `Day ${door.day}`;
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(door);
    }
    for (const [title, members] of groups) {
      list.append(h('h2', { class: 'door-group-title' }, title));
      for (const door of members) {
        const meta = [door.room, door.capacity ? (door.kind === 'area' ? `capacity ${door.capacity}` : `${door.capacity} seats`) : null, door.siteExit ? 'site exit' : null]
          .filter(Boolean)
          .join(' · ');
        list.append(
          h(
            'button',
            { class: 'door-choice', type: 'button', 'data-testid': 'door-choice', 'data-door': door.name, onclick: () => choose(door) },
            h('span', { class: 'door-code' }, door.name),
            h('strong', {}, door.title),
            meta ? h('span', { class: 'door-meta' }, meta) : null,
          ),
        );
      }
    }
  }

  function choose(door) {
    state.door = door;
    state.direction = document.querySelector('input[name=direction]:checked').value;
    try {
      localStorage.setItem('lanyard.door', JSON.stringify({ name: door.name, direction: state.direction }));
    } catch (_) {
      // private browsing: the choice is simply not remembered
    }
    const url = new URL(location.href);
    url.searchParams.set('door', door.name);
    url.searchParams.set('direction', state.direction);
    history.replaceState(null, '', url);
    $('picker').hidden = true;
    $('verdict-view').hidden = false;
    $('door-title').textContent = door.title === door.name ? door.name : `${door.name} · ${door.title}`;
    $('door-detail').textContent = [state.direction === 'out' ? 'Way out' : 'Way in', door.room, door.siteExit ? 'site exit' : null]
      .filter(Boolean)
      .join(' · ');
    showReady('Scan a badge.');
    setOccupancy(0, door.capacity);
    connect();
    focusScanner();
  }

  /* ------------------------------------------------------------------ following the station */

  function connect() {
    disconnect();
    state.lastHeard = Date.now();
    const source = new EventSource(`/api/v1/doors/${encodeURIComponent(state.door.name)}/stream`);
    state.source = source;
    source.addEventListener('door', (event) => {
      heard();
      const door = JSON.parse(event.data);
      setOccupancy(door.occupancy, door.door ? door.door.capacity : state.door.capacity);
    });
    source.addEventListener('ping', heard);
    // Any door of the place (another entrance of the room, a turnstile) moves the count.
    source.addEventListener('occupancy', (event) => {
      heard();
      const occupancy = JSON.parse(event.data);
      setOccupancy(occupancy.count, occupancy.capacity);
    });
    // The station streams the verdicts of its own scanner at this door; this page's scans show from their answers.
    source.addEventListener('verdict', (event) => {
      heard();
      showVerdict(JSON.parse(event.data), false);
    });
    source.onerror = () => {
      goOffline();
      // EventSource retries on its own after a dropped connection, but not after an error answer: start afresh.
      if (source.readyState === EventSource.CLOSED) setTimeout(() => state.source === source && connect(), 1500);
    };
  }

  function disconnect() {
    if (state.source) state.source.close();
    state.source = null;
  }

  function heard() {
    state.lastHeard = Date.now();
    if (!state.online) goOnline();
  }

  function goOnline() {
    state.online = true;
    $('offline').hidden = true;
    $('offline-scan').hidden = true;
    document.body.dataset.connection = 'online';
  }

  function goOffline() {
    if (!state.door) return;
    state.online = false;
    document.body.dataset.connection = 'offline';
    $('offline').hidden = false;
    // Whatever the screen showed belongs to a station it can no longer hear.
    showReady('Scan a badge.');
  }

  setInterval(() => {
    if (!state.door || !state.source) return;
    if (Date.now() - state.lastHeard > SILENCE_LIMIT_MS) {
      goOffline();
      connect();
    }
  }, 1000);

  /* ------------------------------------------------------------------ scanning */

  /**
   * A scan whose answer never came (the station was cut off, or too slow): scanned again, it is sent with the same
   * nonce, so that if the station did record it the first time the steward sees that verdict, not a passback denial.
   */
  let unanswered = null; // {code, nonce, at}

  function nonceFor(code) {
    if (unanswered && unanswered.code === code && Date.now() - unanswered.at < 5 * 60000) return unanswered.nonce;
    unanswered = { code, nonce: nonce(), at: Date.now() };
    return unanswered.nonce;
  }

  async function submit(code) {
    if (!state.door || !code) return;
    if (!state.online) {
      $('offline-scan').hidden = false;
      return;
    }
    const scanNonce = nonceFor(code);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SCAN_TIMEOUT_MS);
    $('verdict-view').dataset.busy = 'true';
    try {
      const view = await api.post(
        '/scans',
        { door: state.door.name, code, direction: state.direction, nonce: scanNonce },
        { signal: controller.signal },
      );
      unanswered = null;
      showVerdict(view, true);
    } catch (error) {
      if ((error && error.name === 'AbortError') || (error instanceof ApiError && error.code === 'network')) {
        goOffline();
        $('offline-scan').hidden = false;
      } else {
        unanswered = null; // the station answered: the scan was refused, not lost
        showNotChecked(describe(error));
      }
    } finally {
      clearTimeout(timer);
      delete $('verdict-view').dataset.busy;
    }
  }

  function showVerdict(view, isOwn) {
    const decision = view.decision;
    const admitted = decision.verdict === 'ADMIT';
    const view$ = $('verdict-view');
    view$.dataset.state = admitted ? 'admit' : 'deny';
    view$.dataset.reason = decision.reason;
    $('verdict-word').textContent = admitted ? (view.direction === 'out' ? 'EXIT' : 'ADMIT') : 'DENY';
    $('verdict-name').textContent = decision.name || '';
    $('verdict-category').textContent = decision.category || '';
    $('verdict-reason').textContent = decision.sentence;
    $('verdict-warning').textContent = decision.warning || '';
    $('verdict-warning').hidden = !decision.warning;
    $('verdict-time').textContent = `Scanned ${clock(view.at)}${isOwn ? '' : ' · station scanner'}`;
    setOccupancy(view.occupancy, view.capacity);
    $('annul-note').hidden = true;
    if (isOwn && view.id) offerAnnulment(view);
    else hideAnnulment();
    if (!admitted) beep();
  }

  function showNotChecked(text) {
    const view$ = $('verdict-view');
    view$.dataset.state = 'deny';
    view$.dataset.reason = 'not-checked';
    $('verdict-word').textContent = 'NOT CHECKED';
    $('verdict-name').textContent = '';
    $('verdict-category').textContent = '';
    $('verdict-reason').textContent = `${text} Scan the badge again.`;
    $('verdict-warning').hidden = true;
    $('verdict-time').textContent = '';
    hideAnnulment();
    beep();
  }

  function showReady(text) {
    const view$ = $('verdict-view');
    view$.dataset.state = 'ready';
    delete view$.dataset.reason;
    $('verdict-word').textContent = 'READY';
    $('verdict-name').textContent = '';
    $('verdict-category').textContent = '';
    $('verdict-reason').textContent = text;
    $('verdict-warning').hidden = true;
    $('verdict-time').textContent = '';
    hideAnnulment();
  }

  function setOccupancy(count, capacity) {
    state.occupancy = count;
    $('occupancy-number').textContent = String(count);
    $('occupancy-capacity').textContent = capacity ? ` / ${capacity}` : '';
    const box = document.querySelector('.door-bar-count');
    if (capacity && count >= capacity) box.dataset.full = 'true';
    else delete box.dataset.full;
  }

  /* ------------------------------------------------------------------ annulling a mistaken scan */

  function offerAnnulment(view) {
    state.lastScan = { id: view.id, view, at: Date.now() };
    $('annul').hidden = false;
    clearTimeout(state.annulTimer);
    state.annulTimer = setTimeout(hideAnnulment, ANNUL_WINDOW_MS);
  }

  function hideAnnulment() {
    clearTimeout(state.annulTimer);
    state.lastScan = null;
    $('annul').hidden = true;
  }

  async function annul() {
    const last = state.lastScan;
    if (!last) return;
    try {
      await api.post(`/scans/${last.id}/annul`, { reason: 'mistaken scan' });
      // The count comes back from the station's occupancy event.
      const view = last.view;
      showReady('Scan a badge.');
      $('annul-note').textContent = `Scan annulled${view.decision.name ? `: ${view.decision.name}` : ''} is not counted.`;
      $('annul-note').hidden = false;
    } catch (error) {
      $('annul-note').textContent = describe(error);
      $('annul-note').hidden = false;
    }
    focusScanner();
  }

  /* ------------------------------------------------------------------ sound and focus */

  /** Two low tones on DENY, so that a steward looking at the person hears it. */
  function beep() {
    try {
      state.audio = state.audio || new AudioContext();
      const audio = state.audio;
      if (audio.state === 'suspended') audio.resume(); // a page opened without a click starts suspended
      for (const start of [0, 0.22]) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = 'square';
        oscillator.frequency.value = 220;
        gain.gain.value = 0.15;
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(audio.currentTime + start);
        oscillator.stop(audio.currentTime + start + 0.16);
      }
    } catch (_) {
      // no audio device: the red screen still says DENY
    }
  }

  /** The scanner types into the page: keep its input focused whatever the steward touched. */
  function focusScanner() {
    if (!$('verdict-view').hidden) $('scan-input').focus({ preventScroll: true });
  }

  /* ------------------------------------------------------------------ start */

  async function signOut() {
    try {
      await api.del('/session');
    } finally {
      location.assign('/signin');
    }
  }

  async function start() {
    $('picker-signout').addEventListener('click', signOut);
    $('change-door').addEventListener('click', () => {
      hideAnnulment();
      state.door = null;
      showPicker();
    });
    $('annul').addEventListener('click', annul);
    $('scan-input').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const code = event.target.value.trim();
      event.target.value = '';
      submit(code);
    });
    document.addEventListener('keydown', (event) => {
      if (event.ctrlKey && event.key.toLowerCase() === 'z' && state.lastScan) {
        event.preventDefault();
        annul();
      }
    });
    document.addEventListener('click', (event) => {
      if (!event.target.closest('button')) focusScanner();
    });
    window.addEventListener('focus', focusScanner);

    const params = new URL(location.href).searchParams;
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem('lanyard.door') || 'null');
    } catch (_) {
      saved = null;
    }
    const wanted = params.get('door') || (saved && saved.name);
    const direction = params.get('direction') || (saved && saved.direction) || 'in';
    document.querySelector(`input[name=direction][value=${direction === 'out' ? 'out' : 'in'}]`).checked = true;
    if (!wanted) return showPicker();
    try {
      const doors = await api.get('/doors');
      const door = doors.find((candidate) => candidate.name === wanted);
      if (door) return choose(door);
      renderDoors(doors);
      showPickerError(`This station has no door “${wanted}”. Pick one.`);
    } catch (error) {
      showPickerError(describe(error));
    }
  }

  start();
})();

// The registration desk: find a delegate (typed or scanned), see their card with the badge and print history,
// check in and print in one keystroke, follow the print live, reprint, revoke, correct the name, undo a check-in,
// register walk-ins and check in groups. Everything works from the keyboard; everything is also clickable.
(function () {
  'use strict';
  const L = window.Lanyard;
  const { api, h, describe, clock, when, isToday } = L;

  const page = { station: L.meta('station'), role: L.meta('role'), staff: L.meta('staff') };
  const isOrganiser = page.role === 'organiser';
  const UNDO_WINDOW_MS = 10 * 60 * 1000;
  // A single key on the card waits this long before acting as a shortcut: a second key within it means somebody
  // is typing a name or a scanner is sending a code, which must go to the search and never trigger an action.
  const SHORTCUT_DELAY_MS = 60;

  const $ = (id) => document.getElementById(id);
  const searchInput = $('search');
  const resultsList = $('results');
  const messageBox = $('message');
  const detailCard = $('detail-card');

  const state = {
    view: 'empty', // empty | card | walkin | group
    hits: [],
    hitsFor: null, // the query the shown hits answer
    highlight: -1,
    search: { seq: 0, controller: null, pending: null },
    card: null,
    cardSeq: 0, // the latest card asked for by staff
    refreshSeq: 0, // the latest refresh of the open card
    opening: false, // a card asked for and not shown yet
    cardController: null,
    busy: false,
    categories: new Map(), // code → name
    event: null,
  };

  /* ------------------------------------------------------------------ small helpers */

  const enc = encodeURIComponent;
  const sameReference = (a, b) => String(a || '').toLowerCase() === String(b || '').toLowerCase();
  const dialogOpen = () => document.querySelector('dialog[open]') !== null;
  const isFormField = (el) => el instanceof HTMLElement && el.matches('input, textarea, select, [contenteditable="true"]');
  const isActivatable = (el) => el instanceof HTMLElement && el.matches('button, a[href], summary, input, select, textarea');

  function debounce(fn, ms) {
    let timer = 0;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  function categoryName(code) {
    return state.categories.get(code) || code || '';
  }

  const regionNames = (() => {
    try {
      return new Intl.DisplayNames(['en'], { type: 'region' });
    } catch (_) {
      return null;
    }
  })();

  /** "France (FR)" when the browser knows the code, else the code. */
  function countryName(code) {
    if (!code) return '';
    try {
      const name = regionNames && regionNames.of(code.toUpperCase());
      return name && name !== code ? `${name} (${code})` : code;
    } catch (_) {
      return code;
    }
  }

  function kbd(label) {
    return h('kbd', null, label);
  }

  function setBusy(button, busy, busyLabel) {
    if (!button) return;
    if (busy) {
      button.dataset.label = button.dataset.label || button.textContent;
      button.disabled = true;
      if (busyLabel) button.textContent = busyLabel;
    } else {
      button.disabled = false;
      if (button.dataset.label && busyLabel) button.textContent = button.dataset.label;
    }
  }

  /* ------------------------------------------------------------------ messages */

  const calloutKinds = { success: 'success', info: 'info', warn: 'warn', error: 'danger' };

  /** Shows one message above the card: kind is success, info, warn or error; detail is the remedy or more. */
  function showMessage(kind, text, detail) {
    messageBox.className = `message callout callout-${calloutKinds[kind] || 'info'}`;
    messageBox.dataset.kind = kind;
    messageBox.replaceChildren(
      h('div', { class: 'message-text' }, h('strong', null, text), detail ? h('span', null, ' ', detail) : null),
      h('button', { class: 'message-close', type: 'button', 'aria-label': 'Dismiss', title: 'Dismiss', onclick: dismissMessage }, '×'),
    );
    messageBox.hidden = false;
  }

  function showError(error, extraRemedy) {
    const remedy = error && error.remedy ? error.remedy : extraRemedy;
    showMessage('error', (error && error.message) || 'Something went wrong.', remedy);
  }

  function clearMessage() {
    messageBox.hidden = true;
    messageBox.replaceChildren();
  }

  function dismissMessage() {
    clearMessage();
    focusHome();
  }

  /* ------------------------------------------------------------------ views and focus */

  function setView(view) {
    state.view = view;
    $('detail-empty').hidden = view !== 'empty';
    detailCard.hidden = view !== 'card';
    $('walkin-form').hidden = view !== 'walkin';
    $('group-form').hidden = view !== 'group';
  }

  function cardElement() {
    return detailCard.querySelector('[data-testid="card"]');
  }

  /** Puts the search in focus; `selectAll` so that the next typing or scan replaces what is there. */
  function focusSearch(selectAll) {
    searchInput.focus();
    if (selectAll) searchInput.select();
  }

  /** Where focus belongs when nothing else has it: the card while one is open, else the search. */
  function focusHome() {
    if (dialogOpen()) return;
    if (state.view === 'card' && cardElement()) cardElement().focus();
    else if (state.view === 'walkin' || state.view === 'group') return;
    else focusSearch(false);
  }

  /* ------------------------------------------------------------------ search */

  function setSearchBusy(busy) {
    $('search-busy').hidden = !busy;
  }

  /**
   * Searches for `text`: cancels the search before it, and renders only the answer to the latest one (an answer
   * arriving late for an older text is dropped). Resolves to the hits, or null when superseded or failed.
   */
  function runSearch(text) {
    const query = text.trim().slice(0, 200);
    const search = state.search;
    if (search.controller) search.controller.abort();
    const seq = ++search.seq;
    if (!query) {
      search.pending = null;
      setSearchBusy(false);
      renderHits([], '');
      return Promise.resolve([]);
    }
    const controller = new AbortController();
    search.controller = controller;
    setSearchBusy(true);
    const promise = api
      .get(`/delegates?q=${enc(query)}&limit=10`, { signal: controller.signal })
      .then((hits) => {
        if (seq !== search.seq) return null;
        renderHits(hits, query);
        return hits;
      })
      .catch((error) => {
        if ((error && error.name === 'AbortError') || seq !== search.seq) return null;
        showError(error);
        return null;
      })
      .finally(() => {
        if (seq === search.seq) setSearchBusy(false);
      });
    search.pending = { query, promise };
    return promise;
  }

  /** The hits for exactly `query`: those shown, the search under way, or a new one. */
  async function hitsFor(query) {
    if (state.hitsFor === query) return state.hits;
    const pending = state.search.pending;
    const hits = await (pending && pending.query === query ? pending.promise : runSearch(query));
    if (hits) return hits;
    return state.hitsFor === query ? state.hits : null;
  }

  function renderHits(hits, query) {
    state.hits = hits;
    state.hitsFor = query;
    state.highlight = hits.length ? 0 : -1;
    $('search-empty').hidden = Boolean(query);
    const count = $('result-count');
    if (!query) count.textContent = '';
    else if (!hits.length) count.textContent = 'No match';
    else count.textContent = hits.length === 1 ? '1 delegate' : `${hits.length} delegates${hits.length >= 10 ? ' (best first)' : ''}`;
    const items = hits.map((hit, index) => resultItem(hit.delegate, index));
    if (query && !hits.length) items.push(noMatchItem(query));
    resultsList.replaceChildren(...items);
    searchInput.setAttribute('aria-expanded', hits.length ? 'true' : 'false');
    syncHighlight();
  }

  function resultItem(delegate, index) {
    const meta = [delegate.organisation, delegate.country, categoryName(delegate.category)].filter(Boolean).join(' · ');
    return h(
      'li',
      {
        class: 'result',
        id: `result-${index}`,
        role: 'option',
        'aria-selected': 'false',
        'data-testid': 'result',
        'data-reference': delegate.reference,
        // Keep focus in the search when clicking a result; the click opens it.
        onmousedown: (event) => event.preventDefault(),
        onclick: () => {
          state.highlight = index;
          syncHighlight();
          openCard(delegate.reference);
        },
      },
      h(
        'div',
        { class: 'result-line' },
        h('span', { class: 'result-name', dir: 'auto' }, delegate.displayName),
        delegate.status === 'cancelled' ? h('span', { class: 'pill pill-solid-red', 'data-testid': 'cancelled' }, 'CANCELLED') : null,
        h('span', { class: 'result-ref mono' }, delegate.reference),
      ),
      delegate.nativeName ? h('div', { class: 'result-native', dir: 'auto' }, delegate.nativeName) : null,
      meta ? h('div', { class: 'result-meta' }, meta) : null,
    );
  }

  function noMatchItem(query) {
    return h(
      'li',
      { class: 'result-none' },
      h('strong', null, `Nobody matches “${query}”.`),
      h('span', { class: 'muted' }, ' Try part of the name, the reference or the e-mail, or register a walk-in (Alt W).'),
    );
  }

  function syncHighlight() {
    const items = resultsList.querySelectorAll('[data-testid="result"]');
    items.forEach((item, index) => {
      const on = index === state.highlight;
      item.classList.toggle('is-highlighted', on);
      item.setAttribute('aria-selected', on ? 'true' : 'false');
      const open = state.view === 'card' && state.card && sameReference(item.dataset.reference, state.card.delegate.reference);
      item.classList.toggle('is-open', Boolean(open));
    });
    const current = items[state.highlight];
    if (current) {
      searchInput.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      searchInput.removeAttribute('aria-activedescendant');
    }
  }

  function moveHighlight(step) {
    if (!state.hits.length) return;
    const count = state.hits.length;
    state.highlight = (state.highlight + step + count) % count;
    syncHighlight();
  }

  /**
   * Enter in the search, or a scan. A booking reference (a hit whose reference is exactly the text) opens that
   * delegate, whichever hit is highlighted; a badge code is named as such; otherwise the highlighted hit opens.
   * `scanned` is what a scanner sent, when it sent something: should it have been appended to text already in
   * the search, it is tried on its own as a reference too.
   */
  async function submitSearch(text, scanned) {
    const query = text.trim();
    if (!query) return;
    if (/^LY1:/i.test(query) || /^LY1:/i.test(scanned || '')) {
      showMessage('info', 'This is a badge code; search by name or reference.', 'The desk cannot read badge codes yet.');
      focusSearch(true);
      return;
    }
    const hits = await hitsFor(query);
    if (!hits || searchInput.value.trim() !== query) return; // superseded by newer typing
    const exact = hits.find((hit) => sameReference(hit.delegate.reference, query));
    if (exact) return openCard(exact.delegate.reference);
    if (scanned && scanned !== query && (await openScannedReference(scanned))) return;
    const chosen = hits[state.highlight] || hits[0];
    if (chosen) return openCard(chosen.delegate.reference);
    showMessage('warn', `Nobody matches “${query}”.`, 'Check the spelling, try the reference or e-mail, or register a walk-in (Alt W).');
  }

  /** Opens the delegate whose reference is exactly `code`, putting it alone in the search; false if none. */
  async function openScannedReference(code) {
    const hits = await hitsFor(code);
    const exact = hits && hits.find((hit) => sameReference(hit.delegate.reference, code));
    if (!exact) return false;
    searchInput.value = code;
    openCard(exact.delegate.reference);
    return true;
  }

  /** Replaces the search with `text` typed elsewhere (on the card), and searches. */
  function typeIntoSearch(text) {
    searchInput.value = text;
    focusSearch(false);
    const end = searchInput.value.length;
    searchInput.setSelectionRange(end, end);
    runSearch(searchInput.value);
  }

  function onSearchKey(event) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveHighlight(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveHighlight(-1);
        break;
      case 'Enter':
        event.preventDefault();
        if (!event.repeat) submitSearch(searchInput.value);
        break;
      case 'Escape':
        event.preventDefault();
        if (searchInput.value) {
          searchInput.value = '';
          runSearch('');
        } else if (state.view !== 'empty') {
          closeCard();
        }
        clearMessage();
        focusSearch(false);
        break;
      default:
        break;
    }
  }

  /* ------------------------------------------------------------------ the delegate's card */

  /** Opens a delegate's card (the latest request wins) and focuses it so that its shortcuts work. */
  async function openCard(reference, { focus = true } = {}) {
    if (state.cardController) state.cardController.abort();
    const controller = new AbortController();
    state.cardController = controller;
    const seq = ++state.cardSeq;
    state.refreshSeq += 1; // a refresh of the card on screen must not overwrite the one asked for
    state.opening = true;
    detailCard.classList.add('is-loading');
    try {
      const card = await api.get(`/delegates/${enc(reference)}`, { signal: controller.signal });
      if (seq !== state.cardSeq) return;
      showCard(card, { focus });
    } catch (error) {
      if (error && error.name === 'AbortError') return;
      if (seq === state.cardSeq) showError(error);
    } finally {
      if (seq === state.cardSeq) {
        state.opening = false;
        detailCard.classList.remove('is-loading');
      }
    }
  }

  /** Shows `card`; a different delegate's card clears the previous one's message and print progress. */
  function showCard(card, { focus = true } = {}) {
    const isOther = !state.card || !sameReference(state.card.delegate.reference, card.delegate.reference) || state.view !== 'card';
    if (isOther) {
      clearMessage();
      stopProgress();
    }
    state.card = card;
    setView('card');
    renderCard(card);
    syncHighlight();
    if (isOther) followUnfinishedPrint(card);
    if (focus) cardElement().focus();
  }

  function closeCard() {
    if (state.cardController) state.cardController.abort();
    state.cardSeq += 1;
    state.refreshSeq += 1;
    state.opening = false;
    state.card = null;
    stopProgress();
    detailCard.replaceChildren();
    setView('empty');
    syncHighlight();
  }

  /** Fetches the open card again (after an action or news from the stream), keeping focus where it is. */
  async function refreshCard() {
    if (!state.card || state.view !== 'card' || state.opening) return;
    const reference = state.card.delegate.reference;
    const seq = ++state.refreshSeq;
    try {
      const card = await api.get(`/delegates/${enc(reference)}`);
      if (seq !== state.refreshSeq || state.opening || state.view !== 'card') return;
      if (!state.card || !sameReference(state.card.delegate.reference, reference)) return;
      state.card = card;
      renderCard(card);
    } catch (error) {
      if (seq === state.refreshSeq) showError(error);
    }
  }

  const refreshCardSoon = debounce(refreshCard, 300);

  /** Check-ins of the card, each with whether it was undone later. */
  function checkInsOf(card) {
    const undone = new Set(
      card.log.filter((entry) => entry.kind === 'check-in-undone').map((entry) => String(entry.details.checkIn || '').toLowerCase()),
    );
    return card.log
      .filter((entry) => entry.kind === 'check-in')
      .map((entry) => ({ entry, undone: undone.has(String(entry.id).toLowerCase()) }));
  }

  /** The latest check-in that still counts, today. */
  function todaysCheckIn(card) {
    const standing = checkInsOf(card).filter((item) => !item.undone && isToday(item.entry.at));
    return standing.length ? standing[standing.length - 1].entry : null;
  }

  /** The check-in this station may still undo: made here, within the last ten minutes, not undone yet. */
  function undoableCheckIn(card) {
    const now = Date.now();
    const candidates = checkInsOf(card).filter(
      (item) => !item.undone && item.entry.station === page.station && now - Date.parse(item.entry.at) < UNDO_WINDOW_MS,
    );
    return candidates.length ? candidates[candidates.length - 1].entry : null;
  }

  const pendingFlags = (card) => card.flags.filter((flag) => !flag.acknowledgedAt);
  const badgeInForce = (card) => (card.badge && !card.badge.revocationReason ? card.badge : null);

  let undoExpiryTimer = 0;

  function renderCard(card) {
    const hadFocus = detailCard.contains(document.activeElement);
    const d = card.delegate;
    const article = h(
      'article',
      { class: 'card surface', 'data-testid': 'card', 'data-reference': d.reference, tabindex: '-1', 'aria-label': `Card of ${d.displayName}` },
      cardHeader(card),
      flagsCallout(card),
      actionsBar(card),
      progressSlot,
      h('div', { class: 'card-grid' }, badgeSection(card), detailsSection(card)),
      logSection(card),
    );
    detailCard.replaceChildren(article);
    if (hadFocus) article.focus();
    // The Undo button disappears when its ten minutes are over.
    clearTimeout(undoExpiryTimer);
    const undoable = undoableCheckIn(card);
    if (undoable) {
      const left = UNDO_WINDOW_MS - (Date.now() - Date.parse(undoable.at));
      undoExpiryTimer = setTimeout(() => state.card === card && renderCard(card), Math.max(1000, left + 500));
    }
  }

  function cardHeader(card) {
    const d = card.delegate;
    const checkIn = todaysCheckIn(card);
    const pills = [];
    if (d.status === 'cancelled') pills.push(h('span', { class: 'pill pill-solid-red', 'data-testid': 'card-cancelled' }, 'REGISTRATION CANCELLED'));
    if (checkIn) {
      pills.push(h('span', { class: 'pill pill-green', 'data-testid': 'checked-in' }, `Checked in ${clock(checkIn.at)} · ${checkIn.station}`));
    } else {
      pills.push(h('span', { class: 'pill' }, 'Not checked in today'));
    }
    const today = todaysEventDay();
    if (today && Array.isArray(d.days) && d.days.length && !d.days.includes(today)) {
      pills.push(h('span', { class: 'pill pill-amber' }, `Not registered for today (day ${today})`));
    }
    return h(
      'header',
      { class: 'card-head' },
      h(
        'div',
        { class: 'card-names' },
        d.title ? h('p', { class: 'card-title' }, d.title) : null,
        h('h1', { class: 'card-name', dir: 'auto', 'data-testid': 'card-name' }, d.displayName),
        d.nativeName ? h('p', { class: 'card-native', dir: 'auto', 'data-testid': 'card-native' }, d.nativeName) : null,
        h('p', { class: 'card-sub' }, [d.organisation, countryName(d.country)].filter(Boolean).join(' · ') || '—'),
      ),
      h(
        'div',
        { class: 'card-side' },
        h('span', { class: 'card-ref mono', title: 'Booking reference' }, d.reference),
        h('span', { class: 'pill pill-accent' }, categoryName(d.category)),
        h('div', { class: 'card-pills' }, pills),
      ),
    );
  }

  function flagsCallout(card) {
    const pending = pendingFlags(card);
    if (!pending.length) return null;
    return h(
      'div',
      { class: 'callout callout-warn flags-callout', 'data-testid': 'pending-flags', role: 'note' },
      h('span', { class: 'flag-icon', 'aria-hidden': 'true' }, '⚑'),
      h(
        'div',
        null,
        h('strong', null, pending.length === 1 ? 'Read before check-in' : `${pending.length} notes to read before check-in`),
        h('ul', { class: 'flag-notes' }, pending.map((flag) => h('li', null, flag.note))),
      ),
    );
  }

  function actionButton({ label, key, testid, onclick, primary, danger, disabled, title }) {
    const classes = ['btn', primary ? 'btn-primary btn-lg' : '', danger ? 'btn-danger' : ''].filter(Boolean).join(' ');
    return h('button', { class: classes, type: 'button', 'data-testid': testid, onclick, disabled, title }, h('span', null, label), key.map(kbd));
  }

  function actionsBar(card) {
    const badge = badgeInForce(card);
    const undoable = undoableCheckIn(card);
    // Once they are checked in today, checking in again is no longer the thing to do next.
    const arrived = todaysCheckIn(card);
    const buttons = [
      actionButton({
        label: badge ? 'Check in' : 'Check in & print',
        key: ['Enter'],
        testid: 'checkin',
        primary: !arrived,
        onclick: () => checkIn(),
        disabled: state.busy,
        title: badge ? `Badge #${badge.serial} was printed already; no second badge is printed` : 'Check in and print the badge (Enter or C)',
      }),
      actionButton({ label: 'Reprint', key: ['R'], testid: 'reprint', onclick: () => openReprint() }),
      actionButton({ label: 'Correct name', key: ['N'], testid: 'correct', onclick: () => openCorrect() }),
    ];
    // Revoking a badge (reported stolen, withdrawn) is an organiser's call; a reprint revokes the old one anyway.
    if (isOrganiser) {
      buttons.push(
        actionButton({
          label: 'Revoke',
          key: ['V'],
          testid: 'revoke',
          danger: true,
          onclick: () => openRevoke(),
          disabled: !badge,
          title: badge ? `Revoke badge #${badge.serial}` : 'There is no badge in force to revoke',
        }),
      );
    }
    if (undoable) {
      buttons.push(
        actionButton({ label: 'Undo check-in', key: ['U'], testid: 'undo', onclick: () => openUndo(), title: `Undo the check-in of ${clock(undoable.at)} (possible for 10 minutes)` }),
      );
    }
    if (isOrganiser) buttons.push(actionButton({ label: 'Flag', key: ['F'], testid: 'flag', onclick: () => openFlag() }));
    return h('div', { class: 'card-actions' }, buttons);
  }

  /* The badge and print history: what keeps a desk from printing a badge twice by accident. */

  function badgeSection(card) {
    const badge = card.badge;
    let status;
    if (!badge) {
      status = h('div', { class: 'badge-state badge-none', 'data-testid': 'badge-state', 'data-state': 'none' }, h('span', { class: 'pill' }, 'No badge'), h('span', null, 'No badge printed yet'));
    } else if (badge.revocationReason) {
      status = h(
        'div',
        { class: 'badge-state badge-revoked', 'data-testid': 'badge-state', 'data-state': 'revoked' },
        h('span', { class: 'pill pill-red' }, 'Revoked'),
        h('span', null, `Badge #${badge.serial} revoked: ${badge.revocationReason}`),
      );
    } else {
      status = h(
        'div',
        { class: 'badge-state badge-active', 'data-testid': 'badge-state', 'data-state': 'active' },
        h('span', { class: 'pill pill-green' }, 'In force'),
        h('span', null, `Badge #${badge.serial} issued`),
      );
    }
    const jobs = card.printJobs.slice().reverse(); // newest first
    return h(
      'section',
      { class: 'card-section' },
      h('h2', { class: 'section-title' }, 'Badge & printing'),
      status,
      jobs.length
        ? h('ul', { class: 'print-history', 'data-testid': 'print-history' }, jobs.map(printLine))
        : h('p', { class: 'muted empty-line' }, 'Never sent to a printer.'),
    );
  }

  const jobTones = { printed: 'pill-green', failed: 'pill-red', queued: 'pill-amber', submitting: 'pill-amber', submitted: 'pill-accent' };
  const jobWords = { printed: 'Printed', failed: 'Failed', queued: 'Queued', submitting: 'Sending', submitted: 'Printing' };

  function printLine(job) {
    let text;
    switch (job.state) {
      case 'printed':
        text = `printed ${clock(job.updatedAt)} on ${job.queue || 'a printer'}`;
        break;
      case 'failed':
        text = `failed: ${job.message || 'no reason given'}`;
        break;
      case 'submitted':
        text = `printing on ${job.queue} since ${clock(job.submittedAt || job.updatedAt)}`;
        break;
      case 'submitting':
        text = `sending to ${job.queue || 'a printer'}`;
        break;
      default:
        text = `queued: ${job.message || 'waiting for a printer'}`;
    }
    const why = job.key.startsWith('reprint-') ? `reprint${job.reason ? ': ' + job.reason : ''}` : 'at check-in';
    const meta = [isToday(job.createdAt) ? null : when(job.createdAt), job.serial ? `badge #${job.serial}` : null, why, job.station !== page.station ? `from ${job.station}` : null];
    return h(
      'li',
      { class: 'print-line', 'data-state': job.state, 'data-key': job.key },
      h('span', { class: `pill ${jobTones[job.state] || ''}` }, jobWords[job.state] || job.state),
      h('span', { class: 'print-text' }, text),
      h('span', { class: 'print-meta muted' }, meta.filter(Boolean).join(' · ')),
    );
  }

  function detailsSection(card) {
    const d = card.delegate;
    const rows = [
      ['Category', `${categoryName(d.category)}${categoryName(d.category) !== d.category ? ` (${d.category})` : ''}`],
      ['Organisation', d.organisation],
      ['Country', countryName(d.country)],
      ['E-mail', d.email],
      ['Days', daysText(d.days)],
      ['Sessions', (d.sessions || []).join(', ')],
      ['Registration', d.status === 'cancelled' ? 'Cancelled' : 'Confirmed'],
    ];
    const acknowledged = card.flags.filter((flag) => flag.acknowledgedAt);
    return h(
      'section',
      { class: 'card-section' },
      h('h2', { class: 'section-title' }, 'Registration'),
      h(
        'dl',
        { class: 'facts' },
        rows.filter(([, value]) => value).map(([label, value]) => h('div', { class: 'fact' }, h('dt', null, label), h('dd', { dir: 'auto' }, value))),
      ),
      acknowledged.length
        ? h('ul', { class: 'flag-history' }, acknowledged.map((flag) => h('li', null, h('span', { class: 'pill' }, 'Flag read'), ` ${flag.note}`, h('span', { class: 'muted' }, ` · ${when(flag.acknowledgedAt)}`))))
        : null,
    );
  }

  function daysText(days) {
    if (!Array.isArray(days) || !days.length) return '';
    const dates = new Map(((state.event && state.event.days) || []).map((day) => [day.day, day.date]));
    return days.map((day) => (dates.get(day) ? `${day} (${shortDate(dates.get(day))})` : String(day))).join(', ');
  }

  /** "Mon 2 Jun" of a calendar date "2025-06-02". */
  function shortDate(date) {
    const parsed = new Date(`${date}T12:00:00Z`);
    if (Number.isNaN(parsed.getTime())) return date;
    return parsed.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  }

  /** The event day that is today in the browser, or null. */
  function todaysEventDay() {
    if (!state.event || !Array.isArray(state.event.days)) return null;
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const day = state.event.days.find((item) => item.date === today);
    return day ? day.day : null;
  }

  function logSection(card) {
    const undone = new Set(checkInsOf(card).filter((item) => item.undone).map((item) => String(item.entry.id).toLowerCase()));
    const entries = card.log.slice().reverse();
    return h(
      'section',
      { class: 'card-section card-log' },
      h('h2', { class: 'section-title' }, 'Activity'),
      entries.length
        ? h('ol', { class: 'log', 'data-testid': 'log' }, entries.map((entry) => logLine(entry, undone.has(String(entry.id).toLowerCase()))))
        : h('p', { class: 'muted empty-line' }, 'Nothing happened on site yet.'),
    );
  }

  function personName(fields) {
    if (!fields) return '';
    return [fields.title, fields.givenName, fields.familyName].filter(Boolean).join(' ') + (fields.nativeName ? ` / ${fields.nativeName}` : '');
  }

  /** One log entry as a short sentence. */
  function entryText(entry, undone) {
    const d = entry.details || {};
    switch (entry.kind) {
      case 'check-in':
        return `Checked in for day ${d.day}${d.forced ? ' (cancelled registration, override)' : ''}${undone ? ' — undone' : ''}`;
      case 'check-out':
        return `Checked out (day ${d.day})`;
      case 'badge-issued':
        return d.reprint ? `Badge #${d.serial} issued (reprint${d.reason ? ': ' + d.reason : ''})` : `Badge #${d.serial} issued`;
      case 'badge-revoked':
        return `Badge #${d.serial} revoked: ${d.reason}`;
      case 'scan': {
        const way = d.direction === 'out' ? 'out of' : 'into';
        return d.verdict === 'ADMIT' ? `Scanned ${way} ${d.door}` : `Refused ${way} ${d.door} (${String(d.reason || '').replace(/-/g, ' ')})`;
      }
      case 'print':
        return d.outcome === 'printed' ? `Badge${d.serial ? ' #' + d.serial : ''} printed on ${d.queue}` : `Print failed: ${d.message || d.queue || ''}`;
      case 'walk-in':
        return 'Registered as a walk-in';
      case 'name-corrected':
        return `Name corrected: ${personName(d.before)} → ${personName(d.after)}`;
      case 'flagged':
        return `Flagged: ${d.note}`;
      case 'flag-acknowledged':
        return `Flag read: ${d.note}`;
      case 'check-in-undone':
        return `Check-in undone${d.reason ? ': ' + d.reason : ''}`;
      default:
        return entry.kind;
    }
  }

  const logTones = { 'check-in': 'green', 'badge-revoked': 'red', 'check-in-undone': 'amber', flagged: 'amber', print: 'accent', 'badge-issued': 'accent' };

  function logLine(entry, undone) {
    const tone = entry.kind === 'print' && entry.details && entry.details.outcome === 'failed' ? 'red' : logTones[entry.kind] || 'grey';
    const where = [entry.station, entry.staff].filter(Boolean).join(' · ');
    return h(
      'li',
      { class: `log-line tone-${tone}${undone ? ' is-undone' : ''}`, 'data-kind': entry.kind },
      h('time', { class: 'log-time', datetime: entry.at }, when(entry.at)),
      h('span', { class: 'log-text', dir: 'auto' }, entryText(entry, undone)),
      h('span', { class: 'log-where muted' }, where),
    );
  }

  /* ------------------------------------------------------------------ print progress */

  // Every followed print job, by key: updated by the stream, and polled meanwhile in case the stream is down.
  const followed = new Map();
  const isFinished = (job) => job.state === 'printed' || job.state === 'failed';

  /** Whether `candidate` is news after `known`: never a step back from a finished job, never an older state. */
  function isNews(candidate, known) {
    if (isFinished(known) && !isFinished(candidate)) return false;
    return Date.parse(candidate.updatedAt) >= Date.parse(known.updatedAt);
  }

  /** Follows a job until it is printed or failed; `listener` gets every new state. Returns a function to stop. */
  function followJob(job, listener) {
    let entry = followed.get(job.key);
    if (!entry) {
      entry = { job, listeners: new Set(), timer: 0, started: Date.now() };
      followed.set(job.key, entry);
    } else if (isNews(job, entry.job)) {
      entry.job = job;
    }
    entry.listeners.add(listener);
    listener(entry.job);
    if (isFinished(entry.job)) forget(entry);
    else schedulePoll(entry);
    return () => entry.listeners.delete(listener);
  }

  function forget(entry) {
    clearTimeout(entry.timer);
    if (followed.get(entry.job.key) === entry) followed.delete(entry.job.key);
  }

  function receiveJob(job) {
    applyJobToCard(job);
    const entry = followed.get(job.key);
    if (!entry || !isNews(job, entry.job)) return;
    entry.job = job;
    entry.listeners.forEach((listener) => listener(job));
    if (isFinished(job)) forget(entry);
  }

  /** A job of the open card's delegate updates its print history at once (the full card follows shortly). */
  function applyJobToCard(job) {
    const card = state.card;
    if (!card || state.view !== 'card' || !sameReference(job.reference, card.delegate.reference)) return;
    const index = card.printJobs.findIndex((known) => known.key === job.key);
    if (index >= 0 && !isNews(job, card.printJobs[index])) return;
    if (index >= 0) card.printJobs[index] = job;
    else card.printJobs.push(job);
    renderCard(card);
  }

  function schedulePoll(entry) {
    clearTimeout(entry.timer);
    const age = Date.now() - entry.started;
    // Every second at first; less often for a job that waits long, and spread out when a group prints.
    const base = age < 120000 ? 1000 : 5000;
    const delay = base * Math.max(1, Math.ceil(followed.size / 4));
    entry.timer = setTimeout(() => poll(entry), delay);
  }

  async function poll(entry) {
    if (followed.get(entry.job.key) !== entry) return;
    try {
      receiveJob(await api.get(`/print-jobs/${enc(entry.job.key)}`));
    } catch (_) {
      // Keep trying: the printer or the network may come back, and the stream may bring the news first.
    }
    if (followed.get(entry.job.key) === entry) schedulePoll(entry);
  }

  /** The words and colour of a job's progress line. */
  function progressView(job) {
    const tried = job.triedQueues || [];
    switch (job.state) {
      case 'printed':
        return { state: 'printed', tone: 'green', text: `Printed on ${job.queue || 'the printer'}`, icon: '✓' };
      case 'failed':
        return { state: 'failed', tone: 'red', text: `Cannot print: ${job.message || 'the print system gave up'}`, icon: '!' };
      case 'submitted':
        return {
          state: 'submitted',
          tone: 'accent',
          text: `Printing on ${job.queue}${tried.length ? ` (moved on from ${tried.join(', ')})` : ''}`,
          spin: true,
        };
      case 'submitting':
        return { state: 'queued', tone: 'accent', text: `Sending to ${job.queue || 'the printer'}…`, spin: true };
      default:
        if (tried.length) return { state: 'queued', tone: 'amber', text: `Moved on: ${job.message || `${tried[tried.length - 1]} failed`}`, spin: true };
        if (job.message) return { state: 'queued', tone: 'amber', text: `Waiting for a printer: ${job.message}`, spin: true };
        return { state: 'queued', tone: 'accent', text: 'Sending to the printer…', spin: true };
    }
  }

  // The progress line of the open card: kept across re-renders of the card.
  const progressSlot = h('div', { class: 'progress-slot' });
  let stopFollowing = null;

  function renderProgress(job) {
    const view = progressView(job);
    progressSlot.replaceChildren(
      h(
        'div',
        { class: `print-status tone-${view.tone}`, 'data-testid': 'print-status', 'data-state': view.state, 'data-key': job.key, role: 'status', 'aria-live': 'polite' },
        view.spin ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : h('span', { class: 'print-status-icon', 'aria-hidden': 'true' }, view.icon),
        h('span', { class: 'print-status-text' }, view.text),
        job.serial ? h('span', { class: 'print-status-meta' }, `badge #${job.serial}`) : null,
        view.state === 'failed' ? h('span', { class: 'print-status-meta' }, 'Press R to reprint') : null,
      ),
    );
    if (isFinished(job)) refreshCardSoon();
  }

  /** Shows the live progress of `job` on the open card. */
  function showProgress(job) {
    stopProgress();
    stopFollowing = followJob(job, renderProgress);
  }

  function stopProgress() {
    if (stopFollowing) stopFollowing();
    stopFollowing = null;
    progressSlot.replaceChildren();
  }

  /** A card opened while its badge is still on its way shows that job's progress. */
  function followUnfinishedPrint(card) {
    const unfinished = card.printJobs.filter((job) => !isFinished(job));
    if (unfinished.length) showProgress(unfinished[unfinished.length - 1]);
  }

  /* ------------------------------------------------------------------ dialogs */

  /** Opens a modal dialog and resolves with its return value when it closes (Escape gives ''). */
  function ask(dialog, focusTarget) {
    return new Promise((resolve) => {
      dialog.returnValue = '';
      dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
      dialog.showModal();
      if (focusTarget) focusTarget.focus();
    });
  }

  function openDialog(dialog, focusTarget) {
    dialog.returnValue = '';
    dialog.showModal();
    if (focusTarget) focusTarget.focus();
  }

  function whoLine(card) {
    return `${card.delegate.displayName} · ${card.delegate.reference}`;
  }

  /** The flags to read: staff acknowledge them all at once, or the check-in does not go ahead. */
  async function confirmFlags(flags, fallbackNote) {
    const list = $('flags-list');
    const items = flags.length
      ? flags.map((flag) => h('li', { class: 'flag-item' }, h('p', { class: 'flag-note', dir: 'auto' }, flag.note), h('p', { class: 'muted flag-when' }, `Set ${when(flag.setAt)}`)))
      : [h('li', { class: 'flag-item' }, h('p', { class: 'flag-note' }, fallbackNote))];
    list.replaceChildren(...items);
    $('flags-who').textContent = state.card ? whoLine(state.card) : '';
    // Focus the notes, not the button: a stray Enter (or a scanner) must not acknowledge unread notes.
    return (await ask($('flags-dialog'), list)) === 'acknowledge';
  }

  async function confirm({ title, body, confirmLabel }) {
    $('confirm-title').textContent = title;
    $('confirm-body').textContent = body;
    $('confirm-ok').textContent = confirmLabel;
    return (await ask($('confirm-dialog'), $('confirm-cancel'))) === 'confirm';
  }

  /* ------------------------------------------------------------------ check in & print */

  /**
   * Checks the open delegate in and prints their badge. Unread flags are shown and, once acknowledged, the same
   * request is sent again with the SAME nonce (so it can never make two check-ins or two badges); an organiser
   * may override a cancelled registration.
   */
  async function checkIn() {
    const card = state.card;
    if (!card || state.busy) return;
    state.busy = true;
    const button = cardElement() && cardElement().querySelector('[data-testid="checkin"]');
    setBusy(button, true, 'Checking in…');
    const body = { reference: card.delegate.reference, print: true, nonce: L.nonce() };
    try {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        try {
          const result = await api.post('/checkins', body);
          reportCheckIn(result);
          return;
        } catch (error) {
          if (!(await resolveConflict(error, body))) return;
        }
      }
    } catch (error) {
      showError(error);
    } finally {
      state.busy = false;
      setBusy(button, false, 'Checking in…');
      refreshCard();
    }
  }

  /**
   * Handles a refused check-in: returns true to send it again (with `body` amended), false to stop; throws
   * what it cannot handle.
   */
  async function resolveConflict(error, body) {
    if (error.code === 'attention-required' && !body.acknowledgedFlags) {
      const card = await api.get(`/delegates/${enc(body.reference)}`);
      const flags = pendingFlags(card);
      if (!(await confirmFlags(flags, error.message))) {
        showMessage('info', 'Not checked in.', 'The notes were not acknowledged.');
        focusHome();
        return false;
      }
      body.acknowledgedFlags = flags.map((flag) => flag.id);
      return true;
    }
    if (error.code === 'registration-cancelled' && !body.force) {
      if (!isOrganiser) {
        showError(error, 'Only an organiser can check in a cancelled registration.');
        focusHome();
        return false;
      }
      const go = await confirm({ title: 'This registration is cancelled', body: describe(error), confirmLabel: 'Check in anyway' });
      if (!go) {
        showMessage('info', 'Not checked in.', 'The registration stays cancelled.');
        focusHome();
        return false;
      }
      body.force = true;
      return true;
    }
    throw error;
  }

  function reportCheckIn(result) {
    const d = result.delegate;
    const notes = [];
    if (result.forced) notes.push('The override of the cancelled registration is recorded.');
    if (result.printNote) notes.push(result.printNote);
    if (result.firstCheckIn) {
      showMessage(result.printNote ? 'warn' : 'success', `${d.displayName} is checked in.`, notes.join(' '));
    } else {
      const at = result.checkIn;
      showMessage('warn', `Already checked in today at ${clock(at.at)} at ${at.station}.`, notes.join(' '));
    }
    const stillOpen = state.card && sameReference(state.card.delegate.reference, d.reference);
    if (result.print && stillOpen) showProgress(result.print);
    // Ready for the next delegate: the card stays in view, the search takes the next name or scan.
    if (stillOpen) focusSearch(true);
  }

  /* ------------------------------------------------------------------ reprint */

  let reprintNonce = '';

  function openReprint(presetReason) {
    const card = state.card;
    if (!card) return;
    const badge = card.badge;
    reprintNonce = L.nonce();
    $('reprint-who').textContent = whoLine(card);
    let warning;
    if (badge && !badge.revocationReason) warning = `Badge #${badge.serial} stops working as soon as the new one is made: doors will refuse it.`;
    else if (badge) warning = `Badge #${badge.serial} was revoked (${badge.revocationReason}). This prints a new one.`;
    else warning = 'No badge has been printed for this delegate yet. This prints the first one.';
    $('reprint-warning').textContent = warning;
    $('reprint-reason').value = presetReason || '';
    $('reprint-error').textContent = '';
    openDialog($('reprint-dialog'), $('reprint-reason'));
  }

  async function reprint(reference, reason, nonce) {
    const job = await api.post(`/delegates/${enc(reference)}/reprint`, { reason, nonce });
    if (state.card && sameReference(state.card.delegate.reference, reference)) showProgress(job);
    showMessage('success', `Reprinting the badge (${reason}).`, 'The old badge stops working once the new one is made.');
    refreshCard();
    return job;
  }

  async function submitReprint(event) {
    event.preventDefault();
    const reason = $('reprint-reason').value.trim();
    if (!reason) {
      $('reprint-error').textContent = 'Say why the badge is reprinted (lost, damaged, name corrected…).';
      $('reprint-reason').focus();
      return;
    }
    const button = $('reprint-confirm');
    setBusy(button, true, 'Reprinting…');
    try {
      await reprint(state.card.delegate.reference, reason, reprintNonce);
      $('reprint-dialog').close('done');
      focusHome();
    } catch (error) {
      $('reprint-error').textContent = describe(error);
    } finally {
      setBusy(button, false, 'Reprinting…');
    }
  }

  /* ------------------------------------------------------------------ revoke */

  function openRevoke() {
    const card = state.card;
    if (!card) return;
    const badge = badgeInForce(card);
    if (!badge) {
      showMessage('info', 'There is no badge in force to revoke.', card.badge ? `Badge #${card.badge.serial} is revoked already.` : 'No badge was printed yet.');
      return;
    }
    $('revoke-who').textContent = whoLine(card);
    $('revoke-warning').textContent = `Badge #${badge.serial} will stop opening doors at once. Doors will show the reason.`;
    $('revoke-reason').value = '';
    $('revoke-error').textContent = '';
    openDialog($('revoke-dialog'), $('revoke-reason'));
  }

  async function submitRevoke(event) {
    event.preventDefault();
    const reason = $('revoke-reason').value.trim();
    if (!reason) {
      $('revoke-error').textContent = 'Say why the badge is revoked (lost, stolen, withdrawn…).';
      $('revoke-reason').focus();
      return;
    }
    const button = $('revoke-confirm');
    setBusy(button, true, 'Revoking…');
    try {
      const result = await api.post(`/delegates/${enc(state.card.delegate.reference)}/revoke`, { reason });
      $('revoke-dialog').close('done');
      showMessage('success', `Badge #${result.serial} is revoked (${result.reason}).`, 'Doors refuse it from now on. Press R to print a replacement.');
      refreshCard();
      focusHome();
    } catch (error) {
      $('revoke-error').textContent = describe(error);
    } finally {
      setBusy(button, false, 'Revoking…');
    }
  }

  /* ------------------------------------------------------------------ correct the name, with a live preview */

  const correctInputs = () => ({
    title: $('correct-title-input').value.trim(),
    givenName: $('correct-given').value.trim(),
    familyName: $('correct-family').value.trim(),
    nativeName: $('correct-native').value.trim(),
  });

  let correctReference = '';

  function openCorrect() {
    const card = state.card;
    if (!card) return;
    const d = card.delegate;
    correctReference = d.reference;
    $('correct-who').textContent = whoLine(card);
    $('correct-title-input').value = d.title || '';
    $('correct-given').value = d.givenName || '';
    // A name registered in one piece is corrected as the family name (as the server reads it).
    $('correct-family').value = d.fullName || d.familyName || '';
    $('correct-native').value = d.nativeName || '';
    $('correct-error').textContent = '';
    $('correct-saved').hidden = true;
    $('correct-after').hidden = true;
    $('correct-actions').hidden = false;
    $('correct-fields').querySelectorAll('input').forEach((input) => (input.disabled = false));
    updatePreview();
    openDialog($('correct-dialog'), $('correct-given'));
  }

  /** Points the preview at the badge as it would print with the name typed so far. */
  function updatePreview() {
    const name = correctInputs();
    const query = Object.entries(name)
      .map(([key, value]) => `${key}=${enc(value)}`)
      .join('&');
    $('preview-caption').textContent = 'Updating the preview…';
    $('correct-preview').src = `/api/v1/delegates/${enc(correctReference)}/badge-preview?${query}`;
  }

  const schedulePreview = debounce(updatePreview, 250);

  async function explainPreviewFailure() {
    const img = $('correct-preview');
    const source = img.getAttribute('src') || '';
    $('preview-caption').textContent = 'The preview could not be made.';
    try {
      await api.get(source.replace(/^\/api\/v1/, ''), { as: 'blob' });
    } catch (error) {
      if (img.getAttribute('src') === source) $('preview-caption').textContent = `The preview could not be made: ${describe(error)}`;
    }
  }

  async function submitCorrect(event) {
    event.preventDefault();
    if (!$('correct-after').hidden) return; // saved already: Enter does nothing more
    const name = correctInputs();
    if (!name.givenName && !name.familyName) {
      $('correct-error').textContent = 'A name cannot be empty: fill in the given name or the family name.';
      $('correct-given').focus();
      return;
    }
    const button = $('correct-save');
    setBusy(button, true, 'Saving…');
    try {
      const card = await api.put(`/delegates/${enc(correctReference)}/name`, name);
      if (state.card && sameReference(state.card.delegate.reference, correctReference)) {
        state.card = card;
        renderCard(card);
      }
      if (state.hitsFor) runSearch(searchInput.value); // the list shows the corrected name too
      $('correct-error').textContent = '';
      afterCorrection(card);
    } catch (error) {
      $('correct-error').textContent = describe(error);
    } finally {
      setBusy(button, false, 'Saving…');
    }
  }

  /** Once saved: offer to reprint, since the badge in force still carries the old spelling. */
  function afterCorrection(card) {
    const badge = card.badge;
    $('correct-saved').hidden = false;
    $('correct-actions').hidden = true;
    $('correct-after').hidden = false;
    $('correct-fields').querySelectorAll('input').forEach((input) => (input.disabled = true));
    const reprintButton = $('correct-reprint');
    if (badge) {
      $('correct-saved-note').textContent = `Badge #${badge.serial} still shows the old name until it is reprinted.`;
      reprintButton.hidden = false;
      reprintButton.focus();
    } else {
      $('correct-saved-note').textContent = 'No badge was printed yet: the first one will carry the corrected name.';
      reprintButton.hidden = true;
      $('correct-after').querySelector('[data-action="close-dialog"]').focus();
    }
    showMessage('success', `Name corrected: ${card.delegate.displayName}.`, badge ? 'Reprint the badge so that it shows the new name.' : '');
  }

  async function reprintAfterCorrection() {
    const button = $('correct-reprint');
    setBusy(button, true, 'Reprinting…');
    try {
      await reprint(correctReference, 'name corrected', L.nonce());
      $('correct-dialog').close('done');
      focusHome();
    } catch (error) {
      $('correct-error').textContent = describe(error);
    } finally {
      setBusy(button, false, 'Reprinting…');
    }
  }

  /* ------------------------------------------------------------------ undo a check-in */

  let undoEntry = null;

  function openUndo() {
    const card = state.card;
    if (!card) return;
    undoEntry = undoableCheckIn(card);
    if (!undoEntry) {
      showMessage('info', 'There is nothing to undo here.', 'Only a check-in made at this desk in the last 10 minutes can be undone.');
      return;
    }
    $('undo-who').textContent = `${whoLine(card)} · checked in ${clock(undoEntry.at)} at ${undoEntry.station}`;
    $('undo-reason').value = '';
    $('undo-error').textContent = '';
    openDialog($('undo-dialog'), $('undo-reason'));
  }

  async function submitUndo(event) {
    event.preventDefault();
    if (!undoEntry) return;
    const reason = $('undo-reason').value.trim();
    const button = $('undo-confirm');
    setBusy(button, true, 'Undoing…');
    try {
      await api.post(`/checkins/${enc(undoEntry.id)}/undo`, reason ? { reason } : {});
      $('undo-dialog').close('done');
      showMessage('success', `The check-in of ${clock(undoEntry.at)} is undone.`, 'It stays in the log and no longer counts.');
      refreshCard();
      focusHome();
    } catch (error) {
      $('undo-error').textContent = describe(error);
    } finally {
      setBusy(button, false, 'Undoing…');
    }
  }

  /* ------------------------------------------------------------------ flag (organisers) */

  function openFlag() {
    const card = state.card;
    if (!card || !isOrganiser) return;
    $('flag-who').textContent = whoLine(card);
    $('flag-note').value = '';
    $('flag-error').textContent = '';
    openDialog($('flag-dialog'), $('flag-note'));
  }

  async function submitFlag(event) {
    event.preventDefault();
    const note = $('flag-note').value.trim();
    if (!note) {
      $('flag-error').textContent = 'Write the note the desk must read.';
      $('flag-note').focus();
      return;
    }
    const button = $('flag-confirm');
    setBusy(button, true, 'Adding…');
    try {
      await api.post(`/delegates/${enc(state.card.delegate.reference)}/flags`, { note });
      $('flag-dialog').close('done');
      showMessage('success', 'Flag added.', 'The desk must read it before the next check-in.');
      refreshCard();
      focusHome();
    } catch (error) {
      $('flag-error').textContent = describe(error);
    } finally {
      setBusy(button, false, 'Adding…');
    }
  }

  /* ------------------------------------------------------------------ categories and event (for walk-ins, days) */

  let referenceData = null;

  /** Loads the categories and the event once; the walk-in form and the card's days use them. */
  function loadReferenceData() {
    if (!referenceData) {
      referenceData = Promise.all([api.get('/categories'), api.get('/event')])
        .then(([categories, event]) => {
          state.categories = new Map(categories.map((category) => [category.code, category.name]));
          state.categoryList = categories;
          state.event = event;
          if (state.hitsFor) renderHits(state.hits, state.hitsFor);
          if (state.card && state.view === 'card') renderCard(state.card);
          return true;
        })
        .catch((error) => {
          referenceData = null; // try again next time
          throw error;
        });
    }
    return referenceData;
  }

  /* ------------------------------------------------------------------ walk-in */

  /** One nonce per walk-in form: a second click, or a retry after a lost answer, registers nobody twice. */
  let walkInNonce = null;

  async function openWalkIn() {
    if (dialogOpen()) return;
    clearMessage();
    const form = $('walkin-form');
    form.reset();
    walkInNonce = L.nonce();
    $('walkin-error').textContent = '';
    setView('walkin');
    try {
      await loadReferenceData();
    } catch (error) {
      $('walkin-error').textContent = describe(error);
    }
    fillCategories();
    fillDays();
    $('walkin-given').focus();
  }

  function fillCategories() {
    const select = $('walkin-category');
    const categories = state.categoryList || [];
    select.replaceChildren(...categories.map((category) => h('option', { value: category.code }, category.name)));
    // Most walk-ins are ordinary delegates: preselect that category when there is one.
    const usual = categories.find((category) => /^del/i.test(category.code) || /^delegate$/i.test(category.name));
    if (usual) select.value = usual.code;
  }

  function fillDays() {
    const days = (state.event && state.event.days) || [];
    const today = todaysEventDay();
    $('walkin-days').replaceChildren(
      ...days.map((day) =>
        h(
          'label',
          { class: 'check' },
          h('input', { type: 'checkbox', value: day.day, checked: true, 'data-testid': 'walkin-day' }),
          h('span', null, `Day ${day.day}`, h('span', { class: 'muted' }, ` · ${shortDate(day.date)}`), today === day.day ? h('span', { class: 'pill pill-accent day-today' }, 'today') : null),
        ),
      ),
    );
  }

  function walkInBody() {
    const value = (id) => $(id).value.trim();
    const body = { givenName: value('walkin-given'), familyName: value('walkin-family'), category: $('walkin-category').value, nonce: walkInNonce };
    const optional = { nativeName: value('walkin-native'), organisation: value('walkin-organisation'), country: value('walkin-country').toUpperCase(), email: value('walkin-email') };
    for (const [key, text] of Object.entries(optional)) if (text) body[key] = text;
    const days = Array.from($('walkin-days').querySelectorAll('input:checked')).map((input) => Number(input.value));
    if (days.length) body.days = days;
    return body;
  }

  function walkInProblem(body) {
    if (!body.givenName && !body.familyName) return ['walkin-given', 'Enter the given name or the family name.'];
    if (body.country && !/^[A-Z]{2}$/.test(body.country)) return ['walkin-country', 'The country is two letters, such as FR or DE.'];
    if (!body.category) return ['walkin-category', 'Choose a category.'];
    if (body.email && !$('walkin-email').checkValidity()) return ['walkin-email', 'That e-mail address does not look right.'];
    if ($('walkin-days').querySelector('input') && !body.days) return ['walkin-days', 'Choose at least one day.'];
    return null;
  }

  async function submitWalkIn(event) {
    event.preventDefault();
    const body = walkInBody();
    const problem = walkInProblem(body);
    if (problem) {
      $('walkin-error').textContent = problem[1];
      const field = $(problem[0]);
      (field.querySelector ? field.querySelector('input') || field : field).focus();
      return;
    }
    const button = $('walkin-save');
    setBusy(button, true, 'Registering…');
    try {
      const card = await api.post('/delegates', body);
      showCard(card);
      showMessage('success', `${card.delegate.displayName} is registered as ${card.delegate.reference}.`, 'Press Enter to check in and print the badge.');
    } catch (error) {
      $('walkin-error').textContent = describe(error);
    } finally {
      setBusy(button, false, 'Registering…');
    }
  }

  /* ------------------------------------------------------------------ group check-in */

  let groupNonce = '';
  const groupStops = [];

  function openGroup() {
    if (dialogOpen()) return;
    clearMessage();
    if (state.view !== 'group') {
      groupNonce = L.nonce();
      $('group-error').textContent = '';
    }
    setView('group');
    $('group-organisation').focus();
  }

  function groupBody() {
    const references = $('group-references').value.split(/[\s,;]+/).map((text) => text.trim()).filter(Boolean);
    const body = { print: true, nonce: groupNonce };
    if (references.length) {
      body.references = references;
      return body;
    }
    const organisation = $('group-organisation').value.trim();
    const country = $('group-country').value.trim().toUpperCase();
    if (organisation) body.organisation = organisation;
    if (country) body.country = country;
    return body;
  }

  async function submitGroup(event) {
    event.preventDefault();
    const body = groupBody();
    if (!body.references && !body.organisation && !body.country) {
      $('group-error').textContent = 'Fill in an organisation or a country, or paste references.';
      $('group-organisation').focus();
      return;
    }
    if (body.country && !/^[A-Z]{2}$/.test(body.country)) {
      $('group-error').textContent = 'The country is two letters, such as FR or DE.';
      $('group-country').focus();
      return;
    }
    const button = $('group-save');
    setBusy(button, true, 'Checking in…');
    $('group-error').textContent = '';
    try {
      const result = await api.post('/checkins/group', body);
      renderGroupResults(result);
      groupNonce = L.nonce(); // the next group is a new request
    } catch (error) {
      $('group-error').textContent = describe(error);
    } finally {
      setBusy(button, false, 'Checking in…');
    }
  }

  function renderGroupResults(result) {
    groupStops.splice(0).forEach((stop) => stop());
    const checkIns = result.checkIns || [];
    const problems = result.problems || [];
    const printing = checkIns.filter((item) => item.print).length;
    const summary = [`${checkIns.length} checked in`, `${printing} badge${printing === 1 ? '' : 's'} to print`];
    if (problems.length) summary.push(`${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    const box = $('group-results');
    const parts = [h('h3', { class: 'group-summary' }, summary.join(' · '))];
    if (problems.length) {
      parts.push(h('ul', { class: 'group-problems', 'data-testid': 'group-problems' }, problems.map((problem) => h('li', null, h('span', { class: 'mono' }, problem.reference), ` ${problem.reason}`))));
    }
    parts.push(h('ul', { class: 'group-list' }, checkIns.map(groupLine)));
    box.replaceChildren(...parts);
    box.hidden = false;
  }

  function groupLine(item) {
    const d = item.delegate;
    const status = item.firstCheckIn ? 'Checked in' : `Already checked in ${clock(item.checkIn.at)} at ${item.checkIn.station}`;
    const pill = h('span', { class: 'pill' }, item.print ? 'Queued' : 'No print');
    if (item.print) {
      groupStops.push(
        followJob(item.print, (job) => {
          pill.className = `pill ${jobTones[job.state] || ''}`;
          pill.textContent = job.state === 'failed' ? `Failed: ${job.message || ''}` : jobWords[job.state] || job.state;
          pill.dataset.state = job.state;
        }),
      );
    }
    return h(
      'li',
      { class: 'group-line', 'data-testid': 'group-line', 'data-reference': d.reference },
      h('button', { type: 'button', class: 'btn-link group-name', onclick: () => openCard(d.reference) }, d.displayName),
      h('span', { class: 'mono muted' }, d.reference),
      h('span', { class: item.firstCheckIn ? '' : 'muted' }, status),
      item.printNote ? h('span', { class: 'muted' }, item.printNote) : pill,
    );
  }

  function closePanel() {
    if (state.card) {
      setView('card');
      renderCard(state.card);
      cardElement().focus();
    } else {
      setView('empty');
      focusSearch(true);
    }
  }

  /* ------------------------------------------------------------------ header: printers, live connection, sign out */

  const printers = new Map(); // queue → {usable, problem}
  let printersError = null;

  async function loadPrinters() {
    try {
      const list = await api.get('/printers');
      printers.clear();
      for (const printer of list) printers.set(printer.queue, { usable: printer.usable, problem: printer.problem || '' });
      printersError = null;
    } catch (error) {
      printersError = error;
    }
    renderPrinters();
  }

  function renderPrinters() {
    const dot = $('printers-dot');
    const label = $('printers-label');
    const summary = document.querySelector('[data-testid="printers"]');
    const broken = [...printers].filter(([, printer]) => !printer.usable);
    let tone;
    let text;
    if (printersError) {
      tone = 'red';
      text = 'Printers unknown';
    } else if (!printers.size) {
      tone = 'grey';
      text = 'No printers';
    } else if (!broken.length) {
      tone = 'green';
      text = printers.size === 1 ? `${[...printers.keys()][0]} ready` : `${printers.size} printers ready`;
    } else {
      tone = 'red';
      const [queue, printer] = broken[0];
      text = `${queue}: ${printer.problem || 'not usable'}${broken.length > 1 ? ` (+${broken.length - 1})` : ''}`;
    }
    dot.className = `dot dot-${tone}`;
    label.textContent = text;
    summary.dataset.state = tone === 'green' ? 'ok' : tone === 'grey' ? 'none' : 'problem';
    summary.title = text;
    const items = [...printers].map(([queue, printer]) =>
      h('li', { class: 'printer-row' }, h('span', { class: `dot dot-${printer.usable ? 'green' : 'red'}` }), h('span', { class: 'printer-name' }, queue), h('span', { class: 'muted' }, printer.usable ? 'ready' : printer.problem || 'not usable')),
    );
    if (printersError) items.push(h('li', { class: 'printer-row' }, describe(printersError)));
    $('printers-list').replaceChildren(...items);
  }

  function onPrinterEvent(event) {
    printers.set(event.queue, { usable: Boolean(event.usable), problem: event.usable ? '' : event.problem || 'not usable' });
    printersError = null;
    renderPrinters();
  }

  const connectionWords = { connecting: ['amber', 'Connecting…'], live: ['green', 'Live'], reconnecting: ['amber', 'Reconnecting…'], offline: ['red', 'Offline — retrying'] };

  function setConnection(status) {
    const [tone, text] = connectionWords[status];
    const box = $('connection');
    box.dataset.state = status;
    $('connection-dot').className = `dot dot-${tone}`;
    $('connection-label').textContent = text;
  }

  let source = null;
  let retryTimer = 0;
  let retryDelay = 2000;
  let missedNews = false;

  /** Follows the station's events; after an outage, catches up on what may have been missed. */
  function connectStream() {
    clearTimeout(retryTimer);
    if (source) source.close();
    setConnection(missedNews ? 'reconnecting' : 'connecting');
    source = new EventSource('/api/v1/stream');
    source.addEventListener('open', () => {
      setConnection('live');
      retryDelay = 2000;
      if (missedNews) catchUp();
      missedNews = false;
    });
    source.addEventListener('error', () => {
      missedNews = true;
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (the station answered with an error): retry ourselves, checking the session first.
        setConnection('offline');
        retryTimer = setTimeout(reconnect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      } else {
        setConnection('reconnecting');
      }
    });
    source.addEventListener('entry', (event) => handleEvent(event, (data) => onEntry(data.entry)));
    source.addEventListener('print-job', (event) => handleEvent(event, (data) => onJob(data.job)));
    source.addEventListener('printer', (event) => handleEvent(event, onPrinterEvent));
  }

  async function reconnect() {
    try {
      await api.get('/session'); // a 401 here goes to the sign-in page
    } catch (_) {
      // the station is still away: connectStream will say so again
    }
    connectStream();
  }

  function handleEvent(event, handler) {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (_) {
      return; // not ours to show: a malformed event is skipped
    }
    handler(data);
  }

  function onEntry(entry) {
    if (entry && state.card && sameReference(entry.reference, state.card.delegate.reference)) refreshCardSoon();
  }

  function onJob(job) {
    if (!job) return;
    receiveJob(job);
    if (state.card && sameReference(job.reference, state.card.delegate.reference)) refreshCardSoon();
  }

  function catchUp() {
    loadPrinters();
    refreshCardSoon();
    followed.forEach((entry) => {
      clearTimeout(entry.timer);
      poll(entry);
    });
  }

  async function signOut() {
    try {
      await api.del('/session');
      location.assign('/signin');
    } catch (error) {
      showError(error);
    }
  }

  /* ------------------------------------------------------------------ keyboard */

  let keyBuffer = '';
  let keyTimer = 0;

  /** Keys typed on the card: single keys are shortcuts; a quick run of keys is typing or a scan, for the search. */
  function onCardKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter') {
      if (isActivatable(event.target)) return; // a focused button does its own thing
      event.preventDefault();
      if (!event.repeat && !keyBuffer) checkIn();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusSearch(false);
      moveHighlight(event.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (!L.isPrintable(event) || event.repeat) return;
    if (event.key === ' ' && isActivatable(event.target)) return;
    event.preventDefault();
    keyBuffer += event.key;
    if (keyTimer) {
      // A second key this soon: somebody types or a scanner sends. Send it all to the search, act on nothing.
      clearTimeout(keyTimer);
      keyTimer = 0;
      const text = keyBuffer;
      keyBuffer = '';
      typeIntoSearch(text);
      return;
    }
    keyTimer = setTimeout(() => {
      const key = keyBuffer;
      keyBuffer = '';
      keyTimer = 0;
      if (!runShortcut(key)) typeIntoSearch(key);
    }, SHORTCUT_DELAY_MS);
  }

  function runShortcut(key) {
    if (dialogOpen() || state.view !== 'card') return false;
    switch (key.toLowerCase()) {
      case 'c':
        checkIn();
        return true;
      case 'r':
        openReprint();
        return true;
      case 'n':
        openCorrect();
        return true;
      case 'v':
        if (!isOrganiser) return false;
        openRevoke();
        return true;
      case 'u':
        openUndo();
        return true;
      case 'f':
        if (!isOrganiser) return false;
        openFlag();
        return true;
      default: // any other key starts a new search (walk-in and group are Alt W and Alt G, as names start with W or G)
        return false;
    }
  }

  function onDocumentKey(event) {
    if (event.defaultPrevented || dialogOpen()) return; // a dialog handles its own keys (Escape closes it)
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      if (event.code === 'KeyW') {
        event.preventDefault();
        openWalkIn();
      } else if (event.code === 'KeyG') {
        event.preventDefault();
        openGroup();
      }
      return;
    }
    const target = event.target;
    if (target === searchInput) return; // the search handles its own keys
    if (state.view === 'walkin' || state.view === 'group') {
      if (event.key === 'Escape') {
        event.preventDefault();
        closePanel();
      }
      return;
    }
    if (isFormField(target)) return;
    if (event.key === 'Escape' || (event.key === '/' && !event.ctrlKey && !event.metaKey)) {
      event.preventDefault();
      focusSearch(true);
      return;
    }
    if (state.view === 'card') {
      onCardKey(event);
      return;
    }
    // Nothing open: whatever is typed anywhere goes to the search.
    if (L.isPrintable(event)) {
      event.preventDefault();
      searchInput.value += event.key;
      focusSearch(false);
      runSearch(searchInput.value);
    }
  }

  /** A scan ends like Enter in the search; what the scanner sent is also tried alone, should text have been there. */
  function onScan(text, event) {
    if (dialogOpen()) return;
    const active = document.activeElement;
    if (isFormField(active) && active !== searchInput) return; // scanning into a form field (group references) is typing
    event.preventDefault();
    event.stopPropagation();
    if (keyBuffer) {
      // Keys still held back on the card: they belong to the scan.
      clearTimeout(keyTimer);
      keyTimer = 0;
      typeIntoSearch(keyBuffer);
      keyBuffer = '';
    }
    focusSearch(false);
    if (event.repeat) return;
    submitSearch(searchInput.value, text.trim());
  }

  /** Focus never gets lost: when it falls to the page itself, it goes back to the search or the card. */
  function guardFocus() {
    setTimeout(() => {
      if ((!document.activeElement || document.activeElement === document.body) && !dialogOpen()) focusHome();
    }, 0);
  }

  /* ------------------------------------------------------------------ wiring */

  function wire() {
    searchInput.addEventListener('input', () => runSearch(searchInput.value));
    searchInput.addEventListener('keydown', onSearchKey);
    document.addEventListener('keydown', onDocumentKey);
    document.addEventListener('focusout', guardFocus);
    L.detectScanner(onScan);

    $('open-walkin').addEventListener('click', openWalkIn);
    $('open-group').addEventListener('click', openGroup);
    $('signout').addEventListener('click', signOut);
    document.querySelectorAll('[data-action="close-panel"]').forEach((button) => button.addEventListener('click', closePanel));
    document.querySelectorAll('[data-action="close-dialog"]').forEach((button) => button.addEventListener('click', () => button.closest('dialog').close('cancel')));
    document.querySelectorAll('dialog').forEach((dialog) => dialog.addEventListener('close', guardFocus));

    $('reprint-form').addEventListener('submit', submitReprint);
    $('revoke-form').addEventListener('submit', submitRevoke);
    $('correct-form').addEventListener('submit', submitCorrect);
    $('undo-form').addEventListener('submit', submitUndo);
    $('flag-form').addEventListener('submit', submitFlag);
    $('walkin-form').addEventListener('submit', submitWalkIn);
    $('group-form').addEventListener('submit', submitGroup);
    $('correct-reprint').addEventListener('click', reprintAfterCorrection);

    // Quick reasons fill the field and move to the button, so that Enter confirms.
    document.querySelectorAll('.chip[data-reason]').forEach((chip) =>
      chip.addEventListener('click', () => {
        const form = chip.closest('form');
        form.querySelector('input').value = chip.dataset.reason;
        form.querySelector('button[type="submit"]').focus();
      }),
    );

    ['correct-title-input', 'correct-given', 'correct-family', 'correct-native'].forEach((id) => $(id).addEventListener('input', schedulePreview));
    $('correct-preview').addEventListener('load', () => ($('preview-caption').textContent = 'Badge preview, as it will print'));
    $('correct-preview').addEventListener('error', explainPreviewFailure);
    $('walkin-country').addEventListener('input', (event) => (event.target.value = event.target.value.toUpperCase()));
    $('group-country').addEventListener('input', (event) => (event.target.value = event.target.value.toUpperCase()));
  }

  function start() {
    wire();
    setView('empty');
    focusSearch(false);
    loadReferenceData().catch((error) => showError(error));
    loadPrinters();
    setInterval(loadPrinters, 60000); // in case a printer's news was missed
    connectStream();
    if (searchInput.value) runSearch(searchInput.value); // a value the browser restored
  }

  start();
})();

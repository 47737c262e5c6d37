// The self-service kiosk: a delegate scans the QR code of their registration e-mail (or types their reference and
// family name), sees their own card and badge, and checks in and prints. It shows nobody else's data, and clears
// everything it showed when it returns to the start screen (after 30 s untouched, or 15 s after a result).
(function () {
  'use strict';
  const L = window.Lanyard;
  const { api, h, describe } = L;

  const IDLE_MS = 30 * 1000;
  const RESULT_MS = 15 * 1000;
  const POLL_MS = 1000;
  const PRINT_PATIENCE_MS = 3 * 60 * 1000; // longer than this, and the desk is the better place
  const NOT_FOUND = 'We could not find that registration. Check the reference and family name, or see a desk.';

  const $ = (id) => document.getElementById(id);
  const codeInput = $('kiosk-code');
  const referenceInput = $('kiosk-reference');
  const familyInput = $('kiosk-family');
  const typedForm = $('typed-form');
  const continueButton = $('kiosk-continue');
  const startError = $('start-error');
  const action = $('action');
  const previewImage = $('kiosk-preview');

  const state = {
    screen: 'start', // start | card
    // Bumped at every return to the start screen: an answer that arrives later belongs to somebody gone, and is dropped.
    visit: 0,
    proof: null,
    card: null,
    nonce: null,
    looking: false,
    printing: false,
    previewUrl: null,
    timers: { idle: 0, result: 0, poll: 0 },
  };

  /* ------------------------------------------------------------------ screens */

  function showScreen(screen) {
    state.screen = screen;
    $('start').hidden = screen !== 'start';
    $('card').hidden = screen !== 'card';
  }

  /** Back to the start screen, with every trace of the last visitor removed from the page and from memory. */
  function reset() {
    state.visit += 1;
    Object.values(state.timers).forEach((timer) => clearTimeout(timer));
    state.proof = null;
    state.card = null;
    state.nonce = null;
    state.looking = false;
    state.printing = false;
    ['kiosk-name', 'kiosk-native', 'kiosk-org', 'kiosk-category'].forEach((id) => ($(id).textContent = ''));
    $('kiosk-native').hidden = true;
    clearPreview();
    action.replaceChildren();
    $('wrong-name').hidden = false;
    codeInput.value = '';
    referenceInput.value = '';
    familyInput.value = '';
    startError.textContent = '';
    $('start-busy').hidden = true;
    continueButton.disabled = false;
    showScreen('start');
    armIdle();
    codeInput.focus({ preventScroll: true }); // ready for the next scan, wherever focus was
  }

  function clearPreview() {
    previewImage.removeAttribute('src');
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.previewUrl = null;
    $('preview-frame').hidden = true;
    $('preview-note').textContent = 'Your badge';
  }

  /* ------------------------------------------------------------------ timers */

  /** Any touch or key restarts the 30 s; while a badge prints, the kiosk waits for it. */
  function armIdle() {
    clearTimeout(state.timers.idle);
    if (state.printing) return;
    state.timers.idle = setTimeout(onIdle, IDLE_MS);
  }

  function onIdle() {
    const somethingShown = state.screen !== 'start' || codeInput.value || referenceInput.value || familyInput.value || startError.textContent;
    if (somethingShown) reset();
    else armIdle();
  }

  /** A result stays ~15 s, then the kiosk is ready for the next person. */
  function returnAfterResult() {
    clearTimeout(state.timers.result);
    state.timers.result = setTimeout(reset, RESULT_MS);
  }

  /* ------------------------------------------------------------------ start screen */

  /** On the start screen the hidden scanner field keeps focus, unless the visitor is typing in the form. */
  function keepScannerFocus() {
    if (state.screen !== 'start') return;
    const active = document.activeElement;
    if (active === codeInput) return;
    if (active && active !== document.body && typedForm.contains(active)) return;
    codeInput.focus({ preventScroll: true });
  }

  function setStartError(text) {
    startError.textContent = text;
  }

  /** What went wrong, in words for a visitor. */
  function visitorWords(error) {
    if (error.status === 404) return NOT_FOUND;
    if (error.status === 0) return 'The kiosk cannot reach the registration system right now. Please see a desk.';
    if (error.status >= 500) return 'Something went wrong. Please try again, or see a desk.';
    return describe(error);
  }

  /** Finds the visitor's registration from their proof, and shows their card. */
  async function lookUp(proof) {
    if (state.looking) return;
    state.looking = true;
    const visit = state.visit;
    setStartError('');
    $('start-busy').hidden = false;
    continueButton.disabled = true;
    try {
      const card = await api.post('/kiosk/lookup', proof);
      if (visit !== state.visit) return;
      state.proof = proof;
      state.card = card;
      state.nonce = L.nonce(); // one per visit, so a second tap cannot print a second badge
      showCard(card);
      loadPreview(proof, visit);
    } catch (error) {
      if (visit !== state.visit) return;
      setStartError(visitorWords(error));
      codeInput.value = '';
    } finally {
      if (visit === state.visit) {
        state.looking = false;
        $('start-busy').hidden = true;
        continueButton.disabled = false;
        keepScannerFocus();
      }
    }
  }

  function submitCode() {
    const code = codeInput.value.trim();
    codeInput.value = '';
    if (code) lookUp({ code });
  }

  function submitTyped(event) {
    event.preventDefault();
    const reference = referenceInput.value.trim();
    const familyName = familyInput.value.trim();
    if (!reference || !familyName) {
      setStartError('Please type both your booking reference and your family name.');
      (reference ? familyInput : referenceInput).focus();
      return;
    }
    lookUp({ reference, familyName });
  }

  /**
   * A scan (fast keys ending in Enter) while the typed form is not in use: a lookup by code, also from the card
   * screen (the next visitor). A scan into the reference field simply fills it in: the code is the reference.
   */
  function onScan(text, event) {
    const landedIn = document.activeElement;
    if (landedIn === referenceInput || landedIn === familyInput) return;
    event.preventDefault();
    event.stopPropagation();
    // The hidden field holds only what scanners type, so all of it is the code; elsewhere, the fast keys are.
    let code = text.trim();
    if (landedIn === codeInput && codeInput.value.trim()) code = codeInput.value.trim();
    codeInput.value = '';
    if (state.printing) return; // the visitor at the kiosk is printing: a stray scan must not interrupt
    if (state.screen === 'card') reset();
    lookUp({ code });
  }

  /* ------------------------------------------------------------------ the visitor's card */

  function showCard(card) {
    $('kiosk-name').textContent = card.name;
    const native = $('kiosk-native');
    native.textContent = card.nativeName || '';
    native.hidden = !card.nativeName;
    $('kiosk-org').textContent = card.organisation || '';
    $('kiosk-category').textContent = card.category || '';
    $('wrong-name').hidden = false;
    if (card.canCheckIn) {
      action.replaceChildren(
        h('button', { type: 'button', class: 'kbtn kbtn-primary kbtn-huge', id: 'checkin', 'data-testid': 'kiosk-checkin', onclick: checkIn }, 'Check in and print my badge'),
      );
    } else {
      showDesk(card.deskReason || '');
    }
    showScreen('card');
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    armIdle();
  }

  /** The badge preview: a PNG fetched with the same proof, shown through an object URL. */
  async function loadPreview(proof, visit) {
    try {
      const blob = await api.post('/kiosk/preview', proof, { as: 'blob' });
      if (visit !== state.visit) return;
      state.previewUrl = URL.createObjectURL(blob);
      previewImage.src = state.previewUrl;
      $('preview-frame').hidden = false;
    } catch (_) {
      // No preview is no reason to stop: the visitor can still check in.
      if (visit === state.visit) $('preview-frame').hidden = true;
    }
  }

  /** "Please see a desk with your reference REF", in very large type, with the reason when there is one. */
  function showDesk(reason) {
    const reference = state.card ? state.card.reference : '';
    action.replaceChildren(
      h(
        'div',
        { class: 'desk-message', 'data-testid': 'kiosk-desk', role: 'status' },
        reason ? h('p', { class: 'desk-reason' }, reason) : null,
        h('p', { class: 'desk-ref' }, 'Please see a desk with your reference ', h('strong', { class: 'ref' }, reference)),
      ),
    );
    $('wrong-name').hidden = true;
    returnAfterResult();
  }

  function nameIsWrong() {
    if (state.printing) return;
    showDesk('');
  }

  /* ------------------------------------------------------------------ check in and print */

  async function checkIn() {
    if (state.printing || !state.proof) return;
    const visit = state.visit;
    state.printing = true;
    clearTimeout(state.timers.idle);
    $('wrong-name').hidden = true;
    showStatus({ state: 'queued' });
    try {
      const progress = await api.post('/kiosk/checkin', { ...state.proof, nonce: state.nonce });
      if (visit !== state.visit) return;
      follow(progress, visit, Date.now());
    } catch (error) {
      if (visit !== state.visit) return;
      state.printing = false;
      showDesk(error.status === 403 ? error.message : visitorWords(error));
    }
  }

  /** Follows the print every second until the badge is out or cannot be printed. */
  function follow(progress, visit, startedAt) {
    showStatus(progress);
    if (progress.state === 'printed' || progress.state === 'failed') {
      state.printing = false;
      returnAfterResult();
      return;
    }
    if (Date.now() - startedAt > PRINT_PATIENCE_MS) {
      state.printing = false;
      showDesk('Your badge is taking longer than usual.');
      return;
    }
    state.timers.poll = setTimeout(async () => {
      let next = progress;
      try {
        next = await api.get(`/kiosk/print-jobs/${encodeURIComponent(progress.key)}`);
      } catch (_) {
        // A hiccup of the network: ask again next second.
      }
      if (visit === state.visit) follow(next, visit, startedAt);
    }, POLL_MS);
  }

  function showStatus(progress) {
    const reference = state.card ? state.card.reference : '';
    let content;
    let tone;
    if (progress.state === 'printed') {
      tone = 'ok';
      content = [h('span', { class: 'status-icon', 'aria-hidden': 'true' }, '✓'), h('span', null, 'Your badge is ready — take it from the printer')];
    } else if (progress.state === 'failed') {
      tone = 'bad';
      content = [h('span', { class: 'status-icon', 'aria-hidden': 'true' }, '!'), h('span', null, 'Please see a desk, reference ', h('strong', { class: 'ref' }, reference))];
    } else {
      tone = 'busy';
      content = [h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', null, 'Printing your badge…')];
    }
    action.replaceChildren(h('div', { class: `kiosk-status status-${tone}`, 'data-testid': 'kiosk-status', 'data-state': progress.state, role: 'status' }, content));
  }

  /* ------------------------------------------------------------------ wiring */

  function wire() {
    codeInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.defaultPrevented) {
        event.preventDefault();
        submitCode();
      }
    });
    referenceInput.addEventListener('keydown', (event) => {
      // Enter after the reference moves on to the family name rather than sending half a proof.
      if (event.key === 'Enter' && !event.defaultPrevented && !familyInput.value.trim()) {
        event.preventDefault();
        familyInput.focus();
      }
    });
    typedForm.addEventListener('submit', submitTyped);
    $('wrong-name').addEventListener('click', nameIsWrong);
    $('start-again').addEventListener('click', reset);
    L.detectScanner(onScan);

    ['pointerdown', 'keydown', 'touchstart', 'input', 'wheel'].forEach((type) => document.addEventListener(type, armIdle, { capture: true, passive: true }));
    document.addEventListener('focusout', () => setTimeout(keepScannerFocus, 0));
    window.addEventListener('focus', keepScannerFocus);
    // A long press on a touch screen opens no browser menu.
    document.addEventListener('contextmenu', (event) => event.preventDefault());
  }

  wire();
  reset();
})();

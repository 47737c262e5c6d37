// Lanyard organiser dashboard: the station pushes the whole dashboard (figures and server-drawn SVG charts) as a
// Server-Sent Event whenever something happens; this page only draws it. A category, a country or a session opens
// the list of its delegates.
(function () {
  'use strict';

  const { api, h, describe, clock } = window.Lanyard;
  const $ = (id) => document.getElementById(id);
  /** The station pings every 5 s: this long without a word means the dashboard is no longer live. */
  const SILENCE_LIMIT_MS = 12000;
  const regions = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

  let lastHeard = 0;
  let source = null;
  /** How many drill-downs were asked for: an answer to an earlier one is dropped. */
  let drillCount = 0;

  /* ------------------------------------------------------------------ drawing */

  function render(data) {
    $('dash').removeAttribute('aria-busy');
    $('day-label').textContent = `day ${data.day} of ${data.days}`;
    const totals = data.totals;
    $('checked-in').textContent = String(totals.checkedIn);
    $('expected').textContent = String(totals.expected);
    $('checked-in-meter').style.width = `${totals.expected ? Math.min(100, (100 * totals.checkedIn) / totals.expected) : 0}%`;
    $('on-site').textContent = String(totals.onSite);
    $('no-shows').textContent = String(totals.noShows);
    const denied = data.deniedByReason.reduce((sum, reason) => sum + reason.count, 0);
    $('denied').textContent = String(denied);
    $('denied-reasons').replaceChildren(
      ...data.deniedByReason
        .slice()
        .sort((a, b) => b.count - a.count)
        .map((reason) => h('li', { 'data-reason': reason.key }, `${reason.key.replace(/-/g, ' ')}: ${reason.count}`)),
    );
    // The charts are SVG drawn by the station from numbers only: safe to place as markup.
    $('arrivals-chart').innerHTML = data.arrivalsChart;
    $('days-chart').innerHTML = data.arrivalsByDayChart;
    const today = data.arrivalsByQuarter.filter((quarter) => quarter.key.startsWith(`${data.day} `));
    $('arrivals-total').textContent = `${today.reduce((sum, quarter) => sum + quarter.count, 0)} today · ${totals.arrivalsSoFar} over the event`;
    renderSessions(data.sessions);
    renderExpected($('categories-body'), data.byCategory, (row) => row.name, (row) => ({ category: row.code }));
    renderExpected(
      $('countries-body'),
      data.byCountry.slice().sort((a, b) => b.expected - a.expected),
      (row) => countryName(row.key),
      (row) => ({ country: row.key }),
    );
    renderEquipment(data);
    $('audit-link').href = `/api/v1/reports/audit.csv?day=${data.day}`;
  }

  function countryName(code) {
    if (!code) return 'No country';
    try {
      return regions ? `${regions.of(code)} (${code})` : code;
    } catch (_) {
      return code;
    }
  }

  function renderSessions(sessions) {
    const body = $('sessions-body');
    if (sessions.length === 0) {
      body.replaceChildren(h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No sessions today.')));
      return;
    }
    body.replaceChildren(
      ...sessions.map((session) => {
        const level = session.isFull ? 'full' : session.isNearCapacity ? 'near' : null;
        const share = session.capacity ? Math.min(100, (100 * session.occupancy) / session.capacity) : 0;
        return h(
          'tr',
          {
            class: 'clickable',
            'data-session': session.code,
            'data-level': level,
            tabindex: 0,
            onclick: () => drill({ session: session.code }, `${session.code} · ${session.title}`),
            onkeydown: (event) => event.key === 'Enter' && drill({ session: session.code }, `${session.code} · ${session.title}`),
          },
          h('td', {}, h('strong', {}, session.code), ' ', session.title),
          h('td', {}, session.room),
          h('td', {}, `${session.start}–${session.end}`),
          h('td', { class: 'num' }, String(session.entries)),
          h(
            'td',
            {},
            h(
              'div',
              { class: 'occupancy' },
              h('span', { 'data-testid': 'occupancy' }, `${session.occupancy} / ${session.capacity}`),
              h('div', { class: 'meter' }, h('span', { style: `width: ${share}%` })),
              level ? h('span', { class: 'level' }, level === 'full' ? 'FULL' : 'near capacity') : null,
            ),
          ),
        );
      }),
    );
  }

  function renderExpected(body, rows, label, filter) {
    body.replaceChildren(
      ...rows.map((row) => {
        const share = row.expected ? Math.min(100, (100 * row.checkedIn) / row.expected) : 0;
        const title = label(row);
        return h(
          'tr',
          {
            class: 'clickable',
            tabindex: 0,
            'data-key': row.code || row.key,
            onclick: () => drill(filter(row), title),
            onkeydown: (event) => event.key === 'Enter' && drill(filter(row), title),
          },
          h('td', {}, title),
          h('td', { class: 'num' }, `${row.checkedIn} / ${row.expected}`),
          h('td', { style: 'width: 35%' }, h('div', { class: 'meter' }, h('span', { style: `width: ${share}%` }))),
        );
      }),
    );
  }

  function renderEquipment(data) {
    const printers = $('printers');
    const items = data.printers.map((printer) =>
      h(
        'li',
        { 'data-queue': printer.queue },
        h('span', { class: `dot ${printer.usable ? 'dot-green' : 'dot-red'}` }),
        h('span', { class: 'grow' }, h('strong', {}, printer.queue), printer.problem ? h('span', { class: 'muted' }, ` · ${printer.problem}`) : ' · ready'),
        h('span', { class: 'muted' }, `${printer.waiting} waiting`),
      ),
    );
    if (data.printSystemProblem) items.unshift(h('li', {}, h('span', { class: 'dot dot-red' }), h('span', { class: 'grow' }, data.printSystemProblem)));
    if (data.unassignedPrintJobs > 0) items.push(h('li', {}, h('span', { class: 'dot dot-amber' }), h('span', { class: 'grow' }, `${data.unassignedPrintJobs} ${data.unassignedPrintJobs === 1 ? 'badge' : 'badges'} waiting for a printer`)));
    if (items.length === 0) items.push(h('li', { class: 'muted' }, 'No printers.'));
    printers.replaceChildren(...items);

    const now = Date.now();
    const hub = data.hub;
    const hubHeard = hub && hub.lastContact ? now - new Date(hub.lastContact).getTime() : Infinity;
    $('stations').replaceChildren(
      ...(hub
        ? [
            h(
              'li',
              { 'data-testid': 'hub' },
              h('span', { class: `dot ${hubHeard < 30000 ? 'dot-green' : 'dot-red'}` }),
              h('span', { class: 'grow' }, h('strong', {}, 'Hub'), h('span', { class: 'muted' }, ` · ${hub.url}`)),
              h('span', { class: 'muted' }, hub.lastContact ? `synced ${clock(hub.lastContact)}` : 'not reached yet: working alone'),
            ),
          ]
        : []),
      ...data.stations.map((station) => {
        const minutes = Math.round((now - new Date(station.lastContact).getTime()) / 60000);
        const recent = minutes < 5;
        return h(
          'li',
          { 'data-station': station.name },
          h('span', { class: `dot ${recent ? 'dot-green' : 'dot-amber'}` }),
          h('span', { class: 'grow' }, h('strong', {}, station.name), station.isThisStation ? h('span', { class: 'muted' }, ' · this station') : null),
          h('span', { class: 'muted' }, minutes < 1 ? 'just now' : `last heard ${clock(station.lastContact)}`),
          station.behind == null ? null : h('span', { class: `pill ${station.behind > 0 ? 'pill-amber' : 'pill-green'}`, 'data-behind': station.behind },
            station.behind > 0 ? `${station.behind} behind` : 'in sync'),
        );
      }),
    );
  }

  /* ------------------------------------------------------------------ drill-down */

  async function drill(filter, title) {
    // Two quick clicks: only the list asked for last is shown.
    const asked = ++drillCount;
    const query = new URLSearchParams(filter).toString();
    $('drawer-title').textContent = title;
    $('drawer-summary').textContent = 'Loading…';
    $('drawer-rows').replaceChildren();
    $('drawer').hidden = false;
    $('drawer-close').focus();
    try {
      const list = await api.get(`/attendance/delegates?${query}`);
      if (asked !== drillCount) return;
      const counts = {};
      for (const attendee of list.attendees) counts[attendee.status] = (counts[attendee.status] || 0) + 1;
      $('drawer-summary').textContent =
        `${list.attendees.length} delegates · ` +
        Object.entries(counts)
          .map(([status, count]) => `${count} ${status.replace('-', ' ')}`)
          .join(' · ');
      $('drawer-rows').replaceChildren(
        ...list.attendees.map((attendee) =>
          h(
            'tr',
            { 'data-reference': attendee.reference },
            h('td', {}, h('strong', {}, attendee.name), h('div', { class: 'muted mono' }, attendee.reference)),
            h('td', {}, attendee.organisation),
            h('td', {}, attendee.country),
            h('td', {}, h('span', { class: `pill ${pillClass(attendee.status)}`, 'data-status': attendee.status }, attendee.status.replace('-', ' '))),
            h('td', { class: 'muted' }, attendee.lastSeenAt ? `${attendee.lastSeenAt} · ${clock(attendee.lastSeenTime)}` : ''),
          ),
        ),
      );
    } catch (error) {
      if (asked === drillCount) $('drawer-summary').textContent = describe(error);
    }
  }

  function pillClass(status) {
    return { inside: 'pill-green', 'on-site': 'pill-green', attended: 'pill-accent', left: 'pill-amber', cancelled: 'pill-red' }[status] || '';
  }

  function closeDrawer() {
    $('drawer').hidden = true;
  }

  /* ------------------------------------------------------------------ live */

  function setLive(state, label) {
    $('live').dataset.state = state;
    $('live-label').textContent = label;
    $('live-dot').className = `dot ${state === 'live' ? 'dot-green' : state === 'lost' ? 'dot-red' : 'dot-amber'}`;
  }

  function connect() {
    if (source) source.close();
    lastHeard = Date.now();
    source = new EventSource('/api/v1/dashboard/stream');
    source.addEventListener('dashboard', (event) => {
      lastHeard = Date.now();
      setLive('live', `Live · ${clock(new Date().toISOString())}`);
      render(JSON.parse(event.data));
    });
    // The station answers but cannot compute the figures: what is shown is not current, whatever the pings say.
    source.addEventListener('problem', (event) => {
      lastHeard = Date.now();
      setLive('stale', `Not live: ${JSON.parse(event.data).message}`);
    });
    source.addEventListener('ping', () => {
      lastHeard = Date.now();
      if ($('live').dataset.state === 'lost') setLive('live', 'Live');
    });
    source.onerror = () => {
      setLive('lost', 'Reconnecting…');
      // A session that ended answers 401: the API helper then sends the organiser to sign in again.
      api.get('/session').catch(() => {});
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
    };
  }

  setInterval(() => {
    if (Date.now() - lastHeard > SILENCE_LIMIT_MS) {
      setLive('lost', 'Not live: reconnecting…');
      connect();
    }
  }, 2000);

  async function signOut() {
    try {
      await api.del('/session');
    } finally {
      location.assign('/signin');
    }
  }

  $('signout').addEventListener('click', signOut);
  $('drawer-close').addEventListener('click', closeDrawer);
  $('drawer').addEventListener('click', (event) => event.target === $('drawer') && closeDrawer());
  document.addEventListener('keydown', (event) => event.key === 'Escape' && closeDrawer());
  connect();
})();

/* The newsfuse page: reports in (pasted or dropped files), POST
 * /v1/summarize, and the answer shown: summary sentences with their
 * source marks and corroboration counts, the source passages, the figure
 * sheet, the warnings. No framework, no network but this server.
 *
 * Offsets in newsfuse/2 are bytes of the UTF-8 text, not JavaScript string
 * indices (UTF-16 units): every slice goes through TextEncoder/TextDecoder. */
'use strict';
(function () {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const $ = (id) => document.getElementById(id);
  const LABEL_ORDER = { conflict: 0, revised: 1, agree: 2, single: 3 };
  let sent = [];        /* the reports of the last request: {name, bytes} */
  let openedBy = null;  /* the control that opened the passage panel */
  let refocusing = false;

  /* ---- small helpers ---- */

  /* Makes an element with a class and text. */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /* The text of bytes[start, end) of report i (clamped to the report). */
  function slice(i, start, end) {
    const b = sent[i] ? sent[i].bytes : new Uint8Array(0);
    start = Math.max(0, Math.min(start, b.length));
    end = Math.max(start, Math.min(end, b.length));
    return dec.decode(b.subarray(start, end));
  }

  /* The paragraph around bytes [start, end) of report i, as three parts:
   * before, the passage, after (each side cut at a blank line or 400 bytes). */
  function around(i, start, end) {
    const b = sent[i] ? sent[i].bytes : new Uint8Array(0);
    let from = start, to = end;
    while (from > 0 && start - from < 400 && !(b[from - 1] === 10 && b[from - 2] === 10)) from--;
    while (to < b.length && to - end < 400 && !(b[to] === 10 && b[to + 1] === 10)) to++;
    /* never cut inside a UTF-8 sequence */
    while (from > 0 && (b[from] & 0xc0) === 0x80) from--;
    while (to < b.length && (b[to] & 0xc0) === 0x80) to++;
    return [slice(i, from, start), slice(i, start, end), slice(i, end, to)];
  }

  function reportName(i) {
    const r = sent[i];
    return 'Report ' + (i + 1) + (r && r.name ? ' · ' + r.name : '');
  }

  /* ---- the report list ---- */

  function renumber() {
    const items = $('reports').querySelectorAll('.report');
    items.forEach((li, k) => {
      const ta = li.querySelector('textarea');
      const label = li.querySelector('.report-label');
      ta.id = 'report-' + (k + 1);
      label.htmlFor = ta.id;
      label.textContent = 'Report ' + (k + 1);
      li.querySelector('.remove').setAttribute('aria-label', 'Remove report ' + (k + 1));
      li.querySelector('.remove').disabled = items.length === 1;
    });
  }

  /* Adds a report box (with text, a name and the title and date of a
   * page, if given); returns its textarea. */
  function addReport(text, name, meta) {
    const li = $('report-tpl').content.firstElementChild.cloneNode(true);
    li.querySelector('textarea').value = text || '';
    li.querySelector('.report-name').value = name || '';
    setMeta(li, meta);
    li.querySelector('.remove').addEventListener('click', () => {
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      renumber();
      if (next) next.querySelector('textarea').focus();
    });
    $('reports').appendChild(li);
    renumber();
    return li.querySelector('textarea');
  }

  /* Keeps a read report's title and date with its box (sent with it). */
  function setMeta(li, meta) {
    for (const k of ['title', 'date']) {
      if (meta && meta[k]) li.dataset[k] = meta[k];
      else delete li.dataset[k];
    }
  }

  /* Base64 of bytes: a file goes to the server as it is, whatever its charset. */
  function base64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }

  /* Reads one file as newsfuse summarize reads it, on the server (POST
   * /v1/read, the library's reader): a web page becomes its article text,
   * title and date, a text file its text. */
  async function readFile(f) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    const body = { documents: [{ id: f.name, base64: base64(bytes), format: 'auto' }] };
    const r = await fetch('/v1/read', { method: 'POST', headers: headers(), body: JSON.stringify(body) });
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (r.status === 401) $('token-row').hidden = false;
    if (!r.ok) throw new Error(data && data.error ? data.error.message : r.statusText);
    return data;
  }

  /* Reads dropped or chosen files, one report each (empty boxes are reused). */
  async function takeFiles(files) {
    const problems = [];
    let read = 0;
    for (const f of Array.from(files)) {
      let data;
      try {
        data = await readFile(f);
      } catch (e) {
        problems.push(f.name + ': ' + e.message);
        continue;
      }
      for (const d of data.documents) {
        const empty = Array.from($('reports').querySelectorAll('textarea')).find((t) => !t.value.trim());
        if (empty) {
          const li = empty.closest('.report');
          empty.value = d.text;
          li.querySelector('.report-name').value = d.id;
          setMeta(li, d);
        } else {
          addReport(d.text, d.id, d);
        }
      }
      read++;
    }
    say(read + (read === 1 ? ' file read.' : ' files read.'));
    showError(problems.length ? 'Some files could not be read: ' + problems.join('; ') : '');
  }

  /* ---- talking to the server ---- */

  function say(msg) { $('status').textContent = msg; }

  function showError(msg) {
    const e = $('error');
    e.textContent = msg;
    e.hidden = !msg;
  }

  function headers() {
    const h = { 'Content-Type': 'application/json' };
    const t = sessionStorage.getItem('newsfuse-token') || $('token').value;
    if (t) h.Authorization = 'Bearer ' + t;
    return h;
  }

  /* Fills the method list from GET /version. */
  async function loadMethods() {
    try {
      const r = await fetch('/version', { headers: headers() });
      if (r.status === 401) { $('token-row').hidden = false; return; }
      const v = await r.json();
      startEvents(v);
      const sel = $('method');
      sel.textContent = '';
      for (const m of v.methods || []) sel.appendChild(new Option(m, m, m === 'concept', m === 'concept'));
    } catch (e) { /* the default method stays */ }
  }

  /* The request body from the form; fills `sent` with what it sends. */
  function buildRequest() {
    sent = [];
    const documents = [];
    $('reports').querySelectorAll('.report').forEach((li) => {
      const text = li.querySelector('textarea').value;
      if (!text.trim()) return;
      const name = li.querySelector('.report-name').value.trim();
      sent.push({ name: name, bytes: enc.encode(text) });
      const d = { text: text };
      if (name) d.id = name;
      if (li.dataset.title) d.title = li.dataset.title;
      if (li.dataset.date) d.date = li.dataset.date;
      documents.push(d);
    });
    const options = { words: Number($('words').value) || 100, method: $('method').value,
                      facts: $('facts').checked };
    const q = $('query').value.trim();
    if (q) options.query = q;
    return { documents: documents, options: options };
  }

  async function submit(ev) {
    ev.preventDefault();
    showError('');
    const body = buildRequest();
    if ($('token').value) sessionStorage.setItem('newsfuse-token', $('token').value);
    $('go').disabled = true;
    say('Summarizing ' + body.documents.length + ' reports…');
    try {
      const r = await fetch('/v1/summarize', { method: 'POST', headers: headers(), body: JSON.stringify(body) });
      let data = null;
      try { data = await r.json(); } catch (e) { data = null; }
      if (!r.ok) {
        if (r.status === 401) $('token-row').hidden = false;
        const why = data && data.error ? data.error.message : r.statusText;
        showError('The server refused these reports (HTTP ' + r.status + '): ' + why);
        say('');
        return;
      }
      render(data);
      say('Summary of ' + body.documents.length + ' reports: ' + data.summary.length + ' sentences.');
      $('summary-h').focus();
    } catch (e) {
      showError('Could not reach the server: ' + e.message);
      say('');
    } finally {
      $('go').disabled = false;
    }
  }

  /* ---- the answer ---- */

  /* A source mark button for report i, showing passage [start, end). */
  function sourceMark(i, start, end, extra) {
    const b = el('button', 'mark', String(i + 1));
    b.type = 'button';
    b.setAttribute('aria-label', 'Source: ' + reportName(i) + '. Show the passage');
    b.title = reportName(i);
    const open = () => showPassage(b, i, start, end, extra || []);
    b.addEventListener('click', open);
    b.addEventListener('focus', () => { if (!refocusing) open(); });
    b.addEventListener('mouseenter', open);
    return b;
  }

  function renderSummary(data) {
    const list = $('summary');
    list.textContent = '';
    for (const s of data.summary) {
      const li = el('li', 'sentence');
      li.appendChild(el('span', 'text', s.text + ' '));
      li.appendChild(sourceMark(s.doc.index, s.start, s.end, s.corroboration));
      if (s.support > 0) {
        const sup = el('span', 'support', '+' + s.support);
        sup.title = s.support + (s.support === 1 ? ' other report says' : ' other reports say') + ' the same';
        sup.setAttribute('aria-label', sup.title);
        li.appendChild(sup);
      }
      list.appendChild(li);
    }
    if (!data.summary.length) list.appendChild(el('li', 'empty', 'No sentence fitted the length.'));
    const dl = $('sources');
    dl.textContent = '';
    sent.forEach((r, i) => {
      dl.appendChild(el('dt', 'mark', String(i + 1)));
      dl.appendChild(el('dd', '', (r.name || 'unnamed report') + ' (' + r.bytes.length + ' bytes)'));
    });
  }

  function renderWarnings(list) {
    const ul = $('warning-list');
    ul.textContent = '';
    for (const w of list) ul.appendChild(el('li', '', w));
    $('warnings').hidden = list.length === 0;
  }

  /* What a group counts, in words, as the reports write it: "killed ·
   * militants / kidnappers (Estmarkian)". */
  function groupWhat(g) {
    let s = (g.event || '?') + ' · ' + (g.nouns || g.counted || '?');
    if (g.nationality) s += ' (' + g.nationality + ')';
    return s;
  }

  /* A sheet's groups as the page shows them: conflicts first, then revised,
   * agree, single (LABEL_ORDER), in the sheet's order within a label. */
  function groupsInOrder(groups) {
    return (groups || []).slice().sort((a, b) =>
      (LABEL_ORDER[a.label] ?? 9) - (LABEL_ORDER[b.label] ?? 9) || a.id - b.id);
  }

  /* A table body's one row saying it has nothing, across its columns. */
  function emptyRow(tbody, text, columns) {
    const tr = el('tr');
    const td = el('td', 'empty', text);
    td.colSpan = columns;
    tr.appendChild(td);
    tbody.appendChild(tr);
  }

  /* One figure of the sheet: its value, its report mark and speaker. */
  function figureItem(f, current) {
    const li = el('li', f.id === current ? 'figure latest' : 'figure');
    li.appendChild(el('span', 'value', f.text || f.value));
    li.appendChild(sourceMark(f.doc.index, f.sentence.start, f.sentence.end, []));
    if (f.speaker) li.appendChild(el('span', 'speaker', 'says ' + f.speaker));
    if (f.id === current) li.appendChild(el('span', 'latest-tag', 'latest'));
    return li;
  }

  function renderSheet(facts) {
    const tbody = $('facts-table').querySelector('tbody');
    tbody.textContent = '';
    const groups = groupsInOrder(facts.groups);
    for (const g of groups) {
      const tr = el('tr', 'group ' + g.label);
      tr.appendChild(el('th', 'what', groupWhat(g))).scope = 'row';
      const st = el('td', 'status');
      st.appendChild(el('span', 'label ' + g.label, g.label));
      if (g.reason && (g.label === 'revised' || g.label === 'conflict'))
        st.appendChild(el('p', 'reason', g.reason)); /* why the label: the sheet says it */
      tr.appendChild(st);
      const td = el('td', 'figures');
      const ul = el('ul', 'figure-list');
      for (const k of g.figures) ul.appendChild(figureItem(facts.figures[k], g.current));
      td.appendChild(ul);
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
    if (!groups.length) emptyRow(tbody, 'No counts found in these reports.', 3);
    $('sheet').hidden = false;
  }

  function render(data) {
    renderSummary(data);
    const warnings = (data.warnings || []).slice();
    if (data.facts) for (const w of data.facts.warnings || []) warnings.push('figure sheet: ' + w);
    renderWarnings(warnings);
    $('result').hidden = false;
    if (data.facts) renderSheet(data.facts); else $('sheet').hidden = true;
    hidePassage(false);
    $('passage').hidden = false;
  }

  /* ---- the source passage ---- */

  function passageBlock(i, start, end, heading) {
    const box = el('div', 'quote');
    box.appendChild(el('p', 'quote-head', heading));
    const p = el('p', 'quote-text');
    const [before, mid, after] = around(i, start, end);
    p.appendChild(document.createTextNode(before));
    p.appendChild(el('mark', '', mid));
    p.appendChild(document.createTextNode(after));
    box.appendChild(p);
    box.appendChild(el('p', 'quote-where', 'bytes ' + start + '–' + end));
    return box;
  }

  function showPassage(opener, i, start, end, corroboration) {
    const body = $('passage-body');
    body.textContent = '';
    $('passage-h').textContent = reportName(i);
    body.appendChild(passageBlock(i, start, end, 'The passage'));
    if (corroboration.length) {
      body.appendChild(el('p', 'also', 'Also said by:'));
      for (const c of corroboration)
        body.appendChild(passageBlock(c.doc.index, c.start, c.end, reportName(c.doc.index)));
    }
    document.querySelectorAll('.mark.active').forEach((m) => m.classList.remove('active'));
    opener.classList.add('active');
    openedBy = opener;
    $('passage').dataset.open = 'true';
  }

  /* Back to the resting state: on a wide screen the panel stays with a
   * hint, on a narrow one it goes away (style.css). */
  function hidePassage(refocus) {
    $('passage').dataset.open = 'false';
    $('passage-h').textContent = 'Source';
    $('passage-body').textContent = '';
    $('passage-body').appendChild(el('p', 'hint',
      'Click, focus or point at a source mark to read the passage it comes from and the reports that say the same.'));
    document.querySelectorAll('.mark.active').forEach((m) => m.classList.remove('active'));
    const opener = openedBy;
    openedBy = null;
    if (refocus && opener) {
      refocusing = true; /* focus goes back to the mark without reopening */
      opener.focus({ preventScroll: true });
      refocusing = false;
    }
  }

  /* ---- live events (serve --db: GET /v1/events, /v1/events/ID) ---- */

  let eventsNext = null;   /* the cursor of the next page, or null */
  let openEvent = null;    /* the id of the event shown */

  async function getJSON(url) {
    const r = await fetch(url, { headers: headers() });
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (r.status === 401) $('token-row').hidden = false;
    if (!r.ok) throw new Error(data && data.error ? data.error.message : r.statusText);
    return data;
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  /* One event of the list: a button that opens it. */
  function eventItem(e) {
    const li = el('li');
    const b = el('button', 'event-open');
    b.type = 'button';
    b.dataset.id = e.id;
    b.appendChild(el('span', 'event-title', e.title || e.id));
    const dates = e.first_date ? (e.first_date === e.last_date ? e.first_date : e.first_date + ' – ' + e.last_date) : 'undated';
    b.appendChild(el('span', 'event-facts', plural(e.articles, 'article', 'articles') + ' · ' + dates +
                     ' · ' + plural(e.updates, 'update', 'updates')));
    if (e.id === openEvent) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', () => showEvent(e.id));
    li.appendChild(b);
    return li;
  }

  /* Loads the newest page (more: the next older one, appended). */
  async function loadEvents(more) {
    try {
      const q = '/v1/events?limit=20' + (more && eventsNext !== null ? '&before=' + eventsNext : '');
      const page = await getJSON(q);
      const ul = $('event-list');
      if (!more) ul.textContent = '';
      for (const e of page.events) ul.appendChild(eventItem(e));
      if (!ul.children.length) ul.appendChild(el('li', 'empty', 'No event yet.'));
      eventsNext = page.next;
      $('events-more').hidden = page.next === null;
    } catch (e) {
      showError('Could not read the events: ' + e.message);
    }
  }

  /* What changed since the event's previous output, one line each. */
  function renderChanges(changes) {
    const ul = $('event-changes');
    ul.textContent = '';
    for (const r of changes.revisions || [])
      ul.appendChild(el('li', 'revised', 'Revised: ' + r.what + (r.from ? ' from ' + r.from : '') + ' to ' + r.to +
                        ' (' + r.article + (r.date ? ', ' + r.date : '') + ')'));
    for (const c of changes.conflicts || [])
      ul.appendChild(el('li', 'conflict', 'The reports disagree: ' + c.what + ': ' + c.values.join(', ')));
    for (const f of changes.new_figures || [])
      ul.appendChild(el('li', '', 'New figure: ' + f.what + ': ' + f.text + ' (' + f.article + ')'));
    if (!ul.children.length) ul.appendChild(el('li', 'empty', 'No new figure.'));
  }

  function renderEventSheet(sheet) {
    const tbody = $('event-sheet').querySelector('tbody');
    tbody.textContent = '';
    const groups = groupsInOrder(sheet && sheet.groups);
    for (const g of groups) {
      const tr = el('tr', 'group ' + g.label);
      tr.appendChild(el('th', 'what', groupWhat(g))).scope = 'row';
      const st = el('td', 'status');
      st.appendChild(el('span', 'label ' + g.label, g.label));
      tr.appendChild(st);
      tr.appendChild(el('td', 'figures', g.figures.map((k) => sheet.figures[k].text).join(' · ')));
      tbody.appendChild(tr);
    }
    if (!groups.length) emptyRow(tbody, 'No counts in these reports.', 3);
  }

  function renderEventSources(sources) {
    const tbody = $('event-sources').querySelector('tbody');
    tbody.textContent = '';
    for (const s of sources) {
      const tr = el('tr');
      tr.appendChild(el('td', '', s.date || ''));
      tr.appendChild(el('td', '', s.outlet || '—'));
      tr.appendChild(el('td', '', (s.headline || s.id)));
      tbody.appendChild(tr);
    }
  }

  function renderTimeline(entries) {
    const ol = $('event-timeline');
    ol.textContent = '';
    const names = { first_report: 'first report', new_source: 'new source', revision: 'revision', conflict: 'conflict' };
    for (const t of entries) {
      const li = el('li');
      li.appendChild(el('span', 'when', t.date || 'undated'));
      li.appendChild(el('span', 'kind ' + t.kind, names[t.kind] || t.kind));
      li.appendChild(document.createTextNode(t.text || ''));
      if (t.outlet) li.appendChild(el('span', 'article-ref', t.outlet));
      ol.appendChild(li);
    }
  }

  /* Opens one event: GET /v1/events/ID. */
  async function showEvent(id) {
    let e;
    try {
      e = await getJSON('/v1/events/' + encodeURIComponent(id));
    } catch (err) {
      showError('Could not read event ' + id + ': ' + err.message);
      return;
    }
    openEvent = id;
    document.querySelectorAll('.event-open').forEach((b) =>
      b.setAttribute('aria-current', b.dataset.id === id ? 'true' : 'false'));
    $('event-h').textContent = e.title || e.id;
    const out = e.last_output;
    $('event-meta').textContent = plural(e.articles, 'article', 'articles') + ' · ' +
      (e.first_date || 'undated') + (e.last_date && e.last_date !== e.first_date ? ' – ' + e.last_date : '') +
      ' · ' + plural(e.updates, 'update', 'updates') + (out ? ' · last update: ' + plural(out.new_articles.length, 'new article', 'new articles') : '');
    const list = $('event-summary');
    list.textContent = '';
    for (const s of (out && out.summary) || []) {
      const li = el('li', 'sentence', s.text);
      li.appendChild(el('span', 'article-ref', s.article + (s.date ? ', ' + s.date : '')));
      list.appendChild(li);
    }
    if (!list.children.length) list.appendChild(el('li', 'empty', out ? 'Nothing new to say.' : 'No update written yet.'));
    renderChanges((out && out.changes) || {});
    renderEventSheet(e.sheet);
    renderEventSources(e.sources || []);
    renderTimeline(e.timeline || []);
    $('event').hidden = false;
    $('event-h').focus();
  }

  /* Shows the events when the server has them (/version "events"), and
   * refreshes the newest page every 15 s. */
  function startEvents(version) {
    if (!version || !version.events) return;
    $('events').hidden = false;
    loadEvents(false);
    setInterval(() => { if (!document.hidden) loadEvents(false); }, 15000);
  }

  /* ---- wiring ---- */

  function wire() {
    addReport('');
    addReport('');
    $('add').addEventListener('click', () => addReport('').focus());
    $('form').addEventListener('submit', submit);
    $('files').addEventListener('change', (e) => takeFiles(e.target.files));
    const drop = $('drop');
    ['dragenter', 'dragover'].forEach((t) => drop.addEventListener(t, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    }));
    ['dragleave', 'drop'].forEach((t) => drop.addEventListener(t, () => drop.classList.remove('over')));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) takeFiles(e.dataTransfer.files);
    });
    $('passage-close').addEventListener('click', () => hidePassage(true));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && $('passage').dataset.open === 'true') hidePassage(true);
    });
    $('summary-h').tabIndex = -1;
    $('events-refresh').addEventListener('click', () => loadEvents(false));
    $('events-more').addEventListener('click', () => loadEvents(true));
    $('event-close').addEventListener('click', () => {
      $('event').hidden = true;
      const b = document.querySelector('.event-open[aria-current="true"]');
      openEvent = null;
      if (b) { b.setAttribute('aria-current', 'false'); b.focus(); }
    });
    loadMethods();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();

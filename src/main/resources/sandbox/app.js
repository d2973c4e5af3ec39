// The workspace page: reads the sandbox's JSON API, turns clicks into calls that the server
// signs and sends to the bot as Slack would, and polls once a second for what changed.
(function () {
  'use strict';
  const api = '/sandbox/api/';
  const state = { ws: null, names: {}, view: { kind: 'channel', id: null }, viewer: null,
    seen: {}, latest: {}, rendered: '', modalId: null, generation: 0, homeAskedAt: 0 };
  const $ = (id) => document.getElementById(id);
  const COLORS = ['#e8912d', '#2eb67d', '#36c5f0', '#e01e5a', '#9b59b6', '#1d9bd1', '#c3891e', '#e06b9a'];

  async function get(path) {
    const r = await fetch(api + path, { cache: 'no-store' });
    if (!r.ok) throw new Error(path + ' answered ' + r.status);
    return r.json();
  }

  async function post(path, body) {
    const r = await fetch(api + path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body || {}) });
    return r.json();
  }

  function avatar(userId, small) {
    const bot = state.ws && userId === state.ws.bot.id;
    const name = state.names[userId] || userId;
    const node = document.createElement('span');
    node.className = 'avatar' + (small ? ' small' : '');
    let hash = 0;
    for (const c of userId) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
    node.style.background = bot ? '#2eb67d' : COLORS[hash % COLORS.length];
    node.textContent = bot ? 'S' : name.split(' ').map(w => w[0]).slice(0, 2).join('');
    return node;
  }

  // When a message was sent, in the zone of the person the page is shown as, as Slack shows it.
  function time(ts) {
    const d = new Date(Number(ts.split('.')[0]) * 1000);
    const p = state.ws && state.ws.people.find(x => x.id === state.viewer);
    return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      timeZone: (p && p.tz) || 'UTC' });
  }

  function navItem(id, label, kind, icon) {
    const li = document.createElement('li');
    li.className = 'nav-item';
    li.dataset.kind = kind;
    li.dataset.id = id;
    li.id = 'nav-' + id;
    li.appendChild(icon);
    li.appendChild(document.createTextNode(label));
    li.addEventListener('click', () => open(kind, id));
    return li;
  }

  function buildSidebar() {
    $('workspace-name').textContent = state.ws.name;
    const channels = $('channels');
    channels.replaceChildren();
    state.ws.channels.forEach(c => {
      const hash = document.createElement('span');
      hash.className = 'hash';
      hash.textContent = '#';
      const item = navItem(c.id, c.name, 'channel', hash);
      if (!c.botMember) {
        item.classList.add('no-bot');
        item.title = 'Second Shift is not in this channel';
      }
      channels.appendChild(item);
    });
    const dms = $('dms');
    dms.replaceChildren();
    state.ws.people.forEach(p => dms.appendChild(navItem('D' + p.id, p.name, 'dm', avatar(p.id, true))));
    const select = $('post-as');
    select.replaceChildren();
    state.ws.people.forEach(p => {
      const o = document.createElement('option');
      o.value = p.id;
      o.textContent = p.name + ' — ' + p.title;
      select.appendChild(o);
    });
    select.value = state.viewer;
    showLocalTime();
  }

  function showLocalTime() {
    const p = state.ws.people.find(x => x.id === state.viewer);
    $('post-as-time').textContent = p ? p.localTime + ' for them (' + zoneName(p.tz) + ')' : '';
    // Times the bot writes as Slack date tokens read in this person's zone, as Slack shows them.
    BlockKit.setReaderZone(p ? p.tz : 'UTC');
  }

  // A zone as people say it: "Berlin time", "UTC".
  function zoneName(tz) {
    return !tz || tz === 'UTC' || tz === 'Etc/UTC' ? 'UTC' : tz.split('/').pop().replace(/_/g, ' ') + ' time';
  }

  function setViewer(userId) {
    state.viewer = userId;
    $('post-as').value = userId;
    showLocalTime();
    state.rendered = '';
  }

  function open(kind, id) {
    if (kind === 'dm') setViewer(id.slice(1));
    const moved = state.view.kind !== kind || state.view.id !== id;
    state.view = { kind, id };
    state.rendered = '';
    // Another conversation's messages never stay under this one's name while it loads.
    if (moved) $('messages').replaceChildren();
    document.querySelectorAll('.nav-item').forEach(n => n.classList.toggle('active',
      kind === 'home' ? n.id === 'nav-home' : n.dataset.id === id));
    const home = kind === 'home';
    $('messages').hidden = home;
    $('composer').hidden = home;
    $('home-view').hidden = !home;
    if (kind === 'channel') {
      const c = state.ws.channels.find(x => x.id === id);
      $('conversation-title').textContent = '# ' + c.name;
      $('conversation-topic').textContent = c.topic + (c.botMember ? ''
        : ' · Second Shift is not in this channel: /invite @Second Shift adds it');
      $('composer-input').placeholder = 'Message #' + c.name + ', or /shift help';
    } else if (kind === 'dm') {
      $('conversation-title').textContent = 'Second Shift';
      $('conversation-topic').textContent = 'Direct messages with ' + state.names[state.viewer];
      $('composer-input').placeholder = 'Message Second Shift, or /shift help';
    } else {
      $('conversation-title').textContent = 'Second Shift · Home';
      $('conversation-topic').textContent = 'as ' + state.names[state.viewer];
      $('home-view').replaceChildren(emptyNote('Opening Home…'));
      state.homeAskedAt = Date.now();
      post('home', { user: state.viewer });
    }
    refresh();
  }

  // The "Start here" card: one button per story of the seed, and the countdown to the handoff.
  function buildGuide() {
    const guide = state.ws.guide || [];
    $('guide').hidden = guide.length === 0;
    $('guide').classList.toggle('collapsed', localStorage.getItem('guide-hidden') === '1');
    $('guide-toggle').textContent = $('guide').classList.contains('collapsed') ? 'Show' : 'Hide';
    const list = $('guide-steps');
    list.replaceChildren();
    guide.forEach((step, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.id = 'guide-step-' + i;
      b.textContent = (i + 1) + '. ' + step.title;
      b.title = step.text;
      b.addEventListener('click', () => openStep(step, i));
      li.appendChild(b);
      list.appendChild(li);
    });
    state.clockOffset = state.ws.now - Date.now();
    tick();
  }

  function openStep(step, i) {
    setViewer(step.as);
    document.querySelectorAll('#guide-steps button').forEach((b, j) => b.classList.toggle('current', j === i));
    $('guide-hint').textContent = step.text;
    if (step.open === 'home') open('home', 'home');
    else open(step.open.startsWith('D') ? 'dm' : 'channel', step.open);
  }

  // Once a second: how long until each seeded handoff, by the sandbox's own clock.
  function tick() {
    const line = $('guide-countdown');
    const watch = state.ws && (state.ws.watches || [])[0];
    if (!watch) {
      line.textContent = '';
      return;
    }
    const left = Math.round((watch.handoffAt - (Date.now() + (state.clockOffset || 0))) / 1000);
    const channel = '#' + (state.names[watch.channel] || watch.channel);
    const who = (state.names[watch.captain] || watch.captain).split(' ')[0];
    const next = (state.names[watch.next] || watch.next).split(' ')[0];
    line.replaceChildren();
    if (left > 0) {
      const h = Math.floor(left / 3600);
      const m = Math.floor(left % 3600 / 60);
      const sec = String(left % 60).padStart(2, '0');
      const strong = document.createElement('strong');
      // Minutes and seconds while it is close; hours and minutes when it is the next shift's.
      strong.textContent = h > 0 ? h + ' h ' + m + ' min' : m + ':' + sec;
      line.append('Handoff in ' + channel + ' in ', strong, ': ' + who + ' → ' + next);
    } else {
      line.textContent = 'The handoff in ' + channel + ' is due now: ' + who + ' → ' + next
        + '. Open the channel to see it.';
    }
  }

  function emptyNote(text) {
    const d = document.createElement('div');
    d.className = 'empty';
    d.textContent = text;
    return d;
  }

  async function click(extra, blockId, element, selected, control) {
    control.disabled = true;
    try {
      const body = Object.assign({ user: state.viewer, blockId, element }, extra);
      if (selected) body.selected = selected;
      await post('action', body);
    } finally {
      control.disabled = false;
      refresh();
    }
  }

  function renderMessages(data) {
    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren();
    const all = data.messages.slice().sort((a, b) => Number(a.ts) - Number(b.ts));
    if (all.length === 0) list.appendChild(emptyNote('No messages yet.'));
    let previous = null;
    all.forEach(m => {
      const row = document.createElement('div');
      row.className = 'message' + (m.ephemeral ? ' ephemeral' : '');
      row.dataset.ts = m.ts;
      row.dataset.user = m.user;
      const compact = previous && !m.ephemeral && !previous.ephemeral && previous.user === m.user
        && Number(m.ts) - Number(previous.ts) < 300;
      if (compact) row.classList.add('compact');
      const gutter = document.createElement('div');
      gutter.className = 'gutter';
      gutter.appendChild(avatar(m.user));
      row.appendChild(gutter);
      const content = document.createElement('div');
      content.className = 'content';
      if (m.ephemeral) {
        const note = document.createElement('div');
        note.className = 'ephemeral-note';
        note.textContent = 'Only visible to you';
        content.appendChild(note);
      }
      if (!compact) content.appendChild(meta(m));
      if (m.blocks && m.blocks.length) {
        content.appendChild(BlockKit.render(m.blocks, { names: state.names,
          onAction: (blockId, element, selected, control) => click(
            { channel: state.view.id, ts: m.ts }, blockId, element, selected, control) }));
      } else {
        const text = document.createElement('div');
        text.className = 'text';
        text.innerHTML = BlockKit.mrkdwn(m.text, state.names);
        content.appendChild(text);
      }
      row.appendChild(content);
      list.appendChild(row);
      previous = m;
    });
    if (atBottom || !list.dataset.scrolled) {
      list.scrollTop = list.scrollHeight;
      list.dataset.scrolled = '1';
      // A chart arrives after the text around it; stay at the bottom once it has its height.
      list.querySelectorAll('img').forEach(img => img.addEventListener('load', () => {
        list.scrollTop = list.scrollHeight;
      }, { once: true }));
    }
  }

  function meta(m) {
    const line = document.createElement('div');
    line.className = 'meta';
    const author = document.createElement('span');
    author.className = 'author';
    author.textContent = state.names[m.user] || m.user;
    line.appendChild(author);
    if (m.user === state.ws.bot.id) {
      const badge = document.createElement('span');
      badge.className = 'app-badge';
      badge.textContent = 'APP';
      line.appendChild(badge);
    }
    const t = document.createElement('span');
    t.className = 'time';
    t.textContent = time(m.ts);
    line.appendChild(t);
    return line;
  }

  function renderHome(view) {
    const root = $('home-view');
    if (!view) {
      root.replaceChildren(emptyNote('Second Shift has not published a Home for ' + state.names[state.viewer] + '.'));
      return;
    }
    root.replaceChildren(BlockKit.render(view.blocks, { names: state.names,
      onAction: (blockId, element, selected, control) => click({ viewId: view.id }, blockId, element, selected, control) }));
  }

  function renderModal(view) {
    const backdrop = $('modal-backdrop');
    if (!view) {
      backdrop.hidden = true;
      state.modalId = null;
      return;
    }
    if (state.modalId === view.id + view.hash) return;
    state.modalId = view.id + view.hash;
    const inputs = [];
    const modal = $('modal');
    modal.replaceChildren();
    const title = document.createElement('div');
    title.className = 'modal-title';
    title.textContent = view.title ? view.title.text : '';
    const body = document.createElement('div');
    body.className = 'modal-body';
    body.appendChild(BlockKit.render(view.blocks, { names: state.names, inputs,
      onAction: (blockId, element, selected, control) => click({ viewId: view.id }, blockId, element, selected, control) }));
    const foot = document.createElement('div');
    foot.className = 'modal-foot';
    const close = document.createElement('button');
    close.className = 'bk-button';
    close.type = 'button';
    close.textContent = view.close ? view.close.text : 'Cancel';
    close.addEventListener('click', async () => {
      await post('close', { user: state.viewer, viewId: view.id });
      renderModal(null);
    });
    foot.appendChild(close);
    if (view.submit) {
      const submit = document.createElement('button');
      submit.className = 'bk-button primary';
      submit.type = 'button';
      submit.id = 'modal-submit';
      submit.textContent = view.submit.text;
      submit.addEventListener('click', () => submitModal(view, inputs, submit));
      foot.appendChild(submit);
    }
    modal.append(title, body, foot);
    backdrop.hidden = false;
  }

  async function submitModal(view, inputs, button) {
    const values = {};
    inputs.forEach(i => { values[i.blockId] = { [i.actionId]: i.read() }; });
    button.disabled = true;
    const result = await post('submit', { user: state.viewer, viewId: view.id, values });
    button.disabled = false;
    document.querySelectorAll('#modal [data-error-for]').forEach(e => { e.textContent = ''; });
    if (result.errors) {
      Object.entries(result.errors).forEach(([blockId, message]) => {
        const e = document.querySelector('#modal [data-error-for="' + blockId + '"]');
        if (e) e.textContent = message;
      });
    } else {
      renderModal(null);
      refresh();
    }
  }

  function markUnread() {
    document.querySelectorAll('.nav-item[data-id]').forEach(n => {
      const id = n.dataset.id;
      const latest = state.latest[id];
      if (id === state.view.id && latest) state.seen[id] = latest;
      n.classList.toggle('unread', Boolean(latest) && latest !== state.seen[id]);
    });
  }

  async function refresh() {
    try {
      const ws = await get('workspace');
      if (ws.generation !== state.generation) {
        await start(ws);
        return;
      }
      state.ws.watches = ws.watches;
      state.clockOffset = ws.now - Date.now();
      state.latest = await get('latest');
      const asked = state.view.kind + state.view.id + state.viewer;
      const stillShown = () => asked === state.view.kind + state.view.id + state.viewer;
      if (state.view.kind === 'home') {
        const home = await get('home?user=' + encodeURIComponent(state.viewer));
        const key = JSON.stringify(home);
        // The bot publishes after it acknowledges; give it a moment before saying there is nothing.
        const patient = !home.view && Date.now() - state.homeAskedAt < 2500;
        if (stillShown() && key !== state.rendered && !patient) {
          state.rendered = key;
          renderHome(home.view);
        }
      } else {
        const data = await get('conversation?id=' + encodeURIComponent(state.view.id)
          + '&viewer=' + encodeURIComponent(state.viewer));
        const key = JSON.stringify(data) + state.viewer;
        if (stillShown() && key !== state.rendered) {
          state.rendered = key;
          renderMessages(data);
        }
      }
      markUnread();
      const modal = await get('modal?user=' + encodeURIComponent(state.viewer));
      renderModal(modal.view);
    } catch (e) {
      // The sandbox is restarting or stopped; the next poll tries again.
    }
  }

  // Mentions picked in the composer: shown as "@Lena Fischer" while typing, sent as Slack sends
  // them, <@U…> in a message and <@U…|handle> in a slash command (the manifest's should_escape).
  const picked = new Map();

  function mentionQuery() {
    const input = $('composer-input');
    const before = input.value.slice(0, input.selectionStart);
    const m = before.match(/(^|\s)@([^@\s]{0,20})$/);
    return m ? { query: m[2], start: before.length - m[2].length - 1 } : null;
  }

  function people() {
    return state.ws.people.map(p => ({ id: p.id, name: p.name }))
      .concat([{ id: state.ws.bot.id, name: state.ws.bot.name }]);
  }

  function showPicker() {
    const picker = $('mention-picker');
    const q = mentionQuery();
    if (!q) {
      picker.hidden = true;
      return;
    }
    const needle = q.query.toLowerCase();
    const found = people().filter(p => p.name.toLowerCase().split(' ').some(w => w.startsWith(needle))
      || p.name.toLowerCase().startsWith(needle)).slice(0, 6);
    picker.replaceChildren();
    found.forEach((p, i) => {
      const li = document.createElement('li');
      li.role = 'option';
      li.dataset.id = p.id;
      if (i === 0) li.classList.add('active');
      li.appendChild(avatar(p.id, true));
      li.appendChild(document.createTextNode(p.name));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        pick(p);
      });
      picker.appendChild(li);
    });
    picker.hidden = found.length === 0;
  }

  function pick(p) {
    const input = $('composer-input');
    const q = mentionQuery();
    if (!q) return;
    const label = '@' + p.name;
    const after = input.value.slice(input.selectionStart);
    input.value = input.value.slice(0, q.start) + label + ' ' + after;
    const caret = q.start + label.length + 1;
    input.setSelectionRange(caret, caret);
    picked.set(label, p);
    $('mention-picker').hidden = true;
    input.focus();
  }

  function pickerKey(e) {
    const picker = $('mention-picker');
    if (picker.hidden) return false;
    const items = Array.from(picker.children);
    const at = items.findIndex(li => li.classList.contains('active'));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach((li, i) => li.classList.toggle('active', i === next));
      e.preventDefault();
      return true;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      const chosen = people().find(p => p.id === items[Math.max(at, 0)].dataset.id);
      if (chosen) pick(chosen);
      e.preventDefault();
      return true;
    }
    if (e.key === 'Escape') {
      picker.hidden = true;
      return true;
    }
    return false;
  }

  function withMentions(text, command) {
    let out = text;
    // Longest labels first, so "@Lena Fischer" is not cut short by another name that starts alike.
    Array.from(picked.keys()).sort((a, b) => b.length - a.length).forEach(label => {
      const p = picked.get(label);
      const handle = p.name.split(' ')[0].toLowerCase();
      out = out.split(label).join(command ? '<@' + p.id + '|' + handle + '>' : '<@' + p.id + '>');
    });
    picked.clear();
    return out;
  }

  async function send(event) {
    event.preventDefault();
    const input = $('composer-input');
    const typed = input.value.trim();
    if (!typed) return;
    const text = withMentions(typed, typed.startsWith('/'));
    input.value = '';
    $('mention-picker').hidden = true;
    const channel = state.view.id;
    if (text.startsWith('/')) await post('command', { user: state.viewer, channel, text });
    else await post('message', { user: state.viewer, channel, text });
    if (text.startsWith('/invite')) {
      state.ws = await get('workspace');
      buildSidebar();
      open(state.view.kind, state.view.id);
    }
    refresh();
  }

  async function reset() {
    if (!confirm('Reset the sandbox? Everything done since the start is replaced by the seed.')) return;
    $('busy').hidden = false;
    const answer = await post('reset');
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 700));
      try {
        const ws = await get('workspace');
        if (ws.generation >= answer.generation) break;
      } catch (e) {
        // still restarting
      }
    }
    $('busy').hidden = true;
    state.generation = 0;
    refresh();
  }

  async function start(ws) {
    state.ws = ws;
    state.generation = ws.generation;
    state.names = {};
    ws.people.forEach(p => { state.names[p.id] = p.name; });
    state.names[ws.bot.id] = ws.bot.name;
    ws.channels.forEach(c => { state.names[c.id] = c.name; });
    state.names.USLACKBOT = 'Slackbot';
    // The page opens as the first person of the guide's first story, in that story's place.
    const story = (ws.guide || [])[0];
    const fresh = !state.viewer || !state.names[state.viewer];
    if (fresh) state.viewer = story ? story.as : ws.people[0].id;
    buildSidebar();
    buildGuide();
    if (fresh && story) {
      openStep(story, 0);
      return;
    }
    const first = ws.channels[0];
    open(state.view.id && state.view.kind !== 'channel' ? state.view.kind : 'channel',
      state.view.id && (state.view.kind !== 'channel' || ws.channels.some(c => c.id === state.view.id))
        ? state.view.id : first.id);
  }

  $('composer').addEventListener('submit', send);
  $('composer-input').addEventListener('keydown', (e) => {
    if (pickerKey(e)) return;
    if (e.key === 'Enter' && !e.shiftKey) send(e);
  });
  $('composer-input').addEventListener('input', showPicker);
  $('composer-input').addEventListener('blur', () => { $('mention-picker').hidden = true; });
  $('guide-toggle').addEventListener('click', () => {
    const collapsed = $('guide').classList.toggle('collapsed');
    localStorage.setItem('guide-hidden', collapsed ? '1' : '0');
    $('guide-toggle').textContent = collapsed ? 'Show' : 'Hide';
  });
  setInterval(tick, 1000);
  $('post-as').addEventListener('change', (e) => {
    setViewer(e.target.value);
    if (state.view.kind === 'dm') open('dm', 'D' + state.viewer);
    else if (state.view.kind === 'home') open('home', 'home');
    else refresh();
  });
  $('nav-home').addEventListener('click', () => open('home', 'home'));
  $('reset').addEventListener('click', reset);
  get('workspace').then(start);
  setInterval(refresh, 1000);
})();

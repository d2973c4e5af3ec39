// Renders the Block Kit the bot sends: enough of it to read and to click, no more.
(function () {
  'use strict';

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  function decodeEntities(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  // Only pages on this machine are loaded; anything else is shown as a link, so nothing leaves it.
  function isLocal(url) {
    return /^(data:|\/|https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/)/.test(url || '');
  }

  // The emoji the bot writes as :shortcodes:; others stay as text, as in a Slack without that emoji.
  const EMOJI = { arrow_forward: '\u25B6\uFE0F', bar_chart: '\u{1F4CA}', bell: '\u{1F514}', calendar: '\u{1F4C6}',
    coffee: '\u2615', crescent_moon: '\u{1F319}', double_vertical_bar: '\u23F8\uFE0F', eyes: '\u{1F440}',
    hourglass: '\u231B', inbox_tray: '\u{1F4E5}', lock: '\u{1F512}', memo: '\u{1F4DD}', no_bell: '\u{1F515}',
    page_facing_up: '\u{1F4C4}', palm_tree: '\u{1F334}', ship: '\u{1F6A2}', stopwatch: '\u23F1\uFE0F',
    warning: '\u26A0\uFE0F', wave: '\u{1F44B}', white_check_mark: '\u2705', zzz: '\u{1F4A4}' };

  // The zone of the person the page shows the workspace as: Slack renders date tokens in each
  // reader's own zone.
  let readerZone = 'UTC';
  function setReaderZone(zone) { readerZone = zone || 'UTC'; }

  // <!date^EPOCH^FORMAT[^link]|fallback>, as https://api.slack.com/reference/surfaces/formatting#date-formatting
  // describes: {date_num}, {date}, {date_short}, {date_long}, their _pretty forms (today, yesterday
  // or tomorrow when it is one of those, capitalised only at the start), {time}, {time_secs}, {ago}.
  function slackDate(target, fallback) {
    const parts = target.split('^');
    const when = new Date(Number(parts[1]) * 1000);
    const format = parts[2];
    if (!format || isNaN(when.getTime())) return fallback || '';
    const at = (opts, locale) => new Intl.DateTimeFormat(locale || 'en-US',
      Object.assign({ timeZone: readerZone }, opts)).format(when);
    const dayOf = d => new Intl.DateTimeFormat('en-CA', { timeZone: readerZone }).format(d);
    const now = Date.now();
    const relative = () => {
      const day = dayOf(when);
      if (day === dayOf(new Date(now))) return 'today';
      if (day === dayOf(new Date(now - 86400000))) return 'yesterday';
      if (day === dayOf(new Date(now + 86400000))) return 'tomorrow';
      return null;
    };
    const forms = {
      date_num: () => dayOf(when),
      date: () => at({ month: 'long', day: 'numeric', year: 'numeric' }),
      date_short: () => at({ month: 'short', day: 'numeric', year: 'numeric' }),
      date_long: () => at({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
      time: () => at({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'en-GB'),
      time_secs: () => at({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }, 'en-GB'),
      ago: () => {
        const minutes = Math.round((now - when.getTime()) / 60000);
        const n = Math.abs(minutes) < 60 ? [minutes, 'minute'] : Math.abs(minutes) < 1440
          ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
        return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-n[0], n[1]);
      }
    };
    ['date', 'date_short', 'date_long'].forEach(k => {
      forms[k + '_pretty'] = (first) => {
        const word = relative();
        return word ? (first ? word[0].toUpperCase() + word.slice(1) : word) : forms[k]();
      };
    });
    return format.replace(/\{([a-z_]+)\}/g, (m, name, offset) => forms[name] ? forms[name](offset === 0) : m);
  }

  // Slack's special tokens (<@U…>, <#C…|name>, <!here>, <url|text>) become HTML first, the rest is escaped.
  function token(inner, names) {
    const [target, label] = inner.split('|', 2);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return '<span class="mention">@' + escapeHtml(names[id] || label || id) + '</span>';
    }
    if (target.startsWith('#')) {
      // Slack shows a channel by its name, whether or not the link carries one.
      return '<span class="mention">#' + escapeHtml(label || names[target.slice(1)] || target.slice(1)) + '</span>';
    }
    if (target.startsWith('!date^')) {
      return '<span class="slack-date">' + escapeHtml(slackDate(target, label)) + '</span>';
    }
    if (target.startsWith('!')) {
      return '<span class="mention">@' + escapeHtml(label || target.slice(1).split('^')[0]) + '</span>';
    }
    const href = /^(https?:|mailto:|\/sandbox\/api\/file\?)/.test(target) ? target : '#';
    return '<a href="' + escapeHtml(href) + '" target="_blank" rel="noopener">' + escapeHtml(label || target) + '</a>';
  }

  function mrkdwn(text, names) {
    const saved = [];
    const keep = (html) => '\u0000' + (saved.push(html) - 1) + '\u0000';
    let s = String(text || '');
    s = s.replace(/```([\s\S]*?)```/g, (m, code) => keep('<pre>' + escapeHtml(decodeEntities(code)) + '</pre>'));
    s = s.replace(/`([^`\n]+)`/g, (m, code) => keep('<code>' + escapeHtml(decodeEntities(code)) + '</code>'));
    s = s.replace(/<([^<>\n]+)>/g, (m, inner) => keep(token(inner, names || {})));
    s = escapeHtml(decodeEntities(s));
    s = s.replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, '$1<b>$2</b>');
    s = s.replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, '$1<i>$2</i>');
    s = s.replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, '$1<s>$2</s>');
    s = s.replace(/^&gt; ?(.*)$/gm, '<blockquote>$1</blockquote>');
    s = s.replace(/:([a-z_]+):/g, (m, name) => EMOJI[name] || m);
    s = s.replace(/\n/g, '<br>');
    return s.replace(/\u0000(\d+)\u0000/g, (m, i) => saved[Number(i)]);
  }

  function textNode(obj, names, cls) {
    const node = el('div', 'text' + (cls ? ' ' + cls : ''));
    if (!obj) return node;
    if (obj.type === 'mrkdwn') node.innerHTML = mrkdwn(obj.text, names);
    else node.textContent = obj.text || '';
    return node;
  }

  function image(url, alt, cls) {
    if (!isLocal(url)) {
      const box = el('span', 'bk-external', '[image: ' + (alt || 'picture') + ']');
      box.title = url || '';
      return box;
    }
    const img = el('img', cls);
    img.src = url;
    img.alt = alt || '';
    return img;
  }

  function button(element, blockId, ctx) {
    const b = el('button', 'bk-button' + (element.style ? ' ' + element.style : ''), element.text && element.text.text);
    b.type = 'button';
    b.dataset.actionId = element.action_id || '';
    if (element.url && !isLocal(element.url)) b.title = element.url;
    b.addEventListener('click', () => {
      const act = () => ctx.onAction && ctx.onAction(blockId, element, null, b);
      if (element.confirm) askFirst(element.confirm, ctx.names, act); else act();
    });
    return b;
  }

  // A button's confirm object: as in Slack, the click is sent only once the dialog is confirmed.
  function askFirst(confirm, names, act) {
    const dialog = el('dialog', 'bk-confirm');
    const text = confirm.text || {};
    const body = el('div', 'bk-confirm-text');
    if (text.type === 'mrkdwn') body.innerHTML = mrkdwn(text.text || '', names); else body.textContent = text.text || '';
    const deny = el('button', 'bk-button', confirm.deny ? confirm.deny.text : 'Cancel');
    const yes = el('button', 'bk-button ' + (confirm.style === 'danger' ? 'danger' : 'primary'),
      confirm.confirm ? confirm.confirm.text : 'Yes');
    deny.type = yes.type = 'button';
    deny.addEventListener('click', () => dialog.close());
    yes.addEventListener('click', () => { dialog.close(); act(); });
    dialog.addEventListener('close', () => dialog.remove());
    const foot = el('div', 'bk-confirm-foot');
    foot.append(deny, yes);
    dialog.append(el('div', 'bk-confirm-title', confirm.title ? confirm.title.text : ''), body, foot);
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  function select(element, blockId, ctx) {
    const s = el('select', 'bk-select');
    const placeholder = el('option', null, (element.placeholder && element.placeholder.text) || 'Choose…');
    placeholder.value = '';
    s.appendChild(placeholder);
    const options = element.options || [].concat(...(element.option_groups || []).map(g => g.options || []));
    options.forEach((o, i) => {
      const opt = el('option', null, o.text && o.text.text);
      opt.value = String(i);
      if (element.initial_option && element.initial_option.value === o.value) opt.selected = true;
      s.appendChild(opt);
    });
    s.addEventListener('change', () => {
      const chosen = options[Number(s.value)];
      if (chosen && ctx.onAction) ctx.onAction(blockId, element, chosen, s);
    });
    return s;
  }

  function interactive(element, blockId, ctx) {
    switch (element.type) {
      case 'button': return button(element, blockId, ctx);
      case 'static_select': return select(element, blockId, ctx);
      case 'image': return image(element.image_url, element.alt_text, 'bk-accessory');
      case 'overflow': return select(Object.assign({}, element, { placeholder: { text: '⋯' } }), blockId, ctx);
      default: return el('span', 'bk-external', '[' + element.type + ']');
    }
  }

  // Input blocks of modals: each reports its value in the shape of view.state.values.
  function input(block, ctx) {
    const wrap = el('div', 'bk-input');
    const e = block.element || {};
    const id = 'in-' + block.block_id;
    const label = el('label', null, (block.label && block.label.text) + (block.optional ? ' (optional)' : ''));
    label.htmlFor = id;
    wrap.appendChild(label);
    let control;
    let read;
    if (e.type === 'plain_text_input' || e.type === 'number_input' || e.type === 'email_text_input' || e.type === 'url_text_input') {
      control = el(e.multiline ? 'textarea' : 'input');
      if (e.type === 'number_input') {
        control.type = 'number';
        control.step = e.is_decimal_allowed ? 'any' : '1';
        if (e.min_value) control.min = e.min_value;
        if (e.max_value) control.max = e.max_value;
      }
      if (e.initial_value) control.value = e.initial_value;
      if (e.placeholder) control.placeholder = e.placeholder.text;
      read = () => ({ type: e.type, value: control.value === '' ? null : control.value });
    } else if (e.type === 'datepicker' || e.type === 'timepicker') {
      control = el('input');
      control.type = e.type === 'datepicker' ? 'date' : 'time';
      control.value = e.initial_date || e.initial_time || '';
      const key = e.type === 'datepicker' ? 'selected_date' : 'selected_time';
      read = () => ({ type: e.type, [key]: control.value || null });
    } else if (e.type === 'static_select') {
      // Options come flat or in labelled groups; each keeps its index into the flat list.
      const groups = e.option_groups || [{ options: e.options || [] }];
      const options = [];
      control = el('select');
      control.appendChild(el('option', null, '—')).value = '';
      groups.forEach(g => {
        const parent = g.label ? control.appendChild(el('optgroup')) : control;
        if (g.label) parent.label = g.label.text;
        (g.options || []).forEach(o => {
          const opt = el('option', null, o.text && o.text.text);
          opt.value = String(options.length);
          options.push(o);
          if (e.initial_option && e.initial_option.value === o.value) opt.selected = true;
          parent.appendChild(opt);
        });
      });
      read = () => ({ type: e.type, selected_option: control.value === '' ? null : options[Number(control.value)] });
    } else if (e.type === 'radio_buttons') {
      const options = e.options || [];
      control = el('div', 'bk-choices');
      const radios = options.map((o, i) => {
        const row = el('label');
        const radio = el('input');
        radio.type = 'radio';
        radio.name = 'radio-' + block.block_id;
        radio.value = String(i);
        radio.checked = !!(e.initial_option && e.initial_option.value === o.value);
        row.appendChild(radio);
        row.appendChild(document.createTextNode(' ' + (o.text && o.text.text)));
        control.appendChild(row);
        return radio;
      });
      read = () => {
        const picked = radios.find(r => r.checked);
        return { type: e.type, selected_option: picked ? options[Number(picked.value)] : null };
      };
    } else if (e.type === 'checkboxes') {
      const options = e.options || [];
      const initial = (e.initial_options || []).map(o => o.value);
      control = el('div', 'bk-choices');
      const boxes = options.map(o => {
        const row = el('label');
        const box = el('input');
        box.type = 'checkbox';
        box.checked = initial.includes(o.value);
        row.appendChild(box);
        row.appendChild(document.createTextNode(' ' + (o.text && o.text.text)));
        control.appendChild(row);
        return box;
      });
      read = () => ({ type: 'checkboxes', selected_options: options.filter((o, i) => boxes[i].checked) });
    } else {
      control = el('span', 'bk-external', '[' + e.type + ']');
      read = () => ({ type: e.type });
    }
    control.id = id;
    wrap.appendChild(control);
    if (block.hint) wrap.appendChild(el('div', 'hint', block.hint.text));
    const error = el('div', 'error');
    error.dataset.errorFor = block.block_id;
    wrap.appendChild(error);
    if (ctx.inputs) ctx.inputs.push({ blockId: block.block_id, actionId: e.action_id, read });
    return wrap;
  }

  function block(b, ctx) {
    const names = ctx.names;
    switch (b.type) {
      case 'header': return el('div', 'bk-header', b.text && b.text.text);
      case 'divider': return el('hr', 'bk-divider');
      case 'section': {
        const node = el('div', 'bk-section');
        const main = el('div', 'bk-main');
        if (b.text) main.appendChild(textNode(b.text, names));
        if (b.fields) {
          const fields = el('div', 'bk-fields');
          b.fields.forEach(f => fields.appendChild(textNode(f, names)));
          main.appendChild(fields);
        }
        node.appendChild(main);
        if (b.accessory) node.appendChild(interactive(b.accessory, b.block_id, ctx));
        return node;
      }
      case 'context': {
        const node = el('div', 'bk-context');
        (b.elements || []).forEach(e => node.appendChild(
          e.type === 'image' ? image(e.image_url, e.alt_text) : textNode(e, names)));
        return node;
      }
      case 'image': {
        const node = el('div', 'bk-image');
        if (b.title) node.appendChild(el('div', 'title', b.title.text));
        node.appendChild(image(b.image_url || (b.slack_file && b.slack_file.url), b.alt_text));
        return node;
      }
      case 'actions': {
        const node = el('div', 'bk-actions');
        (b.elements || []).forEach(e => node.appendChild(interactive(e, b.block_id, ctx)));
        return node;
      }
      case 'input': return input(b, ctx);
      default: return el('div', 'bk-external', '[' + b.type + ' block]');
    }
  }

  function render(blocks, ctx) {
    const root = el('div', 'bk');
    (blocks || []).forEach(b => root.appendChild(block(b, ctx || {})));
    return root;
  }

  window.BlockKit = { render, mrkdwn, setReaderZone };
})();

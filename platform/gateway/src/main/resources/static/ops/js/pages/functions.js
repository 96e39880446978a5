// Functions of every service with their triggers, retries and concurrency; "trigger now" for cron.
import { call, listOf, query } from '../api.js';
import { h, notice, pageLink, problem, replace, table, text, unavailable } from '../dom.js';

export function functionsPage(main) {
  const results = h('div', { id: 'functions' });
  replace(main, h('h1', {}, 'Functions'), results);
  return load(results);
}

async function load(results) {
  try {
    const answer = listOf(await call('GET', '/api/ops/functions'));
    replace(results, unavailable(answer.metadata),
      table('Functions', ['Service', 'Function', 'Triggers', 'Retries', 'Concurrency', ''], answer.list, (fn) =>
        h('tr', { 'data-function': `${fn.service}/${fn.id}` },
          h('td', {}, text(fn.service)),
          h('td', { class: 'mono' }, h('a', { href: '#/runs' + query({ service: fn.service, function: fn.id }) }, text(fn.id))),
          h('td', {}, h('ul', {}, (fn.triggers || []).map(trigger))),
          h('td', {}, text(fn.retries)),
          h('td', {}, fn.concurrency ? `${text(fn.concurrency.limit)}${fn.concurrency.key ? ` per ${fn.concurrency.key}` : ''}` : '–'),
          h('td', {}, hasCron(fn) ? triggerNow(fn) : null))));
  } catch (error) {
    replace(results, problem(error));
  }
}

function trigger(t) {
  if (t.cron) return h('li', {}, 'cron ', h('code', {}, text(t.cron)), ` (${text(t.timezone)})`);
  return h('li', {}, 'event ', h('code', {}, text(t.event)), t.if ? [' if ', h('code', {}, text(t.if))] : null);
}

function hasCron(fn) {
  return (fn.triggers || []).some((t) => t.cron);
}

function triggerNow(fn) {
  const result = h('span');
  const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `Trigger ${fn.id} now` }, 'Trigger now');
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(result);
    try {
      const answer = await call('POST', `/api/ops/functions/${encodeURIComponent(fn.service)}/${encodeURIComponent(fn.id)}/trigger`);
      notice(`${fn.id} was triggered.`);
      if (answer?.runId) replace(result, ' ', pageLink('its run', 'runs', fn.service, answer.runId));
    } catch (error) {
      replace(result, problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return [button, result];
}

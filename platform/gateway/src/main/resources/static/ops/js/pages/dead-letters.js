// Dead letters of every service, each with its reason and body; redrive sends one back to its queue.
import { call, listOf } from '../api.js';
import { h, json, notice, problem, replace, table, text, time, unavailable } from '../dom.js';

export function deadLettersPage(main) {
  const results = h('div', { id: 'dead-letters' });
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'dead-letters-refresh' }, 'Refresh');
  refresh.addEventListener('click', () => load(results));
  replace(main, h('h1', {}, 'Dead letters'),
    h('p', { class: 'muted' }, 'Messages a function or subscription could not take. Redrive sends one back to the queue it died in.'),
    h('div', { class: 'row' }, refresh), results);
  return load(results);
}

async function load(results) {
  try {
    const answer = listOf(await call('GET', '/api/ops/dead-letters'));
    replace(results, unavailable(answer.metadata),
      table('Dead letters', ['Service', 'Queue', 'Event', 'Reason', 'Dead-lettered', 'Body', ''], answer.list, (letter) =>
        h('tr', { 'data-dead-letter-id': `${letter.service}/${letter.id}`, 'data-message-id': letter.messageId },
          h('td', {}, text(letter.service)),
          h('td', { class: 'mono' }, text(letter.queue)),
          h('td', {}, text(letter.eventName), h('br'), h('span', { class: 'mono muted' }, text(letter.messageId))),
          h('td', {}, text(letter.reason)),
          h('td', {}, time(letter.deadLetteredAt)),
          h('td', {}, h('details', {}, h('summary', {}, text(letter.bodyEncoding || 'body')),
            letter.bodyEncoding === 'json' ? json(letter.body) : h('pre', {}, text(letter.body)))),
          h('td', {}, redrive(letter, results)))));
  } catch (error) {
    replace(results, problem(error));
  }
}

function redrive(letter, results) {
  const button = h('button', { type: 'button', class: 'redrive', 'aria-label': `Redrive dead letter ${letter.id} of ${letter.service}` }, 'Redrive');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await call('POST', `/api/ops/dead-letters/${encodeURIComponent(letter.service)}/${encodeURIComponent(letter.id)}/redrive`);
      notice(`Dead letter ${letter.id} of ${letter.service} was sent back to ${letter.queue}.`);
      await load(results);
    } catch (error) {
      button.disabled = false;
      results.prepend(problem(error));
    }
  });
  return button;
}

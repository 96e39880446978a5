// The e-mails held by the local sink (when no e-mail provider is configured), newest first.
import { call, listOf, query } from '../api.js';
import { h, json, problem, replace, text, time, unavailable } from '../dom.js';

export function emailsPage(main) {
  const results = h('div', { id: 'emails' });
  replace(main, h('h1', {}, 'E-mails of the local sink'), results);
  return load(results);
}

// notification-service's answer: {delivery: sink|provider, emails, nextBefore} (pages go back in time).
async function load(results, before) {
  try {
    const answer = await call('GET', '/api/ops/emails' + query({ before, limit: 50 }));
    const { list, metadata } = Array.isArray(answer?.emails) ? { list: answer.emails, metadata: {} } : listOf(answer);
    const older = answer?.nextBefore
      ? h('button', { type: 'button', class: 'secondary', onclick: () => load(results, answer.nextBefore) }, 'Older e-mails')
      : null;
    if (list.length === 0) {
      replace(results, unavailable(metadata), h('p', { class: 'empty card' }, answer?.delivery === 'provider'
        ? 'E-mails go to the configured provider; the sink keeps none.'
        : 'The sink holds no e-mail.'));
      return;
    }
    replace(results, unavailable(metadata), before ? h('button', { type: 'button', class: 'secondary', onclick: () => load(results) }, 'Newest e-mails') : null, list.map(email), older);
  } catch (error) {
    replace(results, problem(error));
  }
}

function email(e) {
  const to = Array.isArray(e.to) ? e.to.join(', ') : e.to;
  return h('article', { class: 'card email' },
    h('div', { class: 'step-head' }, h('strong', {}, text(e.subject)), h('span', { class: 'muted' }, 'to ', text(to)), time(e.sentAt ?? e.at ?? e.createdAt)),
    e.text ? h('pre', {}, text(e.text)) : null,
    h('details', {}, h('summary', {}, 'Everything the sink holds'), json(e)));
}

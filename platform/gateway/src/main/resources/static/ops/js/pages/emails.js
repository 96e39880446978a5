// The e-mails held by the local sink (when no e-mail provider is configured), newest first.
import { call, listOf } from '../api.js';
import { h, json, problem, replace, text, time, unavailable } from '../dom.js';

export function emailsPage(main) {
  const results = h('div', { id: 'emails' });
  replace(main, h('h1', {}, 'E-mails of the local sink'), results);
  return load(results);
}

async function load(results) {
  try {
    const answer = listOf(await call('GET', '/api/ops/emails'));
    if (answer.list.length === 0) {
      replace(results, unavailable(answer.metadata), h('p', { class: 'empty card' }, 'The sink holds no e-mail (a provider may be configured).'));
      return;
    }
    replace(results, unavailable(answer.metadata), answer.list.map(email));
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

// Operator actions (replay, cancel, redrive, event sent, cron triggered): who, when, what.
import { call, listOf } from '../api.js';
import { h, problem, replace, table, text, time, unavailable } from '../dom.js';

export function auditPage(main) {
  const results = h('div', { id: 'audit' });
  replace(main, h('h1', {}, 'Audit'), results);
  return load(results);
}

async function load(results) {
  try {
    const answer = listOf(await call('GET', '/api/ops/audit'));
    replace(results, unavailable(answer.metadata),
      table('Operator actions', ['When', 'Who', 'Action', 'Service', 'Target', 'Detail'], answer.list, (a) =>
        h('tr', { 'data-action': a.action },
          h('td', {}, time(a.at)),
          h('td', {}, text(a.actorName), h('br'), h('span', { class: 'mono muted' }, text(a.actorId))),
          h('td', {}, h('code', {}, text(a.action))),
          h('td', {}, text(a.service)),
          h('td', { class: 'mono' }, text(a.target)),
          h('td', {}, typeof a.detail === 'object' && a.detail !== null ? JSON.stringify(a.detail) : text(a.detail)))));
  } catch (error) {
    replace(results, problem(error));
  }
}

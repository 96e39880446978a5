// Runs of every service, filtered by service, function, status and age; bulk replay of the filter.
import { call, listOf, query } from '../api.js';
import { duration, h, notice, pageLink, problem, replace, status, table, text, time, unavailable } from '../dom.js';

const STATUSES = ['', 'queued', 'running', 'sleeping', 'waiting', 'completed', 'failed', 'cancelled'];
const PERIODS = [['', 'any time'], ['15m', 'last 15 minutes'], ['1h', 'last hour'], ['24h', 'last 24 hours'], ['7d', 'last 7 days']];
const MILLIS = { m: 60000, h: 3600000, d: 86400000 };

/** The ISO instant a period such as "1h" reaches back to, or null. */
function since(period) {
  const match = /^(\d+)([mhd])$/.exec(period || '');
  return match ? new Date(Date.now() - Number(match[1]) * MILLIS[match[2]]).toISOString() : null;
}

export function runsPage(main, params) {
  const filter = {
    service: params.get('service') || '',
    function: params.get('function') || '',
    status: params.get('status') || '',
    period: params.get('period') || '',
  };
  const field = (name, label, control) => h('label', { for: `filter-${name}` }, label, control);
  const service = h('input', { id: 'filter-service', name: 'service', value: filter.service, list: 'known-services', size: 20 });
  const fn = h('input', { id: 'filter-function', name: 'function', value: filter.function, list: 'known-functions', size: 22 });
  const state = h('select', { id: 'filter-status', name: 'status' },
    STATUSES.map((s) => h('option', { value: s, selected: s === filter.status }, s || 'any status')));
  const period = h('select', { id: 'filter-period', name: 'period' },
    PERIODS.map(([value, label]) => h('option', { value, selected: value === filter.period }, label)));
  const services = h('datalist', { id: 'known-services' });
  const functions = h('datalist', { id: 'known-functions' });
  const form = h('form', { class: 'filters card', id: 'run-filters', role: 'search' },
    field('service', 'Service', service), field('function', 'Function', fn),
    field('status', 'Status', state), field('period', 'Started', period),
    h('button', { type: 'submit' }, 'Filter'), services, functions);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = '#/runs' + query({ service: service.value.trim(), function: fn.value.trim(), status: state.value, period: period.value });
  });
  const results = h('div', { id: 'runs' });
  const bulk = h('div', { class: 'row', id: 'bulk-replay' });
  replace(main, h('h1', {}, 'Runs'), form, bulk, results);
  bulkReplay(bulk, filter);
  suggest(services, functions);
  return load(results, filter);
}

async function load(results, filter) {
  replace(results, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const answer = listOf(await call('GET', '/api/ops/runs' + query({
      service: filter.service, function: filter.function, status: filter.status, since: since(filter.period), limit: 200,
    })));
    replace(results, unavailable(answer.metadata),
      table('Runs', ['Service', 'Function', 'Status', 'Started', 'Duration', 'Run'], answer.list, (run) =>
        h('tr', { 'data-run-id': run.id, 'data-service': run.service, 'data-status': run.status },
          h('td', {}, text(run.service)),
          h('td', {}, text(run.function)),
          h('td', {}, status(run.status)),
          h('td', {}, time(run.startedAt)),
          h('td', {}, text(duration(run.startedAt, run.endedAt))),
          h('td', { class: 'mono' }, pageLink(text(run.id), 'runs', run.service, run.id)))));
  } catch (error) {
    replace(results, problem(error));
  }
}

/** Replays every failed run the filter matches, after a second click. */
function bulkReplay(container, filter) {
  const ask = h('button', { type: 'button', class: 'secondary', id: 'bulk-replay-ask' }, 'Replay failed runs of this filter…');
  ask.addEventListener('click', () => {
    const confirm = h('button', { type: 'button', class: 'danger', id: 'bulk-replay-confirm' }, 'Replay them');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    cancel.addEventListener('click', () => replace(container, ask));
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const body = { status: 'failed' };
        if (filter.service) body.service = filter.service;
        if (filter.function) body.function = filter.function;
        const from = since(filter.period);
        if (from) body.since = from;
        const answer = await call('POST', '/api/ops/runs/replay', body);
        notice(typeof answer?.replayed === 'number' ? `Replayed ${answer.replayed} failed runs.` : `Replay requested: ${JSON.stringify(answer)}`);
        replace(container, ask);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (error) {
        replace(container, problem(error), ask);
      }
    });
    replace(container, h('span', {}, 'Replay every failed run that matches the filter above?'), confirm, cancel);
    confirm.focus();
  });
  replace(container, ask);
}

/** Fills the filters' suggestions from the functions every service declares. */
async function suggest(services, functions) {
  try {
    const { list } = listOf(await call('GET', '/api/ops/functions'));
    const names = (key) => [...new Set(list.map((f) => f[key]).filter(Boolean))].sort();
    replace(services, names('service').map((s) => h('option', { value: s })));
    replace(functions, names('id').map((f) => h('option', { value: f })));
  } catch {
    // Suggestions only: the list itself shows any problem.
  }
}

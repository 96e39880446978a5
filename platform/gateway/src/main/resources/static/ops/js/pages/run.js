// One run: its facts, event, step timeline, output or error, trace link; replay and cancel. The
// page reloads itself every two seconds while the run has not finished.
import { call } from '../api.js';
import { duration, h, json, notice, pageLink, problem, replace, status, text, time } from '../dom.js';
import { settings } from '../settings.js';

const UNFINISHED = new Set(['queued', 'running', 'sleeping', 'waiting']);
const POLL_MS = 2000;

export function runPage(main, service, id) {
  const path = `/api/ops/runs/${encodeURIComponent(service)}/${encodeURIComponent(id)}`;
  let timer = null;
  let stopped = false;
  const view = h('div', { id: 'run' });
  replace(main, h('p', {}, pageLink('← Runs', 'runs')), h('h1', {}, 'Run ', h('span', { class: 'mono' }, id)), view);

  async function load() {
    clearTimeout(timer);
    try {
      const [run, config] = await Promise.all([call('GET', path), settings()]);
      if (stopped) return;
      replace(view, facts(run, config), actions(run, path, load), sections(run));
      if (UNFINISHED.has(run.status)) timer = setTimeout(load, POLL_MS);
    } catch (error) {
      if (!stopped) replace(view, problem(error));
    }
  }
  load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function facts(run, config) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  return h('section', { class: 'card', 'aria-label': 'Run' },
    h('dl', { class: 'facts' },
      row('Status', h('span', { id: 'run-status' }, status(run.status))),
      row('Service', text(run.service)),
      row('Function', text(run.function)),
      row('Event id', h('span', { class: 'mono' }, text(run.eventId ?? run.event?.id))),
      row('Created', time(run.createdAt)),
      row('Started', time(run.startedAt)),
      row('Ended', time(run.endedAt)),
      row('Duration', text(duration(run.startedAt, run.endedAt))),
      row('Trace', trace(run.traceId, config)),
      run.reason ? row('Waiting because', text(run.reason)) : null,
      run.error ? row('Error', h('span', { class: 'step-error', id: 'run-error' }, text(run.error))) : null));
}

/** The trace id, linked to the trace UI when one is configured. */
function trace(traceId, config) {
  if (!traceId) return h('span', { class: 'muted' }, 'none recorded');
  const template = config?.traceUrl;
  if (typeof template === 'string' && /^https?:\/\//.test(template)) {
    const href = template.split('{traceId}').join(encodeURIComponent(traceId));
    return h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'mono', id: 'trace-link' }, traceId);
  }
  return h('span', { class: 'mono', id: 'trace-id' }, traceId);
}

function actions(run, path, reload) {
  const result = h('div');
  const act = (label, verb, enabled, cls) => {
    const button = h('button', { type: 'button', id: `run-${verb}`, class: cls, disabled: !enabled }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      replace(result);
      try {
        await call('POST', `${path}/${verb}`);
        notice(verb === 'replay' ? 'Replay started.' : 'Run cancelled.');
        reload();
      } catch (error) {
        replace(result, problem(error));
        button.disabled = false;
      }
    });
    return button;
  };
  return h('div', { class: 'card' },
    h('div', { class: 'row' },
      act('Replay from the failed step', 'replay', run.status === 'failed'),
      act('Cancel run', 'cancel', UNFINISHED.has(run.status), 'danger'),
      h('button', { type: 'button', class: 'secondary', onclick: () => reload() }, 'Refresh')),
    result);
}

function sections(run) {
  const steps = Array.isArray(run.steps) ? run.steps : [];
  return [
    h('h2', {}, 'Steps'),
    steps.length === 0
      ? h('p', { class: 'empty card' }, 'No step recorded yet.')
      : h('ol', { class: 'timeline', id: 'steps' }, steps.map(step)),
    run.output !== undefined && run.output !== null ? [h('h2', {}, 'Output'), json(unwrapped(run.output))] : null,
    h('h2', {}, 'Event'),
    json(run.event),
  ];
}

function step(s) {
  const output = s.output !== undefined ? s.output : s.memo?.data;
  const error = s.error !== undefined ? s.error : s.memo?.error;
  return h('li', { class: `step-${String(s.status).replace(/[^a-z-]/g, '')}`, 'data-step-id': s.id },
    h('div', { class: 'step-head' },
      h('strong', { class: 'mono' }, text(s.id)), status(s.status),
      h('span', { class: 'muted' }, `${Number(s.attempts) || 0} attempt${Number(s.attempts) === 1 ? '' : 's'}`),
      stepDuration(s),
      s.wakeAt ? h('span', { class: 'muted' }, 'wakes ', time(s.wakeAt)) : null),
    error ? h('p', { class: 'step-error' }, text(error)) : null,
    output !== undefined && output !== null ? h('details', {}, h('summary', {}, 'Output'), json(output)) : null);
}

/** From the step's first record to its last (its retries); nothing for a step written once. */
function stepDuration(s) {
  const from = s.firstRecordedAt ?? s.startedAt;
  const to = s.recordedAt ?? s.endedAt;
  if (!from || !to || new Date(to).getTime() <= new Date(from).getTime()) return null;
  return h('span', { class: 'muted', title: 'from its first record to its last' }, duration(from, to));
}

/** A memo as the runtime stores it ({v, data}) shows its data. */
function unwrapped(value) {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'data' in value && 'v' in value && Object.keys(value).length === 2) {
    return value.data;
  }
  return value;
}

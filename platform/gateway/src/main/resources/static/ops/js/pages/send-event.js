// Sends an event {name, data} as the services would, through their outboxes.
import { call } from '../api.js';
import { h, json, problem, replace } from '../dom.js';

export function sendEventPage(main) {
  const name = h('input', { id: 'event-name', name: 'name', required: true, placeholder: 'app/ticket.created', size: 40 });
  const data = h('textarea', { id: 'event-data', name: 'data', spellcheck: 'false' }, '{\n  \n}');
  const result = h('div', { id: 'send-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'send-event' },
    h('label', { for: 'event-name' }, 'Event name', name),
    h('label', { for: 'event-data' }, 'Data (a JSON object)', data),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Send event')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse(data.value);
    } catch (error) {
      replace(result, problem({ problem: { title: 'Not JSON', detail: `The data is not valid JSON: ${error.message}` } }));
      return;
    }
    try {
      const answer = await call('POST', '/api/ops/events', { name: name.value.trim(), data: parsed });
      replace(result, h('p', {}, 'Sent.'), json(answer));
    } catch (error) {
      replace(result, problem(error));
    }
  });
  replace(main, h('h1', {}, 'Send an event'),
    h('p', { class: 'muted' }, 'Every function and subscription bound to the name receives it, as if a service had published it.'),
    form, result);
}

// The console's shell: sign-in, navigation and hash routes (#/runs, #/runs/{service}/{id}, ...).
import { ApiError, current, signIn, signOut } from './api.js';
import { h, notice, problem, replace } from './dom.js';
import { runsPage } from './pages/runs.js';
import { runPage } from './pages/run.js';
import { deadLettersPage } from './pages/dead-letters.js';
import { functionsPage } from './pages/functions.js';
import { sendEventPage } from './pages/send-event.js';
import { emailsPage } from './pages/emails.js';
import { auditPage } from './pages/audit.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let leave = null;

const routes = [
  [/^runs\/([^/]+)\/([^/]+)$/, (m) => runPage(main, decodeURIComponent(m[1]), decodeURIComponent(m[2]))],
  [/^runs$/, (m, params) => runsPage(main, params)],
  [/^dead-letters$/, () => deadLettersPage(main)],
  [/^functions$/, () => functionsPage(main)],
  [/^send$/, () => sendEventPage(main)],
  [/^emails$/, () => emailsPage(main)],
  [/^audit$/, () => auditPage(main)],
];

function route() {
  if (leave) leave();
  leave = null;
  notice('');
  if (!current()) {
    showSignIn();
    return;
  }
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?');
  const params = new URLSearchParams(search || '');
  showChrome();
  for (const [pattern, page] of routes) {
    const match = pattern.exec(path);
    if (match) {
      markCurrent(path);
      const cleanup = guard(page(match, params));
      leave = typeof cleanup === 'function' ? cleanup : null;
      main.focus();
      return;
    }
  }
  location.replace('#/runs');
}

/** A page returns a cleanup (stop polling) or a promise; failures are shown, never swallowed. */
function guard(result) {
  if (result && typeof result.catch === 'function') {
    result.catch((error) => showError(error));
    return null;
  }
  return result;
}

export function showError(error) {
  // A 401 already brought the sign-in form back (ops:signed-out).
  if (error instanceof ApiError && error.status === 401) return;
  if (error instanceof ApiError && error.status === 403) {
    replace(main, h('h1', {}, 'Not allowed'), problem(error),
      h('p', {}, 'This account is not an administrator. Sign in with an administrator account.'),
      h('button', { type: 'button', onclick: () => signOut().then(route) }, 'Sign out'));
    return;
  }
  main.prepend(problem(error));
}

function markCurrent(path) {
  for (const link of nav.querySelectorAll('a')) {
    const target = link.getAttribute('href').slice(2);
    if (path === target || path.startsWith(target + '/')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showChrome() {
  nav.hidden = false;
  const user = current()?.user;
  replace(who,
    h('span', {}, user ? `${user.username} (${user.email})` : ''),
    h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: () => signOut().then(route) }, 'Sign out'));
}

function showSignIn(message) {
  nav.hidden = true;
  replace(who);
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const errors = h('div', { id: 'sign-in-errors' });
  const form = h('form', { id: 'sign-in', class: 'card', novalidate: false },
    h('label', { for: 'email' }, 'E-mail', email),
    h('label', { for: 'password' }, 'Password', password),
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(errors);
    try {
      await signIn(email.value, password.value);
      route();
    } catch (error) {
      replace(errors, problem(error));
    }
  });
  replace(main,
    h('section', { class: 'signin', 'aria-labelledby': 'sign-in-title' },
      h('h1', { id: 'sign-in-title' }, 'Sign in to the operations console'),
      h('p', { class: 'muted' }, 'Use your TicketBounty account; it must be an administrator.'),
      message ? h('div', { class: 'warning', role: 'status' }, message) : null,
      errors, form));
  email.focus();
}

window.addEventListener('ops:signed-out', () => {
  if (leave) leave();
  leave = null;
  showSignIn('Your session has ended. Sign in again.');
});
window.addEventListener('hashchange', route);
route();

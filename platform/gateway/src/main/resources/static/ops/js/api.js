// The operations API client. The access token lives in sessionStorage (this tab only, gone when it
// closes) and travels as "Authorization: Bearer" — never in a cookie, so a forged cross-site request
// carries no credential and there is no CSRF surface. A 401 tries the refresh token once.

const KEY = 'ticketbounty.ops.session';

/** An answer that was not 2xx, with its problem details when it had them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    return null;
  }
}

let session = load();

function save(next) {
  session = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
}

export function current() {
  return session;
}

async function read(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204) return null;
  if (type.includes('json')) return response.json();
  const body = await response.text();
  return body ? { detail: body } : null;
}

async function raw(method, path, body, token) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
}

/** Signs in with the product's own account; the role must be ADMIN. */
export async function signIn(email, password) {
  const response = await raw('POST', '/api/auth/sign-in', { email, password });
  const body = await read(response);
  if (!response.ok) throw new ApiError(response.status, body);
  const next = {
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    user: body.user,
  };
  if (body.user?.role !== 'ADMIN') {
    // Ends the session it just opened: the console has no use for it.
    await raw('POST', '/api/auth/sign-out', undefined, body.accessToken).catch(() => {});
    throw new ApiError(403, { title: 'Forbidden', detail: 'This account is not an administrator.' });
  }
  save(next);
  return next;
}

export async function signOut() {
  const token = session?.accessToken;
  save(null);
  if (token) await raw('POST', '/api/auth/sign-out', undefined, token).catch(() => {});
}

async function refresh() {
  if (!session?.refreshToken) return false;
  const response = await raw('POST', '/api/auth/refresh', { refreshToken: session.refreshToken });
  if (!response.ok) return false;
  const body = await read(response);
  save({ ...session, accessToken: body.accessToken, refreshToken: body.refreshToken });
  return true;
}

/** Calls the operations API; throws ApiError for every answer that is not 2xx. */
export async function call(method, path, body) {
  if (!path.startsWith('/api/ops/')) throw new Error(`not an operations call: ${path}`);
  let response = await raw(method, path, body, session?.accessToken);
  if (response.status === 401 && (await refresh())) {
    response = await raw(method, path, body, session?.accessToken);
  }
  const answer = await read(response);
  if (response.status === 401) {
    save(null);
    window.dispatchEvent(new CustomEvent('ops:signed-out', { detail: answer }));
  }
  if (!response.ok) throw new ApiError(response.status, answer);
  return answer;
}

/** A query string of the non-empty values. */
export function query(values) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A merged list answer ({list, metadata}) or a bare array, as {list, metadata}. */
export function listOf(answer) {
  if (Array.isArray(answer)) return { list: answer, metadata: {} };
  return { list: Array.isArray(answer?.list) ? answer.list : [], metadata: answer?.metadata || {} };
}

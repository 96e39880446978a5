// GET /api/ops/settings, once per page load: the trace UI template, if any.
import { call } from './api.js';

let loaded = null;

export function settings() {
  if (!loaded) {
    loaded = call('GET', '/api/ops/settings').catch((error) => {
      loaded = null;
      if (error.status === 401 || error.status === 403) throw error;
      return { traceUrl: null };
    });
  }
  return loaded;
}

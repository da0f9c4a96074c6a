// The dashboard's only way to the server's data: /v1 with the user's key (Authorization: Bearer), and the
// dashboard's own read-only JSON. EventSource cannot send a header, so plan events are read with fetch.

const KEY_STORAGE = 'picon.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_STORAGE) ?? '',
  set: (key) => sessionStorage.setItem(KEY_STORAGE, key),
};

export class ApiRequestError extends Error {
  constructor(status, body) {
    const detail = (body?.error?.issues ?? []).map((d) => `${d.path}: ${d.message}`).join('; ');
    super(`${body?.error?.message ?? `HTTP ${status}`}${detail ? ` (${detail})` : ''}`);
    this.status = status;
  }
}

async function request(method, path, body, extraHeaders = {}) {
  const headers = { Authorization: `Bearer ${apiKey.get()}`, ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new ApiRequestError(res.status, await res.json().catch(() => undefined));
  return res;
}

export const api = {
  get: async (path) => (await request('GET', path)).json(),
  post: async (path, body) => (await request('POST', path, body)).json(),
  blob: async (path) => (await request('GET', path)).blob(),
  /** Dashboard assets (no key). */
  asset: async (path) => {
    const res = await fetch(path);
    if (!res.ok) throw new ApiRequestError(res.status, await res.json().catch(() => undefined));
    return res.json();
  },
};

/**
 * Follows GET /v1/plans/{id}/events until the stream ends, calling `onEvent(name, data)` for each event;
 * resolves with the last event (completed or failed).
 */
export async function followPlan(id, onEvent) {
  const res = await request('GET', `/v1/plans/${encodeURIComponent(id)}/events`, undefined, {
    Accept: 'text/event-stream',
  });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let last = { event: 'failed', data: { error: 'stream ended early' } };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event) continue; // keep-alive comment
      last = { event, data: data ? JSON.parse(data) : {} };
      onEvent(last.event, last.data);
    }
  }
  return last;
}

/** Polls GET /v1/comparisons/{id} every second until it is completed or failed. */
export async function followComparison(id, onProgress) {
  for (;;) {
    const view = await api.get(`/v1/comparisons/${encodeURIComponent(id)}`);
    onProgress(view);
    if (view.status === 'completed' || view.status === 'failed') return view;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

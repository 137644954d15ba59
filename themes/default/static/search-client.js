// How search.js talks to the search: messages to a Web Worker (search-worker.js), or,
// where a worker cannot start, the same messages handled on the page.

/** The answer to a search that a newer one made stale. */
export class Stale extends Error {}

/**
 * Opens the index at `indexUrl` (e.g. "/cy/search-index/") and resolves to
 * `{ call(type, payload) }`, whose promise resolves to the answer, or rejects with
 * `Stale` or an `Error`.
 */
export async function connect(indexUrl) {
  let worker = null;
  try {
    worker = new Worker(new URL('search-worker.js', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (worker) {
    const channel = messenger((message) => worker.postMessage(message));
    worker.addEventListener('message', (event) => channel.receive(event.data));
    const failed = new Promise((resolve) => {
      worker.addEventListener('error', () => resolve(false), { once: true });
    });
    const opened = channel.call('open', { base: indexUrl }).then(() => true);
    // An index that cannot load is an answer; a worker that cannot start is not.
    if (await Promise.race([opened, failed])) return channel;
    worker.terminate();
  }
  const { createService } = await import('./search-service.js');
  let handle = null;
  const channel = messenger((message) => handle(message));
  handle = createService((answer) => channel.receive(answer));
  await channel.call('open', { base: indexUrl });
  return channel;
}

function messenger(send) {
  let next = 0;
  const waiting = new Map();
  return {
    call(type, payload = {}) {
      next += 1;
      const id = next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        send({ ...payload, id, type });
      });
    },
    receive(answer) {
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      if (answer.stale) pending.reject(new Stale('stale'));
      else if ('error' in answer) pending.reject(new Error(answer.error));
      else pending.resolve(answer.value);
    },
  };
}

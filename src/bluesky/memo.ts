// "Memoise a promise, forget it on failure": one helper for every answer worth asking once (a
// handle's DID, the site's rules, a chunk of code, an OAuth client), so a failure is asked again;
// and a shared answer awaited under one caller's signal, which never aborts it for the others.

/** Where memoised promises are kept: a Map, or a WeakMap keyed by an object. */
interface Store<K, V> {
  get(key: K): Promise<V> | undefined;
  set(key: K, value: Promise<V>): unknown;
  delete(key: K): unknown;
}

/** The promise kept for `key`, or a new one from `make`, kept until it fails (then the next call makes it again). */
export function memo<K, V>(store: Store<K, V>, key: K, make: () => Promise<V>, settled: (value: V) => unknown = () => undefined): Promise<V> {
  let found = store.get(key);
  if (!found) {
    found = make();
    store.set(key, found);
    Promise.resolve(found)
      .then(settled)
      .catch(() => {
        if (store.get(key) === found) store.delete(key);
      });
  }
  return found;
}

/** `shared`, or the abort of `signal` if that comes first: one caller stops waiting, the answer goes on for the rest. */
export function abortable<T>(shared: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return shared;
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

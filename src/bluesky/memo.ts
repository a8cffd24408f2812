// "Memoise a promise, forget it on failure": one helper for every answer worth asking once (a
// handle's DID, the site's rules, a chunk of code, an OAuth client), so a failure is asked again.

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

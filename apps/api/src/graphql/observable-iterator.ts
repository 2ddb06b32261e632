import type { Observable } from 'rxjs';

/**
 * An observable as the async iterator a GraphQL subscription returns. It subscribes at once (the
 * subscription is live when the resolver returns) and `return()` — graphql-ws calls it when the
 * client completes or disconnects — unsubscribes at once. An async generator (`eachValueFrom` of
 * rxjs-for-await) cannot: while it awaits the next value its `return()` waits for that value, so a
 * client that left kept its server-side subscription (and its per-event access checks) until an
 * event it may see came by, possibly never.
 */
export function observableIterator<T>(source: Observable<T>): AsyncIterableIterator<T> {
  const buffered: T[] = [];
  const waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }[] = [];
  let finished = false;
  let failure: { error: unknown } | null = null;
  const done = (): IteratorResult<T> => ({ value: undefined, done: true });

  const subscription = source.subscribe({
    next: (value) => {
      const waiter = waiting.shift();
      if (waiter) waiter.resolve({ value, done: false });
      else buffered.push(value);
    },
    error: (error: unknown) => {
      failure = { error };
      for (const waiter of waiting.splice(0)) waiter.reject(error);
    },
    complete: () => {
      finished = true;
      for (const waiter of waiting.splice(0)) waiter.resolve(done());
    },
  });

  const stop = (): void => {
    finished = true;
    buffered.length = 0;
    subscription.unsubscribe();
    for (const waiter of waiting.splice(0)) waiter.resolve(done());
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next(): Promise<IteratorResult<T>> {
      if (buffered.length) return Promise.resolve({ value: buffered.shift()!, done: false });
      if (failure) {
        const { error } = failure;
        failure = null;
        finished = true;
        return Promise.reject(error);
      }
      if (finished) return Promise.resolve(done());
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return(): Promise<IteratorResult<T>> {
      stop();
      return Promise.resolve(done());
    },
    throw(error?: unknown): Promise<IteratorResult<T>> {
      stop();
      return Promise.reject(error);
    },
  };
}

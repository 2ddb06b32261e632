// The GraphQL client: urql over POST /graphql (same origin) and graphql-ws for subscriptions, with the
// session's token on both. One client per token: signing in as someone else starts with an empty cache
// and a new WebSocket, so nothing of one account is shown to the next.
import { createClient as createWsClient } from 'graphql-ws';
import { type ReactNode, useEffect, useMemo } from 'react';
import {
  cacheExchange,
  Client,
  type CombinedError,
  fetchExchange,
  mapExchange,
  Provider,
  subscriptionExchange,
} from 'urql';
import { endSession, useSessionState } from '../auth/session';
import { errorCode } from './errors';

/** graphql-ws close code the API uses when the token expires or the session ends. */
const SESSION_ENDED = 4401;

/** The client for `token` (null: anonymous), and how to close its WebSocket. */
export function createApiClient(token: string | null): { client: Client; dispose: () => void } {
  const http = new URL('/graphql', window.location.href);
  const ws = new URL(http);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  const authorization = token ? `Bearer ${token}` : undefined;

  const subscriptions = createWsClient({
    url: ws.href,
    lazy: true,
    connectionParams: authorization ? { authorization } : {},
    on: {
      closed: (event) => {
        if (token && (event as CloseEvent | undefined)?.code === SESSION_ENDED) endSession('expired');
      },
    },
  });

  const client = new Client({
    url: http.href,
    // POST only: Apollo refuses GET requests without a CSRF preflight header.
    preferGetMethod: false,
    fetchOptions: () => (authorization ? { headers: { authorization } } : {}),
    exchanges: [
      mapExchange({
        onError(error: CombinedError) {
          // The API no longer accepts this token (expired, signed out elsewhere, account disabled).
          if (token && errorCode(error) === 'UNAUTHENTICATED') endSession('expired');
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const operation = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = subscriptions.subscribe(operation, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void subscriptions.dispose() };
}

/** Provides the client of the current session (or an anonymous one on the sign-in page). */
export function ApiProvider({ children }: { children: ReactNode }) {
  const token = useSessionState().session?.token ?? null;
  const api = useMemo(() => createApiClient(token), [token]);
  useEffect(() => api.dispose, [api]);
  return <Provider value={api.client}>{children}</Provider>;
}

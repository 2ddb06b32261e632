// GraphiQL for the Sandbridge API, bundled with the application (no CDN: it works offline and under a
// content security policy that allows only this origin). The API serves this page at GET /graphql
// when a browser asks for HTML (apps/api/src/web-console.ts).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const endpoint = new URL('/graphql', window.location.href);
const subscriptions = new URL(endpoint);
subscriptions.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

// The headers tab's values go with every request, and with a subscription's connectionParams
// (the API reads `authorization` from both).
const fetcher = createGraphiQLFetcher({ url: endpoint.href, subscriptionUrl: subscriptions.href });

const defaultQuery = `# Sandbridge GraphQL API. Sign in first (the demo data's accounts use the password
# "sandbridge-demo"; the README lists them), then copy the token into the Headers tab below:
#   { "authorization": "Bearer <token>" }
mutation SignIn {
  login(email: "innovator.lumen@demo.sandbridge.test", password: "sandbridge-demo") {
    token
    account {
      email
      role
    }
  }
}

query Me {
  me {
    email
    role
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
  </StrictMode>,
);

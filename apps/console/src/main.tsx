// The Sandbridge console: a single-page app served by the API at / (apps/api/src/web-console.ts),
// talking to /graphql on the same origin. docs/console.md explains its parts.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './console.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiProvider } from './api/client';
import { createRouter } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';

const router = createRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <ApiProvider>
        <RouterProvider router={router} />
      </ApiProvider>
    </MantineProvider>
  </StrictMode>,
);

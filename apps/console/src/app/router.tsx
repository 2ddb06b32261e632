// The routes, made from app/sections.tsx: /sign-in, then, behind a session, every section's pages
// (each loaded on first use, so the first page a person opens downloads only what it needs).
import { Center, Loader } from '@mantine/core';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { SignInPage } from '../auth/SignInPage';
import { AppLayout } from './AppLayout';
import { PlaceholderPage } from './PlaceholderPage';
import { HomeRedirect, NotFoundPage, RouteError, SectionGate } from './RouteStates';
import { RequireSession } from './RequireSession';
import { SECTIONS } from './sections';

const sectionRoutes: RouteObject[] = SECTIONS.map((section) => ({
  path: section.id,
  element: <SectionGate section={section} />,
  children: [
    { index: true, element: <Navigate to={section.pages[0].path} replace /> },
    ...section.pages.flatMap((page): RouteObject[] => [
      page.load
        ? { path: page.path, lazy: page.load }
        : { path: page.path, element: <PlaceholderPage title={page.label} summary={page.summary} /> },
      ...(page.subpages ?? []).map((sub) => ({ path: `${page.path}/${sub.path}`, lazy: sub.load })),
    ]),
  ],
}));

export const routes: RouteObject[] = [
  {
    ErrorBoundary: RouteError,
    // Shown while the first page's module loads.
    HydrateFallback: () => (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    ),
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      {
        path: '/',
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            ErrorBoundary: RouteError,
            children: [
              { index: true, element: <HomeRedirect /> },
              ...sectionRoutes,
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);

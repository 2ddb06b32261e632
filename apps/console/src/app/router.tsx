// The routes, made from app/sections.tsx: /sign-in and the public registry (/registry), then, behind a session, every section's pages
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
      // The public registry: no session; each page its own chunk.
      {
        path: '/registry',
        lazy: () => import('../features/registry/RegistryLayout'),
        children: [
          { index: true, lazy: () => import('../features/registry/RegistryPage') },
          { path: 'programmes/:id', lazy: () => import('../features/registry/RegistryProgrammePage') },
          { path: 'reports/:id', lazy: () => import('../features/registry/RegistryReportPage') },
        ],
      },
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

// The small pages between the real ones: the home redirect, "not for your role", "not found", and
// the error boundary (a page's module that failed to load, a bug while rendering).
import { Alert, Button, Stack, Text } from '@mantine/core';
import { Link, Navigate, Outlet, isRouteErrorResponse, useRouteError } from 'react-router';
import { useSession } from '../auth/session';
import { PageHeader } from '../ui/PageHeader';
import { type ConsoleSection, homeOf } from './sections';

export function HomeRedirect() {
  return <Navigate to={homeOf(useSession().account.role)} replace />;
}

/** A section's pages, for the roles it lists. */
export function SectionGate({ section }: { section: ConsoleSection }) {
  const { role } = useSession().account;
  if (section.roles.includes(role)) return <Outlet />;
  return (
    <>
      <PageHeader title="Not for your role" />
      <Stack gap="sm" align="flex-start">
        <Text>
          The {section.label.toLowerCase()} pages are for {section.roles.join(', ').toLowerCase()} accounts; you are
          signed in as {role.toLowerCase()}.
        </Text>
        <Button component={Link} to={homeOf(role)}>
          Go to your home page
        </Button>
      </Stack>
    </>
  );
}

export function NotFoundPage() {
  const { role } = useSession().account;
  return (
    <>
      <PageHeader title="Page not found" />
      <Stack gap="sm" align="flex-start">
        <Text>There is no page at this address.</Text>
        <Button component={Link} to={homeOf(role)}>
          Go to your home page
        </Button>
      </Stack>
    </>
  );
}

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Stack p="md" maw={640}>
      <Alert color="red" title="This page could not be shown" role="alert">
        <Text size="sm">{message}</Text>
        <Text size="sm" mt="xs">
          If the console was updated meanwhile, reloading fetches the new version.
        </Text>
      </Alert>
      <Button onClick={() => window.location.reload()} w="fit-content">
        Reload
      </Button>
    </Stack>
  );
}

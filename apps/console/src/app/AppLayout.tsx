// The frame of every signed-in page: a header (the console's name, who is signed in, signing out),
// the navigation of the role's sections (app/sections.tsx) and the page itself.
import {
  Anchor,
  AppShell,
  Badge,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  Progress,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconLogout2 } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useMutation } from 'urql';
import { describeError } from '../api/errors';
import { endSession, useSession } from '../auth/session';
import { SignOutEverywhereDocument } from '../gql/graphql';
import { homeOf, sectionsFor } from './sections';

export function AppLayout() {
  const { account } = useSession();
  const [navOpened, nav] = useDisclosure(false);
  const location = useLocation();
  const loading = useNavigation().state === 'loading';
  const sections = sectionsFor(account.role);

  // A page picked from the navigation on a small screen closes it.
  useEffect(() => nav.close(), [location.pathname]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <Anchor href="#main" className="skip-link">
        Skip to content
      </Anchor>
      <AppShell.Header>
        {loading && (
          <Progress
            value={100}
            animated
            size="xs"
            pos="absolute"
            top={0}
            left={0}
            right={0}
            aria-label="Loading the page"
          />
        )}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
            />
            <Anchor component={Link} to={homeOf(account.role)} fw={700} size="lg" c="inherit" underline="never">
              Sandbridge
            </Anchor>
          </Group>
          <AccountMenu />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Sections">
        {sections.map((section) => (
          <Box key={section.id} mb="md">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4} component="h2">
              {section.label}
            </Text>
            {section.pages.map((page) => {
              const to = `/${section.id}/${page.path}`;
              return (
                <NavLink
                  key={page.path}
                  component={RouterNavLink}
                  to={to}
                  label={page.label}
                  leftSection={<page.icon size={18} stroke={1.6} />}
                  active={location.pathname === to || location.pathname.startsWith(`${to}/`)}
                />
              );
            })}
          </Box>
        ))}
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

const ROLE_WORDS: Record<string, string> = {
  ADMIN: 'Administrator',
  REGULATOR: 'Regulator',
  INNOVATOR: 'Innovator',
  NEGOTIATOR: 'Negotiator',
};

function AccountMenu() {
  const { account } = useSession();
  const [, signOutEverywhere] = useMutation(SignOutEverywhereDocument);

  async function everywhere() {
    const result = await signOutEverywhere({});
    if (result.error && describeError(result.error).code !== 'UNAUTHENTICATED') {
      const { title, message } = describeError(result.error);
      notifications.show({ color: 'red', title, message });
      return;
    }
    endSession('signed-out');
  }

  return (
    // No focus placeholder: axe counts it as a child a menu may not have (aria-required-children).
    <Menu position="bottom-end" width={280} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${account.displayName}`} title={account.email}>
          <Group gap="xs" wrap="nowrap">
            <Box visibleFrom="xs" ta="right">
              <Text size="sm" fw={600} lh={1.2}>
                {account.displayName}
              </Text>
              {account.actsFor && (
                <Text size="xs" c="dimmed" lh={1.2}>
                  {account.actsFor}
                </Text>
              )}
            </Box>
            <Badge variant="light">{ROLE_WORDS[account.role] ?? account.role}</Badge>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => endSession('signed-out')}>
          Sign out
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout2 size={16} />} onClick={() => void everywhere()}>
          Sign out everywhere
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

// The public registry's frame: no sign-in. A header with the registry's name and the way to sign
// in, and the page. Loaded with the first registry page, so the console's own pages never carry it.
import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';

export function Component() {
  return (
    <>
      <Anchor href="#main" className="skip-link">
        Skip to content
      </Anchor>
      <Box component="header" py="sm" px="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Anchor component={Link} to="/registry" fw={700} c="indigo.9" underline="never">
            Sandbridge · Public registry
          </Anchor>
          <Anchor component={Link} to="/sign-in" size="sm" c="indigo.9">
            Sign in
          </Anchor>
        </Group>
      </Box>
      <Container size="lg" py="lg" component="main" id="main">
        <Outlet />
      </Container>
      <Box component="footer" py="md" px="md">
        <Text size="xs" c="dimmed" ta="center">
          What sandbox programmes publish: no sign-in needed. Counts of 1 to 4 enrolments are not shown, so that no one
          can be told apart.
        </Text>
      </Box>
    </>
  );
}

// Sign-in: e-mail and password (`login`), then to where the person was going (`?next=`, when their
// role may open it) or to their role's home. Outside production the API lists its demo accounts
// (`demoAccounts`), each signed in with one click.
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { describeError, errorCode } from '../api/errors';
import { useFormMutation } from '../api/useFormMutation';
import { homeOf, mayOpen } from '../app/sections';
import { ConsoleSignInDocument, type ConsoleSignInMutation, DemoAccountsDocument } from '../gql/graphql';
import { ErrorNotice } from '../ui/ErrorNotice';
import { type Session, startSession, useSessionState } from './session';

/** A `next` that stays in the console: a path of this origin, never `//elsewhere`. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : null;
}

function toSession(login: ConsoleSignInMutation['login']): Session {
  const { account } = login;
  const actsFor = account.authority
    ? `${account.authority.name} (${account.authority.acronym})`
    : (account.organisation?.name ?? account.jurisdiction?.name ?? null);
  return {
    token: login.token,
    expiresAt: login.expiresAt,
    account: { id: account.id, email: account.email, displayName: account.displayName, role: account.role, actsFor },
  };
}

export function SignInPage() {
  const { session } = useSessionState();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const reason = search.get('reason');

  const form = useForm({ initialValues: { email: '', password: '' } });
  // login takes plain arguments (email, password): its field paths carry no `input.` prefix.
  const signIn = useFormMutation(ConsoleSignInDocument, form, { prefix: '' });
  const [demo] = useQuery({ query: DemoAccountsDocument });

  useEffect(() => {
    document.title = 'Sign in · Sandbridge';
  }, []);

  async function submit(values: { email: string; password: string }) {
    const data = await signIn.submit(values);
    // Signed in: the next render leaves this page (below).
    if (data) startSession(toSession(data.login));
  }

  // Signed in (just now, in another tab, or back here with the back button): to the page the person
  // was going to when their role may open it, else to their home.
  if (session) {
    const { role } = session.account;
    return <Navigate to={next && mayOpen(role, next) ? next : homeOf(role)} replace />;
  }

  const refused = signIn.problem && errorCode(signIn.problem.error) === 'UNAUTHENTICATED';
  const demoAccounts = demo.data?.demoAccounts ?? [];

  return (
    <Box component="main" py="xl">
      <Container size={demoAccounts.length ? 'md' : 'xs'}>
        <Stack gap="lg">
          <Title order={1} ta="center">
            Sign in to Sandbridge
          </Title>
          {reason === 'expired' && (
            <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title="Your session has ended">
              Sign in again to go back to where you were.
            </Alert>
          )}
          {reason === 'signed-out' && (
            <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title="You have signed out" />
          )}
          <Center>
            <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={420}>
              <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
                <Stack>
                  {refused ? (
                    <Alert color="red" title="Sign-in refused" role="alert">
                      {signIn.problem!.error.graphQLErrors[0]?.message}
                    </Alert>
                  ) : (
                    <ErrorNotice error={signIn.problem?.error} unplaced={signIn.problem?.unplaced} />
                  )}
                  <TextInput
                    label="E-mail"
                    type="email"
                    autoComplete="username"
                    withAsterisk
                    {...form.getInputProps('email')}
                  />
                  <PasswordInput
                    label="Password"
                    autoComplete="current-password"
                    withAsterisk
                    {...form.getInputProps('password')}
                  />
                  <Button type="submit" loading={signIn.submitting}>
                    Sign in
                  </Button>
                </Stack>
              </form>
            </Paper>
          </Center>
          <Text ta="center" size="sm">
            <Anchor component={Link} to="/registry" c="indigo.9">
              Browse the public registry
            </Anchor>{' '}
            — programmes and published exit reports, no sign-in needed.
          </Text>
          {demo.error && errorCode(demo.error) === 'NETWORK' && (
            <Text c="dimmed" ta="center" size="sm">
              {describeError(demo.error).title}.
            </Text>
          )}
          {demoAccounts.length > 0 && (
            <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="demo-accounts">
              <Title order={2} size="h4" id="demo-accounts">
                Demo accounts
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                This server holds the demo data (never in production). Every demo account's password is{' '}
                <Text span ff="monospace" c="dark">
                  {demoAccounts[0].password}
                </Text>
                .
              </Text>
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Account</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>Acts for</Table.Th>
                      <Table.Th>
                        <span className="visually-hidden">Sign in</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {demoAccounts.map((account) => (
                      <Table.Tr key={account.email}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {account.displayName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {account.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light">{account.role.toLowerCase()}</Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{account.actsFor}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            aria-label={`Sign in as ${account.email}`}
                            disabled={signIn.submitting}
                            onClick={() => void submit({ email: account.email, password: account.password })}
                          >
                            Sign in
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </Stack>
      </Container>
    </Box>
  );
}

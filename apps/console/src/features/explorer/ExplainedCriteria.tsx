// An authority's criteria on a day, in plain words (explain.ts): each criterion's outcome and why,
// its checks (the passport's Checks table) and every result considered with why it counts or not —
// with what changed since the day shown before.
import { Accordion, Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { RecognitionCheckFragment } from '../../gql/graphql';
import { Checks, ConsideredResults } from '../passports/Checks';
import { type Names, RECOGNITION_OUTCOMES } from '../passports/words';
import { explainCriterion, type ExplorerResolution, type Lexicon } from './explain';

export interface ExplainedRow {
  id: string;
  title: string;
  /** The criterion's key, stage: shown small under its title. */
  detail?: string;
  resolution: ExplorerResolution & { checks: RecognitionCheckFragment[] };
}

/** The day shown before, with each criterion's outcome then, and what came into or went out of force since. */
export interface Before {
  day: string;
  outcomes: ReadonlyMap<string, string>;
  came: string[];
  went: string[];
}

export function ExplainedCriteria({
  rows,
  lexicon,
  names,
  before,
  authority,
}: {
  rows: ExplainedRow[];
  lexicon: Lexicon;
  names: Names;
  before: Before | null;
  authority: string;
}) {
  const changed = before
    ? rows.filter((r) => before.outcomes.has(r.id) && before.outcomes.get(r.id) !== r.resolution.outcome)
    : [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="explorer-criteria">
      <Title order={2} size="h3" id="explorer-criteria">
        {authority}&apos;s criteria on {lexicon.asOf}
      </Title>
      {before && (
        <Alert
          color={changed.length ? 'yellow' : 'gray'}
          variant="light"
          title={`Compared with ${before.day}`}
          data-testid="explorer-changes"
        >
          <Stack gap={4}>
            {before.came.length > 0 && (
              <Text size="sm">
                In force on {lexicon.asOf}, not on {before.day}: {before.came.join('; ')}.
              </Text>
            )}
            {before.went.length > 0 && (
              <Text size="sm">
                In force on {before.day}, not on {lexicon.asOf}: {before.went.join('; ')}.
              </Text>
            )}
            <Text size="sm">
              {changed.length === 0
                ? 'No criterion’s outcome changed.'
                : `${changed.length} ${changed.length === 1 ? 'criterion’s outcome changed' : 'criteria’s outcomes changed'}: ${changed.map((r) => r.title).join(', ')}.`}
            </Text>
          </Stack>
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text size="sm">{authority} has no criteria here.</Text>
      ) : (
        <Accordion multiple variant="separated" chevronPosition="left">
          {rows.map((row) => (
            <Row key={row.id} row={row} lexicon={lexicon} names={names} was={before?.outcomes.get(row.id)} />
          ))}
        </Accordion>
      )}
    </Stack>
  );
}

function Row({ row, lexicon, names, was }: { row: ExplainedRow; lexicon: Lexicon; names: Names; was?: string }) {
  const { resolution } = row;
  const words = explainCriterion(resolution, lexicon);
  const outcome = RECOGNITION_OUTCOMES[resolution.outcome];
  const changed = was !== undefined && was !== resolution.outcome;
  return (
    <Accordion.Item value={row.id} data-criterion={row.id} data-outcome={resolution.outcome}>
      <Accordion.Control>
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={0}>
              <Text fw={500}>{row.title}</Text>
              {row.detail && (
                <Text size="xs" c="dimmed">
                  {row.detail}
                </Text>
              )}
            </Stack>
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              {changed && (
                <Badge color="orange" variant="light" data-changed>
                  Changed: was {RECOGNITION_OUTCOMES[was as keyof typeof RECOGNITION_OUTCOMES]?.label ?? was}
                </Badge>
              )}
              <Badge color={outcome.color} variant="light">
                {outcome.label}
              </Badge>
            </Group>
          </Group>
          <Text size="sm" data-summary>
            {words.summary}
          </Text>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">
          <List size="sm" spacing={2}>
            {words.checks.map((c, i) => (
              <List.Item key={`${c.name}-${i}`}>
                {c.passed ? 'Passed' : 'Failed'}: {c.text}
              </List.Item>
            ))}
          </List>
          {resolution.checks.length > 0 && (
            <Checks checks={resolution.checks} names={names} caption={`Checks for ${row.title}`} />
          )}
          {words.candidates.length > 0 && (
            <ConsideredResults
              names={names}
              candidates={words.candidates.map((candidate, i) => ({
                result: candidate.result,
                label: candidate.label.charAt(0).toUpperCase() + candidate.label.slice(1),
                chosen: candidate.chosen,
                reasons: candidate.reasons,
                checks: resolution.candidates[i].checks,
                caption: `Checks of ${candidate.label}`,
              }))}
            />
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

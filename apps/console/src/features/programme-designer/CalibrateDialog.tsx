// Calibration from observed funnels: published cohorts (a JSON file of observations, as
// examples/programme/fca-cohorts.json) or the cohorts recorded on the platform (a programme's funnel:
// each authority's entry tracks decided ADMIT or DECLINE), edited as rows, sent to calibrateProgramme.
// The runnable scenario it answers is handed back; the designer applies it and shows what changed.
import {
  ActionIcon,
  Button,
  FileInput,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { fieldProblems } from '../../api/errors';
import { CalibrateProgrammeDocument, RecordedCohortsDocument } from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { asScenario, type ProgrammeScenario } from './scenario';

interface Observation {
  authority: string;
  jurisdiction: string;
  applications: number;
  admitted: number;
}

const blank = (): Observation => ({ authority: '', jurisdiction: '', applications: 0, admitted: 0 });
const num = (value: number | string) => (typeof value === 'number' ? value : Number(value) || 0);

/** The scenario's authority id of a platform authority (as programmeDesignScenario keys it). */
const keyOf = (code: string, acronym: string) => `${code}-${acronym}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function CalibrateDialog({
  opened,
  onClose,
  programmes,
  onCalibrated,
}: {
  opened: boolean;
  onClose: () => void;
  programmes: { value: string; label: string }[];
  onCalibrated: (calibrated: ProgrammeScenario) => void;
}) {
  const client = useClient();
  const [rows, setRows] = useState<Observation[]>([blank()]);
  const [problem, setProblem] = useState<string | null>(null);
  const [recordedFrom, setRecordedFrom] = useState<string | null>(null);
  const [calibrating, calibrate] = useMutation(CalibrateProgrammeDocument);

  const set = (i: number, change: Partial<Observation>) =>
    setRows((all) => all.map((row, j) => (j === i ? { ...row, ...change } : row)));

  async function readFile(file: File | null) {
    setProblem(null);
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as unknown;
      if (!Array.isArray(parsed)) throw new Error('Not a JSON list of observations');
      setRows(
        parsed.map((o: Partial<Observation>) => ({
          authority: String(o.authority ?? ''),
          jurisdiction: String(o.jurisdiction ?? ''),
          applications: Number(o.applications ?? 0),
          admitted: Number(o.admitted ?? 0),
        })),
      );
    } catch (e) {
      setProblem(`${file.name}: ${(e as Error).message}`);
    }
  }

  async function loadRecorded(programmeId: string | null) {
    setRecordedFrom(programmeId);
    setProblem(null);
    if (!programmeId) return;
    const answer = await client.query(RecordedCohortsDocument, { programmeId }).toPromise();
    if (answer.error || !answer.data) return setProblem(answer.error?.message ?? 'No funnel');
    setRows(
      answer.data.programmeFunnel.authorities.map((a) => ({
        authority: keyOf(a.authority.jurisdiction.code, a.authority.acronym),
        jurisdiction: a.authority.jurisdiction.code,
        applications: a.admitted + a.declined,
        admitted: a.admitted,
      })),
    );
  }

  async function submit() {
    const observations = rows.map((r) => ({
      authority: r.authority.trim(),
      applications: r.applications,
      admitted: r.admitted,
      ...(r.jurisdiction.trim() ? { jurisdiction: r.jurisdiction.trim() } : {}),
    }));
    const answer = await calibrate({ input: { observations } });
    if (!answer.data) return;
    try {
      onCalibrated(asScenario(answer.data.calibrateProgramme));
      onClose();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  return (
    <Dialog opened={opened} onClose={onClose} title="Calibrate from cohorts" size="xl">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">
            Each authority’s screening rate is estimated from the applications it received and admitted: the mean of
            Beta(1 + admitted, 1 + declined), with its 90 % credible interval. Published cohorts come as a file of
            observations; recorded ones are a programme’s entry decisions on this platform.
          </Text>
          <ErrorNotice error={calibrating.error} unplaced={fieldProblems(calibrating.error)} />
          {problem && (
            <Text c="red" size="sm" role="alert">
              {problem}
            </Text>
          )}
          <Group grow align="flex-start">
            <FileInput
              label="Published cohorts"
              description="A JSON list: [{ authority, applications, admitted, jurisdiction? }]"
              accept="application/json,.json"
              clearable
              onChange={(file) => void readFile(file)}
            />
            <Select
              label="Recorded cohorts"
              description="A programme’s entry decisions on the platform"
              placeholder="Choose a programme"
              data={programmes}
              value={recordedFrom}
              onChange={(value) => void loadRecorded(value)}
              clearable
            />
          </Group>
          <Table aria-label="Observations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Authority</Table.Th>
                <Table.Th scope="col">Jurisdiction</Table.Th>
                <Table.Th scope="col">Applications</Table.Th>
                <Table.Th scope="col">Admitted</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Remove</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput
                      aria-label={`Observation ${i + 1}: authority`}
                      value={row.authority}
                      onChange={(e) => set(i, { authority: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Observation ${i + 1}: jurisdiction`}
                      value={row.jurisdiction}
                      onChange={(e) => set(i, { jurisdiction: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Observation ${i + 1}: applications`}
                      min={0}
                      allowDecimal={false}
                      value={row.applications}
                      onChange={(v) => set(i, { applications: num(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Observation ${i + 1}: admitted`}
                      min={0}
                      allowDecimal={false}
                      value={row.admitted}
                      onChange={(v) => set(i, { admitted: num(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove observation ${i + 1}`}
                      disabled={rows.length === 1}
                      onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => setRows((all) => [...all, blank()])}
            >
              Add an observation
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
              <Button type="submit" loading={calibrating.fetching}>
                Calibrate
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

// The regulator's editor of its authority's exit report: the sections it writes (key regulatory
// issues and how they were resolved, serious incidents with how each ended, lessons learned), each
// with who may read it; saved as a draft at the revision read (`expectedRevision`: CONFLICT offers
// Refresh and keeps what was typed), then issued after a confirmation — signed and never changed
// again; a correction is a new version, started from the issued one, that supersedes it.
// The form's values are named as draftExitReport's input: the API's problems land at their fields,
// those issueExitReport finds (`draft.keyIssues`, `draft.incidentOutcomes[<incident>]`) too.
import { Button, Card, Fieldset, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSignature } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import { type FieldProblem, fieldProblems, sentence } from '../../api/errors';
import {
  type Confidentiality,
  DraftExitReportDocument,
  type ExitReportDraftViewFragment,
  type IncidentSeverity,
  IssueExitReportDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { instant } from '../my-enrolments/words';
import { dayOf, SECTION_READERS, SECTIONS, type SectionName } from './words';

export interface SeriousIncident {
  id: string;
  severity: IncidentSeverity;
  description: string;
  reportedAt: string;
}

interface SectionValue {
  text: string;
  confidentiality: Confidentiality;
}

/** What the sections read: a draft's, or an issued document's (a correction starts from it). */
export interface SectionsSource {
  keyIssues?: SectionValue | null;
  seriousIncidents?: SectionValue | null;
  lessonsLearned?: SectionValue | null;
  incidentOutcomes: { incidentId: string; outcome: string }[];
}

type Values = Record<SectionName, SectionValue> & { incidentOutcomes: { incidentId: string; outcome: string }[] };

function valuesFrom(source: SectionsSource | null, incidents: SeriousIncident[]): Values {
  const section = (s: SectionValue | null | undefined): SectionValue => ({
    text: s?.text ?? '',
    confidentiality: s?.confidentiality ?? 'PUBLIC',
  });
  const outcomes = new Map((source?.incidentOutcomes ?? []).map((o) => [o.incidentId, o.outcome]));
  return {
    keyIssues: section(source?.keyIssues),
    seriousIncidents: section(source?.seriousIncidents),
    lessonsLearned: section(source?.lessonsLearned),
    incidentOutcomes: incidents.map((i) => ({ incidentId: i.id, outcome: outcomes.get(i.id) ?? '' })),
  };
}

export interface ExitReportEditorProps {
  enrolmentId: string;
  /** The draft being written; null before the first save. */
  draft: ExitReportDraftViewFragment | null;
  /** Where a new draft starts from (a correction: the issued version's sections). */
  startFrom: SectionsSource | null;
  /** The version a new draft will be (a correction: the issued one's + 1). */
  nextVersion: number;
  seriousIncidents: SeriousIncident[];
  /** CONFLICT's Refresh: reloads the draft; the form keeps what was typed. */
  onRefresh: () => void;
  /** Leaves a correction not saved yet. */
  onCancel?: () => void;
  onIssued: (version: number) => void;
}

export function ExitReportEditor({
  enrolmentId,
  draft,
  startFrom,
  nextVersion,
  seriousIncidents,
  onRefresh,
  onCancel,
  onIssued,
}: ExitReportEditorProps) {
  const headingId = useId();
  const form = useForm<Values>({
    initialValues: valuesFrom(draft?.draft ?? startFrom, seriousIncidents),
  });
  const [saveState, saveDraft] = useMutation(DraftExitReportDocument);
  const [issueState, issueReport] = useMutation(IssueExitReportDocument);
  const [problem, setProblem] = useState<{ error: CombinedError; unplaced: FieldProblem[] } | null>(null);
  const [dialogProblem, setDialogProblem] = useState<CombinedError | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The draft as this page last saved it: newer than `draft` until the page's query reloads.
  const [saved, setSaved] = useState<ExitReportDraftViewFragment | null>(null);
  const current =
    saved && (!draft || (saved.id === draft.id && saved.revision > draft.revision)) ? saved : (draft ?? saved);

  // Another draft than the one the form was filled from (someone else started it, or this one was
  // issued): take its content, unless the person has typed something — then the next save goes to it.
  const draftId = draft?.id ?? null;
  const [filledFrom, setFilledFrom] = useState(draftId);
  useEffect(() => {
    if (draftId === filledFrom) return;
    setFilledFrom(draftId);
    if (draft && !form.isDirty()) {
      const values = valuesFrom(draft.draft, seriousIncidents);
      form.setValues(values);
      form.resetDirty(values);
    }
  }, [draftId]);

  // A serious incident reported since the form was filled gets its outcome field.
  const incidentIds = seriousIncidents.map((i) => i.id).join(',');
  useEffect(() => {
    const have = new Set(form.getValues().incidentOutcomes.map((o) => o.incidentId));
    for (const incident of seriousIncidents)
      if (!have.has(incident.id)) form.insertListItem('incidentOutcomes', { incidentId: incident.id, outcome: '' });
  }, [incidentIds]);

  /** Puts the API's problems at the fields they name; returns those no field took. */
  function place(error: CombinedError, sentOutcomes: number[]): FieldProblem[] {
    const unplaced: FieldProblem[] = [];
    const outcomes = form.getValues().incidentOutcomes;
    for (const p of fieldProblems(error)) {
      const section = /^(?:input|draft)\.(keyIssues|seriousIncidents|lessonsLearned)(?:\.text)?$/.exec(p.path);
      const sent = /^input\.incidentOutcomes(?:\.|\[)(\d+)\]?\.(?:outcome|incidentId)$/.exec(p.path);
      const named = /^draft\.incidentOutcomes\[(.+)\]$/.exec(p.path);
      const at = sent
        ? (sentOutcomes[Number(sent[1])] ?? -1)
        : named
          ? outcomes.findIndex((o) => o.incidentId === named[1])
          : -1;
      if (section) form.setFieldError(`${section[1]}.text`, sentence(p.message));
      else if (at >= 0) form.setFieldError(`incidentOutcomes.${at}.outcome`, sentence(p.message));
      else unplaced.push(p);
    }
    return unplaced;
  }

  /** Saves the form as the draft; resolves with the draft saved, or null (the problem is shown). */
  async function save(values: Values): Promise<ExitReportDraftViewFragment | null> {
    setProblem(null);
    const section = (s: SectionValue) => (s.text.trim() ? { text: s.text, confidentiality: s.confidentiality } : null);
    // Outcomes not written yet are left out (the API takes none empty); `sentOutcomes` maps back to the fields.
    const sentOutcomes = values.incidentOutcomes.flatMap((o, i) => (o.outcome.trim() ? [i] : []));
    const result = await saveDraft({
      input: {
        enrolmentId,
        exitReportId: current?.id ?? null,
        expectedRevision: current?.revision ?? null,
        keyIssues: section(values.keyIssues),
        seriousIncidents: section(values.seriousIncidents),
        lessonsLearned: section(values.lessonsLearned),
        incidentOutcomes: sentOutcomes.map((i) => values.incidentOutcomes[i]),
      },
    });
    if (result.error) {
      setProblem({ error: result.error, unplaced: place(result.error, sentOutcomes) });
      return null;
    }
    const draftSaved = result.data!.draftExitReport;
    setSaved(draftSaved);
    setFilledFrom(draftSaved.id);
    form.resetDirty(values);
    return draftSaved;
  }

  async function submit(values: Values) {
    const draftSaved = await save(values);
    if (draftSaved)
      notifications.show({
        color: 'green',
        title: 'Draft saved',
        message: `Version ${draftSaved.version}, revision ${draftSaved.revision}`,
      });
  }

  /** Saves what is unsaved, then issues the draft at the revision saved. */
  async function issue() {
    setDialogProblem(null);
    let target = current;
    if (!target || form.isDirty()) {
      target = await save(form.getValues());
      if (!target) {
        setConfirming(false);
        return;
      }
    }
    const result = await issueReport({ input: { exitReportId: target.id, expectedRevision: target.revision } });
    if (result.error) {
      if (fieldProblems(result.error).length) {
        // What is missing is marked at its fields, behind the dialog.
        setConfirming(false);
        setProblem({ error: result.error, unplaced: place(result.error, []) });
      } else setDialogProblem(result.error);
      return;
    }
    const issued = result.data!.issueExitReport;
    setConfirming(false);
    notifications.show({
      color: 'green',
      title: `Version ${issued.version} issued`,
      message: 'Signed; it never changes. A correction would be a new version.',
    });
    onIssued(issued.version);
  }

  const version = current?.version ?? nextVersion;
  const supersedes = current ? current.supersedes !== null : nextVersion > 1;

  return (
    <Card withBorder padding="lg">
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-labelledby={headingId}>
        <Stack>
          <div>
            <Title order={4} size="h5" id={headingId}>
              {supersedes ? `Correction: draft of version ${version}` : `Draft of version ${version}`}
            </Title>
            <Text size="sm" c="dimmed">
              {current
                ? `Revision ${current.revision}, saved ${instant(current.updatedAt)}.`
                : 'Not saved yet: nobody else sees it until it is issued.'}
              {supersedes ? ` Once issued it supersedes version ${version - 1}, which stays verifiable.` : ''}
            </Text>
          </div>
          <ErrorNotice
            error={problem?.error}
            unplaced={problem?.unplaced}
            onRefresh={() => {
              setProblem(null);
              onRefresh();
            }}
          />
          {SECTIONS.map((s) => {
            const readers = form.getValues()[s.name].confidentiality;
            return (
              <Fieldset key={s.name} legend={s.label}>
                <Stack gap="sm">
                  <Textarea
                    label="Text"
                    description={s.description}
                    autosize
                    minRows={3}
                    maxLength={20000}
                    {...form.getInputProps(`${s.name}.text`)}
                  />
                  <Select
                    label="Who may read it"
                    description={SECTION_READERS.find((r) => r.value === readers)?.description}
                    data={SECTION_READERS.map((r) => ({ value: r.value, label: r.label }))}
                    allowDeselect={false}
                    maw={360}
                    {...form.getInputProps(`${s.name}.confidentiality`)}
                  />
                  {s.name === 'seriousIncidents' &&
                    (seriousIncidents.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        No serious (high or critical) incident was reported on this enrolment.
                      </Text>
                    ) : (
                      form.getValues().incidentOutcomes.map((o, i) => {
                        const incident = seriousIncidents.find((x) => x.id === o.incidentId);
                        if (!incident) return null;
                        return (
                          <Textarea
                            key={o.incidentId}
                            label={`How the ${incident.severity.toLowerCase()} incident of ${dayOf(incident.reportedAt)} ended`}
                            description={incident.description}
                            autosize
                            minRows={2}
                            maxLength={4000}
                            {...form.getInputProps(`incidentOutcomes.${i}.outcome`)}
                          />
                        );
                      })
                    ))}
                </Stack>
              </Fieldset>
            );
          })}
          <Group justify="space-between">
            <Group gap="sm">
              <Button
                type="submit"
                variant="default"
                leftSection={<IconDeviceFloppy size={16} />}
                loading={saveState.fetching}
              >
                Save draft
              </Button>
              {onCancel && !current && (
                <Button variant="subtle" onClick={onCancel}>
                  Cancel the correction
                </Button>
              )}
            </Group>
            <Button
              leftSection={<IconSignature size={16} />}
              onClick={() => {
                setDialogProblem(null);
                setConfirming(true);
              }}
            >
              Issue…
            </Button>
          </Group>
        </Stack>
      </form>

      <Dialog opened={confirming} onClose={() => setConfirming(false)} title={`Issue version ${version}?`}>
        <Stack>
          <ErrorNotice
            error={dialogProblem}
            onRefresh={() => {
              setDialogProblem(null);
              setConfirming(false);
              onRefresh();
            }}
          />
          <Text size="sm">
            Issuing signs the exit report as it stands now — your authority's exit criteria with their evidence, the
            decisions and their reasons — with the sections as written here
            {form.isDirty() ? ' (your unsaved changes are saved first)' : ''}.
          </Text>
          <Text size="sm" fw={600}>
            An issued report is signed and immutable: it is never changed again. A mistake is corrected by a new version
            that supersedes it.
          </Text>
          <Text size="sm">
            The participant can then consent to publishing its public copy, which leaves out every section not marked
            public.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              leftSection={<IconSignature size={16} />}
              loading={saveState.fetching || issueState.fetching}
              onClick={() => void issue()}
            >
              Issue and sign
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Card>
  );
}

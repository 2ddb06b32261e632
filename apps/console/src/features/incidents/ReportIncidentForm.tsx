// Reporting an incident on an enrolment in testing (reportIncident): severity, what happened, the
// harm caused or risked, the jurisdictions affected. Every participating authority is told at once
// (enrolmentEvents). The values are named as the mutation's input; the API validates.
import { Button, Group, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from 'urql';
import { useFormMutation } from '../../api/useFormMutation';
import {
  IncidentJurisdictionsDocument,
  type IncidentSeverity,
  ReportIncidentDocument,
  type ReviewIncidentFragment,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SEVERITIES } from '../review/words';

interface Values {
  enrolmentId: string;
  severity: IncidentSeverity | '';
  description: string;
  harm: string;
  affectedJurisdictions: string[];
}

export function ReportIncidentForm({
  enrolmentId,
  enrolments,
  defaultJurisdictions = [],
  onReported,
  onCancel,
}: {
  /** The enrolment, when the form is opened on one; otherwise the person chooses among `enrolments`. */
  enrolmentId?: string;
  enrolments?: { value: string; label: string }[];
  defaultJurisdictions?: string[];
  onReported: (incident: ReviewIncidentFragment) => void;
  onCancel: () => void;
}) {
  const [{ data: jurisdictions }] = useQuery({ query: IncidentJurisdictionsDocument });
  const form = useForm<Values>({
    initialValues: {
      enrolmentId: enrolmentId ?? '',
      severity: '',
      description: '',
      harm: '',
      affectedJurisdictions: defaultJurisdictions,
    },
    validate: {
      enrolmentId: (value) => (value ? null : 'Choose the enrolment'),
      severity: (value) => (value ? null : 'Choose a severity'),
    },
  });
  const report = useFormMutation(ReportIncidentDocument, form);

  async function save(values: Values) {
    const data = await report.submit({
      input: { ...values, severity: values.severity as IncidentSeverity, harm: values.harm.trim() || null },
    });
    if (data) onReported(data.reportIncident);
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={report.problem?.error} unplaced={report.problem?.unplaced} />
        {!enrolmentId && (
          <Select
            label="Enrolment"
            description="Enrolments in testing that your authority takes part in"
            placeholder="Choose one"
            data={enrolments ?? []}
            allowDeselect={false}
            withAsterisk
            data-autofocus
            nothingFoundMessage="No enrolment of yours is in testing"
            {...form.getInputProps('enrolmentId')}
          />
        )}
        <Select
          label="Severity"
          placeholder="Choose one"
          data={SEVERITIES.map((s) => ({ value: s.value, label: s.label }))}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('severity')}
        />
        <Textarea
          label="What happened"
          withAsterisk
          autosize
          minRows={3}
          data-autofocus={enrolmentId ? true : undefined}
          {...form.getInputProps('description')}
        />
        <Textarea label="Harm caused or risked" autosize minRows={2} {...form.getInputProps('harm')} />
        <MultiSelect
          label="Affected jurisdictions"
          placeholder="Choose jurisdictions"
          data={(jurisdictions?.jurisdictions.edges ?? []).map(({ node }) => ({
            value: node.code,
            label: `${node.name} (${node.code})`,
          }))}
          searchable
          withAsterisk
          {...form.getInputProps('affectedJurisdictions')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={report.submitting}>
            Report the incident
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

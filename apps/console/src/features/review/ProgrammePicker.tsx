// The programmes the regulator's authority takes part in, and the one chosen (kept in the URL as
// ?programme=<id>, so a chosen programme survives a reload and can be linked to); the first by default.
import { Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ReviewProgrammesDocument, type ReviewProgrammesQuery } from '../../gql/graphql';
import { useMyAuthority } from './useMyAuthority';

export type PickedProgramme = ReviewProgrammesQuery['programmes']['edges'][number]['node'];

export function useProgrammePicker() {
  const me = useMyAuthority();
  const [{ data, fetching, error }, reload] = useQuery({
    query: ReviewProgrammesDocument,
    variables: { authorityId: me.authority?.id ?? '' },
    pause: !me.authority,
  });
  const [params, setParams] = useSearchParams();
  const programmes = data?.programmes.edges.map((e) => e.node) ?? [];
  const chosen = programmes.find((p) => p.id === params.get('programme')) ?? programmes[0] ?? null;

  const picker = (
    <Select
      label="Programme"
      data={programmes.map((p) => ({ value: p.id, label: p.name }))}
      value={chosen?.id ?? null}
      onChange={(value) => value && setParams({ programme: value })}
      allowDeselect={false}
      w={320}
      disabled={programmes.length === 0}
    />
  );
  return {
    programme: chosen,
    programmes,
    picker,
    authority: me.authority,
    fetching: me.fetching || fetching || (!!me.authority && !data && !error),
    error: me.error ?? error,
    reload: () => {
      me.reload();
      reload({ requestPolicy: 'network-only' });
    },
  };
}

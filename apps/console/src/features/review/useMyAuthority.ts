import { useQuery } from 'urql';
import { MyAuthorityDocument } from '../../gql/graphql';

/** The authority the signed-in regulator acts for (its id decides which track is "yours"). */
export function useMyAuthority() {
  const [{ data, fetching, error }, reload] = useQuery({ query: MyAuthorityDocument });
  return {
    authority: data?.me.authority ?? null,
    fetching,
    error,
    reload: () => reload({ requestPolicy: 'network-only' }),
  };
}

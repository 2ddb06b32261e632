// A connection page by page: the first page from urql's useQuery (so a mutation that changes what it
// shows refetches it), further pages fetched on "Load more" with the connection's cursor. When the
// first page is fetched again (a mutation, a reload, other variables), the pages loaded after it are
// dropped: they may no longer follow it.
import { useEffect, useState } from 'react';
import { type AnyVariables, type CombinedError, type TypedDocumentNode, useClient, useQuery } from 'urql';

export interface Connection<TNode> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: TNode }[];
}

export function usePagedQuery<TData, TVariables extends AnyVariables, TNode>(options: {
  query: TypedDocumentNode<TData, TVariables>;
  /** The variables of the first page; `after` is added for the next ones. */
  variables: TVariables;
  connection: (data: TData) => Connection<TNode>;
  pause?: boolean;
  context?: { additionalTypenames: string[] };
}) {
  const { query, variables, connection, pause, context } = options;
  const [result, reexecute] = useQuery({ query, variables, pause, context });
  const client = useClient();
  const [more, setMore] = useState<{ nodes: TNode[]; pageInfo: Connection<TNode>['pageInfo'] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | undefined>();

  const first = result.data ? connection(result.data) : undefined;
  useEffect(() => {
    setMore(null);
    setMoreError(undefined);
  }, [result.data]);

  const pageInfo = more?.pageInfo ?? first?.pageInfo;
  const nodes = first ? [...first.edges.map((e) => e.node), ...(more?.nodes ?? [])] : [];

  async function loadMore() {
    if (!pageInfo?.hasNextPage) return;
    setLoadingMore(true);
    const next = await client
      .query(query, { ...variables, after: pageInfo.endCursor }, { requestPolicy: 'network-only' })
      .toPromise();
    setLoadingMore(false);
    setMoreError(next.error);
    if (!next.data) return;
    const page = connection(next.data);
    setMore((prev) => ({ nodes: [...(prev?.nodes ?? []), ...page.edges.map((e) => e.node)], pageInfo: page.pageInfo }));
  }

  return {
    data: result.data,
    nodes,
    totalCount: first?.totalCount ?? 0,
    hasMore: pageInfo?.hasNextPage ?? false,
    loadMore,
    loadingMore,
    fetching: result.fetching,
    error: result.error ?? moreError,
    reload: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

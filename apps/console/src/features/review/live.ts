// Live events of a programme (`enrolmentEvents` over graphql-ws, with the session's token): each one
// the API lets this account see is handed to `onEvent` once, after its change was committed.
import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { EnrolmentLiveDocument, type EnrolmentLiveSubscription } from '../../gql/graphql';

export type LiveEvent = EnrolmentLiveSubscription['enrolmentEvents'];

export function useEnrolmentEvents(programmeId: string | undefined, onEvent: (event: LiveEvent) => void) {
  const [{ data, error }] = useSubscription({
    query: EnrolmentLiveDocument,
    variables: { programmeId: programmeId ?? '' },
    pause: !programmeId,
  });
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const event = data?.enrolmentEvents;
  useEffect(() => {
    if (event) handler.current(event);
  }, [event]);
  return { error, last: event };
}

import { registerEnumType } from '@nestjs/graphql';
import {
  CriterionOutcome,
  EnrolmentAction,
  EnrolmentState,
  EntryDecision,
  ExitDecision,
  ResultOutcome,
  SuspensionGround,
  TrackState,
  Confidentiality,
  ReportReview,
} from '@sandbridge/domain';

// The enums of enrolments, tracks and test reports, registered once; files that use one import this file.
registerEnumType(EnrolmentState, { name: 'EnrolmentState' });
registerEnumType(TrackState, { name: 'TrackState' });
registerEnumType(EntryDecision, { name: 'EntryDecision' });
registerEnumType(ExitDecision, {
  name: 'ExitDecision',
  description: 'AUTHORISED and REJECTED are final; EXTENDED and REFINEMENT_REQUIRED send the track back to testing.',
});
registerEnumType(EnrolmentAction, { name: 'EnrolmentAction' });
registerEnumType(SuspensionGround, {
  name: 'SuspensionGround',
  description: 'Why an authority suspends its track.',
  valuesMap: {
    BREACH_OF_PLAN: { description: 'The participant departs from the agreed sandbox plan.' },
    UNMITIGABLE_RISK: { description: 'A significant risk has come up that cannot be mitigated while testing goes on.' },
    PARTICIPANT_REQUEST: { description: 'The participant asked for the pause.' },
  },
});
registerEnumType(ResultOutcome, { name: 'ResultOutcome' });
registerEnumType(CriterionOutcome, {
  name: 'CriterionOutcome',
  valuesMap: {
    WITHHELD: {
      description:
        'The result that decided the outcome is in a report you may not read: neither the outcome nor the result is shown.',
    },
  },
});
registerEnumType(Confidentiality, {
  name: 'Confidentiality',
  description:
    'PUBLIC: every authority; PARTICIPANTS: the programme’s authorities; HOME_AUTHORITY: only the authority it was submitted to.',
});
registerEnumType(ReportReview, { name: 'ReportReview' });

import { Criterion } from '../catalogue/criterion.model.js';
import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Programme } from '../programmes/programme.model.js';
import { Authority } from '../reference/authority.model.js';
import { Organisation } from '../reference/organisation.model.js';
import { AiSystem } from '../systems/ai-system.model.js';
import { CriterionEvaluationModel } from './criterion-evaluation.model.js';
import { EnrolmentTrack } from './enrolment-track.model.js';
import { Enrolment } from './enrolment.model.js';
import { CriterionCount, FunnelAuthority } from './programme-funnel.model.js';
import { EntryResult, TestResult } from './result.model.js';
import { CriterionEvaluationPreview, TestResultPreview, TrackEvaluationPreview } from './test-report-preview.model.js';
import { TestReport } from './test-report.model.js';

// The fields of the enrolment area's types that resolve a stored id to the object it names.

const RESULT_CRITERION = 'The criterion (version) the result is for.';

export const EnrolmentReferencesResolver = ReferenceResolver(Enrolment, {
  programme: { type: () => Programme, loader: 'programme', id: (e) => e.programmeId },
  aiSystem: { type: () => AiSystem, loader: 'aiSystem', id: (e) => e.aiSystemId },
  organisation: { type: () => Organisation, loader: 'organisation', id: (e) => e.organisationId },
});

export const EnrolmentTrackReferencesResolver = ReferenceResolver(EnrolmentTrack, {
  authority: { type: () => Authority, loader: 'authority', id: (t) => t.authorityId },
});

export const CriterionEvaluationReferencesResolver = ReferenceResolver(CriterionEvaluationModel, {
  criterion: { type: () => Criterion, loader: 'criterion', id: (e) => e.criterionId },
});

export const TestReportReferencesResolver = ReferenceResolver(TestReport, {
  submittedTo: { type: () => Authority, loader: 'authority', id: (r) => r.submittedTo },
});

export const EntryResultReferencesResolver = ReferenceResolver(EntryResult, {
  criterion: { type: () => Criterion, loader: 'criterion', id: (r) => r.criterionId, description: RESULT_CRITERION },
});

export const TestResultReferencesResolver = ReferenceResolver(TestResult, {
  criterion: { type: () => Criterion, loader: 'criterion', id: (r) => r.criterionId, description: RESULT_CRITERION },
});

export const FunnelAuthorityReferencesResolver = ReferenceResolver(FunnelAuthority, {
  authority: { type: () => Authority, loader: 'authority', id: (row) => row.authorityId },
});

export const CriterionCountReferencesResolver = ReferenceResolver(CriterionCount, {
  criterion: { type: () => Criterion, loader: 'criterion', id: (row) => row.criterionId },
});

export const TestResultPreviewReferencesResolver = ReferenceResolver(TestResultPreview, {
  criterion: { type: () => Criterion, loader: 'criterion', id: (r) => r.criterionId, description: RESULT_CRITERION },
});

export const TrackEvaluationPreviewReferencesResolver = ReferenceResolver(TrackEvaluationPreview, {
  authority: { type: () => Authority, loader: 'authority', id: (t) => t.authorityId },
});

export const CriterionEvaluationPreviewReferencesResolver = ReferenceResolver(CriterionEvaluationPreview, {
  criterion: { type: () => Criterion, loader: 'criterion', id: (c) => c.criterionId },
});

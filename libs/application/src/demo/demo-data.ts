/**
 * Demo data for Sandbridge: standards and clauses, criteria of three authorities, crosswalks, a
 * joint programme and a programme that accepts recognised results, recognition agreements, innovators
 * and accounts (docs/domain.md#reference-data, #programmes-and-the-enrolment-lifecycle and
 * #recognition-agreements). demo-enrolments.ts walks enrolments through the lifecycle on top of it.
 *
 * Sources (clause ids and titles are real; titles are short paraphrases, never the standards' text):
 * - ISO/IEC 42001:2023 Annex A reference controls (A.2–A.10).
 * - ISO/IEC 23894:2023 clause 6 (risk management process), numbered as in NIST's crosswalk
 *   "AI RMF (1.0) and ISO/IEC FDIS 23894".
 * - NIST AI 100-1, AI Risk Management Framework 1.0 (January 2023), subcategories.
 * - Regulation (EU) 2024/1689 (Artificial Intelligence Act), Arts. 9–15 (high-risk requirements),
 *   Art. 57 (AI regulatory sandboxes); Annex III point 5(b) (creditworthiness is high-risk).
 * - AI Verify (IMDA / AI Verify Foundation): the 11 AI governance principles.
 * - FCA Regulatory Sandbox eligibility criteria and default testing parameters; MAS FinTech
 *   Regulatory Sandbox Guidelines (evaluation criteria, boundary conditions, exit and transition);
 *   GFIN cross-border testing (one application, each regulator deciding under its own criteria).
 *
 * The organisations, AI systems, people and thresholds are invented for the demo: they illustrate
 * how authorities might express their expectations, not what any of them actually requires.
 */
import {
  AgreementKind,
  Category,
  Comparator,
  CriterionKind,
  JointEntryRule,
  RecognitionMode,
  Relation,
  RiskClass,
  RuleEffect,
  Stage,
} from '@sandbridge/domain';
import type {
  AuthorityRef,
  DemoAccount,
  DemoAgreement,
  DemoCriterion,
  DemoCrosswalk,
  DemoOrganisation,
  DemoProgramme,
  DemoStandard,
} from './demo-data.types.js';

/** Documented password of every demo account (see README); never use it outside a demo. */
export const DEMO_PASSWORD = 'sandbridge-demo';

const FCA: AuthorityRef = { jurisdiction: 'GB', acronym: 'FCA' };
const MAS: AuthorityRef = { jurisdiction: 'SG', acronym: 'MAS' };
const AI_OFFICE: AuthorityRef = { jurisdiction: 'EU', acronym: 'AI Office' };

const FINANCE = ['FINANCE'];
const HIGH = [RiskClass.HIGH];

export const DEMO_STANDARDS: DemoStandard[] = [
  {
    code: 'ISO/IEC 42001:2023',
    title: 'Information technology — Artificial intelligence — Management system',
    publisher: 'ISO/IEC JTC 1/SC 42',
    clauses: [
      { id: 'ISO42001:A.2.2', ref: 'A.2.2', title: 'AI policy' },
      { id: 'ISO42001:A.3.2', ref: 'A.3.2', title: 'AI roles and responsibilities' },
      { id: 'ISO42001:A.3.3', ref: 'A.3.3', title: 'Reporting of concerns' },
      { id: 'ISO42001:A.5.2', ref: 'A.5.2', title: 'AI system impact assessment process' },
      { id: 'ISO42001:A.5.3', ref: 'A.5.3', title: 'Documentation of AI system impact assessments' },
      {
        id: 'ISO42001:A.5.4',
        ref: 'A.5.4',
        title: 'Assessing AI system impact on individuals or groups of individuals',
      },
      { id: 'ISO42001:A.5.5', ref: 'A.5.5', title: 'Assessing societal impacts of AI systems' },
      { id: 'ISO42001:A.6.2.2', ref: 'A.6.2.2', title: 'AI system requirements and specification' },
      { id: 'ISO42001:A.6.2.4', ref: 'A.6.2.4', title: 'AI system verification and validation' },
      { id: 'ISO42001:A.6.2.5', ref: 'A.6.2.5', title: 'AI system deployment' },
      { id: 'ISO42001:A.6.2.6', ref: 'A.6.2.6', title: 'AI system operation and monitoring' },
      { id: 'ISO42001:A.6.2.7', ref: 'A.6.2.7', title: 'AI system technical documentation' },
      { id: 'ISO42001:A.6.2.8', ref: 'A.6.2.8', title: 'AI system recording of event logs' },
      { id: 'ISO42001:A.7.2', ref: 'A.7.2', title: 'Data for development and enhancement of AI system' },
      { id: 'ISO42001:A.7.4', ref: 'A.7.4', title: 'Quality of data for AI systems' },
      { id: 'ISO42001:A.7.5', ref: 'A.7.5', title: 'Data provenance' },
      { id: 'ISO42001:A.7.6', ref: 'A.7.6', title: 'Data preparation' },
      { id: 'ISO42001:A.8.2', ref: 'A.8.2', title: 'System documentation and information for users' },
      { id: 'ISO42001:A.8.3', ref: 'A.8.3', title: 'External reporting' },
      { id: 'ISO42001:A.8.4', ref: 'A.8.4', title: 'Communication of incidents' },
      { id: 'ISO42001:A.9.2', ref: 'A.9.2', title: 'Processes for responsible use of AI systems' },
      { id: 'ISO42001:A.9.4', ref: 'A.9.4', title: 'Intended use of the AI system' },
      { id: 'ISO42001:A.10.3', ref: 'A.10.3', title: 'Suppliers' },
    ],
  },
  {
    code: 'ISO/IEC 23894:2023',
    title: 'Information technology — Artificial intelligence — Guidance on risk management',
    publisher: 'ISO/IEC JTC 1/SC 42',
    clauses: [
      { id: 'ISO23894:6.2', ref: '6.2', title: 'Communication and consultation' },
      { id: 'ISO23894:6.3.4', ref: '6.3.4', title: 'Defining risk criteria' },
      { id: 'ISO23894:6.4.2', ref: '6.4.2', title: 'Risk identification' },
      { id: 'ISO23894:6.4.3', ref: '6.4.3', title: 'Risk analysis' },
      { id: 'ISO23894:6.4.4', ref: '6.4.4', title: 'Risk evaluation' },
      { id: 'ISO23894:6.5', ref: '6.5', title: 'Risk treatment' },
      { id: 'ISO23894:6.6', ref: '6.6', title: 'Monitoring and review' },
      { id: 'ISO23894:6.7', ref: '6.7', title: 'Recording and reporting' },
    ],
  },
  {
    code: 'NIST AI RMF 1.0',
    title: 'Artificial Intelligence Risk Management Framework (NIST AI 100-1)',
    publisher: 'National Institute of Standards and Technology',
    clauses: [
      {
        id: 'NISTAIRMF:GOVERN-1.1',
        ref: 'GOVERN 1.1',
        title: 'Legal and regulatory requirements involving AI are understood, managed and documented',
      },
      {
        id: 'NISTAIRMF:GOVERN-1.7',
        ref: 'GOVERN 1.7',
        title: 'Processes for decommissioning and phasing out AI systems safely',
      },
      {
        id: 'NISTAIRMF:GOVERN-2.1',
        ref: 'GOVERN 2.1',
        title: 'Roles, responsibilities and lines of communication for AI risk are documented and clear',
      },
      {
        id: 'NISTAIRMF:MAP-1.1',
        ref: 'MAP 1.1',
        title:
          'Intended purposes, beneficial uses, context-specific laws and deployment settings are understood and documented',
      },
      {
        id: 'NISTAIRMF:MAP-1.4',
        ref: 'MAP 1.4',
        title: 'The business value or context of business use is clearly defined',
      },
      {
        id: 'NISTAIRMF:MAP-1.5',
        ref: 'MAP 1.5',
        title: 'Organisational risk tolerances are determined and documented',
      },
      { id: 'NISTAIRMF:MAP-2.1', ref: 'MAP 2.1', title: 'The tasks and methods the AI system implements are defined' },
      {
        id: 'NISTAIRMF:MAP-3.1',
        ref: 'MAP 3.1',
        title: 'Potential benefits of intended AI system functionality are examined and documented',
      },
      {
        id: 'NISTAIRMF:MAP-3.5',
        ref: 'MAP 3.5',
        title: 'Processes for human oversight are defined, assessed and documented',
      },
      {
        id: 'NISTAIRMF:MAP-5.1',
        ref: 'MAP 5.1',
        title: 'Likelihood and magnitude of each identified impact are identified and documented',
      },
      {
        id: 'NISTAIRMF:MEASURE-2.1',
        ref: 'MEASURE 2.1',
        title: 'Test sets, metrics and details about the tools used during TEVV are documented',
      },
      {
        id: 'NISTAIRMF:MEASURE-2.4',
        ref: 'MEASURE 2.4',
        title: 'Functionality and behaviour of the AI system are monitored in production',
      },
      {
        id: 'NISTAIRMF:MEASURE-2.5',
        ref: 'MEASURE 2.5',
        title: 'The AI system is demonstrated to be valid and reliable; limits of generalisability are documented',
      },
      {
        id: 'NISTAIRMF:MEASURE-2.7',
        ref: 'MEASURE 2.7',
        title: 'AI system security and resilience are evaluated and documented',
      },
      {
        id: 'NISTAIRMF:MEASURE-2.9',
        ref: 'MEASURE 2.9',
        title: 'The AI model is explained, validated and documented, and its output interpreted in context',
      },
      {
        id: 'NISTAIRMF:MEASURE-2.10',
        ref: 'MEASURE 2.10',
        title: 'Privacy risk of the AI system is examined and documented',
      },
      {
        id: 'NISTAIRMF:MEASURE-2.11',
        ref: 'MEASURE 2.11',
        title: 'Fairness and bias are evaluated and results are documented',
      },
      {
        id: 'NISTAIRMF:MEASURE-3.3',
        ref: 'MEASURE 3.3',
        title: 'Feedback processes for end users to report problems and appeal outcomes are established',
      },
      {
        id: 'NISTAIRMF:MANAGE-1.1',
        ref: 'MANAGE 1.1',
        title:
          'A determination is made whether the AI system achieves its purpose and whether deployment should proceed',
      },
      {
        id: 'NISTAIRMF:MANAGE-2.4',
        ref: 'MANAGE 2.4',
        title: 'Mechanisms to supersede, disengage or deactivate AI systems are in place and applied',
      },
      {
        id: 'NISTAIRMF:MANAGE-4.1',
        ref: 'MANAGE 4.1',
        title: 'Post-deployment monitoring plans are implemented, including appeal, override and incident response',
      },
      {
        id: 'NISTAIRMF:MANAGE-4.3',
        ref: 'MANAGE 4.3',
        title: 'Incidents and errors are communicated, tracked and recovered from',
      },
    ],
  },
  {
    code: 'Regulation (EU) 2024/1689',
    title: 'Artificial Intelligence Act — requirements for high-risk AI systems and AI regulatory sandboxes',
    publisher: 'European Parliament and Council of the European Union',
    clauses: [
      { id: 'EUAIA:Art.9', ref: 'Art. 9', title: 'Risk management system' },
      {
        id: 'EUAIA:Art.9(2)',
        ref: 'Art. 9(2)',
        title: 'Continuous iterative risk management process: identification, estimation, evaluation and measures',
      },
      { id: 'EUAIA:Art.10', ref: 'Art. 10', title: 'Data and data governance' },
      {
        id: 'EUAIA:Art.10(2)',
        ref: 'Art. 10(2)',
        title: 'Data governance and management practices for training, validation and testing data sets',
      },
      { id: 'EUAIA:Art.10(2)(f)', ref: 'Art. 10(2)(f)', title: 'Examination of data sets for possible biases' },
      {
        id: 'EUAIA:Art.10(3)',
        ref: 'Art. 10(3)',
        title: 'Data sets relevant, sufficiently representative, free of errors and complete',
      },
      { id: 'EUAIA:Art.11', ref: 'Art. 11', title: 'Technical documentation' },
      {
        id: 'EUAIA:Art.11(1)',
        ref: 'Art. 11(1)',
        title: 'Technical documentation drawn up before placing on the market, with the elements of Annex IV',
      },
      { id: 'EUAIA:Art.12', ref: 'Art. 12', title: 'Record-keeping' },
      {
        id: 'EUAIA:Art.12(1)',
        ref: 'Art. 12(1)',
        title: 'Automatic recording of events (logs) over the lifetime of the system',
      },
      { id: 'EUAIA:Art.13', ref: 'Art. 13', title: 'Transparency and provision of information to deployers' },
      {
        id: 'EUAIA:Art.13(1)',
        ref: 'Art. 13(1)',
        title: 'Operation sufficiently transparent for deployers to interpret and use the output',
      },
      {
        id: 'EUAIA:Art.13(2)',
        ref: 'Art. 13(2)',
        title: 'Instructions for use with concise, complete, correct and clear information',
      },
      {
        id: 'EUAIA:Art.13(3)',
        ref: 'Art. 13(3)',
        title: 'Content of the instructions for use, including performance characteristics and limitations',
      },
      { id: 'EUAIA:Art.14', ref: 'Art. 14', title: 'Human oversight' },
      {
        id: 'EUAIA:Art.14(1)',
        ref: 'Art. 14(1)',
        title: 'Designed to be effectively overseen by natural persons, with human-machine interface tools',
      },
      {
        id: 'EUAIA:Art.14(4)',
        ref: 'Art. 14(4)',
        title: 'Overseers able to interpret, disregard, override or reverse output and to interrupt the system',
      },
      { id: 'EUAIA:Art.15', ref: 'Art. 15', title: 'Accuracy, robustness and cybersecurity' },
      {
        id: 'EUAIA:Art.15(1)',
        ref: 'Art. 15(1)',
        title: 'Appropriate level of accuracy, robustness and cybersecurity, consistent throughout the lifecycle',
      },
      {
        id: 'EUAIA:Art.15(3)',
        ref: 'Art. 15(3)',
        title: 'Levels of accuracy and relevant accuracy metrics declared in the instructions for use',
      },
      {
        id: 'EUAIA:Art.15(4)',
        ref: 'Art. 15(4)',
        title: 'Resilience to errors, faults and inconsistencies; technical redundancy',
      },
      {
        id: 'EUAIA:Art.15(5)',
        ref: 'Art. 15(5)',
        title:
          'Resilience against unauthorised third parties exploiting vulnerabilities (poisoning, adversarial examples, confidentiality attacks)',
      },
      {
        id: 'EUAIA:Art.57',
        ref: 'Art. 57',
        title: 'AI regulatory sandboxes: sandbox plan, exit report and written proof of activities',
      },
    ],
  },
  {
    code: 'AI Verify',
    title: 'AI Verify testing framework — AI governance principles',
    publisher: 'Infocomm Media Development Authority / AI Verify Foundation',
    clauses: [
      { id: 'AIVERIFY:transparency', ref: 'Transparency', title: 'Transparency' },
      { id: 'AIVERIFY:explainability', ref: 'Explainability', title: 'Explainability' },
      {
        id: 'AIVERIFY:repeatability-reproducibility',
        ref: 'Repeatability / reproducibility',
        title: 'Repeatability / reproducibility',
      },
      { id: 'AIVERIFY:safety', ref: 'Safety', title: 'Safety' },
      { id: 'AIVERIFY:security', ref: 'Security', title: 'Security' },
      { id: 'AIVERIFY:robustness', ref: 'Robustness', title: 'Robustness' },
      { id: 'AIVERIFY:fairness', ref: 'Fairness', title: 'Fairness' },
      { id: 'AIVERIFY:data-governance', ref: 'Data governance', title: 'Data governance' },
      { id: 'AIVERIFY:accountability', ref: 'Accountability', title: 'Accountability' },
      { id: 'AIVERIFY:human-agency-oversight', ref: 'Human agency and oversight', title: 'Human agency and oversight' },
      {
        id: 'AIVERIFY:inclusive-growth',
        ref: 'Inclusive growth',
        title: 'Inclusive growth, societal and environmental well-being',
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// GB / FCA — Regulatory Sandbox eligibility criteria, testing parameters and exit
// ---------------------------------------------------------------------------------------------
const FCA_CRITERIA: DemoCriterion[] = [
  {
    authority: FCA,
    key: 'entry.in-scope',
    title: 'In scope',
    description:
      'The innovation is a regulated financial activity in the UK, or supports firms that carry one on, and is intended for the UK market.',
    stage: Stage.ENTRY,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.ATTESTATION,
    statement:
      'The AI-enabled service is designed for the UK financial services market and falls within, or supports a firm within, the FCA regulatory perimeter.',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:GOVERN-1.1', 'NISTAIRMF:MAP-1.1'],
  },
  {
    authority: FCA,
    key: 'entry.genuine-innovation',
    title: 'Genuine innovation',
    description:
      'The applicant shows that the AI system is ground-breaking or significantly different from offerings already on the market, with evidence from a review of comparable services.',
    stage: Stage.ENTRY,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'innovation-statement',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MAP-1.4', 'NISTAIRMF:MAP-2.1'],
  },
  {
    authority: FCA,
    key: 'entry.consumer-benefit',
    title: 'Identifiable consumer benefit',
    description:
      'The innovation offers a good prospect of identifiable benefit to consumers, directly or through heightened competition, such as fairer access to credit for thin-file applicants.',
    stage: Stage.ENTRY,
    category: Category.FAIRNESS,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'consumer-benefit-analysis',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MAP-3.1', 'ISO42001:A.5.4'],
  },
  {
    authority: FCA,
    key: 'entry.need-for-sandbox',
    title: 'Need for sandbox support',
    description:
      'The applicant has a genuine need to test with real consumers under FCA supervision, for example because the rules are unclear for the use of AI in creditworthiness assessment.',
    stage: Stage.ENTRY,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.ATTESTATION,
    statement:
      'Testing the service with real consumers requires sandbox support that cannot reasonably be obtained through existing FCA channels.',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:GOVERN-1.1'],
  },
  {
    authority: FCA,
    key: 'entry.readiness-for-testing',
    title: 'Readiness for testing',
    description:
      'The applicant is ready to test in the real market: a testing plan sets objectives, duration, customer numbers and selection, success measures and the resources to run the test.',
    stage: Stage.ENTRY,
    category: Category.SAFETY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'testing-plan',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO42001:A.6.2.4', 'NISTAIRMF:MEASURE-2.1'],
  },
  {
    authority: FCA,
    key: 'entry.customer-safeguards',
    title: 'Customer safeguards, disclosure and redress',
    description:
      'Test customers are told they take part in a sandbox test, and arrangements for complaints, redress and compensation are in place before the first customer is onboarded.',
    stage: Stage.ENTRY,
    category: Category.SAFETY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'customer-safeguards-plan',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO23894:6.5', 'NISTAIRMF:MEASURE-3.3'],
  },
  {
    authority: FCA,
    key: 'entry.data-protection-impact-assessment',
    title: 'Data protection impact assessment',
    description:
      'A data protection impact assessment covers the personal and open-banking data the model uses, its lawful basis and the risks of automated decision-making to the individuals concerned.',
    stage: Stage.ENTRY,
    category: Category.PRIVACY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'data-protection-impact-assessment',
    sectors: [],
    riskClasses: [],
    clauses: ['ISO42001:A.5.2', 'NISTAIRMF:MEASURE-2.10'],
  },
  {
    authority: FCA,
    key: 'testing.auc',
    title: 'Discriminatory power (AUC)',
    description:
      'Area under the ROC curve of the credit model on an out-of-time hold-out sample of test applicants, measured at least monthly during the test.',
    stage: Stage.TESTING,
    category: Category.ACCURACY,
    kind: CriterionKind.METRIC,
    metric: { key: 'accuracy.auc', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.78 },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO42001:A.6.2.4', 'NISTAIRMF:MEASURE-2.5'],
  },
  {
    authority: FCA,
    key: 'testing.calibration',
    title: 'Calibration of predicted default rates',
    description:
      'Expected calibration error between predicted and observed default rates across score bands, so that pricing and affordability decisions rest on reliable probabilities.',
    stage: Stage.TESTING,
    category: Category.ACCURACY,
    kind: CriterionKind.METRIC,
    metric: { key: 'accuracy.expected_calibration_error', unit: 'ratio', comparator: Comparator.LTE, threshold: 0.05 },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MEASURE-2.5'],
  },
  {
    authority: FCA,
    key: 'testing.disparate-impact',
    title: 'Approval-rate parity across protected groups',
    description:
      'Ratio of approval rates between each protected group and the most favoured group, consistent with the Consumer Duty and the Equality Act 2010.',
    stage: Stage.TESTING,
    category: Category.FAIRNESS,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'fairness.disparate_impact_ratio',
      unit: 'ratio',
      comparator: Comparator.BETWEEN,
      threshold: 0.8,
      thresholdHigh: 1.25,
    },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MEASURE-2.11', 'ISO42001:A.5.4'],
  },
  {
    authority: FCA,
    key: 'testing.noise-robustness',
    title: 'Accuracy under input perturbation',
    description:
      'Share of decisions unchanged when transaction features are perturbed with realistic noise and missing values, measured on the hold-out sample.',
    stage: Stage.TESTING,
    category: Category.ROBUSTNESS,
    kind: CriterionKind.METRIC,
    metric: { key: 'robustness.accuracy_under_noise', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.88 },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MEASURE-2.5', 'ISO23894:6.4.3'],
  },
  {
    authority: FCA,
    key: 'testing.explanation-coverage',
    title: 'Reasons given for adverse decisions',
    description:
      'Share of declined or adversely priced applications for which the customer received the principal reasons in plain language, as consumer understanding under the Consumer Duty requires.',
    stage: Stage.TESTING,
    category: Category.TRANSPARENCY,
    kind: CriterionKind.METRIC,
    metric: { key: 'transparency.explanation_coverage', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.98 },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MEASURE-2.9', 'ISO42001:A.8.2'],
  },
  {
    authority: FCA,
    key: 'testing.membership-inference',
    title: 'Resistance to membership inference',
    description:
      'Advantage of a membership-inference attack over random guessing in telling whether an individual’s record was in the training data.',
    stage: Stage.TESTING,
    category: Category.PRIVACY,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'privacy.membership_inference_advantage',
      unit: 'ratio',
      comparator: Comparator.LTE,
      threshold: 0.06,
    },
    sectors: [],
    riskClasses: [],
    clauses: ['NISTAIRMF:MEASURE-2.10'],
  },
  {
    authority: FCA,
    key: 'testing.incident-reporting',
    title: 'Incidents notified to the FCA',
    description:
      'Every incident affecting test customers or the model’s integrity was notified to the FCA case officer within the time agreed in the testing plan.',
    stage: Stage.TESTING,
    category: Category.SECURITY,
    kind: CriterionKind.ATTESTATION,
    statement:
      'All incidents affecting test customers, data or the model were notified to the FCA within the agreed time and recorded with their resolution.',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO42001:A.8.4', 'NISTAIRMF:MANAGE-4.3'],
  },
  {
    authority: FCA,
    key: 'exit.final-report',
    title: 'Final report',
    description:
      'A final report sets out the test’s outcomes against its objectives, the consumer outcomes observed, the lessons learned and the firm’s next steps.',
    stage: Stage.EXIT,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'final-report',
    sectors: [],
    riskClasses: [],
    clauses: ['ISO23894:6.7', 'NISTAIRMF:MANAGE-1.1'],
  },
  {
    authority: FCA,
    key: 'exit.consumer-outcomes',
    title: 'Consumer outcomes and complaints',
    description:
      'Evidence of the outcomes test customers received, with the complaints log and how each complaint and appeal against a model decision was resolved.',
    stage: Stage.EXIT,
    category: Category.FAIRNESS,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'consumer-outcomes-report',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MEASURE-3.3', 'NISTAIRMF:MANAGE-4.1'],
  },
  {
    authority: FCA,
    key: 'exit.human-review-of-declines',
    title: 'Human review of adverse decisions',
    description:
      'Customers could obtain a review of an adverse credit decision by a competent member of staff with the authority to change it.',
    stage: Stage.EXIT,
    category: Category.HUMAN_OVERSIGHT,
    kind: CriterionKind.ATTESTATION,
    statement:
      'Throughout the test every adverse credit decision could be referred to, and changed by, a competent member of staff.',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MAP-3.5', 'NISTAIRMF:MANAGE-2.4'],
  },
  {
    authority: FCA,
    key: 'exit.model-stability',
    title: 'Score stability over the test',
    description:
      'Population stability index of the score distribution between the start and the end of the test, showing the model stayed fit for the customers it served.',
    stage: Stage.EXIT,
    category: Category.ROBUSTNESS,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'robustness.population_stability_index',
      unit: 'index',
      comparator: Comparator.LTE,
      threshold: 0.25,
    },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MEASURE-2.4', 'ISO42001:A.6.2.6'],
  },
  {
    authority: FCA,
    key: 'exit.transition-plan',
    title: 'Exit and transition plan',
    description:
      'A plan for leaving the sandbox: seeking full authorisation or winding down the service, with how existing test customers will be treated in either case.',
    stage: Stage.EXIT,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'exit-plan',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:GOVERN-1.7'],
  },
];

// ---------------------------------------------------------------------------------------------
// SG / MAS — FinTech Regulatory Sandbox evaluation criteria, boundary conditions, exit
// ---------------------------------------------------------------------------------------------
const MAS_CRITERIA: DemoCriterion[] = [
  {
    authority: MAS,
    key: 'entry.innovative-technology',
    title: 'New or emerging technology',
    description:
      'The proposed financial service uses new or emerging technology, or existing technology in an innovative way, described with its model type and data sources.',
    stage: Stage.ENTRY,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'technology-description',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MAP-2.1'],
  },
  {
    authority: MAS,
    key: 'entry.consumer-industry-benefit',
    title: 'Benefit to consumers or the industry',
    description:
      'The service addresses a problem or brings benefits to consumers or the financial industry, with the evidence behind the expected benefit.',
    stage: Stage.ENTRY,
    category: Category.FAIRNESS,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'benefit-statement',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MAP-3.1', 'AIVERIFY:inclusive-growth'],
  },
  {
    authority: MAS,
    key: 'entry.intention-to-deploy',
    title: 'Intention and ability to deploy in Singapore',
    description:
      'The applicant intends, and is able, to deploy the service in Singapore on a broader scale after exiting the sandbox.',
    stage: Stage.ENTRY,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.ATTESTATION,
    statement:
      'The applicant has the intention and the ability to deploy the service in Singapore on a broader scale after a successful sandbox exit.',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:MAP-1.4'],
  },
  {
    authority: MAS,
    key: 'entry.test-scenarios',
    title: 'Test scenarios and expected outcomes',
    description:
      'Test scenarios and expected outcomes are clearly defined, with the schedule on which the applicant will report test progress to MAS.',
    stage: Stage.ENTRY,
    category: Category.SAFETY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'test-scenarios',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO42001:A.6.2.4', 'NISTAIRMF:MEASURE-2.1'],
  },
  {
    authority: MAS,
    key: 'entry.boundary-conditions',
    title: 'Boundary conditions',
    description:
      'Boundary conditions are defined: start and end dates, target customer types, the maximum number of customers, loan and exposure limits, and the safeguards that apply if a limit is reached.',
    stage: Stage.ENTRY,
    category: Category.SAFETY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'boundary-conditions',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO23894:6.3.4', 'NISTAIRMF:MAP-1.5'],
  },
  {
    authority: MAS,
    key: 'entry.risk-assessment',
    title: 'Assessment and mitigation of significant risks',
    description:
      'Significant risks arising from the service, including model, conduct, technology and customer risks, are assessed and the planned mitigations described.',
    stage: Stage.ENTRY,
    category: Category.SAFETY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'risk-assessment',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO23894:6.4.2', 'ISO23894:6.4.3', 'AIVERIFY:safety'],
  },
  {
    authority: MAS,
    key: 'entry.feat-assessment',
    title: 'Fairness, ethics, accountability and transparency assessment',
    description:
      'An assessment of the AI model against the FEAT principles, following the Veritas methodology, names the groups at risk of systematic disadvantage and the fairness objectives chosen.',
    stage: Stage.ENTRY,
    category: Category.FAIRNESS,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'feat-assessment',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['AIVERIFY:fairness', 'AIVERIFY:accountability', 'NISTAIRMF:MAP-5.1'],
  },
  {
    authority: MAS,
    key: 'testing.auc',
    title: 'Discriminatory power (AUC)',
    description:
      'Area under the ROC curve of the scoring model on the Singapore test population, reported at each agreed progress report.',
    stage: Stage.TESTING,
    category: Category.ACCURACY,
    kind: CriterionKind.METRIC,
    metric: { key: 'accuracy.auc', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.75 },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO42001:A.6.2.4'],
  },
  {
    authority: MAS,
    key: 'testing.fairness-parity',
    title: 'Approval-rate parity',
    description:
      'Ratio of approval rates between the groups identified in the FEAT assessment and the most favoured group, measured with the AI Verify fairness test.',
    stage: Stage.TESTING,
    category: Category.FAIRNESS,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'fairness.disparate_impact_ratio',
      unit: 'ratio',
      comparator: Comparator.BETWEEN,
      threshold: 0.75,
      thresholdHigh: 1.33,
    },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['AIVERIFY:fairness', 'NISTAIRMF:MEASURE-2.11'],
  },
  {
    authority: MAS,
    key: 'testing.noise-robustness',
    title: 'Robustness to input perturbation',
    description:
      'Accuracy of the model on test inputs perturbed with realistic noise, measured with the AI Verify robustness test.',
    stage: Stage.TESTING,
    category: Category.ROBUSTNESS,
    kind: CriterionKind.METRIC,
    metric: { key: 'robustness.accuracy_under_noise', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.85 },
    sectors: [],
    riskClasses: [],
    clauses: ['AIVERIFY:robustness', 'ISO42001:A.6.2.4'],
  },
  {
    authority: MAS,
    key: 'testing.adversarial-robustness',
    title: 'Resistance to adversarial inputs',
    description:
      'Success rate of crafted adversarial inputs in flipping a decline into an approval, from a red-team exercise agreed with MAS.',
    stage: Stage.TESTING,
    category: Category.SECURITY,
    kind: CriterionKind.METRIC,
    metric: { key: 'security.adversarial_success_rate', unit: 'ratio', comparator: Comparator.LTE, threshold: 0.15 },
    sectors: [],
    riskClasses: [],
    clauses: ['AIVERIFY:security', 'NISTAIRMF:MEASURE-2.7'],
  },
  {
    authority: MAS,
    key: 'testing.explainability',
    title: 'Explanations for customers',
    description:
      'Share of declined applications for which a feature-attribution explanation was generated and conveyed to the customer, per the AI Verify explainability test.',
    stage: Stage.TESTING,
    category: Category.TRANSPARENCY,
    kind: CriterionKind.METRIC,
    metric: { key: 'transparency.explanation_coverage', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.9 },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['AIVERIFY:explainability', 'AIVERIFY:transparency'],
  },
  {
    authority: MAS,
    key: 'testing.reproducibility',
    title: 'Reproducible decisions',
    description:
      'Share of decisions reproduced exactly when the same inputs are re-scored with the same model version, showing decisions can be reconstructed on request.',
    stage: Stage.TESTING,
    category: Category.ROBUSTNESS,
    kind: CriterionKind.METRIC,
    metric: { key: 'robustness.decision_reproducibility', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.99 },
    sectors: [],
    riskClasses: [],
    clauses: ['AIVERIFY:repeatability-reproducibility'],
  },
  {
    authority: MAS,
    key: 'testing.membership-inference',
    title: 'Resistance to membership inference',
    description:
      'Advantage of a membership-inference attack over random guessing, as one measure of the protection of personal data under the PDPA.',
    stage: Stage.TESTING,
    category: Category.PRIVACY,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'privacy.membership_inference_advantage',
      unit: 'ratio',
      comparator: Comparator.LTE,
      threshold: 0.08,
    },
    sectors: [],
    riskClasses: [],
    clauses: ['NISTAIRMF:MEASURE-2.10'],
  },
  {
    authority: MAS,
    key: 'testing.data-lineage',
    title: 'Data provenance and lineage',
    description:
      'A lineage record traces each training and scoring data source to its origin, licence and consent basis, following the AI Verify data governance process checks.',
    stage: Stage.TESTING,
    category: Category.DATA_GOVERNANCE,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'data-lineage-record',
    sectors: [],
    riskClasses: [],
    clauses: ['AIVERIFY:data-governance', 'ISO42001:A.7.5'],
  },
  {
    authority: MAS,
    key: 'testing.override-latency',
    title: 'Time to take effect of a human override',
    description:
      'Median time between a credit officer overriding a model decision and the override taking effect for the customer.',
    stage: Stage.TESTING,
    category: Category.HUMAN_OVERSIGHT,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'human_oversight.override_latency_seconds',
      unit: 'seconds',
      comparator: Comparator.LTE,
      threshold: 120,
    },
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['AIVERIFY:human-agency-oversight'],
  },
  {
    authority: MAS,
    key: 'exit.boundary-compliance',
    title: 'Operation within boundary conditions',
    description:
      'The service stayed within its boundary conditions for the whole test, and any breach was reported to MAS with the action taken.',
    stage: Stage.EXIT,
    category: Category.SAFETY,
    kind: CriterionKind.ATTESTATION,
    statement:
      'The service operated within the agreed boundary conditions throughout the test, and every breach was reported to MAS promptly.',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['ISO23894:6.6'],
  },
  {
    authority: MAS,
    key: 'exit.exit-transition-strategy',
    title: 'Exit and transition strategy',
    description:
      'An acceptable strategy for discontinuing the service, or for deploying it on a broader scale, once the sandbox period ends, including customer obligations outstanding at exit.',
    stage: Stage.EXIT,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'exit-transition-strategy',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['NISTAIRMF:GOVERN-1.7', 'NISTAIRMF:MANAGE-1.1'],
  },
  {
    authority: MAS,
    key: 'exit.outcome-report',
    title: 'Sandbox outcome report',
    description:
      'A report of the test outcomes against the expected outcomes defined at entry, with the AI Verify test results and process-check answers.',
    stage: Stage.EXIT,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'outcome-report',
    sectors: [],
    riskClasses: [],
    clauses: ['ISO23894:6.7', 'AIVERIFY:accountability'],
  },
  {
    authority: MAS,
    key: 'exit.human-oversight',
    title: 'Human oversight in operation',
    description:
      'Credit officers reviewed the cases the model flagged for review and could override its decisions, and the overrides were recorded.',
    stage: Stage.EXIT,
    category: Category.HUMAN_OVERSIGHT,
    kind: CriterionKind.ATTESTATION,
    statement:
      'Human reviewers examined the cases flagged for review and could override any model decision; every override is recorded.',
    sectors: FINANCE,
    riskClasses: [],
    clauses: ['AIVERIFY:human-agency-oversight', 'NISTAIRMF:MAP-3.5'],
  },
];

// ---------------------------------------------------------------------------------------------
// EU / AI Office — AI regulatory sandbox (Art. 57) and high-risk requirements (Arts. 9–15)
// ---------------------------------------------------------------------------------------------
const AI_OFFICE_CRITERIA: DemoCriterion[] = [
  {
    authority: AI_OFFICE,
    key: 'entry.sandbox-plan',
    title: 'Sandbox plan',
    description:
      'A sandbox plan agreed with the competent authority sets the objectives, conditions, timeframes, methods and requirements of the activities carried out in the sandbox.',
    stage: Stage.ENTRY,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'sandbox-plan',
    sectors: [],
    riskClasses: [],
    clauses: ['EUAIA:Art.57', 'NISTAIRMF:MAP-1.1'],
  },
  {
    authority: AI_OFFICE,
    key: 'entry.intended-purpose',
    title: 'Intended purpose defined',
    description:
      'The provider defines the intended purpose of the system and the conditions under which it may be used, and the sandbox test stays within them.',
    stage: Stage.ENTRY,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.ATTESTATION,
    statement:
      'The intended purpose of the AI system is documented and the system will be tested only within that purpose.',
    sectors: [],
    riskClasses: [],
    clauses: ['ISO42001:A.9.4', 'EUAIA:Art.13(3)'],
  },
  {
    authority: AI_OFFICE,
    key: 'entry.risk-management-system',
    title: 'Risk management system',
    description:
      'A documented risk management system identifies, estimates and evaluates the risks to health, safety and fundamental rights, and the measures adopted, across the system’s lifecycle.',
    stage: Stage.ENTRY,
    category: Category.SAFETY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'risk-management-plan',
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.9', 'EUAIA:Art.9(2)', 'ISO23894:6.4.2'],
  },
  {
    authority: AI_OFFICE,
    key: 'entry.data-governance',
    title: 'Data and data governance',
    description:
      'Training, validation and testing data sets are subject to documented governance practices and are relevant, sufficiently representative and, to the best extent possible, free of errors and complete.',
    stage: Stage.ENTRY,
    category: Category.DATA_GOVERNANCE,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'data-governance-report',
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.10(2)', 'EUAIA:Art.10(3)', 'ISO42001:A.7.4'],
  },
  {
    authority: AI_OFFICE,
    key: 'entry.technical-documentation',
    title: 'Technical documentation (Annex IV)',
    description:
      'Technical documentation containing at least the elements of Annex IV is drawn up and kept up to date, so that compliance with the high-risk requirements can be assessed.',
    stage: Stage.ENTRY,
    category: Category.TRANSPARENCY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'technical-documentation-annex-iv',
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.11(1)', 'ISO42001:A.6.2.7'],
  },
  {
    authority: AI_OFFICE,
    key: 'testing.auc',
    title: 'Declared accuracy (AUC)',
    description:
      'Area under the ROC curve on a representative test set, as the accuracy level the provider declares in the instructions for use.',
    stage: Stage.TESTING,
    category: Category.ACCURACY,
    kind: CriterionKind.METRIC,
    metric: { key: 'accuracy.auc', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.8 },
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.15(1)', 'EUAIA:Art.15(3)', 'ISO42001:A.6.2.4'],
  },
  {
    authority: AI_OFFICE,
    key: 'testing.disparate-impact',
    title: 'Bias in outcomes across groups',
    description:
      'Ratio of favourable-outcome rates between groups defined by characteristics protected under Union law, following the bias examination of the data sets.',
    stage: Stage.TESTING,
    category: Category.FAIRNESS,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'fairness.disparate_impact_ratio',
      unit: 'ratio',
      comparator: Comparator.BETWEEN,
      threshold: 0.85,
      thresholdHigh: 1.18,
    },
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.10(2)(f)', 'NISTAIRMF:MEASURE-2.11'],
  },
  {
    authority: AI_OFFICE,
    key: 'testing.noise-robustness',
    title: 'Resilience to errors and inconsistencies',
    description:
      'Accuracy retained when inputs contain realistic errors, faults or inconsistencies, as a measure of the resilience the regulation requires.',
    stage: Stage.TESTING,
    category: Category.ROBUSTNESS,
    kind: CriterionKind.METRIC,
    metric: { key: 'robustness.accuracy_under_noise', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.9 },
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.15(4)', 'ISO42001:A.6.2.4'],
  },
  {
    authority: AI_OFFICE,
    key: 'testing.adversarial-robustness',
    title: 'Resilience to adversarial examples',
    description:
      'Success rate of adversarial examples (model evasion) in altering the system’s outputs, from testing against AI-specific vulnerabilities.',
    stage: Stage.TESTING,
    category: Category.SECURITY,
    kind: CriterionKind.METRIC,
    metric: { key: 'security.adversarial_success_rate', unit: 'ratio', comparator: Comparator.LTE, threshold: 0.1 },
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.15(5)', 'NISTAIRMF:MEASURE-2.7'],
  },
  {
    authority: AI_OFFICE,
    key: 'testing.membership-inference',
    title: 'Resilience to confidentiality attacks',
    description:
      'Advantage of a membership-inference attack over random guessing, as a measure of resilience against confidentiality attacks on the training data.',
    stage: Stage.TESTING,
    category: Category.PRIVACY,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'privacy.membership_inference_advantage',
      unit: 'ratio',
      comparator: Comparator.LTE,
      threshold: 0.05,
    },
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.15(5)', 'NISTAIRMF:MEASURE-2.10'],
  },
  {
    authority: AI_OFFICE,
    key: 'testing.explanation-coverage',
    title: 'Interpretable output for deployers',
    description:
      'Share of outputs delivered with the information deployers need to interpret them, such as the main factors behind each score.',
    stage: Stage.TESTING,
    category: Category.TRANSPARENCY,
    kind: CriterionKind.METRIC,
    metric: { key: 'transparency.explanation_coverage', unit: 'ratio', comparator: Comparator.GTE, threshold: 0.95 },
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.13(1)', 'NISTAIRMF:MEASURE-2.9'],
  },
  {
    authority: AI_OFFICE,
    key: 'testing.override-latency',
    title: 'Effective override by the human overseer',
    description:
      'Median time between the human overseer disregarding, overriding or reversing an output and that decision taking effect.',
    stage: Stage.TESTING,
    category: Category.HUMAN_OVERSIGHT,
    kind: CriterionKind.METRIC,
    metric: {
      key: 'human_oversight.override_latency_seconds',
      unit: 'seconds',
      comparator: Comparator.LTE,
      threshold: 60,
    },
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.14(4)'],
  },
  {
    authority: AI_OFFICE,
    key: 'testing.event-logging',
    title: 'Automatic event logging',
    description:
      'The system automatically records events over its lifetime, enough to trace its functioning and identify situations that may present a risk; a logging specification and sample logs are supplied.',
    stage: Stage.TESTING,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'logging-specification',
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.12(1)', 'ISO42001:A.6.2.8'],
  },
  {
    authority: AI_OFFICE,
    key: 'exit.instructions-for-use',
    title: 'Instructions for use',
    description:
      'Instructions for use state the provider’s identity, the system’s characteristics, capabilities and limitations, its declared accuracy metrics and the human oversight measures.',
    stage: Stage.EXIT,
    category: Category.TRANSPARENCY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'instructions-for-use',
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.13(2)', 'EUAIA:Art.13(3)', 'ISO42001:A.8.2'],
  },
  {
    authority: AI_OFFICE,
    key: 'exit.human-oversight-measures',
    title: 'Human oversight measures',
    description:
      'Oversight measures built into the system or to be implemented by deployers let the overseer understand its limits, stay aware of automation bias, override its output and interrupt it.',
    stage: Stage.EXIT,
    category: Category.HUMAN_OVERSIGHT,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'human-oversight-design',
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.14(1)', 'EUAIA:Art.14(4)'],
  },
  {
    authority: AI_OFFICE,
    key: 'exit.residual-risk-acceptable',
    title: 'Residual risk judged acceptable',
    description:
      'After the risk management measures, the residual risk of each hazard and the overall residual risk are judged acceptable and communicated to deployers.',
    stage: Stage.EXIT,
    category: Category.SAFETY,
    kind: CriterionKind.ATTESTATION,
    statement:
      'The residual risks of the AI system, individually and overall, are judged acceptable and are set out in the information provided to deployers.',
    sectors: [],
    riskClasses: HIGH,
    clauses: ['EUAIA:Art.9', 'ISO23894:6.4.4', 'ISO23894:6.5'],
  },
  {
    authority: AI_OFFICE,
    key: 'exit.exit-report',
    title: 'Exit report',
    description:
      'An exit report details the activities carried out in the sandbox, their results and the learning outcomes, for the written proof of successful sandbox activities.',
    stage: Stage.EXIT,
    category: Category.ACCOUNTABILITY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'exit-report',
    sectors: [],
    riskClasses: [],
    clauses: ['EUAIA:Art.57', 'ISO23894:6.7'],
  },
  {
    authority: AI_OFFICE,
    key: 'exit.post-market-monitoring',
    title: 'Post-market monitoring plan',
    description:
      'A plan for monitoring the system once placed on the market, with the data collected, the performance indicators tracked and how serious incidents will be reported.',
    stage: Stage.EXIT,
    category: Category.SAFETY,
    kind: CriterionKind.EVIDENCE,
    evidenceType: 'post-market-monitoring-plan',
    sectors: [],
    riskClasses: HIGH,
    clauses: ['NISTAIRMF:MANAGE-4.1', 'ISO42001:A.6.2.6'],
  },
];

export const DEMO_CRITERIA: DemoCriterion[] = [...FCA_CRITERIA, ...MAS_CRITERIA, ...AI_OFFICE_CRITERIA];

export const DEMO_CROSSWALKS: DemoCrosswalk[] = [
  {
    from: { ...MAS, key: 'testing.noise-robustness' },
    to: { ...AI_OFFICE, key: 'testing.noise-robustness' },
    relation: Relation.EQUIVALENT,
    note: 'AI Verify robustness test maps to Art. 15(4) robustness on the same metric; MAS threshold lower.',
  },
  {
    from: { ...FCA, key: 'testing.noise-robustness' },
    to: { ...AI_OFFICE, key: 'testing.noise-robustness' },
    relation: Relation.EQUIVALENT,
    note: 'Same perturbation metric; FCA cites NIST MEASURE 2.5 instead of Art. 15(4), so only this explicit mapping links them.',
  },
  {
    from: { ...MAS, key: 'testing.explainability' },
    to: { ...AI_OFFICE, key: 'testing.explanation-coverage' },
    relation: Relation.SUBSET,
    note: 'MAS counts explanations for declined applications only; Art. 13(1) expects interpretable output for every decision.',
  },
  {
    from: { ...MAS, key: 'testing.override-latency' },
    to: { ...AI_OFFICE, key: 'testing.override-latency' },
    relation: Relation.EQUIVALENT,
    note: 'AI Verify human agency and oversight measured like Art. 14(4) overrides; MAS tolerates 120 s against 60 s.',
  },
  {
    from: { ...MAS, key: 'entry.risk-assessment' },
    to: { ...AI_OFFICE, key: 'entry.risk-management-system' },
    relation: Relation.SUBSET,
    note: 'MAS asks for an assessment of significant risks at entry; Art. 9 requires a continuous lifecycle risk management system.',
  },
  {
    from: { ...AI_OFFICE, key: 'entry.data-governance' },
    to: { ...MAS, key: 'testing.data-lineage' },
    relation: Relation.SUPERSET,
    note: 'Art. 10 covers data set design, bias examination and gaps as well as provenance; AI Verify data governance checks lineage only.',
  },
  {
    from: { ...FCA, key: 'entry.readiness-for-testing' },
    to: { ...MAS, key: 'entry.test-scenarios' },
    relation: Relation.INTERSECTS,
    note: 'Both require a testing plan; FCA also weighs resources and customer selection, MAS also expects expected outcomes and a reporting schedule.',
  },
  {
    from: { ...FCA, key: 'entry.consumer-benefit' },
    to: { ...MAS, key: 'entry.consumer-industry-benefit' },
    relation: Relation.INTERSECTS,
    note: 'FCA requires benefit to consumers, directly or via competition; MAS accepts benefit to consumers or to the industry.',
  },
  {
    from: { ...FCA, key: 'exit.human-review-of-declines' },
    to: { ...AI_OFFICE, key: 'exit.human-oversight-measures' },
    relation: Relation.SUBSET,
    note: 'FCA attests that adverse decisions could be reviewed by staff; Art. 14 also requires automation-bias awareness and a stop procedure.',
  },
  {
    from: { ...MAS, key: 'exit.exit-transition-strategy' },
    to: { ...FCA, key: 'exit.transition-plan' },
    relation: Relation.EQUIVALENT,
    note: 'Both require a plan to discontinue the service or scale it after the sandbox, including the treatment of existing customers.',
  },
  {
    from: { ...FCA, key: 'exit.final-report' },
    to: { ...AI_OFFICE, key: 'exit.exit-report' },
    relation: Relation.INTERSECTS,
    note: 'Both report test outcomes and lessons learned; the Art. 57 exit report also serves as written proof for conformity assessment.',
  },
  {
    from: { ...MAS, key: 'exit.human-oversight' },
    to: { ...FCA, key: 'exit.human-review-of-declines' },
    relation: Relation.SUPERSET,
    note: 'MAS covers review of every flagged case with recorded overrides; the FCA attestation covers adverse decisions only.',
  },
];

/** Criteria keys attached to the programme per authority; `optional` ones are attached with mandatory: false. */
const attach = (authority: AuthorityRef, keys: string[], optional: string[] = []): DemoProgramme['criteria'] => [
  ...keys.map((key) => ({ authority, key })),
  ...optional.map((key) => ({ authority, key, mandatory: false })),
];

export const DEMO_PROGRAMME: DemoProgramme = {
  name: 'Cross-border AI credit-scoring pilot',
  description:
    'A joint sandbox in the spirit of the GFIN cross-border testing pilot: one application reaches the FCA, MAS and the EU AI Office, and each authority admits, tests and exits the AI credit-scoring system under its own criteria. Tests run in parallel for up to six months.',
  lead: FCA,
  participants: [FCA, MAS, AI_OFFICE],
  sectors: FINANCE,
  applicationOpens: '2026-09-01',
  applicationCloses: '2026-12-31',
  maxTestingDays: 180,
  cohortCapacity: 12,
  jointEntryRule: JointEntryRule.EACH_AUTHORITY,
  criteria: [
    ...attach(
      FCA,
      [
        'entry.in-scope',
        'entry.genuine-innovation',
        'entry.consumer-benefit',
        'entry.need-for-sandbox',
        'entry.readiness-for-testing',
        'entry.customer-safeguards',
        'testing.auc',
        'testing.disparate-impact',
        'testing.noise-robustness',
        'testing.explanation-coverage',
        'testing.incident-reporting',
        'exit.final-report',
        'exit.consumer-outcomes',
        'exit.human-review-of-declines',
        'exit.transition-plan',
      ],
      ['entry.data-protection-impact-assessment', 'testing.membership-inference', 'exit.model-stability'],
    ),
    ...attach(
      MAS,
      [
        'entry.innovative-technology',
        'entry.consumer-industry-benefit',
        'entry.intention-to-deploy',
        'entry.test-scenarios',
        'entry.boundary-conditions',
        'entry.risk-assessment',
        'testing.auc',
        'testing.fairness-parity',
        'testing.noise-robustness',
        'testing.adversarial-robustness',
        'testing.explainability',
        'testing.override-latency',
        'exit.boundary-compliance',
        'exit.exit-transition-strategy',
        'exit.outcome-report',
      ],
      ['entry.feat-assessment', 'testing.reproducibility', 'testing.data-lineage', 'exit.human-oversight'],
    ),
    ...attach(
      AI_OFFICE,
      [
        'entry.sandbox-plan',
        'entry.intended-purpose',
        'entry.risk-management-system',
        'entry.data-governance',
        'entry.technical-documentation',
        'testing.auc',
        'testing.disparate-impact',
        'testing.noise-robustness',
        'testing.adversarial-robustness',
        'testing.explanation-coverage',
        'testing.override-latency',
        'testing.event-logging',
        'exit.instructions-for-use',
        'exit.human-oversight-measures',
        'exit.residual-risk-acceptable',
        'exit.exit-report',
      ],
      ['testing.membership-inference', 'exit.post-market-monitoring'],
    ),
  ],
};

/**
 * A MAS-led programme that counts results recognised through agreements in force as met: a credit
 * model already tested and accepted in the Union or the UK is tested in Singapore only where the
 * agreements leave a gap (demo-enrolments.ts admits the Nordvik Consumer Credit Model to it).
 */
export const DEMO_FAST_TRACK: DemoProgramme = {
  name: 'Singapore fast track for AI credit models tested abroad',
  description:
    'A MAS sandbox for credit models already tested under another authority: results recognised through the EU–Singapore and UK–Singapore arrangements count as met, so only the gaps are tested in Singapore. Testing lasts up to three months.',
  lead: MAS,
  participants: [MAS],
  sectors: FINANCE,
  applicationOpens: '2026-10-01',
  applicationCloses: '2027-03-31',
  maxTestingDays: 90,
  cohortCapacity: 6,
  jointEntryRule: JointEntryRule.EACH_AUTHORITY,
  acceptsRecognisedResults: true,
  criteria: attach(
    MAS,
    [
      'entry.innovative-technology',
      'entry.intention-to-deploy',
      'entry.boundary-conditions',
      'testing.auc',
      'testing.fairness-parity',
      'testing.noise-robustness',
      'testing.adversarial-robustness',
      'testing.explainability',
      'testing.override-latency',
      'exit.boundary-compliance',
      'exit.exit-transition-strategy',
      'exit.outcome-report',
    ],
    ['entry.test-scenarios', 'testing.reproducibility', 'exit.human-oversight'],
  ),
};

/** Every demo programme: the joint pilot first. */
export const DEMO_PROGRAMMES: DemoProgramme[] = [DEMO_PROGRAMME, DEMO_FAST_TRACK];

/**
 * Recognition agreements, drafted, proposed and approved by the parties' demo negotiators: EU–SG and
 * GB–SG in force (with conditions, a conditional recognition and an EXCLUDE rule), GB–EU proposed and
 * awaiting the EU's approval. Against the demo's accepted reports they recognise some results and
 * leave gaps elsewhere (the passports of the Nordvik Consumer Credit Model and the Merlion Premium
 * Instalment Scorer show both).
 */
export const DEMO_AGREEMENTS: DemoAgreement[] = [
  {
    name: 'EU–Singapore mutual recognition of AI test results',
    kind: AgreementKind.BILATERAL,
    parties: ['SG', 'EU'],
    effectiveFromDays: -180,
    approvals: ['SG', 'EU'],
    rules: [
      {
        name: 'EU-tested accuracy, robustness, fairness and security results, recognised by Singapore',
        origins: ['EU'],
        recognising: ['SG'],
        categories: [Category.ACCURACY, Category.ROBUSTNESS, Category.FAIRNESS, Category.SECURITY],
        stages: [Stage.TESTING],
        mode: RecognitionMode.CONFORMITY,
        effect: RuleEffect.RECOGNISE,
        conditions: { requireAccreditedLab: true, maxResultAgeDays: 365 },
      },
      {
        name: 'Singapore-tested robustness and security results of high-risk systems, recognised in the Union',
        origins: ['SG'],
        recognising: ['EU'],
        categories: [Category.ROBUSTNESS, Category.SECURITY],
        riskClasses: [RiskClass.HIGH],
        mode: RecognitionMode.CONFORMITY,
        effect: RuleEffect.RECOGNISE,
        conditions: { requireAccreditedLab: true, accreditationBodies: ['SAC'], minMargin: 0.01 },
      },
      {
        name: 'No recognition of Singapore privacy tests in the Union',
        origins: ['SG'],
        recognising: ['EU'],
        categories: [Category.PRIVACY],
        effect: RuleEffect.EXCLUDE,
      },
    ],
  },
  {
    name: 'UK–Singapore AI assurance arrangement',
    kind: AgreementKind.BILATERAL,
    parties: ['GB', 'SG'],
    effectiveFromDays: -120,
    approvals: ['GB', 'SG'],
    rules: [
      {
        name: 'Singapore-tested accuracy, fairness and robustness results, recognised by the UK',
        origins: ['SG'],
        recognising: ['GB'],
        categories: [Category.ACCURACY, Category.FAIRNESS, Category.ROBUSTNESS],
        mode: RecognitionMode.EQUIVALENCE,
        effect: RuleEffect.RECOGNISE,
        conditions: { requireAccreditedLab: true, maxResultAgeDays: 365 },
      },
      {
        name: 'UK-tested fairness, oversight and accountability results, recognised by Singapore with a review',
        origins: ['GB'],
        recognising: ['SG'],
        categories: [Category.FAIRNESS, Category.HUMAN_OVERSIGHT, Category.ACCOUNTABILITY],
        mode: RecognitionMode.EQUIVALENCE,
        effect: RuleEffect.RECOGNISE_WITH_CONDITIONS,
        conditions: { accreditationBodies: ['UKAS'], maxResultAgeDays: 540 },
        supplementary: {
          text: 'An outcome report on applicants in Singapore, filed with MAS before deployment there.',
          criteria: [{ ...MAS, key: 'exit.outcome-report' }],
        },
      },
    ],
  },
  {
    name: 'UK–EU AI testing arrangement',
    kind: AgreementKind.BILATERAL,
    parties: ['GB', 'EU'],
    effectiveFromDays: 30,
    approvals: ['GB'],
    rules: [
      {
        name: 'UK-tested accuracy and robustness results, recognised in the Union',
        origins: ['GB'],
        recognising: ['EU'],
        categories: [Category.ACCURACY, Category.ROBUSTNESS],
        mode: RecognitionMode.CONFORMITY,
        effect: RuleEffect.RECOGNISE,
        conditions: { requireAccreditedLab: true, maxResultAgeDays: 365 },
      },
    ],
  },
];

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: 'Lumen Credit Analytics Ltd',
    homeJurisdiction: 'GB',
    systems: [
      {
        name: 'Lumen Thin-File Scorer',
        sector: 'FINANCE',
        intendedPurpose:
          'Evaluates the creditworthiness of UK consumers with thin credit files from consented open-banking transaction data, to support partner lenders’ decisions on unsecured personal loans.',
        riskClass: RiskClass.HIGH,
      },
      {
        name: 'Lumen Arrears Assistant',
        sector: 'FINANCE',
        intendedPurpose:
          'A conversational assistant, disclosed as AI, that helps borrowers in arrears understand their options and book a call with a human adviser; it takes no credit decision.',
        riskClass: RiskClass.LIMITED,
      },
      {
        name: 'Lumen Affordability Checker',
        sector: 'FINANCE',
        intendedPurpose:
          'Estimates a loan applicant’s disposable income from consented open-banking data so that partner lenders can assess affordability before a credit decision.',
        riskClass: RiskClass.HIGH,
      },
    ],
  },
  {
    name: 'Merlion Shield Insurtech Pte. Ltd.',
    homeJurisdiction: 'SG',
    systems: [
      {
        name: 'Merlion Premium Instalment Scorer',
        sector: 'FINANCE',
        intendedPurpose:
          'Assesses the creditworthiness of individuals who apply to pay their insurance premiums in monthly instalments, and sets the instalment limit offered to them.',
        riskClass: RiskClass.HIGH,
      },
      {
        name: 'Merlion Motor Claims Triage',
        sector: 'INSURANCE',
        intendedPurpose:
          'Routes incoming motor insurance claims to fast-track or specialist handling queues from the claim form and photographs; every settlement decision is taken by a claims handler.',
        riskClass: RiskClass.LIMITED,
      },
    ],
  },
  {
    name: 'Nordvik Lending AB',
    homeJurisdiction: 'EU',
    systems: [
      {
        name: 'Nordvik Consumer Credit Model',
        sector: 'FINANCE',
        intendedPurpose:
          'Evaluates the creditworthiness of natural persons and establishes their credit score for consumer loans of up to EUR 50,000 offered online in several Member States.',
        riskClass: RiskClass.HIGH,
      },
      {
        name: 'Nordvik SME Cash-flow Underwriter',
        sector: 'FINANCE',
        intendedPurpose:
          'Scores sole traders and small companies for working-capital credit lines from accounting and bank-account cash flows; a credit officer takes the final decision.',
        riskClass: RiskClass.HIGH,
      },
    ],
  },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.sandbridge.test', displayName: 'Platform administrator (demo)', role: 'ADMIN' },
  {
    email: 'regulator.fca@demo.sandbridge.test',
    displayName: 'Fiona Ashworth (FCA Innovation)',
    role: 'REGULATOR',
    authority: FCA,
  },
  {
    email: 'regulator.mas@demo.sandbridge.test',
    displayName: 'Tan Wei Ling (MAS FinTech)',
    role: 'REGULATOR',
    authority: MAS,
  },
  {
    email: 'regulator.aioffice@demo.sandbridge.test',
    displayName: 'Lucía Romero (EU AI Office)',
    role: 'REGULATOR',
    authority: AI_OFFICE,
  },
  {
    email: 'innovator.lumen@demo.sandbridge.test',
    displayName: 'Priya Natarajan (Lumen Credit Analytics)',
    role: 'INNOVATOR',
    organisation: 'Lumen Credit Analytics Ltd',
  },
  {
    email: 'innovator.merlion@demo.sandbridge.test',
    displayName: 'Marcus Lim (Merlion Shield Insurtech)',
    role: 'INNOVATOR',
    organisation: 'Merlion Shield Insurtech Pte. Ltd.',
  },
  {
    email: 'innovator.nordvik@demo.sandbridge.test',
    displayName: 'Elin Berg (Nordvik Lending)',
    role: 'INNOVATOR',
    organisation: 'Nordvik Lending AB',
  },
  {
    email: 'negotiator.eu@demo.sandbridge.test',
    displayName: 'EU trade negotiator (demo)',
    role: 'NEGOTIATOR',
    jurisdiction: 'EU',
  },
  {
    email: 'negotiator.gb@demo.sandbridge.test',
    displayName: 'UK trade negotiator (demo)',
    role: 'NEGOTIATOR',
    jurisdiction: 'GB',
  },
  {
    email: 'negotiator.sg@demo.sandbridge.test',
    displayName: 'Singapore trade negotiator (demo)',
    role: 'NEGOTIATOR',
    jurisdiction: 'SG',
  },
];

// The console's map: one section per role, each a list of pages. The navigation, the routes
// (app/router.tsx) and each role's home are made from this list — adding a page is one entry here
// and one module that exports `Component` (docs/console.md#adding-a-page).
import {
  IconAlertTriangle,
  IconBuildingBank,
  IconHeartbeat,
  IconCertificate,
  IconChartDots,
  IconChartFunnel,
  IconChecklist,
  IconClipboardList,
  IconCpu,
  IconCompass,
  IconFileCertificate,
  IconFiles,
  IconInbox,
  IconListDetails,
  IconPresentationAnalytics,
  IconScale,
  IconShieldCheck,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Role } from '../gql/graphql';

/** A page module, loaded when the page is first opened: react-router's lazy-route convention. */
export type PageModule = () => Promise<{ Component: ComponentType }>;

export interface ConsolePage {
  /** The page's path under its section: `systems` → /innovator/systems. */
  path: string;
  /** Its name in the navigation (and, by convention, its heading). */
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** The page's module (a dynamic import: every page is its own chunk). Left out: a placeholder. */
  load?: PageModule;
  /** What the page is for: shown by the placeholder until the page exists. */
  summary: string;
  /** Pages under this one that the navigation does not list, e.g. `:id` → /innovator/enrolments/:id. */
  subpages?: { path: string; load: PageModule }[];
}

export interface ConsoleSection {
  /** The first segment of its pages' URLs. */
  id: 'innovator' | 'regulator' | 'negotiator' | 'admin';
  label: string;
  /** Who sees the section (the navigation) and may open its pages (others get "not for your role"). */
  roles: Role[];
  /** The first page is the section's home. */
  pages: ConsolePage[];
}

/** Programme design simulations: the same pages for regulators and negotiators. */
const programmeDesigns: ConsolePage = {
  path: 'programme-designs',
  label: 'Programme designs',
  icon: IconChartDots,
  load: () => import('../features/programme-designer/ProgrammeDesignsPage'),
  summary: 'Compare programme designs before a programme opens: the funnel each gives, with its intervals.',
  subpages: [
    { path: 'new', load: () => import('../features/programme-designer/DesignerPage') },
    { path: ':id', load: () => import('../features/programme-designer/ProgrammeRunPage') },
  ],
};

/** A written proof or an exit report version as a page to print: the same for both roles. */
const printableExitDocuments = [
  ':id/exit-documents/:authorityId/written-proof',
  ':id/exit-documents/:authorityId/exit-report/:versionId',
].map((path) => ({ path, load: () => import('../features/exit-documents/PrintableDocumentPage') }));

export const SECTIONS: ConsoleSection[] = [
  {
    id: 'innovator',
    label: 'Innovator',
    roles: ['INNOVATOR'],
    pages: [
      {
        path: 'systems',
        label: 'My AI systems',
        icon: IconCpu,
        load: () => import('../features/systems/SystemsPage'),
        summary: 'Register and edit the AI systems your organisation enrols.',
        subpages: [{ path: ':id', load: () => import('../features/organisation/SystemPage') }],
      },
      {
        path: 'programmes',
        label: 'Open programmes',
        icon: IconListDetails,
        load: () => import('../features/open-programmes/ProgrammesPage'),
        summary: 'Programmes open for application: authorities, windows, capacity and criteria per stage.',
        subpages: [
          { path: ':id', load: () => import('../features/open-programmes/ProgrammePage') },
          { path: ':id/apply', load: () => import('../features/application/NewApplicationPage') },
        ],
      },
      {
        path: 'enrolments',
        label: 'My enrolments',
        icon: IconChecklist,
        load: () => import('../features/my-enrolments/EnrolmentsPage'),
        summary: 'Your applications and enrolments: state, tracks per authority, timeline and actions.',
        subpages: [
          { path: ':id', load: () => import('../features/my-enrolments/EnrolmentPage') },
          { path: ':id/application', load: () => import('../features/application/DraftApplicationPage') },
          { path: ':id/report', load: () => import('../features/reports/SubmitReportPage') },
          { path: ':id/plan', load: () => import('../features/plans/PlanEditorPage') },
          { path: ':id/reports/:reportId', load: () => import('../features/reports/ReportPage') },
          { path: ':id/exit-documents', load: () => import('../features/exit-documents/ExitDocumentsPage') },
          ...printableExitDocuments,
        ],
      },
      {
        path: 'passports',
        label: 'Recognition passports',
        icon: IconCertificate,
        load: () => import('../features/passports/PassportsPage'),
        summary: "Each system's recognised results and gaps, authority by authority.",
        subpages: [{ path: ':systemId/:authorityId', load: () => import('../features/passports/PassportDetailPage') }],
      },
      {
        path: 'evidence',
        label: 'Evidence library',
        icon: IconFiles,
        load: () => import('../features/evidence/EvidenceLibraryPage'),
        summary: "Your organisation's evidence files: upload, revise, edit their details, open and download.",
      },
    ],
  },
  {
    id: 'regulator',
    label: 'Regulator',
    roles: ['REGULATOR'],
    pages: [
      {
        path: 'queue',
        label: 'Work queue',
        icon: IconInbox,
        load: () => import('../features/review/WorkQueuePage'),
        summary: 'Applications to decide, reports to review, exits to decide.',
      },
      {
        path: 'criteria',
        label: 'Criteria',
        icon: IconFileCertificate,
        load: () => import('../features/criteria/CriteriaPage'),
        summary: "Your authority's criteria: drafts, published versions and their history.",
        subpages: [{ path: ':id', load: () => import('../features/criteria/CriterionHistoryPage') }],
      },
      {
        path: 'programmes',
        label: 'Programmes',
        icon: IconPresentationAnalytics,
        load: () => import('../features/programme-setup/ProgrammesPage'),
        summary: 'Programmes, their participants and criteria per stage.',
        subpages: [{ path: ':id', load: () => import('../features/programme-setup/ProgrammePage') }],
      },
      {
        path: 'incidents',
        label: 'Incidents',
        icon: IconAlertTriangle,
        load: () => import('../features/incidents/IncidentsPage'),
        summary: 'Incidents reported on enrolments, live.',
      },
      {
        path: 'enrolments',
        label: 'Enrolments',
        icon: IconClipboardList,
        load: () => import('../features/review/EnrolmentsPage'),
        summary: 'Every enrolment of the programmes your authority takes part in, and its review.',
        subpages: [
          { path: ':id', load: () => import('../features/review/EnrolmentReviewPage') },
          { path: ':id/exit-report', load: () => import('../features/review/ExitReportPage') },
          ...printableExitDocuments,
        ],
      },
      {
        path: 'funnel',
        label: 'Programme funnel',
        icon: IconChartFunnel,
        load: () => import('../features/funnel/FunnelPage'),
        summary: "A programme's funnel from applications to exits, per authority.",
      },
      programmeDesigns,
      {
        path: 'explorer',
        label: 'Recognition explorer',
        icon: IconCompass,
        load: () => import('../features/explorer/ExplorerPage'),
        summary: "A system's recognition by an authority on a day, criterion by criterion, in plain words.",
      },
    ],
  },
  {
    id: 'negotiator',
    label: 'Negotiator',
    roles: ['NEGOTIATOR'],
    pages: [
      {
        path: 'agreements',
        label: 'Agreements',
        icon: IconScale,
        load: () => import('../features/agreements/AgreementsPage'),
        summary: 'Recognition agreements: drafts, rules, approvals.',
        subpages: [{ path: ':id', load: () => import('../features/agreements/AgreementPage') }],
      },
      {
        path: 'simulations',
        label: 'Simulations',
        icon: IconWorld,
        load: () => import('../features/simulations/SimulationsPage'),
        summary: 'Simulate draft agreements before signing them.',
        subpages: [
          { path: 'new', load: () => import('../features/simulations/ScenarioBuilderPage') },
          { path: ':id', load: () => import('../features/simulations/SimulationRunPage') },
        ],
      },
      programmeDesigns,
      {
        path: 'explorer',
        label: 'Recognition explorer',
        icon: IconCompass,
        load: () => import('../features/explorer/ExplorerPage'),
        summary: 'A hypothetical recognition case evaluated on a day, criterion by criterion, in plain words.',
      },
    ],
  },
  {
    id: 'admin',
    label: 'Administration',
    roles: ['ADMIN'],
    pages: [
      {
        path: 'accounts',
        label: 'Accounts',
        icon: IconUsers,
        load: () => import('../features/admin/AccountsPage'),
        summary: 'Accounts, their roles and sessions: create, disable, enable, end their sessions.',
      },
      {
        path: 'audit',
        label: 'Audit trail',
        icon: IconShieldCheck,
        load: () => import('../features/admin/AuditPage'),
        summary: 'The whole audit trail, its verification and its latest signed checkpoint.',
      },
      {
        path: 'health',
        label: 'Platform health',
        icon: IconHeartbeat,
        load: () => import('../features/admin/HealthPage'),
        summary: 'The database, Redis, the simulation workers and queues, and the API process: up, slow or down.',
      },
      {
        path: 'reference',
        label: 'Reference data',
        icon: IconBuildingBank,
        load: () => import('../features/admin/ReferencePage'),
        summary: 'Jurisdictions, authorities and organisations: create and edit.',
      },
    ],
  },
];

export const sectionsFor = (role: Role): ConsoleSection[] => SECTIONS.filter((s) => s.roles.includes(role));

/** Where a role lands after signing in: the first page of its first section. */
export function homeOf(role: Role): string {
  const section = sectionsFor(role)[0];
  return section ? `/${section.id}/${section.pages[0].path}` : '/';
}

/** Whether `role` may open `path` (a console URL): its section lets the role in. */
export function mayOpen(role: Role, path: string): boolean {
  const first = path.split(/[/?#]/)[1];
  const section = SECTIONS.find((s) => s.id === first);
  return section ? section.roles.includes(role) : true;
}

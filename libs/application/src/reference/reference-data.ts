import { RegulatoryApproach } from '@sandbridge/domain';

/**
 * Real jurisdictions and their AI-relevant regulators (public sources of each regulator). Loaded at start when
 * missing, never overwritten: administrators may edit them afterwards.
 */
export const REFERENCE_JURISDICTIONS: {
  code: string;
  name: string;
  approach: RegulatoryApproach;
  authorities: { name: string; acronym: string; sectors: string[]; website: string }[];
}[] = [
  {
    code: 'EU',
    name: 'European Union',
    approach: RegulatoryApproach.RISK_BASED,
    authorities: [
      {
        name: 'European AI Office',
        acronym: 'AI Office',
        sectors: [],
        website: 'https://digital-strategy.ec.europa.eu/en/policies/ai-office',
      },
      {
        name: 'European Banking Authority',
        acronym: 'EBA',
        sectors: ['FINANCE'],
        website: 'https://www.eba.europa.eu',
      },
      {
        name: 'European Data Protection Supervisor',
        acronym: 'EDPS',
        sectors: ['DATA_PROTECTION'],
        website: 'https://www.edps.europa.eu',
      },
    ],
  },
  {
    code: 'GB',
    name: 'United Kingdom',
    approach: RegulatoryApproach.PRINCIPLES_BASED,
    authorities: [
      { name: 'Financial Conduct Authority', acronym: 'FCA', sectors: ['FINANCE'], website: 'https://www.fca.org.uk' },
      {
        name: "Information Commissioner's Office",
        acronym: 'ICO',
        sectors: ['DATA_PROTECTION'],
        website: 'https://ico.org.uk',
      },
      {
        name: 'Medicines and Healthcare products Regulatory Agency',
        acronym: 'MHRA',
        sectors: ['HEALTH'],
        website: 'https://www.gov.uk/government/organisations/medicines-and-healthcare-products-regulatory-agency',
      },
    ],
  },
  {
    code: 'SG',
    name: 'Singapore',
    approach: RegulatoryApproach.SOFT_LAW,
    authorities: [
      {
        name: 'Monetary Authority of Singapore',
        acronym: 'MAS',
        sectors: ['FINANCE'],
        website: 'https://www.mas.gov.sg',
      },
      {
        name: 'Infocomm Media Development Authority',
        acronym: 'IMDA',
        sectors: [],
        website: 'https://www.imda.gov.sg',
      },
      {
        name: 'Personal Data Protection Commission',
        acronym: 'PDPC',
        sectors: ['DATA_PROTECTION'],
        website: 'https://www.pdpc.gov.sg',
      },
    ],
  },
  {
    code: 'US-CO',
    name: 'Colorado (United States)',
    approach: RegulatoryApproach.RISK_BASED,
    authorities: [
      { name: 'Colorado Attorney General', acronym: 'CO AG', sectors: [], website: 'https://coag.gov' },
      {
        name: 'Colorado Division of Insurance',
        acronym: 'CO DOI',
        sectors: ['INSURANCE'],
        website: 'https://doi.colorado.gov',
      },
    ],
  },
  {
    code: 'CA',
    name: 'Canada',
    approach: RegulatoryApproach.PRINCIPLES_BASED,
    authorities: [
      {
        name: 'Office of the Superintendent of Financial Institutions',
        acronym: 'OSFI',
        sectors: ['FINANCE', 'INSURANCE'],
        website: 'https://www.osfi-bsif.gc.ca',
      },
      {
        name: 'Treasury Board of Canada Secretariat',
        acronym: 'TBS',
        sectors: ['PUBLIC_SECTOR'],
        website: 'https://www.canada.ca/en/treasury-board-secretariat.html',
      },
      {
        name: 'Office of the Privacy Commissioner of Canada',
        acronym: 'OPC',
        sectors: ['DATA_PROTECTION'],
        website: 'https://www.priv.gc.ca',
      },
    ],
  },
  {
    code: 'JP',
    name: 'Japan',
    approach: RegulatoryApproach.SOFT_LAW,
    authorities: [
      {
        name: 'Financial Services Agency',
        acronym: 'JFSA',
        sectors: ['FINANCE'],
        website: 'https://www.fsa.go.jp/en/',
      },
      {
        name: 'Ministry of Economy, Trade and Industry',
        acronym: 'METI',
        sectors: [],
        website: 'https://www.meti.go.jp/english/',
      },
      {
        name: 'Personal Information Protection Commission',
        acronym: 'PPC',
        sectors: ['DATA_PROTECTION'],
        website: 'https://www.ppc.go.jp/en/',
      },
    ],
  },
  {
    code: 'BR',
    name: 'Brazil',
    approach: RegulatoryApproach.RISK_BASED,
    authorities: [
      {
        name: 'Autoridade Nacional de Proteção de Dados',
        acronym: 'ANPD',
        sectors: ['DATA_PROTECTION'],
        website: 'https://www.gov.br/anpd',
      },
      { name: 'Banco Central do Brasil', acronym: 'BCB', sectors: ['FINANCE'], website: 'https://www.bcb.gov.br' },
    ],
  },
  {
    code: 'CN',
    name: 'China',
    approach: RegulatoryApproach.STATE_LED,
    authorities: [
      { name: 'Cyberspace Administration of China', acronym: 'CAC', sectors: [], website: 'https://www.cac.gov.cn' },
      { name: "People's Bank of China", acronym: 'PBOC', sectors: ['FINANCE'], website: 'http://www.pbc.gov.cn' },
    ],
  },
];

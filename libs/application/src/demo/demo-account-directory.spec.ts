import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '@sandbridge/common';
import type { AccountEntity, AccountRepository } from '@sandbridge/persistence';
import { DemoAccountDirectory } from './demo-account-directory.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data.js';

/** A repository holding accounts with these e-mails (`disabled`: those disabled); counts its reads. */
function accountsWith(emails: string[], disabled: string[] = []) {
  const reads: string[][] = [];
  const repository = {
    findByEmails: async (wanted: readonly string[]) => {
      reads.push([...wanted]);
      return emails
        .filter((email) => wanted.includes(email))
        .map((email) => ({ email, disabledAt: disabled.includes(email) ? new Date() : null }) as AccountEntity);
    },
  } as unknown as AccountRepository;
  return { repository, reads };
}

const config = (env: AppConfig['env']) => ({ env }) as AppConfig;

describe('DemoAccountDirectory', () => {
  it('lists, outside production, the demo accounts the database holds and that are enabled, in the demo order', async () => {
    const { repository } = accountsWith(
      [
        'innovator.lumen@demo.sandbridge.test',
        'regulator.fca@demo.sandbridge.test',
        'negotiator.eu@demo.sandbridge.test',
      ],
      ['negotiator.eu@demo.sandbridge.test'],
    );
    const listed = await new DemoAccountDirectory(config('development'), repository).list();
    expect(listed).toEqual([
      {
        email: 'regulator.fca@demo.sandbridge.test',
        displayName: DEMO_ACCOUNTS.find((a) => a.email === 'regulator.fca@demo.sandbridge.test')!.displayName,
        role: 'REGULATOR',
        actsFor: 'Financial Conduct Authority (GB)',
        password: DEMO_PASSWORD,
      },
      {
        email: 'innovator.lumen@demo.sandbridge.test',
        displayName: DEMO_ACCOUNTS.find((a) => a.email === 'innovator.lumen@demo.sandbridge.test')!.displayName,
        role: 'INNOVATOR',
        actsFor: 'Lumen Credit Analytics Ltd',
        password: DEMO_PASSWORD,
      },
    ]);
  });

  it('says whom every demo account acts for', async () => {
    const { repository } = accountsWith(DEMO_ACCOUNTS.map((a) => a.email));
    const listed = await new DemoAccountDirectory(config('test'), repository).list();
    expect(listed.map((a) => a.actsFor)).toEqual([
      'the platform',
      'Financial Conduct Authority (GB)',
      'Monetary Authority of Singapore (SG)',
      'European AI Office (EU)',
      'Lumen Credit Analytics Ltd',
      'Merlion Shield Insurtech Pte. Ltd.',
      'Nordvik Lending AB',
      'European Union',
      'United Kingdom',
      'Singapore',
    ]);
  });

  it('lists nothing in production, without reading the database', async () => {
    const { repository, reads } = accountsWith(DEMO_ACCOUNTS.map((a) => a.email));
    expect(await new DemoAccountDirectory(config('production'), repository).list()).toEqual([]);
    expect(reads).toEqual([]);
  });
});

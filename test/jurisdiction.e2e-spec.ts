import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from '@sandbridge/testing';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the reference jurisdictions', async () => {
    const token = await t.adminToken();
    const res = await t.gql('{ jurisdictions(first: 3) { totalCount edges { node { code } } } }', {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.jurisdictions.totalCount).toBe(8);
  });
});

// Steps the manager e2e files share (modeller, allocation): a case manager opens a referral on the New referral
// page (which creates the case and starts 'referral-intake' for it), and the manager's monitor API finds
// the instance that referral started, so the test reads its version and where it waits from the product.
import type { Page } from 'playwright-core';

export interface Person { givenName: string; familyName: string; dateOfBirth: string; referredBy?: string }

/** Fills and submits /cases/new as the signed-in user; resolves with the new case's id once its page shows. */
export async function openReferral(page: Page, baseUrl: string, person: Person): Promise<string> {
  await page.goto(`${baseUrl}/cases/new`);
  await page.getByLabel('Given name').fill(person.givenName);
  await page.getByLabel('Family name').fill(person.familyName);
  await page.getByLabel('Date of birth').fill(person.dateOfBirth);
  if (person.referredBy) await page.getByLabel('Referred by').selectOption({ label: person.referredBy });
  await page.getByRole('button', { name: 'Open referral' }).click();
  await page.getByRole('heading', { name: `${person.givenName} ${person.familyName}` }).waitFor();
  return decodeURIComponent(page.url().split('/cases/')[1]);
}

export interface ListedInstance { key: string; version: number; caseId?: string; state: string; activeElementIds: string[] }

/** The referral-intake instances of the case (their caseId variable), as the monitor API lists them to a manager. */
export async function referralInstancesOf(managerPage: Page, caseId: string): Promise<ListedInstance[]> {
  const body = await managerPage.evaluate(async () => {
    const res = await fetch('/api/instances?processId=referral-intake&limit=100');
    return { status: res.status, json: (await res.json()) as { items: ListedInstance[] } };
  });
  if (body.status !== 200) throw new Error(`GET /api/instances answered ${body.status}`);
  return body.json.items.filter((i) => i.caseId === caseId);
}

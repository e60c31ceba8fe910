/** @jest-environment jsdom */
// The Documents tab against a scripted server: documents grouped by section with who added them (by name)
// and when (the one date format), the withheld count, and the upload form's own checks — an error summary
// linking to each field, a file over the server's limit refused before anything is sent.
import '../tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaseDocumentsPanel } from '../../../../client/src/features/cases/case-documents-panel';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const list = {
  documents: [
    { id: 'd1', section: 'education', sectionLabel: 'Education', name: 'school letter.pdf', fileType: 'PDF', category: 'letter', categoryLabel: 'Letter or email', size: 307200, sizeLabel: '300 KB', uploadedBy: 'Cara Case', uploadedAt: '2026-03-14T09:30:00Z', description: 'Exclusion meeting' },
  ],
  withheld: 2,
  writableSections: ['personal', 'education'],
  limits: { maxBytes: 10 * 1024 * 1024, maxSize: '10 MB', kinds: 'PDF, JPG, PNG, DOCX, ODT or TXT', accept: '.pdf,.jpg,.jpeg,.png,.docx,.odt,.txt' },
};

beforeEach(() => {
  global.fetch = jest.fn(async (url: string | URL | Request) => (String(url) === '/api/cases/YJ-1/documents' ? json(200, list) : json(404, {}))) as typeof fetch;
});

it('lists documents by section in words, says how many are withheld, and links each for download', async () => {
  render(<CaseDocumentsPanel caseId="YJ-1" />);
  const panel = await screen.findByRole('region', { name: 'Documents' });
  await within(panel).findByRole('heading', { name: 'Education' });
  const item = within(panel).getByRole('link', { name: /school letter\.pdf/ }).closest('li')!;
  expect(item.textContent).toContain('Letter or email · PDF, 300 KB · added by Cara Case on 14 March 2026, 09:30');
  expect(item.textContent).toContain('Exclusion meeting');
  expect(within(panel).getByRole('link', { name: /school letter\.pdf/ }).getAttribute('href')).toBe('/api/cases/YJ-1/documents/d1/content');
  expect(within(panel).getByText('2 documents in sections your role cannot see are not shown.')).toBeTruthy();
  expect(within(panel).getByLabelText('Section of the record').textContent).toBe('Choose a sectionPersonalEducation');
});

it('checks before sending: an error summary linking to each field, and a file over the limit never sent', async () => {
  const send = jest.spyOn(XMLHttpRequest.prototype, 'send');
  render(<CaseDocumentsPanel caseId="YJ-1" />);
  const panel = await screen.findByRole('region', { name: 'Documents' });
  await userEvent.click(await within(panel).findByRole('button', { name: 'Upload file' }));
  const summary = within(panel).getByRole('alert');
  expect(within(summary).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
    ['Select the section of the record the document belongs to', '#document-section-all'],
    ['Select a file', '#document-file-all'],
    ['Select the type of document', '#document-category-all'],
  ]);
  expect(document.activeElement).toBe(summary);

  await userEvent.selectOptions(within(panel).getByLabelText('Section of the record'), 'education');
  await userEvent.selectOptions(within(panel).getByLabelText('Type of document'), 'report');
  const big = new File(['x'], 'report.pdf', { type: 'application/pdf' });
  Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
  await userEvent.upload(within(panel).getByLabelText('Upload a file'), big);
  await userEvent.click(within(panel).getByRole('button', { name: 'Upload file' }));
  expect(within(within(panel).getByRole('alert')).getAllByRole('link').map((a) => a.textContent)).toEqual(['The file must be smaller than 10 MB']);
  expect(within(panel).getByLabelText('Upload a file').getAttribute('aria-invalid')).toBe('true');
  expect(send).not.toHaveBeenCalled();
});

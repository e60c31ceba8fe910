/** @jest-environment jsdom */
// The shared case table (test/support/form-cases.ts) through the browser's renderer: each case's answers are
// loaded as a resumed draft and submitted. An accepted case sends the value the server stores; a refused one
// sends nothing and its error summary lists every expected problem, each linked to its field. A page also
// holds what a person sees without answering (an unticked checkbox is false, an absent list shows its rows,
// as in form-js), so it may send or refuse a little more than the bare answers. The unit and API suites run
// the same table against the server's validation.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FormRenderer } from '../../../../client/src/features/forms/form-renderer';
import { fieldId } from '../../../../client/src/features/forms/form-values';
import { CASES_NOW, formCaseGroups } from '../../../support/form-cases';

/**
 * Cases only a program can send, not a page: answers under keys no field has, or of a type no input gives.
 * The page has no field to show their problem on; the API suite covers them.
 */
const NOT_FROM_A_PAGE = new Set(['keys not in the form are refused', 'object where text expected', 'unknown key in a row', 'rows must be a list']);

const cases = formCaseGroups.flatMap((g) => g.cases.filter((c) => !NOT_FROM_A_PAGE.has(c.name)).map((c) => [`${g.form.id}: ${c.name}`, g.form, c] as const));

describe('the shared form cases, submitted through the browser renderer', () => {
  it.each(cases)('%s', async (_name, form, c) => {
    const onSubmit = jest.fn(async () => undefined);
    const { unmount } = render(<FormRenderer form={form} initialData={c.data} onSubmit={onSubmit} now={CASES_NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    if (c.expect.ok) {
      await waitFor(() => expect(onSubmit).toHaveBeenCalled());
      expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining(c.expect.value));
    } else {
      await waitFor(() => expect(document.querySelector('.govuk-error-summary')).not.toBeNull());
      const listed = within(document.querySelector<HTMLElement>('.govuk-error-summary')!).getAllByRole('link').map((a) => [a.getAttribute('href'), a.textContent]);
      expect(listed).toEqual(expect.arrayContaining(Object.entries(c.expect.errors).map(([path, message]) => [`#${fieldId(path)}`, message])));
      expect(onSubmit).not.toHaveBeenCalled();
    }
    unmount();
  });
});

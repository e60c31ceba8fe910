/** @jest-environment jsdom */
// form-js's html, image, table, button and expression components and templated labels in the Formik renderer:
// html sanitised (no script, no handler, answers escaped), images only from the form or this site with their
// alt text, a read-only table from FEEL, submit and reset buttons, FEEL validation shown on the field, and the
// expression's value submitted as the shared core computes it.
import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import userEvent from '@testing-library/user-event';
import { FormRenderer } from '../../../../client/src/features/forms/form-renderer';
import type { FormDefinition } from '../../../../server/src/forms-core';

const form: FormDefinition = {
  id: 'rich',
  components: [
    { id: 'n', type: 'textfield', key: 'name', label: 'Name' },
    { id: 'h', type: 'html', content: '<p>Hello <b>{{ name }}</b></p><script>window.pwned = 1</script><img src="x" alt="" onerror="window.pwned = 2"><form><input name="x"></form>' },
    { id: 'i1', type: 'image', source: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Logo of {{ name }}' },
    { id: 'i2', type: 'image', source: '=remoteUrl', alt: 'Map' },
    { id: 'f1', type: 'iframe', label: 'Guidance for {{ name }}', url: 'https://bpmn.io/' },
    { id: 'f2', type: 'iframe', label: 'Old page', url: 'https://{{ unknownHost }}' },
    { id: 't', type: 'table', label: 'Contacts', columns: [{ label: 'Who', key: 'who' }, { label: 'When', key: 'when' }],
      dataSource: '=[{who: "Pat", when: date("2026-03-14")}, {who: "Jo", when: date("2026-03-15")}, {who: "Al"}]', rowCount: 2 },
    { id: 'hr', type: 'number', key: 'hours', label: 'Hours for {{ name }}', validate: { max: '=if name = "Sam" then 5 else 10' } as never },
    { id: 'x', type: 'expression', key: 'double', expression: '=hours * 2', computeOn: 'presubmit' },
    { id: 'r', type: 'button', label: 'Start again', action: 'reset' },
    { id: 's', type: 'button', label: 'Send {{ name }}', action: 'submit' },
  ],
};

function setup() {
  const user = userEvent.setup();
  const onSubmit = jest.fn(async () => undefined);
  const view = render(<FormRenderer form={form} variables={{ remoteUrl: 'https://tracker.example/pixel.png' }} onSubmit={onSubmit} />);
  return { user, onSubmit, ...view };
}

describe('form-js display components and templates', () => {
  it('renders html sanitised, with answers inserted as text', async () => {
    const { user, container } = setup();
    await user.type(screen.getByLabelText('Name'), '<i>Sam</i>');
    const html = container.querySelector('.form-html') as HTMLElement;
    expect(html.querySelector('b')?.textContent).toBe('<i>Sam</i>');
    expect(html.querySelector('i')).toBeNull();
    expect(html.querySelector('script, form, input, [onerror]')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows an image from the form with its templated alt text, and not one from another site', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Name'), 'Sam');
    expect(screen.getByRole('img', { name: 'Logo of Sam' }).getAttribute('src')).toMatch(/^data:image\/png/);
    expect(screen.queryByRole('img', { name: 'Map' })).toBeNull();
    expect(screen.getByText('Image not available: Map')).toBeTruthy();
  });

  it("shows form-js's iframe as a link opening in a new tab without a referrer, never an embedded frame", async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Name'), 'Sam');
    const link = screen.getByRole('link', { name: 'Guidance for Sam (opens in new tab)' });
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['https://bpmn.io/', '_blank', 'noopener noreferrer']);
    expect(screen.getByText('Page not available: Old page')).toBeTruthy();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('renders a read-only table from FEEL, dates as dates, in pages of rowCount', async () => {
    const { user } = setup();
    const table = screen.getByRole('table', { name: 'Contacts' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['WhoWhen', 'Pat2026-03-14', 'Jo2026-03-15']);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['WhoWhen', 'Al']);
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
  });

  it('templates labels and applies FEEL validation on the field', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Name'), 'Sam');
    const hours = screen.getByLabelText('Hours for Sam');
    await user.type(hours, '6');
    await user.click(screen.getByRole('button', { name: 'Send Sam' }));
    expect(document.getElementById(`${hours.id}-error`)?.textContent).toBe('Hours for Sam must be at most 5');
  });

  it('has no serious or critical accessibility problem (axe-core)', async () => {
    const { container } = setup();
    // Colour contrast needs layout, which jsdom does not do; the browser walks check it.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it("submits through the form's submit button with the expression computed, and resets through the reset button", async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByLabelText('Name'), 'Jo');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText('Name'), 'Jo');
    await user.type(screen.getByLabelText('Hours for Jo'), '4');
    await user.click(screen.getByRole('button', { name: 'Send Jo' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Jo', hours: 4, double: 8 });
  });
});

/** @jest-environment jsdom */
// The Formik renderer in jsdom: labels bound to inputs, live conditions, dynamic rows, client errors
// announced and linked, the submitted value as the server will store it, server errors on their fields.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormRenderer } from '../../../../client/src/features/forms/form-renderer';
import type { FormDefinition } from '../../../../server/src/forms-core';

const form: FormDefinition = {
  id: 'victim-details',
  components: [
    { id: 't', type: 'text', text: '# Victim details\n\nAsk **only** what is needed.' },
    { id: 'age', type: 'number', key: 'age', label: 'Age of child', validate: { required: true, min: 10, max: 17 }, description: 'In years' },
    { id: 'hv', type: 'checkbox', key: 'hasVictim', label: 'Is there a victim?' },
    { id: 'vn', type: 'textfield', key: 'victimName', label: 'Victim name', validate: { required: true }, conditional: { hide: '=hasVictim != true' } },
    { id: 'rel', type: 'radio', key: 'contact', label: 'Contact by', values: [{ label: 'Phone', value: 'phone' }, { label: 'Letter', value: 'letter' }] },
    { id: 'l', type: 'dynamiclist', path: 'contacts', label: 'Contacts', isRepeating: true, allowAddRemove: true, defaultRepetitions: 1, components: [
      { id: 'cn', type: 'textfield', key: 'name', label: 'Contact name', validate: { required: true } },
    ] },
  ],
};

function setup(onSubmit = jest.fn(async () => undefined), onSaveDraft = jest.fn(async () => undefined)) {
  const user = userEvent.setup();
  render(<FormRenderer form={form} onSubmit={onSubmit} onSaveDraft={onSaveDraft} />);
  return { user, onSubmit, onSaveDraft };
}

describe('FormRenderer', () => {
  it('binds labels to inputs and renders text as safe markdown', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Victim details' })).toBeTruthy();
    const age = screen.getByLabelText(/Age of child/);
    expect(age.getAttribute('aria-describedby')).toBe(`${age.id}-hint`);
    expect(screen.getByRole('group', { name: /Contact by/ })).toBeTruthy();
    expect(screen.getByLabelText('Letter')).toBeTruthy();
  });

  it('shows and hides a conditional field as the answer changes', async () => {
    const { user } = setup();
    expect(screen.queryByLabelText(/Victim name/)).toBeNull();
    await user.click(screen.getByLabelText('Is there a victim?'));
    expect(screen.getByLabelText(/Victim name/)).toBeTruthy();
    await user.click(screen.getByLabelText('Is there a victim?'));
    expect(screen.queryByLabelText(/Victim name/)).toBeNull();
  });

  it('adds and removes dynamic-list rows', async () => {
    const { user } = setup();
    expect(screen.getAllByLabelText(/Contact name/)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Add contacts' }));
    await user.click(screen.getByRole('button', { name: 'Add contacts' }));
    expect(screen.getAllByLabelText(/Contact name/)).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Remove Contacts 2' }));
    expect(screen.getAllByLabelText(/Contact name/)).toHaveLength(2);
  });

  it('refuses to submit with errors: announced, marked invalid, described and listed with links', async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByLabelText(/Age of child/), '9');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const age = screen.getByLabelText(/Age of child/);
    expect(age.getAttribute('aria-invalid')).toBe('true');
    const errorId = `${age.id}-error`;
    expect(age.getAttribute('aria-describedby')).toContain(errorId);
    expect(document.getElementById(errorId)?.textContent).toBe('Age of child must be at least 10');
    expect(document.getElementById(errorId)?.getAttribute('role')).toBe('alert');
    const summary = screen.getByText('There is a problem').parentElement!;
    expect(within(summary).getByRole('link', { name: 'Contact name is required' }).getAttribute('href')).toBe('#field-contacts-0-name');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows errors on submit, not on leaving a field, and clears each as it is corrected', async () => {
    const { user } = setup();
    const age = screen.getByLabelText(/Age of child/);
    await user.type(age, '9');
    await user.tab();
    // Leaving the field changes nothing on the page: an error inserted on blur moves the buttons under the mouse.
    expect(age.getAttribute('aria-invalid')).toBe('false');
    expect(document.getElementById(`${age.id}-error`)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(document.getElementById(`${age.id}-error`)?.textContent).toBe('Age of child must be at least 10');
    await user.type(age, '1'); // 91: still wrong, the message follows the value
    expect(document.getElementById(`${age.id}-error`)?.textContent).toBe('Age of child must be at most 17');
    await user.clear(age);
    await user.type(age, '12');
    expect(document.getElementById(`${age.id}-error`)).toBeNull();
    const summary = screen.getByText('There is a problem').parentElement!;
    expect(within(summary).queryByRole('link', { name: /Age of child/ })).toBeNull();
    // A field made wrong after the submit waits for the next one.
    await user.click(screen.getByLabelText('Is there a victim?'));
    const victim = screen.getByLabelText(/Victim name/);
    expect(document.getElementById(`${victim.id}-error`)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(document.getElementById(`${victim.id}-error`)?.textContent).toBe('Victim name is required');
  });

  it('submits the value the server will store: typed, hidden answers dropped', async () => {
    const { user, onSubmit } = setup();
    await user.click(screen.getByLabelText('Is there a victim?'));
    await user.type(screen.getByLabelText(/Victim name/), 'Alex');
    await user.click(screen.getByLabelText('Is there a victim?')); // hide it again: its answer must not be sent
    await user.type(screen.getByLabelText(/Age of child/), '15');
    await user.click(screen.getByLabelText('Letter'));
    await user.type(screen.getByLabelText(/Contact name/), 'Pat');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ age: 15, hasVictim: false, contact: 'letter', contacts: [{ name: 'Pat' }] });
  });

  it('puts server errors on their fields', async () => {
    const reject = jest.fn(async () => {
      throw Object.assign(new Error('Some answers need correcting'), { errors: { 'contacts[0].name': 'Not a known contact' } });
    });
    const { user } = setup(reject);
    await user.type(screen.getByLabelText(/Age of child/), '12');
    await user.type(screen.getByLabelText(/Contact name/), 'Zed');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const field = screen.getByLabelText(/Contact name/);
    expect(document.getElementById(`${field.id}-error`)?.textContent).toBe('Not a known contact');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Some answers need correcting')).toBeTruthy();
  });

  it('saves a draft as typed, without validating', async () => {
    const { user, onSaveDraft } = setup();
    await user.type(screen.getByLabelText(/Age of child/), 'abc');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(onSaveDraft).toHaveBeenCalledWith(expect.objectContaining({ age: 'abc', contacts: [{}] }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Draft saved at/);
  });
});

describe('FormRenderer with process variables', () => {
  const withVars: FormDefinition = {
    id: 'review',
    components: [
      { id: 'r', type: 'textfield', key: 'riskLevel', label: 'Risk level', readonly: true },
      { id: 'w', type: 'select', key: 'worker', label: 'Worker', valuesKey: 'workers' },
      { id: 'n', type: 'textfield', key: 'note', label: 'Note' },
    ],
  };

  it('shows variables in read-only fields, offers valuesKey options, and never submits read-only values', async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn(async () => undefined);
    render(<FormRenderer form={withVars} variables={{ riskLevel: 'High', workers: [{ label: 'Ann', value: 'ann' }], unrelated: 1 }} onSubmit={onSubmit} />);
    const risk = screen.getByLabelText('Risk level') as HTMLInputElement;
    expect(risk.value).toBe('High');
    expect(risk.readOnly).toBe(true);
    await user.selectOptions(screen.getByLabelText('Worker'), 'Ann');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ worker: 'ann' });
  });
});

describe('FormRenderer details', () => {
  const details: FormDefinition = {
    id: 'details',
    components: [
      { id: 't', type: 'text', text: 'Case for **{{ childName }}**, aged {{ age }}.' },
      { id: 'n', type: 'textfield', key: 'childName', label: 'Child name', validate: { required: true } },
      { id: 'a', type: 'number', key: 'age', label: 'Age' },
      { id: 'l', type: 'dynamiclist', path: 'visits', label: 'Visits', defaultRepetitions: 0, components: [
        { id: 'h', type: 'checkbox', key: 'home', label: 'Home visit' },
        { id: 'p', type: 'textfield', key: 'place', label: 'Place' },
      ] },
    ],
  };

  it("renders form-js's spacer as empty space of its height, hidden from screen readers", () => {
    const { container } = render(<FormRenderer form={{ id: 'sp', components: [{ id: 's', type: 'spacer', height: 30 }] }} onSubmit={jest.fn(async () => undefined)} />);
    const spacer = container.querySelector('.form-spacer') as HTMLElement;
    expect(spacer.style.height).toBe('30px');
    expect(spacer.getAttribute('aria-hidden')).toBe('true');
  });

  it('fills {{ }} templates in text from the current answers', async () => {
    const user = userEvent.setup();
    render(<FormRenderer form={details} onSubmit={jest.fn(async () => undefined)} />);
    await user.type(screen.getByLabelText(/Child name/), 'Sam');
    await user.type(screen.getByLabelText('Age'), '14');
    expect(screen.getByText(/Case for/).textContent).toBe('Case for Sam, aged 14.');
  });

  it('shows and hides by an expression, and fills templates from it, as the server computes it', async () => {
    const user = userEvent.setup();
    const adult: FormDefinition = { id: 'adult', components: [
      { id: 'a', type: 'number', key: 'age', label: 'Age' },
      { id: 'x', type: 'expression', key: 'isAdult', expression: '=age >= 18', computeOn: 'change' },
      { id: 'g', type: 'textfield', key: 'guardian', label: 'Guardian', conditional: { hide: '=isAdult = true' } },
      { id: 't', type: 'text', text: 'Adult: {{isAdult}}' },
    ] };
    render(<FormRenderer form={adult} onSubmit={jest.fn(async () => undefined)} />);
    await user.type(screen.getByLabelText('Age'), '20');
    expect(screen.queryByLabelText('Guardian')).toBeNull();
    expect(screen.getByText(/Adult:/).textContent).toBe('Adult: true');
    await user.clear(screen.getByLabelText('Age'));
    await user.type(screen.getByLabelText('Age'), '15');
    expect(screen.getByLabelText('Guardian')).toBeTruthy();
  });

  it('starts added rows with the row defaults (an unticked checkbox is false)', async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn(async () => undefined);
    render(<FormRenderer form={details} onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText(/Child name/), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Add visits' }));
    await user.type(screen.getByLabelText('Place'), 'School');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith({ childName: 'Sam', visits: [{ home: false, place: 'School' }] });
  });

  it('moves focus to the error summary after a refused submit', async () => {
    const user = userEvent.setup();
    render(<FormRenderer form={details} onSubmit={jest.fn(async () => undefined)} />);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(document.activeElement?.className).toBe('govuk-error-summary'));
  });
});

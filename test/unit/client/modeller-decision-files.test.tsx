/** @jest-environment jsdom */
// The modeller's DMN files to deploy with a process: only .dmn files are taken (others are named in an
// error), each is listed and removable, and a problem the engine finds in one names the file and does not
// pretend to select something in the diagram.
import './tasks/text-encoding.polyfill';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { DecisionFilesField, type DecisionFile } from '../../../client/src/features/modeller/decision-files-field';
import { collectProblems, ProblemsPanel } from '../../../client/src/features/modeller/problems-panel';

function Harness({ seen }: { seen: DecisionFile[][] }) {
  const [files, setFiles] = useState<DecisionFile[]>([]);
  return <DecisionFilesField files={files} onChange={(f) => { seen.push(f); setFiles(f); }} />;
}

describe('decision files field', () => {
  it('takes .dmn files with their text, names what is not one, and removes a file', async () => {
    const seen: DecisionFile[][] = [];
    render(<Harness seen={seen} />);
    const user = userEvent.setup({ applyAccept: false });
    const input = screen.getByLabelText('Decision tables to deploy with it (optional)');
    await user.upload(input, [new File(['<definitions id="levels"/>'], 'levels.dmn'), new File(['x'], 'notes.txt')]);
    await screen.findByRole('list', { name: 'Decision tables to deploy' }); // the files are read as text first
    expect(seen.at(-1)).toEqual([{ name: 'levels.dmn', content: '<definitions id="levels"/>' }]);
    expect(screen.getByText(/notes\.txt is not a DMN file: choose files ending \.dmn/)).toBeTruthy();
    expect(input.getAttribute('aria-describedby')).toBe('deploy-decisions-hint deploy-decisions-error');
    expect(screen.getByRole('list', { name: 'Decision tables to deploy' }).textContent).toContain('levels.dmn');
    await user.click(screen.getByRole('button', { name: 'Remove levels.dmn' }));
    expect(seen.at(-1)).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Decision tables to deploy' })).toBeNull();
  });

  it('a problem in a DMN file names the file and cannot be clicked to select a diagram element', () => {
    const problems = collectProblems([], [{ resource: 'levels.dmn', elementId: 'DecisionRule_high', line: 20, message: "invalid FEEL in input entry 1 of rule 'DecisionRule_high'" }]);
    render(<ProblemsPanel problems={problems} checking={false} onSelect={() => undefined} />);
    const button = screen.getByText(/invalid FEEL/).closest('button')!;
    expect(button.textContent).toContain('In levels.dmn: DecisionRule_high line 20');
    expect(button.disabled).toBe(true);
  });
});

import { checkDecisionResources } from '../../../../server/src/adapters/engine-embedded/dmn/check-decision-resources';
import { tableXml } from './dmn-xml';

// The deploy check of DMN files: a decision id belongs to one DMN file of a deploy.
describe('DMN deploy check', () => {
  const table = tableXml({ id: 'decide_band', inputs: ['age'], outputs: [{ name: 'band' }], rules: [[['< 18'], ['"youth"']]] });

  test('Given two files with the same decision id, then the second is refused naming the first', async () => {
    const { problems } = await checkDecisionResources([{ name: 'a.dmn', content: table }, { name: 'b.dmn', content: table }], []);
    expect(problems).toEqual([expect.objectContaining({ resource: 'b.dmn', elementId: 'decide_band', message: expect.stringContaining("is also in decision requirements 'Definitions_test' of this deploy") })]);
  });

  test('Given a file that does not compile, then another file with the same decision id gets no second line about it', async () => {
    const broken = table.replace('<decisionTable', '<decisionTable><notClosed');
    const { problems } = await checkDecisionResources([{ name: 'broken.dmn', content: broken }, { name: 'good.dmn', content: table }], []);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.resource !== 'broken.dmn')).toEqual([]);
  });
});

// ENGINE=zeebe with a DMN file: the Zeebe adapter sends the .dmn with the process in one deployment, the
// contract fake (its responses checked against the SDK's 8.8 schemas) accepts it and answers with the
// decision records, and an instance whose business rule task calls the decision runs to its end; a broken
// DMN file is refused.
import fs from 'node:fs';
import path from 'node:path';
import { openTestDb } from '../support/test-db';
import { zeebeOnFake } from './zeebe-fake/zeebe-on-fake';

const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(__dirname, '../features/engine/fixtures', name), 'utf8') });

test('a process and the DMN file it calls deploy to the cluster together, and the decision decides', async () => {
  const db = await openTestDb('zeebe-dmn');
  const clock = { now: () => new Date('2026-03-02T09:00:00Z') };
  const { inner, fake, engine, settle } = await zeebeOnFake(db.conn, clock);
  try {
    const deployed = await engine.deploy([fixture('decide-supervision.bpmn'), fixture('supervision-level.dmn')]);
    expect(deployed).toEqual([expect.objectContaining({ processId: 'decide-supervision', version: 1 })]);
    expect(await inner.listDecisionDeployments()).toEqual([expect.objectContaining({ decisionRequirementsId: 'Definitions_supervision', decisionIds: ['supervision-level', 'riskBand'] })]);
    const { instanceKey } = await engine.startInstance('decide-supervision', { score: 12, age: 13 });
    await settle();
    expect(await engine.getInstance(instanceKey)).toMatchObject({ state: 'completed', variables: expect.objectContaining({ supervisionLevel: 'enhanced', contactsPerMonth: 5 }) });
    // A broken DMN file is refused with the product's message (its own check, or the cluster's answer), nothing deployed.
    const dmn = fixture('supervision-level.dmn');
    const broken = { name: 'levels-2.dmn', content: dmn.content.replace('Definitions_supervision', 'Definitions_two').replace(/supervision-level/g, 'level-two').replace(/riskBand/g, 'bandTwo').replace('<text>&lt; 14</text>', '<text>&lt; </text>') };
    await expect(engine.deploy([broken])).rejects.toThrow("invalid FEEL in input entry 2 of rule 'DecisionRule_young' in decision 'level-two'");
    expect(await inner.listDecisionDeployments()).toHaveLength(1);
  } finally {
    await engine.stop();
    await fake.close().catch(() => undefined);
    await inner.stop();
    await db.drop();
  }
});

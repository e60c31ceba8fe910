// Guards the Jest decision in jest.config.cjs: ESM-only engine packages load under the transform.
import { evaluate } from '@bpmn-io/feelin';

describe('toolchain', () => {
  it('evaluates FEEL through the ESM-only @bpmn-io/feelin package', () => {
    expect(evaluate('a + 1', { a: 41 }).value).toBe(42);
  });
});

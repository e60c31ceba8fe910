// The operator guard lets form-js's own `$schema` through where a form definition is sent, and nowhere else.
import { allowedDocumentKeys, findInputProblem, MAX_INPUT_DEPTH } from '../../../server/src/http/reject-operators.middleware';

const problem = (method: string, path: string, body: unknown) => findInputProblem(body, MAX_INPUT_DEPTH, allowedDocumentKeys(method, path));

describe('operator guard and form documents', () => {
  it('accepts $schema at the top of a form definition on the deploy and check routes', () => {
    expect(problem('POST', '/forms', { schema: { $schema: '../schema.json', id: 'f', components: [] }, comment: 'c' })).toBeUndefined();
    expect(problem('POST', '/forms/', { schema: { $schema: 'x', id: 'f' } })).toBeUndefined();
    expect(problem('POST', '/forms/check', { $schema: 'x', id: 'f', components: [] })).toBeUndefined();
  });

  it('still refuses operators anywhere else, including deeper inside a form and on other routes', () => {
    expect(problem('POST', '/forms', { schema: { id: 'f', components: [{ key: { $gt: '' } }] } })).toEqual({ kind: 'operator', path: 'schema.components[0].key.$gt' });
    expect(problem('POST', '/forms', { $schema: 'x' })).toEqual({ kind: 'operator', path: '$schema' });
    expect(problem('POST', '/forms/check', { schema: { $where: '1' } })).toEqual({ kind: 'operator', path: 'schema.$where' });
    expect(problem('POST', '/cases', { $schema: 'x' })).toEqual({ kind: 'operator', path: '$schema' });
    expect(problem('GET', '/forms', { schema: { $schema: 'x' } })).toEqual({ kind: 'operator', path: 'schema.$schema' });
  });
});

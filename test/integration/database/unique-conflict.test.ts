import { ConflictError } from '../../../server/src/domain/errors';
import { MongoUserRepository } from '../../../server/src/adapters/mongo/user.repository';
import { openTestDb } from '../../support/test-db';

describe('the database is a real MongoDB-protocol server', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let users: MongoUserRepository;

  beforeAll(async () => {
    db = await openTestDb('conflict');
    users = new MongoUserRepository(db.conn);
    await users.init();
  });
  afterAll(() => db.drop());

  const alice = { username: 'alice', displayName: 'Alice Smith', email: 'alice@example.org', roles: ['case-managers' as const], teams: ['north'] };

  it('stores and reads back a user', async () => {
    const created = await users.create(alice);
    expect(created.id).toMatch(/^[a-f0-9]{24}$/);
    const found = await users.findByUsername('ALICE');
    expect(found).toMatchObject({ username: 'alice', email: 'alice@example.org', roles: ['case-managers'], active: true });
  });

  it('rejects a duplicate through the unique index and reports it as a Conflict domain error', async () => {
    const attempt = users.create({ ...alice, email: 'other@example.org' });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(users.create({ ...alice, email: 'third@example.org' })).rejects.toThrow(/username/);
    expect(await users.count()).toBe(1);
  });

  it('refuses a duplicate email too, leaving the stored user unchanged', async () => {
    await expect(users.create({ ...alice, username: 'alice2' })).rejects.toBeInstanceOf(ConflictError);
    const found = await users.findByUsername('alice');
    expect(found?.displayName).toBe('Alice Smith');
  });
});

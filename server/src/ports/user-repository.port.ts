import type { NewUser, User } from '../domain/users/user';

export interface UserRepository {
  /** Rejects with ConflictError when the username or email is taken. */
  create(user: NewUser): Promise<User>;
  findByUsername(username: string): Promise<User | undefined>;
  findById(id: string): Promise<User | undefined>;
  count(): Promise<number>;
}

// Repository contracts shared by all persistence adapters. Adapters translate storage failures
// into domain errors (a duplicate key becomes ConflictError) so use cases never see driver errors.

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

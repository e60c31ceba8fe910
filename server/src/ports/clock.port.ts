/** Time source. Production uses the system clock; feature tests move a controllable clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

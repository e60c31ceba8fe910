// Sign-in attempts per client address in a sliding window. Account lockout stops guessing one
// password; this stops one address spraying many accounts. In memory, per process: behind several
// server processes each counts separately (the limit multiplies by the process count) — acceptable
// for a single-machine deployment; use a shared store if the service is scaled out.
import type { RequestHandler } from 'express';
import type { Clock } from '../ports/clock.port';

export interface LoginRateLimitOptions {
  clock: Clock;
  maxAttempts?: number;
  windowMs?: number;
}

export function createLoginRateLimiter(options: LoginRateLimitOptions): RequestHandler {
  const max = options.maxAttempts ?? 20;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const attempts = new Map<string, number[]>();
  let lastSweep = 0;

  return (req, res, next) => {
    const now = options.clock.now().getTime();
    if (now - lastSweep > windowMs) {
      // Forget quiet addresses so the map cannot grow without bound.
      for (const [key, times] of attempts) if (times[times.length - 1] <= now - windowMs) attempts.delete(key);
      lastSweep = now;
    }
    const key = req.ip ?? 'unknown';
    const recent = (attempts.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= max) {
      const retryAfter = Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000));
      res.setHeader('Retry-After', String(retryAfter));
      res.status(429).json({
        error: { code: 'TOO_MANY_ATTEMPTS', message: `Too many sign-in attempts from this address. Wait ${Math.ceil(retryAfter / 60)} minute(s) and try again.` },
      });
      return;
    }
    recent.push(now);
    attempts.set(key, recent);
    next();
  };
}

import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, processes/ and forms/, found from this file (not the cwd). */
export function findProjectRoot(start = __dirname): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the project root above ${start}`);
    dir = parent;
  }
}

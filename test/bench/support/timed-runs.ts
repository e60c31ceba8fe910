// One way for benchmarks to time an operation: run it `runs` times and print the median, min and max.

export async function timedRuns(label: string, run: () => Promise<unknown>, runs: number, width = 46): Promise<void> {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(n >= 100 ? 0 : 1);
  console.log(`${label.padEnd(width)} median ${f(ms[Math.floor(ms.length / 2)])} ms (min ${f(ms[0])}, max ${f(ms[ms.length - 1])}, ${runs} runs)`);
}

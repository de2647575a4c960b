/** A progress display for long work; the CLI shows a bar on a terminal, tests pass none. */
export interface Progress {
  start(total: number): void;
  tick(label: string): void;
  stop(): void;
}

/** Shows nothing. */
export const noProgress: Progress = { start() {}, tick() {}, stop() {} };

import cliProgress from 'cli-progress';

/** Receives the core's progress (population units done of total) and clears up when the run ends. */
export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

/** Shows nothing: for a stderr that is not a terminal, where a redrawn bar would only be noise in a log. */
export const silentProgress: ProgressReporter = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on the given terminal stream (stderr: stdout carries only the result). The bar is
 * cleared when the run ends, so the terminal shows the result alone.
 */
export function terminalProgress(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'simulating |{bar}| {percentage}% | {value}/{total} population units | ETA {eta_formatted}',
      // Left visible: an interrupted synchronous run could not show it again.
      hideCursor: false,
      clearOnComplete: true,
      // The core runs synchronously: the bar redraws from update() (synchronousUpdate), not from a timer.
      synchronousUpdate: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

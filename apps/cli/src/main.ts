// The command line. `recognise`, `simulate`, `verify` and `evidence` read a file and need no configuration, database or
// framework, so they are dispatched before any of them is loaded: the platform commands (and with them Nest,
// TypeORM and the configuration) are imported only when one of them runs.
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'recognise') {
    const { processIo, recognise } = await import('./commands/recognise.command.js');
    return recognise(args, processIo());
  }
  if (command === 'simulate') {
    const { processIo, simulate } = await import('./commands/simulate.command.js');
    return simulate(args, processIo());
  }
  if (command === 'evidence') {
    const { evidence, processIo } = await import('./commands/evidence.command.js');
    return evidence(args, processIo());
  }
  if (command === 'verify') {
    const { processIo, verify } = await import('./commands/verify.command.js');
    return verify(args, processIo());
  }
  const { runPlatformCommand } = await import('./platform-commands.js');
  return runPlatformCommand(command, args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);

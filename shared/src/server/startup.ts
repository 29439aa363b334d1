import { createServer } from 'node:net';
import { ConfigError, portVariable } from '../config.ts';

/**
 * A reason a service cannot start that the person starting it can fix: a busy port, an unreachable database. Its
 * message is one line that names the setting and says what to do; it is printed without a stack trace.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    /** The environment variable to look at, when there is one. */
    readonly setting?: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

/** The problem with a port that cannot be listened on, naming its setting and what to do; undefined for other errors. */
export function portProblem(service: string, port: number, error: unknown): string | undefined {
  const setting = portVariable(service);
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'EADDRINUSE':
      return `${setting}: port ${port} is already in use; stop what listens there (an \`npm start\` still running?) or set ${setting} to a free port`;
    case 'EACCES':
      return `${setting}: port ${port} needs privileges this process does not have; set ${setting} to a port above 1023`;
    default:
      return undefined;
  }
}

/**
 * Fails before anything is opened when a service's port is taken, listing every taken one. Most often the same
 * command is running already, and its embedded database must not be opened by a second process meanwhile.
 * (A port taken between this check and the real listen is still reported, by the service itself.)
 */
export async function assertPortsFree(ports: readonly { service: string; port: number }[]): Promise<void> {
  const problems = await Promise.all(
    ports
      .filter(({ port }) => port !== 0)
      .map(
        ({ service, port }) =>
          new Promise<string | undefined>((resolve) => {
            const probe = createServer();
            probe.once('error', (error) => resolve(portProblem(service, port, error)));
            probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(undefined)));
          }),
      ),
  );
  const taken = problems.filter((p): p is string => p !== undefined);
  if (taken.length) throw new ConfigError(taken);
}

/** The lines a person needs to act on a failed start, or undefined for a bug (which keeps its stack trace). */
export function describeStartupFailure(service: string, error: unknown): string[] | undefined {
  if (error instanceof ConfigError) {
    return error.problems.length === 1
      ? [`${service} cannot start: ${error.problems[0]}`]
      : [`${service} cannot start; fix these ${error.problems.length} settings:`, ...error.problems.map((p) => `  - ${p}`)];
  }
  if (error instanceof StartupError) return [`${service} cannot start: ${error.message}`];
  return undefined;
}

/**
 * Runs a service's start-up (a main.ts, `npm start`): a problem a person can fix ends the process with exit code 1
 * and the lines that say what to do on stderr; anything else is a bug and keeps its stack trace.
 */
export async function runService(service: string, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    const lines = describeStartupFailure(service, error);
    if (!lines) throw error;
    process.stderr.write(`${lines.join('\n')}\n`);
    process.exit(1);
  }
}

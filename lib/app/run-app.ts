import { App } from 'cdktf';
import { ValidationError } from '../core/validation';

/**
 * Builds and synthesizes a cdktf app, turning invalid input into one readable message and exit code 1
 * instead of a stack trace. Set `KAFKA_PLATFORM_DEBUG=1` to see the trace as well.
 */
export function runApp(build: () => App): void {
  try {
    build().synth();
  } catch (err) {
    const known = err instanceof ValidationError || (err instanceof Error && /Validation failed/.test(err.message));
    if (!known || process.env.KAFKA_PLATFORM_DEBUG) throw err;
    process.stderr.write(`kafka-platform: synth refused, ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}

import { App } from 'cdktf';
import { runApp } from '../../lib/app/run-app';
import { ValidationError } from '../../lib/core/validation';

describe('runApp', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.exitCode = undefined;
  });
  afterEach(() => {
    stderr.mockRestore();
    process.exitCode = undefined;
    delete process.env.KAFKA_PLATFORM_DEBUG;
  });

  test('invalid input becomes one readable message and exit code 1, without a stack trace', () => {
    runApp(() => {
      throw new ValidationError([{ path: 'kafka-prod/cluster', field: 'replicas', value: 0, allowed: 'at least 1' }]);
    });
    expect(process.exitCode).toBe(1);
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toBe('kafka-platform: synth refused, invalid input\n  - kafka-prod/cluster: replicas = 0: at least 1\n');
  });

  test('main reports a factory that refuses its input while the environments load', () => {
    jest.isolateModules(() => {
      // The same module registry as main's runApp, so its instanceof check sees this class.
      const { ValidationError: IsolatedError } = require('../../lib/core/validation');
      jest.doMock('../../stacks/app', () => {
        throw new IsolatedError([{ path: 'Storage.persistentClaim', field: 'options.size', value: undefined, allowed: 'a quantity' }]);
      });
      require('../../main');
    });
    expect(process.exitCode).toBe(1);
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toBe('kafka-platform: synth refused, invalid input\n  - Storage.persistentClaim: options.size = undefined: a quantity\n');
  });

  test('unexpected errors are not swallowed', () => {
    expect(() =>
      runApp(() => {
        throw new TypeError('bug');
      }),
    ).toThrow('bug');
    expect(process.exitCode).toBeUndefined();
  });

  test('KAFKA_PLATFORM_DEBUG rethrows validation errors with their trace', () => {
    process.env.KAFKA_PLATFORM_DEBUG = '1';
    expect(() =>
      runApp(() => {
        throw new ValidationError([{ path: 'p', field: 'f', value: 1, allowed: 'a' }]);
      }),
    ).toThrow(ValidationError);
  });

  test('a valid app is synthesized', () => {
    const synth = jest.fn();
    runApp(() => ({ synth }) as unknown as App);
    expect(synth).toHaveBeenCalledTimes(1);
    expect(process.exitCode).toBeUndefined();
  });
});

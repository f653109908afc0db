import { IConstruct } from 'constructs';
import { CustomResourceRelease } from './custom-resource-release';
import { Validator } from '../core/validation';

/**
 * The release a topic or user is delivered through: the explicit one, else the nearest enclosing
 * `CustomResourceRelease`. There is no implicit default release: which Helm release owns an object
 * decides whether a later refactoring deletes it, so that choice stays visible in code.
 */
export function targetRelease(scope: IConstruct, explicit: CustomResourceRelease | undefined, v: Validator): CustomResourceRelease | undefined {
  const release = explicit ?? CustomResourceRelease.of(scope);
  v.check(
    release !== undefined,
    'release',
    undefined,
    'a CustomResourceRelease: pass `release`, or declare the construct inside one (KafkaTopology creates one per owner group)',
  );
  return release;
}

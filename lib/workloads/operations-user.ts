import { Construct } from 'constructs';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { KafkaUser } from '../access/kafka-user';
import { AclRule, isWildcard } from '../core/strimzi/acl';
import { UserAuthentication } from '../core/strimzi/user';
import { managedByLabels } from '../core/kubernetes';

/**
 * The dedicated KafkaUser of an operations workload (the access module's `KafkaUser`), with only the
 * ACLs the workload needs. The User Operator writes its credentials to a Secret of the same name,
 * which the workload mounts. Wildcards are recorded as acknowledged with `why`, so the production
 * review shows the reason next to the user.
 */
export function addOperationsUser(
  scope: Construct,
  release: CustomResourceRelease,
  cluster: IKafkaCluster,
  name: string,
  authentication: UserAuthentication,
  acls: readonly AclRule[],
  why: string,
): KafkaUser {
  return new KafkaUser(scope, 'user', {
    cluster,
    release,
    name,
    authentication,
    acls,
    labels: managedByLabels(),
    wildcardAcknowledgement: acls.some(isWildcard) ? why : undefined,
  });
}

import { clusterOf, describeObject, field, objectsOfKind } from '../inventory';
import { GuardrailRule } from '../rule';
import { RULE_IDS } from '../../core/well-known';

const MIN_CONTROLLERS = 3;

/** KP-PROD-CONTROLLERS: the KRaft quorum runs on at least 3 nodes that are not also brokers. */
export const dedicatedControllersRule: GuardrailRule = {
  id: RULE_IDS.PROD_CONTROLLERS,
  requirement: `at least ${MIN_CONTROLLERS} dedicated KRaft controllers`,
  why: 'a quorum of 3 survives one controller failure, and controllers that are not brokers are not disturbed by client load or broker rolls',
  fix: `use NodeTopology.dedicated() with a controller pool of ${MIN_CONTROLLERS} (or 5) replicas`,
  check(inventory) {
    const pools = objectsOfKind(inventory, 'KafkaNodePool');
    return objectsOfKind(inventory, 'Kafka').flatMap(({ object, owner }) => {
      const dedicated = pools
        .filter((p) => clusterOf(p.object) === object.metadata.name)
        .filter((p) => JSON.stringify(field(p.object, 'spec', 'roles')) === '["controller"]')
        .reduce((n, p) => n + Number(field(p.object, 'spec', 'replicas') ?? 0), 0);
      return dedicated >= MIN_CONTROLLERS ? [] : [{ owner, subject: `${describeObject(object)} dedicated controller replicas`, value: dedicated }];
    });
  },
};

import { RiskRule } from '../risk';
import { brokerRollRule } from './broker-roll';
import { backupReducedRule } from './backup-reduced';
import { connectorClassChangeRule } from './connector-class-change';
import { connectorDeletionRule } from './connector-deletion';
import { connectorOffsetsRule } from './connector-offsets';
import { sinkTopicsChangedRule } from './sink-topics-changed';
import { sourceTasksLoweredRule } from './source-tasks-lowered';
import { clusterDeletionRule } from './cluster-deletion';
import { deleteClaimRule } from './delete-claim';
import { keptTopicRemovedRule } from './kept-topic-removed';
import { metadataVersionRule } from './metadata-version';
import { minIsrLoweredRule } from './min-isr-lowered';
import { partitionDecreaseRule } from './partition-decrease';
import { partitionIncreaseKeyedRule } from './partition-increase-keyed';
import { replicationChangeRule } from './replication-change';
import { retentionCutRule } from './retention-cut';
import { storageShrinkRule } from './storage-shrink';
import { topicDeletionRule } from './topic-deletion';
import { wildcardGrantRule } from './wildcard-grant';

/** Every risk rule of the plan review, BLOCK rules first. */
export const RISK_RULES: readonly RiskRule[] = [
  partitionDecreaseRule,
  replicationChangeRule,
  topicDeletionRule,
  clusterDeletionRule,
  storageShrinkRule,
  deleteClaimRule,
  wildcardGrantRule,
  metadataVersionRule,
  connectorClassChangeRule,
  backupReducedRule,
  retentionCutRule,
  keptTopicRemovedRule,
  minIsrLoweredRule,
  partitionIncreaseKeyedRule,
  brokerRollRule,
  connectorDeletionRule,
  connectorOffsetsRule,
  sourceTasksLoweredRule,
  sinkTopicsChangedRule,
];

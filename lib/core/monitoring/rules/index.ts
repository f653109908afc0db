import type { AlertGroup } from '../alert-rules';
import { ResolvedMonitoringSpec } from '../monitoring-spec';
import { activeController, brokerDown, brokerRecovering, controllerDown, fencedBrokers, metadataErrors, multipleBrokersDown } from './brokers-and-controllers';
import { certificateExpiring } from './certificates';
import { connectAlerts, restoreDrillFailed, topicBackupBehind, topicBackupRecords } from './connect';
import { consumerGroupStalled } from './consumer-groups';
import { consumerLag, consumerLagCapacity } from './consumer-lag';
import { ruleContext } from './context';
import { drCaCopyStale } from './disaster-recovery';
import { diskFullForecast, diskSpaceHigh, diskUsageCapacity, offlineLogDirectory } from './disk';
import { backupOverdue, cronJobFailed } from './jobs';
import { clusterOperatorDown, entityOperatorDown, operatorReconciliationFailing, resourceNotReady } from './operators';
import { isrShrinks, offlinePartitions, uncleanLeaderElection, underMinIsrPartitions, underReplicatedPartitions } from './partitions';
import { mirrorMaker2 } from './replication';
import { slowProducer, threadPoolsIdleLow } from './requests';
import { cpuNearLimit, memoryNearLimit } from './resources';
import { kafkaExporterDown, metricsTargetDown, metricsTargetMissing } from './scrape-targets';
import { authenticationFailures } from './security';
import { highThroughput, messageRateCapacity } from './throughput';

export { ALERT_NAMES, type AlertName, isAlertName, type PlatformAlertRule } from './alert-names';
export { clusterSelectors, type ClusterSelectors } from './selectors';

/**
 * The alert groups of one cluster, from the resolved spec (thresholds included). Each concern's rules
 * are defined in its own file; this is where they are evaluated: a group is evaluated in order, groups
 * in parallel.
 */
export function buildAlertGroups(s: ResolvedMonitoringSpec): AlertGroup[] {
  const x = ruleContext(s);
  const c = s.cluster.name;
  const groups: AlertGroup[] = [
    {
      name: `${c}.availability`,
      rules: [
        ...brokerDown(x),
        ...brokerRecovering(x),
        ...multipleBrokersDown(x),
        ...controllerDown(x),
        ...fencedBrokers(x),
        ...metadataErrors(x),
        ...activeController(x),
        ...offlinePartitions(x),
        ...underMinIsrPartitions(x),
        ...uncleanLeaderElection(x),
        ...offlineLogDirectory(x),
        ...metricsTargetDown(x),
        ...metricsTargetMissing(x),
        ...kafkaExporterDown(x),
      ],
    },
    {
      name: `${c}.slo`,
      rules: [...underReplicatedPartitions(x), ...slowProducer(x), ...consumerLag(x), ...consumerGroupStalled(x), ...diskSpaceHigh(x), ...threadPoolsIdleLow(x), ...isrShrinks(x)],
    },
    {
      name: `${c}.operations`,
      rules: [
        ...operatorReconciliationFailing(x),
        ...resourceNotReady(x),
        ...entityOperatorDown(x),
        ...clusterOperatorDown(x),
        ...cronJobFailed(x),
        ...certificateExpiring(x),
        ...backupOverdue(x),
        ...authenticationFailures(x),
      ],
    },
    {
      name: `${c}.capacity`,
      rules: [...highThroughput(x), ...messageRateCapacity(x), ...diskUsageCapacity(x), ...consumerLagCapacity(x), ...cpuNearLimit(x), ...memoryNearLimit(x), ...diskFullForecast(x)],
    },
  ];
  if (s.mirrorMaker2) groups.push({ name: `${c}.replication`, rules: mirrorMaker2(x) });
  if (s.drCaCheckCronJob) groups.push({ name: `${c}.disaster-recovery`, rules: drCaCopyStale(x, s.drCaCheckCronJob) });
  if (s.kafkaConnect.length > 0) groups.push({ name: `${c}.connect`, rules: connectAlerts(x) });
  const backup = [...topicBackupBehind(x), ...restoreDrillFailed(x)];
  if (backup.length > 0) groups.push({ name: `${c}.topic-backup`, records: topicBackupRecords(x), rules: backup });
  return groups;
}

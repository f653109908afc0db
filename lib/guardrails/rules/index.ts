import { GuardrailRule } from '../rule';
import { alertsEnabledRule } from './alerts-enabled';
import { authenticatedListenersRule } from './authenticated-listeners';
import { clusterQuotasRule } from './cluster-quotas';
import { connectRegistryRule } from './connect-registry';
import { pluginChecksumRule } from './plugin-checksum';
import { backupsEnabledRule } from './backups-enabled';
import { dedicatedControllersRule } from './dedicated-controllers';
import { keepVolumeClaimsRule } from './keep-volume-claims';
import { minInsyncReplicasRule } from './min-insync-replicas';
import { remoteStateRule } from './remote-state';
import { offClusterBackupsRule } from './off-cluster-backups';
import { replicationFactorRule } from './replication-factor';
import { resourceRequestsRule } from './resource-requests';
import { secureListenersRule } from './secure-listeners';
import { superUsersRule } from './super-users';
import { uncleanLeaderElectionRule } from './unclean-leader-election';

export interface ProductionRuleOptions {
  /** Principals allowed as super users. @default ['platform-admin'] */
  readonly admins?: readonly string[];
}

/** Rules enforced in every environment: settings that are not merely unsafe but broken. */
export function everyEnvironmentRules(): GuardrailRule[] {
  return [authenticatedListenersRule];
}

/** The production rule set, in the order findings are reported. */
export function productionRules(options: ProductionRuleOptions = {}): GuardrailRule[] {
  return [
    replicationFactorRule,
    minInsyncReplicasRule,
    uncleanLeaderElectionRule,
    dedicatedControllersRule,
    secureListenersRule,
    keepVolumeClaimsRule,
    resourceRequestsRule,
    superUsersRule(options.admins ?? ['platform-admin']),
    backupsEnabledRule,
    offClusterBackupsRule,
    alertsEnabledRule,
    clusterQuotasRule,
    remoteStateRule,
    connectRegistryRule,
    pluginChecksumRule,
    ...everyEnvironmentRules(),
  ];
}

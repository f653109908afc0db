import { Construct } from 'constructs';
import { LightResource, LightResourceType } from './light-resource';
// Types only: the generated class loads only for HCL output (`LightResource`).
import type { ReleaseConfig } from '@cdktf/provider-helm/lib/release';

const HELM_RELEASE: LightResourceType = {
  type: 'helm_release',
  provider: { providerName: 'helm', providerVersion: '3.1.1', providerVersionConstraint: '~> 3.0' },
  // The helm_release schema has no map attributes (values are YAML strings, `set` a list of blocks).
  maps: new Set(),
  generated: () => require('@cdktf/provider-helm/lib/release').Release,
};

/**
 * A Helm release (`helm_release`), written like the Helm provider's generated `Release` (same configuration,
 * address and JSON) as a light resource class (`LightResource`).
 */
export class HelmRelease extends LightResource<ReleaseConfig> {
  static readonly tfResourceType = 'helm_release';

  constructor(scope: Construct, id: string, config: ReleaseConfig) {
    super(scope, id, HELM_RELEASE, config);
  }
}

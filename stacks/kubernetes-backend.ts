import { Construct } from 'constructs';
import { TerraformBackend, TerraformRemoteState } from 'cdktf';

/** Settings of Terraform's `kubernetes` backend (state in a Secret, locking with a Lease). */
export interface KubernetesBackendProps {
  readonly secretSuffix: string;
  readonly namespace: string;
  readonly configPath: string;
  readonly configContext: string;
}

/** Terraform's `kubernetes` state backend, which cdktf 0.21 does not ship a class for. */
export class KubernetesBackend extends TerraformBackend {
  constructor(
    scope: Construct,
    private readonly props: KubernetesBackendProps,
  ) {
    super(scope, 'backend', 'kubernetes');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      secret_suffix: this.props.secretSuffix,
      namespace: this.props.namespace,
      config_path: this.props.configPath,
      config_context: this.props.configContext,
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return this.synthesizeAttributes();
  }

  getRemoteStateDataSource(scope: Construct, name: string): TerraformRemoteState {
    return new KubernetesRemoteState(scope, name, this.props);
  }
}

class KubernetesRemoteState extends TerraformRemoteState {
  constructor(scope: Construct, id: string, props: KubernetesBackendProps) {
    // The config is written to the data source verbatim; Terraform expects snake_case keys.
    const config = {
      secret_suffix: props.secretSuffix,
      namespace: props.namespace,
      config_path: props.configPath,
      config_context: props.configContext,
    };
    super(scope, id, 'kubernetes', config as unknown as ConstructorParameters<typeof TerraformRemoteState>[3]);
  }
}

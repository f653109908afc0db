import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import { KubernetesBackend } from './kubernetes-backend';
import { BackendConfig, KubernetesAccess } from './environment-config';

/** From a stack's output folder (`cdktf.out/stacks/<stack>`) to the project folder. */
export const LOCAL_STATE_FROM_STACK_DIR = '../../../';

/** Configures the stack's state backend. */
export function configureBackend(stack: TerraformStack, stackName: string, backend: BackendConfig, access: KubernetesAccess): void {
  switch (backend.type) {
    case 'local':
      // Terraform resolves a relative path from the stack's output folder (cdktf.out/stacks/<stack>): three
      // levels up is the project folder, so `rm -rf cdktf.out` never deletes the state, and a relative
      // path keeps the synthesized JSON identical on every machine.
      new LocalBackend(stack, { path: backend.path ?? `${LOCAL_STATE_FROM_STACK_DIR}terraform.${stackName}.tfstate` });
      return;
    case 's3':
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        encrypt: true,
        ...(backend.dynamodbTable ? { dynamodbTable: backend.dynamodbTable } : {}),
      });
      return;
    case 'kubernetes':
      new KubernetesBackend(stack, {
        secretSuffix: backend.secretSuffix,
        namespace: backend.namespace ?? 'kube-system',
        configPath: access.configPath,
        configContext: access.context,
      });
      return;
  }
}

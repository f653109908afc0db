import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import { KubernetesBackend } from './kubernetes-backend';
import { BackendConfig, KubernetesAccess } from './environment-config';

/** Configures the stack's state backend. */
export function configureBackend(stack: TerraformStack, stackName: string, backend: BackendConfig, access: KubernetesAccess): void {
  switch (backend.type) {
    case 'local':
      // A relative path keeps the synthesized JSON identical on every machine.
      new LocalBackend(stack, { path: backend.path ?? `terraform.${stackName}.tfstate` });
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

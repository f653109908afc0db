import { App } from 'cdktf';
import { EnvironmentConfig } from './environment-config';
import { ENVIRONMENTS } from './environments';
import { KafkaPlatformStack } from './platform-stack';

/** The cdktf app: one stack per environment (`cdktf deploy kafka-<env>`). */
export function buildApp(outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out', environments: readonly EnvironmentConfig[] = ENVIRONMENTS): App {
  const app = new App({ outdir });
  const stacks = new Map(environments.map((env) => [env.name, new KafkaPlatformStack(app, env)]));
  // A replicating environment reads its DR cluster's Secrets at deploy time: deploy the DR stack first.
  for (const env of environments) {
    const dr = env.disasterRecovery;
    const target = dr?.role === 'source' ? stacks.get(dr.target.name) : undefined;
    if (target) stacks.get(env.name)!.addDependency(target);
  }
  return app;
}

import { App } from 'cdktf';
import { EnvironmentConfig } from './environment-config';
import { ENVIRONMENTS } from './environments';
import { KafkaPlatformStack } from './platform-stack';

/** The cdktf app: one stack per environment (`cdktf deploy kafka-<env>`). */
export function buildApp(outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out', environments: readonly EnvironmentConfig[] = ENVIRONMENTS): App {
  const app = new App({ outdir });
  for (const env of environments) new KafkaPlatformStack(app, env);
  return app;
}

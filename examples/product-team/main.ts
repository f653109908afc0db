import { App } from 'cdktf';
import { runApp } from '../../lib';
import { CheckoutKafkaStack } from './stack';

// `node dist/examples/product-team/main.js` synthesizes the team's stack for staging and prod.
runApp(() => {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out.product-team' });
  new CheckoutKafkaStack(app, 'checkout-kafka-staging', { kubeContext: 'kafka-staging', clusterName: 'kafka-staging', brokerCount: 3, production: false });
  new CheckoutKafkaStack(app, 'checkout-kafka-prod', { kubeContext: 'kafka-prod', clusterName: 'kafka-prod', brokerCount: 6, production: true });
  return app;
});

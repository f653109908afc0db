import { runApp } from './lib/app/run-app';
import { buildApp } from './stacks/app';

runApp(() => buildApp());

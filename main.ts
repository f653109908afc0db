import { runApp } from './lib';
import { buildApp } from './stacks/app';

runApp(() => buildApp());

import * as fs from 'fs';
import * as path from 'path';
import { AssetType, TerraformAsset, TerraformStack } from 'cdktf';
import { LIBRARY_CHART } from '../core/well-known';

/**
 * The local chart ships next to this file (and is copied next to the compiled file by `npm run build`).
 */
export const CHART_DIR = path.join(__dirname, 'chart');

/** One asset per stack, under the name the plan review looks for. */
const ASSET_ID = LIBRARY_CHART;

/** The chart copied once into each stack's output; returns its path relative to the stack. */
export function chartPath(stack: TerraformStack): string {
  const existing = stack.node.tryFindChild(ASSET_ID) as TerraformAsset | undefined;
  if (existing) return existing.path;
  if (!fs.existsSync(path.join(CHART_DIR, 'Chart.yaml'))) {
    throw new Error(`kafka-platform: the resources chart is missing at ${CHART_DIR}; run "npm run build", which copies it next to the compiled code`);
  }
  return new TerraformAsset(stack, ASSET_ID, { path: CHART_DIR, type: AssetType.DIRECTORY }).path;
}

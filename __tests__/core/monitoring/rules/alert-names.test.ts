import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { allAlertRules, buildAlertGroups, runbookSlug } from '../../../../lib/core/monitoring/alert-rules';
import { ALERT_NAMES } from '../../../../lib/core/monitoring/rules';
import { ENVIRONMENTS } from '../../../../stacks/environments';
import { KafkaPlatformStack } from '../../../../stacks/platform-stack';
import { spec } from '../fixtures';

const RUNBOOKS = path.join(__dirname, '..', '..', '..', '..', 'docs', 'runbooks');

describe('the registry of alert names', () => {
  const rendered = new Set(ENVIRONMENTS.flatMap((env) => allAlertRules(new KafkaPlatformStack(Testing.app(), env).monitoring!.alertGroups).map((r) => r.alert)));

  test('lists each name once', () => {
    expect(new Set(ALERT_NAMES).size).toBe(ALERT_NAMES.length);
  });

  test('every registered alert is rendered by some environment or by a full spec (no dead names)', () => {
    const full = new Set(allAlertRules(buildAlertGroups(spec({ mirrorMaker2: true, drCaCheckCronJob: 'kafka-prod-dr-ca-check' }))).map((r) => r.alert));
    expect(ALERT_NAMES.filter((n) => !rendered.has(n) && !full.has(n))).toEqual([]);
  });

  test('every registered alert has its runbook page, and every page belongs to a registered alert', () => {
    const pages = fs.readdirSync(RUNBOOKS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    expect(ALERT_NAMES.filter((n) => !pages.includes(runbookSlug(n)))).toEqual([]);
    expect(pages.filter((p) => !ALERT_NAMES.some((n) => runbookSlug(n) === p))).toEqual([]);
  });
});

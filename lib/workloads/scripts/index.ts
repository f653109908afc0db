import * as fs from 'fs';
import * as path from 'path';

/**
 * The shell scripts the operations workloads run. They are real files (reviewable, testable with
 * bash) read at synth and shipped to the cluster in a ConfigMap per workload.
 */
export type ScriptName =
  | 'kafka-client.sh'
  | 'metadata-backup.sh'
  | 'prune-backups.sh'
  | 'restore-offsets.sh'
  | 'export-resources.sh'
  | 's3-upload.sh'
  | 'volume-snapshot.sh'
  | 'acl-audit.sh'
  | 'leader-election.sh'
  | 'load-test.sh'
  | 'ca-check.sh'
  | 's3-download.sh'
  | 'restore-stage.sh'
  | 'restore-load.sh'
  | 'restore-verify.sh'
  | 'backup-probe.sh';

const cache = new Map<ScriptName, string>();

/** Name -> content of the given scripts, for a workload's `scripts`. */
export function scripts(...names: ScriptName[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    let text = cache.get(name);
    if (text === undefined) {
      text = fs.readFileSync(path.join(__dirname, name), 'utf8');
      cache.set(name, text);
    }
    out[name] = text;
  }
  return out;
}

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SCRIPTS } from './fake-kafka';

/**
 * A fake `kubectl` for volume-snapshot.sh, over a state folder: `pvcs` (one claim per line) and
 * `snapshots/<name>` (creation time). Like the real one it exits 1 with `Error from server ...` when the
 * API refuses, prints empty jsonpath fields for a status not written yet, and reports a snapshot's
 * `status.readyToUse` / `status.error.message` as the CSI snapshotter sets them. Each snapshot becomes
 * ready after `readyAfter` reads (never with `Infinity`); `snapshotError` makes one report an error.
 */
export class FakeKubectl {
  readonly bin: string;
  readonly log: string;

  constructor(readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kubectl-'))) {
    this.bin = path.join(root, 'bin');
    this.log = path.join(root, 'calls.log');
    for (const dir of ['bin', 'snapshots', 'polls', 'faults']) fs.mkdirSync(path.join(root, dir));
    fs.writeFileSync(path.join(root, 'pvcs'), '');
    this.readyAfter(1);
    fs.writeFileSync(
      path.join(this.bin, 'kubectl'),
      `#!/usr/bin/env bash
R="${root}"
echo "kubectl $*" >> "${this.log}"
args=" $* "
case "$args" in
  *" get pvc "*) [ -f "$R/faults/get-pvc" ] && { cat "$R/faults/get-pvc" >&2; exit 1; }; cat "$R/pvcs" ;;
  *" create -f "*)
    [ -f "$R/faults/create" ] && { cat "$R/faults/create" >&2; exit 1; }
    file="\${@: -1}"
    cat "$file" >> "${this.log}"
    for n in $(awk '/^metadata:/ { m = 1; next } m && /^  name: / { print $2; m = 0 }' "$file"); do
      date -u +%Y-%m-%dT%H:%M:%SZ > "$R/snapshots/$n"; echo "volumesnapshot.snapshot.storage.k8s.io/$n created"
    done ;;
  *" get volumesnapshot "*)
    name="$(echo "$args" | sed 's/.* get volumesnapshot \\([^ ]*\\) .*/\\1/')"
    [ -f "$R/snapshots/$name" ] || { echo "Error from server (NotFound): volumesnapshots.snapshot.storage.k8s.io \\"$name\\" not found" >&2; exit 1; }
    n=$(( $(cat "$R/polls/$name" 2>/dev/null || echo 0) + 1 )); echo $n > "$R/polls/$name"
    if [ -f "$R/faults/error-prefix" ] && [[ "$name" == "$(head -n 1 "$R/faults/error-prefix")"* ]]; then printf 'false|%s' "$(tail -n +2 "$R/faults/error-prefix")"
    elif [ "$(cat "$R/ready-after")" != never ] && [ $n -ge "$(cat "$R/ready-after")" ]; then printf 'true|'
    else printf '|'; fi ;;
  *" get volumesnapshots "*) for f in "$R"/snapshots/*; do [ -f "$f" ] && echo "$(basename "$f") $(cat "$f")"; done ;;
  *" delete volumesnapshot "*) rm -f "$R/snapshots/\${@: -1}"; echo "volumesnapshot.snapshot.storage.k8s.io \\"\${@: -1}\\" deleted" ;;
  *" apply -f "*)
    [ -f "$R/faults/apply" ] && { cat "$R/faults/apply" >&2; exit 1; }
    file="\${@: -1}"; cp "$file" "$R/applied.json"
    name="$(sed -n 's/.*"metadata":{"name":"\\([^"]*\\)".*/\\1/p' "$file")"
    mkdir -p "$R/connectors"; cp "$file" "$R/connectors/$name"; echo 0 > "$R/polls/connector-$name"
    echo "kafkaconnector.kafka.strimzi.io/$name created" ;;
  *" delete kafkaconnector "*)
    [ -f "$R/faults/delete" ] && { cat "$R/faults/delete" >&2; exit 1; }
    name="$(echo "$args" | sed 's/.* delete kafkaconnector \\([^ ]*\\) .*/\\1/')"
    if [ -f "$R/connectors/$name" ]; then rm -f "$R/connectors/$name"; echo "kafkaconnector.kafka.strimzi.io \\"$name\\" deleted"; fi ;;
  *" get kafkaconnector "*)
    name="$(echo "$args" | sed 's/.* get kafkaconnector \\([^ ]*\\) .*/\\1/')"
    [ -f "$R/connectors/$name" ] || { echo "Error from server (NotFound): kafkaconnectors.kafka.strimzi.io \\"$name\\" not found" >&2; exit 1; }
    n=$(( $(cat "$R/polls/connector-$name") + 1 )); echo $n > "$R/polls/connector-$name"
    # No status until the operator reconciled; then what connector-status says (state|task states|trace).
    if [ $n -ge "$(cat "$R/connector-after" 2>/dev/null || echo 2)" ]; then cat "$R/connector-status" 2>/dev/null || printf 'RUNNING|RUNNING|'; else printf '||'; fi ;;
  *) echo "fake kubectl: unexpected call $*" >&2; exit 3 ;;
esac
`,
      { mode: 0o755 },
    );
  }

  pvcs(...names: string[]): void {
    fs.writeFileSync(path.join(this.root, 'pvcs'), names.map((n) => `${n}\n`).join(''));
  }

  /** An existing snapshot with its creation time. */
  snapshot(name: string, created: string): void {
    fs.writeFileSync(path.join(this.root, 'snapshots', name), `${created}\n`);
  }

  snapshots(): string[] {
    return fs.readdirSync(path.join(this.root, 'snapshots')).sort();
  }

  readyAfter(reads: number): void {
    fs.writeFileSync(path.join(this.root, 'ready-after'), Number.isFinite(reads) ? String(reads) : 'never');
  }

  /** The snapshot whose name starts with `prefix` reports `status.error.message`. */
  snapshotError(prefix: string, message: string): void {
    fs.writeFileSync(path.join(this.root, 'faults', 'error-prefix'), `${prefix}\n${message}`);
  }

  /** The API refuses a request kind (`get-pvc`, `create`) with this message, exit 1. */
  refuse(what: 'get-pvc' | 'create' | 'apply' | 'delete', message: string): void {
    fs.writeFileSync(path.join(this.root, 'faults', what), `${message}\n`);
  }

  /** After `reads` reads, the restore connector reports `status` (`state|task states|trace`, as the script's jsonpath prints it). */
  connectorStatus(status: string, reads = 2): void {
    fs.writeFileSync(path.join(this.root, 'connector-status'), status);
    fs.writeFileSync(path.join(this.root, 'connector-after'), String(reads));
  }

  /** The KafkaConnector last applied, parsed. */
  applied(): Record<string, any> | undefined {
    const f = path.join(this.root, 'applied.json');
    return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : undefined;
  }

  connectors(): string[] {
    const d = path.join(this.root, 'connectors');
    return fs.existsSync(d) ? fs.readdirSync(d).sort() : [];
  }

  calls(): string[] {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8').trimEnd().split('\n') : [];
  }

  run(script: string, env: Record<string, string> = {}, args: string[] = []): { status: number; stdout: string; stderr: string } {
    const r = spawnSync('sh', [path.join(SCRIPTS, script), ...args], {
      encoding: 'utf8',
      env: { PATH: `${this.bin}:${process.env.PATH}`, TMPDIR: this.root, SNAPSHOT_POLL_SECONDS: '0.05', ...env },
    });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

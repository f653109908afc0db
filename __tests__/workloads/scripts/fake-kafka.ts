import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Folder of the library's shell scripts. */
export const SCRIPTS = path.join(__dirname, '../../../lib/workloads/scripts');

/**
 * `kafka-consumer-groups.sh` as Kafka 4.x behaves, over a state folder (`groups/<group>/state`,
 * `groups/<group>/offsets` with `topic,partition,offset` lines):
 * - every failure is caught and printed as `Error: ...` on stdout, and the exit code is still 0;
 * - describing a group that does not exist fails with `GroupIdNotFoundException` (KIP-1043), printed the same way;
 * - resetting the offsets of a group with members prints an `Error:` line and changes nothing (exit 0);
 * - resetting a group that does not exist creates it, as an Empty group with those offsets.
 * Faults: `faults/<mode>` (mode list, describe-all, state, offsets, reset) replaces the answer of that mode
 * with its content (exit 0); `faults/ignore-reset` lists groups whose resets print the plan but apply nothing.
 */
function consumerGroupsTool(root: string): string {
  return `
list=0; describe=0; all=0; state=0; reset=0; execute=0; group=""; file=""; prev=""
for a in "$@"; do
  case "$prev" in --group) group="$a" ;; --from-file) file="$a" ;; esac
  case "$a" in
    --list) list=1 ;; --describe) describe=1 ;; --all-groups) all=1 ;; --state) state=1 ;;
    --reset-offsets) reset=1 ;; --execute) execute=1 ;;
  esac
  prev="$a"
done
G="${root}/groups"; F="${root}/faults"
mode=offsets
if [ $list = 1 ]; then mode=list; elif [ $reset = 1 ]; then mode=reset; elif [ $state = 1 ]; then mode=state; elif [ $all = 1 ]; then mode=describe-all; fi
if [ -f "$F/$mode" ]; then cat "$F/$mode"; exit 0; fi
not_found() {
  echo
  echo "Error: Executing consumer group command failed due to org.apache.kafka.common.errors.GroupIdNotFoundException: Group $1 not found."
  echo "java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.GroupIdNotFoundException: Group $1 not found." >&2
  echo "	at org.apache.kafka.tools.consumer.group.ConsumerGroupCommand.main(ConsumerGroupCommand.java:123)" >&2
}
state_of() { cat "$G/$1/state" 2>/dev/null || echo Empty; }
describe_offsets() {
  local g="$1" s; s="$(state_of "$g")"
  [ "$s" = Empty ] && echo "Consumer group '$g' has no active members." >&2
  echo
  echo "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID"
  while IFS=, read -r t p o; do
    if [ "$s" = Empty ]; then echo "$g  $t  $p  $o  $o  0  -  -  -"; else echo "$g  $t  $p  $o  $o  0  $g-consumer-1-5b0c  /10.0.0.7  $g-consumer-1"; fi
  done < "$G/$g/offsets"
}
case $mode in
  list) [ -d "$G" ] && ls "$G" ;;
  describe-all) if [ -d "$G" ]; then for g in $(ls "$G"); do describe_offsets "$g"; done; fi ;;
  state)
    if [ ! -d "$G/$group" ]; then not_found "$group"; exit 0; fi
    echo; echo "GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS"
    echo "$group  broker-0:9093 (0)  range  $(state_of "$group")  0" ;;
  offsets) if [ -d "$G/$group" ]; then describe_offsets "$group"; else not_found "$group"; fi ;;
  reset)
    s="$(state_of "$group")"
    case "$s" in Empty|Dead) ;; *) echo; echo "Error: Assignments can only be reset if the group '$group' is inactive, but the current state is $s."; exit 0 ;; esac
    echo; echo "GROUP                          TOPIC                          PARTITION  NEW-OFFSET"
    while IFS=, read -r t p o; do echo "$group  $t  $p  $o"; done < "$file"
    if [ $execute = 1 ] && ! grep -qx "$group" "$F/ignore-reset" 2>/dev/null; then
      mkdir -p "$G/$group"; [ -f "$G/$group/state" ] || echo Empty > "$G/$group/state"
      touch "$G/$group/offsets"
      while IFS=, read -r t p o; do
        grep -v "^$t,$p," "$G/$group/offsets" > "$G/$group/offsets.new" || true
        echo "$t,$p,$o" >> "$G/$group/offsets.new"; mv "$G/$group/offsets.new" "$G/$group/offsets"
      done < "$file"
    fi ;;
esac
exit 0
`;
}

/**
 * `kafka-topics.sh`, `kafka-configs.sh`, `kafka-acls.sh`: print `outputs/<tool>` (`--list` of topics
 * prints `outputs/kafka-topics.sh.list`, or the names in the describe output). Unlike
 * kafka-consumer-groups.sh these tools exit 1 on failure, as the real ones do.
 */
function cannedTool(root: string, tool: string): string {
  return `
case " $* " in
  *" --list "*) if [ "${tool}" = kafka-topics.sh ]; then
      if [ -f "${root}/outputs/${tool}.list" ]; then cat "${root}/outputs/${tool}.list"
      elif [ -f "${root}/outputs/${tool}" ]; then awk -F'\\t' '$1 ~ /^Topic: / { sub(/^Topic: /, "", $1); print $1 }' "${root}/outputs/${tool}"; fi
      exit 0
    fi ;;
esac
[ -f "${root}/outputs/${tool}" ] && cat "${root}/outputs/${tool}"
exit 0
`;
}

/**
 * A fake Kafka installation: `bin/kafka-*.sh` stubs that append their arguments (and, for
 * `--from-file`, the file's content) to `calls.log`, then answer as the real tools do.
 */
export class FakeKafka {
  readonly home: string;
  readonly log: string;

  constructor(readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kafka-'))) {
    this.home = path.join(root, 'kafka');
    this.log = path.join(root, 'calls.log');
    fs.mkdirSync(path.join(this.home, 'bin'), { recursive: true });
    for (const dir of ['outputs', 'groups', 'faults']) fs.mkdirSync(path.join(root, dir));
    for (const tool of ['kafka-consumer-groups.sh', 'kafka-topics.sh', 'kafka-configs.sh', 'kafka-acls.sh', 'kafka-leader-election.sh']) {
      const body = tool === 'kafka-consumer-groups.sh' ? consumerGroupsTool(root) : cannedTool(root, tool);
      const stub = `#!/usr/bin/env bash
echo "${tool} $*" >> "${this.log}"
prev=""
for a in "$@"; do
  if [ "$prev" = "--from-file" ]; then sed 's/^/  | /' "$a" >> "${this.log}"; fi
  prev="$a"
done
${body}`;
      fs.writeFileSync(path.join(this.home, 'bin', tool), stub, { mode: 0o755 });
    }
  }

  output(tool: string, text: string): void {
    fs.writeFileSync(path.join(this.root, 'outputs', tool), text);
  }

  /** A consumer group on the fake cluster with its state and committed offsets. */
  group(name: string, state: string, offsets: readonly (readonly [string, number, number | '-'])[] = []): void {
    const dir = path.join(this.root, 'groups', name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'state'), state);
    fs.writeFileSync(path.join(dir, 'offsets'), offsets.map((o) => `${o.join(',')}\n`).join(''));
  }

  groupState(group: string, state: string): void {
    const dir = path.join(this.root, 'groups', group);
    if (!fs.existsSync(dir)) this.group(group, state);
    else fs.writeFileSync(path.join(dir, 'state'), state);
  }

  /** Committed offsets of a group (`topic,partition,offset` lines), as the fake cluster holds them. */
  offsets(group: string): string[] {
    const file = path.join(this.root, 'groups', group, 'offsets');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').filter((l) => l) : [];
  }

  /** kafka-consumer-groups.sh answers `mode` (list, describe-all, state, offsets, reset) with `text`, exit 0. */
  fault(mode: 'list' | 'describe-all' | 'state' | 'offsets' | 'reset', text: string): void {
    fs.writeFileSync(path.join(this.root, 'faults', mode), text);
  }

  /** Resets of `group` print their plan but change nothing (a broker that dropped the commit). */
  ignoreResets(group: string): void {
    fs.appendFileSync(path.join(this.root, 'faults', 'ignore-reset'), `${group}\n`);
  }

  calls(): string[] {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8').trimEnd().split('\n') : [];
  }

  /** Runs a library script with the fake tools and a SCRAM client setup. */
  run(script: string, args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
    const userDir = path.join(this.root, 'user');
    fs.mkdirSync(userDir, { recursive: true });
    fs.writeFileSync(path.join(userDir, 'password'), 's3cret');
    const r = spawnSync('bash', [path.join(SCRIPTS, script), ...args], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        TMPDIR: this.root,
        KAFKA_HOME: this.home,
        KAFKA_BOOTSTRAP_SERVERS: 'kafka-bootstrap:9093',
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_CLIENT_AUTH: 'scram-sha-512',
        KAFKA_USERNAME: 'backup',
        KAFKA_USER_DIR: userDir,
        KAFKA_CLIENT_CONFIG: path.join(this.root, 'client.properties'),
        ...env,
      },
    });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Writes a backup folder with the given files and a matching SHA256SUMS. */
export function writeBackup(dir: string, files: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  execFileSync('bash', ['-c', 'sha256sum -- * > SHA256SUMS'], { cwd: dir });
  return dir;
}

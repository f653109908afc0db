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
 * Tools that read and write records, over `topics/<topic>/<partition>` (one record a line:
 * `offset<TAB>CreateTime:<ms><TAB><headers><TAB><key><TAB><value>`), `<partition>.start` (log start offset) and
 * `<partition>.next` (log end offset). As in Kafka 4.x:
 * - `kafka-get-offsets.sh --topic T --time -1|-2` prints `T:<partition>:<offset>`; an unknown topic is an
 *   error on stderr and exit 1;
 * - `kafka-delete-records.sh` reports each partition as `low_watermark: N` or `error: …` and exits 0 either way;
 * - `kafka-console-consumer.sh --partition P --offset O --max-messages N` prints the records from O (timestamp,
 *   headers, key, value; no offset), `Processed a total of N messages` on stderr; a refused read logs `ERROR …`
 *   on stderr and exits 0;
 * - `kafka-console-producer.sh` appends stdin lines (`key|value`) to partition 0; a send the broker refuses is
 *   logged as `ERROR Error when sending message …` and the tool still exits 0.
 * Faults: `faults/<tool>` (get-offsets, delete-records, consumer, producer) holds the text such a failure prints.
 */
function recordTool(root: string, tool: string): string {
  return `
T="${root}/topics"; F="${root}/faults"
topic=""; time=""; part=""; off=""; max=""; file=""; prev=""
for a in "$@"; do
  case "$prev" in --topic) topic="$a" ;; --time) time="$a" ;; --partition) part="$a" ;; --offset) off="$a" ;; --max-messages) max="$a" ;; --offset-json-file) file="$a" ;; esac
  prev="$a"
done
end_of() { cat "$T/$1/$2.next" 2>/dev/null || echo 0; }
start_of() { cat "$T/$1/$2.start" 2>/dev/null || echo 0; }
case "${tool}" in
  kafka-get-offsets.sh)
    [ -f "$F/get-offsets" ] && { cat "$F/get-offsets" >&2; exit 1; }
    [ -d "$T/$topic" ] || { echo "Error occurred: Topic $topic does not exist" >&2; exit 1; }
    for f in $(ls "$T/$topic" | grep -E '^[0-9]+$' | sort -n); do
      if [ "$time" = -2 ]; then echo "$topic:$f:$(start_of "$topic" "$f")"; else echo "$topic:$f:$(end_of "$topic" "$f")"; fi
    done ;;
  kafka-delete-records.sh)
    cat "$file" >> "${root}/calls.log"; echo >> "${root}/calls.log"
    echo "Executing records delete operation"
    echo "Records delete operation completed:"
    # One "topic partition offset" line per entry of the offset JSON file.
    tr '{' '\\n' < "$file" | awk -F'[:,"]+' '/"topic"/ { for (i = 1; i < NF; i++) { if ($i == "topic") t = $(i+1); if ($i == "partition") p = $(i+1); if ($i == "offset") o = $(i+1) } print t, p, o }' > "${root}/delete.entries"
    while read -r t p o; do
      if [ -f "$F/delete-records" ]; then printf 'partition: %s-%s\\terror: %s\\n' "$t" "$p" "$(cat "$F/delete-records")"; continue; fi
      [ "$o" = -1 ] && o="$(end_of "$t" "$p")"
      echo "$o" > "$T/$t/$p.start"
      awk -F'\\t' -v o="$o" '$1 + 0 >= o + 0' "$T/$t/$p" > "$T/$t/$p.tmp"; mv "$T/$t/$p.tmp" "$T/$t/$p"
      printf 'partition: %s-%s\\tlow_watermark: %s\\n' "$t" "$p" "$o"
    done < "${root}/delete.entries" ;;
  kafka-console-consumer.sh)
    if [ -f "$F/consumer" ]; then cat "$F/consumer" >&2; echo "Processed a total of 0 messages" >&2; exit 0; fi
    n=0
    if [ -f "$T/$topic/$part" ]; then
      awk -F'\t' -v o="$off" -v m="$max" '$1 + 0 >= o + 0 && n < m + 0 { n++; print $2 "\t" $3 "\t" $4 "\t" $5 }' "$T/$topic/$part"
      n="$(awk -F'\t' -v o="$off" -v m="$max" '$1 + 0 >= o + 0 && n < m + 0 { n++ } END { print n + 0 }' "$T/$topic/$part")"
    fi
    echo "Processed a total of $n messages" >&2 ;;
  kafka-console-producer.sh)
    if [ -f "$F/producer" ]; then cat > /dev/null; cat "$F/producer" >&2; exit 0; fi
    mkdir -p "$T/$topic"
    while IFS= read -r line; do
      o="$(end_of "$topic" 0)"
      printf '%s\tCreateTime:%s\tNO_HEADERS\t%s\t%s\n' "$o" "$(date +%s%3N)" "\${line%%|*}" "\${line#*|}" >> "$T/$topic/0"
      echo $((o + 1)) > "$T/$topic/0.next"
    done ;;
esac
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
    for (const dir of ['outputs', 'groups', 'faults', 'topics']) fs.mkdirSync(path.join(root, dir));
    const recordTools = ['kafka-get-offsets.sh', 'kafka-delete-records.sh', 'kafka-console-consumer.sh', 'kafka-console-producer.sh'];
    for (const tool of ['kafka-consumer-groups.sh', 'kafka-topics.sh', 'kafka-configs.sh', 'kafka-acls.sh', 'kafka-leader-election.sh', ...recordTools]) {
      const body = tool === 'kafka-consumer-groups.sh' ? consumerGroupsTool(root) : recordTools.includes(tool) ? recordTool(root, tool) : cannedTool(root, tool);
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

  /** A topic with `partitions` partitions, empty (log start and end offset `start`). */
  topic(name: string, partitions: number, start = 0): void {
    const dir = path.join(this.root, 'topics', name);
    fs.mkdirSync(dir, { recursive: true });
    for (let p = 0; p < partitions; p++) {
      fs.writeFileSync(path.join(dir, String(p)), '');
      fs.writeFileSync(path.join(dir, `${p}.start`), String(start));
      fs.writeFileSync(path.join(dir, `${p}.next`), String(start));
    }
  }

  /** Appends records to a partition (as a producer or a source connector would); returns their offsets. */
  append(topic: string, partition: number, records: readonly { timestamp: number; key: string | null; value: string | null; headers?: string }[]): number[] {
    const file = path.join(this.root, 'topics', topic, String(partition));
    const nextFile = `${file}.next`;
    let next = Number(fs.readFileSync(nextFile, 'utf8'));
    const offsets: number[] = [];
    for (const r of records) {
      fs.appendFileSync(file, `${next}\tCreateTime:${r.timestamp}\t${r.headers ?? 'NO_HEADERS'}\t${r.key ?? 'null'}\t${r.value ?? 'null'}\n`);
      offsets.push(next++);
    }
    fs.writeFileSync(nextFile, String(next));
    return offsets;
  }

  /** Records of a partition as the console consumer prints them (`CreateTime:<ms>\theaders\tkey\tvalue`). */
  records(topic: string, partition: number): string[] {
    const file = path.join(this.root, 'topics', topic, String(partition));
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').filter((l) => l).map((l) => l.split('\t').slice(1).join('\t'));
  }

  /** A record tool (get-offsets, delete-records, consumer, producer) fails printing `text`, as described above. */
  recordFault(tool: 'get-offsets' | 'delete-records' | 'consumer' | 'producer', text: string): void {
    fs.writeFileSync(path.join(this.root, 'faults', tool), text);
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

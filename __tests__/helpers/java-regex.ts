import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Evaluates a regular expression the way MirrorMaker 2 does: `java.util.regex.Pattern.compile(p).matcher(name).matches()`
 * (the whole name, Java's dialect), with the real JDK through a single-file Java program. The JDK (`javac`, Debian
 * `default-jdk-headless`) is required in CI (`CI=true`); elsewhere the caller is told it is missing.
 */
const PROGRAM = `
import java.nio.file.*;
import java.util.regex.Pattern;
public class Matches {
  public static void main(String[] args) throws Exception {
    Pattern p = Pattern.compile(Files.readString(Path.of(args[0])));
    for (String name : Files.readAllLines(Path.of(args[1]))) {
      if (!name.isEmpty()) System.out.println(name + "\\t" + p.matcher(name).matches());
    }
  }
}
`;

export function javaAvailable(): boolean {
  const probe = spawnSync('javac', ['-version'], { encoding: 'utf8' });
  if (probe.status === 0) return true;
  if (process.env.CI === 'true') throw new Error('a JDK (javac) is required in CI to evaluate regular expressions as MirrorMaker 2 does (apt-get install default-jdk-headless)');
  // eslint-disable-next-line no-console
  console.warn('\n*** JAVA REGEX CHECKS DID NOT RUN: no JDK (apt-get install default-jdk-headless). ***\n');
  return false;
}

/** name -> whether Java's `Pattern.matches(pattern, name)` holds. */
export function javaMatches(pattern: string, names: readonly string[]): Map<string, boolean> {
  const base = path.join(__dirname, '..', '..', '.tmp', 'java-regex');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, 'run-'));
  try {
    fs.writeFileSync(path.join(dir, 'Matches.java'), PROGRAM);
    fs.writeFileSync(path.join(dir, 'pattern.txt'), pattern);
    fs.writeFileSync(path.join(dir, 'names.txt'), names.join('\n'));
    const run = spawnSync('java', ['Matches.java', 'pattern.txt', 'names.txt'], { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`java failed: ${run.stderr}`);
    return new Map(run.stdout.trim().split('\n').map((line) => {
      const [name, result] = line.split('\t');
      return [name, result === 'true'] as const;
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same question in JavaScript: the pattern anchored at both ends, as `matches()` is. */
export function jsMatches(pattern: string, name: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(name);
}

import { execFileSync } from 'child_process';
import { scratchDir } from './review-fixtures';

/** A real git repository in a scratch folder, on branch `main`, committing as a test identity. */
export class GitRepo {
  readonly dir = scratchDir();
  constructor() {
    this.git('init', '-q', '-b', 'main');
  }
  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: this.dir, encoding: 'utf8' }).trim();
  }
}

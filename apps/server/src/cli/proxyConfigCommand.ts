import type { Command } from 'commander';

export function registerProxyConfigCommand(program: Command): void {
  void program;
}

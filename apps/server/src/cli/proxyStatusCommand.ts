import type { Command } from 'commander';

export function registerProxyStatusCommand(program: Command): void {
  void program;
}

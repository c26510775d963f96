import type { Command } from 'commander';

export function registerTraceCommand(program: Command): void {
  void program;
}

import type { Command } from 'commander';

export function registerRouteCheckCommand(program: Command): void {
  void program;
}

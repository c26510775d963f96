import type { Command } from 'commander';

export function registerGraphCommand(program: Command): void {
  void program;
}

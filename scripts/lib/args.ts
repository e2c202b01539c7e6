/** `--name value` from a command line, or undefined. */
export function optionValue(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The arguments that are not options or option values. */
export function positional(args: readonly string[], optionsWithValues: readonly string[]): string[] {
  return args.filter((arg, i) => !arg.startsWith('--') && !optionsWithValues.includes(args[i - 1] ?? ''));
}

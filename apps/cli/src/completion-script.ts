import type { Command } from 'commander';

/** Command paths (`services execute`) with the words that may follow them. */
function table(program: Command): Map<string, { commands: string[]; options: string[] }> {
  const globals = program.options.map((o) => o.long).filter((l): l is string => l !== undefined);
  const map = new Map<string, { commands: string[]; options: string[] }>();
  const walk = (command: Command, path: string) => {
    const own = command.options.map((o) => o.long).filter((l): l is string => l !== undefined);
    map.set(path, { commands: command.commands.map((c) => c.name()), options: path === '' ? [...globals, '--help', '--version'] : [...own, ...globals, '--help'] });
    for (const sub of command.commands) walk(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
  };
  walk(program, '');
  return map;
}

/**
 * A shell completion script for `spark`, built from the program's commands and options.
 *
 * @param program - the `spark` program
 * @param shell - bash, zsh or fish
 * @returns the script to `source` (bash, zsh) or save (fish)
 * @example
 * process.stdout.write(completionScript(program, 'bash'));
 */
export function completionScript(program: Command, shell: 'bash' | 'zsh' | 'fish'): string {
  const paths = table(program);
  if (shell === 'fish') return fish(paths);
  const cases = [...paths].map(([path, { commands, options }]) => `    "${path}") words="${[...commands, ...options].join(' ')}" ;;`).join('\n');
  const known = `|${[...paths.keys()].join('|')}|`;
  const bash = `# spark completion (bash). Load with: source <(spark completion bash)
_spark() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" next i words
  for ((i = 1; i < COMP_CWORD; i++)); do
    next="\${path:+$path }\${COMP_WORDS[i]}"
    case "${known}" in *"|$next|"*) path="$next" ;; esac
  done
  case "$path" in
${cases}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _spark spark
`;
  if (shell === 'bash') return bash;
  return `# spark completion (zsh). Load with: source <(spark completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash}`;
}

function fish(paths: Map<string, { commands: string[]; options: string[] }>): string {
  const lines = ['# spark completion (fish). Save as ~/.config/fish/completions/spark.fish', 'complete -c spark -f'];
  for (const [path, { commands, options }] of paths) {
    const words = path.split(' ').filter(Boolean);
    const condition = words.length === 0 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${words.at(-1)}`;
    if (commands.length > 0) lines.push(`complete -c spark -n '${condition}' -a '${commands.join(' ')}'`);
    for (const option of new Set(options)) lines.push(`complete -c spark -n '${condition}' -l ${option.replace(/^--/, '')}`);
  }
  return `${lines.join('\n')}\n`;
}

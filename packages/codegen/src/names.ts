const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface ' +
    'package private protected public await').split(' '),
);

/**
 * Splits a service name into words (`volume-cylinder`, `Volume Cylinder`, `volumeCylinder`
 * and `volume_cylinder` all give `volume`, `cylinder`).
 */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * A PascalCase TypeScript name for a service (`volume-cylinder` → `VolumeCylinder`); a name
 * that would start with a digit or be empty gets a `Service` prefix.
 *
 * @example
 * pascalName('volume-cylinder') // 'VolumeCylinder'
 */
export function pascalName(name: string): string {
  const out = words(name).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return out === '' || /^[0-9]/.test(out) ? `Service${out}` : out;
}

/**
 * A camelCase constant name for a service's descriptor (`volume-cylinder` → `volumeCylinder`),
 * never a reserved word.
 *
 * @example
 * camelName('volume-cylinder') // 'volumeCylinder'
 */
export function camelName(name: string): string {
  const pascal = pascalName(name);
  const out = pascal[0]!.toLowerCase() + pascal.slice(1);
  return RESERVED.has(out) ? `${out}Service` : out;
}

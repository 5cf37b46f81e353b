// The valibot functions the SDK's packages use, as one module. Not part of the public API.
//
// In Node every package is one bundled file (scripts/build-package.mjs). Inlining valibot into
// each of them would compile six copies on import (about 12 KB each); instead core's Node
// bundle carries these functions as an internal frozen object, and the other packages' Node
// bundles read `valibot` from it, so Node compiles one tree-shaken copy. Browser builds keep
// importing `valibot` itself. A package that starts using another valibot function must add it
// here: otherwise esbuild warns at build time that the export is missing, and the Node bundle
// fails when imported, which tooling/smoke's import of every package catches.
export {
  array, boolean, check, custom, date, function, gtValue, instance, integer, literal, maxValue, minLength, minValue,
  nonEmpty, null, nullable, number, object, objectWithRest, optional, picklist, pipe, record, regex, safeParse,
  strictObject, string, toLowerCase, trim, undefined, union, unknown,
} from 'valibot';
export type { BaseIssue, GenericSchema, InferOutput } from 'valibot';

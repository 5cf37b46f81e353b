// Preload (node --import ./runtime/record-loads.mjs …): registers ./print-loads.mjs.
import { register } from 'node:module';

register('./print-loads.mjs', import.meta.url);

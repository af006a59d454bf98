import type { Plugin } from 'esbuild';

export const yamlWithoutEnvReads: Plugin;

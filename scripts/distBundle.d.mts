import type { BuildOptions } from 'esbuild';

export declare const DIST_FILE: string;
export declare const distBuildOptions: BuildOptions;

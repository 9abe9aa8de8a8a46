/** Type declarations for TeaVM's wasm-gc ES-module runtime (copied into dist/ by the build). */
export interface TeaVMInstance {
  exports: Record<string, (...args: any[]) => any>;
}
export function load(path: string, options?: Record<string, unknown>): Promise<TeaVMInstance>;

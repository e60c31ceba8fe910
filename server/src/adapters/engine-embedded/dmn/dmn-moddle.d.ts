// dmn-moddle 12 ships no types for its entry point; only compile-dmn.ts uses it.
declare module 'dmn-moddle' {
  export class DmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: any; warnings: any[] }>;
  }
}

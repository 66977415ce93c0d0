// node-forge's RC2 and util modules, imported one by one so the bundle does not carry all of forge.
declare module 'node-forge/lib/rc2.js' {
  interface ForgeBuffer {
    getBytes(): string;
    putBytes(bytes: string): ForgeBuffer;
  }
  interface Rc2Cipher {
    start(iv: ForgeBuffer | string | null, output?: ForgeBuffer): void;
    update(input: ForgeBuffer): void;
    finish(): boolean;
    output: ForgeBuffer;
  }
  const rc2: {
    createDecryptionCipher(key: ForgeBuffer | string, bits: number): Rc2Cipher;
    createEncryptionCipher(key: ForgeBuffer | string, bits: number): Rc2Cipher;
  };
  export default rc2;
}
declare module 'node-forge/lib/util.js' {
  import type { default as rc2 } from 'node-forge/lib/rc2.js';

  type ForgeBuffer = Parameters<typeof rc2.createDecryptionCipher>[0];
  const util: { createBuffer(bytes?: string, encoding?: 'raw' | 'utf8'): Exclude<ForgeBuffer, string> };
  export default util;
}

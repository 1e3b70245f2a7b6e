declare module "arabic-persian-reshaper" {
  /** Replaces Arabic letters by their contextual presentation forms (U+FB50–U+FEFF). CommonJS: default import only. */
  const reshaper: { ArabicShaper: { convertArabic(text: string): string; convertArabicBack(text: string): string } };
  export default reshaper;
}

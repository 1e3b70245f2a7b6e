declare module "arabic-persian-reshaper" {
  /** Replaces Arabic letters by their contextual presentation forms (U+FB50–U+FEFF). */
  export const ArabicShaper: { convertArabic(text: string): string; convertArabicBack(text: string): string };
}

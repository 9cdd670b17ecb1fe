// Types for the two untyped wink libraries the grader uses.
declare module 'wink-tokenizer' {
  interface Token { value: string; tag: string }
  interface Tokenizer { tokenize(text: string): Token[]; defineConfig(config: Record<string, boolean>): number }
  function tokenizer(): Tokenizer;
  export = tokenizer;
}
declare module 'wink-porter2-stemmer' {
  function stem(word: string): string;
  export = stem;
}

declare module 'virtual:knowledge-pack' {
  const pack: import('./knowledge/schema').Pack;
  export default pack;
}
declare module 'virtual:alias-table' {
  const table: import('./matcher/alias-table').PackedAliasTable;
  export default table;
}
declare module '*.css?inline' {
  const css: string;
  export default css;
}
